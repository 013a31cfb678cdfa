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

    public IndicatorResult Row(string indicatorCode) => Indicators.Single(i => i.Indicator.Code == indicatorCode);

    public GoalResult Goal(string goalCode) => Goals.Single(g => g.Goal.Code == goalCode);
}
