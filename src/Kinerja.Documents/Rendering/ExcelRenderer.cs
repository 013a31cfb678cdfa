using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Documents.Reports;

namespace Kinerja.Documents.Rendering;

/// <summary>
/// Every table of a report as an Excel sheet ("Tabel 3.2"). Numbers are real numeric cells
/// holding the value the report prints (rounded the agency's way), so a sum in Excel agrees with
/// the document. Percentages are stored as fractions (0,9819) with the format "0.00%": Excel and
/// LibreOffice then show 98,19% in an Indonesian locale and 98.19% in an English one, and
/// formulas treat the cell as a percentage. A format cannot force Indonesian separators: the file
/// format always writes codes with "," for thousands and "." for decimals, and the viewer's
/// locale decides what is shown. Text cells keep "N/A" and "-" as text.
/// </summary>
public static class ExcelRenderer
{
    // style indexes in the stylesheet below
    private const uint Plain = 0;
    private const uint Title = 1;
    private const uint Header = 2;
    private const uint TextCell = 3;
    private const uint AmountCell = 4;
    private const uint DecimalCell2 = 5;
    private const uint PercentCell2 = 6;
    private const uint PercentCell0 = 7;
    private const uint NoteCell = 8;
    private const uint BoldText = 9;
    private const uint BoldAmount = 10;
    private const uint BoldPercent2 = 11;

    public static void Write(ReportDocument report, string path)
    {
        using var stream = File.Create(path);
        Write(report, stream);
    }

    public static void Write(ReportDocument report, Stream stream)
    {
        using var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        styles.Stylesheet.Save();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        var tables = report.Tables.ToList();
        if (tables.Count == 0)
            tables.Add(new ReportTable("1", "Tidak ada tabel", [new ReportColumn("Keterangan", 60)], [new ReportRow(["Laporan ini tidak memuat tabel."])]));
        foreach (var table in tables)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = Sheet(table);
            part.Worksheet.Save();
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(table) });
        }

        workbook.Workbook.Save();
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    public static string SheetName(ReportTable table)
    {
        var name = table.Label;
        foreach (var c in ":\\/?*[]")
            name = name.Replace(c, '-');
        return name.Length > 31 ? name[..31] : name;
    }

    private static Worksheet Sheet(ReportTable table)
    {
        var data = new SheetData();
        uint r = 1;
        data.Append(new Row(TextValue(Ref(0, r), table.Label + " " + table.Caption, Title)) { RowIndex = r });
        r += 2;
        var header = new Row { RowIndex = r };
        for (var i = 0; i < table.Columns.Count; i++)
            header.Append(TextValue(Ref(i, r), table.Columns[i].Header, Header));
        data.Append(header);
        foreach (var row in table.Rows)
        {
            r++;
            var xrow = new Row { RowIndex = r };
            var bold = row.Kind != RowKind.Normal;
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var cell = i < row.Cells.Count ? row.Cells[i] : ReportCell.Empty;
                xrow.Append(CellFor(Ref(i, r), cell, bold));
            }

            data.Append(xrow);
        }

        foreach (var note in table.Notes)
        {
            r++;
            data.Append(new Row(TextValue(Ref(0, r), note, NoteCell)) { RowIndex = r });
        }

        var columns = new Columns(table.Columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = Math.Clamp(c.Width * 1.1, 8, 70),
            CustomWidth = true,
        }));
        return new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 3, TopLeftCell = "A4", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            columns, data);
    }

    private static Cell CellFor(string reference, ReportCell cell, bool bold)
    {
        if (cell.Number is not { } number || cell.Kind == CellKind.Text)
            return TextValue(reference, cell.Text, bold ? BoldText : TextCell);
        var (value, style) = cell.Kind switch
        {
            CellKind.Percent => (number / 100m, cell.Decimals == 0 ? PercentCell0 : bold ? BoldPercent2 : PercentCell2),
            CellKind.Amount => (number, bold ? BoldAmount : AmountCell),
            _ => (number, DecimalCell2),
        };
        return new Cell
        {
            CellReference = reference,
            StyleIndex = style,
            CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
            DataType = CellValues.Number,
        };
    }

    private static Cell TextValue(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        StyleIndex = style,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    public static string Ref(int column, uint row)
    {
        var name = "";
        var n = column + 1;
        while (n > 0)
        {
            var m = (n - 1) % 26;
            name = (char)('A' + m) + name;
            n = (n - 1) / 26;
        }

        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    private static Stylesheet Stylesheet()
    {
        var numberFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "0.00%" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "0%" })
        { Count = 4 };
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Arial" }),
            new Font(new Italic(), new FontSize { Val = 9 }, new FontName { Val = "Arial" }))
        { Count = 3 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E2F3" }) { PatternType = PatternValues.Solid }))
        { Count = 3 };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2 };
        CellFormat Format(uint numFmt, uint font, uint fill, uint border, bool wrap = false, HorizontalAlignmentValues? align = null)
        {
            var format = new CellFormat { NumberFormatId = numFmt, FontId = font, FillId = fill, BorderId = border, FormatId = 0 };
            if (numFmt != 0)
                format.ApplyNumberFormat = true;
            if (font != 0)
                format.ApplyFont = true;
            if (fill != 0)
                format.ApplyFill = true;
            if (border != 0)
                format.ApplyBorder = true;
            if (wrap || align is not null)
            {
                format.ApplyAlignment = true;
                format.Append(new Alignment { WrapText = wrap, Horizontal = align, Vertical = VerticalAlignmentValues.Top });
            }

            return format;
        }

        var formats = new CellFormats(
            Format(0, 0, 0, 0),
            Format(0, 1, 0, 0),
            Format(0, 1, 2, 1, wrap: true, align: HorizontalAlignmentValues.Center),
            Format(0, 0, 0, 1, wrap: true),
            Format(164, 0, 0, 1),
            Format(165, 0, 0, 1),
            Format(166, 0, 0, 1),
            Format(167, 0, 0, 1),
            Format(0, 2, 0, 0),
            Format(0, 1, 0, 1, wrap: true),
            Format(164, 1, 0, 1),
            Format(166, 1, 0, 1));
        formats.Count = (uint)formats.ChildElements.Count;
        return new Stylesheet(numberFormats, fonts, fills, borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
