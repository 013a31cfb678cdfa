using Kinerja.Domain.Budget;
using Kinerja.Domain.Model;

namespace Kinerja.Documents.Budget;

/// <summary>The budget applied to a workbook from a finance file, with what was tied to the plan.</summary>
public sealed record AppliedBudget(PerformanceDataset Data, BudgetExportResult? Export, BudgetTieResult? Tie);

/// <summary>
/// The finance files a budget can come from where a workbook's sheet Anggaran is replaced (`--budget-csv`, the web
/// import): the flat CSV (<see cref="BudgetCsv"/>) or an .xlsx export of SIPD or KRISNA/SAKTI (<see cref="BudgetExport"/>).
/// </summary>
public static class BudgetFiles
{
    /// <summary>A CSV, or an .xlsx that is not a Kinerja workbook.</summary>
    public static bool IsBudgetFile(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || BudgetExport.IsExport(path);

    /// <summary>The lines of a budget file alone (for `check` and `budget` on the file itself).</summary>
    public static IReadOnlyList<BudgetLine> ReadLines(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? BudgetCsv.Read(path) : BudgetExport.Read(path).Lines;

    /// <summary>
    /// The workbook with its budget replaced by the file's. A CSV replaces sheet Anggaran as it is. An export is tied
    /// to the plan (<see cref="BudgetTie"/>) and replaces sheet Anggaran, or, when its title names the Perjanjian Kinerja,
    /// the budget of that PK version (sheet AnggaranPK).
    /// </summary>
    public static AppliedBudget Apply(PerformanceDataset data, string path)
    {
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            return new AppliedBudget(data with { Budget = BudgetCsv.Read(path) }, null, null);
        using var stream = File.OpenRead(path);
        return Apply(data, BudgetExport.Read(stream, Path.GetFileName(path)));
    }

    public static AppliedBudget Apply(PerformanceDataset data, BudgetExportResult export)
    {
        if (export.IsPk)
        {
            var version = data.PkVersions.FirstOrDefault(v => v.Id == export.PkVersion);
            if (version is not null)
            {
                var replaced = data.PkVersions.Select(v => v == version ? v with { Budget = export.PkLines } : v).ToList();
                return new AppliedBudget(data with { PkVersions = replaced }, export, null);
            }
        }

        var tie = BudgetTie.Tie(data, export.Lines);
        return new AppliedBudget(data with { Budget = tie.Lines }, export, tie);
    }
}
