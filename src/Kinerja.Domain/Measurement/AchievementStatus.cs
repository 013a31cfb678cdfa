using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Measurement;

/// <summary>
/// The status column beside the category (docs/rules.md §6): "Tercapai" when the displayed capaian reaches
/// 100%, otherwise "Tidak Tercapai tetapi Meningkat" when this period's realisasi is better than the same
/// period a year earlier by the indicator's polarity (higher is better: larger; lower is better: smaller),
/// otherwise "Tidak Tercapai". Only realisasi of the same shape are compared (numbers, scores on the same
/// scale, grades); without last year's realisasi an unreached indicator is simply "Tidak Tercapai".
/// </summary>
public static class AchievementStatus
{
    public const string Reached = "Tercapai";
    public const string Improved = "Tidak Tercapai tetapi Meningkat";
    public const string NotReached = "Tidak Tercapai";

    public static string Of(PerformanceDataset data, Indicator indicator, Period period, decimal displayedCapaian)
    {
        if (displayedCapaian >= 100m)
            return Reached;
        var lastYear = period.IsQuarter ? Period.OfQuarter(period.Year - 1, period.Quarter) : Period.OfYear(period.Year - 1);
        var now = PeriodValues.RealisasiFor(data, indicator, period);
        var before = PeriodValues.RealisasiFor(data, indicator, lastYear);
        if (now is null || before is null || now.IsNotAvailable || before.IsNotAvailable)
            return NotReached;
        return Better(now.Value!, before.Value!, indicator.Polarity) ? Improved : NotReached;
    }

    /// <summary>Whether <paramref name="now"/> is better than <paramref name="before"/> in the indicator's direction.</summary>
    public static bool Better(MeasuredValue now, MeasuredValue before, Polarity polarity)
    {
        int? comparison = (now, before) switch
        {
            (NumberValue a, NumberValue b) => a.Value.CompareTo(b.Value),
            (ScoreValue a, ScoreValue b) when a.Maximum == b.Maximum => a.Score.CompareTo(b.Score),
            (GradeValue a, GradeValue b) when a.Scale.Name == b.Scale.Name => a.Scale.Rank(a.Grade).CompareTo(b.Scale.Rank(b.Grade)),
            _ => null,
        };
        if (comparison is not { } c)
            return false;
        return polarity == Polarity.LowerIsBetter ? c < 0 : c > 0;
    }
}
