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
