using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Measurement;

/// <summary>Realisasi of year n against the end-of-Renstra target (docs/rules.md §5; Banjar Tabel 3.5: 50,05 / 60 = 83,41%).</summary>
public sealed record RenstraProgress(Indicator Indicator, MeasuredValue? RenstraTarget, Realisasi? Realisasi, Capaian Progress);

/// <summary>One year of an indicator's history (docs/rules.md §5 trend).</summary>
public sealed record TrendPoint(Period Period, MeasuredValue? Target, Realisasi? Realisasi, Capaian Capaian)
{
    /// <summary>Change of realisasi against the previous point: in points, and relative (R_t - R_t-1) / R_t-1 x 100.</summary>
    public decimal? ChangePoints { get; init; }

    public decimal? ChangePercent { get; init; }
}

public static class ProgressCalculator
{
    public static IReadOnlyList<RenstraProgress> Renstra(PerformanceDataset data, Period? period = null)
    {
        var at = period ?? data.Profile.ReportPeriod.YearPeriod;
        return data.Indicators.Select(indicator =>
        {
            var target = data.TargetFor(indicator.Code, Period.RenstraEnd)?.Value;
            var realisasi = PeriodValues.RealisasiFor(data, indicator, at);
            return new RenstraProgress(indicator, target, realisasi, CapaianCalculator.Compute(indicator, target, realisasi, data.Profile with { CapaianCap = null }));
        }).Where(p => p.RenstraTarget is not null).ToList();
    }

    /// <summary>Every year with a realisasi up to the report year, oldest first, with year-on-year change.</summary>
    public static IReadOnlyList<TrendPoint> Trend(PerformanceDataset data, Indicator indicator)
    {
        var last = data.Profile.ReportPeriod.Year;
        var years = data.RealisasiOf(indicator.Code).Select(r => r.Period.Year)
            .Concat(data.TargetsOf(indicator.Code).Where(t => !t.Period.IsRenstraEnd).Select(t => t.Period.Year))
            .Where(y => y > 0 && y <= last).Distinct().Order().ToList();
        var points = new List<TrendPoint>();
        decimal? previous = null;
        foreach (var year in years)
        {
            var period = Period.OfYear(year);
            var target = PeriodValues.TargetFor(data, indicator, period);
            var realisasi = PeriodValues.RealisasiFor(data, indicator, period);
            var capaian = CapaianCalculator.Compute(indicator, target, realisasi, data.Profile);
            var current = realisasi?.Value is NumberValue n && !realisasi.IsNotAvailable ? n.Value : (decimal?)null;
            points.Add(new TrendPoint(period, target, realisasi, capaian)
            {
                ChangePoints = current - previous,
                ChangePercent = current is { } c && previous is { } p && p != 0 ? (c - p) / p * 100m : null,
            });
            previous = current;
        }

        return points;
    }
}

/// <summary>One row of an efficiency table (docs/rules.md §8).</summary>
public sealed record EfficiencyRow(string Code, string Name, decimal Capaian, decimal Pagu, decimal RealisasiAnggaran, decimal? Absorption, decimal? Efficiency, bool Claimed)
{
    /// <summary>
    /// The finding that marks a pagu or realisasi behind this row as wrong; then neither penyerapan nor
    /// efficiency is computed (003 IK-20 would otherwise give 26,05 from the 1 miliar typo) and the table shows it.
    /// </summary>
    public Validation.Finding? Doubt { get; init; }
}

public static class EfficiencyCalculator
{
    /// <summary>
    /// Ratio: capaian / penyerapan. Difference: capaian - penyerapan, claimed only where capaian &gt;= 100.
    /// Savings: (pagu - realisasi) / pagu x 100, claimed only where capaian &gt;= 100.
    /// </summary>
    public static EfficiencyRow Compute(EfficiencyMethod method, string code, string name, decimal capaian, decimal pagu, decimal realisasi)
    {
        decimal? absorption = pagu == 0 ? null : realisasi / pagu * 100m;
        var reached = capaian >= 100m;
        decimal? efficiency = method switch
        {
            EfficiencyMethod.Ratio => absorption is { } a && a != 0 ? capaian / a : null,
            EfficiencyMethod.Difference => absorption is { } a ? capaian - a : null,
            _ => pagu == 0 ? null : (pagu - realisasi) / pagu * 100m,
        };
        var claimed = method == EfficiencyMethod.Ratio || reached;
        return new EfficiencyRow(code, name, capaian, pagu, realisasi, absorption, efficiency, claimed && efficiency is not null);
    }
}
