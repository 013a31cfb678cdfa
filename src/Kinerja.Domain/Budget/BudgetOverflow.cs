using Kinerja.Domain.Model;

namespace Kinerja.Domain.Budget;

/// <summary>
/// Budget figures whose sums or ratios are beyond what a decimal holds (two lines near 7,9e28 under one parent).
/// Each figure alone is exact, but the roll-up, the sisa or the penyerapan cannot be computed: the importer
/// refuses the sheet naming the lines, instead of the roll-up crashing later.
/// </summary>
public static class BudgetOverflow
{
    /// <summary>What cannot be computed and the lines it is made of; null when every sum and ratio fits.</summary>
    public static (string What, IReadOnlyList<BudgetLine> Lines)? Find(IReadOnlyList<BudgetLine> lines)
    {
        foreach (var line in lines)
        {
            // each figure on its own: only what the reports compute, never a sum of unlike figures
            if (!Fits(() => Discard(line.Sisa, line.Pagu - (line.Blokir ?? 0m), line.Absorption, line.QuarterlyRealisasi.Sum())))
                return ("sisa, penyerapan atau jumlah realisasi triwulan baris ini", [line]);
        }

        var tree = BudgetTree.Build(lines);
        foreach (var node in tree.BottomUp.Where(n => !n.IsLeaf))
        {
            var children = node.Children.Select(c => c.Line).ToList();
            if (!Fits(() => Sum(children)))
                return ($"jumlah rincian di bawah {node.Line.Code}", children);
        }

        var roots = tree.TotalRoots.Select(r => r.Line).ToList();
        if (!Fits(() => Sum(roots)))
            return ("jumlah seluruh anggaran", roots);
        // the bottom-level sums and the ratios over them
        if (!Fits(() => Touch(BudgetRollup.Compute(lines))))
            return ("jumlah rincian", lines.OrderByDescending(l => Math.Max(Math.Abs(l.Pagu), Math.Abs(l.Realisasi))).Take(3).ToList());
        return null;
    }

    private static void Sum(IReadOnlyList<BudgetLine> lines)
    {
        var pagu = 0m;
        var blokir = 0m;
        var realisasi = 0m;
        foreach (var line in lines)
        {
            pagu += line.Pagu;
            blokir += line.Blokir ?? 0m;
            realisasi += line.Realisasi;
        }

        Discard(pagu - realisasi, pagu - blokir, pagu == 0 ? null : realisasi / pagu * 100m);
    }

    private static void Touch(BudgetRollup rollup)
    {
        foreach (var node in rollup.Tree.Nodes)
        {
            var own = rollup.Own(node);
            var below = rollup.ChildrenSum(node);
            Discard(own.Sisa, below.Sisa, own.Absorption, below.Absorption);
        }

        Discard(rollup.Total.Sisa, rollup.Total.Absorption);
    }

    private static void Discard(params decimal?[] figures) => _ = figures;

    private static bool Fits(Action compute)
    {
        try
        {
            compute();
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
