using Kinerja.Domain.Budget;
using Kinerja.Documents.Workbook;
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

/// <summary>
/// Writes a budget back into a workbook's raw cells (sheet Anggaran, or one PK version's rows of sheet AnggaranPK), so
/// an import of a finance export goes through the same preview and commit as a workbook import: the stored workbook
/// with its budget replaced. Each cell is located at the export's own file, sheet and row.
/// </summary>
public static class BudgetSheet
{
    public static RawWorkbook WithBudget(RawWorkbook raw, AppliedBudget applied)
    {
        var export = applied.Export ?? throw new ArgumentException("no export to write", nameof(applied));
        var copy = new RawWorkbook { FileName = raw.FileName, IsJson = raw.IsJson, HasProfile = raw.HasProfile };
        foreach (var (key, cell) in raw.Profile)
            copy.Profile[key] = cell;
        foreach (var (sheet, rows) in raw.Sheets)
            copy.Sheets[sheet] = [.. rows];
        if (applied.Tie is null)
        {
            // the PK's budget: that version's rows replaced, the other versions' rows kept
            var version = export.PkVersion.Code;
            var kept = (copy.Sheets.GetValueOrDefault("pkBudget") ?? []).Where(r => r.Cells.GetValueOrDefault("version")?.Text != version).ToList();
            var pk = applied.Data.PkVersions.Single(v => v.Id == export.PkVersion).Budget;
            copy.Sheets["pkBudget"] = [.. kept, .. pk.Select(l => Row(export, "AnggaranPK", l.SourceRow, new()
            {
                ["version"] = version, ["code"] = l.Code, ["name"] = l.Name, ["parent"] = l.ParentCode, ["level"] = l.Level, ["pagu"] = Amount(l.Pagu), ["goals"] = Funds(l.Funds),
            }))];
            return copy;
        }

        copy.Sheets["budget"] = applied.Data.Budget.Select(l => Row(export, "Anggaran", l.SourceRow, new()
        {
            ["code"] = l.Code, ["name"] = l.Name, ["parent"] = l.ParentCode, ["depth"] = l.Depth?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["level"] = l.Level,
            ["pagu"] = l.IsHeading ? null : Amount(l.Pagu), ["blokir"] = l.Blokir is { } b ? Amount(b) : null, ["realisasi"] = l.IsHeading ? null : Amount(l.Realisasi),
            ["realisasiTw1"] = Quarter(l, 0), ["realisasiTw2"] = Quarter(l, 1), ["realisasiTw3"] = Quarter(l, 2), ["realisasiTw4"] = Quarter(l, 3),
            ["printedAbsorption"] = l.PrintedAbsorption is { } p ? Kinerja.Domain.Values.IndonesianNumber.Format(p, PrintedPercent.DecimalsOf(p)) + "%" : null,
            ["goals"] = Funds(l.Funds),
        })).ToList();
        return copy;
    }

    private static string? Quarter(BudgetLine line, int index) => line.QuarterlyRealisasi.Count > index ? Amount(line.QuarterlyRealisasi[index]) : null;

    private static string Amount(decimal value) => Kinerja.Domain.Values.IndonesianNumber.Format(value, value == decimal.Truncate(value) ? 0 : 2);

    private static string? Funds(IReadOnlyList<string> funds) => funds.Count == 0 ? null : string.Join(";", funds);

    private static RawRow Row(BudgetExportResult export, string sheetTitle, int sourceRow, Dictionary<string, string?> cells)
    {
        var row = new RawRow(cells.Count) { Row = sourceRow, SheetName = sheetTitle };
        foreach (var (key, text) in cells)
        {
            if (!string.IsNullOrEmpty(text))
                row.Cells[key] = new RawCell(text, new SourceLocation(export.FileName, export.Sheet, sourceRow, key));
        }

        return row;
    }
}
