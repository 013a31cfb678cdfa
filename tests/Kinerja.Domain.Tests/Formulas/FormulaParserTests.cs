using Kinerja.Domain.Formulas;
using static Kinerja.Domain.Tests.Formulas.FormulaTestData;

namespace Kinerja.Domain.Tests.Formulas;

public class FormulaParserTests
{
    [Fact]
    public void Element_references_carry_their_breakdown_filters()
    {
        var formula = Parse("#{penempatan|saluran:AKL|hubungan_kerja:PKWT} + #{penempatan}");

        Assert.Equal(2, formula.Elements.Count);
        var filtered = formula.Elements[0];
        Assert.Equal("penempatan", filtered.Code);
        Assert.Equal(["saluran:AKL", "hubungan_kerja:PKWT"], filtered.Filters.Select(f => f.ToString()));
        Assert.Empty(formula.Elements[1].Filters);
    }

    [Fact]
    public void The_same_element_reference_is_listed_once()
    {
        var formula = Parse("safediv(#{a}, #{b}) + #{a} * I{IK-2}");

        Assert.Equal(["a", "b"], formula.Elements.Select(e => e.Reference));
        Assert.Equal(["IK-2"], formula.Indicators);
    }

    [Fact]
    public void A_percent_constant_is_a_hundredth()
    {
        // 001 IKU 2.1 weights the third stage with 27,5%
        var root = Assert.IsType<NumberNode>(Parse("27.5%").Root);

        Assert.Equal(0.275m, root.Value);
    }

    [Fact]
    public void Multiplication_binds_tighter_than_addition_and_subtraction_is_left_associative()
    {
        Assert.Equal(14m, Evaluate("2 + 3 * 4", []).Value);
        Assert.Equal(5m, Evaluate("10 - 3 - 2", []).Value);
        Assert.Equal(20m, Evaluate("(2 + 3) * 4", []).Value);
        Assert.Equal(-1m, Evaluate("-3 + 2", []).Value);
    }

    [Theory]
    [InlineData("#{a} + * 2", "posisi 8")]
    [InlineData("(#{a} + 2", "\")\" belum menutup")]
    [InlineData("#{a", "tidak ditutup")]
    [InlineData("penempatan / 2", "tulis elemen sebagai #{penempatan}")]
    [InlineData("4,0132", "tanda \",\" tidak diharapkan")]
    [InlineData("#{a|saluran} / 2", "harus ditulis kategori:opsi")]
    [InlineData("1 < 2 < 3", "tidak boleh berantai")]
    public void Syntax_errors_say_what_and_where(string text, string expected)
    {
        var parsed = Formula.Parse(text);

        Assert.False(parsed.Success);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Formulas_cannot_name_anything_outside_elements_indicators_and_registered_functions()
    {
        // a formula is data, not code: an unregistered name parses as a call and the validator refuses it
        var errors = FormulaValidator.Validate("system(1)", new FormulaScope([]));

        Assert.Contains(errors, e => e.Message.StartsWith("fungsi \"system\" tidak dikenal", StringComparison.Ordinal));
    }
}

public class FormulaLimitsTests
{
    [Fact]
    public void Deeply_nested_formulas_are_refused_before_they_can_exhaust_the_stack()
    {
        var parsed = Formula.Parse(new string('(', 60) + "1" + new string(')', 60));

        Assert.False(parsed.Success);
        Assert.StartsWith("rumus terlalu bersarang (lebih dari 50 tingkat)", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_formulas_are_refused()
    {
        var parsed = Formula.Parse(string.Join(" + ", Enumerable.Repeat("#{a}", 500)));

        Assert.False(parsed.Success);
        Assert.Equal("rumus terlalu panjang (3497 karakter; paling banyak 2000)", parsed.Error);
    }
}
