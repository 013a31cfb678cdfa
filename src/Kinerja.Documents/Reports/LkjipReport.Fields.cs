using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Reports;

/// <summary>
/// Parts of the Laporan Kinerja for fields a real report needs (issue 20 item 16): Kedudukan and Kewenangan, staff by a
/// dimension and jenis kelamin in one table, the Renstra table of programme and kegiatan indicators, and the K/L's
/// "Kinerja Program Pendukung" table under its sasaran strategis. Each part is left out when the workbook has none.
/// </summary>
public static partial class LkjipReport
{
    /// <summary>"E. Kedudukan, Tugas dan Fungsi" when the workbook states the agency's position, else "E. Tugas dan Fungsi" (lettered again when the report is complete).</summary>
    private static string DutiesHeading(PerformanceDataset data) =>
        AgencyTexts(data, "Kedudukan").Count > 0 ? "E. Kedudukan, Tugas dan Fungsi" : "E. Tugas dan Fungsi";

    /// <summary>Kedudukan (where the agency stands and whom it answers to; seed 002 "1. Kedudukan") and Kewenangan (what it is empowered to do).</summary>
    private static void PositionAndAuthority(ReportComposer c, PerformanceDataset data)
    {
        foreach (var (kind, label) in new[] { ("Kedudukan", "Kedudukan"), ("Kewenangan", "Kewenangan") })
        {
            var texts = AgencyTexts(data, kind);
            if (texts.Count == 0)
                continue;
            c.Paragraph(label, ParagraphKind.Label);
            foreach (var text in texts)
                c.Paragraph(text, ParagraphKind.Narrative);
        }
    }

    /// <summary>
    /// Counts split by jenis kelamin: one table per unit and dimension, its categories down, L, P and Jumlah across,
    /// and a Jumlah row (seed 003's staff table groups golongan; a reviewer asks for the split by sex beside it).
    /// </summary>
    private static void StaffBySexTables(ReportComposer c, PerformanceDataset data, ReportFormat f, List<string> labels)
    {
        var top = ReportFacts.TopUnit(data);
        foreach (var group in data.Staff.Where(s => s.Sex is not null && !IsTotalCategory(s.Category)).GroupBy(s => (s.UnitCode, Dimension: s.Dimension.Trim().ToUpperInvariant())))
        {
            var first = group.First();
            var dimension = DimensionLabel(first.Dimension);
            var categories = group.Select(s => s.Category.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            long Count(string category, string sex) => group.Where(s => s.Sex == sex && string.Equals(s.Category.Trim(), category, StringComparison.OrdinalIgnoreCase)).Sum(s => (long)s.Count);
            var rows = categories.Select((category, i) =>
            {
                var (men, women) = (Count(category, "L"), Count(category, "P"));
                return new ReportRow([ReportFormat.Number(i + 1), category, f.Amount(men), f.Amount(women), f.Amount(men + women)]);
            }).ToList();
            var menTotal = group.Where(s => s.Sex == "L").Sum(s => (long)s.Count);
            var womenTotal = group.Where(s => s.Sex == "P").Sum(s => (long)s.Count);
            rows.Add(new ReportRow(["", "Jumlah", f.Amount(menTotal), f.Amount(womenTotal), f.Amount(menTotal + womenTotal)], RowKind.Total));
            var unit = first.UnitCode is { } code && code != top?.Code ? data.Units.FirstOrDefault(u => u.Code == code)?.Name ?? code : null;
            var table = c.Table($"Jumlah Pegawai menurut {dimension} dan Jenis Kelamin{(unit is null ? "" : " pada " + unit)}",
                [new("No", 7, CellAlign.Center), new(dimension, 39), new("Laki-laki", 18, CellAlign.Right), new("Perempuan", 18, CellAlign.Right), new("Jumlah", 18, CellAlign.Right)], rows);
            labels.Add(table.Label);
        }
    }

    /// <summary>
    /// Bab II: the Renstra's programme and kegiatan indicators (the nodes the first Renstra table leaves out), with their
    /// yearly targets over the Renstra period and the end target, as a Renstra Perangkat Daerah prints them.
    /// </summary>
    private static void RenstraProgramTable(ReportComposer c, PerformanceDataset data, ReportFormat f)
    {
        var nodes = data.Plan.Where(p => p.Level is PlanLevel.Program or PlanLevel.Kegiatan or PlanLevel.SubKegiatan or PlanLevel.SasaranProgram or PlanLevel.SasaranKegiatan)
            .Select(p => (Node: p, Indicators: data.IndicatorsMeasuring(p.Code).ToList())).Where(x => x.Indicators.Count > 0).ToList();
        if (nodes.Count == 0)
            return;
        var years = new List<int>();
        if (data.Profile.RenstraStart is { } start && data.Profile.RenstraEnd is { } end && end >= start && end - start <= 6)
            years.AddRange(Enumerable.Range(start, end - start + 1));
        // only the years some indicator has a target for: a column of dashes says nothing
        years = years.Where(y => nodes.Any(x => x.Indicators.Any(i => data.TargetFor(i.Code, Period.OfYear(y)) is not null))).ToList();
        var rows = new List<ReportRow>();
        foreach (var (node, indicators) in nodes)
        {
            rows.Add(new ReportRow([$"{ReportFacts.LevelName(node.Level)}: {node.Name}", "", .. years.Select(_ => ReportCell.Empty), ""], RowKind.Group));
            foreach (var indicator in indicators)
            {
                rows.Add(new ReportRow([
                    indicator.Name,
                    ReportFormat.Satuan(indicator),
                    .. years.Select(y => f.Value(data.TargetFor(indicator.Code, Period.OfYear(y))?.Value, indicator.Satuan)),
                    f.Value(data.TargetFor(indicator.Code, Period.RenstraEnd)?.Value, indicator.Satuan),
                ]));
            }
        }

        var share = years.Count == 0 ? 0 : 48 / (years.Count + 1);
        var last = years.Count == 0 ? 24 : 48 - share * years.Count;
        ReportColumn[] columns = [new("Program / Kegiatan / Indikator", 40), new("Satuan", 12, CellAlign.Center), .. years.Select(y => new ReportColumn("Target " + ReportFormat.Number(y), share, CellAlign.Right)), new("Target Akhir Renstra", last, CellAlign.Right)];
        var table = c.Table("Indikator Program dan Kegiatan dalam Rencana Strategis", columns, rows);
        c.Paragraph($"{table.Label} menyajikan indikator program dan kegiatan beserta targetnya dalam Rencana Strategis.");
    }

    /// <summary>
    /// Bab III, under a sasaran strategis: the programmes that support it (seed 000 Tabel 3.3 "Kinerja Program Pendukung
    /// Pencapaian SS-1"), realisasi of the earlier years, target and realisasi of the report year, capaian and the
    /// change on last year; a subtracted row (an overlap) is printed in brackets and taken off the Jumlah.
    /// </summary>
    private static void SupportingProgramsTable(ReportComposer c, PerformanceDataset data, PlanNode goal, ReportFormat f, string year)
    {
        var rows = SupportingProgramTable.Rows(data, goal.Code);
        if (rows.Count == 0)
            return;
        var years = SupportingProgramTable.Years(data, goal.Code);
        var earlier = years.Where(y => y < data.Profile.Year).ToList();
        var satuan = data.SupportingPrograms.FirstOrDefault(p => p.GoalCode == goal.Code && p.Satuan is not null)?.Satuan;
        var unit = satuan is null ? "" : $" ({satuan})";
        ReportCell Figure(decimal? value, bool subtracted) => value is { } v
            ? subtracted ? new ReportCell("(" + ReportFormat.AmountText(v) + ")", CellKind.Amount, -v) : f.Amount(v)
            : ReportCell.Empty;
        var number = 0;
        var table = rows.Select(r => new ReportRow([
            r.IsTotal ? "" : ReportFormat.Number(++number) + ".",
            r.Name,
            .. earlier.Select(y => Figure(r.Realisasi.GetValueOrDefault(y), r.Subtracted)),
            Figure(r.Target, r.Subtracted),
            Figure(r.Realisasi.GetValueOrDefault(data.Profile.Year), r.Subtracted),
            r.Capaian is { } capaian ? f.Percent(capaian) : ReportCell.Empty,
            r.Change is { } change ? f.Percent(change) : ReportCell.Empty,
        ], r.IsTotal ? RowKind.Total : RowKind.Normal)).ToList();
        var width = 52 / (earlier.Count + 4);
        ReportColumn[] columns =
        [
            new("No", 6, CellAlign.Center), new("Kinerja Program", 42 + 52 - width * (earlier.Count + 4)),
            .. earlier.Select(y => new ReportColumn($"Realisasi {ReportFormat.Number(y)}{unit}", width, CellAlign.Right)),
            new($"Target {year}{unit}", width, CellAlign.Right), new($"Realisasi {year}{unit}", width, CellAlign.Right),
            new($"Capaian {year}", width, CellAlign.Right), new("Δ Realisasi", width, CellAlign.Right),
        ];
        var printed = c.Table($"Kinerja Program Pendukung Pencapaian {goal.Code}", columns, table,
            rows.Any(r => r.Subtracted) ? ["Angka dalam kurung adalah pengurang: irisan yang terhitung pada dua program, dikurangkan dari jumlah."] : null);
        var total = rows[^1];
        if (total.Capaian is { } reached)
            c.Paragraph($"{printed.Label} menunjukkan kinerja program pendukung {goal.Code} tahun {year} mencapai {f.PercentText(reached)} dari target{(total.Change is { } d ? $", dengan perubahan realisasi {f.PercentText(d)} dibanding tahun sebelumnya" : "")}.");
    }
}
