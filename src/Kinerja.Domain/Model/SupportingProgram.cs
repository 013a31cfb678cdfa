namespace Kinerja.Domain.Model;

/// <summary>
/// One programme's figure for one year in the "Kinerja Program Pendukung" table a K/L prints under a sasaran
/// strategis (sheet ProgramPendukung; seed 000 Tabel 3.3: PYB_Vokasi 2024 target 142.455, realisasi 114.195 Orang).
/// A programme counted twice by two others (000: PYB_PHI ∩ PYB_Binwas, printed in brackets) is a subtracted row:
/// it is taken off the total.
/// </summary>
public sealed record SupportingProgram(string GoalCode, string Name, int Year, decimal? Target, decimal? Realisasi)
{
    public string? Satuan { get; init; }

    /// <summary>Taken off the total rather than added (an overlap between two programmes).</summary>
    public bool Subtracted { get; init; }

    public int SourceRow { get; init; }
}

/// <summary>A row of the supporting-programme table: realisasi per year, the report year's target, capaian and the change on last year.</summary>
public sealed record SupportingProgramRow(string Name, bool Subtracted, bool IsTotal, IReadOnlyDictionary<int, decimal?> Realisasi, decimal? Target, decimal? Capaian, decimal? Change);

/// <summary>
/// The "Kinerja Program Pendukung" table of one sasaran: one row per programme in the order entered, and a total
/// row (the sum, subtracted rows taken off). Capaian = realisasi / target x 100 of the report year; the change is
/// (realisasi of the year - realisasi of the year before) / realisasi of the year before x 100 (docs/rules.md §9).
/// Seed 000 Tabel 3.3 for 2024: PYB_Vokasi 114.195 / 142.455 = 80,16%, change (114.195 - 119.785) / 119.785 = -4,67%;
/// total 15.463.207 / 23.410.007 = 66,05%, change on 14.091.754 = 9,73%.
/// </summary>
public static class SupportingProgramTable
{
    public static IReadOnlyList<int> Years(PerformanceDataset data, string goalCode) =>
        data.SupportingPrograms.Where(p => p.GoalCode == goalCode && p.Year <= data.Profile.Year).Select(p => p.Year).Distinct().Order().ToList();

    public static IReadOnlyList<SupportingProgramRow> Rows(PerformanceDataset data, string goalCode)
    {
        var year = data.Profile.Year;
        var entries = data.SupportingPrograms.Where(p => p.GoalCode == goalCode).ToList();
        if (entries.Count == 0)
            return [];
        var years = Years(data, goalCode);
        var rows = new List<SupportingProgramRow>();
        foreach (var program in entries.GroupBy(p => p.Name, StringComparer.Ordinal))
        {
            var byYear = years.ToDictionary(y => y, y => program.FirstOrDefault(p => p.Year == y)?.Realisasi);
            var target = program.FirstOrDefault(p => p.Year == year)?.Target;
            rows.Add(Row(program.Key, program.Any(p => p.Subtracted), isTotal: false, byYear, target, year));
        }

        // the total: each year's sum with subtracted rows taken off; a target only where every added row has one
        var totalByYear = years.ToDictionary(y => y, y =>
        {
            var parts = rows.Where(r => r.Realisasi[y] is not null).ToList();
            return parts.Count == 0 ? null : (decimal?)parts.Sum(r => r.Subtracted ? -r.Realisasi[y]!.Value : r.Realisasi[y]!.Value);
        });
        var added = rows.Where(r => !r.Subtracted).ToList();
        decimal? totalTarget = added.All(r => r.Target is not null) ? added.Sum(r => r.Target!.Value) - rows.Where(r => r.Subtracted).Sum(r => r.Target ?? 0m) : null;
        rows.Add(Row("Jumlah", subtracted: false, isTotal: true, totalByYear, totalTarget, year));
        return rows;
    }

    private static SupportingProgramRow Row(string name, bool subtracted, bool isTotal, Dictionary<int, decimal?> realisasi, decimal? target, int year)
    {
        var now = realisasi.GetValueOrDefault(year);
        var before = realisasi.GetValueOrDefault(year - 1);
        decimal? capaian = subtracted || now is null || target is not > 0 ? null : now.Value / target.Value * 100m;
        decimal? change = subtracted || now is null || before is not { } b || b == 0 ? null : (now.Value - b) / b * 100m;
        return new SupportingProgramRow(name, subtracted, isTotal, realisasi, target, capaian, change);
    }
}
