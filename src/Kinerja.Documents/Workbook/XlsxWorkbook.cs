using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Workbook;

/// <summary>Reads and writes the .xlsx form of the workbook with the OpenXML SDK.</summary>
public static class XlsxWorkbook
{
    public static RawWorkbook Read(string path)
    {
        var fileName = Path.GetFileName(path);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new WorkbookImportException([new ImportError(new SourceLocation(fileName, "(berkas)", 0, ""), "bukan berkas .xlsx yang sah: " + e.Message)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataImporter.Unreadable(path, e);
        }

        using (document)
        {
            var raw = new RawWorkbook { FileName = fileName, IsJson = false };
            var workbookPart = document.WorkbookPart ?? throw new WorkbookImportException([new ImportError(new SourceLocation(fileName, "(berkas)", 0, ""), "berkas .xlsx tanpa workbook")]);
            var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var percentStyles = PercentStyleIndexes(workbookPart);
            var sheets = workbookPart.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            foreach (var sheet in sheets)
            {
                var name = sheet.Name?.Value ?? "";
                var isOurs = string.Equals(name, WorkbookSchema.ProfileSheet, StringComparison.OrdinalIgnoreCase) || WorkbookSchema.Sheets.Any(s => string.Equals(s.Sheet, name, StringComparison.OrdinalIgnoreCase));
                // a chart sheet or dialog sheet has no cells: harmless beside our sheets, wrong in place of one
                if (sheet.Id?.Value is not { } id || !workbookPart.TryGetPartById(id, out var part) || part is not WorksheetPart { Worksheet: { } worksheet })
                {
                    if (isOurs)
                        throw new WorkbookImportException([new ImportError(new SourceLocation(fileName, name, 0, "(sheet)"), $"sheet \"{name}\" bukan lembar kerja berisi sel (mis. lembar grafik); isi data di lembar kerja biasa")]);
                    continue;
                }

                var cells = ReadCells(worksheet, shared, percentStyles);
                if (string.Equals(name, WorkbookSchema.ProfileSheet, StringComparison.OrdinalIgnoreCase))
                {
                    raw.HasProfile = true;
                    foreach (var (row, values) in cells.Where(r => r.Key > 1))
                    {
                        var key = values.GetValueOrDefault("A");
                        if (string.IsNullOrWhiteSpace(key))
                            continue;
                        var spec = WorkbookSchema.ProfileKeys.FirstOrDefault(k => string.Equals(k.Header, key.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(k.Json, key.Trim(), StringComparison.OrdinalIgnoreCase));
                        var jsonKey = spec?.Json ?? key.Trim();
                        raw.Profile[jsonKey] = new RawCell(values.GetValueOrDefault("B"), new SourceLocation(fileName, name, row, key.Trim(), "B" + row));
                    }

                    continue;
                }

                var spec2 = WorkbookSchema.Sheets.FirstOrDefault(s => string.Equals(s.Sheet, name, StringComparison.OrdinalIgnoreCase));
                if (spec2 is null)
                    continue; // "Petunjuk" and the user's own sheets are ignored
                var header = cells.GetValueOrDefault(1) ?? [];
                var columns = new Dictionary<string, (string Json, string Header)>();
                var letterOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (letter, text) in header)
                {
                    if (string.IsNullOrWhiteSpace(text))
                        continue;
                    var column = spec2.ByHeader(text);
                    if (column is null)
                        throw new WorkbookImportException([new ImportError(new SourceLocation(fileName, name, 1, text, letter + "1"), $"kolom \"{text}\" tidak dikenal; kolom yang sah: {string.Join(", ", spec2.Columns.Select(c => c.Header))}")]);
                    // two headers for one column ("Nilai" twice, or "Nilai" and "value"): which one holds the data is a guess
                    if (letterOf.TryGetValue(column.Json, out var earlier))
                        throw new WorkbookImportException([new ImportError(new SourceLocation(fileName, name, 1, text, letter + "1"), $"kolom \"{column.Header}\" ada dua kali: {earlier}1 dan {letter}1; hapus salah satu")]);
                    letterOf[column.Json] = letter;
                    columns[letter] = (column.Json, column.Header);
                }

                var rows = new List<RawRow>();
                foreach (var (rowNumber, values) in cells.Where(r => r.Key > 1).OrderBy(r => r.Key))
                {
                    var row = new RawRow { Row = rowNumber, SheetName = name };
                    foreach (var (letter, text) in values)
                    {
                        if (columns.TryGetValue(letter, out var column))
                            row.Cells[column.Json] = new RawCell(text, new SourceLocation(fileName, name, rowNumber, column.Header, letter + rowNumber));
                        else if (!string.IsNullOrWhiteSpace(text))
                            throw new WorkbookImportException([new ImportError(new SourceLocation(fileName, name, rowNumber, letter, letter + rowNumber), "isi di kolom tanpa judul kolom")]);
                    }

                    // columns present in the header but empty in this row still get a location for "required" errors
                    foreach (var (letter, column) in columns)
                        row.Cells.TryAdd(column.Json, new RawCell(null, new SourceLocation(fileName, name, rowNumber, column.Header, letter + rowNumber)));
                    if (!row.IsEmpty)
                        rows.Add(row);
                }

                raw.Sheets[spec2.Json] = rows;
            }

            return raw;
        }
    }

    private static HashSet<uint> PercentStyleIndexes(WorkbookPart workbookPart)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList();
        if (formats is null)
            return result;
        var custom = stylesheet!.NumberingFormats?.Elements<NumberingFormat>()
            .Where(n => n.FormatCode?.Value?.Contains('%') == true)
            .Select(n => n.NumberFormatId!.Value).ToHashSet() ?? [];
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            if (id is 9 or 10 || custom.Contains(id))
                result.Add((uint)i);
        }

        return result;
    }

    private static SortedDictionary<int, Dictionary<string, string?>> ReadCells(Worksheet worksheet, List<string> shared, HashSet<uint> percentStyles)
    {
        var result = new SortedDictionary<int, Dictionary<string, string?>>();
        foreach (var cell in worksheet.Descendants<Cell>())
        {
            var reference = cell.CellReference?.Value;
            if (reference is null)
                continue;
            var letters = new string(reference.TakeWhile(char.IsLetter).ToArray());
            var row = int.Parse(reference[letters.Length..], CultureInfo.InvariantCulture);
            if (!result.TryGetValue(row, out var values))
                result[row] = values = [];
            values[letters] = CellText(cell, shared, percentStyles);
        }

        return result;
    }

    private static string? CellText(Cell cell, List<string> shared, HashSet<uint> percentStyles)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return cell.InlineString?.InnerText;
        var text = cell.CellValue?.Text;
        if (text is null)
            return null;
        if (type == CellValues.SharedString)
            return int.TryParse(text, out var i) && i < shared.Count ? shared[i] : null;
        if (type == CellValues.Boolean)
            return text == "1" ? "Ya" : "Tidak";
        if (type == CellValues.String || type == CellValues.Error)
            return text;
        // a numeric cell: exact decimal text, written with a decimal comma so it cannot be read as thousands
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return text;
        if (cell.StyleIndex?.Value is { } style && percentStyles.Contains(style))
            return IndonesianNumber.FromNumberCell(number * 100m) + "%";
        return IndonesianNumber.FromNumberCell(number);
    }

    /// <summary>Writes the workbook with a Petunjuk sheet, bold headers, input prompts and drop-down lists.</summary>
    public static void Write(RawWorkbook raw, string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = BuildStylesheet();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;

        void AddSheet(string name, IReadOnlyList<ColumnSpec> columns, IEnumerable<IReadOnlyList<string?>> rows, bool withValidation)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var columnsElement = new Columns();
            for (var i = 0; i < columns.Count; i++)
                columnsElement.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Clamp(columns[i].Header.Length + 6, 12, 60), CustomWidth = true });
            var header = new Row { RowIndex = 1 };
            for (var i = 0; i < columns.Count; i++)
                header.Append(TextCell(ColumnLetter(i) + "1", columns[i].Header, 1));
            data.Append(header);
            uint r = 2;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = r };
                for (var i = 0; i < values.Count; i++)
                {
                    if (!string.IsNullOrEmpty(values[i]))
                        row.Append(TextCell(ColumnLetter(i) + r, values[i]!, 0));
                }

                data.Append(row);
                r++;
            }

            var worksheet = new Worksheet(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }), columnsElement, data);
            if (withValidation)
            {
                var validations = new DataValidations();
                for (var i = 0; i < columns.Count; i++)
                {
                    var c = columns[i];
                    var range = $"{ColumnLetter(i)}2:{ColumnLetter(i)}5000";
                    var validation = new DataValidation
                    {
                        SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
                        AllowBlank = true,
                        ShowInputMessage = true,
                        PromptTitle = Truncate(c.Header, 32),
                        Prompt = Truncate(c.Note + (c.Required ? " (wajib)" : ""), 255),
                    };
                    if (c.Allowed is { Count: > 0 })
                    {
                        validation.Type = DataValidationValues.List;
                        validation.ShowErrorMessage = true;
                        validation.ErrorTitle = "Nilai tidak sah";
                        validation.Error = "Pilih salah satu: " + string.Join(", ", c.Allowed);
                        validation.Append(new Formula1("\"" + string.Join(",", c.Allowed) + "\""));
                    }

                    validations.Append(validation);
                }

                validations.Count = (uint)columns.Count;
                worksheet.Append(validations);
            }

            part.Worksheet = worksheet;
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = name });
        }

        var guide = new List<IReadOnlyList<string?>>
        {
            new[] { "Workbook Kinerja v1", "Satu instansi, satu tahun pelaporan. Setiap sheet di bawah punya baris judul; isi mulai baris 2. Angka boleh ditulis gaya Indonesia (1.762; 2,71%; 56,40-59,32 %; 3 dari 4; WTP; N/A)." },
        };
        guide.Add(new[] { WorkbookSchema.ProfileSheet, "Pengaturan instansi: pasangan Kunci dan Nilai." });
        foreach (var key in WorkbookSchema.ProfileKeys)
            guide.Add(new[] { "  " + key.Header, key.Note + (key.Allowed is { } a ? " [" + string.Join(", ", a) + "]" : "") });
        foreach (var sheet in WorkbookSchema.Sheets)
        {
            guide.Add(new[] { sheet.Sheet, sheet.Note });
            foreach (var c in sheet.Columns)
                guide.Add(new[] { "  " + c.Header, c.Note + (c.Required ? " (wajib)" : "") + (c.Allowed is { } a ? " [" + string.Join(", ", a) + "]" : "") });
        }

        AddSheet("Petunjuk", [new("item", "Bagian", ""), new("note", "Keterangan", "")], guide, false);
        var profileRows = WorkbookSchema.ProfileKeys.Select(k => (IReadOnlyList<string?>)[k.Header, raw.Profile.GetValueOrDefault(k.Json)?.Text]);
        AddSheet(WorkbookSchema.ProfileSheet, [new("key", "Kunci", "Nama pengaturan"), new("value", "Nilai", "Nilai pengaturan; lihat sheet Petunjuk")], profileRows, true);
        foreach (var sheet in WorkbookSchema.Sheets)
        {
            var rows = raw.Sheets.GetValueOrDefault(sheet.Json) ?? [];
            AddSheet(sheet.Sheet, sheet.Columns, rows.Select(row => (IReadOnlyList<string?>)sheet.Columns.Select(c => row.Cells.GetValueOrDefault(c.Json)?.Text).ToList()), true);
        }

        workbookPart.Workbook.Save();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    public static string ColumnLetter(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            s = (char)('A' + ((n - 1) % 26)) + s;
        return s;
    }

    private static Stylesheet BuildStylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
