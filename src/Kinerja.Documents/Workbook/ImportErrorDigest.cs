namespace Kinerja.Documents.Workbook;

/// <summary>
/// The errors of a refused file as a reader can take them in. One wrong header or one refused indicator can give an
/// error on each of thousands of rows (every cell under an untitled column, every target of an unknown indicator):
/// the first few of each column and of each row are shown with their places, the rest are counted per column
/// and closed by one line "dan N kesalahan lain". Nothing is hidden without being counted.
/// </summary>
public static class ImportErrorDigest
{
    /// <summary>At most this many errors of one column of one sheet are shown.</summary>
    public const int PerColumn = 3;

    /// <summary>At most this many errors of one row of one sheet are shown.</summary>
    public const int PerRow = 3;

    /// <summary>At most this many errors of one file are shown in all.</summary>
    public const int PerFile = 30;

    public static IReadOnlyList<string> Lines(IReadOnlyList<ImportError> errors)
    {
        var lines = new List<string>();
        var byColumn = new Dictionary<(string File, string Sheet, string Column), int>();
        var byRow = new Dictionary<(string File, string Sheet, int Row), int>();
        var byFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var hidden = new Dictionary<(string File, string Sheet, string Column), (int Count, int First, int Last, SourceLocation Place)>();
        foreach (var error in errors)
        {
            var at = error.Location;
            var column = (at.File, at.Sheet, at.Column);
            var row = (at.File, at.Sheet, at.Row);
            var shownInColumn = byColumn.GetValueOrDefault(column);
            var shownInRow = at.Row > 0 ? byRow.GetValueOrDefault(row) : 0;
            var shownInFile = byFile.GetValueOrDefault(at.File);
            if (shownInColumn < PerColumn && shownInRow < PerRow && shownInFile < PerFile)
            {
                lines.Add(error.ToString());
                byColumn[column] = shownInColumn + 1;
                if (at.Row > 0)
                    byRow[row] = shownInRow + 1;
                byFile[at.File] = shownInFile + 1;
                continue;
            }

            hidden[column] = hidden.TryGetValue(column, out var h)
                ? (h.Count + 1, Math.Min(h.First, at.Row), Math.Max(h.Last, at.Row), h.Place)
                : (1, at.Row, at.Row, at with { Row = 0, CellReference = null });
        }

        if (hidden.Count == 0)
            return lines;
        // the columns with most of the rest first, so the cause shows at the top
        foreach (var (count, first, last, place) in hidden.Values.OrderByDescending(h => h.Count).Take(5))
        {
            // a JSON list names its items by index (realisasi[5]), a sheet by row number
            string Row(int row) => place.Json ? $"{place.Sheet}[{row - 1}]" : "baris " + row;
            var rows = first > 0 ? first == last ? ", " + Row(first) : $", {Row(first)} sampai {Row(last)}" : "";
            lines.Add($"{place}: dan {count} kesalahan lain di sini{rows}");
        }

        var total = hidden.Values.Sum(h => h.Count);
        lines.Add($"dan {total} kesalahan lain (seluruhnya {errors.Count} kesalahan); perbaiki yang disebut di atas lalu ulangi");
        return lines;
    }
}
