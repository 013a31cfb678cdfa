using System.Text.Json.Nodes;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Measurement;

namespace Kinerja.Cli.Tests;

/// <summary>Settings live in the agency profile, not in code: the same data reads differently under another agency's habits.</summary>
public class ProfileSettingTests
{
    private static JsonObject Banjar() => JsonNode.Parse(File.ReadAllText(Samples.Path("banjar-2025.json")))!.AsObject();

    private static PerformanceResult Compute(JsonObject json) =>
        PerformanceCalculator.Compute(DatasetImporter.Import(JsonWorkbook.Read(json.ToJsonString(), "banjar-ubah.json")));

    [Fact]
    public void A_custom_predicate_scale_from_the_Predikat_sheet_replaces_the_preset()
    {
        var json = Banjar();
        json["profile"]!["predicateScale"] = "SkalaDinas";
        json["predicateScales"] = new JsonArray(
            new JsonObject { ["scale"] = "SkalaDinas", ["threshold"] = "100", ["inclusive"] = "Ya", ["label"] = "Memuaskan" },
            new JsonObject { ["scale"] = "SkalaDinas", ["threshold"] = "85", ["label"] = "Cukup" },
            new JsonObject { ["scale"] = "SkalaDinas", ["label"] = "Perlu Perbaikan" });
        var result = Compute(json);
        Assert.Equal("Memuaskan", result.Row("IK-1").Predicate); // 131,71
        Assert.Equal("Cukup", result.Row("IKT-1").Predicate); // 98,19
        Assert.Equal("Perlu Perbaikan", result.Row("IK-16").Predicate); // 82,22
    }

    [Fact]
    public void A_custom_scale_with_a_gap_at_the_bottom_is_refused_at_import()
    {
        var json = Banjar();
        json["profile"]!["predicateScale"] = "Berlubang";
        json["predicateScales"] = new JsonArray(new JsonObject { ["scale"] = "Berlubang", ["threshold"] = "90", ["label"] = "Baik" });
        var error = Assert.Throws<WorkbookImportException>(() => Compute(json));
        Assert.Contains("predicateScales[0].threshold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Method_A_for_lower_is_better_changes_the_Banjar_TPT_to_98_15()
    {
        var json = Banjar();
        // the TPT indicator names method B itself; remove that so the agency default applies
        foreach (var indicator in json["indicators"]!.AsArray())
        {
            if ((string?)indicator!["code"] == "IKT-1")
                indicator.AsObject().Remove("lowerMethod");
        }

        json["profile"]!["lowerIsBetterMethod"] = "A";
        Assert.Equal("98,15%", CapaianDisplay.Text(Compute(json).Profile, Compute(json).Row("IKT-1").Capaian));
        json["profile"]!["lowerIsBetterMethod"] = "B";
        Assert.Equal("98,19%", CapaianDisplay.Text(Compute(json).Profile, Compute(json).Row("IKT-1").Capaian));
    }

    [Fact]
    public void A_cap_of_120_and_truncation_change_only_the_display()
    {
        var json = Banjar();
        json["profile"]!["capaianCap"] = "120";
        json["profile"]!["rounding"] = "Truncate";
        var result = Compute(json);
        Assert.Equal("120,00%", CapaianDisplay.Text(result.Profile, result.Row("IK-1").Capaian));
        Assert.Equal(131.71m, decimal.Round(result.Row("IK-1").Capaian.Uncapped, 2));
        Assert.Equal("98,18%", CapaianDisplay.Text(result.Profile, result.Row("IKT-1").Capaian));
    }
}
