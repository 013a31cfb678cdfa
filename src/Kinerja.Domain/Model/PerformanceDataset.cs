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

    /// <summary>The Perjanjian Kinerja versions of the year (sheet PK) with their budgets (sheet AnggaranPK).</summary>
    public IReadOnlyList<PkVersion> PkVersions { get; init; } = [];

    public IReadOnlyList<Narrative> Narratives { get; init; } = [];

    /// <summary>Aggregates as printed in the source report (sheet AngkaTercetak), for the checks.</summary>
    public IReadOnlyList<PrintedFigure> PrintedFigures { get; init; } = [];

    /// <summary>Employee counts by dimension and category (sheet Pegawai), for the report's staffing tables.</summary>
    public IReadOnlyList<StaffCount> Staff { get; init; } = [];

    /// <summary>Awards received (sheet Penghargaan), for Bab III.</summary>
    public IReadOnlyList<Award> Awards { get; init; } = [];

    /// <summary>The agency's innovations (sheet Inovasi), for Bab III.</summary>
    public IReadOnlyList<Innovation> Innovations { get; init; } = [];

    /// <summary>The last evaluation's recommendations and their follow-up (sheet TindakLanjut), for Bab III.</summary>
    public IReadOnlyList<EvaluationFollowUp> FollowUps { get; init; } = [];

    /// <summary>The final Evaluasi AKIP round of the year before, when one was run in Kinerja (not in the workbook: the web adds it).</summary>
    public Evaluation.EvaluationOutcome? Evaluation { get; init; }

    /// <summary>The problem table of Bab I (sheet Permasalahan): masalah pokok, masalah, akar masalah.</summary>
    public IReadOnlyList<ProblemRow> Problems { get; init; } = [];

    /// <summary>The strategic-issue table of Bab I (sheet IsuStrategis).</summary>
    public IReadOnlyList<StrategicIssueRow> StrategicIssues { get; init; } = [];

    /// <summary>The programmes supporting a sasaran strategis with their yearly target and realisasi (sheet ProgramPendukung; seed 000 Tabel 3.3).</summary>
    public IReadOnlyList<SupportingProgram> SupportingPrograms { get; init; } = [];

    /// <summary>Counts the agency collects (issue 6); indicators with a computable formula are computed from them.</summary>
    public IReadOnlyList<DataElement> DataElements { get; init; } = [];

    public IReadOnlyList<DataValue> DataValues { get; init; } = [];

    // lookups are indexed once per list: a national dataset has tens of thousands of indicators.
    // A `with` copy that replaces a list is detected by reference, so an index never goes stale.
    private Index<PlanNode>? _plan;
    private Index<Target>? _targets;
    private Index<Realisasi>? _realisasi;
    private Index<Indicator>? _byPlanNode;

    public PlanNode? FindPlanNode(string code) =>
        Indexed(ref _plan, Plan, p => p.Code).Lookup(code).FirstOrDefault();

    /// <summary>The indicators measuring a plan node (placed under it or also under it, <see cref="Indicator.Measures"/>), in workbook order.</summary>
    public IEnumerable<Indicator> IndicatorsMeasuring(string planCode)
    {
        var current = _byPlanNode;
        if (current is null || !ReferenceEquals(current.Source, Indicators))
            _byPlanNode = current = new Index<Indicator>(Indicators, Indicators
                .SelectMany(i => i.GoalCodes.Distinct(StringComparer.Ordinal).Select(code => (Code: code, Indicator: i)))
                .ToLookup(p => p.Code, p => p.Indicator, StringComparer.Ordinal));
        return current.Lookup(planCode);
    }

    public IEnumerable<Target> TargetsOf(string indicatorCode) =>
        Indexed(ref _targets, Targets, t => t.IndicatorCode).Lookup(indicatorCode);

    public IEnumerable<Realisasi> RealisasiOf(string indicatorCode) =>
        Indexed(ref _realisasi, Realisasi, r => r.IndicatorCode).Lookup(indicatorCode);

    /// <summary>
    /// The target that counts for a period. When several documents set one (docs/rules.md §7: a PK is
    /// amended mid-year and both versions stay on record), the amendment wins over the PK, the PK over
    /// an unnamed target, and those over the Renstra's yearly figure; among equals, the last row.
    /// </summary>
    /// <remarks>
    /// A draft PK Perubahan (<see cref="PerjanjianKinerja.Draft"/>) is not signed yet: its rows never count.
    /// </remarks>
    public Target? TargetFor(string indicatorCode, Period period)
    {
        Target? best = null;
        var bestRank = -1;
        foreach (var t in TargetsOf(indicatorCode))
        {
            if (t.Period != period)
                continue;
            var rank = DocumentPrecedence(t.Document);
            if (rank == 3 && PkVersions.Count > 1 && PerjanjianKinerja.Draft(this) is { } draft && PerjanjianKinerja.DocumentVersion(t.Document) == draft.Id)
                continue;
            // among equals the last row wins
            if (rank >= bestRank)
                (best, bestRank) = (t, rank);
        }

        return best;
    }

    public Realisasi? RealisasiFor(string indicatorCode, Period period) =>
        RealisasiOf(indicatorCode).FirstOrDefault(r => r.Period == period);

    /// <summary>Higher wins: PK Perubahan 3, PK 2, unnamed or other 1, Renstra 0.</summary>
    public static int DocumentPrecedence(string? document)
    {
        if (string.IsNullOrWhiteSpace(document))
            return 1;
        if (document.Contains("Perubahan", StringComparison.OrdinalIgnoreCase))
            return 3;
        if (document.Trim().StartsWith("PK", StringComparison.OrdinalIgnoreCase) || document.Contains("Perjanjian", StringComparison.OrdinalIgnoreCase))
            return 2;
        return document.Contains("Renstra", StringComparison.OrdinalIgnoreCase) ? 0 : 1;
    }

    private static Index<T> Indexed<T>(ref Index<T>? cache, IReadOnlyList<T> source, Func<T, string> key)
    {
        var current = cache;
        if (current is null || !ReferenceEquals(current.Source, source))
            cache = current = new Index<T>(source, source.ToLookup(key, StringComparer.Ordinal));
        return current;
    }

    private sealed record Index<T>(IReadOnlyList<T> Source, ILookup<string, T> ByCode)
    {
        public IEnumerable<T> Lookup(string code) => ByCode[code];
    }
}
