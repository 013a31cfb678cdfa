using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests;

public class AggregationTests
{
    private static PerformanceDataset Dataset(AgencyProfile profile, IEnumerable<Indicator> indicators, IEnumerable<(string Code, string Period, string Target)> targets, IEnumerable<(string Code, string Period, string? Value)> realisasi, IEnumerable<PlanNode>? plan = null)
    {
        var list = indicators.ToList();
        MeasuredValue V(string code, string text)
        {
            var i = list.Single(x => x.Code == code);
            return MeasuredValueParser.Parse(text, i.TargetKind, i.Satuan, i.OrdinalScale).Value;
        }

        return new PerformanceDataset
        {
            Profile = profile,
            Plan = plan?.ToList() ?? list.Select(i => i.GoalCode).Distinct().Select(g => new PlanNode { Code = g, Name = "Sasaran " + g, Level = PlanLevel.SasaranStrategis }).ToList(),
            Indicators = list,
            Targets = targets.Select(t => new Target(t.Code, Period.Parse(t.Period).Value, V(t.Code, t.Target))).ToList(),
            Realisasi = realisasi.Select(r => r.Value is null
                ? new Realisasi(r.Code, Period.Parse(r.Period).Value, null, RealisasiStatus.NotAvailable, "belum diukur")
                : new Realisasi(r.Code, Period.Parse(r.Period).Value, V(r.Code, r.Value))).ToList(),
        };
    }

    [Fact]
    public void Sasaran_capaian_is_the_mean_of_its_indicators_and_agency_the_mean_of_sasaran_Kemnaker_2024()
    {
        // 000 Tabel 3.2: SS-1 4,01/9,85 = 40,71; SS-2 (96,31 + 100 + 85,50)/3 = 93,93 (truncated); agency (40,71 + 93,93)/2 = 67,32
        var data = Dataset(A.Profile(),
            [
                A.Indicator("P").Goal("SS-1"),
                A.Indicator("RB").Goal("SS-2").Satuan("Indeks"),
                A.Indicator("BPK").Goal("SS-2").Kind(TargetKind.Ordinal, OrdinalScale.OpiniBpk).Satuan("Opini"),
                A.Indicator("SPBE").Goal("SS-2").Satuan("Indeks"),
            ],
            [("P", "2024", "9,85%"), ("RB", "2024", "81,75"), ("BPK", "2024", "WTP"), ("SPBE", "2024", "4")],
            [("P", "2024", "4,01%"), ("RB", "2024", "78,73"), ("BPK", "2024", "WTP"), ("SPBE", "2024", "3,42")]);
        var result = PerformanceCalculator.Compute(data);
        Assert.Equal("40,71", IndonesianNumber.Format(result.Goal("SS-1").Capaian!.Value, 2));
        var ss2 = result.Goal("SS-2").Capaian!.Value;
        Assert.Equal("93,93", IndonesianNumber.Format(ss2, 2, RoundingMode.Truncate));
        Assert.Equal("67,32", IndonesianNumber.Format(result.AgencyCapaian!.Value, 2));
        Assert.Equal("85,50", IndonesianNumber.Format(result.Row("SPBE").Capaian.Value, 2));
    }

    [Fact]
    public void Not_available_indicators_are_excluded_from_the_mean_not_counted_as_zero()
    {
        // 001 SK-1: IKU 1.4 is N/A; the mean is over the three measured indicators
        var data = Dataset(A.Profile(period: "2026-TW1"),
            [A.Indicator("a").Goal("SK-1"), A.Indicator("b").Goal("SK-1"), A.Indicator("c").Goal("SK-1").Kind(TargetKind.Score).Satuan("Indeks")],
            [("a", "2026-TW1", "50%"), ("b", "2026-TW1", "50%"), ("c", "2026-TW1", "3 dari 4")],
            [("a", "2026-TW1", "50%"), ("b", "2026-TW1", "40%"), ("c", "2026-TW1", null)]);
        var result = PerformanceCalculator.Compute(data);
        Assert.Equal(CapaianStatus.NotAvailable, result.Row("c").Capaian.Status);
        Assert.Equal(90m, result.Goal("SK-1").Capaian);
        Assert.Equal(2, result.Goal("SK-1").CountedIndicators);
    }

    [Fact]
    public void Weighted_sasaran_mean_uses_indicator_weights()
    {
        var profile = A.Profile() with { SasaranAggregation = SasaranAggregation.Weighted };
        var data = Dataset(profile,
            [A.Indicator("a").Goal("S", 3m), A.Indicator("b").Goal("S", 1m)],
            [("a", "2024", "100"), ("b", "2024", "100")],
            [("a", "2024", "100"), ("b", "2024", "60")]);
        Assert.Equal(90m, PerformanceCalculator.Compute(data).Goal("S").Capaian);
    }

    [Fact]
    public void Quarterly_flows_add_up_to_the_year_and_stocks_keep_the_last_value()
    {
        var data = Dataset(A.Profile(period: "2025-TW2"),
            [A.Indicator("placed").Satuan("Orang").Aggregation(PeriodAggregation.Sum), A.Indicator("rate").Aggregation(PeriodAggregation.Last)],
            [("placed", "2025", "1.000 Orang"), ("placed", "2025-TW2", "400 Orang"), ("rate", "2025-TW2", "50%")],
            [("placed", "2025-TW1", "150"), ("placed", "2025-TW2", "250"), ("placed", "2025-TW3", "300"), ("placed", "2025-TW4", "182"), ("rate", "2025-TW1", "40%"), ("rate", "2025-TW2", "45%")]);
        var tw2 = PerformanceCalculator.Compute(data, Period.OfQuarter(2025, 2));
        Assert.Equal(100m, tw2.Row("placed").Capaian.Value); // (150 + 250) / 400
        Assert.Equal(90m, tw2.Row("rate").Capaian.Value); // 45 / 50, not (40 + 45)
        var year = PerformanceCalculator.Compute(data, Period.OfYear(2025));
        Assert.Equal(88.2m, year.Row("placed").Capaian.Value); // 882 / 1.000
    }

    [Fact]
    public void Per_quarter_targets_that_are_not_cumulative_add_up_for_the_s_d_target()
    {
        var indicator = A.Indicator("placed").Satuan("Orang").Aggregation(PeriodAggregation.Sum).Build();
        var profile = A.Profile(period: "2025-TW2");
        var data = new PerformanceDataset
        {
            Profile = profile,
            Plan = [new PlanNode { Code = "S1", Name = "S1", Level = PlanLevel.Sasaran }],
            Indicators = [indicator],
            Targets =
            [
                new Target("placed", Period.OfQuarter(2025, 1), A.Value("100", indicator), Cumulative: false),
                new Target("placed", Period.OfQuarter(2025, 2), A.Value("300", indicator), Cumulative: false),
            ],
            Realisasi = [new Realisasi("placed", Period.OfQuarter(2025, 1), A.Value("100", indicator)), new Realisasi("placed", Period.OfQuarter(2025, 2), A.Value("100", indicator))],
        };
        var result = PerformanceCalculator.Compute(data);
        Assert.Equal(50m, result.Row("placed").Capaian.Value); // 200 of 400
    }

    [Fact]
    public void Tujuan_is_reported_on_its_own_and_not_in_the_agency_mean()
    {
        var plan = new[]
        {
            new PlanNode { Code = "T1", Name = "Tujuan", Level = PlanLevel.Tujuan },
            new PlanNode { Code = "S1", Name = "Sasaran", Level = PlanLevel.Sasaran, ParentCode = "T1" },
        };
        var data = Dataset(A.Profile(), [A.Indicator("t").Goal("T1"), A.Indicator("s").Goal("S1")], [("t", "2024", "100"), ("s", "2024", "100")], [("t", "2024", "50"), ("s", "2024", "80")], plan);
        var result = PerformanceCalculator.Compute(data);
        Assert.Equal(50m, result.Goal("T1").Capaian);
        Assert.Equal(80m, result.AgencyCapaian);
    }

    [Fact]
    public void Agency_capaian_is_the_mean_of_the_top_sasaran_not_of_the_cascade_below_them()
    {
        // top 100, middle 50, bottom 0: the middle and bottom keep their own capaian, the agency is the top alone
        var plan = new[]
        {
            new PlanNode { Code = "S1", Name = "Sasaran strategis", Level = PlanLevel.Sasaran },
            new PlanNode { Code = "S1.1", Name = "Sasaran eselon III", Level = PlanLevel.Sasaran, ParentCode = "S1" },
            new PlanNode { Code = "S1.1.1", Name = "Sasaran eselon IV", Level = PlanLevel.Sasaran, ParentCode = "S1.1" },
        };
        var data = Dataset(A.Profile(), [A.Indicator("top").Goal("S1"), A.Indicator("mid").Goal("S1.1"), A.Indicator("low").Goal("S1.1.1")],
            [("top", "2024", "100"), ("mid", "2024", "100"), ("low", "2024", "100")],
            [("top", "2024", "100"), ("mid", "2024", "50"), ("low", "2024", "0")], plan);
        var result = PerformanceCalculator.Compute(data);
        Assert.Equal(100m, result.AgencyCapaian);
        Assert.Equal(50m, result.Goal("S1.1").Capaian);
        Assert.Equal(0m, result.Goal("S1.1.1").Capaian);
        Assert.Equal(["S1"], result.TopGoals.Select(g => g.Goal.Code));
    }

    [Fact]
    public void A_branch_whose_upper_node_carries_no_indicator_counts_its_highest_measured_node()
    {
        // K/L: SS-1 measured; SS-2 a heading whose sasaran program SP-2 carries the indicator; SP-1 under SS-1 is cascade
        var plan = new[]
        {
            new PlanNode { Code = "SS-1", Name = "SS 1", Level = PlanLevel.SasaranStrategis },
            new PlanNode { Code = "SS-2", Name = "SS 2", Level = PlanLevel.SasaranStrategis },
            new PlanNode { Code = "SP-1", Name = "SP 1", Level = PlanLevel.SasaranProgram, ParentCode = "SS-1" },
            new PlanNode { Code = "SP-2", Name = "SP 2", Level = PlanLevel.SasaranProgram, ParentCode = "SS-2" },
        };
        var data = Dataset(A.Profile(), [A.Indicator("a").Goal("SS-1"), A.Indicator("b").Goal("SP-1"), A.Indicator("c").Goal("SP-2")],
            [("a", "2024", "100"), ("b", "2024", "100"), ("c", "2024", "100")],
            [("a", "2024", "90"), ("b", "2024", "10"), ("c", "2024", "70")], plan);
        var result = PerformanceCalculator.Compute(data);
        Assert.Equal(80m, result.AgencyCapaian); // (90 + 70) / 2
    }

    [Fact]
    public void When_only_tujuan_carry_indicators_the_tujuan_are_the_top()
    {
        var plan = new[]
        {
            new PlanNode { Code = "T1", Name = "Tujuan 1", Level = PlanLevel.Tujuan },
            new PlanNode { Code = "T2", Name = "Tujuan 2", Level = PlanLevel.Tujuan },
        };
        var data = Dataset(A.Profile(), [A.Indicator("a").Goal("T1"), A.Indicator("b").Goal("T2")],
            [("a", "2024", "100"), ("b", "2024", "100")], [("a", "2024", "90"), ("b", "2024", "70")], plan);
        Assert.Equal(80m, PerformanceCalculator.Compute(data).AgencyCapaian);
    }

    [Fact]
    public void Renstra_progress_is_realisasi_over_the_end_target_Banjar_83_41()
    {
        // 003 Tabel 3.5: 50,05 / 60 = 83,41%
        var data = Dataset(A.Profile(period: "2025"), [A.Indicator("IK-1").Goal("S1")], [("IK-1", "2025", "38%"), ("IK-1", "Renstra", "60%")], [("IK-1", "2025", "50,05%")]);
        var progress = Assert.Single(ProgressCalculator.Renstra(data));
        Assert.Equal("83,41", IndonesianNumber.Format(progress.Progress.Value, 2, RoundingMode.Truncate));
    }

    [Fact]
    public void Trend_reports_year_on_year_change_Kemnaker_Tabel_3_3_minus_4_67()
    {
        // 000 Tabel 3.3: PyB vokasi 119.785 (2023) -> 114.195 (2024) = -4,67%
        var data = Dataset(A.Profile(), [A.Indicator("vokasi").Satuan("Orang")], [("vokasi", "2024", "100.000")], [("vokasi", "2023", "119.785"), ("vokasi", "2024", "114.195")]);
        var trend = ProgressCalculator.Trend(data, data.Indicators[0]);
        Assert.Equal(2, trend.Count);
        Assert.Equal("-4,67", IndonesianNumber.Format(trend[1].ChangePercent!.Value, 2));
        Assert.Equal(-5590m, trend[1].ChangePoints);
    }
}

public class PeriodResolutionTests
{
    private static readonly Indicator Rate = A.Indicator("rate").Aggregation(PeriodAggregation.Last).Build();
    private static readonly Indicator Placed = A.Indicator("placed").Satuan("Orang").Aggregation(PeriodAggregation.Sum).Build();

    private static PerformanceDataset Data(Indicator indicator, IEnumerable<Target> targets, IEnumerable<(int Quarter, string? Value)> quarters, string period = "2025-TW3") => new()
    {
        Profile = A.Profile(period: period),
        Plan = [new PlanNode { Code = "S1", Name = "S1", Level = PlanLevel.Sasaran }],
        Indicators = [indicator],
        Targets = targets.ToList(),
        Realisasi = quarters.Select(q => q.Value is null
            ? new Realisasi(indicator.Code, Period.OfQuarter(2025, q.Quarter), null, RealisasiStatus.NotAvailable, "survei belum selesai")
            : new Realisasi(indicator.Code, Period.OfQuarter(2025, q.Quarter), A.Value(q.Value, indicator))).ToList(),
    };

    private static Target T(Indicator i, string period, string value, bool cumulative = true, string? document = null) =>
        new(i.Code, Period.Parse(period).Value, A.Value(value, i), cumulative, document);

    [Fact]
    public void A_quarter_is_measured_through_the_dataset_against_its_own_target_not_the_annual_one()
    {
        // 001 IKU 1.1: annual 63,61, TW I 62,97, realisasi 60,66 -> 96,33% for TW I
        var data = Data(Rate, [T(Rate, "2025", "63,61%"), T(Rate, "2025-TW1", "62,97%")], [(1, "60,66%")], "2025-TW1");
        Assert.Equal("96,33", IndonesianNumber.Format(PerformanceCalculator.Compute(data).Row("rate").Capaian.Value, 2));
    }

    [Fact]
    public void A_missing_quarter_is_not_counted_as_zero_in_a_running_sum()
    {
        var data = Data(Placed, [T(Placed, "2025-TW3", "300")], [(1, "100"), (3, "100")]);
        Assert.Equal(CapaianStatus.NoRealisasi, PerformanceCalculator.Compute(data).Row("placed").Capaian.Status);
    }

    [Fact]
    public void A_rate_is_not_carried_forward_from_an_earlier_quarter()
    {
        var data = Data(Rate, [T(Rate, "2025-TW3", "60%")], [(1, "50%"), (2, "58%")]);
        Assert.Equal(CapaianStatus.NoRealisasi, PerformanceCalculator.Compute(data).Row("rate").Capaian.Status);
    }

    [Fact]
    public void A_year_is_not_reported_from_a_single_quarter()
    {
        var data = Data(Rate, [T(Rate, "2025", "60%")], [(1, "61%")], "2025");
        Assert.Equal(CapaianStatus.NoRealisasi, PerformanceCalculator.Compute(data).Row("rate").Capaian.Status);
        var complete = Data(Placed, [T(Placed, "2025", "400")], [(1, "100"), (2, "100"), (3, "100"), (4, "100")], "2025");
        Assert.Equal(100m, PerformanceCalculator.Compute(complete).Row("placed").Capaian.Value);
    }

    [Fact]
    public void A_not_available_quarter_makes_the_running_sum_not_available_with_its_reason()
    {
        var data = Data(Placed, [T(Placed, "2025-TW3", "300")], [(1, "100"), (2, null), (3, "100")]);
        var row = PerformanceCalculator.Compute(data).Row("placed");
        Assert.Equal(CapaianStatus.NotAvailable, row.Capaian.Status);
        Assert.Contains("survei belum selesai", row.Capaian.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_quarter_targets_with_a_quarter_missing_give_no_target_rather_than_a_mismatched_base()
    {
        var data = Data(Placed, [T(Placed, "2025-TW2", "100", cumulative: false)], [(1, "100"), (2, "100")], "2025-TW2");
        Assert.Equal(CapaianStatus.NoTarget, PerformanceCalculator.Compute(data).Row("placed").Capaian.Status);
    }

    [Fact]
    public void The_PK_Perubahan_target_wins_over_the_PK_whatever_the_row_order()
    {
        // docs/rules.md §7: a PK amended mid-year keeps both versions; the amendment is what is measured
        foreach (var order in new[] { false, true })
        {
            var targets = new[] { T(Placed, "2025", "100", document: "PK"), T(Placed, "2025", "200", document: "PK Perubahan") };
            var data = Data(Placed, order ? targets.Reverse() : targets, [(1, "50"), (2, "50"), (3, "25"), (4, "25")], "2025");
            Assert.Equal(75m, PerformanceCalculator.Compute(data).Row("placed").Capaian.Value); // 150 of 200
        }
    }
}
