using Kinerja.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Kinerja.Web.Pages;

/// <summary>The account: password change, and the optional two-step sign-in with an authenticator app (TOTP, ASP.NET Core Identity) set up by a QR code, with recovery codes.</summary>
public sealed class AkunModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, KinerjaDbContext db, Services.ReminderMailer mailer) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty] public string Code { get; set; } = "";

    public string UserName { get; private set; } = "";

    public bool Enabled { get; private set; }

    public string? Key { get; private set; }

    public string? Uri { get; private set; }

    /// <summary>The otpauth URI as a QR code (SVG markup made on the server: no script, no outside service).</summary>
    public string? QrSvg { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, right after they are made; only their hashes' use is recorded afterwards.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The address reminders go to (issue 21); empty: no e-mail.</summary>
    [BindProperty] public string? Email { get; set; }

    /// <summary>Whether reminders are also sent by e-mail; off keeps them in the app only.</summary>
    [BindProperty] public bool EmailOn { get; set; }

    /// <summary>The account's concurrency stamp as the form read it: a change made meanwhile (another tab) is not overwritten.</summary>
    [BindProperty] public string? Stamp { get; set; }

    /// <summary>Whether this installation sends e-mail at all (Kinerja:Email:Host set).</summary>
    public bool MailConfigured => mailer.Enabled;

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
        // Identity renews the security stamp here (other sessions end); this browser gets a fresh cookie
        await signIn.RefreshSignInAsync(user);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        db.Record(null, nameof(AppUser), user.UserName ?? "", "2fa-aktif", null, new { kodePemulihan = NewRecoveryCodes.Count });
        await db.SaveChangesAsync();
        Message = "Verifikasi dua langkah aktif. Simpan kode pemulihan di bawah di tempat aman: masing-masing dapat dipakai sekali untuk masuk bila ponsel hilang. Kode ini tidak akan ditampilkan lagi.";
        await FillAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostKodePemulihanAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user))
            return BadRequest();
        db.AuditUser = user.UserName ?? "";
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        db.Record(null, nameof(AppUser), user.UserName ?? "", "kode-pemulihan-baru", null, new { kodePemulihan = NewRecoveryCodes.Count });
        await db.SaveChangesAsync();
        Message = "Kode pemulihan baru dibuat; kode lama tidak berlaku lagi. Simpan kode di bawah: tidak akan ditampilkan lagi.";
        await FillAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostMatikanAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        db.AuditUser = user.UserName ?? "";
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        db.Record(null, nameof(AppUser), user.UserName ?? "", "2fa-nonaktif", null, null);
        await db.SaveChangesAsync();
        TempData["pesan"] = "Verifikasi dua langkah dinonaktifkan.";
        return Redirect("/akun");
    }

    /// <summary>The reminder e-mail: the address and the switch, audited; refused without the stamp read or when it changed.</summary>
    public async Task<IActionResult> OnPostSurelAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var address = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        if (string.IsNullOrEmpty(Stamp) || Stamp != user.ConcurrencyStamp)
        {
            Error = string.IsNullOrEmpty(Stamp)
                ? "Versi akun yang Anda baca tidak terkirim; muat ulang halaman lalu ulangi."
                : "Akun ini telah diubah sejak halaman dibuka (mungkin di tab lain); muat ulang halaman lalu ulangi.";
            Response.StatusCode = string.IsNullOrEmpty(Stamp) ? StatusCodes.Status428PreconditionRequired : StatusCodes.Status409Conflict;
            await FillAsync(user);
            return Page();
        }

        if (address is not null && (!MimeKit.MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address || !address.Contains('@', StringComparison.Ordinal)))
        {
            Error = $"Alamat surel \"{address}\" tidak sah.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await FillAsync(user);
            return Page();
        }

        var before = new { surel = user.Email, pengingatSurel = !user.EmailRemindersOff };
        user.Email = address;
        user.NormalizedEmail = address is null ? null : users.NormalizeEmail(address);
        user.EmailRemindersOff = !EmailOn;
        db.AuditUser = user.UserName ?? "";
        db.Record(null, nameof(AppUser), user.UserName ?? "", "surel", before, new { surel = user.Email, pengingatSurel = !user.EmailRemindersOff });
        // UpdateAsync checks the stamp the user was read with and saves the audit entry in the same save
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            Error = string.Join(" ", saved.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status409Conflict;
            await FillAsync(user);
            return Page();
        }

        TempData["pesan"] = user.EmailRemindersOff ? "Pengingat lewat surel dimatikan; pengingat tetap tampil di Notifikasi." : $"Pengingat dikirim juga ke {address}.";
        return Redirect("/akun");
    }

    /// <summary>The QR code of an otpauth URI, as SVG markup.</summary>
    public static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(5);
    }

    private async Task FillAsync(AppUser user)
    {
        UserName = user.UserName ?? "";
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            FillEmail(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // a new key renews the security stamp: keep this browser signed in
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        Key = key;
        Uri = $"otpauth://totp/Kinerja:{System.Uri.EscapeDataString(UserName)}?secret={key}&issuer=Kinerja&digits=6";
        QrSvg = QrCode(Uri);
        FillEmail(user);
    }

    // read last: a new authenticator key above renews the stamp
    private void FillEmail(AppUser user)
    {
        Email = user.Email;
        EmailOn = !user.EmailRemindersOff;
        Stamp = user.ConcurrencyStamp;
    }
}
