using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Web.BrowserTests;

public sealed class SqliteEvaluationBrowserTests(SqliteBrowser fixture) : EvaluationBrowserTests(fixture), IClassFixture<SqliteBrowser>;

/// <summary>
/// Issue 22: an Evaluasi AKIP round as its people do it in a browser. The unit self-assesses (the system's proposals
/// accepted, one changed), the evaluator reviews and returns one answer with a reason, the unit answers it again, the
/// evaluator finalises; the grade and the LHE appear. Issue 19 item 6: a planner marks a printed figure of Banjar's
/// published report as a known publication error. Screenshots kept, axe run on every page. One provider: the rules
/// behind these pages are tested on both in Kinerja.Web.Tests.
/// </summary>
public abstract partial class EvaluationBrowserTests(BrowserFixture fixture)
{
    [GeneratedRegex(@"usulan sistem untuk (?<proposed>\d+) kriteria, (?<accepted>\d+) jawaban sesuai usulan sistem")]
    private static partial Regex ProposalCounts();

    [Fact]
    public async Task A_round_from_self_assessment_through_a_returned_answer_to_the_final_grade_and_the_LHE()
    {
        if (!fixture.Available)
            return;
        var demo = await fixture.DemoAsync();
        var admin = await fixture.SignInAsync(BrowserFixture.AdminName, BrowserFixture.AdminPassword);
        await admin.GotoAsync($"/instansi/{demo}/pengguna");
        await fixture.AddUserAsync(admin, "apip", "Evaluator (APIP)");

        // the administrator opens the round of unit DINAS for 2025, with the evaluator assigned
        await admin.GotoAsync("/evaluasi");
        var findings = new List<string>(await BrowserFixture.SeriousAxeFindings(admin));
        await admin.GetByLabel("Tahun yang dievaluasi").FillAsync("2025");
        await admin.GetByLabel("Kode unit yang dievaluasi").FillAsync("DINAS");
        await admin.GetByLabel("Judul").FillAsync("Evaluasi AKIP Dinas 2025");
        await admin.GetByLabel("Batas usulan unit").FillAsync("2026-02-15");
        await admin.GetByLabel("Batas penetapan evaluator").FillAsync("2026-03-31");
        await admin.GetByLabel("Evaluator (instansi)").FillAsync("Inspektorat Kabupaten Contoh");
        await admin.GetByLabel("Nama pengguna evaluator").FillAsync("apip");
        await admin.Locator("#buka").ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex(@"/evaluasi/\d+$"));
        var round = admin.Url[(admin.Url.LastIndexOf('/') + 1)..];
        await admin.Context.CloseAsync();

        // the unit takes the system's proposals, answers the rest, and changes one proposed answer
        var unit = await fixture.SignInAsync("op-dinas");
        await unit.GotoAsync($"/evaluasi/{round}");
        await Expect(unit.Locator("#peran")).ToHaveTextAsync("unit yang dievaluasi (usulan)");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(unit));
        await unit.Locator("#terima-usulan").ClickAsync();
        await Expect(unit.Locator("#pesan")).ToContainTextAsync("usulan sistem diterima");
        var proposedRows = unit.Locator("#lke tr[data-kriteria]:has(.usulan-sistem)");
        var proposed = await proposedRows.CountAsync();
        Assert.True(proposed > 0, "the demo year gives no proposal");
        var changed = (await proposedRows.First.GetAttributeAsync("data-kriteria"))!;
        var proposal = (await proposedRows.First.Locator(".usulan-sistem").InnerTextAsync()).Trim();
        var rowSelects = await unit.Locator("#lke select").AllAsync();
        foreach (var select in rowSelects)
        {
            if (await select.InputValueAsync() == "")
                await select.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        }

        // another answer than the proposal: the highest when the proposal is not, else the next one
        var changedSelect = unit.Locator($"#a-{Css(changed)}");
        var highest = await changedSelect.Locator("option").Nth(1).GetAttributeAsync("value");
        var other = highest == proposal ? (await changedSelect.Locator("option").Nth(2).GetAttributeAsync("value"))! : highest!;
        await changedSelect.SelectOptionAsync(other);
        await unit.Locator($"#n-{Css(changed)}").FillAsync("pedoman sudah ada tetapi belum disahkan");
        await unit.Locator("#simpan-lke").ClickAsync();
        await Expect(unit.Locator("#pesan")).ToContainTextAsync("jawaban disimpan");
        var counts = ProposalCounts().Match(await unit.Locator("#ringkasan").InnerTextAsync());
        Assert.True(counts.Success, await unit.Locator("#ringkasan").InnerTextAsync());
        Assert.Equal(proposed, int.Parse(counts.Groups["proposed"].Value, CultureInfo.InvariantCulture));
        // every proposal was taken but one
        Assert.Equal(proposed - 1, int.Parse(counts.Groups["accepted"].Value, CultureInfo.InvariantCulture));
        await fixture.Screenshot(unit, "50-evaluasi-usulan-unit");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(unit));
        await unit.Locator("#ajukan").ClickAsync();
        await Expect(unit.Locator("#status")).ToContainTextAsync("Diajukan");
        // the unit never sees the evaluator's column
        await Expect(unit.Locator("#lke select[id^='p-']")).ToHaveCountAsync(0);

        // the evaluator: the highest answer everywhere except Evaluasi Internal (component 4, weight 25) at the lowest,
        // so the total is 30 + 30 + 15 + 0 = 75: BB (above 70 up to 80)
        var evaluator = await fixture.SignInAsync("apip");
        await evaluator.GotoAsync($"/evaluasi/{round}");
        await Expect(evaluator.Locator("#peran")).ToHaveTextAsync("evaluator (penetapan)");
        await ReviewAll(evaluator);
        await evaluator.Locator("#simpan-lke").ClickAsync();
        await Expect(evaluator.Locator("#pesan")).ToContainTextAsync("disimpan");
        await evaluator.Locator($"#k-{Css(changed)}").CheckAsync();
        await evaluator.Locator($"#r-{Css(changed)}").FillAsync("bukti pedoman belum diunggah; lampirkan SK pedoman");
        await fixture.Screenshot(evaluator, "51-evaluasi-penetapan-evaluator");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(evaluator));
        await evaluator.Locator("#kembalikan").ClickAsync();
        await Expect(evaluator.Locator("#status")).ToContainTextAsync("Dikembalikan");

        // the unit sees the reason and answers that one criterion again (the others are locked) with its evidence
        await unit.GotoAsync($"/evaluasi/{round}");
        var returned = unit.Locator($"#lke tr[data-kriteria='{changed}']");
        await Expect(returned).ToContainTextAsync("Dikembalikan: bukti pedoman belum diunggah; lampirkan SK pedoman");
        await Expect(unit.Locator("#lke select")).ToHaveCountAsync(1);
        await unit.Locator($"#a-{Css(changed)}").SelectOptionAsync(proposal);
        await unit.Locator($"#e-{Css(changed)}").FillAsync("https://contoh.go.id/sk-pedoman.pdf");
        await unit.Locator("#simpan-lke").ClickAsync();
        await Expect(unit.Locator("#pesan")).ToContainTextAsync("jawaban disimpan");
        await fixture.Screenshot(unit, "52-evaluasi-dijawab-ulang");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(unit));
        await unit.Locator("#ajukan").ClickAsync();
        await Expect(unit.Locator("#status")).ToContainTextAsync("Diajukan");
        Assert.Equal(proposed, int.Parse(ProposalCounts().Match(await unit.Locator("#ringkasan").InnerTextAsync()).Groups["accepted"].Value, CultureInfo.InvariantCulture));

        // the evaluator confirms, writes the signer of the LHE and finalises
        await evaluator.GotoAsync($"/evaluasi/{round}");
        await ReviewAll(evaluator);
        await evaluator.Locator("#simpan-lke").ClickAsync();
        // the earlier penetapan stands: saving it again may change nothing
        await Expect(evaluator.Locator("#pesan")).ToContainTextAsync(new Regex("disimpan|Tidak ada yang berubah"));
        await evaluator.Locator("#t-4").FillAsync("Evaluasi internal belum dilaksanakan atas capaian kinerja unit.");
        await evaluator.GetByLabel("Nama penandatangan").FillAsync("Drs. Ahmad Fauzi, M.Si.");
        await evaluator.GetByLabel("Jabatan").FillAsync("Inspektur Kabupaten Contoh");
        await evaluator.GetByLabel("NIP").FillAsync("197001011990031001");
        await evaluator.GetByLabel("Tempat").FillAsync("Martapura");
        await evaluator.GetByLabel("Tanggal").FillAsync("2026-03-20");
        await evaluator.Locator("#simpan-lhe").ClickAsync();
        await Expect(evaluator.Locator("#pesan")).ToContainTextAsync("penandatangan LHE disimpan");
        await evaluator.Locator("#finalkan").ClickAsync();
        await Expect(evaluator.Locator("#status")).ToContainTextAsync("Final");
        await Expect(evaluator.Locator("#nilai-hasil")).ToHaveTextAsync("75,00");
        await Expect(evaluator.Locator("#predikat-hasil")).ToContainTextAsync("BB");
        await Expect(evaluator.Locator("#lhe-unduh")).ToBeVisibleAsync();
        await fixture.Screenshot(evaluator, "53-evaluasi-final-evaluator");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(evaluator));
        await evaluator.Context.CloseAsync();

        // the unit sees the final grade and downloads the LHE
        await unit.GotoAsync($"/evaluasi/{round}");
        await Expect(unit.Locator("#nilai-hasil")).ToHaveTextAsync("75,00");
        await Expect(unit.Locator("#predikat-hasil")).ToContainTextAsync("BB");
        var lhe = await unit.Context.APIRequest.GetAsync($"/evaluasi/{round}/lhe?format=docx");
        Assert.Equal(200, lhe.Status);
        var bytes = await lhe.BodyAsync();
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(bytes[..2]));
        await fixture.Screenshot(unit, "54-evaluasi-final-unit");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(unit));
        await unit.GotoAsync("/evaluasi");
        await Expect(unit.Locator($"#daftar-evaluasi tr[data-evaluasi='{round}']")).ToContainTextAsync("75,00 (BB)");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(unit));
        await unit.Context.CloseAsync();

        Assert.True(findings.Count == 0, "axe found serious or critical violations:\n" + string.Join('\n', findings));
    }

    [Fact]
    public async Task A_planner_marks_a_printed_figure_of_the_published_report_as_a_known_publication_error()
    {
        if (!fixture.Available)
            return;
        await fixture.AdminAsync();
        var admin = await fixture.SignInAsync(BrowserFixture.AdminName, BrowserFixture.AdminPassword);
        await BrowserFixture.ImportAsync(admin, Repository.Sample("banjar-2025.xlsx"), history: true);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan impor" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex(@"/instansi/\d+/2025/dasbor"));
        var banjar = int.Parse(Regex.Match(admin.Url, @"/instansi/(\d+)/").Groups[1].Value, CultureInfo.InvariantCulture);
        await admin.GotoAsync($"/instansi/{banjar}/pengguna");
        await fixture.AddUserAsync(admin, "perencana-banjar", "Perencana");
        await admin.Context.CloseAsync();

        var page = await fixture.SignInAsync("perencana-banjar");
        await page.GotoAsync($"/instansi/{banjar}/2025/dasbor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Angka Tercetak" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Angka tercetak 2025" })).ToBeVisibleAsync();
        // Tabel 3.5 printed IK-9's Renstra progress as 800%: 1.762 / 800 = 220,25%
        var row = page.Locator("#angka-tercetak tbody tr").Filter(new() { HasText = "Tabel 3.5" }).Filter(new() { Has = page.Locator("td:text-is('IK-9')") });
        await Expect(row).ToHaveAttributeAsync("data-keadaan", "galat");
        await Expect(row).ToContainTextAsync("220,25%");
        var findings = new List<string>(await BrowserFixture.SeriousAxeFindings(page));
        await row.Locator("summary").ClickAsync();
        await row.GetByLabel("Alasan kesalahan publikasi").FillAsync("Tabel 3.5 LKjIP 2025 mencetak target akhir Renstra sebagai kemajuan; ralat dimuat di situs dinas");
        await fixture.Screenshot(page, "55-angka-tercetak-sebelum");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(page));
        await row.GetByRole(AriaRole.Button, new() { Name = "Tandai kesalahan publikasi" }).ClickAsync();
        await Expect(page.Locator("#pesan")).ToContainTextAsync("Angka ditandai sebagai kesalahan publikasi yang diketahui.");
        await Expect(row).ToHaveAttributeAsync("data-keadaan", "kesalahan publikasi yang diketahui");
        await Expect(row).ToContainTextAsync("ditandai kesalahan publikasi yang diketahui: Tabel 3.5 LKjIP 2025 mencetak target akhir Renstra sebagai kemajuan");
        await fixture.Screenshot(page, "56-angka-tercetak-ditandai");
        findings.AddRange(await BrowserFixture.SeriousAxeFindings(page));
        await page.Context.CloseAsync();

        Assert.True(findings.Count == 0, "axe found serious or critical violations:\n" + string.Join('\n', findings));
    }

    /// <summary>The evaluator's answer for every criterion: the highest, the lowest for component 4.</summary>
    private static async Task ReviewAll(IPage evaluator)
    {
        foreach (var select in await evaluator.Locator("#lke select[id^='p-']").AllAsync())
        {
            var code = (await select.GetAttributeAsync("id"))!["p-".Length..];
            var options = await select.Locator("option").CountAsync();
            await select.SelectOptionAsync(new SelectOptionValue { Index = code.StartsWith("4.", StringComparison.Ordinal) ? options - 1 : 1 });
        }
    }

    /// <summary>A criterion code ("1.a.1") as part of a CSS id selector.</summary>
    private static string Css(string code) => code.Replace(".", "\\.", StringComparison.Ordinal);
}
