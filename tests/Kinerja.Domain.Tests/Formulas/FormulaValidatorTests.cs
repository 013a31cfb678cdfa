using Kinerja.Domain.Formulas;
using static Kinerja.Domain.Tests.Formulas.FormulaTestData;

namespace Kinerja.Domain.Tests.Formulas;

public class FormulaValidatorTests
{
    private static readonly FormulaScope Scope = new(
        [
            Element("ditempatkan", "Pencari kerja ditempatkan", "Orang", "saluran: AKL, AKAD, AKAN"),
            Element("terdaftar", "Pencari kerja terdaftar"),
            Element("ump", "Rata-rata UMP", "Rupiah"),
        ],
        [
            ("IK-1", "Persen", "#{ditempatkan} / #{terdaftar} * 100"),
            ("IK-2", "Persen", "I{IK-3} + 1"),
            ("IK-3", "Persen", "I{IK-2} * 2"),
            ("IK-4", "Persen", "I{IK-4}"),
        ]);

    [Fact]
    public void A_valid_ratio_passes()
    {
        Assert.Empty(FormulaValidator.Validate("safediv(#{ditempatkan|saluran:AKL}, #{terdaftar}) * 100", Scope, "IK-9", "Persen"));
    }

    [Fact]
    public void An_unknown_element_is_rejected_with_its_name_and_position()
    {
        var error = Assert.Single(FormulaValidator.Validate("#{ditempatkan} / #{pencaker_hilang} * 100", Scope, "IK-9", "Persen"));

        Assert.Equal("elemen data \"pencaker_hilang\" tidak dikenal (posisi 18)", error.ToString());
    }

    [Fact]
    public void A_formula_referring_to_its_own_indicator_is_rejected()
    {
        var errors = FormulaValidator.Validate("I{IK-4}", Scope, "IK-4", "Persen");

        Assert.Contains(errors, e => e.Message == "rumus indikator IK-4 merujuk dirinya sendiri (I{IK-4}); rujukan melingkar tidak dapat dihitung");
    }

    [Fact]
    public void A_circle_through_another_indicator_is_rejected_with_the_path()
    {
        var errors = FormulaValidator.Validate("I{IK-3} + 1", Scope, "IK-2", "Persen");

        Assert.Contains(errors, e => e.Message == "rujukan melingkar: IK-2 → IK-3 → IK-2");
    }

    [Fact]
    public void Adding_people_to_rupiah_is_rejected()
    {
        var error = Assert.Single(FormulaValidator.Validate("#{terdaftar} + #{ump}", Scope));

        Assert.Equal("tidak dapat menjumlahkan Orang dengan Rupiah", error.Message);
    }

    [Fact]
    public void A_percent_indicator_must_divide_like_by_like()
    {
        var error = Assert.Single(FormulaValidator.Validate("#{ditempatkan} / #{ump} * 100", Scope, "IK-9", "Persen"));

        Assert.StartsWith("hasil rumus bersatuan Orang/Rupiah, padahal indikator bersatuan Persen", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constants_take_the_satuan_they_are_added_to()
    {
        Assert.Empty(FormulaValidator.Validate("#{terdaftar} + 1", Scope, null, "Orang"));
        Assert.Empty(FormulaValidator.Validate("max(#{terdaftar}, 0)", Scope, null, "Orang"));
    }

    [Theory]
    [InlineData("safediv(#{ditempatkan})", "fungsi safediv memerlukan 2 sampai 3 argumen, bukan 1: safediv(pembilang, penyebut, nilai bila penyebut 0 = 0)")]
    [InlineData("median(#{ditempatkan})", "fungsi \"median\" tidak dikenal; yang tersedia: sum, min, max, avg, abs, if, safediv, union")]
    [InlineData("#{ditempatkan|saluran:LUAR} / #{terdaftar}", "rincian \"saluran\" pada \"ditempatkan\" tidak punya opsi \"LUAR\"; yang ada: AKL, AKAD, AKAN")]
    [InlineData("#{terdaftar|jenis_kelamin:P} / #{terdaftar}", "elemen data \"terdaftar\" tidak punya rincian, jadi tidak bisa disaring dengan \"jenis_kelamin\"")]
    [InlineData("I{IK-99} * 2", "indikator \"IK-99\" tidak dikenal")]
    [InlineData("min(#{terdaftar}, #{ump})", "argumen fungsi min bersatuan berbeda (Orang, Rupiah)")]
    public void Functions_breakdowns_and_indicator_references_are_checked(string text, string message)
    {
        var errors = FormulaValidator.Validate(text, Scope);

        Assert.Contains(errors, e => e.Message == message);
    }
}
