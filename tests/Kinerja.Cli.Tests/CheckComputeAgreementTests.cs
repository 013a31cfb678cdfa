using System.Text.Json;

namespace Kinerja.Cli.Tests;

/// <summary>
/// Issue 11 item 2: `check` and `compute` judge the printed capaian on the same figures, with and without
/// the counts of --data, on every sample: a row compute marks as not matching is exactly a row check reports,
/// and check names the capaian compute shows.
/// </summary>
public class CheckComputeAgreementTests
{
    public static TheoryData<string, string?> Samples_with_and_without_data() => new()
    {
        { "banjar-2025.json", null },
        { "banjar-2025.json", "data/banjar-2025.json" },
        { "kemenko-tw1-2026.json", null },
        { "kemenko-tw1-2026.json", "data/kemenko-tw1-2026.json" },
        { "kemnaker-2024.json", null },
        { "kemnaker-2024.json", "data/kemnaker-2024.json" },
        { "pasar-kerja-2021.json", null },
        { "pasar-kerja-2021.json", "data/pasar-kerja-2021.json,data/pasar-kerja-2021-mingguan.csv" },
        { "clean-demo.json", null },
    };

    [Theory]
    [MemberData(nameof(Samples_with_and_without_data))]
    public async Task Check_and_compute_flag_the_same_printed_capaian_with_the_same_figures(string sample, string? data)
    {
        string[] dataArgs = data is null ? [] : ["--data", string.Join(',', data.Split(',').Select(Samples.Path))];
        var compute = await CliHarness.Run(["compute", Samples.Path(sample), "--format", "json", .. dataArgs]);
        Assert.Equal(0, compute.Exit);
        using var json = JsonDocument.Parse(compute.Out);
        var period = json.RootElement.GetProperty("period").GetString();
        var rows = json.RootElement.GetProperty("indicators").EnumerateArray()
            .ToDictionary(r => $"{r.GetProperty("code").GetString()} {period}", r => (Check: r.GetProperty("printedCheck").GetString(), Shown: r.GetProperty("capaianDisplay").GetString()!));
        var flaggedByCompute = rows.Where(r => r.Value.Check == "Mismatch").Select(r => r.Key).Order().ToList();

        var check = await CliHarness.Run(["check", Samples.Path(sample), .. dataArgs]);
        var printedFindings = check.Out.Split('\n')
            .Where(l => l.Contains("(capaian-tercetak)", StringComparison.Ordinal) && !l.Contains("[INFO]", StringComparison.Ordinal))
            .Select(l => (Code: l.Split("Realisasi, ")[1].Split(':')[0], Line: l))
            .Where(f => rows.ContainsKey(f.Code))
            .ToList();
        Assert.Equal(flaggedByCompute, printedFindings.Select(f => f.Code).Order().ToList());
        Assert.All(printedFindings, f => Assert.Contains(rows[f.Code].Shown, f.Line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Banjar_IK_1_with_its_counts_computes_131_73_and_check_reports_the_printed_131_71()
    {
        var dataArgs = new[] { "--data", Samples.Path("data/banjar-2025.json") };
        var compute = await CliHarness.Run(["compute", Samples.Path("banjar-2025.json"), "--format", "json", .. dataArgs]);
        using var json = JsonDocument.Parse(compute.Out);
        var ik1 = json.RootElement.GetProperty("indicators").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "IK-1");
        Assert.Equal("131,73%", ik1.GetProperty("capaianDisplay").GetString());
        var check = await CliHarness.Run(["check", Samples.Path("banjar-2025.json"), .. dataArgs]);
        var line = Assert.Single(check.Out.Split('\n'), l => l.Contains("IK-1 2025:", StringComparison.Ordinal) && l.Contains("(capaian-tercetak)", StringComparison.Ordinal));
        Assert.Contains("131.71%", line, StringComparison.Ordinal); // as the sample holds it, printed so in Tabel 3.3
        Assert.Contains("131,73%", line, StringComparison.Ordinal);
        Assert.Equal(1, check.Exit);
    }

    [Fact]
    public async Task Kemenko_IKU_1_3_with_its_counts_is_103_32_in_compute_and_silent_in_check()
    {
        var dataArgs = new[] { "--data", Samples.Path("data/kemenko-tw1-2026.json") };
        var compute = await CliHarness.Run(["compute", Samples.Path("kemenko-tw1-2026.json"), "--format", "json", .. dataArgs]);
        using var json = JsonDocument.Parse(compute.Out);
        var row = json.RootElement.GetProperty("indicators").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "IKU-1.3");
        Assert.Equal("103,32%", row.GetProperty("capaianDisplay").GetString());
        var check = await CliHarness.Run(["check", Samples.Path("kemenko-tw1-2026.json"), .. dataArgs]);
        Assert.DoesNotContain(check.Out.Split('\n'), l => l.Contains("IKU-1.3", StringComparison.Ordinal));
    }
}

/// <summary>docs/rules.md §10 through the command: a wrong printed capaian in a real workbook is reported, exit code 1.</summary>
public sealed class CheckReportsAWrongPrintedCapaianTests : WithTempFolder
{
    [Fact]
    public async Task Check_reports_Banjar_IK_3_printed_110_04_where_80_33_of_80_30_gives_100_04()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Samples.Path("banjar-2025.json")))!.AsObject();
        var row = root["realisasi"]!.AsArray().Single(r => (string?)r!["indicator"] == "IK-3" && (string?)r["period"] == "2025")!;
        row["printedCapaian"] = "110,04%";
        var path = Path.Combine(Folder, "banjar.json");
        File.WriteAllText(path, root.ToJsonString());

        var (exit, output, _) = await CliHarness.Run("check", path);
        Assert.Equal(1, exit);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("IK-3 2025:", StringComparison.Ordinal) && l.Contains("(capaian-tercetak)", StringComparison.Ordinal));
        Assert.Contains("[GALAT]", line, StringComparison.Ordinal);
        Assert.Contains("seharusnya 100,04%", line, StringComparison.Ordinal);
        var (_, clean, _) = await CliHarness.Run("check", Samples.Path("banjar-2025.json"));
        Assert.DoesNotContain(clean.Split('\n'), l => l.Contains("IK-3 2025:", StringComparison.Ordinal) && l.Contains("(capaian-tercetak)", StringComparison.Ordinal));
    }
}

/// <summary>Issue 11 item 5: the status column, on when the profile says Kolom Status = Ya.</summary>
public sealed class StatusColumnTests : WithTempFolder
{
    private string BanjarWithStatus(string value)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Samples.Path("banjar-2025.json")))!.AsObject();
        root["profile"]!["statusColumn"] = value;
        var path = Path.Combine(Folder, "banjar.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    [Fact]
    public async Task Banjar_IK_15_at_37_against_40_after_36_18_is_not_reached_but_improved()
    {
        var (exit, output, error) = await CliHarness.Run("compute", BanjarWithStatus("Ya"), "--format", "json");
        Assert.True(exit == 0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        string? Status(string code) => json.RootElement.GetProperty("indicators").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("status").GetString();
        Assert.Equal("Tidak Tercapai tetapi Meningkat", Status("IK-15")); // 37 > 36,18 (Tabel 3.4)
        Assert.Equal("Tidak Tercapai tetapi Meningkat", Status("IK-16")); // 37 against 45, after 36,18 in 2024 (39,84 in 2023 is not compared)
        Assert.Equal("Tercapai", Status("IK-1"));
    }

    [Fact]
    public async Task Without_the_profile_key_there_is_no_status()
    {
        var (_, output, _) = await CliHarness.Run("compute", Samples.Path("banjar-2025.json"), "--format", "json");
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.All(json.RootElement.GetProperty("indicators").EnumerateArray(), r => Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty("status").ValueKind));
    }

    [Fact]
    public async Task An_unknown_status_setting_is_refused_where_it_is_written()
    {
        var (exit, _, error) = await CliHarness.Run("compute", BanjarWithStatus("Mungkin"), "--format", "json");
        Assert.Equal(2, exit);
        Assert.Contains("statusColumn", error, StringComparison.Ordinal);
    }
}

/// <summary>Issue 11 item 9: the budget table says TIDAK COCOK only for the column whose rows do not add up.</summary>
public class BudgetMismatchColumnTests
{
    [Fact]
    public async Task Banjar_P1_K4_realisasi_differs_and_its_matching_pagu_is_not_marked()
    {
        var (exit, output, error) = await CliHarness.Run("budget", Samples.Path("banjar-2025.json"));
        Assert.True(exit == 0, error);
        var lines = output.Split('\n');
        // P1.K4: pagu 513.952.220 = its rows; realisasi 457.266.512 against the rows' 457.166.512
        var k4 = Assert.Single(lines, l => l.TrimStart().StartsWith("P1.K4 ", StringComparison.Ordinal));
        Assert.EndsWith("TIDAK COCOK: realisasi", k4.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("457.166.512", k4, StringComparison.Ordinal);
        // P1.K2: pagu 5.954.732.500 against the rows' 4.954.732.500; realisasi matches
        var k2 = Assert.Single(lines, l => l.TrimStart().StartsWith("P1.K2 ", StringComparison.Ordinal));
        Assert.EndsWith("TIDAK COCOK: pagu", k2.TrimEnd(), StringComparison.Ordinal);
        var k1 = Assert.Single(lines, l => l.TrimStart().StartsWith("P1.K1 ", StringComparison.Ordinal));
        Assert.EndsWith("cocok", k1.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("TIDAK", k1, StringComparison.Ordinal);
    }
}
