using Kinerja.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Web.Pages;

/// <summary>The second step of a sign-in for an account with an authenticator.</summary>
public sealed class MasukKodeModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/masuk") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Error = result.IsLockedOut ? "Akun terkunci sementara; coba lagi 15 menit lagi." : "Kode salah atau kedaluwarsa.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
