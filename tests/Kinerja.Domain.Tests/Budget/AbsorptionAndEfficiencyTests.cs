using Kinerja.Domain.Budget;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;
using static Kinerja.Domain.Tests.Budget.BudgetLines;

namespace Kinerja.Domain.Tests.Budget;

public class AbsorptionAndEfficiencyTests
{
    private static NumberValue Percent(decimal value, string printed) => new(value, true) { Original = printed };

    private static List<BudgetLine> Kemnaker() =>
    [
        Line("WA", "TOTAL", 1_519_566_783_000m, 1_391_239_036_949m, level: "Program", funds: "SS-2"),
        Line("DN", "TOTAL", 2_526_542_299_000m, 2_286_493_872_264m, level: "Program", funds: "SS-1"),
        Line("DL", "TOTAL", 2_098_237_155_000m, 1_822_704_055_830m, level: "Program", funds: "SS-1"),
        Line("TOTAL", null, 6_144_346_237_000m, 5_500_436_965_043m, funds: ["SS-1", "SS-2"]) with { Blokir = 450_805_234_000m },
    ];

    private static PerformanceDataset Dataset(IReadOnlyList<BudgetLine> budget, EfficiencyMethod method, decimal? absorptionTarget = null,
        IReadOnlyList<PlanNode>? plan = null, IReadOnlyList<Indicator>? indicators = null, IReadOnlyList<Target>? targets = null, IReadOnlyList<Realisasi>? realisasi = null) => new()
    {
        Profile = new AgencyProfile { Agency = "uji", Year = 2025, ReportPeriod = Period.OfYear(2025), EfficiencyMethod = method, AbsorptionTarget = absorptionTarget },
        Budget = budget,
        Plan = plan ?? [],
        Indicators = indicators ?? [],
        Targets = targets ?? [],
        Realisasi = realisasi ?? [],
    };

    [Fact]
    public void Kemnaker_absorption_is_89_52_of_pagu_and_96_61_without_blokir_and_90_97_and_98_17_against_the_target()
    {
        // docs/rules.md §7 (000): 5.500.436.965.043 / 6.144.346.237.000; / (6.144.346.237.000 - 450.805.234.000); target 98,41
        var absorption = BudgetAnalysis.Absorption(Dataset(Kemnaker(), EfficiencyMethod.Ratio, 98.41m));

        Assert.Equal(5_693_541_003_000m, absorption.PaguWithoutBlokir);
        Assert.Equal(89.52m, Math.Round(absorption.OfPagu!.Value, 2));
        Assert.Equal(96.61m, Math.Round(absorption.OfPaguWithoutBlokir!.Value, 2));
        Assert.Equal(90.97m, Math.Round(absorption.OfPaguAgainstTarget!.Value, 2));
        Assert.Equal(98.17m, Math.Round(absorption.OfPaguWithoutBlokirAgainstTarget!.Value, 2));
    }

    [Fact]
    public void Budget_of_SS_1_is_DN_plus_DL_not_the_whole_total_that_also_names_it()
    {
        // 000 Tabel 3.24 (L1951): SS-1 pagu 4.624.779.454.000, realisasi 4.109.197.928.094, 88,85%
        var budget = BudgetAnalysis.ForGoal(Dataset(Kemnaker(), EfficiencyMethod.Ratio), "SS-1");

        Assert.Equal(["DN", "DL"], budget.Lines.Select(l => l.Code));
        Assert.Equal(4_624_779_454_000m, budget.Amounts.Pagu);
        Assert.Equal(4_109_197_928_094m, budget.Amounts.Realisasi);
        Assert.Equal(88.85m, Math.Round(budget.Amounts.Absorption!.Value, 2));
    }

    [Fact]
    public void Banjar_IK_1_efficiency_is_131_71_minus_85_70_equals_46_01()
    {
        // docs/rules.md §8 (003 Tabel 3.7 row 1): IK-1 50,05 / 38 = 131,71%; S1 is funded by programs P2+P3+P4+P5:
        // 2.165.619.100 / 2.526.926.600 = 85,70%
        var budget = new List<BudgetLine>
        {
            Line("P2", null, 1_767_652_000m, 1_638_381_500m, level: "Program", funds: ["S1", "S4"]),
            Line("P3", null, 261_746_500m, 255_730_500m, level: "Program", funds: ["S1", "S13"]),
            Line("P4", null, 467_328_100m, 241_727_100m, level: "Program", funds: ["S1", "S7"]),
            Line("P5", null, 30_200_000m, 29_780_000m, level: "Program", funds: ["S1", "S11"]),
        };
        var data = Dataset(budget, EfficiencyMethod.Difference,
            plan: [new PlanNode { Code = "S1", Name = "Meningkatnya Penempatan Tenaga Kerja", Level = PlanLevel.Sasaran }],
            indicators: [new Indicator { Code = "IK-1", GoalCode = "S1", Name = "Persentase Pencari Kerja Yang Ditempatkan" }],
            targets: [new Target("IK-1", Period.OfYear(2025), Percent(38m, "38%"))],
            realisasi: [new Realisasi("IK-1", Period.OfYear(2025), Percent(50.05m, "50.05%"))]);

        var table = BudgetAnalysis.Efficiency(data, PerformanceCalculator.Compute(data));

        var row = Assert.Single(table.Listed);
        Assert.Equal(2_526_926_600m, row.Pagu);
        Assert.Equal(2_165_619_100m, row.RealisasiAnggaran);
        Assert.Equal(131.71m, Math.Round(row.Capaian, 2));
        Assert.Equal(85.70m, Math.Round(row.Absorption!.Value, 2));
        Assert.Equal(46.01m, Math.Round(row.Efficiency!.Value, 2));
    }

    [Fact]
    public void Banjar_printed_efficiency_1_12_for_Administrasi_Keuangan_should_be_11_12()
    {
        // 003 Tabel 3.7 row 6 (IK-20): capaian 100%, penyerapan 88,88% of kegiatan P1.K2, printed "1.12%".
        // 88,88% is realisasi 4.403.619.363 over the pagu its sub kegiatan sum to (4.954.732.500), the roll-up figure.
        var rollup = BudgetRollup.Compute(BanjarPenunjang());
        var kegiatan = rollup.Tree.Nodes.Single(n => n.Code == "P1.K2");
        var computed = rollup.Computed(kegiatan);

        var row = EfficiencyCalculator.Compute(EfficiencyMethod.Difference, "IK-20", "Persentase Laporan Keuangan sesuai Ketentuan", 100m, computed.Pagu, computed.Realisasi);

        Assert.Equal(88.88m, Math.Round(row.Absorption!.Value, 2));
        Assert.Equal(11.12m, Math.Round(row.Efficiency!.Value, 2));
        Assert.NotEqual(1.12m, Math.Round(row.Efficiency!.Value, 2));
    }

    [Fact]
    public void Ratio_efficiency_is_one_row_per_sasaran_with_its_capaian_over_its_absorption()
    {
        // 000 Tabel 3.24: SS-1 capaian 40,71 / penyerapan 88,85 (ratio computed, not printed by the seed)
        var data = Dataset(Kemnaker(), EfficiencyMethod.Ratio,
            plan: [new PlanNode { Code = "SS-1", Name = "SS-1", Level = PlanLevel.SasaranStrategis }],
            indicators: [new Indicator { Code = "IKSS-1", GoalCode = "SS-1", Name = "IKSS-1" }],
            targets: [new Target("IKSS-1", Period.OfYear(2025), Percent(100m, "100"))],
            realisasi: [new Realisasi("IKSS-1", Period.OfYear(2025), Percent(40.71m, "40,71"))]);

        var row = Assert.Single(BudgetAnalysis.Efficiency(data, PerformanceCalculator.Compute(data)).Listed);

        Assert.Equal("SS-1", row.Code);
        Assert.Equal(Math.Round(40.71m / (4_109_197_928_094m / 4_624_779_454_000m * 100m), 6), Math.Round(row.Efficiency!.Value, 6));
    }
}
