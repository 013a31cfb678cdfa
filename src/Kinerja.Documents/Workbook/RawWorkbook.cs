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

public sealed record RawCell
{
    // a big workbook has hundreds of thousands of cells and almost none is ever named in an error: readers give a
    // cell its column's origin and its row, and the location is made only when someone asks for it
    private SourceLocation? _location;
    private readonly CellOrigin? _origin;
    private readonly int _row;

    public RawCell(string? text, SourceLocation location)
    {
        Text = text;
        _location = location;
    }

    internal RawCell(string? text, CellOrigin origin, int row)
    {
        Text = text;
        _origin = origin;
        _row = row;
    }

    public string? Text { get; init; }

    public SourceLocation Location
    {
        get => _location ??= _origin!.At(_row);
        init => _location = value;
    }

    public void Deconstruct(out string? text, out SourceLocation location)
    {
        text = Text;
        location = Location;
    }
}

/// <summary>What every cell of one column of one sheet shares: the row completes its <see cref="SourceLocation"/>.</summary>
internal sealed class CellOrigin(string file, string sheet, string column, string? letters = null, bool json = false)
{
    public SourceLocation At(int row) => new(file, sheet, row, column, letters is null ? null : letters + row, json);
}

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

    public bool IsEmpty
    {
        get
        {
            foreach (var cell in Cells.Values)
            {
                if (!string.IsNullOrWhiteSpace(cell.Text))
                    return false;
            }

            return true;
        }
    }
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
