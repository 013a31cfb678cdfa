using System.Runtime.CompilerServices;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Budget;

/// <summary>Pagu, blokir and realisasi of a line or a sum of lines, in Rupiah.</summary>
public readonly record struct Amounts(decimal Pagu, decimal Blokir, decimal Realisasi)
{
    /// <summary>The line's figures; a blokir not given counts as 0 here (the roll-up fills a parent's from its children).</summary>
    public static Amounts Of(BudgetLine line) => new(line.Pagu, line.Blokir ?? 0m, line.Realisasi);

    public static Amounts operator +(Amounts a, Amounts b) => new(a.Pagu + b.Pagu, a.Blokir + b.Blokir, a.Realisasi + b.Realisasi);

    public decimal Sisa => Pagu - Realisasi;

    /// <summary>Penyerapan in percent of pagu (blokir included); null when pagu is 0.</summary>
    public decimal? Absorption => Pagu == 0 ? null : Realisasi / Pagu * 100m;

    public decimal this[BudgetField field] => field switch
    {
        BudgetField.Pagu => Pagu,
        BudgetField.Blokir => Blokir,
        _ => Realisasi,
    };
}

/// <summary>The second printed figure that confirms a parent against its children.</summary>
public enum ConfirmedBy
{
    /// <summary>The parent's own parent adds up with this line's figure.</summary>
    ParentSum,

    /// <summary>The printed penyerapan reproduces this line's pagu and realisasi.</summary>
    PrintedAbsorption,
}

public enum BudgetField
{
    Pagu,
    Blokir,
    Realisasi,
}

/// <summary>How a parent's entered figure relates to its children.</summary>
public enum SumStatus
{
    /// <summary>A line without children: its figure is the data.</summary>
    Leaf,

    /// <summary>Entered = sum of the children.</summary>
    Consistent,

    /// <summary>
    /// Entered differs from the sum of the children but equals the total of the lines at the bottom of the
    /// tree: the parent is right and a child's own total is wrong (002: kegiatan 2176 against KRO 2176.ABK).
    /// </summary>
    KnockOn,

    /// <summary>Entered matches neither the children nor the detail below them: the parent's figure is wrong.</summary>
    Mismatch,

    /// <summary>The children carry no figure for this field (blokir printed only on the total): nothing to compare.</summary>
    NotGiven,
}

/// <summary>
/// Parents computed from their children (docs/rules.md §7 "every parent equals the sum of its children"),
/// next to the figures that were entered; entered figures are never overwritten. A line whose
/// realisasi exceeds its pagu while its printed penyerapan equals pagu / realisasi has its two columns
/// swapped (003 Penatausahaan 166.400.000 / 170.025.000); the sums above it use the swapped-back figures,
/// so the mistake is reported once, where it is, and not again at every parent.
/// </summary>
public sealed class BudgetRollup
{
    private static readonly ConditionalWeakTable<IReadOnlyList<BudgetLine>, BudgetRollup> Cache = [];

    private readonly Amounts[] _own;
    private readonly Amounts[] _childrenSum;
    private readonly Amounts[] _computed;
    private readonly bool[] _swapped;
    private readonly bool[] _blokirGivenBelow;

    private BudgetRollup(BudgetTree tree)
    {
        Tree = tree;
        var count = tree.Nodes.Count;
        _own = new Amounts[count];
        _childrenSum = new Amounts[count];
        _computed = new Amounts[count];
        _swapped = new bool[count];
        _blokirGivenBelow = new bool[count];
        foreach (var node in tree.BottomUp)
        {
            var line = node.Line;
            var swapped = LooksSwapped(line);
            _swapped[node.Index] = swapped;
            var own = swapped ? new Amounts(line.Realisasi, line.Blokir ?? 0m, line.Pagu) : Amounts.Of(line);
            _own[node.Index] = own;
            var blokirGiven = line.Blokir is { } b && b != 0;
            if (node.IsLeaf)
            {
                _computed[node.Index] = own;
                _blokirGivenBelow[node.Index] = blokirGiven;
                continue;
            }

            var sum = default(Amounts);
            var computed = default(Amounts);
            var blokirBelow = false;
            foreach (var child in node.Children)
            {
                sum += _own[child.Index];
                computed += _computed[child.Index];
                blokirBelow |= _blokirGivenBelow[child.Index];
            }

            _childrenSum[node.Index] = sum;
            // blokir printed only on a total (000: per unit, not per program) stays the total's own figure
            _computed[node.Index] = blokirBelow ? computed : computed with { Blokir = own.Blokir };
            _blokirGivenBelow[node.Index] = blokirBelow || blokirGiven;
            // blokir left blank on a parent and entered on its children: the parent's blokir is theirs
            if (line.Blokir is null)
                _own[node.Index] = own with { Blokir = sum.Blokir };
            // a heading printed without amounts carries the sum of its rows: there is no figure of its own to compare
            if (line.IsHeading)
                _own[node.Index] = sum;
        }
    }

    public BudgetTree Tree { get; }

    /// <summary>Builds the tree and the roll-up once per list of lines (the checks and reports share it).</summary>
    public static BudgetRollup Of(IReadOnlyList<BudgetLine> lines) => Cache.GetValue(lines, l => new BudgetRollup(BudgetTree.Build(l)));

    public static BudgetRollup Compute(IReadOnlyList<BudgetLine> lines) => new(BudgetTree.Build(lines));

    /// <summary>The figures as entered, with swapped pagu/realisasi columns put back.</summary>
    public Amounts Own(BudgetNode node) => _own[node.Index];

    /// <summary>Sum of the children's own figures; default for a leaf.</summary>
    public Amounts ChildrenSum(BudgetNode node) => _childrenSum[node.Index];

    /// <summary>Sum of the children exactly as printed (before swapped columns are put back).</summary>
    public Amounts ChildrenAsPrinted(BudgetNode node) => node.Children.Aggregate(default(Amounts), (sum, child) => sum + Amounts.Of(child.Line));

    /// <summary>The roll-up: a leaf's own figures, a parent's the sum of the computed figures of its children.</summary>
    public Amounts Computed(BudgetNode node) => _computed[node.Index];

    public bool Swapped(BudgetNode node) => _swapped[node.Index];

    public SumStatus Status(BudgetNode node, BudgetField field)
    {
        if (node.IsLeaf)
            return SumStatus.Leaf;
        if (node.Line.IsHeading)
            return SumStatus.NotGiven;
        if (field == BudgetField.Blokir && (node.Line.Blokir is null || !node.Children.Any(c => _blokirGivenBelow[c.Index])))
            return SumStatus.NotGiven;
        var entered = _own[node.Index][field];
        if (entered == _childrenSum[node.Index][field])
            return SumStatus.Consistent;
        return entered == _computed[node.Index][field] ? SumStatus.KnockOn : SumStatus.Mismatch;
    }

    /// <summary>
    /// A parent whose figure differs from its children's sum while a second printed figure agrees with it:
    /// its own parent's entered figure equals the sum of its children (this line and at least one sibling), or its printed
    /// penyerapan reproduces its entered pagu and realisasi and not the children's sum. Then the parent is
    /// right and one of its detail lines is wrong (a typo in a sub kegiatan, not in the kegiatan above it).
    /// </summary>
    public ConfirmedBy? Confirmation(BudgetNode node, BudgetField field)
    {
        if (node.IsLeaf)
            return null;
        // a parent with this line as its only child merely repeats the figure: no second witness
        if (node.Parent is { Children.Count: > 1 } parent && Status(parent, field) == SumStatus.Consistent)
            return ConfirmedBy.ParentSum;
        if (field == BudgetField.Blokir || node.Line.PrintedAbsorption is not { } printed)
            return null;
        // the children's pagu and realisasi together: a ratio that both explain confirms neither
        return Reproduces(printed, _own[node.Index]) && !Reproduces(printed, _childrenSum[node.Index]) ? ConfirmedBy.PrintedAbsorption : null;
    }

    private static bool Reproduces(decimal printed, Amounts amounts) =>
        amounts.Absorption is { } absorption && PrintedPercent.Reproduces(printed, absorption);

    /// <summary>The children whose own figure differs from their computed one: where a knock-on gap comes from.</summary>
    public IEnumerable<BudgetNode> CausesBelow(BudgetNode node, BudgetField field) =>
        node.Children.Where(c => _own[c.Index][field] != _computed[c.Index][field]);

    /// <summary>Total of the budget: the top-level programs (spending-type roots are another view of the same money).</summary>
    public Amounts Total => Tree.TotalRoots.Aggregate(default(Amounts), (sum, root) => sum + _own[root.Index]);

    private static bool LooksSwapped(BudgetLine line)
    {
        // pagu 0 with realisasi: realisasi / pagu has no value to compare, so there is no evidence of a swap
        if (line.Realisasi <= line.Pagu || line.Pagu <= 0 || line.PrintedAbsorption is not { } printed)
            return false;
        return PrintedPercent.Reproduces(printed, line.Pagu / line.Realisasi * 100m) && !PrintedPercent.Reproduces(printed, line.Realisasi / line.Pagu * 100m);
    }
}

/// <summary>Whether a printed percentage is the computed one, rounded half-up or truncated at the decimals printed.</summary>
public static class PrintedPercent
{
    public static bool Reproduces(decimal printed, decimal computed)
    {
        var decimals = DecimalsOf(printed);
        return Rounding.Apply(computed, decimals, RoundingMode.HalfUp) == printed || Rounding.Apply(computed, decimals, RoundingMode.Truncate) == printed;
    }

    /// <summary>Decimals as written: 97,87 has 2, 100 has 0 (a parsed decimal keeps its scale).</summary>
    public static int DecimalsOf(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;
}
