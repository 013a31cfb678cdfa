using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Web.BrowserTests;

public sealed class SqlitePlanEditBrowserTests(SqliteBrowser fixture) : PlanEditBrowserTests(fixture), IClassFixture<SqliteBrowser>;

/// <summary>
/// A planner edits an indicator on its page, sees the save, its audit entry and the plan page change; the
/// new pages (indicator and node forms, the PK Perubahan drafted, its budget line with a Pejabat Pengampu, signed) pass axe with no serious or
/// critical violation and are kept as screenshots.
/// </summary>
public abstract class PlanEditBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_planner_edits_an_indicator_through_the_page()
    {
        var demo = await fixture.DemoAsync();
        var findings = new List<string>();
        var admin = await fixture.SignInAsync(BrowserFixture.AdminName, BrowserFixture.AdminPassword);
        await admin.GotoAsync($"/instansi/{demo}/2025/rencana");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Ubah indikator IKU-2" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ubah indikator IKU-2");
        findings.AddRange(await Check(admin, "36-rencana-indikator-ubah"));

        await admin.Locator("#kolom-name").FillAsync("Jumlah pencari kerja yang dilatih dan bersertifikat");
        await admin.Locator("#kolom-source").FillAsync("Laporan BLK 2025");
        await admin.Locator("#kolom-allowNegative").SelectOptionAsync("Tidak");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await Expect(admin.Locator("#pesan")).ToHaveTextAsync("Disimpan: indikator IKU-2.");
        var log = admin.Locator("#log-audit");
        await Expect(log).ToContainTextAsync("Diubah · Indikator IKU-2");
        await Expect(log).ToContainTextAsync("Nama: Jumlah pencari kerja yang dilatih → Jumlah pencari kerja yang dilatih dan bersertifikat");
        await Expect(log).ToContainTextAsync("Sumber Data: Data demo → Laporan BLK 2025");
        await Expect(admin.Locator("#kolom-name")).ToHaveValueAsync("Jumlah pencari kerja yang dilatih dan bersertifikat");
        findings.AddRange(await Check(admin, "37-rencana-indikator-tersimpan"));

        // the plan page and its performance tree show the new name
        await admin.GotoAsync($"/instansi/{demo}/2025/rencana");
        await Expect(admin.Locator("tr[data-indikator='IKU-2']")).ToContainTextAsync("dilatih dan bersertifikat");
        await Expect(admin.Locator("#pohon")).ToContainTextAsync("bersertifikat");
        findings.AddRange(await Check(admin, "38-rencana-setelah-ubah"));

        await admin.GetByRole(AriaRole.Link, new() { Name = "Tambah simpul" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tambah simpul rencana");
        findings.AddRange(await Check(admin, "39-rencana-simpul-baru"));

        // a PK Perubahan as a draft, its own targets composed on the PK page, then signed
        await admin.GotoAsync($"/instansi/{demo}/2025/pk");
        await admin.Locator("#simpan-perubahan").ClickAsync();
        await Expect(admin.Locator("#pesan")).ToContainTextAsync("PK Perubahan tersimpan sebagai draf");
        await Expect(admin.Locator("tr[data-versi='perubahan-1']")).ToContainTextAsync("Draf (belum ditandatangani)");
        await admin.Locator("#pk-indikator").SelectOptionAsync("IKU-2");
        await admin.Locator("#pk-periode").SelectOptionAsync("2025-TW2");
        await admin.Locator("#pk-nilai-baru").FillAsync("400");
        await admin.Locator("#tambah-target-versi").ClickAsync();
        await Expect(admin.Locator("#target-versi")).ToContainTextAsync("2025-TW2");
        // a budget line of the draft with its Pejabat Pengampu (issue 20 item 6): the table then shows the column
        await Expect(admin.Locator("#anggaran-pk th", new() { HasText = "Pejabat Pengampu" })).ToHaveCountAsync(0);
        await admin.Locator("#ag-kode").FillAsync("1.03.03");
        await admin.Locator("#ag-nama").FillAsync("Program Pelatihan Kerja dan Produktivitas");
        await admin.Locator("#ag-level").FillAsync("Program");
        await admin.Locator("#ag-pagu").FillAsync("1.250.000.000");
        await admin.Locator("#ag-pengampu").FillAsync("Kepala Bidang Pelatihan dan Produktivitas");
        await admin.Locator("#tambah-anggaran-versi").ClickAsync();
        await Expect(admin.Locator("#pesan")).ToContainTextAsync("Baris anggaran 1.03.03 ditambahkan.");
        await Expect(admin.Locator("#anggaran-pk thead")).ToContainTextAsync("Pejabat Pengampu");
        await Expect(admin.Locator("#anggaran-pk tr[data-kode='1.03.03'] td.pengampu")).ToHaveTextAsync("Kepala Bidang Pelatihan dan Produktivitas");
        await Expect(admin.Locator("#log-audit")).ToContainTextAsync("Pejabat Pengampu");
        findings.AddRange(await Check(admin, "40-pk-perubahan-susun"));
        await admin.Locator("#tanggal-tandatangan").FillAsync("30 Juni 2025");
        await admin.Locator("#tandatangani").ClickAsync();
        await Expect(admin.Locator("#pesan")).ToContainTextAsync("PK Perubahan ditandatangani");
        await Expect(admin.Locator("tr[data-versi='perubahan-1']")).ToContainTextAsync("Berlaku");
        await Expect(admin.Locator("#tanggal-pk")).ToHaveTextAsync("30 Juni 2025");
        await Expect(admin.Locator("#form-target-versi")).ToHaveCountAsync(0);
        await Expect(admin.Locator("#keadaan-pk")).ToContainTextAsync("sudah ditandatangani");
        findings.AddRange(await Check(admin, "41-pk-perubahan-ditandatangani"));
        await admin.Context.CloseAsync();

        Assert.True(findings.Count == 0, "axe found serious or critical violations:\n" + string.Join('\n', findings));
    }

    private async Task<IReadOnlyList<string>> Check(IPage page, string name)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await fixture.Screenshot(page, name);
        return await BrowserFixture.SeriousAxeFindings(page);
    }
}
