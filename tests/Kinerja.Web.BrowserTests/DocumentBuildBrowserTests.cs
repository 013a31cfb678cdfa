using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Web.BrowserTests;

public sealed class SqliteDocumentBuildTests(SqliteBrowser fixture) : DocumentBuildTests(fixture), IClassFixture<SqliteBrowser>;

/// <summary>A long document build (a PDF through LibreOffice) shows where it stands, then its download; screenshots kept and axe run on both states.</summary>
public abstract class DocumentBuildTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_pdf_build_shows_its_progress_and_then_the_download()
    {
        if (!fixture.Available)
            return;
        var demo = await fixture.DemoAsync();
        var admin = await fixture.SignInAsync(BrowserFixture.AdminName, BrowserFixture.AdminPassword);
        await admin.GotoAsync($"/instansi/{demo}/2025/dokumen");
        await admin.GetByLabel("Dokumen", new() { Exact = true }).SelectOptionAsync("pk");
        await admin.GetByLabel("Format berkas").SelectOptionAsync("pdf");
        await admin.GetByLabel("Draf (untuk diperiksa)").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Susun dokumen" }).ClickAsync();

        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Perjanjian Kinerja (draf), PDF");
        var findings = new List<string>();
        // while it runs the page reloads itself, so axe (which needs a page that stays) checks the finished state only
        if (await admin.Locator("ol.tahapan").CountAsync() > 0)
            await fixture.Screenshot(admin, "34-dokumen-proses");

        // the page reloads itself every 2 seconds until the build is done
        var download = admin.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Unduh ") });
        await Expect(download).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Expect(admin.Locator("#tahap")).ToContainTextAsync("Selesai dalam");
        await fixture.Screenshot(admin, "35-dokumen-selesai");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(admin));
        var file = await admin.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.Equal("pk-2025-draf.pdf", file.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await file.PathAsync());
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes[..4]));
        await admin.Context.CloseAsync();
        Assert.True(findings.Count == 0, "axe found serious or critical violations:\n" + string.Join('\n', findings));
    }
}
