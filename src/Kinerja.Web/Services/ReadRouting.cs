using System.Globalization;
using Kinerja.Data;

namespace Kinerja.Web.Services;

/// <summary>
/// Where this request reads (issue 23): the replica, unless no replica is configured or the user wrote recently and the
/// replica may not have replayed that write yet (read-your-writes). A successful write leaves a short-lived cookie
/// holding the time and, on PostgreSQL, the primary's WAL position after it; while it lives, a read goes to the replica
/// only once the replica's replay position (<c>pg_last_wal_replay_lsn()</c>) has passed it, else to the primary.
/// </summary>
public sealed class ReadRouting(ReadDatabase databases, IHttpContextAccessor http, IConfiguration config) : IAsyncDisposable
{
    public const string CookieName = "kinerja.tulis";

    private KinerjaDbContext? _context;

    /// <summary>Whether the last context given reads the replica (for tests and the response header).</summary>
    public bool OnReplica { get; private set; }

    /// <summary>How long after a write the user's reads consider the replica possibly behind (Kinerja:ReadYourWritesSeconds, default 30).</summary>
    public static TimeSpan Window(IConfiguration config) => TimeSpan.FromSeconds(config.GetValue<double?>("Kinerja:ReadYourWritesSeconds") ?? 30);

    /// <summary>The read-only context of this request (created once).</summary>
    public async Task<KinerjaDbContext> ContextAsync(CancellationToken cancellationToken = default)
    {
        if (_context is not null)
            return _context;
        OnReplica = databases.HasReplica && await ReplicaServesAsync(cancellationToken);
        _context = databases.Create(OnReplica);
        http.HttpContext?.Response.Headers.TryAdd("X-Kinerja-Baca", OnReplica ? "replika" : "utama");
        return _context;
    }

    private async Task<bool> ReplicaServesAsync(CancellationToken cancellationToken)
    {
        if (http.HttpContext?.Request.Cookies[CookieName] is not { Length: > 0 } cookie)
            return true;
        var parts = cookie.Split('_', 2);
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            || DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(at) > Window(config))
            return true;
        var written = parts.Length > 1 ? ReadDatabase.ParseLsn(parts[1].Replace('-', '/')) : null;
        if (written is null)
            return false;
        // the replica has caught up with the write: it may serve the user again before the window ends
        await using var replica = databases.Create(replica: true);
        var replayed = ReadDatabase.ParseLsn(await ReadDatabase.ReplayLsnAsync(replica, cancellationToken));
        return replayed is { } r && r >= written;
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
            await _context.DisposeAsync();
    }
}

/// <summary>Marks a user's successful write with the read-your-writes cookie (only when a replica is configured).</summary>
public static class ReadYourWrites
{
    public static IApplicationBuilder UseReadYourWrites(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var databases = context.RequestServices.GetRequiredService<ReadDatabase>();
        if (databases.HasReplica && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.OnStarting(async () =>
            {
                if (context.Response.StatusCode >= 400)
                    return;
                var db = context.RequestServices.GetRequiredService<KinerjaDbContext>();
                var lsn = await ReadDatabase.CurrentLsnAsync(db, context.RequestAborted);
                var value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + (lsn is null ? "" : "_" + lsn.Replace('/', '-'));
                var config = context.RequestServices.GetRequiredService<IConfiguration>();
                context.Response.Cookies.Append(ReadRouting.CookieName, value, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = context.Request.IsHttps,
                    MaxAge = ReadRouting.Window(config),
                    IsEssential = true,
                });
            });
        }

        await next();
    });
}
