using Kinerja.Data;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>
/// A user's notifications in the app (issue 21): the list, the unread count for the header, marking read. Only the
/// user's own rows are ever read or changed: every query is filtered by the signed-in user's id.
/// </summary>
public sealed class NotificationCenter(KinerjaDbContext db, TimeProvider clock)
{
    public const int PageSize = 100;

    public Task<int> UnreadCountAsync(string userId) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);

    /// <summary>The newest first (ids grow with time; SQLite cannot order by a DateTimeOffset).</summary>
    public Task<List<Notification>> ListAsync(string userId, bool unreadOnly = false, int take = PageSize) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == userId && (!unreadOnly || n.ReadAt == null))
            .OrderByDescending(n => n.Id).Take(take).ToListAsync();

    /// <summary>Marks one of the user's notifications read; null when it is not theirs (or does not exist).</summary>
    public async Task<Notification?> MarkReadAsync(string userId, long id)
    {
        var note = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId);
        if (note is null)
            return null;
        // marking read twice keeps the first time: the list says when it was first opened
        if (note.ReadAt is null)
        {
            note.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync();
        }

        return note;
    }

    /// <summary>Marks all of the user's unread notifications read; the number marked.</summary>
    public Task<int> MarkAllReadAsync(string userId)
    {
        var now = clock.GetUtcNow();
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
    }
}
