using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kinerja.Documents.Budget;

/// <summary>
/// The cells of every sheet of an .xlsx as text by row and column (0-based column, 1-based row), for reading files
/// whose layout is recognised by their text (finance exports). A merged range's value fills the cells of its first
/// row, so a header spanning columns names each of them; the rows below a vertical merge stay blank, so an amount is
/// never counted twice.
/// </summary>
internal static class Grid
{
    public sealed record Cell(string Text, bool IsNumber);

    public sealed record Sheet(string Name, Dictionary<int, Dictionary<int, Cell>> Rows);

    public static List<Sheet> Load(SpreadsheetDocument document)
    {
        var result = new List<Sheet>();
        var workbook = document.WorkbookPart;
        if (workbook?.Workbook.Sheets is null)
            return result;
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        foreach (var sheet in workbook.Workbook.Sheets.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>())
        {
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                continue;
            var rows = new Dictionary<int, Dictionary<int, Cell>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var index = (int)(row.RowIndex?.Value ?? 0);
                var cells = new Dictionary<int, Cell>();
                var next = 0;
                foreach (var cell in row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : next;
                    next = column + 1;
                    var (text, number) = TextOf(cell, shared);
                    if (text.Length > 0)
                        cells[column] = new Cell(text, number);
                }

                if (cells.Count > 0)
                    rows[index] = cells;
            }

            foreach (var merge in part.Worksheet.Descendants<MergeCell>())
            {
                if (merge.Reference?.Value?.Split(':') is not [var from, var to])
                    continue;
                var (row, first) = (RowOf(from), ColumnOf(from));
                var last = ColumnOf(to);
                if (!rows.TryGetValue(row, out var cells) || !cells.TryGetValue(first, out var value))
                    continue;
                for (var column = first + 1; column <= last; column++)
                    cells.TryAdd(column, value);
            }

            result.Add(new Sheet(sheet.Name?.Value ?? "", rows));
        }

        return result;
    }

    private static (string Text, bool Number) TextOf(DocumentFormat.OpenXml.Spreadsheet.Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return (cell.InlineString?.InnerText ?? "", false);
        var raw = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
            return (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at < shared.Count ? shared[at] : "", false);
        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error)
            return (raw, false);
        return (raw, raw.Length > 0);
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
                break;
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column - 1;
    }

    private static int RowOf(string reference) =>
        int.Parse(new string(reference.SkipWhile(char.IsAsciiLetter).ToArray()), CultureInfo.InvariantCulture);
}
