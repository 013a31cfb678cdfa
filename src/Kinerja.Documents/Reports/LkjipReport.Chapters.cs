using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Reports;

/// <summary>
/// The Laporan Kinerja's chapters built from the agency's own texts and lists (issue 13 item 7): chapter narratives,
/// the organisation chart, the PK with formula/program/penanggung jawab, awards, innovations, the follow-up of the
/// last evaluation, the IKU matrix and the pohon kinerja. A part without data is left out.
/// </summary>
public static partial class LkjipReport
{
    /// <summary>The code under which chapter texts are entered in the Narasi sheet (or the top unit's code).</summary>
    public const string AgencyNarrativeCode = "Instansi";

    /// <summary>
    /// Chapter texts of a kind, in order: rows whose code is <see cref="AgencyNarrativeCode"/>, the top unit's code, or
    /// no sasaran, indicator or unit (so a per-indicator LatarBelakang stays with its indicator).
    /// </summary>
    public static IReadOnlyList<string> AgencyTexts(PerformanceDataset data, string kind)
    {
        var top = ReportFacts.TopUnit(data)?.Code;
        var known = data.Plan.Select(p => p.Code).Concat(data.Indicators.Select(i => i.Code)).Concat(data.Units.Select(u => u.Code)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return data.Narratives
            .Where(n => IsKind(n, kind) && (string.Equals(n.GoalCode, AgencyNarrativeCode, StringComparison.OrdinalIgnoreCase)
                                            || string.Equals(n.GoalCode, top, StringComparison.OrdinalIgnoreCase)
                                            || !known.Contains(n.GoalCode)))
            .Select(n => n.Text).ToList();
    }

    /// <summary>Paragraphs of the chapter texts of a kind; false when there are none.</summary>
    private static bool AgencyParagraphs(ReportComposer c, PerformanceDataset data, string kind)
    {
        var texts = AgencyTexts(data, kind);
        foreach (var text in texts)
            c.Paragraph(text, ParagraphKind.Narrative);
        return texts.Count > 0;
    }

    /// <summary>A numbered list of the chapter texts of a kind (one row per point), under an optional lead-in.</summary>
    private static bool AgencyList(ReportComposer c, PerformanceDataset data, string kind, string? label = null)
    {
        var texts = AgencyTexts(data, kind);
        if (texts.Count == 0)
            return false;
        if (label is not null)
            c.Paragraph(label, ParagraphKind.Label);
        c.Add(new BulletListBlock(texts.Select(c.Fields).ToList(), Numbered: true));
        return true;
    }

    /// <summary>
    /// Bab I's isu strategis and permasalahan: the agency's texts and, where the workbook holds them, the two tables of a
    /// Renstra (seed 003: Tabel Permasalahan, then the isu strategis table). Permasalahan comes first, as the issues are
    /// drawn from the problems; each part is left out without text or rows.
    /// </summary>
    private static bool IssuesAndProblems(ReportComposer c, PerformanceDataset data)
    {
        var problemTexts = AgencyTexts(data, "Permasalahan").Count > 0;
        var issueTexts = AgencyTexts(data, "IsuStrategis").Count > 0;
        var problems = problemTexts || data.Problems.Count > 0;
        var issues = issueTexts || data.StrategicIssues.Count > 0;
        if (!problems && !issues)
            return false;
        c.Heading(2, "G. Permasalahan dan Isu Strategis");
        var both = problems && issues;
        if (problems)
        {
            if (both)
                c.Heading(3, "1. Permasalahan");
            AgencyParagraphs(c, data, "Permasalahan");
            ProblemTable(c, data);
        }

        if (issues)
        {
            if (both)
                c.Heading(3, "2. Isu Strategis");
            AgencyParagraphs(c, data, "IsuStrategis");
            StrategicIssueTable(c, data);
        }

        return true;
    }

    /// <summary>The problem table row by row as entered: an empty cell continues the row above, as a merged cell prints.</summary>
    private static void ProblemTable(ReportComposer c, PerformanceDataset data)
    {
        if (data.Problems.Count == 0)
            return;
        var numbered = data.Problems.Any(p => p.Number is not null);
        var rows = data.Problems.Select(p => new ReportRow(numbered
            ? [p.Number ?? "", p.MainProblem ?? "", p.Problem ?? "", p.RootCause ?? ""]
            : [p.MainProblem ?? "", p.Problem ?? "", p.RootCause ?? ""])).ToList();
        ReportColumn[] columns = [new("Masalah Pokok", 30), new("Masalah", 32), new("Akar Masalah", 33)];
        c.Table("Permasalahan " + data.Profile.Agency, numbered ? [new("No", 5, CellAlign.Center), .. columns] : columns, rows);
    }

    /// <summary>The strategic-issue table with the columns the workbook fills; a column empty in every row is left out.</summary>
    private static void StrategicIssueTable(ReportComposer c, PerformanceDataset data)
    {
        if (data.StrategicIssues.Count == 0)
            return;
        var pemda = data.Profile.Kind == AgencyKind.Pemda;
        (string Header, Func<StrategicIssueRow, string?> Cell)[] all =
        [
            (pemda ? "Potensi Daerah yang Menjadi Kewenangan" : "Potensi yang Menjadi Kewenangan", i => i.Potential),
            ("Permasalahan", i => i.Problem),
            ("Isu KLHS yang Relevan", i => i.Klhs),
            ("Isu Lingkungan Dinamis Global", i => i.Global),
            ("Isu Lingkungan Dinamis Nasional", i => i.National),
            ("Isu Lingkungan Dinamis Regional", i => i.Regional),
            ("Isu Strategis", i => i.Issue),
        ];
        var used = all.Where(col => data.StrategicIssues.Any(i => col.Cell(i) is not null)).ToList();
        var numbered = used.Count == 1;
        var columns = used.Select(col => new ReportColumn(col.Header, 95 / used.Count)).ToList();
        var rows = data.StrategicIssues.Select(issue => new ReportRow(used.Select(col => (ReportCell)(col.Cell(issue) ?? "")).ToList())).ToList();
        // a single column (a plain list of issues) is numbered, as such lists print
        if (numbered)
        {
            columns = [new("No", 5, CellAlign.Center), new(used[0].Header, 90)];
            rows = data.StrategicIssues.Select((issue, n) => new ReportRow([ReportFormat.Number(n + 1), used[0].Cell(issue)!])).ToList();
        }

        c.Table("Isu Strategis " + data.Profile.Agency, columns, rows);
    }

    /// <summary>The organisation drawn from the Unit sheet: each unit with its head, under its parent.</summary>
    private static void OrganisationChart(ReportComposer c, PerformanceDataset data)
    {
        if (data.Units.Count < 2)
            return;
        var children = data.Units.Where(u => u.ParentCode is not null).ToLookup(u => u.ParentCode!, StringComparer.OrdinalIgnoreCase);
        var codes = data.Units.Select(u => u.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        DiagramNode Node(OrgUnit unit)
        {
            visited.Add(unit.Code);
            var lines = new List<string>();
            if (unit.Head is { } head && !string.IsNullOrWhiteSpace(head.Name))
                lines.Add((head.Acting == ActingStatus.Definitive ? "" : ReportFacts.ActingLabel(head.Acting) + " ") + head.Name);
            return new DiagramNode(unit.Name, lines, children[unit.Code].Where(u => !visited.Contains(u.Code)).Select(Node).ToList());
        }

        var roots = data.Units.Where(u => u.ParentCode is null || !codes.Contains(u.ParentCode)).Select(Node).ToList();
        if (Diagrams.Tree(roots) is { } png)
            c.Figure("Struktur Organisasi " + data.Profile.Agency, png.Png, png.Width, png.Height);
    }

    /// <summary>
    /// The pohon kinerja: tujuan and sasaran from the Rencana sheet, each box with its indicators, down to the
    /// sasaran (programs and kegiatan are the cascading of the budget, printed in Bab III).
    /// </summary>
    private static void PerformanceTree(ReportComposer c, PerformanceDataset data, string year)
    {
        var goals = data.Plan.Where(p => p.Level is not (PlanLevel.Program or PlanLevel.Kegiatan or PlanLevel.SubKegiatan)).ToList();
        if (goals.Count < 2)
            return;
        var codes = goals.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        var children = goals.Where(g => g.ParentCode is not null).ToLookup(g => g.ParentCode!, StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        DiagramNode Node(PlanNode node)
        {
            visited.Add(node.Code);
            var lines = data.IndicatorsMeasuring(node.Code).Select(i => "IK: " + i.Name).ToList();
            return new DiagramNode($"{ReportFacts.LevelName(node.Level)}: {node.Name}", lines, children[node.Code].Where(g => !visited.Contains(g.Code)).Select(Node).ToList());
        }

        var roots = goals.Where(g => g.ParentCode is null || !codes.Contains(g.ParentCode)).Select(Node).ToList();
        // landscape pages at print scale, split by branch, boxes with their whole text (issue 20 item 8)
        var pages = Diagrams.TreePages(roots);
        if (pages.Count == 0)
            return;
        c.Heading(1, "LAMPIRAN: POHON KINERJA", startsPage: true);
        for (var i = 0; i < pages.Count; i++)
            c.Figure($"Pohon Kinerja {data.Profile.Agency} Tahun {year}{(pages.Count > 1 ? $" (bagian {i + 1} dari {pages.Count})" : "")}", pages[i].Png, pages[i].Width, pages[i].Height, landscape: true);
    }

    /// <summary>Names of the programs under a sasaran (Rencana) or funding it or its indicators (Anggaran, Mendanai).</summary>
    private static List<string> ProgramsOf(PerformanceDataset data, PlanNode node, IReadOnlyList<Indicator> indicators)
    {
        var codes = indicators.Select(i => i.Code).Prepend(node.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // an indicator's programme or kegiatan as the PK prints it, when it has no official code (seed 003 Tabel 2.3): typed as printed, it is what prints
        var fromIndicators = indicators.Select(i => i.Activity).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (fromIndicators.Count > 0)
            return fromIndicators;
        var fromPlan = data.Plan.Where(p => p.Level == PlanLevel.Program && p.ParentCode == node.Code).Select(p => p.Name);
        var totals = ReportFacts.BudgetTotals(data);
        var fromBudget = data.Budget.Where(b => !b.IsHeading && !totals.Contains(b.Code) && b.Funds.Any(codes.Contains)).Select(b => b.Name);
        return fromPlan.Concat(fromBudget).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string UnitName(PerformanceDataset data, string? code) =>
        code is null ? "-" : data.Units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase))?.Name ?? code;

    /// <summary>
    /// The Penanggung Jawab as a post (issue 20 item 5): the position of the head of the owning unit ("Direktur
    /// Jenderal Pembinaan Penempatan Tenaga Kerja", "Kepala Bidang Penempatan"), never the agency's or unit's name.
    /// </summary>
    public static string OwnerPost(PerformanceDataset data, string? code)
    {
        if (code is null)
            return "-";
        var unit = data.Units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase));
        if (unit is null)
            return code;
        return unit.Head?.Position is { Length: > 0 } position ? position : "Kepala " + unit.Name;
    }

    /// <summary>
    /// Bab II's PK table as seed 003 Tabel 2.3 prints it: sasaran, indicator, formula, target, program and penanggung
    /// jawab. Null when the workbook has none of formula, program or penanggung jawab (the short table then serves).
    /// </summary>
    private static ReportTable? PkDetailTable(ReportComposer c, PerformanceDataset data, ReportFormat f, Period period, PkVersion version, string year)
    {
        var rows = new List<ReportRow>();
        var number = 0;
        var any = false;
        foreach (var node in PerjanjianKinerjaReport.PkNodes(data))
        {
            var indicators = data.IndicatorsMeasuring(node.Code).ToList();
            if (indicators.Count == 0)
                continue;
            number++;
            var programs = ProgramsOf(data, node, indicators);
            for (var i = 0; i < indicators.Count; i++)
            {
                var indicator = indicators[i];
                var target = PerjanjianKinerja.TargetOf(data, indicator.Code, period, version.Id)?.Value ?? PeriodValues.TargetFor(data, indicator, period);
                any |= indicator.FormulaText is not null || indicator.OwnerUnitCode is not null || programs.Count > 0;
                rows.Add(new ReportRow([
                    i == 0 ? ReportFormat.Number(number) : "",
                    i == 0 ? node.Name : "",
                    indicator.Name,
                    indicator.FormulaText ?? "-",
                    f.Value(target, indicator.Satuan),
                    i == 0 && programs.Count > 0 ? string.Join("; ", programs) : i == 0 ? "-" : "",
                    OwnerPost(data, indicator.OwnerUnitCode),
                ]));
            }
        }

        if (!any || rows.Count == 0)
            return null;
        var sasaranHeader = data.Profile.Kind == AgencyKind.KL ? "Sasaran Strategis" : "Sasaran";
        return c.Table($"Perjanjian Kinerja Tahun {year}: Indikator, Formula, Program dan Penanggung Jawab",
            [new("No", 4, CellAlign.Center), new(sasaranHeader, 15), new("Indikator Kinerja", 15), new("Formula", 32), new("Target", 8, CellAlign.Right), new("Program", 15), new("Penanggung Jawab", 11)],
            rows);
    }

    /// <summary>Bab II's budget: pagu of each program (the top lines of the budget tree) when no PK version has a budget.</summary>
    private static void ProgramAllocation(ReportComposer c, PerformanceDataset data, ReportFormat f, string year)
    {
        if (data.PkVersions.Any(v => v.Budget.Count > 0))
            return;
        var tree = ReportFacts.BudgetTree(data);
        var roots = tree.Where(x => x.Depth == 0).ToList();
        var level = roots.Count == 1 && tree.Any(x => x.Depth == 1) ? 1 : 0;
        var lines = tree.Where(x => x.Depth == level && !x.Line.IsHeading).Select(x => x.Line).ToList();
        if (lines.Count == 0)
            return;
        var rows = lines.Select((l, i) => new ReportRow([ReportFormat.Number(i + 1), l.Code, l.Name, f.Amount(l.Pagu)])).ToList();
        rows.Add(new ReportRow(["", "", "Jumlah", f.Amount(lines.Sum(l => l.Pagu))], RowKind.Total));
        c.Heading(2, "D. Anggaran");
        var table = c.Table($"Alokasi Anggaran Tahun {year}", [new("No", 6, CellAlign.Center), new("Kode", 18), new("Program / Kegiatan", 52), new("Pagu (Rp)", 24, CellAlign.Right)], rows);
        c.Paragraph($"Anggaran untuk mencapai sasaran Perjanjian Kinerja Tahun {year} disajikan pada {table.Label}.");
    }

    /// <summary>Bab III: awards, innovations and the follow-up of the last evaluation, each left out without rows.</summary>
    private static void AgencyRecords(ReportComposer c, PerformanceDataset data, string year)
    {
        if (data.Awards.Count > 0)
        {
            c.Heading(2, "I. Penghargaan");
            var rows = data.Awards.Select((a, i) => new ReportRow([ReportFormat.Number(i + 1), a.Year is { } y ? ReportFormat.Number(y) : "-", a.Name, a.Giver ?? "-", a.Level ?? "-", a.Note ?? "-"])).ToList();
            var table = c.Table("Penghargaan yang Diterima", [new("No", 5, CellAlign.Center), new("Tahun", 8, CellAlign.Center), new("Penghargaan", 35), new("Pemberi", 20), new("Tingkat", 12), new("Keterangan", 20)], rows);
            c.Paragraph($"Penghargaan yang diterima {data.Profile.Agency} disajikan pada {table.Label}.");
        }

        if (data.Innovations.Count > 0)
        {
            c.Heading(2, "J. Inovasi");
            var rows = data.Innovations.Select((n, i) => new ReportRow([ReportFormat.Number(i + 1), n.Name, n.Description ?? "-", n.UnitCode is null ? "-" : UnitName(data, n.UnitCode), n.Year is { } y ? ReportFormat.Number(y) : "-"])).ToList();
            c.Table("Inovasi", [new("No", 5, CellAlign.Center), new("Inovasi", 25), new("Uraian", 42), new("Unit Pelaksana", 18), new("Tahun", 10, CellAlign.Center)], rows);
        }

        // the round run in Kinerja prints its own tables; the workbook's rows stay for earlier evaluations never entered
        var round = data.Evaluation;
        var history = round is null ? data.FollowUps : data.FollowUps.Where(x => !SameEvaluation(x.Source, round, year)).ToList();
        if (round is null && history.Count == 0)
            return;
        c.Heading(2, "K. Rekomendasi dan Tindak Lanjut Hasil Evaluasi");
        if (round is not null)
            EvaluationRound(c, round);
        foreach (var group in history.GroupBy(x => x.Source ?? ""))
        {
            var withStatus = group.Any(x => x.Status is not null);
            var rows = group.Select((x, i) => new ReportRow(withStatus
                ? [ReportFormat.Number(i + 1), x.Recommendation, x.Action ?? "-", x.Status ?? "-"]
                : [ReportFormat.Number(i + 1), x.Recommendation, x.Action ?? "-"])).ToList();
            ReportColumn[] columns = withStatus
                ? [new("No", 5, CellAlign.Center), new("Rekomendasi", 40), new("Tindak Lanjut", 40), new("Status", 15)]
                : [new("No", 5, CellAlign.Center), new("Rekomendasi", 47), new("Tindak Lanjut", 48)];
            var caption = group.Key.Length > 0 ? "Rekomendasi dan Tindak Lanjut " + group.Key : $"Rekomendasi dan Tindak Lanjut Hasil Evaluasi Tahun {year}";
            var table = c.Table(caption, columns, rows);
            c.Paragraph($"{table.Label} memuat rekomendasi hasil evaluasi dan tindak lanjut yang telah dilakukan.");
        }
    }

    /// <summary>
    /// A workbook row about the evaluation the round already holds: without a source, or with a source naming the
    /// evaluated year or the report year (the LHE of the year before's accountability is dated in the report year:
    /// seed 003's LKjIP 2025 prints "LHE AKIP Tahun 2025").
    /// </summary>
    private static bool SameEvaluation(string? source, Domain.Evaluation.EvaluationOutcome round, string year) =>
        string.IsNullOrWhiteSpace(source)
        || source.Contains(round.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        || source.Contains(year, StringComparison.Ordinal);

    /// <summary>
    /// The "Simpulan Hasil Evaluasi" and "Rekomendasi dan Tindak Lanjut" tables from a final Evaluasi AKIP round (issue 22
    /// item 5), as seed 003 Tabel 3.9 and 3.8 print them: each component with its weight and the evaluator's score, the
    /// total and the predikat; each recommendation with its latest tindak lanjut and status.
    /// </summary>
    private static void EvaluationRound(ReportComposer c, Domain.Evaluation.EvaluationOutcome round)
    {
        var score = round.Score;
        var by = round.EvaluatorBody.Length > 0 ? round.EvaluatorBody : "evaluator";
        var rows = score.Components.Select((x, i) => new ReportRow([
            ((char)('A' + i)).ToString(), x.Component.Name,
            new ReportCell(IndonesianNumber.Format(x.Component.Weight, 2), CellKind.Decimal, x.Component.Weight, 2),
            new ReportCell(IndonesianNumber.Format(x.Score, 2), CellKind.Decimal, Rounding.Apply(x.Score, 2, RoundingMode.HalfUp), 2)])).ToList();
        rows.Add(new ReportRow(["", "Nilai Hasil Evaluasi", new ReportCell(IndonesianNumber.Format(score.Components.Sum(x => x.Component.Weight), 2), CellKind.Decimal, score.Components.Sum(x => x.Component.Weight), 2), new ReportCell(score.Display, CellKind.Decimal, score.Rounded, 2)], RowKind.Total));
        rows.Add(new ReportRow(["", "Predikat", "", $"{score.Grade.Grade} ({score.Grade.Interpretation})"], RowKind.Total));
        var table = c.Table($"Simpulan Hasil Evaluasi AKIP Tahun {round.Year}", [new("No", 6, CellAlign.Center), new("Komponen yang Dinilai", 52), new("Bobot", 14, CellAlign.Right), new("Nilai", 18, CellAlign.Right)], rows);
        c.Paragraph($"Hasil evaluasi {by} atas akuntabilitas kinerja tahun {round.Year} memberikan nilai {score.Display} dengan predikat \"{score.Grade.Grade}\" ({score.Grade.Interpretation}), dengan rincian per komponen pada {table.Label}.");
        if (round.Recommendations.Count == 0)
            return;
        var recs = round.Recommendations.Select((x, i) => new ReportRow([ReportFormat.Number(i + 1), x.Recommendation, x.Action ?? "-", x.Status ?? "-"])).ToList();
        // the sentence goes before the table: after it, at the end of the chapter, it would stand alone on a page
        c.Paragraph($"Rekomendasi hasil evaluasi tahun {round.Year} dan tindak lanjut yang telah dilakukan disajikan pada tabel berikut.");
        c.Table($"Rekomendasi dan Tindak Lanjut Hasil Evaluasi AKIP Tahun {round.Year}", [new("No", 5, CellAlign.Center), new("Rekomendasi", 40), new("Tindak Lanjut", 40), new("Status", 15)], recs);
    }

    /// <summary>
    /// The IKU matrix of the Lampiran: each indicator with its definition/formula, source of data, penanggung jawab,
    /// the year's target and the Renstra end target. Left out when the workbook holds none of formula, source or owner.
    /// </summary>
    private static void IkuMatrix(ReportComposer c, PerformanceDataset data, ReportFormat f, Period period, string year)
    {
        if (!data.Indicators.Any(i => i.FormulaText is not null || i.DataSource is not null || i.OwnerUnitCode is not null))
            return;
        var rows = new List<ReportRow>();
        var number = 0;
        foreach (var node in data.Plan)
        {
            var indicators = data.IndicatorsMeasuring(node.Code).ToList();
            if (indicators.Count == 0)
                continue;
            rows.Add(new ReportRow(["", $"{ReportFacts.LevelName(node.Level)}: {node.Name}", "", "", "", "", "", ""], RowKind.Group));
            foreach (var indicator in indicators)
            {
                rows.Add(new ReportRow([
                    ReportFormat.Number(++number), indicator.Name, ReportFormat.Satuan(indicator), indicator.FormulaText ?? "-", indicator.DataSource ?? "-",
                    OwnerPost(data, indicator.OwnerUnitCode), f.Value(PeriodValues.TargetFor(data, indicator, period), indicator.Satuan),
                    f.Value(data.TargetFor(indicator.Code, Period.RenstraEnd)?.Value, indicator.Satuan),
                ]));
            }
        }

        c.Heading(1, "LAMPIRAN: MATRIKS INDIKATOR KINERJA UTAMA", startsPage: true);
        c.Table("Matriks Indikator Kinerja Utama",
            [new("No", 4, CellAlign.Center), new("Indikator Kinerja", 20), new("Satuan", 8, CellAlign.Center), new("Definisi / Formula", 24), new("Sumber Data", 14), new("Penanggung Jawab", 12), new($"Target {year}", 9, CellAlign.Right), new("Target Akhir Renstra", 9, CellAlign.Right)],
            rows);
    }
}
