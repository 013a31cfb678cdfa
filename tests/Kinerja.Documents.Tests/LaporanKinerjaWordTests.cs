using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Tests;

public class LaporanKinerjaWordTests
{
    private static Docx Lkjip(string sample) => Docx.Render(LkjipReport.Build(new ReportRequest(Samples.Load(sample))));

    [Fact]
    public void Banjar_capaian_table_shows_IK1_placement_as_printed_in_Tabel_3_3()
    {
        // seed 003 Tabel 3.3: target 38%, realisasi 882 / 1.762 = 50,0567 printed 50,05%; 50,05 / 38 = 131,7105 printed 131,71%, Sangat Tinggi (> 90)
        var table = Lkjip("banjar-2025.json").Table("Tabel 3.2");
        Assert.StartsWith("Tabel 3.2 Capaian Indikator Kinerja Tahun 2025", table.Caption);
        Assert.Equal("38%", table.Cell("IK-1", "Target"));
        Assert.Equal("50,05%", table.Cell("IK-1", "Realisasi"));
        Assert.Equal("131,71%", table.Cell("IK-1", "Capaian"));
        Assert.Equal("Sangat Tinggi", table.Cell("IK-1", "Kategori"));
        // IK-16: 37 / 45 = 82,22% is the one indicator in the Tinggi band (> 75 and <= 90)
        Assert.Equal("82,22%", table.Cell("IK-16", "Capaian"));
        Assert.Equal("Tinggi", table.Cell("IK-16", "Kategori"));
    }

    [Fact]
    public void A_target_printed_with_a_note_is_shown_with_it_in_the_capaian_table()
    {
        // Banjar IK-1 target "38% (3 LPK)": the note is kept beside the value, the capaian still 50,05 / 38 = 131,71%
        var data = Samples.Load("banjar-2025.json");
        var target = data.Targets.Single(t => t.IndicatorCode == "IK-1" && t.Period == data.Profile.ReportPeriod);
        var parsed = Kinerja.Domain.Values.MeasuredValueParser.Parse("38% (3 LPK)", Kinerja.Domain.Values.TargetKind.Number, "Persen").Value!;
        var withNote = data with { Targets = data.Targets.Select(t => t == target ? t with { Value = parsed } : t).ToList() };

        var table = Docx.Render(LkjipReport.Build(new ReportRequest(withNote))).Table("Tabel 3.2");

        Assert.Equal("38% (3 LPK)", table.Cell("IK-1", "Target"));
        Assert.Equal("131,71%", table.Cell("IK-1", "Capaian"));
    }

    [Fact]
    public void Banjar_TPT_capaian_follows_the_agency_rounding_setting()
    {
        // TPT is lower-is-better method B: 2,71 / 2,76 = 98,1884%. Tabel 3.2 prints 98,19 (half-up, the sample's
        // capaian rounding); an agency that truncates would print 98,18: the document follows the setting.
        var data = Samples.Load("banjar-2025.json");
        var truncating = Samples.WithProfile(data, data.Profile with { Rounding = RoundingMode.Truncate });
        var truncated = Docx.Render(LkjipReport.Build(new ReportRequest(truncating))).Table("Tabel 3.2");
        Assert.Equal("98,18%", truncated.Cell("IKT-1", "Capaian"));

        var table = Docx.Render(LkjipReport.Build(new ReportRequest(data))).Table("Tabel 3.2");
        Assert.Equal("98,19%", table.Cell("IKT-1", "Capaian"));
        Assert.Equal("2,71%", table.Cell("IKT-1", "Target"));
        Assert.Equal("2,76%", table.Cell("IKT-1", "Realisasi"));
        Assert.Equal("Sangat Tinggi", table.Cell("IKT-1", "Kategori"));
    }

    [Fact]
    public void Kemnaker_capaian_table_reproduces_the_printed_indicator_and_agency_figures()
    {
        // seed 000: 4,01 / 9,85 = 40,71%; 78,73 / 81,75 = 96,31%; WTP against WTP = 100%; 3,42 / 4 = 85,50%;
        // agency = (40,71 + (96,306 + 100 + 85,5) / 3) / 2 = 67,32%
        var table = Lkjip("kemnaker-2024.json").Table("Tabel 3.2");
        Assert.Equal("40,71%", table.Cell("IKSS-1.1", "Capaian"));
        Assert.Equal("96,31%", table.Cell("IKSS-2.1", "Capaian"));
        Assert.Equal("100,00%", table.Cell("IKSS-2.2", "Capaian"));
        Assert.Equal("85,50%", table.Cell("IKSS-2.3", "Capaian"));
        Assert.Equal("Tidak Tercapai", table.Cell("IKSS-1.1", "Kategori"));
        Assert.Equal("Tercapai", table.Cell("IKSS-2.2", "Kategori"));
        var agency = table.Rows.Single(r => r[1].StartsWith("Capaian kinerja instansi", StringComparison.Ordinal));
        Assert.Equal("67,32%", agency[table.Header.IndexOf("Capaian")]);
    }

    [Fact]
    public void Banjar_Renstra_progress_reproduces_Tabel_3_5()
    {
        // seed 003 Tabel 3.5 (truncated): IK-1 50,05 / 60 = 83,4167 printed 83,41%; IK-2 29,71 / 44,01 = 67,5074 printed 67,50%;
        // IK-18 91,74 / 92,25 = 99,4472 printed 99,44%
        var table = Lkjip("banjar-2025.json").Tables.Single(t => t.Caption.Contains("Target Akhir Renstra", StringComparison.Ordinal));
        Assert.Equal("60%", table.Cell("IK-1", "Target Akhir Renstra"));
        Assert.Equal("83,41%", table.Cell("IK-1", "Tingkat Kemajuan"));
        Assert.Equal("67,50%", table.Cell("IK-2", "Tingkat Kemajuan"));
        Assert.Equal("99,44%", table.Cell("IK-18", "Tingkat Kemajuan"));
    }

    [Fact]
    public void Banjar_organisation_table_shows_acting_officials_as_Plt()
    {
        // the Unit sheet gives the Sekretariat's position with acting "Plt" and no name: the position and status still show
        var table = Lkjip("banjar-2025.json").Table("Tabel 1.1");
        var sekretariat = table.Rows.Single(r => r[1] == "Sekretariat");
        Assert.Equal("Sekretaris", sekretariat[table.Header.IndexOf("Jabatan")]);
        Assert.Equal("Plt.", sekretariat[table.Header.IndexOf("Status")]);
        Assert.Equal("-", sekretariat[table.Header.IndexOf("Nama Pejabat")]);
        var head = table.Rows.Single(r => r[1] == "Dinas Tenaga Kerja dan Transmigrasi Kabupaten Banjar");
        Assert.Equal("Hi ST Mahmudah, SH.MH", head[table.Header.IndexOf("Nama Pejabat")]);
        Assert.Equal("Definitif", head[table.Header.IndexOf("Status")]);
    }

    [Fact]
    public void Banjar_budget_is_written_with_thousands_dots_and_a_comma_percentage()
    {
        // Tabel 3.10: Jumlah Belanja pagu 12.081.204.858, realisasi 10.066.484.952 = 83,3236% printed 83,32%
        var docx = Lkjip("banjar-2025.json");
        Assert.Contains("Rp\u00A012.081.204.858", docx.AllText, StringComparison.Ordinal);
        var types = docx.Tables.Single(t => t.Caption.Contains("Jenis Belanja", StringComparison.Ordinal));
        // "JB" is a key the workbook uses to link the lines, not an official code: the row prints without it
        var total = types.Rows.Single(r => r[1] == "Jumlah Belanja");
        Assert.Equal("", total[0]);
        Assert.Equal(["12.081.204.858", "10.066.484.952"], total[2..4]);
        Assert.Equal("83,32%", total[types.Header.IndexOf("Penyerapan")]);
    }

    [Fact]
    public void Kemnaker_budget_states_absorption_with_and_without_blokir_against_the_target()
    {
        // docs/rules.md §7: 5.500.436.965.043 / 6.144.346.237.000 = 89,52%; without blokir / 5.693.541.003.000 = 96,61%;
        // against the 98,41% absorption target: 90,97% and 98,17%
        var text = Lkjip("kemnaker-2024.json").AllText;
        Assert.Contains("89,52%", text, StringComparison.Ordinal);
        Assert.Contains("96,61%", text, StringComparison.Ordinal);
        Assert.Contains("90,97%", text, StringComparison.Ordinal);
        Assert.Contains("98,17%", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("banjar-2025.json")]
    [InlineData("kemnaker-2024.json")]
    [InlineData("kemenko-tw1-2026.json")]
    [InlineData("pasar-kerja-2021.json")]
    public void No_table_cell_shows_an_invariant_decimal_or_more_than_the_configured_decimals(string sample)
    {
        var data = Samples.Load(sample);
        var report = data.Profile.ReportPeriod.IsQuarter ? TriwulanReport.Build(new ReportRequest(data)) : LkjipReport.Build(new ReportRequest(data));
        var docx = Docx.Render(report);
        var invariant = new Regex(@"(?<![\w.,\-/])\d+\.\d{1,2}(?!\d)");
        var tooPrecise = new Regex(@"\d,\d{" + (data.Profile.Decimals + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ",}");
        var bad = docx.Tables.SelectMany(t => t.Cells.Select(c => (t.Caption, Cell: c))).Where(x => invariant.IsMatch(x.Cell) || tooPrecise.IsMatch(x.Cell)).ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad.Select(b => b.Caption + ": " + b.Cell)));
        foreach (var raw in new[] { "98.19", "0.9819", "98.1884", "50.05%", "34,7864" })
            Assert.DoesNotContain(raw, docx.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_and_figures_are_numbered_per_chapter_and_listed_with_page_references()
    {
        var report = LkjipReport.Build(new ReportRequest(Samples.Load("banjar-2025.json")));
        var numbers = report.Tables.Select(t => t.Number).ToList();
        Assert.Equal(numbers.Distinct().Count(), numbers.Count);
        Assert.Contains("1.1", numbers);
        Assert.Contains("3.1", numbers);
        // Bab I opens with the organisation chart drawn from the units; Bab III's charts number from 3.1
        Assert.Equal("1.1", report.Figures.First().Number);
        Assert.Contains(report.Figures, f => f.Number == "3.1");
        var docx = Docx.Render(report);
        using var ms = new MemoryStream(docx.Bytes);
        using var doc = WordprocessingDocument.Open(ms, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var pageRefs = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.FieldCode>().Count(f => f.Text.Contains("PAGEREF", StringComparison.Ordinal));
        var headings = report.Blocks.OfType<HeadingBlock>().Count(h => h.Text is not ("DAFTAR ISI" or "DAFTAR TABEL" or "DAFTAR GAMBAR"));
        Assert.Equal(headings + report.Tables.Count() + report.Figures.Count(), pageRefs);
        var styles = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.ParagraphStyleId>().Select(s => s.Val!.Value).ToHashSet();
        Assert.Contains("Heading1", styles);
        Assert.Contains("Heading3", styles);
        Assert.Equal(report.Figures.Count(), doc.MainDocumentPart.ImageParts.Count());
    }

    [Fact]
    public void Missing_staff_data_gives_a_placeholder_sentence_not_a_table()
    {
        var data = Samples.Load("kemenko-tw1-2026.json");
        var report = LkjipReport.Build(new ReportRequest(data, Period.OfYear(2026)));
        // what is missing goes on the draft's checklist; the document itself leaves the section out
        var placeholders = report.Checklist.Select(i => i.Text).ToList();
        Assert.DoesNotContain(report.Blocks.OfType<ParagraphBlock>(), p => p.Kind == ParagraphKind.Placeholder);
        Assert.Contains(placeholders, p => p.Contains("jumlah pegawai", StringComparison.Ordinal));
        // Kemenko has no budget sheet: the budget section says so instead of printing zeros
        Assert.Contains(placeholders, p => p.Contains("Data anggaran belum diisi", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Tables, t => t.Caption.Contains("Anggaran", StringComparison.Ordinal) && t.Caption.Contains("Realisasi", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("banjar-2025.json", ReportKind.Lkjip)]
    [InlineData("kemnaker-2024.json", ReportKind.Lkjip)]
    [InlineData("pasar-kerja-2021.json", ReportKind.Lkjip)]
    [InlineData("banjar-2025.json", ReportKind.Pk)]
    [InlineData("kemenko-tw1-2026.json", ReportKind.Triwulan)]
    public void Word_output_passes_the_OpenXml_validator(string sample, ReportKind kind)
    {
        var docx = Docx.Render(ReportWriter.Build(kind, new ReportRequest(Samples.Load(sample))));
        using var ms = new MemoryStream(docx.Bytes);
        using var doc = WordprocessingDocument.Open(ms, false);
        var errors = new OpenXmlValidator().Validate(doc).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }
}
