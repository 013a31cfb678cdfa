using Kinerja.Domain.Formulas;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests.Formulas;

public class CatalogueTests
{
    private static readonly IndicatorCatalogue Catalogue = IndicatorCatalogue.Labour;

    [Fact]
    public void Every_catalogue_formula_parses_and_validates_against_the_catalogue_elements()
    {
        foreach (var indicator in Catalogue.Indicators)
            Assert.True(FormulaValidator.Validate(indicator.Formula, Catalogue.Scope, indicator.Code, indicator.Satuan).Count == 0,
                indicator.Code + ": " + string.Join("; ", FormulaValidator.Validate(indicator.Formula, Catalogue.Scope, indicator.Code, indicator.Satuan)));
    }

    [Fact]
    public void The_catalogue_holds_the_labour_indicators_the_issue_names()
    {
        string[] required = ["TPT", "TPAK", "PENEMPATAN", "CAKUPAN_JAMSOS", "PELATIHAN_KOMPETEN", "SERTIFIKASI", "PPHI", "PERUSAHAAN_PATUH", "INDEKS_KEPUASAN_LIKERT", "EFEKTIVITAS_BERTAHAP"];

        Assert.Empty(required.Except(Catalogue.Indicators.Select(i => i.Code)));
        Assert.All(Catalogue.Indicators, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Definition));
            Assert.False(string.IsNullOrWhiteSpace(i.Source));
            Assert.False(string.IsNullOrWhiteSpace(i.Satuan));
        });
        Assert.Equal(Polarity.LowerIsBetter, Catalogue["TPT"].Polarity);
    }

    [Fact]
    public void Every_element_a_catalogue_formula_uses_is_defined_once()
    {
        Assert.Equal(Catalogue.Elements.Count, Catalogue.Elements.Select(e => e.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var used = Catalogue.Indicators.SelectMany(i => i.Formula.Elements).Select(e => e.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(used, code => Assert.NotNull(Catalogue.Scope.Element(code)));
    }

    [Fact]
    public void An_adopted_indicator_carries_the_catalogue_formula_and_reads_in_words()
    {
        var indicator = Catalogue["PENEMPATAN"].Adopt("IK-1", "S1", "SEKSI-PENEMPATAN");

        Assert.Equal("safediv(#{pencaker_ditempatkan}, #{pencaker_terdaftar}) * 100", indicator.FormulaExpression);
        Assert.Equal("Persen", indicator.Satuan);
        Assert.Equal("Pencari kerja ditempatkan ÷ Pencari kerja terdaftar × 100",
            FormulaDescriber.Describe(Catalogue["PENEMPATAN"].Formula, Catalogue.Scope));
    }

    [Fact]
    public void The_catalogue_productivity_formula_reproduces_kemnaker_4_01()
    {
        // docs/rules.md §9 inputs (000 l.705-714), printed P = 4,01%
        var values = new Dictionary<string, decimal>
        {
            ["pyb_vokasi"] = 114_195m,
            ["pyb_penta"] = 709_436m,
            ["pyb_phi"] = 11_797_247m,
            ["pyb_binwas"] = 12_569_072m,
            ["pyb_irisan_phi_binwas"] = 9_726_743m,
            ["delta_pyb"] = 4_789_627m,
            ["pyb_formal"] = 60_815_798m,
            ["ump_rata_rata"] = 3_113_359m,
            ["upah_rata_rata_sakernas"] = 3_267_618m,
        };

        var p = new FormulaEvaluator().Evaluate(Catalogue["KONTRIBUSI_PRODUKTIVITAS"].Formula, new FormulaTestData.Values(values));

        Assert.Equal(4.01m, Rounding.Apply(p.Value, 2, RoundingMode.HalfUp));
    }
}
