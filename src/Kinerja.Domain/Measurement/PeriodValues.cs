using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Measurement;

/// <summary>
/// Resolves the target and realisasi that count for a period (docs/rules.md §4 "Period"). A quarter is
/// measured against that quarter's target; "s.d. TW n" realisasi combine quarters 1..n by the
/// indicator's rule (sum for flows, average, or the last value for stocks and rates). Quarterly
/// realisasi rows hold the value of that quarter alone. A figure is never made from an incomplete
/// set of quarters: a missing quarter gives no value (the caller shows "belum diisi"), never a
/// silent zero or a carried-forward value.
/// </summary>
public static class PeriodValues
{
    public static MeasuredValue? TargetFor(PerformanceDataset data, Indicator indicator, Period period)
    {
        var direct = data.TargetFor(indicator.Code, period);
        if (direct is not null && (direct.Cumulative || !period.IsQuarter || indicator.Aggregation == PeriodAggregation.Last))
            return direct.Value;
        if (period.IsQuarter)
        {
            // per-quarter targets: the "s.d." target combines quarters 1..n, all of which must be set
            var quarters = Enumerable.Range(1, period.Quarter)
                .Select(q => data.TargetFor(indicator.Code, Period.OfQuarter(period.Year, q)))
                .ToList();
            if (quarters.Any(q => q is null || q.Cumulative))
                return null;
            return Combine(indicator.Aggregation, quarters.Select(q => q!.Value).ToList());
        }

        // a year without an annual target: the cumulative TW IV target, or the four quarters combined
        var quarterly = Enumerable.Range(1, 4).Select(q => data.TargetFor(indicator.Code, Period.OfQuarter(period.Year, q))).ToList();
        if (quarterly[3] is { } fourth && (fourth.Cumulative || indicator.Aggregation == PeriodAggregation.Last))
            return fourth.Value;
        if (quarterly.All(q => q is { Cumulative: false }))
            return Combine(indicator.Aggregation, quarterly.Select(q => q!.Value).ToList());
        return null;
    }

    public static Realisasi? RealisasiFor(PerformanceDataset data, Indicator indicator, Period period)
    {
        var direct = data.RealisasiFor(indicator.Code, period);
        if (direct is not null && (period.IsYear || period.Quarter == 1 || indicator.Aggregation == PeriodAggregation.Last))
            return direct;
        if (!period.IsYear && !period.IsQuarter)
            return direct;

        var upTo = period.IsQuarter ? period.Quarter : 4;
        if (indicator.Aggregation == PeriodAggregation.Last)
        {
            // a stock or rate is the value at the end of the period: TW IV stands for the year
            var last = data.RealisasiFor(indicator.Code, Period.OfQuarter(period.Year, upTo));
            return last is null ? null : last with { Period = period };
        }

        var quarters = Enumerable.Range(1, upTo)
            .Select(q => data.RealisasiFor(indicator.Code, Period.OfQuarter(period.Year, q)))
            .ToList();
        if (quarters.Any(q => q is null))
            return null;
        if (quarters.FirstOrDefault(q => q!.IsNotAvailable) is { } notAvailable)
            return new Realisasi(indicator.Code, period, null, RealisasiStatus.NotAvailable, $"{notAvailable.Period.Label}: {notAvailable.Note ?? "data belum tersedia"}");
        var combined = Combine(indicator.Aggregation, quarters.Select(q => q!.Value!).ToList());
        if (combined is null)
            return null;
        var provisional = quarters.FirstOrDefault(q => q!.Status == RealisasiStatus.Provisional);
        return new Realisasi(indicator.Code, period, combined, provisional is null ? RealisasiStatus.Final : RealisasiStatus.Provisional,
            provisional?.Note ?? $"gabungan triwulan I s.d. {Period.Roman(upTo)}");
    }

    /// <summary>Combines numbers by the aggregation rule; null when the values are not plain numbers.</summary>
    public static MeasuredValue? Combine(PeriodAggregation aggregation, IReadOnlyList<MeasuredValue> values)
    {
        if (values.Count == 0)
            return null;
        if (aggregation == PeriodAggregation.Last)
            return values[^1];
        if (values.Any(v => v is not NumberValue))
            return null;
        var numbers = values.Cast<NumberValue>().ToList();
        var sum = numbers.Sum(n => n.Value);
        var value = aggregation == PeriodAggregation.Sum ? sum : sum / numbers.Count;
        return new NumberValue(value, numbers[0].Percent) { Original = IndonesianNumber.Format(value, 2, RoundingMode.HalfUp, trimZeroDecimals: true) };
    }
}
