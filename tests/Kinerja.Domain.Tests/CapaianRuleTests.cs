using Kinerja.Domain.Measurement;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests;

/// <summary>docs/rules.md §4, each rule with its worked example from a seed report.</summary>
public class CapaianRuleTests
{
    private static string Display(Capaian c, RoundingMode mode = RoundingMode.HalfUp) => IndonesianNumber.Format(c.Value, 2, mode);

    [Fact]
    public void Higher_is_better_capaian_is_realisasi_over_target_Kemnaker_indeks_RB_96_31()
    {
        // 000 Tabel 3.2: Indeks RB target 81,75, realisasi 78,73, printed 96,31%
        var c = A.Capaian(A.Indicator().Satuan("Indeks"), "81,75", "78,73");
        Assert.Equal(78.73m / 81.75m * 100m, c.Value);
        Assert.Equal("96,31", Display(c));
        Assert.Equal("96,30", Display(c, RoundingMode.Truncate));
    }

    [Fact]
    public void Higher_is_better_count_Pasar_Kerja_52_04()
    {
        // 002 Tabel 3.1: 1.040.746 of 2.000.000 people, printed 52.04%
        var c = A.Capaian(A.Indicator().Satuan("Orang"), "2.000.000 Orang", "1.040.746 Orang");
        Assert.Equal(52.0373m, c.Value);
        Assert.Equal("52,04", Display(c));
    }

    [Fact]
    public void Lower_is_better_method_B_is_target_over_realisasi_Banjar_TPT_98_19()
    {
        // 003 Tabel 3.2: TPT target 2,71%, realisasi 2,76%, printed 98,19%; method A would give 98,15%
        var tpt = A.Indicator().LowerIsBetter(LowerIsBetterMethod.B).Build();
        var c = A.Capaian(tpt, "2,71%", "2.76%");
        Assert.Equal("98,19", Display(c));
        var a = A.Capaian(A.Indicator().LowerIsBetter(LowerIsBetterMethod.A), "2,71%", "2,76%");
        Assert.Equal("98,15", Display(a));
    }

    [Fact]
    public void Lower_is_better_capaian_uses_2T_minus_R_and_is_floored_at_zero()
    {
        var indicator = A.Indicator().LowerIsBetter().Build();
        Assert.Equal(80m, A.Capaian(indicator, "5", "6").Value); // (10 - 6) / 5
        Assert.Equal(0m, A.Capaian(indicator, "5", "12").Value); // (10 - 12) / 5 = -40 -> 0
        Assert.Equal(120m, A.Capaian(indicator, "5", "4").Value);
    }

    [Fact]
    public void The_agency_default_method_applies_when_the_indicator_has_none()
    {
        var indicator = A.Indicator().LowerIsBetter().Build();
        var c = A.Capaian(indicator, "2,71%", "2,76%", A.Profile(method: LowerIsBetterMethod.B));
        Assert.Equal(2.71m / 2.76m * 100m, c.Value);
    }

    [Fact]
    public void Range_realisasi_inside_the_range_is_100_Kemenko_TPAK_perempuan()
    {
        // 001 IKU 1.2: 56,63% inside 56,30-58,80% -> 100%
        var indicator = A.Indicator().Kind(TargetKind.Range).Build();
        Assert.Equal(100m, A.Capaian(indicator, "56,30-58,80%", "56,63%").Value);
    }

    [Fact]
    public void Range_realisasi_below_the_range_is_measured_against_the_lower_bound()
    {
        // docs/rules.md §4: 55,00 against 56,30-58,80 gives 55,00 / 56,30
        var indicator = A.Indicator().Kind(TargetKind.Range).Build();
        Assert.Equal(55.00m / 56.30m * 100m, A.Capaian(indicator, "56,30-58,80 %", "55,00").Value);
    }

    [Fact]
    public void Range_with_lower_is_better_above_the_range_uses_the_upper_bound()
    {
        var indicator = A.Indicator().Kind(TargetKind.Range).LowerIsBetter(LowerIsBetterMethod.B).Build();
        Assert.Equal(5m / 6m * 100m, A.Capaian(indicator, "4-5", "6").Value);
    }

    [Fact]
    public void Ordinal_at_the_target_grade_is_100_Opini_BPK_WTP()
    {
        var opini = A.Indicator().Kind(TargetKind.Ordinal, OrdinalScale.OpiniBpk).Satuan("Opini").Build();
        Assert.Equal(100m, A.Capaian(opini, "WTP", "WTP").Value);
    }

    [Fact]
    public void Ordinal_below_target_is_rank_over_rank()
    {
        // WDP (rank 3 of 4) against WTP (rank 4) -> 75%
        var opini = A.Indicator().Kind(TargetKind.Ordinal, OrdinalScale.OpiniBpk).Satuan("Opini").Build();
        Assert.Equal(75m, A.Capaian(opini, "WTP", "WDP").Value);
        var sakip = A.Indicator().Kind(TargetKind.Ordinal, OrdinalScale.NilaiSakip).Satuan("Nilai").Build();
        Assert.Equal(100m, A.Capaian(sakip, "BB", "A").Value); // above target
        Assert.Equal(4m / 5m * 100m, A.Capaian(sakip, "BB", "B").Value); // B rank 4, BB rank 5
    }

    [Fact]
    public void Zero_target_lower_is_better_gives_100_for_zero_and_0_otherwise()
    {
        // 002 IKK 7: zero data breaches
        var breaches = A.Indicator().Kind(TargetKind.Zero).LowerIsBetter().Build();
        Assert.Equal(100m, A.Capaian(breaches, "0", "0").Value);
        Assert.Equal(0m, A.Capaian(breaches, "0", "1").Value);
    }

    [Fact]
    public void Score_on_a_scale_is_capped_at_120_for_Kemenko_3_65_of_4()
    {
        // 001 IKU 3.1: 3,65 dari 4 against 3 dari 4 = 121,67% printed 120% under the agency's cap
        var index = A.Indicator().Kind(TargetKind.Score).Satuan("Indeks").Build();
        var capped = A.Capaian(index, "3 dari 4", "3,65 dari 4", A.Profile(cap: 120m));
        Assert.Equal(120m, capped.Value);
        Assert.True(capped.WasCapped);
        Assert.Equal("121,67", IndonesianNumber.Format(capped.Uncapped, 2));
        var uncapped = A.Capaian(index, "3 dari 4", "3,65 dari 4");
        Assert.Equal(3.65m / 3m * 100m, uncapped.Value);
    }

    [Fact]
    public void No_cap_by_default_Banjar_prints_210_percent()
    {
        // 003 IK-6: 5,27% against 2,5% = 210,8%
        var c = A.Capaian(A.Indicator(), "2,5%", "5.27%");
        Assert.Equal(210.8m, c.Value);
        Assert.False(c.WasCapped);
    }

    [Fact]
    public void Full_precision_gives_103_32_where_the_rounded_realisasi_would_give_103_33()
    {
        // 001 IKU 1.3: 47.951.794 / 137.846.146 = 34,7865% against TW I target 33,67%
        var exactRealisasi = 47951794m / 137846146m * 100m;
        var c = CapaianCalculator.Number(33.67m, exactRealisasi, Polarity.HigherIsBetter, LowerIsBetterMethod.A, null);
        Assert.Equal("103,32", Display(c));
        var fromRounded = CapaianCalculator.Number(33.67m, 34.79m, Polarity.HigherIsBetter, LowerIsBetterMethod.A, null);
        Assert.Equal("103,33", Display(fromRounded));
    }

    [Fact]
    public void Quarterly_capaian_is_against_the_quarter_target_Kemenko_IKU_1_1_96_33()
    {
        // 001 IKU 1.1: 60,66 against TW I target 62,97 (annual 63,61) = 96,33%
        var c = A.Capaian(A.Indicator(), "62,97%", "60,66%");
        Assert.Equal("96,33", Display(c));
        Assert.NotEqual("96,33", Display(A.Capaian(A.Indicator(), "63,61%", "60,66%")));
    }

    [Fact]
    public void Text_milestone_is_100_when_achieved_and_0_when_not()
    {
        var doc = A.Indicator().Kind(TargetKind.Text).Satuan("Dokumen").Build();
        Assert.Equal(100m, A.Capaian(doc, "Perda ditetapkan", "Tercapai").Value);
        Assert.Equal(0m, A.Capaian(doc, "Perda ditetapkan", "Belum").Value);
        Assert.Equal(CapaianStatus.NotComputable, A.Capaian(doc, "Perda ditetapkan", "sedang dibahas").Status);
    }

    [Fact]
    public void Higher_is_better_with_target_zero_is_not_computable_rather_than_a_division_error()
    {
        var c = A.Capaian(A.Indicator(), "0", "5");
        Assert.Equal(CapaianStatus.NotComputable, c.Status);
        Assert.Contains("target 0", c.Reason, StringComparison.Ordinal);
    }
}
