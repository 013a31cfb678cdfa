using Kinerja.Domain.DataElements;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Model;

/// <summary>Everything one agency holds for one reporting year: the unit of import and of reporting.</summary>
/// <remarks>A record so that <c>data with { Realisasi = ... }</c> copies every other part, including parts added later.</remarks>
public sealed record PerformanceDataset
{
    public required AgencyProfile Profile { get; init; }

    public IReadOnlyList<OrgUnit> Units { get; init; } = [];

    public IReadOnlyList<PlanNode> Plan { get; init; } = [];

    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    public IReadOnlyList<Target> Targets { get; init; } = [];

    public IReadOnlyList<Realisasi> Realisasi { get; init; } = [];

    public IReadOnlyList<Benchmark> Benchmarks { get; init; } = [];

    public IReadOnlyList<BudgetLine> Budget { get; init; } = [];

    public IReadOnlyList<Narrative> Narratives { get; init; } = [];

    /// <summary>Counts the agency collects (issue 6); indicators with a computable formula are computed from them.</summary>
    public IReadOnlyList<DataElement> DataElements { get; init; } = [];

    public IReadOnlyList<DataValue> DataValues { get; init; } = [];

    public PlanNode? FindPlanNode(string code) => Plan.FirstOrDefault(p => p.Code == code);

    public IEnumerable<Target> TargetsOf(string indicatorCode) => Targets.Where(t => t.IndicatorCode == indicatorCode);

    public IEnumerable<Realisasi> RealisasiOf(string indicatorCode) => Realisasi.Where(r => r.IndicatorCode == indicatorCode);

    public Target? TargetFor(string indicatorCode, Period period) => Targets.FirstOrDefault(t => t.IndicatorCode == indicatorCode && t.Period == period);

    public Realisasi? RealisasiFor(string indicatorCode, Period period) => Realisasi.FirstOrDefault(r => r.IndicatorCode == indicatorCode && r.Period == period);
}
