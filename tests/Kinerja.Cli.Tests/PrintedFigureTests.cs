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
    public async Task Check_reads_a_known_publication_error_from_column_Kesalahan_Publikasi_of_the_xlsx_as_a_warning_with_its_reason()
    {
        // Banjar's Tabel 3.5 IK-9 800% (1.762 / 800 = 220,25%) marked as the web page marks it, then written as xlsx
        const string reason = "Tabel 3.5 mencetak target akhir Renstra; ralat dimuat di situs dinas";
        var workbook = JsonNode.Parse(await File.ReadAllTextAsync(Samples.Path("banjar-2025.json")))!.AsObject();
        workbook["printedFigures"]!.AsArray().Select(f => f!.AsObject()).Single(f => (string?)f["kind"] == "Kemajuan" && (string?)f["code"] == "IK-9")["knownError"] = reason;
        var xlsx = Path.Combine(Folder, "banjar-ditandai.xlsx");
        XlsxWorkbook.Write(JsonWorkbook.Read(workbook.ToJsonString(), "banjar-ditandai.json"), xlsx);

        var (_, output, _) = await CliHarness.Run("check", xlsx);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("IK-9 2025: kemajuan Renstra IK-9 tercetak 800%", StringComparison.Ordinal));
        Assert.Contains("banjar-ditandai.xlsx: [PERINGATAN] AngkaTercetak", line, StringComparison.Ordinal);
        Assert.Contains("seharusnya 220,25%", line, StringComparison.Ordinal);
        Assert.Contains("ditandai kesalahan publikasi yang diketahui: " + reason + " (angka-tercetak-diketahui)", line, StringComparison.Ordinal);
        // the same workbook unmarked: the error it was
        var (_, unmarked, _) = await CliHarness.Run("check", Samples.Path("banjar-2025.json"));
        Assert.Contains(unmarked.Split('\n'), l => l.Contains("[GALAT] AngkaTercetak", StringComparison.Ordinal) && l.Contains("IK-9 2025: kemajuan Renstra IK-9 tercetak 800%", StringComparison.Ordinal));
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
        // 47 aggregates and, since issue 20, the pagu and realisasi its text prints
        Assert.Equal(49, fromJson.PrintedFigures.Count);
        Assert.Equal(fromJson.PrintedFigures.Select(f => (f.Kind, f.Code, f.Period, f.Value)), fromXlsx.PrintedFigures.Select(f => (f.Kind, f.Code, f.Period, f.Value)));
    }

    [Fact]
    public void The_amounts_the_seeds_print_are_the_amounts_of_their_budget_sheets()
    {
        // seed 000: Tabel 2.3 TOTAL per PK version, the pagu 6.144.346.237.000 and realisasi 5.500.436.965.043 of the
        // Ringkasan Eksekutif; seed 003: pagu 12.081.204.858 and realisasi 10.066.484.952 of Bab III. All reproduced.
        foreach (var sample in new[] { "kemnaker-2024.xlsx", "banjar-2025.xlsx" })
        {
            var data = DatasetImporter.Load(Samples.Path(sample));
            var amounts = data.PrintedFigures.Where(f => f.IsAmount).ToList();
            Assert.True(amounts.Count >= 2, sample);
            var findings = DatasetValidator.Check(data);
            Assert.DoesNotContain(findings, f => f.Sheet == "AngkaTercetak" && amounts.Any(a => a.SourceRow == f.Row));
            Assert.DoesNotContain(findings, f => f.Rule.StartsWith("anggaran-pk", StringComparison.Ordinal));
        }

        var kemnaker = DatasetImporter.Load(Samples.Path("kemnaker-2024.xlsx"));
        Assert.Equal(["awal", "perubahan-1", "perubahan-2", "perubahan-3"], kemnaker.PrintedFigures.Where(f => f.Kind == PrintedFigureKind.AnggaranPK).Select(f => f.Code));
        Assert.Equal(6_144_346_237_000m, PkBudgetCheck.Total(kemnaker.PkVersions.Single(v => v.Id == PkVersionId.Perubahan(3))));
    }

    [Fact]
    public void The_fields_of_issue_20_survive_xlsx()
    {
        var kemnaker = (Json: DatasetImporter.Load(Samples.Path("kemnaker-2024.json")), Xlsx: DatasetImporter.Load(Samples.Path("kemnaker-2024.xlsx")));
        Assert.Equal(15, kemnaker.Json.SupportingPrograms.Count);
        Assert.Equal(kemnaker.Json.SupportingPrograms.Select(p => (p.GoalCode, p.Name, p.Year, p.Target, p.Realisasi, p.Subtracted)), kemnaker.Xlsx.SupportingPrograms.Select(p => (p.GoalCode, p.Name, p.Year, p.Target, p.Realisasi, p.Subtracted)));
        // seed 000 Tabel 3.3's Jumlah from the transcribed rows: 15.463.207 of 23.410.007
        var total = SupportingProgramTable.Rows(kemnaker.Xlsx, "SS-1")[^1];
        Assert.Equal(15_463_207m, total.Realisasi[2024]);
        Assert.Equal(23_410_007m, total.Target);
        Assert.Contains(kemnaker.Xlsx.Narratives, n => n.Kind == "Kedudukan" && n.Text.StartsWith("Kedudukan Kementerian Ketenagakerjaan dipimpin", StringComparison.Ordinal));

        var banjar = DatasetImporter.Load(Samples.Path("banjar-2025.xlsx"));
        Assert.Equal("Kegiatan : Administrasi Keuangan Perangkat Daerah", banjar.Indicators.Single(i => i.Code == "IK-20").Activity);
        Assert.Equal(21, banjar.Indicators.Count(i => i.Activity is not null));
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
