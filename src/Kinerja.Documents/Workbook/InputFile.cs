using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Workbook;

/// <summary>What every reader checks about the file it is given before it opens it, and the refusals they share.</summary>
public static class InputFile
{
    /// <summary>
    /// Refuses a path that is not a readable file: a folder (<c>kinerja compute samples/</c>) or nothing at all, with
    /// the path as typed (a folder has no file name of its own to show).
    /// </summary>
    public static void Require(string path, string what = "berkas workbook")
    {
        if (Directory.Exists(path))
        {
            // the workbooks inside, as examples of what to write instead
            var inside = Directory.EnumerateFiles(path).Where(f => f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).Take(2).ToList();
            var hint = inside.Count == 0 ? "folder ini tidak berisi berkas .xlsx atau .json" : "sebut berkasnya, mis. " + string.Join(" atau ", inside);
            throw new WorkbookImportException([new ImportError(new SourceLocation(path, SourceLocation.WholeFile, 0, ""), $"adalah folder, bukan {what}; {hint}")]);
        }

        if (!File.Exists(path))
            throw new WorkbookImportException([new ImportError(new SourceLocation(Shown(path), SourceLocation.WholeFile, 0, ""), "berkas tidak ditemukan")]);
    }

    /// <summary>Reads the file with <paramref name="read"/> once <see cref="Require"/> lets it through.</summary>
    public static T RequireThen<T>(string path, Func<T> read)
    {
        Require(path);
        return read();
    }

    private static string Shown(string path) => Path.GetFileName(path) is { Length: > 0 } name ? name : path;

    /// <summary>
    /// The message for budget figures whose sum or ratio is beyond a decimal (<see cref="Domain.Budget.BudgetOverflow"/>),
    /// naming each line with its place in the file.
    /// </summary>
    public static string BudgetOverflowMessage(string what, IEnumerable<BudgetLine> lines, Func<BudgetLine, string> place) =>
        $"{what} tidak dapat dihitung: hasilnya melebihi {IndonesianNumber.Largest}, angka terbesar yang dapat disimpan tepat; baris: " +
        string.Join("; ", lines.Select(l => $"{(l.Code.Length > 0 ? l.Code : l.Name)} ({place(l)}, pagu {IndonesianNumber.FormatWhole(l.Pagu)}, realisasi {IndonesianNumber.FormatWhole(l.Realisasi)})")) +
        "; periksa angka yang terlalu besar";
}
