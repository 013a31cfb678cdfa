using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using Kinerja.Domain.Evaluation;
using Kinerja.Domain.Model;

namespace Kinerja.Documents.Tests;

/// <summary>
/// Issue 22 item 5: the LKjIP prints "Simpulan Hasil Evaluasi" and "Rekomendasi dan Tindak Lanjut" from the final
/// Evaluasi AKIP round of the year before when there is one; the workbook's sheet stays for evaluations never entered.
/// </summary>
public sealed class EvaluationInLkjipTests
{
    /// <summary>Banjar's round: the component scores of seed 003 Tabel 3.9 and two recommendations of Tabel 3.8.</summary>
    private static EvaluationOutcome BanjarRound() => new(2024, "Inspektorat Kabupaten Banjar",
        EvaluationScore.FromComponents(WorksheetReader.Default, new Dictionary<string, decimal> { ["1"] = 25.03m, ["2"] = 23.65m, ["3"] = 12.01m, ["4"] = 19.63m }),
        [
            new EvaluationFollowUp(null, "Melakukan pengukuran secara berkala (Triwulanan)", "Melaksanakan pengukuran kinerja triwulanan; Menyusun laporan triwulan", "Selesai"),
            new EvaluationFollowUp(null, "Melakukan Reviu berjenjang terhadap pelaporan kinerja", null, "Belum ditindaklanjuti"),
        ]);

    [Fact]
    public void A_final_round_prints_its_score_grade_and_recommendations_instead_of_the_workbook_rows()
    {
        var data = Samples.Load("banjar-2025.json") with { Evaluation = BanjarRound() };
        var report = ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(data) { Draft = true });
        var docx = Docx.Render(report);

        var simpulan = docx.Tables.Single(t => t.Caption.Contains("Simpulan Hasil Evaluasi AKIP Tahun 2024", StringComparison.Ordinal));
        // 25,03 + 23,65 + 12,01 + 19,63 = 80,32 (the seed printed 80.33), grade A: 80 < 80,32 <= 90
        var perencanaan = simpulan.Rows.Single(r => r[1].StartsWith("Perencanaan", StringComparison.Ordinal));
        Assert.Equal(["A", "30,00", "25,03"], [perencanaan[0], perencanaan[2], perencanaan[3]]);
        Assert.Equal("80,32", simpulan.Rows.Single(r => r[1] == "Nilai Hasil Evaluasi")[3]);
        Assert.Equal("A (Memuaskan)", simpulan.Rows.Single(r => r[1] == "Predikat")[3]);
        Assert.Contains("memberikan nilai 80,32 dengan predikat \"A\"", docx.AllText, StringComparison.Ordinal);

        var recs = docx.Tables.Single(t => t.Caption.Contains("Rekomendasi dan Tindak Lanjut Hasil Evaluasi AKIP Tahun 2024", StringComparison.Ordinal));
        Assert.Equal(["No", "Rekomendasi", "Tindak Lanjut", "Status"], recs.Header);
        Assert.Equal(["1", "Melakukan pengukuran secara berkala (Triwulanan)", "Melaksanakan pengukuran kinerja triwulanan; Menyusun laporan triwulan", "Selesai"], recs.Rows[1]);
        Assert.Equal(["2", "Melakukan Reviu berjenjang terhadap pelaporan kinerja", "-", "Belum ditindaklanjuti"], recs.Rows[2]);
        // the workbook's "LHE AKIP Tahun 2025" rows are this same evaluation: not printed twice
        Assert.DoesNotContain(docx.Tables, t => t.Caption.Contains("LHE AKIP Tahun 2025", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_round_the_workbook_rows_print_and_with_one_an_older_evaluation_still_does()
    {
        var data = Samples.Load("banjar-2025.json");
        var plain = Docx.Render(ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(data) { Draft = true }));
        Assert.Equal(7, plain.Tables.Single(t => t.Caption.Contains("Rekomendasi dan Tindak Lanjut LHE AKIP Tahun 2025", StringComparison.Ordinal)).Rows.Count);
        Assert.DoesNotContain(plain.Tables, t => t.Caption.Contains("Simpulan Hasil Evaluasi", StringComparison.Ordinal));

        var older = data with
        {
            Evaluation = BanjarRound(),
            FollowUps = [.. data.FollowUps, new EvaluationFollowUp("LHE AKIP Tahun 2023", "Menyusun pohon kinerja", "Pohon kinerja disusun", "Selesai")],
        };
        var docx = Docx.Render(ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(older) { Draft = true }));
        Assert.Single(docx.Tables, t => t.Caption.Contains("Rekomendasi dan Tindak Lanjut LHE AKIP Tahun 2023", StringComparison.Ordinal));
        Assert.Single(docx.Tables, t => t.Caption.Contains("Simpulan Hasil Evaluasi AKIP Tahun 2024", StringComparison.Ordinal));
    }
}
