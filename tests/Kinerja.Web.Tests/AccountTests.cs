using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Web.Tests;

public sealed class SqliteAccountTests(SqliteFixture fixture) : AccountTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresAccountTests(PostgresFixture fixture) : AccountTests(fixture), IClassFixture<PostgresFixture>;

/// <summary>Issue 19 item 7: sessions end on the server, administrator-set passwords are changed first, guessable passwords are refused, guessing is slowed per address without locking the owner out, and every response carries the security headers.</summary>
public abstract partial class AccountTests(AppFixture fixture)
{
    private const string Chosen = "Mangga Hijau Tujuh Sungai 4";

    private string Demo => $"/instansi/{fixture.DemoId}/2025";

    [GeneratedRegex("kinerja\\.auth=([^;]+)")]
    private static partial Regex AuthCookie();

    [Fact]
    public async Task An_old_sign_in_cookie_is_refused_after_signing_out()
    {
        if (!fixture.Available)
            return;
        await fixture.Admin.AddUser(fixture.DemoId, "keluar-uji", AppFixture.Password, "Pimpinan");
        var elsewhere = await Session.SignIn(fixture.App, "keluar-uji", AppFixture.Password);
        var session = new Session(fixture.App.Browser());
        var signIn = await session.Post("/masuk", "/masuk", [new("UserName", "keluar-uji"), new("Password", AppFixture.Password)]);
        var cookie = AuthCookie().Match(string.Join(";", signIn.Headers.GetValues("Set-Cookie"))).Groups[1].Value;
        Assert.NotEmpty(cookie);

        // a copy of the cookie works while the session lives
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(cookie, "/api/instansi")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Post("/", "/keluar", [])).StatusCode);

        // signing out renewed the security stamp on the server: the copy is refused by the API and the pages
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(cookie, "/api/instansi")).StatusCode);
        var page = await WithCookie(cookie, $"{Demo}/dasbor");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/masuk", page.Headers.Location!.PathAndQuery);
        // and so is the account's session in another browser
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.Client.GetAsync($"{Demo}/dasbor")).StatusCode);
    }

    [Fact]
    public async Task A_password_the_administrator_set_must_be_changed_before_any_page_or_api_call()
    {
        if (!fixture.Available)
            return;
        await fixture.Admin.AddUser(fixture.DemoId, "wajib-ganti", AppFixture.Password, "Perencana");
        Assert.True(fixture.App.WithDb(db => db.Users.Single(u => u.UserName == "wajib-ganti").MustChangePassword));
        var user = await Session.SignInAsIs(fixture.App, "wajib-ganti", AppFixture.Password);

        var page = await user.Client.GetAsync($"{Demo}/dasbor");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(PasswordChangeGate.ChangePage, page.Headers.Location!.OriginalString);
        var api = await user.Client.GetAsync("/api/instansi");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("gantilah dulu", (await api.Content.ReadAsStringAsync()));
        var write = await user.Client.PutAsJsonAsync($"/api{Demo}/target/1", new { value = "1", concurrencyVersion = 0 });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        var form = await user.Client.GetStringAsync(PasswordChangeGate.ChangePage);
        Assert.Contains("dibuat oleh administrator", WebUtility.HtmlDecode(form));

        // the same password again is refused; a chosen one opens the app
        var same = await user.Post(PasswordChangeGate.ChangePage, PasswordChangeGate.ChangePage, [new("CurrentPassword", AppFixture.Password), new("NewPassword", AppFixture.Password), new("ConfirmPassword", AppFixture.Password)]);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        var changed = await user.Post(PasswordChangeGate.ChangePage, PasswordChangeGate.ChangePage, [new("CurrentPassword", AppFixture.Password), new("NewPassword", Chosen), new("ConfirmPassword", Chosen)]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.False(fixture.App.WithDb(db => db.Users.Single(u => u.UserName == "wajib-ganti").MustChangePassword));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"{Demo}/dasbor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/instansi")).StatusCode);
        Assert.Contains(fixture.App.WithDb(db => db.Audit.Where(a => a.EntityKey == "wajib-ganti").Select(a => a.Action).ToList()), a => a == "ganti-sandi");

        // an administrator's reset ends the user's sessions and asks for a change again
        var reset = await fixture.Admin.Post($"/instansi/{fixture.DemoId}/pengguna", $"/instansi/{fixture.DemoId}/pengguna?handler=AturUlang", [new("UserName", "wajib-ganti")]);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var temporary = Regex.Match(await reset.Content.ReadAsStringAsync(), "id=\"sandi-sementara-nilai\">([^<]+)<").Groups[1].Value;
        Assert.Equal(16, temporary.Length);
        Assert.Equal(HttpStatusCode.Redirect, (await user.Client.GetAsync($"{Demo}/dasbor")).StatusCode);
        var again = await Session.SignInAsIs(fixture.App, "wajib-ganti", temporary);
        Assert.Equal(PasswordChangeGate.ChangePage, (await again.Client.GetAsync($"{Demo}/dasbor")).Headers.Location!.OriginalString);
        Assert.Contains(fixture.App.WithDb(db => db.Audit.Where(a => a.EntityKey == "wajib-ganti").Select(a => a.Action).ToList()), a => a == "atur-ulang-sandi");
    }

    [Fact]
    public async Task An_instansi_administrator_cannot_reset_the_installation_administrator()
    {
        if (!fixture.Available)
            return;
        await fixture.Admin.AddUser(fixture.DemoId, "admin-dinas", AppFixture.Password, "AdminInstansi");
        await fixture.Admin.AddUser(fixture.DemoId, "admin", AppFixture.Password, "Pimpinan");
        var instansiAdmin = await Session.SignIn(fixture.App, "admin-dinas", AppFixture.Password);
        var stampBefore = fixture.App.WithDb(db => db.Users.Single(u => u.UserName == "admin").SecurityStamp);
        var refused = await instansiAdmin.Post($"/instansi/{fixture.DemoId}/pengguna", $"/instansi/{fixture.DemoId}/pengguna?handler=AturUlang", [new("UserName", "admin")]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(stampBefore, fixture.App.WithDb(db => db.Users.Single(u => u.UserName == "admin").SecurityStamp));
    }

    [Theory]
    [InlineData("Kinerja123", "nama aplikasi")]
    [InlineData("Password123", "paling sering dipakai")]
    [InlineData("Sunshine2024", "paling sering dipakai")]
    [InlineData("Sandi-uji-nama7X", "nama pengguna")]
    [InlineData("Ketenagakerjaan7", "nama atau singkatan instansi")]
    public async Task Guessable_passwords_are_refused_with_the_reason(string password, string reason)
    {
        if (!fixture.Available)
            return;
        var response = await fixture.Admin.Post($"/instansi/{fixture.DemoId}/pengguna", $"/instansi/{fixture.DemoId}/pengguna?handler=Simpan",
            [new("UserName", "uji-nama"), new("DisplayName", "Uji"), new("Password", password), new("Role", "Pimpinan")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(fixture.App.WithDb(db => db.Users.Any(u => u.UserName == "uji-nama")));
    }

    [Fact]
    public async Task A_password_of_unrelated_words_is_accepted()
    {
        if (!fixture.Available)
            return;
        var response = await fixture.Admin.Post($"/instansi/{fixture.DemoId}/pengguna", $"/instansi/{fixture.DemoId}/pengguna?handler=Simpan",
            [new("UserName", "uji-baik"), new("DisplayName", "Uji"), new("Password", Chosen), new("Role", "Pimpinan")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Guessing_from_one_address_is_throttled_without_locking_the_owner_out_elsewhere()
    {
        if (!fixture.Available)
            return;
        await fixture.Admin.AddUser(fixture.DemoId, "target-tebak", AppFixture.Password, "Pimpinan");
        fixture.App.WithDb(db =>
        {
            db.Users.Single(u => u.UserName == "target-tebak").MustChangePassword = false;
            return db.SaveChanges();
        });
        var attacker = new Session(fixture.App.Browser());
        attacker.Client.DefaultRequestHeaders.Add(TestClientAddress.Header, "203.0.113.7");
        for (var i = 0; i < SignInThrottle.FailuresAllowed; i++)
        {
            var wrong = await attacker.Post("/masuk", "/masuk", [new("UserName", "target-tebak"), new("Password", "Salah-tebakan-" + i)]);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        // the address is now refused, even with the right password
        var throttled = await attacker.Post("/masuk", "/masuk", [new("UserName", "target-tebak"), new("Password", AppFixture.Password)]);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Contains("Akun Anda tidak dikunci", WebUtility.HtmlDecode(await throttled.Content.ReadAsStringAsync()));

        // the owner, from their own address, signs in as usual; the account holds no lockout
        var owner = new Session(fixture.App.Browser());
        owner.Client.DefaultRequestHeaders.Add(TestClientAddress.Header, "198.51.100.20");
        var signedIn = await owner.Post("/masuk", "/masuk", [new("UserName", "target-tebak"), new("Password", AppFixture.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Null(fixture.App.WithDb(db => db.Users.Single(u => u.UserName == "target-tebak").LockoutEnd));
    }

    [Fact]
    public async Task Pages_static_files_and_the_api_carry_the_security_headers()
    {
        if (!fixture.Available)
            return;
        var anonymous = fixture.App.Browser();
        foreach (var url in new[] { "/masuk", "/publik", "/css/site.css", "/api/instansi", "/error/404" })
        {
            var response = await anonymous.GetAsync(url);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }

        var signedIn = await fixture.Admin.Client.GetAsync($"{Demo}/dasbor");
        Assert.Contains("script-src 'self';", signedIn.Headers.GetValues("Content-Security-Policy").Single());
        // the API reference alone starts itself with an inline script; it still loads nothing from elsewhere
        var reference = await anonymous.GetAsync("/api/referensi/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        var referencePolicy = reference.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", referencePolicy);
        Assert.DoesNotContain("http", referencePolicy);
    }

    [Fact]
    public async Task The_authenticator_is_set_up_with_a_qr_code_and_recovery_codes_sign_in_once_each()
    {
        if (!fixture.Available)
            return;
        await fixture.Admin.AddUser(fixture.DemoId, "dua-langkah", AppFixture.Password, "Pimpinan");
        var user = await Session.SignIn(fixture.App, "dua-langkah", AppFixture.Password);
        var account = await user.Client.GetStringAsync("/akun");
        Assert.Contains("<svg", account);
        Assert.DoesNotContain("<script", account);
        var key = Regex.Match(account, "id=\"kunci-2fa\">([^<]+)<").Groups[1].Value;
        var enabled = await user.Post("/akun", "/akun?handler=Aktifkan", [new("Code", Totp.Code(key))]);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = Regex.Matches(await enabled.Content.ReadAsStringAsync(), "<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Pages.AkunModel.RecoveryCodeCount, codes.Count);

        // a recovery code replaces the phone once
        async Task<HttpResponseMessage> SecondStep(string code)
        {
            var s = new Session(fixture.App.Browser());
            var first = await s.Post("/masuk", "/masuk", [new("UserName", "dua-langkah"), new("Password", AppFixture.Password)]);
            Assert.StartsWith("/masuk/kode", first.Headers.Location!.OriginalString);
            return await s.Post("/masuk/kode", "/masuk/kode", [new("Code", code)]);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SecondStep(codes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SecondStep(codes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SecondStep(codes[1].ToLowerInvariant())).StatusCode);
    }

    private async Task<HttpResponseMessage> WithCookie(string cookie, string url)
    {
        using var client = fixture.App.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", "kinerja.auth=" + cookie);
        return await client.SendAsync(request);
    }
}

/// <summary>The password rules alone, on the words of the sample agencies.</summary>
public sealed class PasswordPolicyTests
{
    private static readonly string[] Agencies = ["Kabupaten Banjar", "Kementerian Ketenagakerjaan", "Badan Pusat Statistik"];

    [Theory]
    [InlineData("Kinerja123")]
    [InlineData("KINERJAsaya2025")]
    [InlineData("Banjar2025Aman")]
    [InlineData("Ketenagakerjaan1")]
    [InlineData("SayaDariBPS2025")]
    [InlineData("Qwerty123456")]
    [InlineData("Iloveyou2024")]
    [InlineData("Bismillah123")]
    [InlineData("Budi.Santoso77")]
    public void Guessable_passwords_have_a_reason(string password) =>
        Assert.NotEmpty(PasswordPolicy.Check(password, "budi.santoso", "Budi Santoso", Agencies));

    [Theory]
    [InlineData("Mangga Hijau Tujuh Sungai 4")]
    [InlineData("kopi-Tubruk-di-Teras-9")]
    public void Unrelated_words_pass(string password) =>
        Assert.Empty(PasswordPolicy.Check(password, "budi.santoso", "Budi Santoso", Agencies));

    [Fact]
    public void The_common_list_holds_ten_thousand_passwords_in_lower_case()
    {
        Assert.InRange(PasswordPolicy.CommonPasswords.Count, 9000, 10000);
        Assert.Contains("password123", PasswordPolicy.CommonPasswords);
    }
}
