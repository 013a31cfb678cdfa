using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Workbook;

/// <summary>Reads and writes the JSON form of the workbook (docs/workbook-format.md).</summary>
public static class JsonWorkbook
{
    public static RawWorkbook Read(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataImporter.Unreadable(path, e);
        }

        return Read(json, Path.GetFileName(path));
    }

    public static RawWorkbook Read(string json, string fileName)
    {
        var raw = new RawWorkbook { FileName = fileName, IsJson = true };
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new WorkbookImportException([new ImportError(new SourceLocation(fileName, "(berkas)", (int)(e.LineNumber ?? 0) + 1, "", Json: false), "JSON tidak sah: " + e.Message)]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new WorkbookImportException([new ImportError(new SourceLocation(fileName, "(berkas)", 0, "", Json: true), "isi JSON harus berupa objek")]);
            if (root.TryGetProperty("profile", out var profile) && profile.ValueKind == JsonValueKind.Object)
            {
                raw.HasProfile = true;
                foreach (var p in profile.EnumerateObject())
                    raw.Profile[p.Name] = new RawCell(Text(p.Value), new SourceLocation(fileName, "profile", 0, p.Name, Json: true));
            }

            foreach (var sheet in WorkbookSchema.Sheets)
            {
                if (!root.TryGetProperty(sheet.Json, out var array) || array.ValueKind != JsonValueKind.Array)
                    continue;
                var rows = new List<RawRow>();
                var index = 0;
                foreach (var item in array.EnumerateArray())
                {
                    index++;
                    var row = new RawRow { Row = index, SheetName = sheet.Json };
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var p in item.EnumerateObject())
                            row.Cells[p.Name] = new RawCell(Text(p.Value), new SourceLocation(fileName, sheet.Json, index, p.Name, Json: true));
                    }

                    rows.Add(row);
                }

                raw.Sheets[sheet.Json] = rows;
            }
        }

        return raw;
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

                array.Add(item);
            }

            root[sheet.Json] = array;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
