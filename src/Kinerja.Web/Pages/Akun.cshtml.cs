using Kinerja.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Web.Pages;

/// <summary>Optional two-step sign-in with an authenticator app (TOTP, ASP.NET Core Identity).</summary>
public sealed class AkunModel(UserManager<AppUser> users, KinerjaDbContext db) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";

    public string UserName { get; private set; } = "";

    public bool Enabled { get; private set; }

    public string? Key { get; private set; }

    public string? Uri { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        Message = TempData["pesan"] as string;
        await FillAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAktifkanAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = "Kode tidak cocok; periksa jam di ponsel dan coba kode berikutnya.";
            await FillAsync(user);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.AuditUser = user.UserName ?? "";
        await users.SetTwoFactorEnabledAsync(user, true);
        db.Record(null, nameof(AppUser), user.UserName ?? "", "2fa-aktif", null, null);
        await db.SaveChangesAsync();
        TempData["pesan"] = "Verifikasi dua langkah aktif.";
        return Redirect("/akun");
    }

    public async Task<IActionResult> OnPostMatikanAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        db.AuditUser = user.UserName ?? "";
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        db.Record(null, nameof(AppUser), user.UserName ?? "", "2fa-nonaktif", null, null);
        await db.SaveChangesAsync();
        TempData["pesan"] = "Verifikasi dua langkah dinonaktifkan.";
        return Redirect("/akun");
    }

    private async Task FillAsync(AppUser user)
    {
        UserName = user.UserName ?? "";
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
            return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        Key = key;
        Uri = $"otpauth://totp/Kinerja:{System.Uri.EscapeDataString(UserName)}?secret={key}&issuer=Kinerja&digits=6";
    }
}
