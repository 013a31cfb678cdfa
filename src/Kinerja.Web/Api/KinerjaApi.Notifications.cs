using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;

namespace Kinerja.Web.Api;

public sealed record NotificationDto(long Id, string Title, string Text, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, bool Emailed)
{
    public static NotificationDto Of(Notification n) => new(n.Id, n.Title, n.Text, n.Link, n.CreatedAt, n.ReadAt, n.EmailedAt is not null);
}

public sealed record UnreadCountDto(int Unread);

/// <summary>The signed-in user's notifications (issue 21): only their own, as on /notifikasi.</summary>
public static partial class KinerjaApi
{
    private static void MapNotifications(RouteGroupBuilder api)
    {
        api.MapGet("/notifikasi", ListNotifications).WithSummary("Notifikasi pengguna (pengingat batas waktu), terbaru lebih dulu; ?belumDibaca=true hanya yang belum dibaca");
        api.MapGet("/notifikasi/jumlah", UnreadNotifications).WithSummary("Jumlah notifikasi yang belum dibaca");
        api.MapPost("/notifikasi/{id:long}/dibaca", ReadNotification).WithSummary("Tandai satu notifikasi milik pengguna sudah dibaca");
        api.MapPost("/notifikasi/dibaca", ReadAllNotifications).WithSummary("Tandai semua notifikasi pengguna sudah dibaca; jawabannya jumlah yang ditandai");
    }

    private static async Task<IResult> ListNotifications(bool? belumDibaca, ScopeProvider scopes, NotificationCenter center) =>
        await scopes.GetAsync() is { UserId: { } user }
            ? Results.Ok((await center.ListAsync(user, belumDibaca == true)).Select(NotificationDto.Of).ToList())
            : ApiResults.Problem(401, "masuk terlebih dahulu");

    private static async Task<IResult> UnreadNotifications(ScopeProvider scopes, NotificationCenter center) =>
        await scopes.GetAsync() is { UserId: { } user }
            ? Results.Ok(new UnreadCountDto(await center.UnreadCountAsync(user)))
            : ApiResults.Problem(401, "masuk terlebih dahulu");

    private static async Task<IResult> ReadNotification(long id, ScopeProvider scopes, NotificationCenter center)
    {
        if (await scopes.GetAsync() is not { UserId: { } user })
            return ApiResults.Problem(401, "masuk terlebih dahulu");
        // another user's notification answers as a missing one: its existence is not told
        return await center.MarkReadAsync(user, id) is { } note ? Results.Ok(NotificationDto.Of(note)) : ApiResults.Problem(404, "notifikasi tidak ada");
    }

    private static async Task<IResult> ReadAllNotifications(ScopeProvider scopes, NotificationCenter center) =>
        await scopes.GetAsync() is { UserId: { } user }
            ? Results.Ok(new { marked = await center.MarkAllReadAsync(user) })
            : ApiResults.Problem(401, "masuk terlebih dahulu");
}
