using System.Text.Json;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Values;

namespace Kinerja.Cli.Tests.Values;

/// <summary>Issue 11 item 7: values as printed (a note beside a value, a yearly total beside monthly counts, one indicator under two plan nodes).</summary>
public sealed class ValuesAsPrintedTests : WithTempFolder
{
    [Fact]
    public async Task A_target_and_realisasi_with_a_note_keep_the_value_and_the_note_in_compute_and_its_export()
    {
        // IKU-1 target "60% (3 LPK)", realisasi "63% (4 LPK)": 63 / 60 = 105,00%, the notes kept beside the values
        var path = SampleWorkbook.Of("clean-demo.xlsx")
            .Set("targets", r => r.Cells["indicator"].Text == "IKU-1" && r.Cells["period"].Text == "2025", "value", "60% (3 LPK)")
            .Set("realisasi", "indicator", "IKU-1", "value", "63% (4 LPK)")
            .Write(Folder, "catatan.xlsx");

        var (code, table, error) = await CliHarness.Run("compute", path);
        var (_, json, _) = await CliHarness.Run("compute", path, "--format", "json");

        Assert.True(code == CliApp.Ok, error);
        var row = CapaianRow(table, "IKU-1");
        Assert.Contains("60% (3 LPK)", row, StringComparison.Ordinal);
        Assert.Contains("63% (4 LPK)", row, StringComparison.Ordinal);
        Assert.Contains("105,00%", row, StringComparison.Ordinal);
        var indicator = JsonDocument.Parse(json).RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "IKU-1");
        Assert.Equal("60% (3 LPK)", indicator.GetProperty("target").GetString());
        Assert.Equal("3 LPK", indicator.GetProperty("targetNote").GetString());
        Assert.Equal("4 LPK", indicator.GetProperty("realisasiNote").GetString());
        Assert.Equal(105m, indicator.GetProperty("capaian").GetDecimal());
    }

    /// <summary>The indicator's row of the capaian table (the first table `compute` prints; the Renstra table repeats the code).</summary>
    private static string CapaianRow(string output, string code) => output.Split('\n').First(l => l.TrimStart().StartsWith(code + " ", StringComparison.Ordinal));

    [Theory]
    [InlineData("1% (3 LPK)", 1, "3 LPK")]
    [InlineData("1.762 Orang (termasuk 12 disabilitas)", 1762, "termasuk 12 disabilitas")]
    [InlineData("63%", 63, null)]
    public void A_bracketed_note_is_split_from_the_number_it_follows(string text, int value, string? note)
    {
        var parsed = MeasuredValueParser.Parse(text, TargetKind.Number, text.Contains("Orang", StringComparison.Ordinal) ? "Orang" : "Persen");

        var number = Assert.IsType<NumberValue>(parsed.Value);
        Assert.Equal(value, number.Value);
        Assert.Equal(note, number.Note);
        Assert.Equal(text, number.Original);
    }

    [Fact]
    public void An_unclosed_bracket_is_still_refused()
    {
        var parsed = MeasuredValueParser.Parse("1% (3 LPK", TargetKind.Number, "Persen");

        Assert.False(parsed.Success);
    }

    private static SampleWorkbook MonthlyTrained(string yearly)
    {
        // ten months of 80 and two of 75 = 950 people trained; the report prints the year beside them
        var workbook = SampleWorkbook.Of("clean-demo.xlsx")
            .Set("indicators", "code", "IKU-2", "formulaExpr", "#{dilatih}")
            .Add("dataElements", ("code", "dilatih"), ("name", "Pencari kerja dilatih"), ("satuan", "Orang"), ("periodType", "Bulanan"), ("aggregation", "Jumlah"));
        for (var month = 1; month <= 12; month++)
            workbook.Add("dataValues", ("element", "dilatih"), ("unit", "DINAS"), ("period", $"2025-{month:00}"), ("value", month <= 10 ? "80" : "75"));
        return workbook.Add("dataValues", ("element", "dilatih"), ("unit", "DINAS"), ("period", "2025"), ("value", yearly), ("note", "Tabel 3.2, baris Jumlah"));
    }

    [Fact]
    public async Task A_yearly_total_printed_beside_the_months_is_kept_and_a_finding_when_the_months_do_not_give_it()
    {
        var path = MonthlyTrained("960").Write(Folder, "bulanan-960.xlsx");

        var (_, check, _) = await CliHarness.Run("check", path);
        var (_, compute, _) = await CliHarness.Run("compute", path);

        var finding = Assert.Single(check.Split('\n'), l => l.Contains("(jumlah-periode)", StringComparison.Ordinal));
        Assert.Contains("Pencari kerja dilatih periode 2025 tercetak 960, sedangkan jumlah angka per bulan di dalamnya 950 (selisih 10)", finding, StringComparison.Ordinal);
        // the printed yearly figure is the one used, as a total beside its parts is: 960 / 1.000 = 96,00%
        var row = CapaianRow(compute, "IKU-2");
        Assert.Contains("96,00%", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yearly_total_that_the_months_give_is_silent()
    {
        var path = MonthlyTrained("950").Write(Folder, "bulanan-950.xlsx");

        var (_, check, _) = await CliHarness.Run("check", path);
        var (_, compute, _) = await CliHarness.Run("compute", path);

        Assert.DoesNotContain("jumlah-periode", check, StringComparison.Ordinal);
        Assert.Contains("95,00%", CapaianRow(compute, "IKU-2"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_is_still_refused_for_a_yearly_element()
    {
        var path = SampleWorkbook.Of("clean-demo.xlsx")
            .Add("dataElements", ("code", "dilatih"), ("name", "Pencari kerja dilatih"), ("satuan", "Orang"), ("periodType", "Tahunan"), ("aggregation", "Jumlah"))
            .Add("dataValues", ("element", "dilatih"), ("unit", "DINAS"), ("period", "2025-03"), ("value", "80"))
            .Write(Folder, "bulan-di-tahunan.xlsx");

        var error = Assert.Throws<WorkbookImportException>(() => DatasetImporter.Load(path));

        Assert.Contains("dikumpulkan per tahun, bukan per bulan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_indicator_under_a_tujuan_and_a_sasaran_is_entered_once_and_shown_under_both()
    {
        // IKU-1 (105,00%) measures T1 and S1; IKU-2 (95,00%) measures S2: T1 = 105, S1 = 105, S2 = 95,
        // the agency the mean of the top sasaran (105 + 95) / 2 = 100, IKU-1 counted once
        var path = SampleWorkbook.Of("clean-demo.xlsx").Set("indicators", "code", "IKU-1", "goal", "S1; T1").Write(Folder, "dua-simpul.xlsx");
        var data = DatasetImporter.Load(path);

        var result = PerformanceCalculator.Compute(data);

        Assert.Single(result.Indicators, r => r.Indicator.Code == "IKU-1");
        Assert.Equal(105m, Assert.Single(result.Goals, g => g.Goal.Code == "T1").Capaian);
        Assert.Equal(["IKU-1"], result.Goals.Single(g => g.Goal.Code == "T1").Indicators.Select(i => i.Indicator.Code));
        Assert.Equal(105m, result.Goals.Single(g => g.Goal.Code == "S1").Capaian);
        Assert.Equal(100m, result.AgencyCapaian);
    }

    [Fact]
    public void One_indicator_under_two_sasaran_counts_in_each_sasaran_mean_once()
    {
        // IKU-2 (95,00%) measures S2 and S1: S1 = (105 + 95) / 2 = 100, S2 = 95; agency (100 + 95) / 2 = 97,50
        var path = SampleWorkbook.Of("clean-demo.xlsx").Set("indicators", "code", "IKU-2", "goal", "S2; S1").Write(Folder, "dua-sasaran.xlsx");
        var data = DatasetImporter.Load(path);

        var result = PerformanceCalculator.Compute(data);

        Assert.Equal(100m, result.Goals.Single(g => g.Goal.Code == "S1").Capaian);
        Assert.Equal(95m, result.Goals.Single(g => g.Goal.Code == "S2").Capaian);
        Assert.Equal(97.5m, result.AgencyCapaian);
    }

    [Fact]
    public void A_plan_node_named_twice_or_unknown_in_the_goal_cell_is_refused_naming_the_cell()
    {
        var path = SampleWorkbook.Of("clean-demo.xlsx").Set("indicators", "code", "IKU-1", "goal", "S1; S1; S9").Write(Folder, "salah.xlsx");

        var error = Assert.Throws<WorkbookImportException>(() => DatasetImporter.Load(path));

        Assert.Contains(error.Errors, e => e.Message == "sasaran \"S9\" tidak ada di sheet Rencana" && e.Location.Column.StartsWith("Sasaran", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Message == "sasaran \"S1\" disebut lebih dari sekali");
    }
}
