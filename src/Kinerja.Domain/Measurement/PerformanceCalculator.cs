using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Measurement;

/// <summary>Computes the capaian table of a dataset for a period, with sasaran and agency totals (docs/rules.md §4-6).</summary>
public static class PerformanceCalculator
{
    public static PerformanceResult Compute(PerformanceDataset data, Period? period = null)
    {
        var profile = data.Profile;
        var at = period ?? profile.ReportPeriod;
        var rows = new List<IndicatorResult>();
        foreach (var indicator in data.Indicators)
        {
            var target = PeriodValues.TargetFor(data, indicator, at);
            var realisasi = PeriodValues.RealisasiFor(data, indicator, at);
            var capaian = CapaianCalculator.Compute(indicator, target, realisasi, profile);
            var predicate = capaian.HasValue ? Category(profile, capaian.Value) : null;
            var status = profile.ShowStatus && capaian.HasValue ? AchievementStatus.Of(data, indicator, at, profile.RoundForDisplay(capaian.Value)) : null;
            var printedText = data.RealisasiFor(indicator.Code, at)?.PrintedCapaian;
            var (check, printed) = CheckPrinted(printedText, capaian);
            rows.Add(new IndicatorResult(indicator, data.FindPlanNode(indicator.GoalCode), at, target, realisasi, capaian, predicate, check) { PrintedCapaian = printed, Status = status });
        }

        var goals = new List<GoalResult>();
        // an indicator measuring two nodes (the same IKU under a tujuan and a sasaran) is in each node's table, once
        var rowsByGoal = rows.SelectMany(r => r.Indicator.GoalCodes.Distinct(StringComparer.Ordinal).Select(g => (Goal: g, Row: r)))
            .ToLookup(x => x.Goal, x => x.Row, StringComparer.Ordinal);
        foreach (var node in data.Plan)
        {
            var own = rowsByGoal[node.Code].ToList();
            if (own.Count == 0)
                continue;
            var value = Mean(own, profile.SasaranAggregation);
            goals.Add(new GoalResult(node, own, value, value is { } v ? Category(profile, v) : null));
        }

        var top = TopGoals(data, goals);
        var counted = top.Where(g => g.Capaian is not null).ToList();
        decimal? agency = counted.Count == 0 ? null : counted.Sum(g => g.Capaian!.Value) / counted.Count;
        return new PerformanceResult(profile, at, rows, goals, agency, agency is { } a ? Category(profile, a) : null) { TopGoals = top };
    }

    /// <summary>
    /// The goals the agency capaian averages (docs/rules.md §5): the highest plan nodes that carry indicators,
    /// tujuan aside. A node counts when no node above it (parent, grandparent, ...) other than a tujuan carries
    /// indicators too; so Banjar's three sasaran strategis S1-S3 count and the eselon III/IV sasaran cascaded
    /// below them do not, and a K/L report's sasaran strategis count, not the sasaran program under them. A
    /// unit whose report starts lower (a Pusat's sasaran kegiatan) has those as its top. Tujuan are reported
    /// on their own (their indicators usually repeat what the sasaran measure); only when no sasaran carries
    /// an indicator are the highest tujuan the top. A top node without any measured indicator (all N/A) stays
    /// the top of its branch and is left out of the mean; the nodes below it are not promoted.
    /// </summary>
    public static IReadOnlyList<GoalResult> TopGoals(PerformanceDataset data, IReadOnlyList<GoalResult> goals)
    {
        var sasaran = goals.Where(g => g.Goal.Level != PlanLevel.Tujuan).ToList();
        var candidates = sasaran.Count > 0 ? sasaran : goals;
        var carrying = candidates.Select(g => g.Goal.Code).ToHashSet(StringComparer.Ordinal);
        return candidates.Where(g => !Ancestors(data, g.Goal).Any(carrying.Contains)).ToList();
    }

    private static IEnumerable<string> Ancestors(PerformanceDataset data, PlanNode node)
    {
        // a parent chain that loops is a finding of PlanChainCheck; here it simply ends
        var seen = new HashSet<string>(StringComparer.Ordinal) { node.Code };
        for (var parent = node.ParentCode; parent is not null && seen.Add(parent); parent = data.FindPlanNode(parent)?.ParentCode)
            yield return parent;
    }

    /// <summary>Mean of the indicators' capaian, N/A and missing excluded; weighted when the agency says so.</summary>
    public static decimal? Mean(IReadOnlyList<IndicatorResult> rows, SasaranAggregation aggregation)
    {
        var measured = rows.Where(r => r.Capaian.HasValue).ToList();
        if (measured.Count == 0)
            return null;
        if (aggregation == SasaranAggregation.Weighted)
        {
            var totalWeight = measured.Sum(r => r.Indicator.Weight ?? 1m);
            if (totalWeight > 0)
                return measured.Sum(r => r.Capaian.Value * (r.Indicator.Weight ?? 1m)) / totalWeight;
        }

        return measured.Sum(r => r.Capaian.Value) / measured.Count;
    }

    /// <summary>The category of a capaian, decided on the figure as displayed (docs/rules.md §6).</summary>
    public static string Category(AgencyProfile profile, decimal capaian) => profile.PredicateScale.Label(profile.RoundForDisplay(capaian));

    /// <summary>
    /// Compares a printed capaian with the computed one, at the printed number of decimals, under
    /// both rounding modes. A printed figure neither mode reproduces is a finding (docs/rules.md §10).
    /// </summary>
    public static (PrintedCheck Check, decimal? Printed) CheckPrinted(string? printedText, Capaian computed)
    {
        if (string.IsNullOrWhiteSpace(printedText))
            return (PrintedCheck.NotPrinted, null);
        var body = printedText.Trim().TrimEnd('*').TrimEnd('%').Trim();
        if (MeasuredValueParser.IsNotAvailable(body))
            return (computed.HasValue ? PrintedCheck.Mismatch : PrintedCheck.NotPrinted, null);
        var parsed = IndonesianNumber.Parse(body);
        if (!parsed.Success)
            return (PrintedCheck.Unreadable, null);
        if (!computed.HasValue)
            return (PrintedCheck.Mismatch, parsed.Value);
        var decimals = DecimalsWritten(body);
        var printed = parsed.Value;
        if (Rounding.Apply(computed.Value, decimals, RoundingMode.HalfUp) == printed)
            return (PrintedCheck.MatchesHalfUp, printed);
        if (Rounding.Apply(computed.Value, decimals, RoundingMode.Truncate) == printed)
            return (PrintedCheck.MatchesTruncate, printed);
        return (PrintedCheck.Mismatch, printed);
    }

    private static int DecimalsWritten(string body)
    {
        var parsed = IndonesianNumber.Parse(body).Value;
        var scale = (decimal.GetBits(parsed)[3] >> 16) & 0xFF;
        return scale;
    }
}
