using System.Diagnostics;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using Kinerja.Domain.Model;
using Kinerja.Domain.Narratives;
using Kinerja.Domain.Validation;

namespace Kinerja.Documents.Tests;

/// <summary>
/// Issue 20 "Checked by": every final document the samples can produce (LKjIP, each PK version, the triwulan) is built
/// and rendered; none has a blank page, a statement cut with "…", a reference that resolves to nothing, a narrative
/// figure that differs from the table, or a Sistematika that differs from the chapters printed. The pages are kept at
/// 40 dpi under TestResults/pages/final/ for people to look at.
/// </summary>
public sealed class FinalDocumentsTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var json in Directory.GetFiles(Path.Combine(Samples.Root, "samples"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(json));
        return data;
    }

    /// <summary>The documents a sample is asked for: its LKjIP (or triwulan for a quarterly profile) and every PK version.</summary>
    private static IEnumerable<(string Name, ReportKind Kind, ReportRequest Request)> Requests(PerformanceDataset data)
    {
        if (data.Profile.ReportPeriod.IsQuarter)
            yield return ("triwulan", ReportKind.Triwulan, new ReportRequest(data));
        else
            yield return ("lkjip", ReportKind.Lkjip, new ReportRequest(data));
        foreach (var version in PerjanjianKinerja.Versions(data))
            yield return ("pk-" + version.Id.Code, ReportKind.Pk, new ReportRequest(data) { Versi = version.Id.Code });
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_final_a_sample_produces_reads_whole_and_resolves(string sample)
    {
        var data = Samples.Load(sample);
        var finals = 0;
        foreach (var (name, kind, request) in Requests(data))
        {
            ReportDocument report;
            try
            {
                report = ReportWriter.Prepare(kind, request);
            }
            catch (ReportRefusedException refused)
            {
                // a refusal says why, each reason on its own; the draft is then what the sample gives
                Assert.NotEmpty(refused.Reasons);
                continue;
            }

            finals++;
            Assert.Empty(DocumentChecks.References(report));
            Assert.Empty(DocumentChecks.CutStatements(report));
            if (kind == ReportKind.Lkjip)
            {
                Assert.DoesNotContain(DatasetValidator.Check(data), f => f.Rule == NarrativeFigureCheck.Rule || f.Rule == NarrativeAmountCheck.Rule);
                AssertSistematikaIsTheChapters(report);
                Assert.All(report.Parts.Where(p => p.Required), p => Assert.True(p.Present, p.Name));
            }

            AssertPages(sample, name, report);
        }

        // the complete demo gives every final; a sample that gives none says so here rather than passing silently
        if (sample.StartsWith("clean-demo-lengkap", StringComparison.Ordinal))
            Assert.Equal(Requests(data).Count(), finals);
        if (sample.StartsWith("kemnaker", StringComparison.Ordinal))
            Assert.Equal(PerjanjianKinerja.Versions(data).Count, finals); // the four signed PK versions
    }

    [Fact]
    public void Banjar_once_corrected_is_a_final_LKjIP_without_a_blank_page()
    {
        // Banjar p.29 was blank: its trend table filled a landscape page and the section break opened another
        var report = ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(SignedDocumentTests.Corrected(Samples.Load("banjar-2025.json"))));
        AssertSistematikaIsTheChapters(report);
        AssertPages("banjar-2025-dikoreksi.json", "lkjip", report);
    }

    [Theory]
    [InlineData(30.2, 47.1, new[] { "32%", "34%", "36%", "38%", "40%", "42%", "44%", "46%" })]
    [InlineData(3.0, 4.2, new[] { "3,0%", "3,2%", "3,4%", "3,6%", "3,8%", "4,0%", "4,2%" })]
    [InlineData(0, 1200, new[] { "0%", "200%", "400%", "600%", "800%", "1.000%", "1.200%" })]
    public void Trend_axes_tick_at_readable_steps(double low, double high, string[] expected)
    {
        var ticks = Charts.ReadableTicks(low, high, "%").Labels;
        Assert.Equal(expected, ticks);
    }

    [Theory]
    [InlineData("1.03.02.2.01", Domain.Values.AgencyKind.Pemda, "1.03.02.2.01")]
    [InlineData("P1.K2", Domain.Values.AgencyKind.Pemda, null)]
    [InlineData("WA", Domain.Values.AgencyKind.KL, "WA")]
    [InlineData("JB", Domain.Values.AgencyKind.Pemda, null)]
    [InlineData("2176.ABK", Domain.Values.AgencyKind.KL, "2176.ABK")]
    public void Only_official_codes_print(string code, Domain.Values.AgencyKind kind, string? printed) =>
        Assert.Equal(printed, ReportFormat.OfficialCode(code, kind));

    [Fact]
    public void The_complete_demo_prints_the_review_statement_and_a_sistematika_of_its_chapters()
    {
        var report = ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(Samples.Load("clean-demo-lengkap.json")));
        var headings = report.Blocks.OfType<HeadingBlock>().Where(h => h.Level == 1).Select(h => h.Text).ToList();
        Assert.Equal("PERNYATAAN TELAH DIREVIU", headings[0]);
        var sistematika = SistematikaOf(report);
        Assert.Contains(sistematika.Items, i => i.StartsWith("Bab I Pendahuluan: Latar Belakang; ", StringComparison.Ordinal) && i.Contains("Permasalahan dan Isu Strategis", StringComparison.Ordinal));
        Assert.Contains(sistematika.Items, i => i.StartsWith("Lampiran: Perjanjian Kinerja Tahun 2025", StringComparison.Ordinal));
    }

    [Fact]
    public void A_draft_lists_the_parts_it_lacks_and_a_final_is_refused_with_them()
    {
        var data = Samples.Load("clean-demo.json");
        var refused = Assert.Throws<ReportRefusedException>(() => ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(data)));
        Assert.Contains(refused.Reasons, r => r.Contains("Pernyataan Telah Direviu", StringComparison.Ordinal) && r.Contains("PermenPANRB 53/2014", StringComparison.Ordinal));
        Assert.Contains(refused.Reasons, r => r.Contains("Bab IV: kesimpulan dan saran", StringComparison.Ordinal));
        var draft = ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(data) { Draft = true });
        var parts = draft.Tables.Single(t => t.Caption == "Kelengkapan Laporan Kinerja");
        Assert.Contains(parts.Rows, r => r.Cells[1].Text == "Pernyataan Telah Direviu, ditandatangani APIP" && r.Cells[3].Text.StartsWith("Belum ada", StringComparison.Ordinal));
        Assert.Contains(parts.Rows, r => r.Cells[1].Text.StartsWith("Bab III: realisasi anggaran", StringComparison.Ordinal) && r.Cells[3].Text == "Ada");
    }

    [Fact]
    public void A_narrative_that_cites_a_table_the_report_lacks_refuses_the_final_and_the_draft_lists_it()
    {
        var data = Samples.Load("clean-demo-lengkap.json");
        data = data with { Narratives = [.. data.Narratives, new Narrative("S1", "Analisis", "Berdasarkan grafik di atas dan Tabel 3.40, penempatan meningkat.")] };
        var refused = Assert.Throws<ReportRefusedException>(() => ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(data)));
        Assert.Contains(refused.Reasons, r => r.Contains("\"Tabel 3.40\"", StringComparison.Ordinal));
        Assert.Contains(refused.Reasons, r => r.Contains("\"grafik di atas\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_typed_capaian_that_differs_from_the_table_refuses_the_final_LKjIP_but_not_the_PK()
    {
        var data = Samples.Load("clean-demo-lengkap.json");
        // IKU-2: 950 / 1.000 = 95,00% as the table prints it; 95,5 is another figure
        data = data with { Narratives = [.. data.Narratives, new Narrative("S2", "Analisis", "Capaian pelatihan sebesar 95,5% dari target.")] };
        var refused = Assert.Throws<ReportRefusedException>(() => ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(data)));
        Assert.Contains(refused.Reasons, r => r.Contains("95,5%", StringComparison.Ordinal) && r.Contains("95,00%", StringComparison.Ordinal));
        Assert.NotNull(ReportWriter.Prepare(ReportKind.Pk, new ReportRequest(data)));
    }

    [Fact]
    public void A_PK_is_not_held_back_by_an_error_in_the_realisasi_anggaran()
    {
        var data = Samples.Load("clean-demo-lengkap.json");
        // a kegiatan's pagu that is not the sum of its lines: an error of sheet Anggaran, which the PK does not print
        var budget = data.Budget.Select(b => b.Code == "1.03.02" ? b with { Pagu = b.Pagu + 1_000_000m } : b).ToList();
        data = data with { Budget = budget };
        Assert.Contains(DatasetValidator.Check(data), f => f.Severity == Severity.Error && f.Sheet == "Anggaran");
        Assert.NotNull(ReportWriter.Prepare(ReportKind.Pk, new ReportRequest(data)));
        Assert.Throws<ReportRefusedException>(() => ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(data)));
    }

    [Fact]
    public void A_bullet_that_begins_mid_sentence_is_flagged()
    {
        var data = Samples.Load("clean-demo-lengkap.json");
        data = data with { Narratives = [.. data.Narratives, new Narrative("S2", "Penghambat", "Sedangkan instruktur belum tersedia pada triwulan pertama.")] };
        var draft = ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(data) { Draft = true });
        Assert.Contains(draft.Checklist, i => !i.Required && i.Text.StartsWith("Butir daftar diawali di tengah kalimat: \"Sedangkan", StringComparison.Ordinal));
    }

    private static BulletListBlock SistematikaOf(ReportDocument report)
    {
        var at = report.Blocks.FindIndex(b => b is HeadingBlock h && h.Text.EndsWith("Sistematika Penyajian", StringComparison.Ordinal));
        Assert.True(at >= 0, "no Sistematika Penyajian");
        return report.Blocks.Skip(at).OfType<BulletListBlock>().First();
    }

    /// <summary>One item per chapter printed, in order, naming each of its sections; one for the lampiran.</summary>
    private static void AssertSistematikaIsTheChapters(ReportDocument report)
    {
        var items = SistematikaOf(report).Items.Where(i => i.StartsWith("Bab ", StringComparison.Ordinal)).ToList();
        var chapters = new List<(string Roman, List<string> Sections)>();
        foreach (var heading in report.Blocks.OfType<HeadingBlock>())
        {
            if (heading.Level == 1)
            {
                if (heading.Text.StartsWith("BAB ", StringComparison.Ordinal))
                    chapters.Add((heading.Text.Split(' ')[1], []));
                else
                    chapters.Add(("", []));
            }
            else if (heading.Level == 2 && chapters.Count > 0 && chapters[^1].Roman.Length > 0)
            {
                chapters[^1].Sections.Add(heading.Text[3..]);
            }
        }

        var printed = chapters.Where(c => c.Roman.Length > 0).ToList();
        Assert.Equal(printed.Count, items.Count);
        for (var i = 0; i < printed.Count; i++)
        {
            Assert.StartsWith("Bab " + printed[i].Roman + " ", items[i], StringComparison.Ordinal);
            Assert.All(printed[i].Sections, s => Assert.Contains(s, items[i], StringComparison.Ordinal));
        }
    }

    /// <summary>Renders the document; every page holds more than its running header and page number.</summary>
    private static void AssertPages(string sample, string name, ReportDocument report)
    {
        Assert.True(PdfConverter.FindSoffice() is not null, "LibreOffice (soffice) is not installed; scripts/install-deps.sh installs libreoffice-writer-nogui");
        var folder = Path.Combine(Samples.Root, "TestResults", "pages", "final", Path.GetFileNameWithoutExtension(sample));
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.GetFiles(folder, name + "-*.png"))
            File.Delete(old);
        var pdf = Path.Combine(folder, name + ".pdf");
        ReportWriter.Write(report, pdf);
        var pages = Run("pdftotext", "-layout", pdf, "-").Split('\f');
        // the text ends with a form feed: the last piece is what follows the last page
        for (var i = 0; i < pages.Length - 1; i++)
        {
            var words = pages[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => !w.All(char.IsDigit) && w is not ("-" or "i" or "ii" or "iii" or "iv" or "v" or "vi" or "vii" or "viii" or "ix" or "x")).ToList();
            Assert.True(words.Count > 0, $"{sample} {name}: halaman {i + 1} kosong");
        }

        Assert.DoesNotContain("…", string.Concat(pages));
        Run("pdftoppm", "-r", "40", "-png", pdf, Path.Combine(folder, name));
    }

    private static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), file + " did not finish");
        Assert.True(process.ExitCode == 0, $"{file} exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
