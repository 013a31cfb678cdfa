using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests.Budget;

public class PlanChecksTests
{
    private static NumberValue Number(decimal value, string printed, bool percent = false) => new(value, percent) { Original = printed };

    private static PerformanceDataset Data(Indicator indicator, IReadOnlyList<Target> targets, IReadOnlyList<Realisasi>? realisasi = null, IReadOnlyList<Narrative>? narratives = null) => new()
    {
        Profile = new AgencyProfile { Agency = "uji", Year = 2025, ReportPeriod = Period.OfYear(2025), RenstraStart = 2025, RenstraEnd = 2029 },
        Plan = [new PlanNode { Code = "S9", Name = "Sasaran", Level = PlanLevel.Sasaran }],
        Indicators = [indicator],
        Targets = targets,
        Realisasi = realisasi ?? [],
        Narratives = narratives ?? [],
    };

    private static Indicator Ik9 => new() { Code = "IK-9", GoalCode = "S9", Name = "Jumlah Pencari Kerja Yang mendapatkan informasi", Satuan = "Orang", Aggregation = PeriodAggregation.Sum, OwnerUnitCode = "U" };

    [Fact]
    public void Annual_target_above_the_Renstra_end_target_is_off_the_trajectory()
    {
        // 003 IK-9: 2025 target 1000 Orang, end-of-Renstra target 800 Orang (Tabel 3.5)
        var data = Data(Ik9, [new Target("IK-9", Period.OfYear(2025), Number(1000m, "1000 Orang")), new Target("IK-9", Period.RenstraEnd, Number(800m, "800 Orang"))]);

        var finding = Assert.Single(new RenstraTrajectoryCheck().Check(data));
        Assert.Equal("target-di-luar-lintasan-renstra", finding.Rule);
        Assert.Contains("1000 Orang", finding.Message, StringComparison.Ordinal);
        Assert.Contains("800 Orang", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_target_below_the_previous_year_is_off_the_trajectory_but_a_flat_one_is_not()
    {
        var rate = new Indicator { Code = "IK-1", GoalCode = "S9", Name = "Persentase", Satuan = "Persen", Aggregation = PeriodAggregation.Last };
        var falling = Data(rate, [
            new Target("IK-1", Period.OfYear(2024), Number(40m, "40%", true)),
            new Target("IK-1", Period.OfYear(2025), Number(38m, "38%", true)),
            new Target("IK-1", Period.RenstraEnd, Number(60m, "60%", true)),
        ]);
        var flat = Data(rate, [
            new Target("IK-1", Period.OfYear(2025), Number(100m, "100%", true)),
            new Target("IK-1", Period.RenstraEnd, Number(100m, "100%", true)),
        ]);

        // 2024 lies before this Renstra (2025-2029): not part of its trajectory
        Assert.Empty(new RenstraTrajectoryCheck().Check(falling));
        var inRenstra = new PerformanceDataset { Profile = falling.Profile with { RenstraStart = 2020 }, Plan = falling.Plan, Indicators = falling.Indicators, Targets = falling.Targets };
        Assert.Contains("lebih rendah dari target 2024", Assert.Single(new RenstraTrajectoryCheck().Check(inRenstra)).Message, StringComparison.Ordinal);
        Assert.Empty(new RenstraTrajectoryCheck().Check(flat));
    }

    [Fact]
    public void Lower_is_better_target_below_the_end_target_is_off_the_trajectory()
    {
        var tpt = new Indicator { Code = "IKT-1", GoalCode = "S9", Name = "TPT", Satuan = "Persen", Polarity = Polarity.LowerIsBetter };
        var data = Data(tpt, [new Target("IKT-1", Period.OfYear(2025), Number(2.0m, "2,0%", true)), new Target("IKT-1", Period.RenstraEnd, Number(2.5m, "2,5%", true))]);

        Assert.Contains("lebih rendah dari target akhir Renstra", Assert.Single(new RenstraTrajectoryCheck().Check(data)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Capaian_of_a_count_above_200_percent_needs_an_analysis_of_the_indicator_or_its_sasaran()
    {
        // 003 IK-9 is a count (Jumlah): its 1762 / 1000 = 176,2% is within a count's range; 2.100 / 1.000 = 210% is not
        var targets = new[] { new Target("IK-9", Period.OfYear(2025), Number(1000m, "1000 Orang")) };
        Assert.Empty(new UnexplainedCapaianCheck().Check(Data(Ik9, targets, [new Realisasi("IK-9", Period.OfYear(2025), Number(1762m, "1762 Orang"))])));
        var realisasi = new[] { new Realisasi("IK-9", Period.OfYear(2025), Number(2100m, "2100 Orang")) };

        var finding = Assert.Single(new UnexplainedCapaianCheck().Check(Data(Ik9, targets, realisasi)));
        Assert.Equal("capaian-ekstrem-tanpa-penjelasan", finding.Rule);
        Assert.Contains("210,00%", finding.Message, StringComparison.Ordinal);

        var explained = Data(Ik9, targets, realisasi, [new Narrative("S9", "Analisis", "Informasi lowongan disebar lewat media sosial.")]);
        Assert.Empty(new UnexplainedCapaianCheck().Check(explained));
    }

    [Fact]
    public void Capaian_below_50_percent_is_not_explained_by_a_driver()
    {
        var targets = new[] { new Target("IK-9", Period.OfYear(2025), Number(1000m, "1000 Orang")) };
        var realisasi = new[] { new Realisasi("IK-9", Period.OfYear(2025), Number(400m, "400 Orang")) };

        var onlyDriver = Data(Ik9, targets, realisasi, [new Narrative("IK-9", "Pendorong", "...")]);
        Assert.Single(new UnexplainedCapaianCheck().Check(onlyDriver));
        var obstacle = Data(Ik9, targets, realisasi, [new Narrative("IK-9", "Penghambat", "Anggaran bursa kerja tidak terserap.")]);
        Assert.Empty(new UnexplainedCapaianCheck().Check(obstacle));
    }
}
