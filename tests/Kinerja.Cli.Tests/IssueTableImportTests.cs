using System.Text.Json.Nodes;
using Kinerja.Documents.Workbook;

namespace Kinerja.Cli.Tests;

/// <summary>Sheets Permasalahan and IsuStrategis (Bab I tables) go through `kinerja convert` both ways and keep every cell, blanks included.</summary>
public sealed class IssueTableImportTests : WithTempFolder
{
    [Fact]
    public async Task Banjar_problem_and_issue_tables_survive_json_to_xlsx_to_json()
    {
        var xlsx = Path.Combine(Folder, "banjar.xlsx");
        var json = Path.Combine(Folder, "banjar.json");
        var there = await CliHarness.Run("convert", Samples.Path("banjar-2025.json"), xlsx);
        Assert.True(there.Exit == 0, there.Err);
        var back = await CliHarness.Run("convert", xlsx, json);
        Assert.True(back.Exit == 0, back.Err);

        var original = JsonNode.Parse(File.ReadAllText(Samples.Path("banjar-2025.json")))!;
        var roundTrip = JsonNode.Parse(File.ReadAllText(json))!;
        foreach (var section in new[] { "problems", "strategicIssues" })
            Assert.True(JsonNode.DeepEquals(original[section], roundTrip[section]), $"{section}: {roundTrip[section]?.ToJsonString()}");

        // the sheets carry the printed headers, a continuation line keeps its blank cells
        var raw = XlsxWorkbook.Read(xlsx);
        var second = raw.Sheets["problems"][1];
        Assert.Equal("Masalah", second.Cells["problem"].Location.Column);
        Assert.Equal("Jaringan pemasaran dan penempatan tenaga kerja belum memadai", second.Cells["problem"].Text);
        Assert.True(!second.Cells.TryGetValue("number", out var number) || number.Text is null);
        var data = DatasetImporter.Import(raw);
        Assert.Equal(11, data.Problems.Count);
        Assert.Equal("Penurunan Tingkat Pengangguran Terbuka Belum Optimal", data.StrategicIssues[0].Issue);
        Assert.Null(data.StrategicIssues[1].Issue);
    }
}
