using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Web.BrowserTests;

public sealed class SqliteCyclePublicationBrowserTests(SqliteBrowser fixture) : CyclePublicationBrowserTests(fixture), IClassFixture<SqliteBrowser>;

public sealed class PostgresCyclePublicationBrowserTests(PostgresBrowser fixture) : CyclePublicationBrowserTests(fixture), IClassFixture<PostgresBrowser>;

/// <summary>
/// Issue 21 in a browser: an operator finds the overdue realisasi on the home page, enters it, and after verification and
/// approval the status board turns green; the public page shows the published PK (by its signed scan) and LKjIP and no
/// draft; axe finds no serious or critical violation on these pages.
/// </summary>
public abstract class CyclePublicationBrowserTests(BrowserFixture fixture)
{
    private static readonly byte[] Pdf = RealPdf();

    private static byte[] RealPdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    [Fact]
    public async Task The_overdue_realisasi_on_the_home_page_is_entered_and_approved_and_the_board_turns_green()
    {
        if (!fixture.Available)
            return;
        var demo = await fixture.DemoAsync();
        var findings = new List<string>();
        // TW III 2025 of IKU-1 (unit DINAS) is untouched by the other browser tests; its entry was due on 10 October 2025
        var operatorPage = await fixture.SignInAsync("op-dinas");
        await operatorPage.GotoAsync("/");
        var task = operatorPage.Locator("#daftar-tugas tr").Filter(new() { Has = operatorPage.GetByRole(AriaRole.Link, new() { Name = "Realisasi IKU-1 TW 3 2025", Exact = true }) });
        await Expect(task).ToHaveCountAsync(1);
        // days late counted from the app's clock (15 June 2026 at the server's start), not the machine's date
        var today = DateOnly.FromDateTime(fixture.Server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        await Expect(task.Locator(".siklus-terlambat")).ToHaveTextAsync($"terlambat {today.DayNumber - new DateOnly(2025, 10, 10).DayNumber} hari");
        await Expect(task).ToContainTextAsync("10 Oktober 2025");
        await fixture.Screenshot(operatorPage, "60-tugas-terlambat");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(operatorPage));

        await task.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("IKU-1");
        await operatorPage.GetByLabel("Nilai realisasi").FillAsync("30%");
        await operatorPage.GetByLabel("Penjelasan capaian").FillAsync("Triwulan III sesuai rencana aksi");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(operatorPage.Locator("#status-realisasi")).ToHaveTextAsync("Draf");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Ajukan" }).ClickAsync();
        await Expect(operatorPage.Locator("#status-realisasi")).ToHaveTextAsync("Diajukan");
        await operatorPage.GotoAsync("/");
        await Expect(operatorPage.GetByRole(AriaRole.Link, new() { Name = "Realisasi IKU-1 TW 3 2025", Exact = true })).ToHaveCountAsync(0);
        await operatorPage.Context.CloseAsync();

        var entry = $"/instansi/{demo}/2025/realisasi/IKU-1/2025-TW3";
        var verifikator = await fixture.SignInAsync("verif");
        await verifikator.GotoAsync(entry);
        await verifikator.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
        await Expect(verifikator.Locator("#status-realisasi")).ToHaveTextAsync("Diverifikasi");
        await verifikator.Context.CloseAsync();

        var pimpinan = await fixture.SignInAsync("pimpinan");
        await pimpinan.GotoAsync(entry);
        await pimpinan.GetByRole(AriaRole.Button, new() { Name = "Sahkan" }).ClickAsync();
        await Expect(pimpinan.Locator("#status-realisasi")).ToHaveTextAsync("Disahkan");
        await pimpinan.GotoAsync($"/instansi/{demo}/2025/dasbor?periode=2025-TW3");
        var row = pimpinan.Locator("tr[data-siklus='IKU-1']");
        await Expect(row).ToHaveAttributeAsync("data-status", "disahkan");
        await Expect(row.Locator(".siklus-disahkan")).ToHaveTextAsync("disahkan");
        // green: the colour the stylesheet gives the disahkan badge
        Assert.Equal("rgb(225, 243, 228)", await row.Locator(".siklus-disahkan").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await row.ScrollIntoViewIfNeededAsync();
        await fixture.Screenshot(pimpinan, "61-papan-hijau");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(pimpinan));
        await pimpinan.Context.CloseAsync();
        Assert.True(findings.Count == 0, "axe found serious or critical violations:\n" + string.Join('\n', findings));
    }

    [Fact]
    public async Task The_administrator_switches_the_period_lock_with_a_reason_and_the_page_shows_it_from_the_audit_log()
    {
        if (!fixture.Available)
            return;
        var demo = await fixture.DemoAsync();
        var admin = await fixture.SignInAsync(BrowserFixture.AdminName, BrowserFixture.AdminPassword);
        await admin.GotoAsync($"/instansi/{demo}/2025/pembukaan");
        // the browser tests' instansi are made with the lock off (KinerjaServer); on it goes, with a reason
        await Expect(admin.Locator("#keadaan-kunci")).ToContainTextAsync("tidak aktif (dimatikan administrator)");
        await admin.Locator("#form-kunci input[name=Alasan]").FillAsync("Siklus 2025 ditutup sesuai kalender");
        await admin.Locator("#ubah-kunci").ClickAsync();
        await Expect(admin.Locator("#keadaan-kunci")).ToHaveTextAsync("Kunci periode aktif untuk instansi ini.");
        await Expect(admin.Locator("#riwayat-kunci tbody tr").First).ToContainTextAsync("Siklus 2025 ditutup sesuai kalender");
        await Expect(admin.Locator("tr[data-periode='2025-TW1']")).ToContainTextAsync("ditutup (terkunci)");
        await fixture.Screenshot(admin, "64-kunci-periode");
        var findings = await BrowserFixture.SeriousAxeFindings(admin);
        // and off again for the workflow test of this class, also with its reason
        await admin.Locator("#form-kunci input[name=Alasan]").FillAsync("Latihan alur kerja pada data 2025");
        await admin.Locator("#ubah-kunci").ClickAsync();
        await Expect(admin.Locator("#keadaan-kunci")).ToContainTextAsync("tidak aktif (dimatikan administrator)");
        await Expect(admin.Locator("#riwayat-kunci tbody tr")).ToHaveCountAsync(2);
        await admin.Context.CloseAsync();
        Assert.True(findings.Count == 0, "axe found serious or critical violations:\n" + string.Join('\n', findings));
    }

    [Fact]
    public async Task The_public_page_shows_the_published_pk_by_its_signed_scan_and_the_lkjip_and_no_draft()
    {
        if (!fixture.Available)
            return;
        await fixture.AdminAsync();
        var admin = await fixture.SignInAsync(BrowserFixture.AdminName, BrowserFixture.AdminPassword);
        // the complete demo gives a final LKjIP and PK (docs/reports.md)
        await BrowserFixture.ImportAsync(admin, Repository.Sample("clean-demo-lengkap.xlsx"), history: true);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan impor" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex(@"/instansi/\d+/2025/dasbor"));
        var id = Regex.Match(admin.Url, @"/instansi/(\d+)/").Groups[1].Value;

        await admin.GotoAsync($"/instansi/{id}/2025/terbitkan");
        var pkOption = await admin.Locator("#Jenis option[value^='pk:']").First.GetAttributeAsync("value");
        foreach (var choice in new[] { pkOption!, "lkjip" })
        {
            await admin.Locator("#Jenis").SelectOptionAsync(choice);
            await admin.Locator("#Format").SelectOptionAsync("docx");
            await admin.Locator("#terbitkan").ClickAsync();
            await Expect(admin.Locator("#pesan")).ToContainTextAsync("diterbitkan dan tampil di halaman publikasi");
        }

        // the signed scan of the PK beside the generated document
        var pkRow = admin.Locator("#daftar-terbit tbody tr").Filter(new() { HasText = "Perjanjian Kinerja" });
        await pkRow.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "pk-bertanda-tangan.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await pkRow.GetByRole(AriaRole.Button, new() { Name = "Unggah pindaian" }).ClickAsync();
        await Expect(admin.Locator("#pesan")).ToContainTextAsync("Pindaian bertanda tangan diunggah");
        await fixture.Screenshot(admin, "62-terbitkan-pindaian");
        var findings = new List<string>(await BrowserFixture.SeriousAxeFindings(admin));
        await admin.Context.CloseAsync();

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/publik");
        var section = visitor.Locator($"section[data-instansi='{id}'][data-tahun='2025']");
        await Expect(section.Locator("tr[data-jenis='pk']")).ToHaveCountAsync(1);
        await Expect(section.Locator("tr[data-jenis='pk']")).ToContainTextAsync("bertanda tangan");
        await Expect(section.Locator("tr[data-jenis='lkjip'] a")).ToHaveCountAsync(1);
        await Expect(section).Not.ToContainTextAsync("draf", new() { IgnoreCase = true });
        await Expect(section.Locator("svg.grafik rect").First).ToBeVisibleAsync();
        var href = await section.Locator("tr[data-jenis='pk'] a").GetAttributeAsync("href");
        var served = await visitor.Context.APIRequest.GetAsync(href!);
        Assert.Equal(Pdf, await served.BodyAsync());
        await fixture.Screenshot(visitor, "63-publik");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(visitor));
        await visitor.Context.CloseAsync();
        Assert.True(findings.Count == 0, "axe found serious or critical violations:\n" + string.Join('\n', findings));
    }
}
