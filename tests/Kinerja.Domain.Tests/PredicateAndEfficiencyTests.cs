using Kinerja.Domain.Measurement;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests;

public class PredicateAndEfficiencyTests
{
    [Theory]
    [InlineData(131.71, "Sangat Tinggi")]
    [InlineData(92.5, "Sangat Tinggi")]
    [InlineData(90.0, "Tinggi")]
    [InlineData(82.22, "Tinggi")]
    [InlineData(75.0, "Sedang")]
    [InlineData(65.5, "Sedang")]
    [InlineData(65.0, "Rendah")]
    [InlineData(50.01, "Rendah")]
    [InlineData(50.0, "Sangat Rendah")]
    [InlineData(0, "Sangat Rendah")]
    public void Permendagri_86_bands_are_contiguous_Banjar_Tabel_3_3(double capaian, string expected) =>
        Assert.Equal(expected, PredicateScale.Permendagri86.Label((decimal)capaian));

    [Fact]
    public void Two_states_decide_on_the_capaian_alone()
    {
        Assert.Equal("Tercapai", PredicateScale.TwoState.Label(100m));
        Assert.Equal("Tidak Tercapai", PredicateScale.TwoState.Label(96.31m));
    }

    [Theory]
    [InlineData(69.99, "Merah")]
    [InlineData(70, "Kuning")]
    [InlineData(90, "Kuning")]
    [InlineData(90.01, "Hijau")]
    public void Traffic_light(double capaian, string expected) => Assert.Equal(expected, PredicateScale.TrafficLight.Label((decimal)capaian));

    [Fact]
    public void A_custom_scale_must_have_a_bottom_band()
    {
        Assert.Throws<ArgumentException>(() => new PredicateScale("lubang", [new PredicateBand(90m, false, "Baik", "#0f0")]));
        var custom = new PredicateScale("Kustom", [new PredicateBand(80m, true, "Baik", "#0f0"), new PredicateBand(null, false, "Kurang", "#f00")]);
        Assert.Equal("Baik", custom.Label(80m));
        Assert.Equal("Kurang", custom.Label(79.99m));
    }

    [Fact]
    public void Efficiency_difference_is_capaian_minus_absorption_Banjar_46_01()
    {
        // 003 Tabel 3.7: 131,71 - 85,70 = 46,01, only for capaian >= 100
        var row = EfficiencyCalculator.Compute(EfficiencyMethod.Difference, "IK-1", "Penempatan", 131.71m, 100_000_000m, 85_700_000m);
        Assert.Equal(46.01m, row.Efficiency);
        Assert.True(row.Claimed);
        var notReached = EfficiencyCalculator.Compute(EfficiencyMethod.Difference, "IK-16", "Kepatuhan", 82.22m, 100m, 50m);
        Assert.False(notReached.Claimed);
    }

    [Fact]
    public void Efficiency_ratio_is_capaian_over_absorption()
    {
        var row = EfficiencyCalculator.Compute(EfficiencyMethod.Ratio, "SS-1", "SS-1", 93.93m, 200m, 180m);
        Assert.Equal(93.93m / 90m, row.Efficiency);
    }

    [Fact]
    public void Efficiency_savings_is_unspent_share_of_pagu_claimed_only_when_reached()
    {
        var row = EfficiencyCalculator.Compute(EfficiencyMethod.Savings, "S1", "S1", 100m, 200m, 150m);
        Assert.Equal(25m, row.Efficiency);
        Assert.True(row.Claimed);
        Assert.False(EfficiencyCalculator.Compute(EfficiencyMethod.Savings, "S1", "S1", 99m, 200m, 150m).Claimed);
    }

    [Fact]
    public void Absorption_against_its_target_Kemnaker_90_97_and_98_17()
    {
        // docs/rules.md §7: 5.500.436.965.043 of 6.144.346.237.000 = 89,52%; of 5.693.541.003.000 = 96,61%; target 98,41
        var realisasi = 5_500_436_965_043m;
        var withBlokir = realisasi / 6_144_346_237_000m * 100m;
        var withoutBlokir = realisasi / 5_693_541_003_000m * 100m;
        Assert.Equal("89,52", IndonesianNumber.Format(withBlokir, 2));
        Assert.Equal("96,61", IndonesianNumber.Format(withoutBlokir, 2));
        // the report divides the displayed percentages
        Assert.Equal("90,97", IndonesianNumber.Format(89.52m / 98.41m * 100m, 2));
        Assert.Equal("98,17", IndonesianNumber.Format(96.61m / 98.41m * 100m, 2));
    }
}
