using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages;

/// <summary>The signed-in user's notifications (issue 21: reminders of due dates), newest first; marking one or all read.</summary>
public sealed class NotifikasiModel(ScopeProvider scopes, NotificationCenter center, KinerjaDbContext db) : PageModel
{
    /// <summary>For the system administrator: every reminder whose e-mail failed at least once, newest first (attempts, last error, next attempt or given up).</summary>
    public List<(Notification Item, string User)>? FailedMail { get; private set; }

    public List<Notification> Items { get; private set; } = [];

    public int Unread { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await scopes.GetAsync() is not { UserId: { } user })
            return Challenge();
        Items = await center.ListAsync(user);
        if ((await scopes.GetAsync()).IsSystemAdmin)
        {
            var rows = await db.Notifications.AsNoTracking().Where(n => n.EmailNote != null && n.EmailAttempts > 0).OrderByDescending(n => n.Id).Take(200)
                .Select(n => new { Item = n, User = db.Users.Where(u => u.Id == n.UserId).Select(u => u.UserName).FirstOrDefault() }).ToListAsync();
            FailedMail = rows.Select(r => (r.Item, r.User ?? r.Item.UserId)).ToList();
        }

        Unread = Items.Count(n => n.ReadAt is null);
        return Page();
    }

    /// <summary>Marks one read and opens its record (the form's button is the notification's link).</summary>
    public async Task<IActionResult> OnPostBacaAsync(long id)
    {
        if (await scopes.GetAsync() is not { UserId: { } user })
            return Challenge();
        var note = await center.MarkReadAsync(user, id);
        // only the app's own paths are followed: a stored link never sends the browser elsewhere
        return note is null ? NotFound() : LocalRedirect(Url.IsLocalUrl(note.Link) ? note.Link : "/notifikasi");
    }

    public async Task<IActionResult> OnPostSemuaAsync()
    {
        if (await scopes.GetAsync() is not { UserId: { } user })
            return Challenge();
        await center.MarkAllReadAsync(user);
        return Redirect("/notifikasi");
    }

    /// <summary>"5 April 2025 09.00 WIB".</summary>
    public static string When(DateTimeOffset at) =>
        at.ToOffset(CycleService.Wib).ToString("d MMMM yyyy HH.mm", System.Globalization.CultureInfo.GetCultureInfo("id-ID")) + " WIB";
}
