using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Measurement;

/// <summary>
/// Whether a period has anything to measure. A period without a single target or realisasi gives a table of
/// dashes and a report of empty sections: `compute --period 2030` and `report --period 2030` refuse it with the
/// periods the workbook does hold, decided here once for every command.
/// </summary>
public static class PeriodCoverage
{
    /// <summary>
    /// True when some target or realisasi belongs to <paramref name="period"/>: its own rows, or for a year the rows
    /// of its quarters (an annual figure can be combined from them).
    /// </summary>
    public static bool HasData(PerformanceDataset data, Period period) =>
        data.Targets.Any(t => Covers(period, t.Period)) || data.Realisasi.Any(r => Covers(period, r.Period));

    /// <summary>The periods that hold a target or a realisasi, oldest first; the Renstra end is not a period to measure.</summary>
    public static IReadOnlyList<Period> Periods(PerformanceDataset data) =>
        data.Targets.Select(t => t.Period).Concat(data.Realisasi.Select(r => r.Period))
            .Where(p => !p.IsRenstraEnd).Distinct().OrderBy(p => p.Year).ThenBy(p => p.Quarter).ToList();

    /// <summary>Why <paramref name="period"/> cannot be measured, naming the periods the workbook has; null when it can.</summary>
    public static string? EmptyReason(PerformanceDataset data, Period period)
    {
        if (HasData(data, period))
            return null;
        var periods = Periods(data);
        var held = periods.Count == 0
            ? "workbook belum berisi target maupun realisasi (sheet Target dan Realisasi)"
            : "periode yang ada di workbook: " + string.Join(", ", periods);
        var what = period.IsYear ? $"tahun {period.Year}" : $"periode {period}";
        return $"belum ada target {what} dan belum ada realisasi untuk periode {period} (sheet Target dan Realisasi); {held}";
    }

    private static bool Covers(Period asked, Period row) =>
        row == asked || (asked.IsYear && row.IsQuarter && row.Year == asked.Year);
}
