using Kinerja.Data;
using Kinerja.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages;

/// <summary>
/// Sign-in. A wrong password never locks the account (anyone who knows a user name could lock its owner out);
/// instead wrong tries are counted per client address (<see cref="SignInThrottle"/>) and that address waits.
/// </summary>
public sealed class MasukModel(SignInManager<AppUser> signIn, KinerjaDbContext db, SignInThrottle throttle) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";

    [BindProperty] public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await db.Users.AnyAsync() ? Page() : Redirect("/setup");

    public async Task<IActionResult> OnPostAsync()
    {
        var address = RateLimits.AddressOf(HttpContext);
        if (throttle.IsBlocked(address))
            return Throttled();
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        if (result.RequiresTwoFactor)
            return Redirect("/masuk/kode" + (Url.IsLocalUrl(ReturnUrl) ? "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl!) : ""));
        if (result.IsLockedOut)
        {
            // only wrong authenticator codes lock (they need the password first); say so instead of "wrong password"
            Error = "Akun terkunci sementara karena terlalu banyak kode autentikator yang salah; coba lagi 15 menit lagi.";
            return Page();
        }

        throttle.Failed(address);
        Error = "Nama pengguna atau kata sandi salah.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private PageResult Throttled()
    {
        Error = $"Terlalu banyak percobaan masuk yang salah dari alamat ini; tunggu {(int)SignInThrottle.Window.TotalMinutes} menit lalu coba lagi. Akun Anda tidak dikunci: dari perangkat lain Anda tetap dapat masuk.";
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = ((int)SignInThrottle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }
}
