using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests;

/// <summary>Numbers whose reading is in doubt are refused with a reason; nothing typed is dropped.</summary>
public class LeadingZeroGroupingTests
{
    [Theory]
    [InlineData("0.500")]
    [InlineData("00.500")]
    [InlineData("-0.250")]
    [InlineData("0.500,25")]
    [InlineData("0.500.000")]
    public void A_group_starting_with_zero_does_not_start_a_thousands_grouping(string text)
    {
        var parsed = IndonesianNumber.Parse(text);

        Assert.False(parsed.Success);
        Assert.False(string.IsNullOrWhiteSpace(parsed.Error));
    }

    [Fact]
    public void Zero_point_five_hundred_is_refused_with_both_readings_offered()
    {
        var parsed = IndonesianNumber.Parse("0.500");

        Assert.False(parsed.Success);
        Assert.Contains("0,5", parsed.Error, StringComparison.Ordinal);
        Assert.Contains("500", parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.75", 0.75)]
    [InlineData("0.5", 0.5)]
    [InlineData("0,500", 0.5)]
    [InlineData("0.5000", 0.5)]
    [InlineData("0", 0)]
    [InlineData("0.000", 0)]
    [InlineData("1.000", 1000)]
    [InlineData("10.500", 10500)]
    public void Decimals_below_one_and_real_thousands_still_read(string text, double expected)
    {
        var parsed = IndonesianNumber.Parse(text);

        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal((decimal)expected, parsed.Value);
    }
}

public class SpaceGroupingTests
{
    [Theory]
    [InlineData("1 762", 1762)]
    [InlineData("2 000 000", 2000000)]
    [InlineData("1\u00A0762", 1762)]
    [InlineData("12 081 204 858", 12081204858)]
    [InlineData("1 762,5", 1762.5)]
    [InlineData("-1 762", -1762)]
    public void A_space_between_groups_of_three_digits_is_a_thousands_separator(string text, double expected)
    {
        var parsed = IndonesianNumber.Parse(text);

        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal((decimal)expected, parsed.Value);
    }

    [Theory]
    [InlineData("1 76")]
    [InlineData("12 5")]
    [InlineData("1 7620")]
    [InlineData("1234 567")]
    [InlineData("0 500")]
    [InlineData("1  762")]
    [InlineData("1 762.5")]
    [InlineData("1 762,")]
    public void Any_other_space_inside_a_number_is_refused(string text)
    {
        var parsed = IndonesianNumber.Parse(text);

        Assert.False(parsed.Success);
        Assert.Contains("\"" + text + "\"", parsed.Error, StringComparison.Ordinal);
    }
}

public class RupiahAmountTests
{
    [Theory]
    [InlineData("1,500")]
    [InlineData("1,000")]
    [InlineData("-2,500")]
    [InlineData("999,999")]
    public void A_lone_comma_before_exactly_three_digits_is_refused_for_money(string text)
    {
        var parsed = IndonesianNumber.ParseAmount(text);

        Assert.False(parsed.Success);
        Assert.Contains("Rupiah", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refusal_names_the_thousands_and_the_decimal_reading()
    {
        var parsed = IndonesianNumber.ParseAmount("1,500");

        Assert.Contains("1.500", parsed.Error, StringComparison.Ordinal);
        Assert.Contains("1,50", parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    // Pasar Kerja 2021, 2176.ABK.007: pagu 16,651,000, realisasi 16,650,000
    [InlineData("16,651,000", 16651000)]
    [InlineData("16,650,000", 16650000)]
    // Pasar Kerja 2021, 2176: pagu 9.090.838.000
    [InlineData("9.090.838.000", 9090838000)]
    [InlineData("1.500", 1500)]
    [InlineData("1.500,00", 1500)]
    [InlineData("1,5", 1.5)]
    [InlineData("1,50", 1.5)]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("1.234,567", 1234.567)]
    [InlineData("1 500", 1500)]
    [InlineData("1500", 1500)]
    [InlineData("0,500", 0.5)]
    [InlineData("1500,500", 1500.5)]
    public void Unambiguous_amounts_keep_working(string text, double expected)
    {
        var parsed = IndonesianNumber.ParseAmount(text);

        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal((decimal)expected, parsed.Value);
    }

    [Theory]
    [InlineData("2,710", 2.71)]
    [InlineData("2,71", 2.71)]
    public void Percentages_and_indices_keep_the_comma_as_decimal_mark(string text, double expected)
    {
        var parsed = IndonesianNumber.Parse(text);

        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal((decimal)expected, parsed.Value);
    }
}

public class TrailingTextTests
{
    [Theory]
    [InlineData("56,40 - 59,32", "")]
    [InlineData("3 dari 4", "")]
    [InlineData("1 762 Orang", "")]
    [InlineData("76 Nilai", "")]
    [InlineData("56,40 - 59,32", "Persen")]
    [InlineData("3 dari 4", "Indeks")]
    [InlineData("1.762 Rupiah", "Orang")]
    public void Text_after_a_number_that_is_not_the_satuan_is_refused(string text, string satuan)
    {
        var parsed = MeasuredValueParser.Parse(text, TargetKind.Number, satuan);

        Assert.False(parsed.Success);
        Assert.Contains(text, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_empty_satuan_the_refusal_says_so()
    {
        var parsed = MeasuredValueParser.Parse("3 dari 4", TargetKind.Number, "");

        Assert.Contains("satuan indikator kosong", parsed.Error, StringComparison.Ordinal);
        Assert.Contains("Skala", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_typed_for_a_number_indicator_points_to_the_range_kind()
    {
        var parsed = MeasuredValueParser.Parse("56,40 - 59,32", TargetKind.Number, "");

        Assert.Contains("Rentang", parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    // Banjar 2025: jumlah pencari kerja 1.762 Orang
    [InlineData("1.762 Orang", "Orang", 1762)]
    [InlineData("1 762 Orang", "Orang", 1762)]
    [InlineData("1 762", "Orang", 1762)]
    [InlineData("1 762", "", 1762)]
    [InlineData("2 000 000 Rupiah", "Rupiah", 2000000)]
    [InlineData("86 Nilai Indeks", "Nilai Indeks", 86)]
    [InlineData("76,1 %", "Persen", 76.1)]
    [InlineData("60,66% Persen", "Persen", 60.66)]
    public void A_number_followed_by_its_satuan_reads(string text, string satuan, double expected)
    {
        var parsed = MeasuredValueParser.Parse(text, TargetKind.Number, satuan);

        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal((decimal)expected, Assert.IsType<NumberValue>(parsed.Value).Value);
        Assert.Equal(text, parsed.Value.Original);
    }

    [Theory]
    [InlineData("1 76 Orang", "Orang")]
    [InlineData("12 5", "")]
    [InlineData("12 5", "Orang")]
    public void A_badly_spaced_number_with_or_without_a_satuan_is_refused(string text, string satuan)
    {
        var parsed = MeasuredValueParser.Parse(text, TargetKind.Number, satuan);

        Assert.False(parsed.Success);
        Assert.Contains("spasi", parsed.Error, StringComparison.Ordinal);
    }
}

public class PercentThousandsDoubtTests
{
    [Theory]
    [InlineData("1.000%", "Persen")]
    [InlineData("1.001%", "Persen")]
    [InlineData("1.000", "Persen")]
    [InlineData("1.762%", "")]
    public void A_dot_that_makes_a_percentage_one_thousand_or_more_is_refused(string text, string satuan)
    {
        var parsed = MeasuredValueParser.Parse(text, TargetKind.Number, satuan);

        Assert.False(parsed.Success);
        Assert.Contains("meragukan", parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("999.5%", 999.5)]
    [InlineData("1000%", 1000)]
    [InlineData("1.000,0%", 1000)]
    [InlineData("210,80%", 210.80)]
    public void Percentages_below_one_thousand_or_written_without_a_lone_dot_read(string text, double expected)
    {
        var parsed = MeasuredValueParser.Parse(text, TargetKind.Number, "Persen");

        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal((decimal)expected, Assert.IsType<NumberValue>(parsed.Value).Value);
    }

    [Theory]
    [InlineData("1.762-2.000", "Persen")]
    [InlineData("56,40-1.000", "Persen")]
    [InlineData("1.762-2.000%", "")]
    public void Range_bounds_get_the_same_percent_check(string text, string satuan)
    {
        var parsed = MeasuredValueParser.Parse(text, TargetKind.Range, satuan);

        Assert.False(parsed.Success);
        Assert.Contains("meragukan", parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.762-2.000", "Orang", 1762, 2000)]
    [InlineData("1 762 - 2 000", "Orang", 1762, 2000)]
    [InlineData("56,40-59,32 %", "Persen", 56.40, 59.32)]
    public void Ranges_outside_percent_or_below_one_thousand_read(string text, string satuan, double lower, double upper)
    {
        var parsed = MeasuredValueParser.Parse(text, TargetKind.Range, satuan);

        Assert.True(parsed.Success, parsed.Error);
        var range = Assert.IsType<RangeValue>(parsed.Value);
        Assert.Equal((decimal)lower, range.Lower);
        Assert.Equal((decimal)upper, range.Upper);
    }
}
