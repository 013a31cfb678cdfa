using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Workbook;

/// <summary>Reads and writes the JSON form of the workbook (docs/workbook-format.md).</summary>
public static class JsonWorkbook
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static RawWorkbook Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataImporter.Unreadable(path, e);
        }

        // UTF-8 as written (the usual file) is parsed as it is, without a copy as a .NET string; a UTF-16 or UTF-32
        // file says so by its byte order mark and is decoded exactly. Anything else is refused: bytes that are not
        // UTF-8 (a file saved as Windows-1252 or Latin-1, where "–" is 0x96) would become U+FFFD in names and notes
        // without a word, so the file is sent back to be saved as UTF-8 instead
        var utf8 = bytes.AsMemory();
        if (utf8.Span.StartsWith("\uFEFF"u8))
            utf8 = utf8[3..];
        var unicodeMark = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]);
        if (!unicodeMark && System.Text.Unicode.Utf8.IsValid(utf8.Span))
            return Read(Path.GetFileName(path), () => JsonDocument.Parse(utf8, Options));
        if (!unicodeMark)
            throw NotUtf8(Path.GetFileName(path), utf8.Span, bytes.Length - utf8.Length);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        return Read(reader.ReadToEnd(), Path.GetFileName(path));
    }

    /// <summary>The first byte that is not UTF-8, with its line, so the user can find the character to fix.</summary>
    private static WorkbookImportException NotUtf8(string fileName, ReadOnlySpan<byte> bytes, int offset)
    {
        var valid = 0;
        while (valid < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[valid..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
                break;
            valid += consumed;
        }

        var line = bytes[..valid].Count((byte)'\n') + 1;
        var at = valid < bytes.Length ? $" pada byte ke-{offset + valid + 1} (0x{bytes[valid]:X2})" : "";
        return new WorkbookImportException([new ImportError(new SourceLocation(fileName, SourceLocation.WholeFile, line, ""), $"berkas JSON bukan teks UTF-8{at}, mungkin disimpan sebagai ANSI/Windows-1252 atau Latin-1; huruf seperti \"–\" atau \"é\" akan terbaca salah, jadi berkas tidak dibaca: simpan ulang sebagai UTF-8 (mis. Notepad: Simpan Sebagai > Pengodean UTF-8)")]);
    }

    public static RawWorkbook Read(string json, string fileName) => Read(fileName, () => JsonDocument.Parse(json, Options));

    private static RawWorkbook Read(string fileName, Func<JsonDocument> parse)
    {
        var raw = new RawWorkbook { FileName = fileName, IsJson = true };
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException e)
        {
            throw new WorkbookImportException([new ImportError(new SourceLocation(fileName, "(berkas)", (int)(e.LineNumber ?? 0) + 1, "", Json: false), $"JSON tidak sah{(e.BytePositionInLine is { } at ? $" pada karakter ke-{at + 1}" : "")}: periksa tanda kutip, koma, titik dua dan kurung di sekitarnya")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new WorkbookImportException([new ImportError(new SourceLocation(fileName, "(berkas)", 0, "", Json: true), "isi JSON harus berupa objek")]);
            // as the .xlsx refuses a column it does not know, the JSON refuses a property it does not know:
            // a misspelt "realisai" or "tagret" would otherwise be dropped without a word
            var errors = new List<ImportError>();
            var seenSections = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var section in root.EnumerateObject())
            {
                var location = new SourceLocation(fileName, section.Name, 0, "", Json: true);
                if (!seenSections.Add(section.Name))
                    errors.Add(new ImportError(location, $"bagian \"{section.Name}\" ada dua kali"));
                else if (section.Name != "$schema" && !string.Equals(section.Name, "profile", StringComparison.OrdinalIgnoreCase) && !WorkbookSchema.Sheets.Any(s => string.Equals(s.Json, section.Name, StringComparison.OrdinalIgnoreCase)))
                    errors.Add(new ImportError(location, $"bagian \"{section.Name}\" tidak dikenal; bagian yang sah: profile, {string.Join(", ", WorkbookSchema.Sheets.Select(s => s.Json))}"));
            }

            if (root.TryGetProperty("profile", out var profile))
            {
                if (profile.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new ImportError(new SourceLocation(fileName, "profile", 0, "", Json: true), "bagian \"profile\" harus berupa objek"));
                }
                else
                {
                    raw.HasProfile = true;
                    foreach (var p in profile.EnumerateObject())
                    {
                        var location = new SourceLocation(fileName, "profile", 0, p.Name, Json: true);
                        // the logo's data URI is far longer than a cell holds: it becomes an image, never a cell, in a .xlsx
                        var text = string.Equals(p.Name, "logo", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : Text(p.Value, location, errors);
                        if (!raw.Profile.TryAdd(p.Name, new RawCell(text, location)))
                            errors.Add(new ImportError(location, $"kunci \"{p.Name}\" ada dua kali"));
                    }
                }
            }

            foreach (var sheet in WorkbookSchema.Sheets)
            {
                if (!root.TryGetProperty(sheet.Json, out var array))
                    continue;
                if (array.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(new ImportError(new SourceLocation(fileName, sheet.Json, 0, "", Json: true), $"bagian \"{sheet.Json}\" harus berupa daftar [ ... ]"));
                    continue;
                }

                var rows = new List<RawRow>(array.GetArrayLength());
                // the same few property names repeat on every row: each is matched to its column once per sheet
                var properties = new Dictionary<string, (ColumnSpec? Column, CellOrigin Origin)>(StringComparer.Ordinal);
                var index = 0;
                foreach (var item in array.EnumerateArray())
                {
                    index++;
                    var isObject = item.ValueKind == JsonValueKind.Object;
                    var row = new RawRow(isObject ? item.GetPropertyCount() : 0) { Row = index, SheetName = sheet.Json };
                    if (isObject)
                    {
                        foreach (var p in item.EnumerateObject())
                        {
                            if (!properties.TryGetValue(p.Name, out var property))
                                properties[p.Name] = property = (sheet.ByHeader(p.Name), new CellOrigin(fileName, sheet.Json, p.Name, json: true));
                            var column = property.Column;
                            if (column is null)
                            {
                                errors.Add(new ImportError(property.Origin.At(index), $"properti \"{p.Name}\" tidak dikenal; yang sah: {string.Join(", ", sheet.Columns.Select(c => c.Json))}"));
                                continue;
                            }

                            var cell = new RawCell(Text(p.Value, property.Origin, index, errors), property.Origin, index);
                            if (!row.Cells.TryAdd(column.Json, cell))
                                errors.Add(new ImportError(cell.Location, $"properti \"{column.Json}\" ada dua kali"));
                        }
                    }
                    else if (item.ValueKind != JsonValueKind.Null)
                    {
                        errors.Add(new ImportError(new SourceLocation(fileName, sheet.Json, index, "", Json: true), "setiap baris harus berupa objek { ... }"));
                    }

                    rows.Add(row);
                }

                raw.Sheets[sheet.Json] = rows;
            }

            if (errors.Count > 0)
                throw new WorkbookImportException(errors);
        }

        return raw;
    }

    private static string? Text(JsonElement value, CellOrigin origin, int row, List<ImportError> errors)
    {
        var text = Text(value, out var problem);
        if (problem is not null)
            errors.Add(new ImportError(origin.At(row), problem));
        return text;
    }

    private static string? Text(JsonElement value, SourceLocation location, List<ImportError> errors)
    {
        var text = Text(value, out var problem);
        if (problem is not null)
            errors.Add(new ImportError(location, problem));
        return text;
    }

    /// <summary>A value's text, or null with the reason it cannot be taken.</summary>
    private static string? Text(JsonElement value, out string? problem)
    {
        problem = null;
        string? text;
        try
        {
            text = Text(value);
        }
        catch (InvalidOperationException)
        {
            // a "\uD800" escape without its other half cannot become a .NET string
            problem = "teks berisi karakter Unicode rusak (separuh pasangan surrogate); ketik ulang teks itu";
            return null;
        }

        if (text is not null && CellText.Problem(text) is { } refused)
        {
            problem = refused;
            return null;
        }

        return text;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        // a JSON number is exact and unambiguous: write it with a decimal comma so the Indonesian parser reads it as is;
        // one beyond decimal (1e400) stays as typed, so the importer refuses it at its JSON path instead of rounding it
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? IndonesianNumber.FromNumberCell(number) : value.GetRawText(),
        JsonValueKind.True => "Ya",
        JsonValueKind.False => "Tidak",
        JsonValueKind.Array => string.Join(";", value.EnumerateArray().Select(Text)),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    public static string Write(RawWorkbook raw)
    {
        var root = new JsonObject();
        var profile = new JsonObject();
        foreach (var key in WorkbookSchema.ProfileKeys)
        {
            if (raw.Profile.TryGetValue(key.Json, out var cell) && !string.IsNullOrWhiteSpace(cell.Text))
                profile[key.Json] = cell.Text;
        }

        root["profile"] = profile;
        foreach (var sheet in WorkbookSchema.Sheets)
        {
            // an empty sheet and a missing section mean the same: leave it out
            if (!raw.Sheets.TryGetValue(sheet.Json, out var rows) || rows.Count == 0)
                continue;
            var array = new JsonArray();
            foreach (var row in rows)
            {
                var item = new JsonObject();
                foreach (var column in sheet.Columns)
                {
                    if (row.Cells.TryGetValue(column.Json, out var cell) && !string.IsNullOrWhiteSpace(cell.Text))
                        item[column.Json] = cell.Text;
                }

                array.Add((JsonNode)item); // the non-generic overload: no reflection, trimming-safe
            }

            root[sheet.Json] = array;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
