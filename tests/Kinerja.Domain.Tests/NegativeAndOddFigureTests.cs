using Kinerja.Domain.Budget;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests;

/// <summary>
/// Capaian over figures below zero (growth rates), the quarters against the year, empty periods, and numbers no
/// decimal keeps: each rule with a case where it acts and one where it does not.
/// </summary>
public class NegativeAndOddFigureTests
{
    // ---- capaian with negative figures (docs/measurement.md "Figures below zero")

    [Fact]
    public void A_negative_target_gives_no_capaian_with_its_reason_whatever_the_polarity()
    {
        // growth target -1%, realisasi -0,5% (better): the plain ratio would say 50%
        var higher = CapaianCalculator.Number(-1m, -0.5m, Polarity.HigherIsBetter, LowerIsBetterMethod.A, null);
        Assert.Equal(CapaianStatus.NotComputable, higher.Status);
        Assert.StartsWith("target negatif (-1): rumus capaian (realisasi dibanding target) terbalik maknanya di bawah nol", higher.Reason, StringComparison.Ordinal);
        Assert.Equal(CapaianStatus.NotComputable, CapaianCalculator.Number(-2m, -3m, Polarity.LowerIsBetter, LowerIsBetterMethod.A, null).Status);
        Assert.Equal(CapaianStatus.NotComputable, CapaianCalculator.Number(-2m, -3m, Polarity.LowerIsBetter, LowerIsBetterMethod.B, null).Status);
    }

    [Fact]
    public void A_negative_realisasi_against_a_positive_target_follows_the_formula_and_its_floor()
    {
        // pertumbuhan ekonomi target 5%, realisasi -2,1%: -2,1 / 5 = -42% -> 0%
        var higher = CapaianCalculator.Number(5m, -2.1m, Polarity.HigherIsBetter, LowerIsBetterMethod.A, null);
        Assert.Equal(CapaianStatus.Computed, higher.Status);
        Assert.Equal(0m, higher.Value);
        // inflation target 3%, realisasi -0,5% with method A: (6 + 0,5) / 3 = 216,67% (less is better)
        var lowerA = CapaianCalculator.Number(3m, -0.5m, Polarity.LowerIsBetter, LowerIsBetterMethod.A, null);
        Assert.Equal(6.5m / 3m * 100m, lowerA.Value);
        // method B, 3 / -0,5 = -600%: no meaning, not computed
        var lowerB = CapaianCalculator.Number(3m, -0.5m, Polarity.LowerIsBetter, LowerIsBetterMethod.B, null);
        Assert.Equal(CapaianStatus.NotComputable, lowerB.Status);
        Assert.StartsWith("realisasi negatif (-0,5) pada metode B", lowerB.Reason, StringComparison.Ordinal);
        // and the positive figures are untouched: 78,73 / 81,75
        Assert.Equal(78.73m / 81.75m * 100m, CapaianCalculator.Number(81.75m, 78.73m, Polarity.HigherIsBetter, LowerIsBetterMethod.A, null).Value);
    }

    [Fact]
    public void A_capaian_beyond_decimal_is_not_computed_and_says_why_instead_of_throwing()
    {
        var indicator = A.Indicator().Build();
        var tiny = new NumberValue(0.0000000000000000000000000001m, true) { Original = "0,0000000000000000000000000001%" };
        var realisasi = new NumberValue(63m, true) { Original = "63%" };
        Assert.True(CapaianCalculator.Overflows(indicator, tiny, realisasi, A.Profile()));
        var capaian = CapaianCalculator.Compute(indicator, tiny, realisasi, A.Profile());
        Assert.Equal(CapaianStatus.NotComputable, capaian.Status);
        Assert.StartsWith("capaian dari realisasi 63% dan target 0,0000000000000000000000000001% terlalu besar untuk dihitung", capaian.Reason, StringComparison.Ordinal);
        var zero = new NumberValue(0m, true) { Original = "0%" };
        Assert.False(CapaianCalculator.Overflows(indicator, tiny, zero, A.Profile()));
        Assert.Equal(0m, CapaianCalculator.Compute(indicator, tiny, zero, A.Profile()).Value);
    }

    // ---- numbers the parser refuses rather than rounds

    [Theory]
    [InlineData("1e308", "terlalu besar untuk disimpan tepat (notasi ilmiah)")]
    [InlineData("1E-40", "terlalu kecil untuk disimpan tepat (notasi ilmiah)")]
    [InlineData("2,5e3", "ditulis dalam notasi ilmiah (E)")]
    [InlineData("79228162514264337593543950336", "terlalu besar untuk disimpan tepat; paling besar 79.228.162.514.264.337.593.543.950.335")]
    [InlineData("0,00000000000000000000000000001", "mempunyai lebih banyak angka daripada yang dapat disimpan tepat")]
    [InlineData("1 234 567 890 123 456 789 012 345 678,91", "mempunyai lebih banyak angka daripada yang dapat disimpan tepat")]
    public void Numbers_no_decimal_keeps_exactly_are_refused_with_the_reason(string text, string reason)
    {
        var parsed = IndonesianNumber.Parse(text);
        Assert.False(parsed.Success);
        Assert.Contains(reason, parsed.Error, StringComparison.Ordinal);
        Assert.False(MeasuredValueParser.Parse(text, TargetKind.Number, "Persen").Success);
    }

    [Theory]
    [InlineData("79.228.162.514.264.337.593.543.950.335", "79228162514264337593543950335")]
    [InlineData("0,0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("12345678901234567890123456789", "12345678901234567890123456789")]
    [InlineData("2,7100", "2.7100")]
    public void Numbers_at_the_edge_of_decimal_are_kept_exactly(string text, string exact)
    {
        var parsed = IndonesianNumber.Parse(text);
        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal(decimal.Parse(exact, System.Globalization.CultureInfo.InvariantCulture), parsed.Value);
    }

    // ---- the quarters against the year

    private static PerformanceDataset Quarters(PeriodAggregation aggregation, string annual, params string[] quarters)
    {
        static MeasuredValue N(string text) => MeasuredValueParser.Parse(text, TargetKind.Number, "Orang").Value;
        return new PerformanceDataset
        {
            Profile = A.Profile(period: "2025"),
            Indicators = [new Indicator { Code = "IK-1", GoalCode = "S1", Name = "Pencari kerja ditempatkan", Satuan = "Orang", Aggregation = aggregation, OwnerUnitCode = "D" }],
            Targets = [new Target("IK-1", Period.OfYear(2025), N("1.000"))],
            Realisasi = [new Realisasi("IK-1", Period.OfYear(2025), N(annual)), .. quarters.Select((v, i) => new Realisasi("IK-1", Period.OfQuarter(2025, i + 1), N(v)))],
        };
    }

    private static Finding? QuarterFinding(PerformanceDataset data) => new QuarterlyRealisasiCheck().Check(data).SingleOrDefault();

    [Fact]
    public void A_flow_adds_its_quarters_up_to_the_year()
    {
        var finding = QuarterFinding(Quarters(PeriodAggregation.Sum, "950", "200", "250", "250", "300"));
        Assert.NotNull(finding);
        // a warning: the quarters are entered through the year and each submission of a quarter must not be blocked by it
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("IK-1 2025", finding.Code);
        Assert.StartsWith("Pencari kerja ditempatkan: realisasi triwulan 2025 (I 200, II 250, III 250, IV 300) berjumlah 1.000, tidak sama dengan realisasi tahun 2025 (950; selisih 50)", finding.Message, StringComparison.Ordinal);
        Assert.Null(QuarterFinding(Quarters(PeriodAggregation.Sum, "950", "200", "250", "250", "250")));
    }

    [Fact]
    public void Quarters_written_cumulatively_for_a_flow_are_named_with_the_figures_each_quarter_should_hold()
    {
        // s.d. TW: 200, 450, 700, 950; the rows hold a quarter each, so they should read 200, 250, 250, 250
        var finding = QuarterFinding(Quarters(PeriodAggregation.Sum, "950", "200", "450", "700", "950"));
        Assert.NotNull(finding);
        Assert.Contains("Triwulan IV sama dengan angka tahunan: bila realisasi triwulan ditulis kumulatif (s.d. triwulan), tulis angka triwulan itu saja (200, 250, 250, 250)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stock_ends_the_year_at_its_fourth_quarter_and_an_average_averages_to_it()
    {
        Assert.NotNull(QuarterFinding(Quarters(PeriodAggregation.Last, "105", "90", "100", "110", "122")));
        Assert.Null(QuarterFinding(Quarters(PeriodAggregation.Last, "122", "90", "100", "110", "122")));
        // (90 + 100 + 110 + 120) / 4 = 105
        Assert.Null(QuarterFinding(Quarters(PeriodAggregation.Average, "105", "90", "100", "110", "120")));
        var average = QuarterFinding(Quarters(PeriodAggregation.Average, "105", "90", "100", "110", "122"));
        Assert.NotNull(average);
        Assert.Contains("rata-rata realisasi triwulan 2025 (I 90, II 100, III 110, IV 122) adalah 105,5, tidak sama dengan realisasi tahun 2025 (105)", average.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_quarters_or_an_NA_quarter_are_not_compared()
    {
        Assert.Null(QuarterFinding(Quarters(PeriodAggregation.Sum, "950", "200", "250", "250")));
        var data = Quarters(PeriodAggregation.Sum, "950", "200", "250", "250", "300");
        data = data with { Realisasi = [.. data.Realisasi.Take(4), new Realisasi("IK-1", Period.OfQuarter(2025, 4), null, RealisasiStatus.NotAvailable, "survei belum terbit")] };
        Assert.Null(QuarterFinding(data));
    }

    // ---- empty periods

    [Fact]
    public void A_period_is_empty_without_its_own_targets_or_realisasi_or_those_of_its_quarters()
    {
        var data = Quarters(PeriodAggregation.Sum, "950", "200");
        Assert.Null(PeriodCoverage.EmptyReason(data, Period.OfYear(2025)));
        Assert.Null(PeriodCoverage.EmptyReason(data, Period.OfQuarter(2025, 1)));
        Assert.Equal("belum ada target periode 2025-TW2 dan belum ada realisasi untuk periode 2025-TW2 (sheet Target dan Realisasi); periode yang ada di workbook: 2025, 2025-TW1",
            PeriodCoverage.EmptyReason(data, Period.OfQuarter(2025, 2)));
        // a year with only quarterly rows has data: the year is combined from them
        var quarterly = data with { Targets = [], Realisasi = [.. data.Realisasi.Where(r => r.Period.IsQuarter)] };
        Assert.True(PeriodCoverage.HasData(quarterly, Period.OfYear(2025)));
        Assert.StartsWith("belum ada target tahun 2030", PeriodCoverage.EmptyReason(data, Period.OfYear(2030)), StringComparison.Ordinal);
    }

    // ---- budget sums beyond decimal

    [Fact]
    public void Two_children_whose_sum_is_beyond_decimal_are_named_and_one_alone_is_fine()
    {
        BudgetLine Line(string code, decimal pagu, string? parent = null) => new() { Code = code, Name = code, ParentCode = parent, Pagu = pagu, Realisasi = 1m };
        var huge = 79_000_000_000_000_000_000_000_000_000m;
        var overflow = BudgetOverflow.Find([Line("P", 1m), Line("P.1", huge, "P"), Line("P.2", huge, "P")]);
        Assert.NotNull(overflow);
        Assert.Equal("jumlah rincian di bawah P", overflow.Value.What);
        Assert.Equal(["P.1", "P.2"], overflow.Value.Lines.Select(l => l.Code));
        Assert.Null(BudgetOverflow.Find([Line("P", huge), Line("P.1", huge, "P")]));
        // two top lines: the agency total is what overflows
        Assert.Equal("jumlah seluruh anggaran", BudgetOverflow.Find([Line("A", huge), Line("B", huge)])?.What);
    }
}
