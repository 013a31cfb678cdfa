using Kinerja.Documents.Workbook;

namespace Kinerja.Cli.Tests;

/// <summary>A sample workbook changed cell by cell and written back as .xlsx through the OpenXML SDK, as a user would edit it.</summary>
public sealed class SampleWorkbook
{
    private readonly RawWorkbook _raw;

    private SampleWorkbook(RawWorkbook raw) => _raw = raw;

    public static SampleWorkbook Of(string sample) => new(XlsxWorkbook.Read(Samples.Path(sample)));

    /// <summary>Sets a cell of the first row of a sheet (JSON name) whose <paramref name="keyColumn"/> cells match.</summary>
    public SampleWorkbook Set(string sheet, Func<RawRow, bool> where, string column, string? text)
    {
        var row = _raw.Sheets[sheet].First(where);
        row.Cells[column] = new RawCell(text, new SourceLocation(_raw.FileName, row.SheetName, row.Row, column));
        return this;
    }

    public SampleWorkbook Set(string sheet, string keyColumn, string key, string column, string? text) =>
        Set(sheet, r => r.Cells.GetValueOrDefault(keyColumn)?.Text == key, column, text);

    /// <summary>Appends a row to a sheet (created when missing).</summary>
    public SampleWorkbook Add(string sheet, params (string Column, string Text)[] cells)
    {
        if (!_raw.Sheets.TryGetValue(sheet, out var rows))
            _raw.Sheets[sheet] = rows = [];
        var spec = WorkbookSchema.Sheets.Single(s => s.Json == sheet);
        var row = new RawRow { Row = rows.Count + 2, SheetName = spec.Sheet };
        foreach (var (column, text) in cells)
            row.Cells[column] = new RawCell(text, new SourceLocation(_raw.FileName, spec.Sheet, row.Row, column));
        rows.Add(row);
        return this;
    }

    public string Write(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        XlsxWorkbook.Write(_raw, path);
        return path;
    }
}
