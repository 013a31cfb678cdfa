using Kinerja.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Web.Pages;

/// <summary>
/// Change the password (the current one first). A password an administrator set must be changed here before
/// anything else (<see cref="Security.PasswordChangeGate"/>). The change ends every other session of the
/// account (Identity renews the security stamp); this browser stays signed in.
/// </summary>
public sealed class AkunSandiModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, KinerjaDbContext db) : PageModel
{
    [BindProperty] public string CurrentPassword { get; set; } = "";

    [BindProperty] public string NewPassword { get; set; } = "";

    [BindProperty] public string ConfirmPassword { get; set; } = "";

    public bool Required { get; private set; }

    public string? Message { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        Required = user.MustChangePassword;
        Message = TempData["pesan"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        Required = user.MustChangePassword;
        if (NewPassword != ConfirmPassword)
            Errors.Add("Kedua kata sandi baru tidak sama.");
        else if (NewPassword == CurrentPassword)
            Errors.Add("Kata sandi baru harus berbeda dari kata sandi sekarang.");
        if (Errors.Count == 0)
        {
            db.AuditUser = user.UserName ?? "";
            var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
            if (result.Succeeded)
            {
                user.MustChangePassword = false;
                await users.UpdateAsync(user);
                db.Record(null, nameof(AppUser), user.UserName ?? "", "ganti-sandi", null, null);
                await db.SaveChangesAsync();
                // the stamp changed: other sessions end, this one gets a fresh cookie without the "must change" mark
                await signIn.RefreshSignInAsync(user);
                TempData["pesan"] = "Kata sandi diganti. Sesi lain akun ini (perangkat lain) sudah berakhir.";
                return Redirect(Required ? "/" : "/akun/sandi");
            }

            Errors.AddRange(result.Errors.Select(e => e.Description));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
