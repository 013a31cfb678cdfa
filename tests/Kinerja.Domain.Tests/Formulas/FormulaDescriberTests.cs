using Kinerja.Domain.Formulas;
using static Kinerja.Domain.Tests.Formulas.FormulaTestData;

namespace Kinerja.Domain.Tests.Formulas;

public class FormulaDescriberTests
{
    private static readonly FormulaScope Scope = new(
    [
        Element("ditempatkan", "Pencari kerja ditempatkan", "Orang", "saluran: AKL, AKAD, AKAN"),
        Element("terdaftar", "Pencari kerja terdaftar"),
        Element("a", "A"),
        Element("b", "B"),
        Element("c", "C"),
    ]);

    [Theory]
    [InlineData("#{ditempatkan} / #{terdaftar} * 100", "Pencari kerja ditempatkan ÷ Pencari kerja terdaftar × 100")]
    [InlineData("#{ditempatkan|saluran:AKL} / #{terdaftar} * 100", "Pencari kerja ditempatkan (saluran AKL) ÷ Pencari kerja terdaftar × 100")]
    [InlineData("safediv(#{ditempatkan}, #{terdaftar}) * 100", "Pencari kerja ditempatkan ÷ Pencari kerja terdaftar × 100")]
    [InlineData("safediv(#{a}, #{b}, 100)", "A ÷ B (100 bila B = 0)")]
    [InlineData("safediv(#{a} + #{b}, #{c}) * 100", "(A + B) ÷ C × 100")]
    [InlineData("#{a} / safediv(#{b}, #{c})", "A ÷ (B ÷ C)")]
    [InlineData("(#{a} + #{b}) / #{c}", "(A + B) ÷ C")]
    [InlineData("#{a} - (#{b} - #{c})", "A − (B − C)")]
    [InlineData("#{a} / (#{b} * #{c})", "A ÷ (B × C)")]
    [InlineData("27.5% * #{a} + 0.1", "27,5% × A + 0,1")]
    [InlineData("union(#{a}, #{b}, #{c})", "(A + B − irisan C)")]
    [InlineData("if(#{a} = 0, 100, #{b} / #{a} * 100)", "(jika A = 0 maka 100, selain itu B ÷ A × 100)")]
    public void Formulas_read_in_words_as_a_report_prints_them(string text, string expected)
    {
        Assert.Equal(expected, FormulaDescriber.Describe(Parse(text), Scope));
    }
}
