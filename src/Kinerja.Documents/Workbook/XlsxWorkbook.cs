using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using System.Xml;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Workbook;

/// <summary>Reads and writes the .xlsx form of the workbook with the OpenXML SDK.</summary>
public static class XlsxWorkbook
{
    /// <summary>
    /// Reads the workbook's own sheets by streaming each part's XML (SAX-style, an <see cref="XmlReader"/> on the SDK's
    /// part stream): one pass, no document tree and no element objects, so a big agency or a sheet formatted down to
    /// row 1.048.576 reads fast in bounded memory. (The SDK's OpenXmlReader builds an object per element and took
    /// 5 s of CPU for a million formatted empty rows; this reader's cost is the XML pass itself.)
    /// Every problem found is collected with its cell before the file is refused.
    /// </summary>
    public static RawWorkbook Read(string path)
    {
        var fileName = Path.GetFileName(path);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or NotSupportedException)
        {
            // the SDK's own reason is English ("File contains corrupted data."): say what to do instead
            throw WholeFile(fileName, "bukan berkas .xlsx yang sah: isinya rusak atau bukan buku kerja Excel; buka dan simpan ulang sebagai .xlsx di Excel atau LibreOffice");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataImporter.Unreadable(path, e);
        }

        try
        {
            using (document)
                return Read(document, fileName);
        }
        catch (Exception e) when (e is System.Xml.XmlException or OpenXmlPackageException or InvalidDataException or FileFormatException or NotSupportedException)
        {
            // a part whose XML is broken (a raw control character, a cut-off file): refused, never a crash
            var where = e is System.Xml.XmlException { LineNumber: > 0 } xml ? $" (XML rusak pada baris {xml.LineNumber}, posisi {xml.LinePosition})" : "";
            throw WholeFile(fileName, $"isi .xlsx rusak dan tidak dapat dibaca{where}; buka dan simpan ulang di Excel atau LibreOffice");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataImporter.Unreadable(path, e);
        }
    }

    private static WorkbookImportException WholeFile(string fileName, string message) =>
        new([new ImportError(new SourceLocation(fileName, SourceLocation.WholeFile, 0, ""), message)]);

    private static RawWorkbook Read(SpreadsheetDocument document, string fileName)
    {
        var raw = new RawWorkbook { FileName = fileName, IsJson = false };
        var workbookPart = document.WorkbookPart ?? throw WholeFile(fileName, "berkas .xlsx tanpa workbook (mungkin dokumen Word atau PowerPoint yang diberi akhiran .xlsx)");
        var errors = new List<ImportError>();
        var styles = CellStyles.Of(workbookPart);
        List<string>? shared = null;
        // the sheet each of our sheets was read from: "Realisasi" and "REALISASI" both name sheet Realisasi
        var readFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sheet in workbookPart.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            var name = sheet.Name?.Value ?? "";
            var isProfile = string.Equals(name, WorkbookSchema.ProfileSheet, StringComparison.OrdinalIgnoreCase);
            var spec = WorkbookSchema.Sheets.FirstOrDefault(s => string.Equals(s.Sheet, name, StringComparison.OrdinalIgnoreCase));
            if (!isProfile && spec is null)
                continue; // "Petunjuk" and the user's own sheets are not read at all
            // Excel itself refuses two names that differ only in case, other tools do not: reading one of them (or
            // both, one over the other) would silently drop rows the user sees, so the file is refused instead
            var canonical = isProfile ? WorkbookSchema.ProfileSheet : spec!.Sheet;
            if (readFrom.TryGetValue(canonical, out var first))
            {
                errors.Add(new ImportError(new SourceLocation(fileName, name, 0, "(sheet)"), $"sheet \"{name}\" dan sheet \"{first}\" hanya berbeda huruf besar/kecil; keduanya dibaca sebagai sheet {canonical}, jadi tidak jelas mana yang berlaku: satukan isinya di satu sheet lalu hapus atau ganti nama yang lain"));
                continue;
            }

            readFrom[canonical] = name;
            // a chart sheet or dialog sheet has no cells: harmless beside our sheets, wrong in place of one
            if (sheet.Id?.Value is not { } id || !workbookPart.TryGetPartById(id, out var part) || part is not WorksheetPart worksheetPart)
            {
                errors.Add(new ImportError(new SourceLocation(fileName, name, 0, "(sheet)"), $"sheet \"{name}\" bukan lembar kerja berisi sel (mis. lembar grafik); isi data di lembar kerja biasa"));
                continue;
            }

            shared ??= SharedStrings(workbookPart);
            var reader = new SheetReader(fileName, name, shared, styles, errors);
            if (isProfile)
            {
                raw.HasProfile = true;
                reader.Read(worksheetPart, (rowNumber, values) =>
                {
                    if (rowNumber <= 1 || values.GetValueOrDefault("A") is not { } key || string.IsNullOrWhiteSpace(key))
                        return;
                    var profileKey = WorkbookSchema.ProfileKeys.FirstOrDefault(k => string.Equals(k.Header, key.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(k.Json, key.Trim(), StringComparison.OrdinalIgnoreCase));
                    raw.Profile[profileKey?.Json ?? key.Trim()] = new RawCell(values.GetValueOrDefault("B"), new SourceLocation(fileName, name, rowNumber, key.Trim(), "B" + rowNumber));
                });
                if (XlsxLogo.Read(worksheetPart, fileName, name) is { } logo)
                    raw.Profile["logo"] = logo;
                foreach (var (key, cell) in raw.Profile)
                {
                    if (cell.Location.CellReference is { } reference && ParseReference(reference) is { } at && !string.IsNullOrWhiteSpace(cell.Text) && reader.HiddenBy(at.Row, at.Column) is { } merged)
                        errors.Add(new ImportError(cell.Location, MergedMessage(key, merged)));
                }

                continue;
            }

            var columns = new Dictionary<string, (string Json, CellOrigin Origin)>(StringComparer.Ordinal);
            var letterOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var rows = new List<RawRow>();
            var inOrder = true;
            reader.Read(worksheetPart, (rowNumber, values) =>
            {
                if (rowNumber == 1)
                {
                    foreach (var (letter, text) in values)
                    {
                        if (string.IsNullOrWhiteSpace(text))
                            continue;
                        var column = spec!.ByHeader(text);
                        if (column is null)
                        {
                            errors.Add(new ImportError(new SourceLocation(fileName, name, 1, text, letter + "1"), $"kolom \"{text}\" tidak dikenal; kolom yang sah: {string.Join(", ", spec.Columns.Select(c => c.Header))}"));
                            continue;
                        }

                        // two headers for one column ("Nilai" twice, or "Nilai" and "value"): which one holds the data is a guess
                        if (letterOf.TryGetValue(column.Json, out var earlier))
                        {
                            errors.Add(new ImportError(new SourceLocation(fileName, name, 1, text, letter + "1"), $"kolom \"{column.Header}\" ada dua kali: {earlier}1 dan {letter}1; hapus salah satu"));
                            continue;
                        }

                        letterOf[column.Json] = letter;
                        columns[letter] = (column.Json, new CellOrigin(fileName, name, column.Header, letter));
                        reader.Headers[letter] = column.Header;
                    }

                    return;
                }

                var row = new RawRow(columns.Count) { Row = rowNumber, SheetName = name };
                foreach (var (letter, text) in values)
                {
                    if (columns.TryGetValue(letter, out var column))
                        row.Cells[column.Json] = new RawCell(text, column.Origin, rowNumber);
                    else if (!string.IsNullOrWhiteSpace(text))
                        errors.Add(new ImportError(new SourceLocation(fileName, name, rowNumber, letter, letter + rowNumber), "isi di kolom tanpa judul kolom"));
                }

                if (row.IsEmpty)
                    return;
                // columns present in the header but empty in this row still get a location for "required" errors
                foreach (var column in columns.Values)
                    row.Cells.TryAdd(column.Json, new RawCell(null, column.Origin, rowNumber));
                if (rows.Count > 0 && rows[^1].Row > rowNumber)
                    inOrder = false;
                rows.Add(row);
            });
            MergedCells(reader, letterOf, rows, errors);
            // rows are in order in any file Excel writes; a hand-made file may list them otherwise
            raw.Sheets[spec!.Json] = inOrder ? rows : [.. rows.OrderBy(r => r.Row)];
        }

        if (errors.Count > 0)
            throw new WorkbookImportException(errors);
        return raw;
    }

    /// <summary>
    /// Merged cells (Excel's "Merge &amp; Center") show only their top-left cell. A value in any other cell of the
    /// range is invisible in Excel yet would be read; a top-left value of a range over several data rows looks like
    /// the value of every row yet belongs to the first one. Both are refused at the cell, never read silently.
    /// </summary>
    private static void MergedCells(SheetReader reader, Dictionary<string, string> letterOf, List<RawRow> rows, List<ImportError> errors)
    {
        if (reader.Merged.Count == 0)
            return;
        var columnOf = letterOf.ToDictionary(p => p.Key, p => ColumnIndex(p.Value), StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            foreach (var (json, cell) in row.Cells)
            {
                if (string.IsNullOrWhiteSpace(cell.Text) || !columnOf.TryGetValue(json, out var column))
                    continue;
                if (reader.HiddenBy(row.Row, column) is { } hidden)
                {
                    errors.Add(new ImportError(cell.Location, MergedMessage(cell.Location.Column, hidden)));
                }
                else if (reader.TopLeftOf(row.Row, column) is { LastRow: var last } range && last > range.FirstRow)
                {
                    errors.Add(new ImportError(cell.Location, $"sel gabungan {range} melintasi baris {range.FirstRow} sampai {last}: nilainya tampak di setiap baris itu tetapi hanya tersimpan di baris {range.FirstRow}; batalkan gabungan sel (Unmerge) dan isi setiap baris sendiri"));
                }
            }
        }
    }

    private static string MergedMessage(string what, MergedRange range) =>
        $"nilai {what} tersembunyi di bawah sel gabungan {range} (hanya sel kiri atas {ColumnLetter(range.FirstColumn)}{range.FirstRow} yang tampak di Excel); batalkan gabungan sel (Unmerge), periksa nilai itu, lalu simpan ulang";

    /// <summary>"C7" as (row 7, column 2).</summary>
    private static (int Row, int Column)? ParseReference(string reference)
    {
        var split = 0;
        while (split < reference.Length && char.IsAsciiLetter(reference[split]))
            split++;
        if (split == 0 || !int.TryParse(reference.AsSpan(split), NumberStyles.None, CultureInfo.InvariantCulture, out var row))
            return null;
        return (row, ColumnIndex(reference[..split]));
    }

    /// <summary>"A" is 0, "Z" 25, "AA" 26.</summary>
    private static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters)
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    /// <summary>One merged range of a sheet, by 1-based rows and 0-based columns.</summary>
    private sealed record MergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
    {
        public static MergedRange? Parse(string reference)
        {
            var parts = reference.Split(':');
            if (parts.Length != 2 || ParseReference(parts[0]) is not { } from || ParseReference(parts[1]) is not { } to)
                return null;
            return new(Math.Min(from.Row, to.Row), Math.Min(from.Column, to.Column), Math.Max(from.Row, to.Row), Math.Max(from.Column, to.Column));
        }

        public bool Contains(int row, int column) => row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;

        public override string ToString() => $"{ColumnLetter(FirstColumn)}{FirstRow}:{ColumnLetter(LastColumn)}{LastRow}";
    }

    /// <summary>
    /// The shared string table, streamed with an <see cref="XmlReader"/> (the SDK's own part stream, no element
    /// objects): rich text runs joined, phonetic guides (rPh) left out.
    /// </summary>
    private static List<string> SharedStrings(WorkbookPart workbookPart)
    {
        var result = new List<string>();
        if (workbookPart.SharedStringTablePart is not { } part)
            return result;
        using var xml = OpenXml(part);
        var names = new SheetNames(xml.NameTable);
        var text = new System.Text.StringBuilder();
        var phonetic = 0;
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                var name = xml.LocalName;
                if ((object)name == names.Si)
                {
                    text.Clear();
                    if (xml.IsEmptyElement)
                        result.Add("");
                }
                else if ((object)name == names.RPh && !xml.IsEmptyElement)
                {
                    phonetic++;
                }
                else if ((object)name == names.T && phonetic == 0)
                {
                    text.Append(xml.ReadElementContentAsString());
                    continue;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement)
            {
                var name = xml.LocalName;
                if ((object)name == names.Si)
                    result.Add(text.ToString());
                else if ((object)name == names.RPh)
                    phonetic--;
            }

            xml.Read();
        }

        return result;
    }

    private static XmlReader OpenXml(OpenXmlPart part) =>
        XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true });

    /// <summary>The element names of SpreadsheetML, atomised once so each comparison is a reference check.</summary>
    private sealed class SheetNames(XmlNameTable table)
    {
        public string Row { get; } = table.Add("row");

        public string C { get; } = table.Add("c");

        public string V { get; } = table.Add("v");

        public string F { get; } = table.Add("f");

        public string Is { get; } = table.Add("is");

        public string T { get; } = table.Add("t");

        public string RPh { get; } = table.Add("rPh");

        public string Si { get; } = table.Add("si");

        public string R { get; } = table.Add("r");

        public string S { get; } = table.Add("s");

        public string MergeCell { get; } = table.Add("mergeCell");

        public string Ref { get; } = table.Add("ref");
    }

    /// <summary>The number formats that matter for reading: percentages (value x 100) and dates (refused).</summary>
    private sealed class CellStyles
    {
        public HashSet<uint> Percent { get; } = [];

        public Dictionary<uint, string> Date { get; } = [];

        public static CellStyles Of(WorkbookPart workbookPart)
        {
            var styles = new CellStyles();
            var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
            var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList();
            if (formats is null)
                return styles;
            var custom = stylesheet!.NumberingFormats?.Elements<NumberingFormat>()
                .Where(n => n.NumberFormatId?.Value is not null)
                .GroupBy(n => n.NumberFormatId!.Value)
                .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
            for (var i = 0; i < formats.Count; i++)
            {
                var id = formats[i].NumberFormatId?.Value ?? 0;
                var code = custom.GetValueOrDefault(id);
                if (id is 9 or 10 || code?.Contains('%') == true)
                    styles.Percent.Add((uint)i);
                else if (id is >= 14 and <= 22 or >= 45 and <= 47 || (code is not null && IsDateFormat(code)))
                    styles.Date[(uint)i] = code ?? "";
            }

            return styles;
        }

        /// <summary>A custom format that shows a date or time: d, m, y, h or s outside quotes, brackets and escapes.</summary>
        private static bool IsDateFormat(string code)
        {
            var inQuotes = false;
            for (var i = 0; i < code.Length; i++)
            {
                var c = code[i];
                if (c == '"')
                    inQuotes = !inQuotes;
                else if (inQuotes)
                    continue;
                else if (c is '\\' or '_' or '*')
                    i++;
                else if (c == '[')
                {
                    var close = code.IndexOf(']', i);
                    // [h], [mm], [ss] are elapsed time; [Red] or [$-421] are colours and locales
                    if (close > i && code[(i + 1)..close].ToLowerInvariant() is "h" or "hh" or "m" or "mm" or "s" or "ss")
                        return true;
                    i = close < 0 ? code.Length : close;
                }
                else if (char.ToLowerInvariant(c) is 'd' or 'm' or 'y' or 'h' or 's' or 'e')
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Streams one sheet row by row, handing each row's non-empty cell texts by column letter to a callback.</summary>
    private sealed class SheetReader(string fileName, string sheetName, List<string> shared, CellStyles styles, List<ImportError> errors)
    {
        /// <summary>Column headers by letter, once the header row is read: errors name the column as the user titled it.</summary>
        public Dictionary<string, string> Headers { get; } = new(StringComparer.Ordinal);

        /// <summary>The merged ranges of the sheet (&lt;mergeCell ref="A2:B3"/&gt;, after the cells in the XML).</summary>
        public List<MergedRange> Merged { get; } = [];

        /// <summary>The merged range that covers (<paramref name="row"/>, <paramref name="column"/>) without starting there.</summary>
        public MergedRange? HiddenBy(int row, int column) =>
            Merged.FirstOrDefault(m => m.Contains(row, column) && !(m.FirstRow == row && m.FirstColumn == column));

        /// <summary>The merged range whose top-left cell this is.</summary>
        public MergedRange? TopLeftOf(int row, int column) => Merged.FirstOrDefault(m => m.FirstRow == row && m.FirstColumn == column);

        public void Read(WorksheetPart part, Action<int, Dictionary<string, string?>> onRow)
        {
            // an XmlReader over the part: a million formatted empty rows cost a pass over their XML and nothing more
            using var xml = OpenXml(part);
            var names = new SheetNames(xml.NameTable);
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            var rowNumber = 0;
            var cell = new CellState();
            var inlineText = new System.Text.StringBuilder();
            // most inline strings are one run: its text is taken as read, without a copy through the builder
            string? firstRun = null;
            var runs = 0;
            var phonetic = 0;
            var inInline = false;
            var inCell = false;
            void EndRow()
            {
                // the callback copies what it keeps: one dictionary serves every row
                if (values.Count > 0)
                {
                    onRow(rowNumber, values);
                    values.Clear();
                }
            }

            void EndCell()
            {
                inCell = false;
                var text = CellText(cell, runs switch { 0 => "", 1 => firstRun!, _ => inlineText.ToString() });
                if (!string.IsNullOrEmpty(text))
                    values[cell.Letters] = text;
                inlineText.Clear();
                firstRun = null;
                runs = 0;
            }

            xml.Read();
            while (!xml.EOF)
            {
                if (xml.NodeType == XmlNodeType.Element)
                {
                    var name = xml.LocalName;
                    if ((object)name == names.Row)
                    {
                        // "r" is optional: a row without it follows the one before
                        var number = 0;
                        while (xml.MoveToNextAttribute())
                        {
                            if ((object)xml.LocalName == names.R && xml.Prefix.Length == 0 && !int.TryParse(AttributeValue(xml), NumberStyles.None, CultureInfo.InvariantCulture, out number))
                                number = 0;
                        }

                        xml.MoveToElement();
                        rowNumber = number > 0 ? number : rowNumber + 1;
                        cell.LastColumn = -1;
                        if (xml.IsEmptyElement)
                            EndRow();
                    }
                    else if ((object)name == names.C)
                    {
                        // the attributes are read as characters, not strings: a big sheet has a million cells
                        cell.Start(rowNumber);
                        while (xml.MoveToNextAttribute())
                        {
                            if (xml.Prefix.Length > 0)
                                continue;
                            var attribute = xml.LocalName;
                            if ((object)attribute == names.R)
                                cell.SetReference(AttributeValue(xml));
                            else if ((object)attribute == names.T)
                                cell.SetType(AttributeValue(xml));
                            else if ((object)attribute == names.S)
                                cell.SetStyle(AttributeValue(xml));
                        }

                        xml.MoveToElement();
                        cell.EndStart();
                        inCell = true;
                        if (xml.IsEmptyElement)
                            EndCell();
                    }
                    else if (inCell && (object)name == names.V)
                    {
                        cell.Value = xml.ReadElementContentAsString();
                        continue;
                    }
                    else if (inCell && (object)name == names.F)
                    {
                        cell.HasFormula = true;
                    }
                    else if (inCell && (object)name == names.Is)
                    {
                        cell.IsInline = true;
                        inInline = !xml.IsEmptyElement;
                    }
                    else if ((object)name == names.MergeCell)
                    {
                        while (xml.MoveToNextAttribute())
                        {
                            if ((object)xml.LocalName == names.Ref && xml.Prefix.Length == 0 && MergedRange.Parse(xml.Value) is { } range)
                                Merged.Add(range);
                        }

                        xml.MoveToElement();
                    }
                    else if (inInline && (object)name == names.RPh && !xml.IsEmptyElement)
                    {
                        phonetic++;
                    }
                    else if (inInline && (object)name == names.T && phonetic == 0)
                    {
                        var run = xml.ReadElementContentAsString();
                        if (runs == 0)
                            firstRun = run;
                        else if (runs == 1)
                            inlineText.Append(firstRun).Append(run);
                        else
                            inlineText.Append(run);
                        runs++;
                        continue;
                    }
                }
                else if (xml.NodeType == XmlNodeType.EndElement)
                {
                    var name = xml.LocalName;
                    if ((object)name == names.Row)
                        EndRow();
                    else if ((object)name == names.C)
                        EndCell();
                    else if ((object)name == names.Is)
                        inInline = false;
                    else if ((object)name == names.RPh)
                        phonetic--;
                }

                xml.Read();
            }

            EndRow();
        }

        private char[] _attribute = new char[32];

        /// <summary>The current attribute's value, copied into a reused buffer (no string per attribute).</summary>
        private ReadOnlySpan<char> AttributeValue(XmlReader xml)
        {
            var length = 0;
            while (true)
            {
                if (length == _attribute.Length)
                    Array.Resize(ref _attribute, length * 2);
                var read = xml.ReadValueChunk(_attribute, length, _attribute.Length - length);
                if (read == 0)
                    return _attribute.AsSpan(0, length);
                length += read;
            }
        }

        private SourceLocation Location(CellState cell) => new(fileName, sheetName, cell.Row, Headers.GetValueOrDefault(cell.Letters) ?? cell.Letters, cell.Letters + cell.Row);

        private string? CellText(CellState cell, string inlineText)
        {
            string? text;
            if (cell.IsInline || cell.Type == "inlineStr")
            {
                text = inlineText;
            }
            else if (cell.Value is null)
            {
                if (cell.HasFormula)
                    errors.Add(new ImportError(Location(cell), "sel berisi rumus tanpa nilai tersimpan; buka dan simpan berkas di Excel atau LibreOffice agar nilainya dihitung, atau ketik nilainya"));
                return null;
            }
            else
            {
                switch (cell.Type)
                {
                    case "s":
                        if (!int.TryParse(cell.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= shared.Count)
                        {
                            errors.Add(new ImportError(Location(cell), $"sel menunjuk teks bersama nomor {cell.Value} yang tidak ada; berkas rusak, simpan ulang di Excel"));
                            return null;
                        }

                        text = shared[index];
                        break;
                    case "b":
                        return cell.Value == "1" ? "Ya" : "Tidak";
                    case "str" or "e":
                        text = cell.Value;
                        break;
                    default:
                        return NumberText(cell);
                }
            }

            text = DecodeEscapes(text);
            if (text.Length > 0 && Workbook.CellText.Problem(text) is { } problem)
            {
                errors.Add(new ImportError(Location(cell), problem));
                return null;
            }

            return text;
        }

        /// <summary>A numeric cell as exact decimal text with a decimal comma, so it cannot be read as thousands.</summary>
        private string? NumberText(CellState cell)
        {
            var text = cell.Value!.Trim();
            if (cell.Style is { } style && styles.Date.ContainsKey(style))
            {
                // the workbook has no date columns: a date here is a number or period typed into a date-formatted cell
                var serial = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
                var shown = serial is >= 1 and < 2958466 ? DateTime.FromOADate(serial).ToString(serial % 1 == 0 ? "dd-MM-yyyy" : "dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture) : text;
                errors.Add(new ImportError(Location(cell), $"sel berformat tanggal ({shown}), disimpan Excel sebagai nomor seri {text}; workbook ini tidak memakai tanggal: ubah format sel menjadi Umum/Angka dan ketik nilainya (mis. 2025 atau 2025-TW1)"));
                return null;
            }

            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return text; // beyond decimal (1e308): the importer refuses it as typed, at this cell
            if (cell.Style is { } percentStyle && styles.Percent.Contains(percentStyle))
            {
                try
                {
                    return IndonesianNumber.FromNumberCell(number * 100m) + "%";
                }
                catch (OverflowException)
                {
                    return text;
                }
            }

            return IndonesianNumber.FromNumberCell(number);
        }

        /// <summary>Excel writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x): read them back.</summary>
        private static string DecodeEscapes(string text)
        {
            if (!text.Contains("_x", StringComparison.Ordinal))
                return text;
            return System.Text.RegularExpressions.Regex.Replace(text, "_x([0-9A-Fa-f]{4})_", m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
        }
    }

    /// <summary>The cell being read: its attributes and value, reset at each &lt;c&gt;.</summary>
    private sealed class CellState
    {
        public int Row { get; private set; }

        public string Letters { get; private set; } = "";

        public string? Type { get; private set; }

        public uint? Style { get; private set; }

        public string? Value { get; set; }

        public bool HasFormula { get; set; }

        public bool IsInline { get; set; }

        public int LastColumn { get; set; } = -1;

        public void Start(int row)
        {
            Row = row;
            Type = null;
            Style = null;
            Value = null;
            HasFormula = false;
            IsInline = false;
            _letters = null;
        }

        private string? _letters;

        /// <summary>The column of a reference ("C12" is column C): its letters, upper case, as one shared string per column.</summary>
        public void SetReference(ReadOnlySpan<char> reference)
        {
            var letterCount = 0;
            while (letterCount < reference.Length && char.IsAsciiLetter(reference[letterCount]))
                letterCount++;
            if (letterCount == 0)
            {
                _letters = null;
                return;
            }

            var index = 0;
            for (var i = 0; i < letterCount; i++)
                index = (index * 26) + ((reference[i] & ~0x20) - 'A' + 1);
            index--;
            // three letters reach past Excel's last column (XFD); a longer "reference" is kept as written
            _letters = letterCount <= 3 ? CachedColumnLetter(index) : reference[..letterCount].ToString().ToUpperInvariant();
            LastColumn = index;
        }

        public void SetType(ReadOnlySpan<char> type) => Type = type switch
        {
            "s" => "s",
            "n" => "n",
            "b" => "b",
            "str" => "str",
            "e" => "e",
            "inlineStr" => "inlineStr",
            _ => type.ToString(),
        };

        public void SetStyle(ReadOnlySpan<char> style) =>
            Style = uint.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;

        /// <summary>"r" is optional: a cell without it follows the one before in its row.</summary>
        public void EndStart()
        {
            if (_letters is null)
                LastColumn++;
            Letters = _letters ?? (LastColumn is >= 0 and < 18278 ? CachedColumnLetter(LastColumn) : ColumnLetter(LastColumn));
        }

        private static readonly string?[] ColumnLetters = new string?[18278];

        private static string CachedColumnLetter(int index) => ColumnLetters[index] ??= ColumnLetter(index);
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

        WorksheetPart AddSheet(string name, IReadOnlyList<ColumnSpec> columns, IEnumerable<IReadOnlyList<string?>> rows, bool withValidation)
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
            return part;
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

        _ = AddSheet("Petunjuk", [new("item", "Bagian", ""), new("note", "Keterangan", "")], guide, false);
        // the logo is an image on the sheet, not its base64 text (a cell holds at most 32.767 characters)
        var logo = raw.Profile.GetValueOrDefault("logo")?.Text;
        var logoAsImage = logo is not null && logo.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase);
        var profileRows = WorkbookSchema.ProfileKeys.Select(k => (IReadOnlyList<string?>)[k.Header, k.Json == "logo" && logoAsImage ? null : raw.Profile.GetValueOrDefault(k.Json)?.Text]);
        var profilePart = AddSheet(WorkbookSchema.ProfileSheet, [new("key", "Kunci", "Nama pengaturan"), new("value", "Nilai", "Nilai pengaturan; lihat sheet Petunjuk")], profileRows, true);
        if (logoAsImage)
            XlsxLogo.Write(profilePart, logo);
        foreach (var sheet in WorkbookSchema.Sheets)
        {
            var rows = raw.Sheets.GetValueOrDefault(sheet.Json) ?? [];
            _ = AddSheet(sheet.Sheet, sheet.Columns, rows.Select(row => (IReadOnlyList<string?>)sheet.Columns.Select(c => row.Cells.GetValueOrDefault(c.Json)?.Text).ToList()), true);
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
