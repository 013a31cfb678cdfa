using System.Text.Json.Nodes;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Budget;
using Kinerja.Domain.Measurement;

namespace Kinerja.Cli.Tests;

/// <summary>
/// Issue 12 item 5: Indonesian profile words, unknown JSON properties refused as the .xlsx refuses unknown columns,
/// codes that differ only in case are one code; item 3/4: text no cell can hold is refused at import.
/// </summary>
public sealed class ImportStrictnessTests : WithTempFolder
{
    private static JsonObject Banjar() => JsonNode.Parse(File.ReadAllText(Samples.Path("banjar-2025.json")))!.AsObject();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string Write(JsonObject json, string name = "banjar.json")
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    [Theory]
    [InlineData("rounding", "SetengahKeAtas", "rounding", "HalfUp")]
    [InlineData("rounding", "Potong", "rounding", "Truncate")]
    [InlineData("sasaranAggregation", "RataRata", "sasaranAggregation", "Mean")]
    [InlineData("sasaranAggregation", "Berbobot", "sasaranAggregation", "Weighted")]
    [InlineData("efficiencyMethod", "Rasio", "efficiencyMethod", "Ratio")]
    [InlineData("efficiencyMethod", "Selisih", "efficiencyMethod", "Difference")]
    [InlineData("efficiencyMethod", "Penghematan", "efficiencyMethod", "Savings")]
    public void Indonesian_profile_word_means_the_same_as_the_English_one(string key, string indonesian, string sameKey, string english)
    {
        var withIndonesian = Banjar();
        withIndonesian["profile"]![key] = indonesian;
        var withEnglish = Banjar();
        withEnglish["profile"]![sameKey] = english;

        var a = DatasetImporter.Import(JsonWorkbook.Read(withIndonesian.ToJsonString(), "a.json")).Profile;
        var b = DatasetImporter.Import(JsonWorkbook.Read(withEnglish.ToJsonString(), "b.json")).Profile;

        Assert.Equal((b.Rounding, b.SasaranAggregation, b.EfficiencyMethod), (a.Rounding, a.SasaranAggregation, a.EfficiencyMethod));
    }

    [Fact]
    public void Truncation_by_its_Indonesian_name_cuts_the_Banjar_TPT_to_98_18()
    {
        var json = Banjar();
        json["profile"]!["rounding"] = "Potong";
        var result = PerformanceCalculator.Compute(DatasetImporter.Import(JsonWorkbook.Read(json.ToJsonString(), "banjar.json")));

        // 2,71 / 2,76 with method B = 98,188...%: cut, not rounded up to 98,19
        Assert.Equal("98,18%", CapaianDisplay.Text(result.Profile, result.Row("IKT-1").Capaian));
    }

    [Fact]
    public async Task Misspelt_json_property_is_refused_at_its_path()
    {
        var json = Banjar();
        json["targets"]!.AsArray()[1]!.AsObject()["vaule"] = "40%";
        var (exit, _, err) = await CliHarness.Run("compute", Write(json));

        Assert.Equal(2, exit);
        var line = Assert.Single(Lines(err));
        Assert.StartsWith("kesalahan: banjar.json, targets[1].vaule: properti \"vaule\" tidak dikenal; yang sah: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_json_section_is_refused()
    {
        var json = Banjar();
        json["realisai"] = new JsonArray();
        var (exit, _, err) = await CliHarness.Run("check", Write(json));

        Assert.Equal(2, exit);
        Assert.StartsWith("kesalahan: banjar.json, realisai: bagian \"realisai\" tidak dikenal", Assert.Single(Lines(err)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Known_json_properties_by_their_column_header_are_still_read()
    {
        var json = Banjar();
        var target = json["targets"]!.AsArray()[1]!.AsObject();
        var value = (string?)target["value"];
        target.Remove("value");
        target["Nilai"] = value;
        var (exit, output, _) = await CliHarness.Run("compute", Write(json), "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Contains(";38%;50,05%;", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicator_codes_differing_only_in_case_are_one_code_defined_twice()
    {
        var json = Banjar();
        var copy = json["indicators"]!.AsArray()[1]!.DeepClone().AsObject();
        copy["code"] = ((string)copy["code"]!).ToLowerInvariant();
        json["indicators"]!.AsArray().Add(copy);
        var (exit, _, err) = await CliHarness.Run("check", Write(json));

        Assert.Equal(2, exit);
        var line = Assert.Single(Lines(err));
        Assert.Contains("kode indikator \"IK-1\" dipakai lebih dari sekali (\"IK-1\" dan \"ik-1\" hanya berbeda huruf besar/kecil", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_in_another_case_reads_as_the_code_it_names()
    {
        var json = Banjar();
        foreach (var row in json["realisasi"]!.AsArray())
        {
            if ((string?)row!["indicator"] == "IK-1")
                row["indicator"] = "ik-1";
        }

        var (exit, output, _) = await CliHarness.Run("compute", Write(json), "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Contains("indikator;IK-1;S1;", output, StringComparison.Ordinal);
        Assert.Contains(";38%;50,05%;Computed;131,71%;", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x0000, "U+0000")]
    [InlineData(0x001B, "U+001B")]
    [InlineData(0xFFFE, "U+FFFE")]
    [InlineData(0xD800, "surrogate")]
    public async Task Text_with_a_character_no_document_can_hold_is_refused_in_json_and_xlsx(int character, string named)
    {
        // built here: a lone surrogate does not survive as an attribute argument
        var name = "Dinas" + (char)character + "Tenaga";
        // written as the JSON escape \uXXXX, as a file from another system carries it
        var json = Banjar();
        json["indicators"]!.AsArray()[1]!["name"] = "Dinas@@Tenaga";
        var jsonPath = Path.Combine(Folder, "banjar.json");
        File.WriteAllText(jsonPath, json.ToJsonString().Replace("@@", $"\\u{character:X4}", StringComparison.Ordinal));
        var fromJson = await CliHarness.Run("compute", jsonPath);

        Assert.Equal(2, fromJson.Exit);
        Assert.StartsWith("kesalahan: banjar.json, indicators[1].name: teks berisi karakter", Assert.Single(Lines(fromJson.Err)), StringComparison.Ordinal);
        Assert.Contains(named, fromJson.Err, StringComparison.Ordinal);

        // the same text in a cell of an .xlsx written by the SDK, escaped as Excel escapes what XML cannot hold
        var escaped = string.Concat(name.Select(c => c < ' ' || c == '\uFFFE' || char.IsSurrogate(c) ? $"_x{(int)c:X4}_" : c.ToString()));
        var raw = JsonWorkbook.Read(Samples.Path("banjar-2025.json"));
        var row = raw.Sheets["indicators"][1];
        row.Cells["name"] = row.Cells["name"] with { Text = escaped };
        var xlsxPath = Path.Combine(Folder, "banjar.xlsx");
        XlsxWorkbook.Write(raw, xlsxPath);
        var fromXlsx = await CliHarness.Run("compute", xlsxPath);

        Assert.Equal(2, fromXlsx.Exit);
        Assert.StartsWith("kesalahan: banjar.xlsx, sheet Indikator, baris 3, kolom Nama (C3): teks berisi karakter", Assert.Single(Lines(fromXlsx.Err)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_longer_than_a_cell_holds_is_refused_and_text_at_the_limit_is_taken()
    {
        var json = Banjar();
        json["narratives"]!.AsArray()[0]!["text"] = new string('a', CellText.MaxLength + 1);
        var (exit, _, err) = await CliHarness.Run("compute", Write(json));
        Assert.Equal(2, exit);
        Assert.Equal("kesalahan: banjar.json, narratives[0].text: teks 32.768 karakter, melebihi batas satu sel (32.767 karakter); pendekkan atau bagi ke beberapa baris", Assert.Single(Lines(err)));

        json["narratives"]!.AsArray()[0]!["text"] = new string('a', CellText.MaxLength);
        Assert.Equal(0, (await CliHarness.Run("compute", Write(json))).Exit);
    }
}

/// <summary>Issue 12 item 2: "1,234" for a count satuan has two readings and is refused with both.</summary>
public sealed class CountSatuanDoubtTests : WithTempFolder
{
    private async Task<(int Exit, string Out, string Err)> ComputeWithTarget(string indicator, string value)
    {
        var json = JsonNode.Parse(File.ReadAllText(Samples.Path("banjar-2025.json")))!.AsObject();
        foreach (var target in json["targets"]!.AsArray())
        {
            if ((string?)target!["indicator"] == indicator && (string?)target["period"] == "2025")
                target["value"] = value;
        }

        var path = Path.Combine(Folder, "banjar.json");
        File.WriteAllText(path, json.ToJsonString());
        return await CliHarness.Run("compute", path, "--period", "2025", "--format", "csv");
    }

    [Fact]
    public async Task Comma_with_three_digits_for_people_is_refused_with_both_readings()
    {
        // IK-9 is counted in Orang
        var (exit, _, err) = await ComputeWithTarget("IK-9", "1,234");

        Assert.Equal(2, exit);
        Assert.Contains("\"1,234\" meragukan untuk satuan Orang", err, StringComparison.Ordinal);
        Assert.Contains("dibaca 1,234 bila koma adalah desimal, atau 1.234 bila koma adalah pemisah ribuan", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IK-9", "1.234", "1.234;1.762;Computed;142,79%")]
    [InlineData("IK-1", "38,125%", "38,13%;50,05%;Computed;131,28%")]
    public async Task Unambiguous_numbers_and_percentages_stay_accepted(string indicator, string value, string expected)
    {
        var (exit, output, _) = await ComputeWithTarget(indicator, value);

        Assert.Equal(0, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }
}
