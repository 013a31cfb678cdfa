using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kinerja.Documents.Tests.Budget;

/// <summary>
/// Writes a one-sheet .xlsx as a finance system would export it, for the import tests: each row a list of cells (a
/// string is a text cell, a decimal a number cell, null a blank), with merged ranges.
/// </summary>
internal static class ExportSheet
{
    public static string Write(string sheetName, IReadOnlyList<object?[]> rows, params string[] merges)
    {
        var path = Samples.TempFile(".xlsx");
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = Kinerja.Documents.Workbook.XlsxWorkbook.ColumnLetter(c) + (r + 1);
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case decimal number:
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number });
                        break;
                    case var text:
                        row.Append(new Cell { CellReference = reference, InlineString = new InlineString(new Text(Convert.ToString(text, CultureInfo.InvariantCulture)!)), DataType = CellValues.InlineString });
                        break;
                }
            }

            data.Append(row);
        }

        var worksheet = new Worksheet(data);
        if (merges.Length > 0)
            worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        part.Worksheet = worksheet;
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = sheetName }));
        workbook.Workbook.Save();
        return path;
    }

    /// <summary>An amount the Indonesian way, as SIPD prints it in a text cell: 6.771.413.758,00.</summary>
    public static string Rupiah(decimal value) => Kinerja.Domain.Values.IndonesianNumber.Format(value, 2);
}
