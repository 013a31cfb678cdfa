using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Measurement;

/// <summary>
/// Resolves the target and realisasi that count for a period (RULEBOOK §4 "Period"). A quarter
/// is measured against that quarter's target; "s.d. TW n" realisasi combine quarters 1..n by the
/// indicator's rule (sum for flows, last value for stocks and rates, or average). Quarterly
/// realisasi rows hold the value of that quarter alone.
/// </summary>
public static class PeriodValues
{
    public static MeasuredValue? TargetFor(PerformanceDataset data, Indicator indicator, Period period)
    {
        var direct = data.TargetFor(indicator.Code, period);
        if (direct is not null && (direct.Cumulative || !period.IsQuarter))
            return direct.Value;
        if (period.IsQuarter)
        {
            // per-quarter targets: the "s.d." target combines quarters 1..n
            var quarters = Enumerable.Range(1, period.Quarter)
                .Select(q => data.TargetFor(indicator.Code, Period.OfQuarter(period.Year, q)))
                .ToList();
            if (quarters.Any(q => q is null))
                return direct?.Value;
            return Combine(indicator.Aggregation, quarters.Select(q => q!.Value).ToList()) ?? direct?.Value;
        }

        // a year without an annual target: the last cumulative quarter, or the quarters combined
        var quarterly = Enumerable.Range(1, 4).Select(q => data.TargetFor(indicator.Code, Period.OfQuarter(period.Year, q))).ToList();
        if (quarterly.All(q => q is not null))
        {
            return quarterly[3]!.Cumulative ? quarterly[3]!.Value : Combine(indicator.Aggregation, quarterly.Select(q => q!.Value).ToList());
        }

        return null;
    }

    public static Realisasi? RealisasiFor(PerformanceDataset data, Indicator indicator, Period period)
    {
        var direct = data.RealisasiFor(indicator.Code, period);
        if (direct is not null)
        {
            if (!period.IsQuarter || period.Quarter == 1 || indicator.Aggregation == PeriodAggregation.Last || direct.IsNotAvailable)
                return direct;
        }

        var upTo = period.IsQuarter ? period.Quarter : 4;
        var quarters = Enumerable.Range(1, upTo)
            .Select(q => data.RealisasiFor(indicator.Code, Period.OfQuarter(period.Year, q)))
            .Where(r => r is not null)
            .Select(r => r!)
            .ToList();
        if (quarters.Count == 0)
            return direct;
        var latest = quarters[^1];
        if (indicator.Aggregation == PeriodAggregation.Last || latest.IsNotAvailable)
            return latest with { Period = period };
        var available = quarters.Where(q => !q.IsNotAvailable).ToList();
        var combined = Combine(indicator.Aggregation, available.Select(q => q.Value!).ToList());
        if (combined is null)
            return latest with { Period = period };
        var provisional = available.FirstOrDefault(q => q.Status == RealisasiStatus.Provisional);
        return new Realisasi(indicator.Code, period, combined, provisional is null ? RealisasiStatus.Final : RealisasiStatus.Provisional,
            provisional?.Note ?? $"gabungan triwulan I s.d. {Period.Roman(latest.Period.Quarter)}");
    }

    /// <summary>Combines numbers by the aggregation rule; null when the values are not plain numbers.</summary>
    public static MeasuredValue? Combine(PeriodAggregation aggregation, IReadOnlyList<MeasuredValue> values)
    {
        if (values.Count == 0)
            return null;
        if (aggregation == PeriodAggregation.Last || values.Any(v => v is not NumberValue))
            return values[^1];
        var numbers = values.Cast<NumberValue>().ToList();
        var sum = numbers.Sum(n => n.Value);
        var value = aggregation == PeriodAggregation.Sum ? sum : sum / numbers.Count;
        return new NumberValue(value, numbers[0].Percent) { Original = IndonesianNumber.Format(value, 2, RoundingMode.HalfUp, trimZeroDecimals: true) };
    }
}
