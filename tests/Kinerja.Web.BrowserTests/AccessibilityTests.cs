using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Web.BrowserTests;

public sealed class SqliteAccessibilityTests(SqliteBrowser fixture) : AccessibilityTests(fixture), IClassFixture<SqliteBrowser>;

/// <summary>
/// The main pages pass axe-core with no serious or critical violation (labels, contrast, landmarks,
/// language), and each is kept as a full-page screenshot in artifacts/screenshots/ to be looked at.
/// One provider is enough: the markup does not depend on the database.
/// </summary>
public abstract class AccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_main_pages_have_no_serious_or_critical_axe_violation()
    {
        var demo = await fixture.DemoAsync();
        var findings = new List<string>(fixture.SetupPageFindings);

        var visitor = await fixture.NewPageAsync();
        foreach (var (url, name) in new[] { ("/", "20-tamu-beranda"), ("/masuk", "21-masuk"), ("/publik", "22-publik") })
            findings.AddRange(await Check(visitor, url, name));
        await visitor.Context.CloseAsync();

        var admin = await fixture.SignInAsync(BrowserFixture.AdminName, BrowserFixture.AdminPassword);
        foreach (var (url, name) in new[]
                 {
                     ("/", "23-beranda"),
                     ("/impor", "24-impor"),
                     ($"/instansi/{demo}/pengguna", "25-pengguna"),
                     ($"/instansi/{demo}/2025/dasbor", "26-dasbor"),
                     ($"/instansi/{demo}/2025/realisasi?periode=2025-TW2", "27-realisasi-daftar"),
                     ($"/instansi/{demo}/2025/realisasi/IKU-2/2025-TW2", "28-realisasi-isian"),
                     ($"/instansi/{demo}/2025/target", "29-target"),
                     ($"/instansi/{demo}/2025/rencana", "30-rencana"),
                     ($"/instansi/{demo}/2025/dokumen", "31-dokumen"),
                     ($"/instansi/{demo}/2025/pk", "34-pk"),
                     ($"/instansi/{demo}/2025/rencana-aksi?indikator=IKU-1", "35-rencana-aksi"),
                     ($"/instansi/{demo}/2025/kalender", "36-kalender"),
                 })
            findings.AddRange(await Check(admin, url, name));

        // the import preview, with the located errors of a wrong workbook
        await BrowserFixture.ImportAsync(admin, Repository.Sample("clean-demo.xlsx"));
        findings.AddRange(await Check(admin, null, "32-impor-pratinjau"));
        await admin.Context.CloseAsync();

        // the refusal page, as an operator of another unit sees it
        var operatorPage = await fixture.SignInAsync("op-bidang");
        findings.AddRange(await Check(operatorPage, $"/instansi/{demo}/2025/realisasi/IKU-1/2025-TW2", "33-ditolak"));
        await operatorPage.Context.CloseAsync();

        Assert.True(findings.Count == 0, "axe found serious or critical violations:\n" + string.Join('\n', findings));
    }

    private async Task<IReadOnlyList<string>> Check(IPage page, string? url, string name)
    {
        if (url is not null)
            await page.GotoAsync(url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await fixture.Screenshot(page, name);
        return await BrowserFixture.SeriousAxeFindings(page);
    }
}
