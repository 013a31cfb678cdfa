using Kinerja.Domain.Budget;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Validation;

/// <summary>Shared wording for budget findings: Rupiah and percentages the Indonesian way.</summary>
internal static class BudgetWords
{
    public const string Sheet = "Anggaran";

    public static string Rp(decimal value) => IndonesianNumber.Format(value, value == decimal.Truncate(value) ? 0 : 2);

    public static string Percent(decimal value) => IndonesianNumber.Format(value, 2) + "%";

    public static string Field(BudgetField field) => field switch
    {
        BudgetField.Pagu => "pagu",
        BudgetField.Blokir => "blokir",
        _ => "realisasi",
    };

    /// <summary>A finding at a line: in the sheet Anggaran, or in the file the line was read from (a finance CSV).</summary>
    public static Finding At(Severity severity, string rule, BudgetNode node, string message) =>
        new(severity, rule, node.Line.Source ?? Sheet, node.Code.Length > 0 ? node.Code : node.Line.Name, $"\"{node.Line.Name}\": {message}") { Row = node.Line.SourceRow > 0 ? node.Line.SourceRow : null };

    public static string Amounts(BudgetLine line) =>
        line.Blokir is { } blokir && blokir != 0
            ? $"pagu {Rp(line.Pagu)}, blokir {Rp(blokir)}, realisasi {Rp(line.Realisasi)}"
            : $"pagu {Rp(line.Pagu)}, realisasi {Rp(line.Realisasi)}";
}

/// <summary>
/// The shape of the budget tree: duplicate codes (002: two RO lines coded 2176.ABK.007), parents that do
/// not exist, parent chains that loop.
/// </summary>
public sealed class BudgetStructureCheck : IDatasetCheck
{
    public IEnumerable<Finding> Check(PerformanceDataset data) => Check(data.Budget);

    public static IEnumerable<Finding> Check(IReadOnlyList<BudgetLine> lines)
    {
        if (lines.Count == 0)
            yield break;
        var tree = BudgetRollup.Of(lines).Tree;
        var inherited = tree.Duplicates.Where(d => d.Inherited).ToList();
        foreach (var duplicate in tree.Duplicates.Where(d => !d.Inherited))
        {
            var first = duplicate.Lines[0];
            var where = string.Join(", ", duplicate.Lines.Select(l => $"baris {l.Line.SourceRow} \"{l.Line.Name}\""));
            if (duplicate.IdenticalRepeat)
            {
                yield return BudgetWords.At(Severity.Warning, "anggaran-baris-berulang", duplicate.Lines[1],
                    $"baris {duplicate.Code} diulang dengan uraian dan angka yang sama ({where}); bila ini pengulangan judul halaman, hapus salah satunya agar tidak terhitung dua kali");
                continue;
            }

            // codes below the duplicated line repeat with it; say so once, here
            var below = inherited.Where(d => d.Code.StartsWith(duplicate.Code + ".", StringComparison.Ordinal)).Select(d => d.Code).ToList();
            var knockOn = below.Count == 0 ? "" : $"; akibatnya kode rincian di bawahnya juga berulang: {string.Join(", ", below)}";
            yield return BudgetWords.At(Severity.Error, "anggaran-kode-ganda", first,
                $"kode {duplicate.Code} dipakai oleh {duplicate.Lines.Count} baris yang berbeda: {where}; setiap baris anggaran harus berkode unik{knockOn}");
        }

        // an inherited duplicate under a parent that is not itself reported (e.g. the parent is an identical repeat)
        foreach (var duplicate in inherited.Where(d => !tree.Duplicates.Any(p => !p.Inherited && d.Code.StartsWith(p.Code + ".", StringComparison.Ordinal))))
        {
            var where = string.Join(", ", duplicate.Lines.Select(l => $"baris {l.Line.SourceRow}"));
            yield return BudgetWords.At(Severity.Warning, "anggaran-kode-ganda", duplicate.Lines[0],
                $"kode {duplicate.Code} muncul {duplicate.Lines.Count} kali ({where}) karena induknya berkode sama");
        }

        foreach (var node in tree.MissingParents)
            yield return BudgetWords.At(Severity.Error, "anggaran-induk-tidak-ada", node, $"induk \"{node.Line.ParentCode}\" tidak ada di antara baris anggaran; baris ini dihitung sebagai baris teratas");
        foreach (var node in tree.DepthGaps)
            yield return BudgetWords.At(Severity.Error, "anggaran-tingkat", node, $"baris bertingkat {node.Line.Depth} tetapi tidak ada baris bertingkat {node.Line.Depth - 1} di atasnya; baris ini dihitung sebagai baris teratas");
        foreach (var node in tree.Nodes.Where(n => n.Line.IsHeading && n.IsLeaf && n.RepeatOf is null))
            yield return BudgetWords.At(Severity.Warning, "anggaran-judul-tanpa-rincian", node, "baris judul tanpa pagu dan realisasi tidak memiliki baris rincian di bawahnya; isi angkanya, atau beri baris di bawahnya Induk atau Tingkat yang menunjuk ke judul ini");
        foreach (var node in tree.CycleBreaks)
            yield return BudgetWords.At(Severity.Error, "anggaran-induk-melingkar", node, $"rantai induk dari baris ini kembali ke dirinya sendiri (induk \"{node.Line.ParentCode}\"); hubungan ke induk diputus di sini");
    }
}

/// <summary>
/// Every parent equals the sum of its children (docs/rules.md §7, §10). 002 KRO 2176.ABK prints pagu 16.651.000
/// over two RO lines of 16.651.000 and 16.650.000; 003 "Administrasi Keuangan" prints 5.954.732.500 where
/// its sub kegiatan sum to 4.954.732.500. A parent whose gap is only the echo of a wrong child total (its
/// figure equals the detail at the bottom of the tree) gets an information finding naming the child, not
/// an error.
/// </summary>
public sealed class BudgetSumCheck : IDatasetCheck
{
    private static readonly BudgetField[] Fields = [BudgetField.Pagu, BudgetField.Blokir, BudgetField.Realisasi];

    public IEnumerable<Finding> Check(PerformanceDataset data) => Check(data.Budget);

    public static IEnumerable<Finding> Check(IReadOnlyList<BudgetLine> lines) => Evaluate(lines).Select(f => f.Finding);

    /// <summary>The findings, each with the lines whose own pagu or realisasi it puts in doubt (see <see cref="BudgetFigureDoubts"/>).</summary>
    internal static IEnumerable<(BudgetNode Node, Finding Finding, IReadOnlyList<BudgetNode> InDoubt)> Evaluate(IReadOnlyList<BudgetLine> lines)
    {
        if (lines.Count == 0)
            yield break;
        var rollup = BudgetRollup.Of(lines);
        foreach (var node in rollup.Tree.Nodes)
        {
            if (node.IsLeaf)
                continue;
            foreach (var field in Fields)
            {
                var status = rollup.Status(node, field);
                if (status is SumStatus.Consistent or SumStatus.NotGiven or SumStatus.Leaf)
                    continue;
                var entered = rollup.Own(node)[field];
                var sum = rollup.ChildrenSum(node)[field];
                var name = BudgetWords.Field(field);
                var gap = BudgetWords.Rp(Math.Abs(entered - sum));
                var direction = entered < sum ? "tercetak lebih kecil" : "tercetak lebih besar";
                if (status == SumStatus.KnockOn)
                {
                    var causes = string.Join(", ", rollup.CausesBelow(node, field).Select(c => c.Label));
                    yield return (node, BudgetWords.At(Severity.Info, "anggaran-selisih-ikutan", node,
                        $"{name} tercetak {BudgetWords.Rp(entered)} tidak sama dengan jumlah rincian langsung {BudgetWords.Rp(sum)} (selisih {gap}), tetapi sama dengan jumlah rincian terbawah; angka baris ini benar, selisihnya berasal dari {causes}"), []);
                    continue;
                }

                var copies = CopiedNeighbours(rollup.Tree, node).ToList();
                var copied = string.Join("; ", copies.Select(c => $"{c.Copy.Label} sama persis dengan baris {(c.Of.Index < c.Copy.Index ? "di atasnya" : "di bawahnya")} {c.Of.Label} ({BudgetWords.Amounts(c.Copy.Line)})"));
                if (rollup.Confirmation(node, field) is { } confirmedBy)
                {
                    var evidence = confirmedBy == ConfirmedBy.ParentSum
                        ? $"angka ini cocok dengan jumlah pada induknya {node.Parent!.Label}"
                        : $"angka ini cocok dengan penyerapan tercetak {IndonesianNumber.Format(node.Line.PrintedAbsorption!.Value, PrintedPercent.DecimalsOf(node.Line.PrintedAbsorption.Value))}%";
                    // a child whose own printed penyerapan its figures do not reproduce is the likeliest typo (003 Rapat Koordinasi 99,99%)
                    var misprinted = node.Children.Where(c => field != BudgetField.Blokir && !c.Line.IsHeading && !rollup.Swapped(c) && c.Line.PrintedAbsorption is { } p && c.Line.Absorption is { } a && !PrintedPercent.Reproduces(p, a)).ToList();
                    var suspects = new List<string>();
                    if (misprinted.Count > 0)
                        suspects.Add($"{string.Join(", ", misprinted.Select(c => c.Label))}, yang penyerapan tercetaknya juga tidak cocok");
                    if (copies.Count > 0)
                        suspects.Add($"{copied}: kemungkinan angka tersalin dari baris sebelahnya");
                    var look = suspects.Count == 0
                        ? $"periksa {name} pada {node.Children.Count} baris rinciannya"
                        : $"kemungkinan besar {string.Join("; ", suspects)}";
                    yield return (node, BudgetWords.At(Severity.Error, "anggaran-jumlah-rincian", node,
                        $"{name} tercetak {BudgetWords.Rp(entered)}, jumlah rincian {BudgetWords.Rp(sum)}, selisih {gap}; {evidence}, jadi angka baris ini benar dan salah satu baris rinciannya yang salah: {look}"), [.. misprinted, .. copies.Select(c => c.Copy)]);
                    continue;
                }

                var asPrinted = rollup.ChildrenAsPrinted(node)[field];
                var swapped = node.Children.Where(rollup.Swapped).Select(c => c.Label).ToList();
                var rincian = asPrinted == sum || swapped.Count == 0
                    ? $"jumlah {node.Children.Count} baris rinciannya {BudgetWords.Rp(sum)}"
                    : $"jumlah {node.Children.Count} baris rinciannya {BudgetWords.Rp(asPrinted)} seperti tercetak, {BudgetWords.Rp(sum)} bila kolom {string.Join(", ", swapped)} yang tertukar dibetulkan";
                var computed = rollup.Computed(node)[field];
                var deeper = computed == sum ? "" : $"; jumlah rincian terbawah {BudgetWords.Rp(computed)}";
                // which side is wrong is not known: name the rows that look copied, never "the total should be the sum"
                var where = copies.Count > 0
                    ? $"; periksa {copied}: kemungkinan angka tersalin dari baris sebelahnya"
                    : SumWitnessedByPrintedAbsorption(node, rollup, field) is { } printed
                        // 003 "Administrasi Keuangan": 88,88% = 4.403.619.363 / 4.954.732.500, the rows' sum, not the printed 5.954.732.500
                        ? $"; penyerapan tercetak baris ini {printed} cocok dengan jumlah rinciannya, bukan dengan angka tercetaknya: {name} baris ini yang salah cetak"
                        : "; angka baris ini atau salah satu baris rinciannya salah";
                yield return (node, BudgetWords.At(Severity.Error, "anggaran-jumlah-rincian", node,
                    $"{name} tercetak {BudgetWords.Rp(entered)} tidak sama dengan {rincian}, selisih {gap} ({direction}){deeper}{where}"), [node, .. copies.Select(c => c.Copy)]);
            }
        }
    }

    /// <summary>The line's printed penyerapan, when it reproduces its rows' sums and not its own printed figures (a second witness against the line).</summary>
    private static string? SumWitnessedByPrintedAbsorption(BudgetNode node, BudgetRollup rollup, BudgetField field)
    {
        if (field == BudgetField.Blokir || node.Line.PrintedAbsorption is not { } printed)
            return null;
        var own = rollup.Own(node);
        var rows = rollup.ChildrenSum(node);
        var byRows = rows.Absorption is { } r && PrintedPercent.Reproduces(printed, r);
        var byOwn = own.Absorption is { } o && PrintedPercent.Reproduces(printed, o);
        return byRows && !byOwn ? IndonesianNumber.Format(printed, PrintedPercent.DecimalsOf(printed)) + "%" : null;
    }

    /// <summary>
    /// Detail rows under a parent whose amounts repeat exactly those of the detail row printed just before or
    /// after them (a copy-paste into the wrong row). Only detail rows (leaves that are not headings) are compared,
    /// and the walk to the neighbour steps over heading and total rows: a kegiatan row totals its one sub kegiatan
    /// and rightly has its figures, so it is never a suspect. Every pair is named once, the later row as the copy
    /// of the earlier one, however many rows were copied.
    /// </summary>
    internal static IEnumerable<(BudgetNode Copy, BudgetNode Of)> CopiedNeighbours(BudgetTree tree, BudgetNode parent)
    {
        var pairs = new List<(BudgetNode Copy, BudgetNode Of)>();
        foreach (var child in parent.Children.Where(IsDetail))
        {
            foreach (var step in new[] { -1, 1 })
            {
                var at = child.Index + step;
                while (at >= 0 && at < tree.Nodes.Count && !IsDetail(tree.Nodes[at]))
                    at += step;
                if (at < 0 || at >= tree.Nodes.Count)
                    continue;
                var neighbour = tree.Nodes[at];
                var a = child.Line;
                var b = neighbour.Line;
                if (a.Pagu == b.Pagu && a.Realisasi == b.Realisasi && a.Blokir == b.Blokir && (a.Pagu != 0 || a.Realisasi != 0))
                {
                    // name the later row as the copy of the earlier one
                    var pair = step < 0 ? (child, neighbour) : (neighbour, child);
                    if (!pairs.Contains(pair))
                        pairs.Add(pair);
                }
            }
        }

        return pairs;
    }

    /// <summary>A row with figures of its own: not a heading, not a total of rows below it, not a repeated row.</summary>
    private static bool IsDetail(BudgetNode node) => node.IsLeaf && !node.Line.IsHeading && node.RepeatOf is null;
}

/// <summary>
/// The figures of each line: realisasi above pagu, or pagu and realisasi swapped (003 Penatausahaan
/// 166.400.000 / 170.025.000); blokir above pagu; negative amounts; a printed penyerapan that neither
/// rounding reproduces; quarters that do not add up to the year.
/// </summary>
public sealed class BudgetAmountCheck : IDatasetCheck
{
    public IEnumerable<Finding> Check(PerformanceDataset data) => Check(data.Budget);

    public static IEnumerable<Finding> Check(IReadOnlyList<BudgetLine> lines) => Evaluate(lines).Select(f => f.Finding);

    /// <summary>The findings, each with the lines whose own pagu or realisasi it puts in doubt (see <see cref="BudgetFigureDoubts"/>).</summary>
    internal static IEnumerable<(BudgetNode Node, Finding Finding, IReadOnlyList<BudgetNode> InDoubt)> Evaluate(IReadOnlyList<BudgetLine> lines)
    {
        if (lines.Count == 0)
            yield break;
        var rollup = BudgetRollup.Of(lines);
        // a copy of a repeated row has the first line's figures: its findings would only repeat
        // a heading has no figures of its own to check
        foreach (var node in rollup.Tree.Nodes.Where(n => n.RepeatOf is null && !n.Line.IsHeading))
        {
            var line = node.Line;
            var blokir = line.Blokir ?? 0m;
            if (line.Pagu < 0 || line.Realisasi < 0 || blokir < 0)
            {
                yield return (node, BudgetWords.At(Severity.Error, "anggaran-angka-negatif", node, $"pagu, blokir dan realisasi tidak boleh negatif (pagu {BudgetWords.Rp(line.Pagu)}, blokir {BudgetWords.Rp(blokir)}, realisasi {BudgetWords.Rp(line.Realisasi)})"), [node]);
                continue;
            }

            if (rollup.Swapped(node))
            {
                yield return (node, BudgetWords.At(Severity.Error, "anggaran-kolom-tertukar", node,
                    $"realisasi {BudgetWords.Rp(line.Realisasi)} melebihi pagu {BudgetWords.Rp(line.Pagu)} ({(line.Absorption is { } over ? BudgetWords.Percent(over) : "pagu 0")}), sedangkan penyerapan tercetak {IndonesianNumber.Format(line.PrintedAbsorption!.Value, PrintedPercent.DecimalsOf(line.PrintedAbsorption.Value))}% = {BudgetWords.Rp(line.Pagu)} / {BudgetWords.Rp(line.Realisasi)}: kolom pagu dan realisasi tertukar; seharusnya pagu {BudgetWords.Rp(line.Realisasi)} dan realisasi {BudgetWords.Rp(line.Pagu)}"), []);
            }
            else if (line.Realisasi > line.Pagu)
            {
                var percent = line.Absorption is { } over ? $" ({BudgetWords.Percent(over)})" : "";
                yield return (node, BudgetWords.At(Severity.Error, "anggaran-realisasi-melebihi-pagu", node,
                    $"realisasi {BudgetWords.Rp(line.Realisasi)} melebihi pagu {BudgetWords.Rp(line.Pagu)}{percent}; realisasi paling banyak sebesar pagu, periksa apakah kolom tertukar"), [node]);
            }

            if (blokir > line.Pagu)
                yield return (node, BudgetWords.At(Severity.Error, "anggaran-blokir-melebihi-pagu", node, $"blokir {BudgetWords.Rp(blokir)} melebihi pagu {BudgetWords.Rp(line.Pagu)}"), [node]);

            if (line.PrintedAbsorption is { } printed && !rollup.Swapped(node) && line.Pagu != 0)
            {
                var computed = line.Realisasi / line.Pagu * 100m;
                if (!PrintedPercent.Reproduces(printed, computed))
                {
                    var printedText = IndonesianNumber.Format(printed, PrintedPercent.DecimalsOf(printed)) + "%";
                    var rolled = rollup.Computed(node);
                    if (!node.IsLeaf && rolled.Pagu != 0 && PrintedPercent.Reproduces(printed, rolled.Realisasi / rolled.Pagu * 100m))
                    {
                        yield return (node, BudgetWords.At(Severity.Info, "anggaran-penyerapan-tercetak", node,
                            $"penyerapan tercetak {printedText} tidak sama dengan realisasi / pagu tercetak = {BudgetWords.Rp(line.Realisasi)} / {BudgetWords.Rp(line.Pagu)} = {BudgetWords.Percent(computed)}, tetapi sama dengan hasil dari jumlah rincian {BudgetWords.Rp(rolled.Realisasi)} / {BudgetWords.Rp(rolled.Pagu)}: angka penyerapan benar, pagu atau realisasi baris ini yang salah cetak"), [node]);
                    }
                    else
                    {
                        yield return (node, BudgetWords.At(Severity.Error, "anggaran-penyerapan-tercetak", node,
                            $"penyerapan tercetak {printedText} tidak dapat dihasilkan dari realisasi {BudgetWords.Rp(line.Realisasi)} / pagu {BudgetWords.Rp(line.Pagu)}; seharusnya {BudgetWords.Percent(computed)}"), [node]);
                    }
                }
            }

            if (line.QuarterlyRealisasi.Count > 0)
            {
                var quarters = line.QuarterlyRealisasi.Sum();
                if (line.QuarterlyRealisasi.Count == 4 && quarters != line.Realisasi)
                    yield return (node, BudgetWords.At(Severity.Error, "anggaran-realisasi-triwulan", node,
                        $"realisasi TW I-IV berjumlah {BudgetWords.Rp(quarters)} ({string.Join(" + ", line.QuarterlyRealisasi.Select(BudgetWords.Rp))}), sedangkan realisasi setahun tercetak {BudgetWords.Rp(line.Realisasi)}; selisih {BudgetWords.Rp(Math.Abs(quarters - line.Realisasi))}"), [node]);
                else if (quarters > line.Pagu)
                    yield return (node, BudgetWords.At(Severity.Error, "anggaran-realisasi-triwulan", node,
                        $"realisasi s.d. TW {Period.Roman(line.QuarterlyRealisasi.Count)} berjumlah {BudgetWords.Rp(quarters)}, melebihi pagu {BudgetWords.Rp(line.Pagu)}"), [node]);
            }
        }
    }
}

/// <summary>
/// Parts that must add up across the budget: the spending-type view (003 Tabel 3.10: Belanja Operasi +
/// Belanja Modal) and the program view (Tabel 3.11) are the same money and must have the same total; and
/// every Mendanai link names a sasaran or indicator that exists.
/// </summary>
public sealed class BudgetClassificationCheck : IDatasetCheck
{
    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        if (data.Budget.Count == 0)
            yield break;
        var rollup = BudgetRollup.Of(data.Budget);
        var roots = rollup.Tree.Roots;
        var spending = roots.Where(r => BudgetTree.IsSpendingType(r.Line)).ToList();
        var programs = roots.Where(r => !BudgetTree.IsSpendingType(r.Line)).ToList();
        if (spending.Count > 0 && programs.Count > 0)
        {
            var bySpending = spending.Aggregate(default(Amounts), (s, r) => s + rollup.Own(r));
            var byProgram = programs.Aggregate(default(Amounts), (s, r) => s + rollup.Own(r));
            foreach (var field in new[] { BudgetField.Pagu, BudgetField.Realisasi })
            {
                if (bySpending[field] != byProgram[field])
                {
                    var name = BudgetWords.Field(field);
                    yield return BudgetWords.At(Severity.Error, "anggaran-total-klasifikasi", spending[0],
                        $"total {name} menurut jenis belanja {BudgetWords.Rp(bySpending[field])} tidak sama dengan total {name} menurut program {BudgetWords.Rp(byProgram[field])} ({string.Join(" + ", programs.Select(p => p.Code))}); selisih {BudgetWords.Rp(Math.Abs(bySpending[field] - byProgram[field]))}");
                }
            }
        }

        var goals = data.Plan.Select(p => p.Code).Concat(data.Indicators.Select(i => i.Code)).ToHashSet(StringComparer.Ordinal);
        foreach (var node in rollup.Tree.Nodes.Where(n => n.RepeatOf is null))
        {
            foreach (var goal in node.Line.Funds.Where(g => !goals.Contains(g)))
                yield return BudgetWords.At(Severity.Warning, "anggaran-tautan", node, $"kolom Mendanai menyebut \"{goal}\", yang tidak ada di sheet Rencana maupun Indikator");
        }
    }
}

/// <summary>
/// The lines whose own pagu or realisasi `check` marks as wrong, with the finding that says so: a parent that
/// is not the sum of its rows and has no second printed figure for it (003 "Administrasi Keuangan" 5.954.732.500
/// over 4.954.732.500), a printed penyerapan its figures do not give, realisasi above pagu, a negative amount,
/// quarters that do not add up. Efficiency is never computed from such a figure (the table shows the finding).
/// A line with swapped columns is not in doubt: its figures are used put back, as the finding says.
/// </summary>
public static class BudgetFigureDoubts
{
    public static IReadOnlyDictionary<BudgetNode, Finding> Of(IReadOnlyList<BudgetLine> lines)
    {
        var doubts = new Dictionary<BudgetNode, Finding>();
        foreach (var (_, finding, inDoubt) in BudgetSumCheck.Evaluate(lines).Concat(BudgetAmountCheck.Evaluate(lines)))
        {
            foreach (var node in inDoubt)
                doubts.TryAdd(node, finding);
        }

        return doubts;
    }
}
