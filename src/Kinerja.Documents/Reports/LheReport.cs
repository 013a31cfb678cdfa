using Kinerja.Domain.Evaluation;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Reports;

/// <summary>One recommendation as the LHE prints it.</summary>
public sealed record LheRecommendation(int Number, string Text, string? Component, string ResponsibleUnit, DateOnly? DueDate, string Status);

/// <summary>
/// What a Laporan Hasil Evaluasi needs, already decided by the round: the evaluator's score (penetapan), the
/// findings per component, the recommendations, and who signs (the evaluator's head) where and when.
/// </summary>
public sealed record LheModel(
    string EvaluatedName,
    string? UnitName,
    int Year,
    string EvaluatorBody,
    EvaluationScore Score,
    IReadOnlyDictionary<string, string> Findings,
    IReadOnlyList<LheRecommendation> Recommendations,
    string SignerName,
    string SignerPosition,
    string? SignerNip,
    string? SignPlace,
    DateOnly? SignDate,
    int AnsweredByUnit,
    int AcceptedAsProposed);

/// <summary>
/// The Laporan Hasil Evaluasi (LHE) of an Evaluasi AKIP round (PermenPANRB 88/2021): the result, the table of
/// component scores with the grade and its interpretation (as seed 003 Tabel 3.9 prints it), findings per
/// component, the recommendations with their responsible unit and due date, and the evaluator's head's signature
/// with place and date. Built as a view model; the Word, PDF and Excel writers lay it out.
/// </summary>
public static class LheReport
{
    public static ReportDocument Build(LheModel m)
    {
        var evaluated = m.UnitName is null ? m.EvaluatedName : $"{m.UnitName} ({m.EvaluatedName})";
        var profile = new AgencyProfile { Agency = m.EvaluatedName, Year = m.Year, ReportPeriod = Period.OfYear(m.Year) };
        var doc = new ReportDocument { Title = $"Laporan Hasil Evaluasi AKIP {evaluated} Tahun {m.Year}", Agency = m.EvaluatedName, Profile = profile };
        var c = new ReportComposer(doc);
        var score = m.Score;
        c.Heading(1, "LAPORAN HASIL EVALUASI AKUNTABILITAS KINERJA INSTANSI PEMERINTAH TAHUN " + m.Year);
        c.Paragraph(evaluated.ToUpperInvariant(), ParagraphKind.Centered);
        c.Heading(2, "A. Dasar dan Lingkup Evaluasi");
        c.Paragraph($"Evaluasi atas akuntabilitas kinerja {evaluated} tahun {m.Year} dilaksanakan oleh {(m.EvaluatorBody.Length > 0 ? m.EvaluatorBody : "evaluator")} berdasarkan {score.Worksheet.Regulation}, dengan {score.Worksheet.Title} versi {score.Worksheet.Version}. " +
            $"Evaluasi meliputi {score.Worksheet.Components.Count} komponen: {string.Join(", ", score.Worksheet.Components.Select(x => $"{x.Name} (bobot {Number(x.Weight)})"))}.");
        c.Paragraph($"Unit yang dievaluasi menjawab {m.AnsweredByUnit} kriteria sebagai penilaian mandiri, {m.AcceptedAsProposed} di antaranya sesuai usulan yang disusun Kinerja dari data yang tercatat; nilai dalam laporan ini adalah penetapan evaluator.");
        c.Heading(2, "B. Hasil Evaluasi");
        c.Paragraph($"Hasil evaluasi atas akuntabilitas kinerja {evaluated} menunjukkan nilai sebesar {score.Display} dengan predikat \"{score.Grade.Grade}\". Nilai tersebut dapat diartikan bahwa akuntabilitas kinerja \"{score.Grade.Interpretation}\". Rincian nilai per komponen sebagaimana tabel berikut:");
        var rows = score.Components.Select((x, i) => new ReportRow([((char)('A' + i)).ToString(), x.Component.Name, new ReportCell(Number(x.Component.Weight), CellKind.Decimal, x.Component.Weight, 2), new ReportCell(IndonesianNumber.Format(x.Score, EvaluationScore.Decimals), CellKind.Decimal, Rounding.Apply(x.Score, 2, RoundingMode.HalfUp), 2)])).ToList();
        rows.Add(new ReportRow(["", "NILAI", new ReportCell("100", CellKind.Decimal, 100m, 0), new ReportCell(score.Display, CellKind.Decimal, score.Rounded, 2)], RowKind.Total));
        rows.Add(new ReportRow(["", "PREDIKAT", "", $"{score.Grade.Grade} ({score.Grade.Interpretation})"], RowKind.Total));
        c.Table("Simpulan Hasil Evaluasi", [new ReportColumn("No", 6, CellAlign.Center), new ReportColumn("Komponen yang dinilai", 50), new ReportColumn("Bobot", 12, CellAlign.Right), new ReportColumn("Nilai", 14, CellAlign.Right)], rows,
            [$"Nilai sub-komponen = bobot × jumlah nilai jawaban kriteria ÷ banyak kriteria; nilai total dibulatkan sekali ke dua desimal, dan predikat ditetapkan dari nilai yang dibulatkan ({string.Join("; ", score.Worksheet.Grades.Select(g => g.Above is { } a ? $"{g.Grade} > {Number(a)}" : $"{g.Grade} ≤ {Number(score.Worksheet.Grades[^2].Above ?? 0)}"))})."]);
        var subRows = score.Components.SelectMany(x => x.SubComponents.Select(s => new ReportRow([s.SubComponent.Code, s.SubComponent.Name, new ReportCell(Number(s.SubComponent.Weight), CellKind.Decimal, s.SubComponent.Weight, 2), new ReportCell(IndonesianNumber.Format(s.Score, 2), CellKind.Decimal, Rounding.Apply(s.Score, 2, RoundingMode.HalfUp), 2)]))).ToList();
        if (subRows.Count > 0)
            c.Table("Nilai per Sub-Komponen", [new ReportColumn("Kode", 8), new ReportColumn("Sub-komponen", 56), new ReportColumn("Bobot", 10, CellAlign.Right), new ReportColumn("Nilai", 10, CellAlign.Right)], subRows);
        c.Heading(2, "C. Catatan per Komponen");
        foreach (var x in score.Components)
        {
            var text = m.Findings.GetValueOrDefault(x.Component.Code);
            c.Paragraph($"{x.Component.Code}. {x.Component.Name} (nilai {IndonesianNumber.Format(x.Score, 2)} dari {Number(x.Component.Weight)}): {(string.IsNullOrWhiteSpace(text) ? "tidak ada catatan." : text.Trim())}");
        }

        c.Heading(2, "D. Rekomendasi");
        if (m.Recommendations.Count == 0)
            c.Paragraph("Tidak ada rekomendasi.");
        else
        {
            c.Table("Rekomendasi", [new ReportColumn("No", 6, CellAlign.Center), new ReportColumn("Rekomendasi", 52), new ReportColumn("Unit penanggung jawab", 18), new ReportColumn("Batas waktu", 14), new ReportColumn("Status", 14)],
                m.Recommendations.Select(r => new ReportRow([r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Text, r.ResponsibleUnit, r.DueDate is { } d ? Date(d) : "-", r.Status])).ToList());
        }

        c.Paragraph("Demikian laporan hasil evaluasi ini disampaikan untuk ditindaklanjuti. Tindak lanjut atas rekomendasi dicatat dan dipantau pada evaluasi tahun berikutnya.");
        var placeDate = $"{(string.IsNullOrWhiteSpace(m.SignPlace) ? ReportComposer.Dots : m.SignPlace)}, {(m.SignDate is { } sd ? Date(sd) : ReportComposer.Dots)}";
        c.Add(new SignatureBlock(placeDate, [new Signatory("", m.SignerPosition.Length > 0 ? m.SignerPosition : "Pimpinan " + m.EvaluatorBody, m.SignerName.Length > 0 ? m.SignerName : ReportComposer.Dots, null, string.IsNullOrWhiteSpace(m.SignerNip) ? null : m.SignerNip)]));
        return doc;
    }

    private static string Number(decimal v) => IndonesianNumber.Format(v, v == decimal.Truncate(v) ? 0 : v * 10 == decimal.Truncate(v * 10) ? 1 : 2);

    private static string Date(DateOnly d) => $"{d.Day} {SigningDate.MonthNames[d.Month - 1]} {d.Year}";
}
