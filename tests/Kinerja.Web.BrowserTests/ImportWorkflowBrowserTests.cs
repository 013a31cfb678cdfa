using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Web.BrowserTests;

public sealed class SqliteImportWorkflowBrowserTests(SqliteBrowser fixture) : ImportWorkflowBrowserTests(fixture), IClassFixture<SqliteBrowser>;

/// <summary>
/// Issue 19: a planner imports a changed workbook into a year with approved values. The preview names what is
/// protected, the save leaves the approved figures as the dashboard measures them, and the new values wait as
/// drafts of their unit. One provider: the import's rules are tested on both in Kinerja.Web.Tests.
/// </summary>
public abstract class ImportWorkflowBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_planners_import_keeps_the_approved_values_and_brings_the_new_ones_as_drafts_awaiting_verification()
    {
        if (!fixture.Available)
            return;
        var demo = await fixture.DemoAsync();
        var admin = await fixture.SignInAsync(BrowserFixture.AdminName, BrowserFixture.AdminPassword);
        await admin.GotoAsync($"/instansi/{demo}/pengguna");
        await fixture.AddUserAsync(admin, "perencana", "Perencana");
        await admin.Context.CloseAsync();

        // the planner's workbook: the approved IKU-1 63% typed over as 99%, and a new TW I value for IKU-2
        var workbook = JsonNode.Parse(await File.ReadAllTextAsync(Repository.Sample("clean-demo.json")))!;
        var rows = workbook["realisasi"]!.AsArray();
        rows.Select(r => r!.AsObject()).Single(r => (string?)r["indicator"] == "IKU-1" && (string?)r["period"] == "2025")["value"] = "99%";
        rows.Add(new JsonObject { ["indicator"] = "IKU-2", ["period"] = "2025-TW1", ["value"] = "240", ["status"] = "Final" });
        var path = Path.Combine(Path.GetTempPath(), $"demo-perencana-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, workbook.ToJsonString());

        var page = await fixture.SignInAsync("perencana");
        try
        {
            await page.GotoAsync("/impor");
            // the history import is an administrator's option: a planner is not offered it
            await Expect(page.Locator("#Riwayat")).ToHaveCountAsync(0);
            await BrowserFixture.ImportAsync(page, path);
        }
        finally
        {
            File.Delete(path);
        }

        var approved = page.Locator("tr[data-realisasi='IKU-1 | 2025']");
        await Expect(approved).ToHaveClassAsync("dilindungi");
        await Expect(approved).ToContainTextAsync("Disahkan, dilindungi");
        await Expect(approved).ToContainTextAsync("nilai yang disahkan tetap berlaku; nilai berkas menjadi draf koreksi versi 2 unit DINAS");
        await Expect(page.Locator("tr[data-realisasi='IKU-2 | 2025-TW1']")).ToContainTextAsync("draf baru unit BIDANG, menunggu diajukan dan diverifikasi");
        await Expect(page.Locator("#jumlah-dilindungi")).ToHaveTextAsync("1");
        await Expect(page.Locator("#temuan-pemeriksaan")).ToContainTextAsync("Pemeriksaan data sesudah impor");
        await fixture.Screenshot(page, "40-impor-pratinjau-dilindungi");
        var findings = new List<string>(await BrowserFixture.SeriousAxeFindings(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan impor" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/instansi/{demo}/2025/dasbor"));
        await Expect(page.Locator("#pesan")).ToContainTextAsync("2 nilai baru atau berubah menjadi draf yang menunggu diajukan dan diverifikasi");
        // the dashboard still measures the approved 63% against 60%: 105,00%
        await Expect(page.Locator("#tabel-capaian tr[data-indikator='IKU-1']")).ToContainTextAsync("63%");
        await Expect(page.Locator("#tabel-capaian tr[data-indikator='IKU-1']")).ToContainTextAsync("105,00%");
        await Expect(page.Locator("#tabel-capaian tr[data-indikator='IKU-1']")).Not.ToContainTextAsync("99%");
        await fixture.Screenshot(page, "41-dasbor-sesudah-impor");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(page));

        // the record: version 2 is the planner's draft, version 1 stays approved; both in its history and audit log
        await page.GotoAsync($"/instansi/{demo}/2025/realisasi/IKU-1/2025");
        await Expect(page.Locator("#status-realisasi")).ToHaveTextAsync("Draf");
        await Expect(page.Locator("#versi")).ToHaveTextAsync("2");
        await Expect(page.Locator("#riwayat")).ToContainTextAsync("koreksi atas versi 1: impor demo-perencana-");
        await Expect(page.Locator("#riwayat")).ToContainTextAsync("(v1)");
        await Expect(page.Locator("#log-audit")).ToContainTextAsync("perencana");
        await fixture.Screenshot(page, "42-realisasi-koreksi-dari-impor");
        await page.GotoAsync($"/instansi/{demo}/2025/realisasi/IKU-2/2025-TW1");
        await Expect(page.Locator("#status-realisasi")).ToHaveTextAsync("Draf");
        await Expect(page.Locator("#nilai")).ToHaveTextAsync("240 orang");
        await Expect(page.Locator("#riwayat")).ToContainTextAsync("dibuat dari impor demo-perencana-");

        // the import page's log names the import, its file and what it did
        await page.GotoAsync("/impor");
        await Expect(page.Locator("#impor-terakhir tbody tr").First).ToContainTextAsync("1 draf baru, 1 koreksi sebagai draf");
        await Expect(page.Locator("#impor-terakhir tbody tr").First).ToContainTextAsync("perencana");
        await fixture.Screenshot(page, "43-impor-log");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(page));
        await page.Context.CloseAsync();

        // the verifikator sees the new value waiting: the unit submits it, and only then can it be verified
        var operatorPage = await fixture.SignInAsync("op-bidang");
        await operatorPage.GotoAsync($"/instansi/{demo}/2025/realisasi/IKU-2/2025-TW1");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Ajukan" }).ClickAsync();
        await Expect(operatorPage.Locator("#status-realisasi")).ToHaveTextAsync("Diajukan");
        await operatorPage.Context.CloseAsync();
        var verifikator = await fixture.SignInAsync("verif");
        await verifikator.GotoAsync($"/instansi/{demo}/2025/realisasi/IKU-2/2025-TW1");
        await verifikator.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
        await Expect(verifikator.Locator("#status-realisasi")).ToHaveTextAsync("Diverifikasi");
        await verifikator.Context.CloseAsync();

        Assert.True(findings.Count == 0, "axe found serious or critical violations:\n" + string.Join('\n', findings));
    }
}
