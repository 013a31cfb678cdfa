using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Budget;

/// <summary>
/// Penyerapan of a budget (docs/rules.md §7): against pagu including blokir, against pagu without blokir,
/// and each of them against the agency's absorption target ("capaian kinerja anggaran").
/// 000: 5.500.436.965.043 / 6.144.346.237.000 = 89,52%; / 5.693.541.003.000 = 96,61%;
/// 89,52 / 98,41 = 90,97%; 96,61 / 98,41 = 98,17%.
/// </summary>
public sealed record Absorption(Amounts Amounts, decimal? Target)
{
    public decimal PaguWithoutBlokir => Amounts.Pagu - Amounts.Blokir;

    public decimal? OfPagu => Amounts.Absorption;

    public decimal? OfPaguWithoutBlokir => PaguWithoutBlokir == 0 ? null : Amounts.Realisasi / PaguWithoutBlokir * 100m;

    public decimal? OfPaguAgainstTarget => Against(OfPagu);

    public decimal? OfPaguWithoutBlokirAgainstTarget => Against(OfPaguWithoutBlokir);

    private decimal? Against(decimal? absorption) => absorption is { } a && Target is { } t && t != 0 ? a / t * 100m : null;
}

/// <summary>The budget behind one sasaran or indicator: the lines linked to it (docs/rules.md §7, "budget lines link to the sasaran and indicators they fund").</summary>
public sealed record GoalBudget(string GoalCode, IReadOnlyList<BudgetNode> Lines, Amounts Amounts)
{
    public bool HasBudget => Lines.Count > 0;
}

/// <summary>An efficiency table (docs/rules.md §8) in the agency's method, with the rows it lists.</summary>
public sealed record EfficiencyTable(EfficiencyMethod Method, IReadOnlyList<EfficiencyRow> Rows)
{
    /// <summary>Rows the method lists: all for Ratio, capaian &gt;= 100 for Difference and Savings (003 Tabel 3.7 leaves IK-15 and IK-16 out).</summary>
    public IEnumerable<EfficiencyRow> Listed => Rows.Where(r => r.Claimed);
}

public static class BudgetAnalysis
{
    public static Absorption Absorption(PerformanceDataset data) => new(BudgetRollup.Of(data.Budget).Total, data.Profile.AbsorptionTarget);

    public static Absorption Absorption(BudgetLine line, decimal? target) => new(Amounts.Of(line), target);

    /// <summary>
    /// Budget per sasaran or indicator: the sum of the lines whose Mendanai list names it. When a line and
    /// one of its descendants both name it, the descendant is the more precise link and the ancestor is left
    /// out (000: TOTAL funds SS-1 and SS-2, programs DN and DL fund SS-1, so SS-1 = DN + DL =
    /// 4.624.779.454.000, never the whole total). Lines are counted with their swapped columns put back.
    /// </summary>
    public static GoalBudget ForGoal(PerformanceDataset data, string goalCode) => new GoalBudgets(data).ForGoal(goalCode);

    /// <summary>
    /// The budget behind an indicator: its own links, else its sasaran's. For a sasaran without links of its
    /// own, the union of its indicators' lines.
    /// </summary>
    public static GoalBudget ForIndicator(PerformanceDataset data, Indicator indicator) => new GoalBudgets(data).ForIndicator(indicator);

    public static GoalBudget ForSasaran(PerformanceDataset data, string goalCode) => new GoalBudgets(data).ForSasaran(goalCode);

    /// <summary>
    /// The efficiency table in the agency's method (docs/rules.md §8). Ratio (000 Tabel 3.24): one row per
    /// sasaran, capaian sasaran / penyerapan of its budget. Difference (003 Tabel 3.7) and Savings: one row
    /// per indicator, against the budget of the indicator (or of its sasaran), listed where capaian &gt;= 100.
    /// 003 IK-1: 131,71 - 85,70 = 46,01.
    /// </summary>
    public static EfficiencyTable Efficiency(PerformanceDataset data, PerformanceResult result)
    {
        var method = data.Profile.EfficiencyMethod;
        var rows = new List<EfficiencyRow>();
        var doubts = BudgetFigureDoubts.Of(data.Budget);
        // one table asks for every indicator's budget, and each falls back to its sasaran's: answered once per code
        var budgets = new GoalBudgets(data);
        if (method == EfficiencyMethod.Ratio)
        {
            foreach (var goal in result.Goals.Where(g => g.Capaian is not null && g.Goal.Level != PlanLevel.Tujuan))
            {
                var budget = budgets.ForSasaran(goal.Goal.Code);
                if (budget.HasBudget)
                    rows.Add(Checked(EfficiencyCalculator.Compute(method, goal.Goal.Code, goal.Goal.Name, goal.Capaian!.Value, budget.Amounts.Pagu, budget.Amounts.Realisasi), method, budget, doubts));
            }
        }
        else
        {
            foreach (var row in result.Indicators.Where(r => r.Capaian.HasValue))
            {
                var budget = budgets.ForIndicator(row.Indicator);
                if (budget.HasBudget)
                    rows.Add(Checked(EfficiencyCalculator.Compute(method, row.Indicator.Code, row.Indicator.Name, row.Capaian.Value, budget.Amounts.Pagu, budget.Amounts.Realisasi), method, budget, doubts));
            }
        }

        return new EfficiencyTable(method, rows);
    }

    /// <summary>
    /// A row whose budget includes a figure `check` marks as wrong keeps its amounts as entered but gets no
    /// penyerapan or efficiency: the finding is shown instead. A heading's figures are its rows', so a doubt
    /// below it counts.
    /// </summary>
    private static EfficiencyRow Checked(EfficiencyRow row, EfficiencyMethod method, GoalBudget budget, IReadOnlyDictionary<BudgetNode, Finding> doubts)
    {
        foreach (var line in budget.Lines)
        {
            if (DoubtAt(line, doubts) is { } finding)
                return row with { Absorption = null, Efficiency = null, Doubt = finding, Claimed = method == EfficiencyMethod.Ratio || row.Capaian >= 100m };
        }

        return row;
    }

    /// <summary>What a report prints in place of an efficiency that was not computed: the finding, where it is.</summary>
    public static string DoubtNote(EfficiencyRow row) => row.Doubt is not { } finding
        ? ""
        : $"efisiensi tidak dihitung karena angka anggaran yang dipakai ditandai galat oleh pemeriksaan: {finding.Sheet}{(finding.Row is { } r ? $", baris {r}" : "")}, {finding.Code}: {finding.Message}";

    private static Finding? DoubtAt(BudgetNode line, IReadOnlyDictionary<BudgetNode, Finding> doubts)
    {
        if (doubts.TryGetValue(line, out var finding))
            return finding;
        if (!line.Line.IsHeading)
            return null;
        foreach (var child in line.Children)
        {
            if (DoubtAt(child, doubts) is { } below)
                return below;
        }

        return null;
    }

    /// <summary>The budget lines behind plan nodes and indicators of one dataset, each code worked out once.</summary>
    private sealed class GoalBudgets(PerformanceDataset data)
    {
        private readonly BudgetRollup _rollup = BudgetRollup.Of(data.Budget);
        private readonly Dictionary<string, GoalBudget> _goals = new(StringComparer.Ordinal);
        private readonly Dictionary<string, GoalBudget> _sasaran = new(StringComparer.Ordinal);
        private Dictionary<string, List<BudgetNode>>? _linesByCode;
        private Dictionary<string, List<Indicator>>? _indicatorsByGoal;

        public GoalBudget ForGoal(string goalCode)
        {
            if (_goals.TryGetValue(goalCode, out var known))
                return known;
            // the lines that name the code, in the tree's order
            _linesByCode ??= LinesByCode(_rollup);
            var linked = _linesByCode.GetValueOrDefault(goalCode) ?? [];
            var set = linked.ToHashSet();
            var precise = linked.Where(n => !HasLinkedDescendant(n, set)).ToList();
            var amounts = precise.Aggregate(default(Amounts), (sum, n) => sum + _rollup.Own(n));
            return _goals[goalCode] = new GoalBudget(goalCode, precise, amounts);
        }

        public GoalBudget ForIndicator(Indicator indicator)
        {
            var own = ForGoal(indicator.Code);
            return own.HasBudget ? own : ForSasaran(indicator.GoalCode);
        }

        public GoalBudget ForSasaran(string goalCode)
        {
            var direct = ForGoal(goalCode);
            if (direct.HasBudget)
                return direct;
            if (_sasaran.TryGetValue(goalCode, out var known))
                return known;
            _indicatorsByGoal ??= IndicatorsByGoal(data.Indicators);
            var lines = (_indicatorsByGoal.GetValueOrDefault(goalCode) ?? [])
                .SelectMany(i => ForGoal(i.Code).Lines)
                .Distinct()
                .ToList();
            var set = lines.ToHashSet();
            // an indicator's line inside another indicator's line of the same sasaran is already counted
            var outer = lines.Where(l => !HasLinkedAncestor(l, set)).ToList();
            return _sasaran[goalCode] = new GoalBudget(goalCode, outer, outer.Aggregate(default(Amounts), (sum, n) => sum + _rollup.Own(n)));
        }

        private static Dictionary<string, List<BudgetNode>> LinesByCode(BudgetRollup rollup)
        {
            var byCode = new Dictionary<string, List<BudgetNode>>(StringComparer.Ordinal);
            foreach (var node in rollup.Tree.Nodes)
            {
                if (node.RepeatOf is not null)
                    continue;
                foreach (var code in node.Line.Funds)
                {
                    if (!byCode.TryGetValue(code, out var nodes))
                        byCode[code] = nodes = [];
                    // a code named twice on one line links it once
                    if (nodes.Count == 0 || !ReferenceEquals(nodes[^1], node))
                        nodes.Add(node);
                }
            }

            return byCode;
        }

        /// <summary>The indicators that measure each plan node (<see cref="Indicator.Measures"/>), in the sheet's order.</summary>
        private static Dictionary<string, List<Indicator>> IndicatorsByGoal(IReadOnlyList<Indicator> indicators)
        {
            var byGoal = new Dictionary<string, List<Indicator>>(StringComparer.Ordinal);
            foreach (var indicator in indicators)
            {
                foreach (var goal in indicator.OtherGoalCodes.Prepend(indicator.GoalCode))
                {
                    if (!byGoal.TryGetValue(goal, out var measuring))
                        byGoal[goal] = measuring = [];
                    if (measuring.Count == 0 || !ReferenceEquals(measuring[^1], indicator))
                        measuring.Add(indicator);
                }
            }

            return byGoal;
        }
    }

    private static bool HasLinkedDescendant(BudgetNode node, HashSet<BudgetNode> linked)
    {
        var stack = new Stack<BudgetNode>(node.Children);
        while (stack.Count > 0)
        {
            var at = stack.Pop();
            if (linked.Contains(at))
                return true;
            foreach (var child in at.Children)
                stack.Push(child);
        }

        return false;
    }

    private static bool HasLinkedAncestor(BudgetNode node, HashSet<BudgetNode> linked)
    {
        for (var at = node.Parent; at is not null; at = at.Parent)
        {
            if (linked.Contains(at))
                return true;
        }

        return false;
    }
}
