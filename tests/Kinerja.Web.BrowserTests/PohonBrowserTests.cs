using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Web.BrowserTests;

public sealed class SqlitePohonBrowserTests(SqliteBrowser fixture) : PohonBrowserTests(fixture), IClassFixture<SqliteBrowser>;

/// <summary>
/// The pohon kinerja of Banjar 2025, the widest sample tree (46 nodes, 30 leaves: the 7.096-pixel SVG of issue 20,
/// item 8; Kemnaker's has two nodes), on the Rencana page: it opens on its root and fits the frame's width, folds
/// and opens branches, zooms; screenshots kept for a person to look at.
/// </summary>
public abstract class PohonBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Banjars_wide_pohon_kinerja_opens_on_its_root_fitted_to_the_width_and_folds()
    {
        var admin = await fixture.SignInAsync(BrowserFixture.AdminName, BrowserFixture.AdminPassword);
        await BrowserFixture.ImportAsync(admin, Repository.Sample("banjar-2025.xlsx"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan impor" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex(@"/instansi/\d+/2025/dasbor"));
        var id = Regex.Match(admin.Url, @"/instansi/(\d+)/").Groups[1].Value;
        await admin.GotoAsync($"/instansi/{id}/2025/rencana");

        var frame = admin.Locator("#pohon");
        var root = admin.Locator(".pohon-akar > li > details > summary").First;
        await Expect(admin.Locator("#pohon-alat")).ToBeVisibleAsync();
        await Expect(root).ToBeInViewportAsync();
        // fitted: nothing of the opened tree lies beyond the frame's width
        Assert.True(await frame.EvaluateAsync<bool>("f => f.scrollWidth <= f.clientWidth + 2"), "the tree opens wider than its frame");
        // the root is centred across the frame
        var (rootBox, frameBox) = (await root.BoundingBoxAsync(), await frame.BoundingBoxAsync());
        Assert.InRange(rootBox!.X + rootBox.Width / 2, frameBox!.X + frameBox.Width * 0.3, frameBox.X + frameBox.Width * 0.7);
        await fixture.Screenshot(admin, "50-pohon-banjar-dibuka");

        // every branch opened: more boxes, the viewer fits again (a readable scale at least) and starts at the root
        var folded = await admin.Locator(".pohon .simpul").EvaluateAllAsync<int>("boxes => boxes.filter(b => b.checkVisibility()).length");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Buka semua cabang" }).ClickAsync();
        var opened = await admin.Locator(".pohon .simpul").EvaluateAllAsync<int>("boxes => boxes.filter(b => b.checkVisibility()).length");
        Assert.True(opened > folded, $"{opened} boxes shown after opening every branch, {folded} before");
        await Expect(root).ToBeInViewportAsync();
        await fixture.Screenshot(admin, "51-pohon-banjar-semua-cabang");

        // zoom in and out with the buttons
        await admin.GetByRole(AriaRole.Button, new() { Name = "Perbesar pohon kinerja" }).ClickAsync();
        var larger = await admin.Locator("#pohon-skala").TextContentAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Perkecil pohon kinerja" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Perkecil pohon kinerja" }).ClickAsync();
        Assert.NotEqual(larger, await admin.Locator("#pohon-skala").TextContentAsync());

        // a click on the root box folds its branch: only the root stays
        await admin.GetByRole(AriaRole.Button, new() { Name = "Ke akar" }).ClickAsync();
        await root.ClickAsync();
        Assert.Equal(1, await admin.Locator(".pohon .simpul").EvaluateAllAsync<int>("boxes => boxes.filter(b => b.checkVisibility()).length"));
        await fixture.Screenshot(admin, "52-pohon-banjar-dilipat");
        Assert.Empty(await BrowserFixture.SeriousAxeFindings(admin));

        // the drawing is still downloadable
        Assert.Equal(200, (await admin.APIRequest.GetAsync($"/instansi/{id}/2025/pohon.svg")).Status);
    }
}
