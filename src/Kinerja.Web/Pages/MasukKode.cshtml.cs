using Kinerja.Data;
using Kinerja.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Web.Pages;

/// <summary>The second step of a sign-in for an account with an authenticator: its 6-digit code, or one of the account's recovery codes.</summary>
public sealed class MasukKodeModel(SignInManager<AppUser> signIn, SignInThrottle throttle) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/masuk") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var address = RateLimits.AddressOf(HttpContext);
        if (throttle.IsBlocked(address))
        {
            Error = "Terlalu banyak percobaan yang salah dari alamat ini; tunggu beberapa menit lalu coba lagi.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var code = Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var digits = code.Replace("-", "", StringComparison.Ordinal);
        // six digits from the app; anything else is tried as a recovery code (XXXXX-XXXXX), each usable once
        var result = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code.ToUpperInvariant());
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        throttle.Failed(address);
        Error = result.IsLockedOut ? "Akun terkunci sementara; coba lagi 15 menit lagi." : "Kode salah atau kedaluwarsa.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
