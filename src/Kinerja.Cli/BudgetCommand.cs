using Kinerja.Documents.Budget;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Budget;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Cli;

/// <summary>`kinerja budget FILE`: the budget tree with its roll-up, the absorption and the efficiency table.</summary>
public static class BudgetCommand
{
    public static int Run(Options options, TextWriter output, TextWriter error)
    {
        var file = options.Argument(0, "FILE");
        IReadOnlyList<BudgetLine> lines;
        PerformanceDataset? data = null;
        if (BudgetFiles.IsBudgetFile(file))
        {
            lines = BudgetFiles.ReadLines(file);
        }
        else
        {
            data = CliApp.LoadDataset(options, file);
            lines = data.Budget;
        }

        if (lines.Count == 0)
        {
            output.WriteLine($"{Path.GetFileName(file)}: tidak ada baris anggaran.");
            return CliApp.Ok;
        }

        var rollup = BudgetRollup.Of(lines);
        output.WriteLine("Anggaran (angka tercetak; kolom \"Jumlah rincian\" dihitung dari baris di bawahnya)");
        output.WriteLine();
        var rows = new List<string[]>();
        // an explicit stack: a budget tree may be thousands of levels deep
        var stack = new Stack<(BudgetNode Node, int Depth)>();
        foreach (var root in rollup.Tree.Roots)
        {
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (node, depth) = stack.Pop();
                rows.Add(Row(rollup, node, depth));
                for (var i = node.Children.Count - 1; i >= 0; i--)
                    stack.Push((node.Children[i], depth + 1));
            }
        }

        // the penyerapan the source printed, beside the computed one, when the source gives it
        if (lines.Any(l => l.PrintedAbsorption is not null))
        {
            var printed = new List<string>();
            foreach (var root in rollup.Tree.Roots)
                Printed(root, printed);
            rows = rows.Select((r, i) => (string[])[.. r[..6], printed[i], .. r[6..]]).ToList();
            Table.Write(output, ["Kode", "Uraian", "Pagu", "Realisasi", "Sisa", "Penyerapan", "Tercetak", "Jumlah rincian (pagu)", "Jumlah rincian (realisasi)", "Cek"], rows, rightAligned: [2, 3, 4, 5, 6, 7, 8]);
        }
        else
        {
            Table.Write(output, ["Kode", "Uraian", "Pagu", "Realisasi", "Sisa", "Penyerapan", "Jumlah rincian (pagu)", "Jumlah rincian (realisasi)", "Cek"], rows, rightAligned: [2, 3, 4, 5, 6, 7]);
        }

        var absorption = data is null ? new Absorption(rollup.Total, null) : BudgetAnalysis.Absorption(data);
        output.WriteLine();
        // blokir is printed only when some line gives it: a blank blokir is not a blokir of 0
        var blokirGiven = lines.Any(l => l.Blokir is not null);
        output.WriteLine(blokirGiven
            ? $"Total: pagu {Rp(absorption.Amounts.Pagu)}, blokir {Rp(absorption.Amounts.Blokir)}, realisasi {Rp(absorption.Amounts.Realisasi)}"
            : $"Total: pagu {Rp(absorption.Amounts.Pagu)}, realisasi {Rp(absorption.Amounts.Realisasi)}");
        output.WriteLine(blokirGiven
            ? $"Penyerapan terhadap pagu: {Percent(absorption.OfPagu)}; terhadap pagu tanpa blokir ({Rp(absorption.PaguWithoutBlokir)}): {Percent(absorption.OfPaguWithoutBlokir)}"
            : $"Penyerapan terhadap pagu: {Percent(absorption.OfPagu)}");
        if (absorption.Target is { } target)
            output.WriteLine($"Capaian kinerja anggaran (target penyerapan {IndonesianNumber.Format(target, 2)}%): {Percent(absorption.OfPaguAgainstTarget)}{(blokirGiven ? $"; tanpa blokir {Percent(absorption.OfPaguWithoutBlokirAgainstTarget)}" : "")}");

        if (data is not null)
            WriteEfficiency(data, output);
        WriteTie(options, file, output);
        return CliApp.Ok;
    }

    // what an export given with --budget-csv was tied to: lines matched by name (to be looked at) and lines matched to nothing
    private static void WriteTie(Options options, string file, TextWriter output)
    {
        if (options.Value("budget-csv") is not { } export || export.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || BudgetFiles.IsBudgetFile(file))
            return;
        var applied = BudgetFiles.Apply(DataImporter.Load(file, CliApp.DataFiles(options)), export);
        if (applied.Tie is not { } tie)
            return;
        output.WriteLine();
        output.WriteLine($"Pengaitan {Path.GetFileName(export)} dengan rencana: {tie.Matched.Count(m => m.By == TieBy.Code)} baris cocok menurut kode, {tie.Matched.Count(m => m.By == TieBy.Name)} menurut nama, {tie.Unmatched.Count} tidak cocok.");
        foreach (var text in BudgetTie.Describe(tie))
            output.WriteLine("- " + text);
    }

    private static void WriteEfficiency(PerformanceDataset data, TextWriter output)
    {
        var result = PerformanceCalculator.Compute(data);
        var table = BudgetAnalysis.Efficiency(data, result);
        if (table.Rows.Count == 0)
            return;
        var (title, column) = table.Method switch
        {
            EfficiencyMethod.Ratio => ("rasio capaian sasaran / penyerapan anggaran", "Tingkat efisiensi"),
            EfficiencyMethod.Difference => ("selisih capaian % - penyerapan %, untuk capaian >= 100%", "Efisiensi"),
            _ => ("penghematan (pagu - realisasi) / pagu, untuk capaian >= 100%", "Penghematan"),
        };
        output.WriteLine();
        output.WriteLine($"Efisiensi ({title}):");
        var p = data.Profile;
        var rows = table.Listed.Select(r => new[]
        {
            r.Code,
            Shorten(r.Name, 50),
            p.FormatPercent(r.Capaian),
            Rp(r.Pagu),
            Rp(r.RealisasiAnggaran),
            Percent(r.Absorption),
            r.Doubt is not null ? "tidak dihitung*" : r.Efficiency is { } e ? (table.Method == EfficiencyMethod.Ratio ? IndonesianNumber.Format(e, 2) : IndonesianNumber.Format(e, 2) + "%") : "-",
        }).ToList();
        Table.Write(output, ["Kode", "Uraian", "Capaian", "Pagu", "Realisasi", "Penyerapan", column], rows, rightAligned: [2, 3, 4, 5, 6]);
        foreach (var row in table.Listed.Where(r => r.Doubt is not null))
            output.WriteLine($"* {row.Code}: {BudgetAnalysis.DoubtNote(row)}");
    }

    // the same depth-first order as the table rows
    private static void Printed(BudgetNode root, List<string> printed)
    {
        var stack = new Stack<BudgetNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            printed.Add(node.Line.PrintedAbsorption is { } p ? IndonesianNumber.Format(p, PrintedPercent.DecimalsOf(p)) + "%" : "");
            for (var i = node.Children.Count - 1; i >= 0; i--)
                stack.Push(node.Children[i]);
        }
    }

    private static string[] Row(BudgetRollup rollup, BudgetNode node, int depth)
    {
        var line = node.Line;
        var status = rollup.Status(node, BudgetField.Pagu);
        var realisasiStatus = rollup.Status(node, BudgetField.Realisasi);
        // name the column that differs: a matching pagu beside a wrong realisasi is not marked wrong
        string[] mismatched = [.. status == SumStatus.Mismatch ? ["pagu"] : Array.Empty<string>(), .. realisasiStatus == SumStatus.Mismatch ? ["realisasi"] : Array.Empty<string>()];
        var check = (status, realisasiStatus) switch
        {
            _ when mismatched.Length > 0 => "TIDAK COCOK: " + string.Join(", ", mismatched),
            (SumStatus.KnockOn, _) or (_, SumStatus.KnockOn) => "ikutan",
            (SumStatus.Leaf, _) => "",
            _ => "cocok",
        };
        if (line.IsHeading)
            check = "judul";
        else if (rollup.Swapped(node))
            check = "kolom tertukar";
        else if (line.Realisasi > line.Pagu)
            check = "realisasi > pagu";
        return [
            new string(' ', Math.Min(depth, 20) * 2) + line.Code,
            Shorten(line.Name, 48),
            // a heading prints no amounts of its own; its rows' sums are in the Jumlah rincian columns
            line.IsHeading ? "" : Rp(line.Pagu),
            line.IsHeading ? "" : Rp(line.Realisasi),
            line.IsHeading ? "" : Rp(line.Sisa),
            line.IsHeading ? "" : Percent(line.Absorption),
            node.IsLeaf ? "" : Rp(rollup.ChildrenSum(node).Pagu),
            node.IsLeaf ? "" : Rp(rollup.ChildrenSum(node).Realisasi),
            check,
        ];
    }

    private static string Rp(decimal value) => IndonesianNumber.Format(value, value == decimal.Truncate(value) ? 0 : 2);

    private static string Percent(decimal? value) => value is { } v ? IndonesianNumber.Format(v, 2) + "%" : "-";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

internal static class Table
{
    public static void Write(TextWriter output, string[] headers, List<string[]> rows, int[] rightAligned)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
            output.WriteLine(string.Join("  ", row.Select((c, i) => rightAligned.Contains(i) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
    }
}
