using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests;

public class ValueParsingTests
{
    [Theory]
    [InlineData("1.762", 1762)]
    [InlineData("2.000.000", 2000000)]
    [InlineData("2,71", 2.71)]
    [InlineData("52.04", 52.04)]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("12.081.204.858", 12081204858)]
    [InlineData("16,651,000", 16651000)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("76,1", 76.1)]
    [InlineData("-4,67", -4.67)]
    [InlineData("0", 0)]
    public void Indonesian_numbers_are_read_without_guessing(string text, double expected)
    {
        var parsed = IndonesianNumber.Parse(text);
        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal((decimal)expected, parsed.Value);
    }

    [Theory]
    [InlineData("1.76.2")]
    [InlineData("12,5,3")]
    [InlineData("1.2345,6")]
    [InlineData("abc")]
    [InlineData("2,71,")]
    [InlineData("")]
    public void Doubtful_numbers_are_refused_with_a_reason(string text)
    {
        var parsed = IndonesianNumber.Parse(text);
        Assert.False(parsed.Success);
        Assert.False(string.IsNullOrWhiteSpace(parsed.Error));
    }

    [Theory]
    [InlineData(12081204858, 0, "12.081.204.858")]
    [InlineData(98.1884, 2, "98,19")]
    [InlineData(1762, 0, "1.762")]
    [InlineData(-4.6667, 2, "-4,67")]
    public void Numbers_are_written_the_Indonesian_way(double value, int decimals, string expected) =>
        Assert.Equal(expected, IndonesianNumber.Format((decimal)value, decimals));

    [Fact]
    public void Truncation_cuts_and_half_up_rounds_Banjar_50_05_and_Kemnaker_93_93()
    {
        Assert.Equal("50,05", IndonesianNumber.Format(882m / 1762m * 100m, 2, RoundingMode.Truncate));
        Assert.Equal("50,06", IndonesianNumber.Format(882m / 1762m * 100m, 2, RoundingMode.HalfUp));
        var ss2 = ((78.73m / 81.75m * 100m) + 100m + 85.5m) / 3m;
        Assert.Equal("93,93", IndonesianNumber.Format(ss2, 2, RoundingMode.Truncate));
        Assert.Equal("93,94", IndonesianNumber.Format(ss2, 2, RoundingMode.HalfUp));
    }

    [Theory]
    [InlineData("2024", 2024, 0)]
    [InlineData("2026-TW1", 2026, 1)]
    [InlineData("2026-tw4", 2026, 4)]
    [InlineData("TW III 2025", 2025, 3)]
    [InlineData("2025-Q2", 2025, 2)]
    public void Periods_parse_years_and_quarters(string text, int year, int quarter)
    {
        var p = Period.Parse(text);
        Assert.True(p.Success, p.Error);
        Assert.Equal(year, p.Value.Year);
        Assert.Equal(quarter, p.Value.Quarter);
    }

    [Fact]
    public void Period_round_trips_and_orders_quarters_before_their_year()
    {
        Assert.Equal("2026-TW1", Period.Parse("2026-TW1").Value.ToString());
        Assert.Equal("Triwulan I 2026", Period.OfQuarter(2026, 1).Label);
        Assert.True(Period.OfQuarter(2026, 4) < Period.OfYear(2026));
        Assert.True(Period.OfYear(2025) < Period.OfQuarter(2026, 1));
        Assert.True(Period.Parse("Renstra").Value.IsRenstraEnd);
        Assert.False(Period.Parse("2026-TW5").Success);
        Assert.False(Period.Parse("kemarin").Success);
    }

    [Fact]
    public void Range_score_grade_and_footnoted_values_parse_as_printed()
    {
        var range = Assert.IsType<RangeValue>(MeasuredValueParser.Parse("56,40-59,32 %", TargetKind.Range, "Persen").Value);
        Assert.Equal(56.40m, range.Lower);
        Assert.Equal(59.32m, range.Upper);
        var score = Assert.IsType<ScoreValue>(MeasuredValueParser.Parse("3,65 dari 4**", TargetKind.Score, "Indeks").Value);
        Assert.Equal(3.65m, score.Score);
        Assert.Equal(4m, score.Maximum);
        var grade = Assert.IsType<GradeValue>(MeasuredValueParser.Parse("wtp", TargetKind.Ordinal, "Opini", OrdinalScale.OpiniBpk).Value);
        Assert.Equal("WTP", grade.Grade);
        var provisional = Assert.IsType<NumberValue>(MeasuredValueParser.Parse("60,66%*", TargetKind.Number, "Persen").Value);
        Assert.Equal(60.66m, provisional.Value);
        var people = Assert.IsType<NumberValue>(MeasuredValueParser.Parse("1.762 Orang", TargetKind.Number, "Orang").Value);
        Assert.Equal(1762m, people.Value);
    }

    [Theory]
    [InlineData("1.762 Rupiah", TargetKind.Number, "Orang")]
    [InlineData("5 dari 4", TargetKind.Score, "Indeks")]
    [InlineData("WTX", TargetKind.Ordinal, "Opini")]
    [InlineData("59-56", TargetKind.Range, "Persen")]
    [InlineData("12%", TargetKind.Number, "Orang")]
    [InlineData("1.762%", TargetKind.Number, "Persen")]
    public void Values_that_do_not_fit_the_indicator_are_refused(string text, TargetKind kind, string satuan)
    {
        var parsed = MeasuredValueParser.Parse(text, kind, satuan, kind == TargetKind.Ordinal ? OrdinalScale.OpiniBpk : null);
        Assert.False(parsed.Success);
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("n/a")]
    [InlineData("-")]
    public void Not_available_is_recognised(string text) => Assert.True(MeasuredValueParser.IsNotAvailable(text));
}

public class ValueDisplayTests
{
    [Theory]
    [InlineData("50.05%", TargetKind.Number, "Persen", "50,05%")]
    [InlineData("1762 Orang", TargetKind.Number, "Orang", "1.762")]
    [InlineData("80,30", TargetKind.Number, "Nilai", "80,30")]
    [InlineData("34,7864596809%", TargetKind.Number, "Persen", "34,79%")]
    [InlineData("56,30-58,80%", TargetKind.Range, "Persen", "56,30-58,80%")]
    [InlineData("3,65 dari 4", TargetKind.Score, "Indeks", "3,65 dari 4")]
    public void Values_display_the_Indonesian_way_with_the_decimals_they_were_written_with(string text, TargetKind kind, string satuan, string expected) =>
        Assert.Equal(expected, MeasuredValueParser.Parse(text, kind, satuan).Value.Display(2, RoundingMode.HalfUp));
}

public class NumberCellTests
{
    [Theory]
    [InlineData("1.125", "1,1250")]
    [InlineData("16651000", "16651000")]
    [InlineData("0.9819", "0,9819")]
    [InlineData("2.5", "2,5")]
    public void Numbers_from_numeric_cells_read_back_exactly_even_as_Rupiah(string invariant, string expected)
    {
        var value = decimal.Parse(invariant, System.Globalization.CultureInfo.InvariantCulture);
        var text = IndonesianNumber.FromNumberCell(value);
        Assert.Equal(expected, text);
        Assert.Equal(value, IndonesianNumber.Parse(text).Value);
        Assert.Equal(value, IndonesianNumber.ParseAmount(text).Value);
    }
}
