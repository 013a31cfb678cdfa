using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Documents.Workbook;

namespace Kinerja.Cli.Tests;

/// <summary>
/// Issue 11 item 11: docs/workbook-format.md and the template `kinerja template` writes (WorkbookSchema) name the
/// same sheets, columns and profile keys in the same order, and every sheet has an example; the test fails when
/// either drifts.
/// </summary>
public sealed partial class WorkbookFormatDocTests : WithTempFolder
{
    private sealed record DocSheet(string Xlsx, string Json, List<(string Json, string Xlsx)> Columns, List<string> ExampleHeaders, List<List<string>> ExampleRows);

    [GeneratedRegex(@"^## Sheet `(?<xlsx>[^`]+)` / `(?<json>[^`]+)`")]
    private static partial Regex SheetHeading();

    private static List<string> Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToList();

    /// <summary>Each "## Sheet `Xlsx` / `json`" section: its | json | xlsx | meaning | table and the table after "Example".</summary>
    private static List<DocSheet> ReadDoc()
    {
        var lines = File.ReadAllLines(Path.Combine(Samples.Root, "docs", "workbook-format.md"));
        var sheets = new List<DocSheet>();
        for (var i = 0; i < lines.Length; i++)
        {
            var heading = SheetHeading().Match(lines[i]);
            if (!heading.Success)
                continue;
            var end = Array.FindIndex(lines, i + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            end = end < 0 ? lines.Length : end;
            var columns = new List<(string, string)>();
            var header = Array.FindIndex(lines, i, end - i, l => l.Trim() == "| json | xlsx | meaning |");
            Assert.True(header >= 0, $"docs/workbook-format.md: sheet {heading.Groups["xlsx"].Value} has no | json | xlsx | meaning | table");
            for (var r = header + 2; r < end && lines[r].StartsWith('|'); r++)
            {
                var cells = Cells(lines[r]);
                columns.Add((cells[0], cells[1]));
            }

            var example = Array.FindIndex(lines, i, end - i, l => l.StartsWith("Example", StringComparison.Ordinal));
            var exampleHeaders = new List<string>();
            var exampleRows = new List<List<string>>();
            if (example >= 0)
            {
                var table = Array.FindIndex(lines, example, end - example, l => l.StartsWith('|'));
                if (table >= 0)
                {
                    exampleHeaders = Cells(lines[table]);
                    for (var r = table + 2; r < end && lines[r].StartsWith('|'); r++)
                        exampleRows.Add(Cells(lines[r]));
                }
            }

            sheets.Add(new DocSheet(heading.Groups["xlsx"].Value, heading.Groups["json"].Value, columns, exampleHeaders, exampleRows));
        }

        return sheets;
    }

    /// <summary>The template as `kinerja template` writes it, read back with the OpenXML SDK: every sheet's header row, and the Profil keys.</summary>
    private async Task<(Dictionary<string, List<string>> Headers, List<string> ProfileKeys)> ReadTemplate()
    {
        var path = Path.Combine(Folder, "templat.xlsx");
        var (code, _, error) = await CliHarness.Run("template", path);
        Assert.True(code == CliApp.Ok, error);
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var headers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var profileKeys = new List<string>();
        foreach (var sheet in workbook.Workbook!.Sheets!.Elements<Sheet>())
        {
            var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!.Descendants<Row>().ToList();
            headers[sheet.Name!] = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
            if (sheet.Name == WorkbookSchema.ProfileSheet)
                profileKeys = rows.Skip(1).Select(r => r.Elements<Cell>().First().InnerText).ToList();
        }

        return (headers, profileKeys);
    }

    [Fact]
    public async Task The_document_names_every_sheet_and_column_of_the_template_in_order()
    {
        var doc = ReadDoc().Where(s => s.Xlsx != WorkbookSchema.ProfileSheet).ToList();
        var (template, _) = await ReadTemplate();

        Assert.Equal(template.Keys.Where(k => k is not "Petunjuk" and not WorkbookSchema.ProfileSheet).Order(), doc.Select(s => s.Xlsx).Order());
        foreach (var sheet in doc)
        {
            var schema = WorkbookSchema.Sheets.Single(s => s.Sheet == sheet.Xlsx);
            Assert.True(schema.Json == sheet.Json, $"sheet {sheet.Xlsx}: the document says json \"{sheet.Json}\", the schema \"{schema.Json}\"");
            Assert.Equal(template[sheet.Xlsx], sheet.Columns.Select(c => c.Xlsx).ToList());
            Assert.Equal(schema.Columns.Select(c => (c.Json, c.Header)).ToList(), sheet.Columns);
        }
    }

    [Fact]
    public async Task The_document_names_every_profile_key_of_the_template_signatories_included()
    {
        var profile = Assert.Single(ReadDoc(), s => s.Xlsx == WorkbookSchema.ProfileSheet);
        var (template, keys) = await ReadTemplate();

        Assert.Equal(["Kunci", "Nilai"], template[WorkbookSchema.ProfileSheet]);
        Assert.Equal(keys, profile.Columns.Select(c => c.Xlsx).ToList());
        Assert.Equal(WorkbookSchema.ProfileKeys.Select(k => (k.Json, k.Header)).ToList(), profile.Columns);
        Assert.Contains(("superiorName", "Nama Atasan"), profile.Columns);
        Assert.Contains(("signingPlace", "Tempat Penandatanganan"), profile.Columns);
    }

    [Fact]
    public void Every_sheet_has_an_example_in_its_own_columns()
    {
        foreach (var sheet in ReadDoc())
        {
            Assert.True(sheet.ExampleRows.Count > 0, $"sheet {sheet.Xlsx} has no example");
            if (sheet.Xlsx == WorkbookSchema.ProfileSheet)
            {
                Assert.Equal(["Kunci", "Nilai"], sheet.ExampleHeaders);
                Assert.All(sheet.ExampleRows, r => Assert.Contains(r[0], sheet.Columns.Select(c => c.Xlsx)));
                continue;
            }

            Assert.All(sheet.ExampleHeaders, h => Assert.True(sheet.Columns.Any(c => c.Xlsx == h), $"sheet {sheet.Xlsx}: the example's column \"{h}\" is not a column of the sheet"));
            Assert.All(sheet.ExampleRows, r => Assert.Equal(sheet.ExampleHeaders.Count, r.Count));
            // an example a user copies must import: it fills every required column
            foreach (var required in WorkbookSchema.Sheets.Single(s => s.Sheet == sheet.Xlsx).Columns.Where(c => c.Required))
                Assert.True(sheet.ExampleHeaders.Contains(required.Header), $"sheet {sheet.Xlsx}: the example leaves out the required column {required.Header}");
        }
    }
}
