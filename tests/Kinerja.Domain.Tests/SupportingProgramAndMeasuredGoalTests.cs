using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests;

/// <summary>Issue 20 items 14 and 16: the supporting-programme table of seed 000, and goals counted only when measured.</summary>
public sealed class SupportingProgramAndMeasuredGoalTests
{
    private static AgencyProfile Profile(int year) => new() { Agency = "Uji", Year = year, ReportPeriod = Period.OfYear(year) };

    private static IEnumerable<SupportingProgram> Program(string name, decimal r2022, decimal r2023, decimal? t2024, decimal r2024, bool subtracted = false) =>
    [
        new SupportingProgram("SS-1", name, 2022, null, r2022) { Subtracted = subtracted, Satuan = "Orang" },
        new SupportingProgram("SS-1", name, 2023, null, r2023) { Subtracted = subtracted, Satuan = "Orang" },
        new SupportingProgram("SS-1", name, 2024, t2024, r2024) { Subtracted = subtracted, Satuan = "Orang" },
    ];

    [Fact]
    public void The_supporting_programme_table_reproduces_seed_000_Tabel_3_3()
    {
        // seed 000 Tabel 3.3 "Kinerja Program Pendukung Pencapaian SS-1", the inputs as printed
        var data = new PerformanceDataset
        {
            Profile = Profile(2024),
            Plan = [new PlanNode { Code = "SS-1", Name = "Sasaran", Level = PlanLevel.SasaranStrategis }],
            SupportingPrograms =
            [
                .. Program("PYB_Vokasi", 136_524m, 119_785m, 142_455m, 114_195m),
                .. Program("PYB_Penta", 548_797m, 664_568m, 688_532m, 709_436m),
                .. Program("PYB_Binwas", 4_899_078m, 11_258_374m, 11_289_510m, 12_569_072m),
                .. Program("PYB_PHI", 4_585_822m, 7_120_907m, 11_289_510m, 11_797_247m),
                .. Program("PYB_PHI ∩ PYB_Binwas", 1_600_368m, 5_071_880m, null, 9_726_743m, subtracted: true),
            ],
        };

        var rows = SupportingProgramTable.Rows(data, "SS-1");
        Assert.Equal([2022, 2023, 2024], SupportingProgramTable.Years(data, "SS-1"));
        string P(decimal? v) => IndonesianNumber.Format(v!.Value, 2) + "%";
        // printed: 80,16% -4,67%; 103,04% 6,75%; 111,33% 11,64%; 104,50% 65,67%
        Assert.Equal(["80,16%", "103,04%", "111,33%", "104,50%"], rows.Take(4).Select(r => P(r.Capaian)));
        Assert.Equal(["-4,67%", "6,75%", "11,64%", "65,67%"], rows.Take(4).Select(r => P(r.Change)));
        var overlap = rows[4];
        Assert.True(overlap.Subtracted);
        Assert.Null(overlap.Capaian);
        // printed Jumlah: 8.569.853, 14.091.754, target 23.410.007, 15.463.207, 66,05%, 9,73%
        var total = rows[^1];
        Assert.True(total.IsTotal);
        Assert.Equal(8_569_853m, total.Realisasi[2022]);
        Assert.Equal(14_091_754m, total.Realisasi[2023]);
        Assert.Equal(15_463_207m, total.Realisasi[2024]);
        Assert.Equal(23_410_007m, total.Target);
        Assert.Equal("66,05%", P(total.Capaian));
        Assert.Equal("9,73%", P(total.Change));
    }

    [Fact]
    public void A_programme_whose_indicators_have_no_realisasi_is_neither_reached_nor_not_reached()
    {
        MeasuredValue N(decimal v) => new NumberValue(v, true) { Original = v + "%" };
        var data = new PerformanceDataset
        {
            Profile = Profile(2025),
            Plan =
            [
                new PlanNode { Code = "S1", Name = "Sasaran", Level = PlanLevel.Sasaran },
                new PlanNode { Code = "S2", Name = "Sasaran dua", Level = PlanLevel.Sasaran },
                new PlanNode { Code = "P1", Name = "Program", Level = PlanLevel.Program, ParentCode = "S1" },
            ],
            Indicators =
            [
                new Indicator { Code = "IK-1", GoalCode = "S1", Name = "Satu", Satuan = "Persen" },
                new Indicator { Code = "IK-2", GoalCode = "S2", Name = "Dua", Satuan = "Persen" },
                new Indicator { Code = "IK-P", GoalCode = "P1", Name = "Program", Satuan = "Persen" },
            ],
            Targets = [new Target("IK-1", Period.OfYear(2025), N(50m)), new Target("IK-2", Period.OfYear(2025), N(50m)), new Target("IK-P", Period.OfYear(2025), N(80m))],
            Realisasi = [new Realisasi("IK-1", Period.OfYear(2025), N(60m)), new Realisasi("IK-2", Period.OfYear(2025), N(40m))],
        };

        var result = PerformanceCalculator.Compute(data);
        // S1 120% reached, S2 80% not; P1 has a target and no realisasi: not measured, so counted in neither
        Assert.Equal(["S1", "S2"], result.MeasuredGoals.Select(g => g.Goal.Code));
        Assert.Equal("P1", Assert.Single(result.UnmeasuredGoals).Goal.Code);
        Assert.Equal(1, result.ReachedGoals);
        Assert.Equal(3, result.Goals.Count);
    }
}
