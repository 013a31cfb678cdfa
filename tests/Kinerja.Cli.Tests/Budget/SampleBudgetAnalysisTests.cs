using Kinerja.Cli.Tests;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Budget;
using Kinerja.Domain.Measurement;

namespace Kinerja.Cli.Tests.Budget;

public class SampleBudgetAnalysisTests
{
    [Fact]
    public void Kemnaker_sample_absorption_is_89_52_96_61_90_97_98_17()
    {
        // docs/rules.md §7 (000 L161, L1898): 5.500.436.965.043 of 6.144.346.237.000 (blokir 450.805.234.000), target 98,41
        var absorption = BudgetAnalysis.Absorption(DatasetImporter.Load(Samples.Path("kemnaker-2024.json")));

        Assert.Equal(5_500_436_965_043m, absorption.Amounts.Realisasi);
        Assert.Equal([89.52m, 96.61m, 90.97m, 98.17m],
            new[] { absorption.OfPagu, absorption.OfPaguWithoutBlokir, absorption.OfPaguAgainstTarget, absorption.OfPaguWithoutBlokirAgainstTarget }.Select(v => Math.Round(v!.Value, 2)));
    }

    [Fact]
    public void Banjar_sample_efficiency_of_IK_1_is_46_01_from_the_S1_programs()
    {
        // docs/rules.md §8 (003 Tabel 3.7): 131,71 - 85,70 = 46,01; S1 <- P2, P3, P4, P5 (2.165.619.100 / 2.526.926.600)
        var data = DatasetImporter.Load(Samples.Path("banjar-2025.xlsx"));

        var table = BudgetAnalysis.Efficiency(data, PerformanceCalculator.Compute(data));

        var row = Assert.Single(table.Listed, r => r.Code == "IK-1");
        Assert.Equal(2_526_926_600m, row.Pagu);
        Assert.Equal(2_165_619_100m, row.RealisasiAnggaran);
        Assert.Equal(46.01m, Math.Round(row.Efficiency!.Value, 2));
        // IK-15 (92,5%) and IK-16 (82,22%) are below 100% and left out, as in Tabel 3.7
        Assert.DoesNotContain(table.Listed, r => r.Code is "IK-15" or "IK-16");
    }

    [Fact]
    public void Quarterly_realisasi_survive_the_xlsx_workbook()
    {
        var line = DatasetImporter.Load(Samples.Path("clean-demo.xlsx")).Budget.Single(l => l.Code == "1.03.02.2.01.0001");

        Assert.Equal([40_000_000m, 45_000_000m, 41_000_000m, 45_000_000m], line.QuarterlyRealisasi);
    }
}

public class QuarterlyColumnImportTests
{
    [Fact]
    public void A_quarter_filled_after_an_empty_one_is_an_error_at_its_cell()
    {
        const string json = """
            { "profile": { "agency": "uji", "year": "2025" }, "plan": [], "indicators": [], "targets": [], "realisasi": [],
              "budget": [ { "code": "A", "name": "a", "pagu": "100", "realisasi": "90", "realisasiTw1": "40", "realisasiTw3": "50" } ] }
            """;

        var error = Assert.Throws<WorkbookImportException>(() => DatasetImporter.Import(JsonWorkbook.Read(json, "uji.json")));

        var item = Assert.Single(error.Errors);
        Assert.Equal("realisasiTw3", item.Location.Column);
        Assert.Contains("triwulan II kosong", item.Message, StringComparison.Ordinal);
    }
}
