using Kinerja.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages;

public sealed class MasukModel(SignInManager<AppUser> signIn, KinerjaDbContext db) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";

    [BindProperty] public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await db.Users.AnyAsync() ? Page() : Redirect("/setup");

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        if (result.RequiresTwoFactor)
            return Redirect("/masuk/kode" + (Url.IsLocalUrl(ReturnUrl) ? "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl!) : ""));
        Error = result.IsLockedOut
            ? "Akun terkunci sementara karena terlalu banyak percobaan yang salah; coba lagi 15 menit lagi."
            : "Nama pengguna atau kata sandi salah.";
        return Page();
    }
}
