using System.Text.Json.Nodes;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;

namespace Kinerja.Cli.Tests;

/// <summary>Issue 11 item 8: printed aggregates (sheet AngkaTercetak) are compared with what the engine computes.</summary>
public sealed class PrintedFigureTests : WithTempFolder
{
    private static List<Finding> Findings(PerformanceDataset data, string code) =>
        DatasetValidator.Check(data).Where(f => f.Sheet == "AngkaTercetak" && f.Code == code).ToList();

    private static PerformanceDataset Only(string sample, params PrintedFigure[] figures) =>
        DatasetImporter.Load(Samples.Path(sample)) with { PrintedFigures = figures };

    [Fact]
    public void Kemnaker_SS_2_printed_93_93_is_the_truncated_mean_93_9353_in_a_half_up_report()
    {
        // seed 000 Tabel 3.2: (96,3058 + 100 + 85,50) / 3 = 93,9353; the report rounds half-up elsewhere
        var finding = Assert.Single(Findings(Only("kemnaker-2024.json", new PrintedFigure(PrintedFigureKind.Sasaran, "SS-2", Period2024, "93,93%", "Tabel 3.2")), "SS-2 2024"));
        Assert.Equal("pembulatan", finding.Rule);
        Assert.Contains("93,94%", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Findings(Only("kemnaker-2024.json", new PrintedFigure(PrintedFigureKind.Sasaran, "SS-2", Period2024, "93,94%", null)), "SS-2 2024"));
        var wrong = Assert.Single(Findings(Only("kemnaker-2024.json", new PrintedFigure(PrintedFigureKind.Sasaran, "SS-2", Period2024, "90,93%", null)), "SS-2 2024"));
        Assert.Equal(Severity.Error, wrong.Severity);
        Assert.Contains("seharusnya 93,94%", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kemnaker_agency_67_32_is_reproduced_and_a_wrong_one_is_an_error()
    {
        Assert.Empty(Findings(Only("kemnaker-2024.json", new PrintedFigure(PrintedFigureKind.Instansi, null, Period2024, "67,32%", null)), "instansi 2024"));
        var wrong = Assert.Single(Findings(Only("kemnaker-2024.json", new PrintedFigure(PrintedFigureKind.Instansi, null, Period2024, "76,32%", null)), "instansi 2024"));
        Assert.Equal(PrintedFigureCheck.Rule, wrong.Rule);
        Assert.Contains("seharusnya 67,32%", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Banjar_Tabel_3_5_800_percent_for_1762_of_800_is_an_error_naming_220_25()
    {
        var data = DatasetImporter.Load(Samples.Path("banjar-2025.json"));
        var finding = Assert.Single(Findings(data, "IK-9 2025"), f => f.Message.StartsWith("kemajuan", StringComparison.Ordinal));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("tercetak 800%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("seharusnya 220,25%", finding.Message, StringComparison.Ordinal);
        // 50,05 / 60 = 83,4167, printed truncated 83,41 as the profile's progress rounding says: silent
        Assert.DoesNotContain(DatasetValidator.Check(data), f => f.Sheet == "AngkaTercetak" && f.Code == "IK-1 2025" && f.Message.Contains("kemajuan", StringComparison.Ordinal));
    }

    [Fact]
    public void Banjar_efficiency_1_12_for_100_minus_88_88_is_an_error_naming_11_12_and_46_01_is_silent()
    {
        var data = Only("banjar-2025.json",
            new PrintedFigure(PrintedFigureKind.Efisiensi, "IK-20", Period2025, "1.12%", "Tabel 3.7"),
            new PrintedFigure(PrintedFigureKind.Efisiensi, "IK-1", Period2025, "46.01%", "Tabel 3.7"));
        var finding = Assert.Single(Findings(data, "IK-20 2025"));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("seharusnya 11,12%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("88,88", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Findings(data, "IK-1 2025"));
    }

    [Fact]
    public void The_printed_figures_of_the_samples_survive_xlsx()
    {
        var fromJson = DatasetImporter.Load(Samples.Path("banjar-2025.json"));
        var fromXlsx = DatasetImporter.Load(Samples.Path("banjar-2025.xlsx"));
        Assert.Equal(47, fromJson.PrintedFigures.Count);
        Assert.Equal(fromJson.PrintedFigures.Select(f => (f.Kind, f.Code, f.Period, f.Value)), fromXlsx.PrintedFigures.Select(f => (f.Kind, f.Code, f.Period, f.Value)));
    }

    [Fact]
    public async Task A_printed_figure_for_an_unknown_sasaran_is_refused_where_it_is_written()
    {
        var root = JsonNode.Parse(File.ReadAllText(Samples.Path("kemnaker-2024.json")))!.AsObject();
        root["printedFigures"] = new JsonArray(new JsonObject { ["kind"] = "Sasaran", ["code"] = "SS-9", ["value"] = "90%" });
        var path = Path.Combine(Folder, "kemnaker.json");
        File.WriteAllText(path, root.ToJsonString());
        var (exit, _, err) = await CliHarness.Run("check", path);
        Assert.Equal(2, exit);
        Assert.Contains("printedFigures", err, StringComparison.Ordinal);
        Assert.Contains("\"SS-9\" tidak ada di sheet Rencana", err, StringComparison.Ordinal);
    }

    private static Kinerja.Domain.Values.Period Period2024 => Kinerja.Domain.Values.Period.OfYear(2024);

    private static Kinerja.Domain.Values.Period Period2025 => Kinerja.Domain.Values.Period.OfYear(2025);
}
