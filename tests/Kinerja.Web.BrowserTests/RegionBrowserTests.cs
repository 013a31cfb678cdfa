using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Web.BrowserTests;

public sealed class SqliteRegionBrowserTests(SqliteBrowser fixture) : RegionBrowserTests(fixture), IClassFixture<SqliteBrowser>;

/// <summary>
/// Issue 23: the administrator gives an instansi its region on the settings page: a province, then a regency or city
/// of that province only (the list narrows in the browser; the server checks the pair); saved, shown and audited.
/// </summary>
public abstract class RegionBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_administrator_chooses_a_province_then_one_of_its_regencies_and_saves_the_region()
    {
        var demo = await fixture.DemoAsync();
        var admin = await fixture.SignInAsync(BrowserFixture.AdminName, BrowserFixture.AdminPassword);
        await admin.GotoAsync($"/instansi/{demo}/pengaturan");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Pengaturan instansi");

        await admin.Locator("#provinsi").SelectOptionAsync(new SelectOptionValue { Label = "Jawa Barat" });
        // only Jawa Barat's regencies and cities remain to choose from
        var shown = await admin.Locator("#kabkota optgroup").EvaluateAllAsync<string[]>("groups => groups.filter(g => !g.disabled).map(g => g.label)");
        Assert.Equal(["Jawa Barat"], shown);
        await admin.Locator("#kabkota").SelectOptionAsync(new SelectOptionValue { Label = "Kabupaten Bandung" });
        await fixture.Screenshot(admin, "70-wilayah-pilih");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan wilayah" }).ClickAsync();

        await Expect(admin.Locator("#pesan")).ToContainTextAsync("32.04 Kabupaten Bandung (Jawa Barat)");
        await Expect(admin.Locator("#wilayah-kini")).ToContainTextAsync("32.04 Kabupaten Bandung (Jawa Barat)");
        await Expect(admin.Locator("#riwayat-wilayah")).ToContainTextAsync(new Regex("tidak ada → 32.04 Kabupaten Bandung"));
        await fixture.Screenshot(admin, "71-wilayah-tersimpan");
        Assert.Empty(await BrowserFixture.SeriousAxeFindings(admin));
        await admin.Context.CloseAsync();
    }
}
