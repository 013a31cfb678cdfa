namespace Kinerja.Documents.Workbook;

/// <summary>
/// A workbook's content as text cells, the same for .xlsx and .json, before any parsing.
/// Every cell remembers where it came from so an error can name file, sheet, row and column.
/// </summary>
public sealed class RawWorkbook
{
    public required string FileName { get; init; }

    public required bool IsJson { get; init; }

    /// <summary>Profile values by JSON key, with their location.</summary>
    public Dictionary<string, RawCell> Profile { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rows by sheet JSON name (units, plan, ...). A missing sheet has no entry.</summary>
    public Dictionary<string, List<RawRow>> Sheets { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool HasProfile { get; set; }
}

public sealed record RawCell(string? Text, SourceLocation Location);

public sealed class RawRow
{
    public RawRow()
        : this(0)
    {
    }

    /// <summary>A row sized for <paramref name="columns"/> cells, so a big sheet does not regrow every row's dictionary.</summary>
    public RawRow(int columns) => Cells = new(columns, StringComparer.OrdinalIgnoreCase);

    public required int Row { get; init; }

    public required string SheetName { get; init; }

    public Dictionary<string, RawCell> Cells { get; }

    public bool IsEmpty => Cells.Values.All(c => string.IsNullOrWhiteSpace(c.Text));
}

/// <summary>Where a value came from: "file.xlsx, sheet Target, baris 7, kolom Nilai (C)".</summary>
public sealed record SourceLocation(string File, string Sheet, int Row, string Column, string? CellReference = null, bool Json = false)
{
    /// <summary>The sheet name used for errors about the file as a whole (missing, unreadable, wrong type).</summary>
    public const string WholeFile = "(berkas)";

    public override string ToString()
    {
        if (Sheet == WholeFile)
            return Row > 0 ? $"{File}, baris {Row}" : File;
        if (Json)
        {
            var member = string.IsNullOrEmpty(Column) ? "" : "." + Column;
            return Row > 0 ? $"{File}, {Sheet}[{Row - 1}]{member}" : $"{File}, {Sheet}{member}";
        }

        var column = CellReference is null ? Column : $"{Column} ({CellReference})";
        if (Row > 0)
            return string.IsNullOrEmpty(column) ? $"{File}, sheet {Sheet}, baris {Row}" : $"{File}, sheet {Sheet}, baris {Row}, kolom {column}";
        return string.IsNullOrEmpty(column) ? $"{File}, sheet {Sheet}" : $"{File}, sheet {Sheet}, {column}";
    }
}

/// <summary>An import error with its location, in Bahasa Indonesia.</summary>
public sealed record ImportError(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

public sealed class WorkbookImportException(IReadOnlyList<ImportError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} kesalahan; yang pertama: {errors[0]}")
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}
