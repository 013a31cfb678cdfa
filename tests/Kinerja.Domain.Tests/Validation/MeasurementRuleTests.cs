using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;
using static Kinerja.Domain.Tests.Formulas.FormulaTestData;

namespace Kinerja.Domain.Tests.Validation;

/// <summary>Items 2-5 of issue 11: printed capaian judged on the measured figures, nothing left out silently, categories on the displayed figure, status against last year.</summary>
public class MeasurementRuleTests
{
    private static PerformanceDataset One(Indicator indicator, string target, string? realisasi, string? printed = null, AgencyProfile? profile = null, string period = "2025") => new()
    {
        Profile = profile ?? A.Profile(period: period),
        Plan = [new PlanNode { Code = indicator.GoalCode, Name = "Sasaran", Level = PlanLevel.Sasaran }],
        Indicators = [indicator with { OwnerUnitCode = "DINAS" }],
        Targets = [new Target(indicator.Code, Period.Parse(period).Value, A.Value(target, indicator))],
        Realisasi = realisasi is null ? [] : [new Realisasi(indicator.Code, Period.Parse(period).Value, A.Value(realisasi, indicator)) { PrintedCapaian = printed }],
    };

    private static List<Finding> Findings(PerformanceDataset data, string rule) => DatasetValidator.Check(data).Where(f => f.Rule == rule).ToList();

    // --- item 2: one code path for check and compute

    private static PerformanceDataset Placement(string typed, string printed) => One(A.Indicator("IK-1"), "38%", typed, printed) with
    {
        Indicators = [A.Indicator("IK-1").Build() with { FormulaExpression = "#{ditempatkan} / #{terdaftar} * 100", OwnerUnitCode = "DINAS" }],
        Units = [new OrgUnit { Code = "DINAS", Name = "Dinas" }],
        DataElements = [Element("ditempatkan", "Pencari kerja ditempatkan"), Element("terdaftar", "Pencari kerja terdaftar")],
        DataValues = [Value("ditempatkan", "2025", 882m), Value("terdaftar", "2025", 1762m)],
    };

    [Fact]
    public void With_counts_the_printed_capaian_is_judged_on_the_computed_realisasi_Banjar_IK_1_131_71_against_131_73()
    {
        // 882 / 1.762 = 50,0567%; / 38 = 131,728 -> 131,73; the report divided the rounded 50,05 and printed 131,71
        var data = Placement("50,05%", "131,71%");
        var finding = Assert.Single(Findings(data, PrintedCapaianCheck.Rule));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("131,73%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("sudah dibulatkan 50,05%", finding.Message, StringComparison.Ordinal);
        // compute shows the same figure the check names
        var row = Measure.Compute(data).Row("IK-1");
        Assert.Equal("131,73%", CapaianDisplay.Text(data.Profile, row.Capaian));
        Assert.Equal(PrintedCheck.Mismatch, row.PrintedCheck);
    }

    [Fact]
    public void With_counts_a_printed_capaian_from_the_unrounded_realisasi_is_silent()
    {
        Assert.Empty(Findings(Placement("50,05%", "131,73%"), PrintedCapaianCheck.Rule));
    }

    [Fact]
    public void A_printed_capaian_no_rounding_explains_is_an_error_naming_the_computed_figure()
    {
        // seed 003 Tabel 3.3 style: 1.762 / 1.000 = 176,20%, printed 167,20%
        var finding = Assert.Single(Findings(One(A.Indicator("IK-9").Satuan("Orang"), "1.000", "1.762", "167,20%"), PrintedCapaianCheck.Rule));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.EndsWith("seharusnya 176,20%", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_printed_capaian_reached_only_by_the_unrounded_realisasi_asks_for_the_counts()
    {
        // Kemenko IKU-1.3 style under half-up with no truncation either: 34,79 / 33,67 = 103,3264 (103,33; 103,32 truncated),
        // so take a printed 103,31: 34,785 / 33,67 = 103,3115 is within the realisasi's rounding
        var finding = Assert.Single(Findings(One(A.Indicator("IKU-1.3"), "33,67%", "34,79%", "103,31%"), PrintedCapaianCheck.Rule));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("sebelum dibulatkan", finding.Message, StringComparison.Ordinal);
    }

    // --- item 3: never silently left out

    [Theory]
    [InlineData("0", "5", false, "target 0 pada indikator maksimal")]
    [InlineData("3 dari 4", "4 dari 5", false, "skala target")]
    [InlineData("4", "0", true, "metode B")]
    public void An_indicator_whose_capaian_cannot_be_computed_is_an_error_and_keeps_its_reason(string target, string realisasi, bool lowerB, string reason)
    {
        var builder = A.Indicator("X").Satuan("Indeks");
        if (target.Contains("dari", StringComparison.Ordinal))
            builder = builder.Kind(TargetKind.Score);
        if (lowerB)
            builder = builder.LowerIsBetter(LowerIsBetterMethod.B);
        var data = One(builder, target, realisasi);
        var finding = Assert.Single(Findings(data, UncomputedCapaianCheck.Rule));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(reason, finding.Message, StringComparison.Ordinal);
        var row = PerformanceCalculator.Compute(data).Row("X");
        Assert.Equal(CapaianStatus.NotComputable, row.Capaian.Status);
        Assert.Contains(reason, row.Capaian.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_without_realisasi_is_a_warning_and_an_N_A_with_its_reason_is_not()
    {
        var missing = One(A.Indicator("X"), "50%", null);
        Assert.Equal(Severity.Warning, Assert.Single(Findings(missing, UncomputedCapaianCheck.Rule)).Severity);
        var notAvailable = missing with { Realisasi = [new Realisasi("X", Period.OfYear(2025), null, RealisasiStatus.NotAvailable, "survei belum selesai")] };
        Assert.Empty(Findings(notAvailable, UncomputedCapaianCheck.Rule));
        Assert.Empty(Findings(One(A.Indicator("X"), "50%", "40%"), UncomputedCapaianCheck.Rule));
    }

    [Theory]
    [InlineData(false, "5", 100)]
    [InlineData(false, "0", 100)]
    [InlineData(true, "0", 100)]
    [InlineData(true, "5", 0)]
    public void A_zero_target_respects_polarity(bool lowerIsBetter, string realisasi, int expected)
    {
        var builder = A.Indicator("Z").Kind(TargetKind.Zero).Satuan("Kasus");
        if (lowerIsBetter)
            builder = builder.LowerIsBetter();
        Assert.Equal(expected, A.Capaian(builder, "0", realisasi).Value);
    }

    // --- item 4: category on the displayed capaian

    [Fact]
    public void A_capaian_shown_100_00_is_never_Tidak_Tercapai()
    {
        // 39,999 / 40 = 99,9975 shows 100,00%
        var row = PerformanceCalculator.Compute(One(A.Indicator("X"), "40", "39,999")).Row("X");
        Assert.Equal("100,00%", CapaianDisplay.Text(A.Profile(), row.Capaian));
        Assert.Equal("Tercapai", row.Predicate);
    }

    [Fact]
    public void Capaian_90_004_and_90_both_shown_90_00_land_in_the_same_band()
    {
        var profile = A.Profile(scale: PredicateScale.Permendagri86, period: "2025");
        var a = PerformanceCalculator.Compute(One(A.Indicator("X"), "100", "90,004", profile: profile)).Row("X");
        var b = PerformanceCalculator.Compute(One(A.Indicator("X"), "100", "90", profile: profile)).Row("X");
        Assert.Equal("Tinggi", a.Predicate);
        Assert.Equal(a.Predicate, b.Predicate);
    }

    // --- item 5: status against last year

    private static string? Status(Indicator indicator, string target, string now, string lastYear, bool show = true)
    {
        var data = One(indicator, target, now, profile: A.Profile(period: "2025") with { ShowStatus = show });
        data = data with { Realisasi = [.. data.Realisasi, new Realisasi(indicator.Code, Period.OfYear(2024), A.Value(lastYear, indicator))] };
        return PerformanceCalculator.Compute(data).Row(indicator.Code).Status;
    }

    [Fact]
    public void Status_is_reached_not_reached_but_improved_or_not_reached_by_polarity()
    {
        Assert.Equal("Tercapai", Status(A.Indicator("X"), "40%", "40%", "45%"));
        Assert.Equal("Tidak Tercapai tetapi Meningkat", Status(A.Indicator("X"), "40%", "37%", "36,18%"));
        Assert.Equal("Tidak Tercapai", Status(A.Indicator("X"), "45%", "37%", "39,84%"));
        // lower is better: 2,76 after 3,10 improved, even though the 2,71 target was missed
        Assert.Equal("Tidak Tercapai tetapi Meningkat", Status(A.Indicator("TPT").LowerIsBetter(LowerIsBetterMethod.B), "2,71%", "2,76%", "3,10%"));
        Assert.Equal("Tidak Tercapai", Status(A.Indicator("TPT").LowerIsBetter(LowerIsBetterMethod.B), "2,71%", "2,76%", "2,50%"));
    }

    [Fact]
    public void Status_is_off_unless_the_profile_turns_it_on()
    {
        Assert.Null(Status(A.Indicator("X"), "40%", "37%", "36%", show: false));
    }
}
