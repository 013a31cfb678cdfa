using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Measurement;

/// <summary>How a capaian printed in a source report compares with the computed one.</summary>
public enum PrintedCheck
{
    NotPrinted,
    MatchesHalfUp,
    MatchesTruncate,

    /// <summary>Neither rounding mode reproduces the printed figure (docs/rules.md §10).</summary>
    Mismatch,

    Unreadable,
}

public sealed record IndicatorResult(
    Indicator Indicator,
    PlanNode? Goal,
    Period Period,
    MeasuredValue? Target,
    Realisasi? Realisasi,
    Capaian Capaian,
    string? Predicate,
    PrintedCheck PrintedCheck)
{
    public decimal? PrintedCapaian { get; init; }

    /// <summary>Tercapai / Tidak Tercapai tetapi Meningkat / Tidak Tercapai, when the profile shows the status column (docs/rules.md §6).</summary>
    public string? Status { get; init; }
}

public sealed record GoalResult(PlanNode Goal, IReadOnlyList<IndicatorResult> Indicators, decimal? Capaian, string? Predicate)
{
    public int CountedIndicators => Indicators.Count(i => i.Capaian.HasValue);
}

/// <summary>One period's measurement of a whole dataset: the rows of the capaian table and its totals.</summary>
public sealed record PerformanceResult(
    AgencyProfile Profile,
    Period Period,
    IReadOnlyList<IndicatorResult> Indicators,
    IReadOnlyList<GoalResult> Goals,
    decimal? AgencyCapaian,
    string? AgencyPredicate)
{
    /// <summary>The goals whose mean is the agency capaian: the top of the plan chain that carries indicators (docs/rules.md §5).</summary>
    public IReadOnlyList<GoalResult> TopGoals { get; init; } = [];

    /// <summary>
    /// The goals with a capaian: at least one indicator measured. A programme or kegiatan whose indicators have no
    /// realisasi yet is not "belum tercapai": it was not measured, and is neither counted nor analysed as if it were.
    /// </summary>
    public IReadOnlyList<GoalResult> MeasuredGoals => Goals.Where(g => g.Capaian is not null).ToList();

    /// <summary>The goals without a capaian (no indicator with a realisasi), for one sentence that says so.</summary>
    public IReadOnlyList<GoalResult> UnmeasuredGoals => Goals.Where(g => g.Capaian is null).ToList();

    /// <summary>The measured goals at or above 100% (by the capaian as computed; a table shows the band of the rounded one).</summary>
    public int ReachedGoals => Goals.Count(g => g.Capaian >= 100m);

    public IndicatorResult Row(string indicatorCode) => Indicators.Single(i => i.Indicator.Code == indicatorCode);

    public GoalResult Goal(string goalCode) => Goals.Single(g => g.Goal.Code == goalCode);
}
