using System.Collections.ObjectModel;
using BenchmarkDotNet.Attributes;
using Kinerja.Domain.Budget;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;

namespace Kinerja.Bench;

/// <summary>
/// Roll-up and budget checks over a synthetic national K/L budget tree of about 2 million lines:
/// 90 K/L x 4 programs x 15 kegiatan x 5 KRO x 4 RO x 3 komponen x 5 sub-komponen (2.085.450 lines),
/// parents printed before their children, with one wrong parent total every 100.000 lines.
///   dotnet run -c Release --project bench/Kinerja.Bench -- --filter '*BudgetBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class BudgetBenchmarks
{
    private static readonly int[] FanOut = [90, 4, 15, 5, 4, 3, 5];
    private static readonly string[] Levels = ["KL", "Program", "Kegiatan", "KRO", "RO", "Komponen", "SubKomponen"];

    private List<BudgetLine> _lines = [];

    public int LineCount => _lines.Count;

    [GlobalSetup]
    public void Setup()
    {
        _lines = NationalTree();
        Console.WriteLine($"// national budget tree: {_lines.Count:N0} lines");
    }

    /// <summary>Builds the tree and computes every parent from its children (a fresh list each time: no cached roll-up).</summary>
    [Benchmark]
    public decimal RollUp()
    {
        var rollup = BudgetRollup.Compute(new ReadOnlyCollection<BudgetLine>(_lines));
        return rollup.Total.Pagu;
    }

    /// <summary>Tree, roll-up, and the structure, sum and amount checks, as `kinerja check anggaran.csv` runs them.</summary>
    [Benchmark]
    public int RollUpAndChecks() => DatasetValidator.CheckBudget(new ReadOnlyCollection<BudgetLine>(_lines)).Count;

    public static List<BudgetLine> NationalTree()
    {
        var lines = new List<BudgetLine>(2_100_000);
        Add(lines, null, 0);
        return lines;
    }

    /// <summary>Adds the subtree under a parent depth-first (printed order) and returns its pagu and realisasi.</summary>
    private static (decimal Pagu, decimal Realisasi) Add(List<BudgetLine> lines, string? parent, int depth)
    {
        var pagu = 0m;
        var realisasi = 0m;
        for (var i = 0; i < FanOut[depth]; i++)
        {
            var code = parent is null ? (i + 1).ToString("D3") : parent + "." + Segment(depth, i);
            var at = lines.Count;
            lines.Add(null!);
            decimal linePagu, lineRealisasi;
            if (depth == FanOut.Length - 1)
            {
                linePagu = 1_000_000m + (at % 997) * 1_000m;
                lineRealisasi = linePagu - (at % 13) * 1_000m;
            }
            else
            {
                (linePagu, lineRealisasi) = Add(lines, code, depth + 1);
            }

            // a typo now and then, for the checks to find
            var printedPagu = at % 100_000 == 1 && depth < FanOut.Length - 1 ? linePagu + 1_000_000_000m : linePagu;
            lines[at] = new BudgetLine { Code = code, Name = Levels[depth] + " " + code, ParentCode = parent, Level = Levels[depth], Pagu = printedPagu, Realisasi = lineRealisasi, SourceRow = at + 2 };
            pagu += linePagu;
            realisasi += lineRealisasi;
        }

        return (pagu, realisasi);
    }

    private static string Segment(int depth, int i) => depth switch
    {
        1 => "WA" + (char)('A' + i),
        2 => (2000 + i).ToString("D4"),
        3 => "B" + (char)('A' + i) + "A",
        4 => (i + 1).ToString("D3"),
        5 => (51 + i).ToString("D3"),
        _ => ((char)('A' + i)).ToString(),
    };
}
