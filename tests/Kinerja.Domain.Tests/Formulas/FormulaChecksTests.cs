using Kinerja.Domain.DataElements;
using Kinerja.Domain.Formulas;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;
using static Kinerja.Domain.Tests.Formulas.FormulaTestData;

namespace Kinerja.Domain.Tests.Formulas;

public class FormulaChecksTests
{
    private static PerformanceDataset Banjar(string typedRealisasi, string formula = "safediv(#{ditempatkan}, #{terdaftar}) * 100") => new()
    {
        Profile = new AgencyProfile { Agency = "Disnakertrans Banjar", Year = 2025, ReportPeriod = Period.OfYear(2025), Rounding = RoundingMode.Truncate },
        Units = [new OrgUnit { Code = "DINAS", Name = "Dinas" }],
        Plan = [new PlanNode { Code = "S1", Name = "Sasaran", Level = PlanLevel.Sasaran }],
        Indicators = [new Indicator { Code = "IK-1", GoalCode = "S1", Name = "Persentase pencari kerja yang ditempatkan", Satuan = "Persen", FormulaExpression = formula, OwnerUnitCode = "DINAS" }],
        Targets = [new Target("IK-1", Period.OfYear(2025), new NumberValue(38m, true) { Original = "38%" })],
        Realisasi = [new Realisasi("IK-1", Period.OfYear(2025), MeasuredValueParser.Parse(typedRealisasi, TargetKind.Number, "Persen").Value)],
        DataElements = [Element("ditempatkan", "Pencari kerja ditempatkan", breakdowns: "jalur: PKWT, penempatan"), Element("terdaftar", "Pencari kerja terdaftar", breakdowns: "jalur: pelatihan_kerja, antar_kerja")],
        DataValues =
        [
            // 003 l.475-480
            Value("ditempatkan", "2025", 338m, "jalur:PKWT"),
            Value("ditempatkan", "2025", 544m, "jalur:penempatan"),
            Value("terdaftar", "2025", 515m, "jalur:pelatihan_kerja"),
            Value("terdaftar", "2025", 1274m, "jalur:antar_kerja"),
            Value("terdaftar", "2025", 1762m),
        ],
    };

    [Fact]
    public void Registrations_515_and_1274_do_not_add_up_to_the_printed_1762()
    {
        var finding = Assert.Single(new DataValueChecks().Check(Banjar("50,05%")));

        Assert.Equal("rincian-tidak-sama-jumlah", finding.Rule);
        Assert.Equal("rincian Pencari kerja terdaftar menurut jalur berjumlah 1.789 (515 + 1.274), tidak sama dengan jumlah 1.762 (selisih 27)", finding.Message);
    }

    [Fact]
    public void A_typed_realisasi_the_counts_reproduce_is_not_a_finding()
    {
        // 882 / 1.762 = 50,0567..., printed 50,05 (truncated)
        Assert.Empty(new ComputedRealisasiCheck().Check(Banjar("50,05%")));
    }

    [Fact]
    public void A_typed_realisasi_that_differs_from_the_counts_is_a_finding()
    {
        var finding = Assert.Single(new ComputedRealisasiCheck().Check(Banjar("49,30%")));

        Assert.Equal("realisasi-dihitung", finding.Rule);
        Assert.StartsWith("realisasi tertulis 49,30% tidak sama dengan hasil hitung dari data 50,05%", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_referencing_formula_is_a_finding_of_the_validator()
    {
        var findings = DatasetValidator.Check(Banjar("50,05%", "I{IK-1} + 1"));

        Assert.Contains(findings, f => f.Rule == "rumus-hitung" && f.Message.Contains("rumus indikator IK-1 merujuk dirinya sendiri", StringComparison.Ordinal));
    }

    [Fact]
    public void Applying_formulas_replaces_the_typed_realisasi_with_the_computed_one()
    {
        var applied = FormulaRealisasi.Apply(Banjar("50,05%"));

        var realisasi = Assert.Single(applied.Realisasi);
        var number = Assert.IsType<NumberValue>(realisasi.Value);
        Assert.Equal(882m / 1762m * 100m, number.Value);
        Assert.StartsWith("dihitung dari data: Pencari kerja ditempatkan ÷ Pencari kerja terdaftar", realisasi.Note, StringComparison.Ordinal);
    }
}
