using Kinerja.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Web.Pages;

/// <summary>
/// Signing out ends the session on the server: the security stamp changes, and every cookie issued before
/// (this browser's, a copied one, another device's) is refused at its next request (stamp checked on each request).
/// </summary>
public sealed class KeluarModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, KinerjaDbContext db) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            db.AuditUser = user.UserName ?? "";
            await users.UpdateSecurityStampAsync(user);
            db.Record(null, nameof(AppUser), user.UserName ?? "", "keluar", null, null);
            await db.SaveChangesAsync();
        }

        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
