using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using Kinerja.Domain.Evaluation;

namespace Kinerja.Documents.Tests;

public class LheReportTests
{
    private static LheModel Banjar() =>
        // seed 003 Tabel 3.9 components and three of Tabel 3.8's recommendations
        new("Dinas Tenaga Kerja dan Transmigrasi Kabupaten Banjar", null, 2025, "Inspektorat Kabupaten Banjar",
            EvaluationScore.FromComponents(WorksheetReader.Default, new Dictionary<string, decimal> { ["1"] = 25.03m, ["2"] = 23.65m, ["3"] = 12.01m, ["4"] = 19.63m }),
            new Dictionary<string, string> { ["1"] = "Target kinerja triwulanan belum dicantumkan sampai level aktivitas." },
            [
                new LheRecommendation(1, "Melakukan Evaluasi pencantuman target kinerja periodik (Triwulanan)", "1", "SEKRETARIAT", new DateOnly(2026, 6, 30), "Belum ditindaklanjuti"),
                new LheRecommendation(2, "Memanfaatkan hasil pengukuran kinerja sebagai dasar dalam pemberian Reward dan Punishment", "2", "SEKRETARIAT", null, "Dalam proses"),
            ],
            "Drs. Contoh Inspektur, M.Si", "Inspektur Kabupaten Banjar", "197001011990031001", "Martapura", new DateOnly(2026, 3, 31), 80, 52);

    [Fact]
    public void The_LHE_prints_the_component_table_total_grade_interpretation_recommendations_and_signature()
    {
        var docx = Docx.Render(LheReport.Build(Banjar()));
        var text = docx.AllText;
        // 25,03 + 23,65 + 12,01 + 19,63 = 80,32: the seed's components, not its printed 80.33
        Assert.Contains("nilai sebesar 80,32 dengan predikat \"A\"", text);
        Assert.Contains("akuntabilitas kinerja \"Memuaskan\"", text);
        foreach (var figure in new[] { "25,03", "23,65", "12,01", "19,63", "Perencanaan Kinerja", "Evaluasi Akuntabilitas Kinerja Internal", "A (Memuaskan)" })
            Assert.Contains(figure, text);
        Assert.Contains("Target kinerja triwulanan belum dicantumkan", text);
        Assert.Contains("Reward dan Punishment", text);
        Assert.Contains("30 Juni 2026", text);
        Assert.Contains("Martapura, 31 Maret 2026", text);
        Assert.Contains("Inspektur Kabupaten Banjar", text);
        Assert.Contains("197001011990031001", text.Replace(" ", "", StringComparison.Ordinal));
        Assert.DoesNotContain("80,33", text);
    }

    [Fact]
    public void The_LHE_renders_as_PDF_for_a_look()
    {
        if (PdfConverter.FindSoffice() is null)
            return;
        var path = Path.Combine(Path.GetTempPath(), "kinerja-lhe-banjar.pdf");
        ReportWriter.Write(LheReport.Build(Banjar()), path);
        Assert.True(new FileInfo(path).Length > 1000);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 0, 4));
    }
}
