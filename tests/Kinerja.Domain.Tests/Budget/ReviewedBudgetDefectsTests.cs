using Kinerja.Domain.Budget;
using Kinerja.Domain.Validation;
using static Kinerja.Domain.Tests.Budget.BudgetLines;

namespace Kinerja.Domain.Tests.Budget;

/// <summary>Defects a reviewer reproduced (inputs as small trees; figures worked by hand in the comments).</summary>
public class ReviewedBudgetDefectsTests
{
    [Fact]
    public void Pagu_0_with_realisasi_and_a_printed_penyerapan_is_reported_as_realisasi_above_pagu_not_a_crash()
    {
        // pagu 0, realisasi 100.000, printed 0%: realisasi / pagu has no value, so there is no evidence of swapped columns
        var lines = new[] { Line("1.01.01", null, 0m, 100_000m, 0m, "P", 1) };

        var findings = BudgetAmountCheck.Check(lines).ToList();

        var finding = Assert.Single(findings);
        Assert.Equal("anggaran-realisasi-melebihi-pagu", finding.Rule);
        Assert.Contains("realisasi 100.000 melebihi pagu 0", finding.Message, StringComparison.Ordinal);
        Assert.False(BudgetRollup.Compute(lines).Swapped(BudgetRollup.Compute(lines).Tree.Roots[0]));
    }

    [Fact]
    public void A_typo_in_a_sub_kegiatan_is_not_blamed_on_the_kegiatan_its_program_confirms()
    {
        // Sub A1a 260.000 (meant 250.000) + Sub A1b 350.000 = 610.000 against Kegiatan A1 600.000;
        // Program A 1.000.000 = Kegiatan A1 600.000 + Kegiatan A2 400.000 confirms the kegiatan
        var lines = new[]
        {
            Line("1.01.01", null, 1_000_000m, 900_000m, name: "Program A", row: 2),
            Line("1.01.01.2.01", "1.01.01", 600_000m, 500_000m, name: "Kegiatan A1", row: 3),
            Line("1.01.01.2.01.0001", "1.01.01.2.01", 260_000m, 200_000m, name: "Sub A1a", row: 4),
            Line("1.01.01.2.01.0002", "1.01.01.2.01", 350_000m, 300_000m, name: "Sub A1b", row: 5),
            Line("1.01.01.2.02", "1.01.01", 400_000m, 400_000m, name: "Kegiatan A2", row: 6),
            Line("1.01.01.2.02.0001", "1.01.01.2.02", 400_000m, 400_000m, name: "Sub A2a", row: 7),
        };

        var finding = Assert.Single(BudgetSumCheck.Check(lines));

        Assert.Equal("1.01.01.2.01", finding.Code);
        Assert.Contains("pagu tercetak 600.000, jumlah rincian 610.000, selisih 10.000", finding.Message, StringComparison.Ordinal);
        Assert.Contains("salah satu baris rinciannya yang salah", finding.Message, StringComparison.Ordinal);
        // no suspect among the rows: the finding says where to look without listing every row
        Assert.Contains("periksa pagu pada 2 baris rinciannya", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("260.000", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("seharusnya", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kegiatan_whose_printed_penyerapan_reproduces_its_figures_blames_its_sub_kegiatan()
    {
        // Kegiatan 500.000 / 600.000 = 83,33% as printed; its sub kegiatan sum to 500.000 / 610.000 = 81,97%
        var lines = new[]
        {
            Line("K1", null, 600_000m, 500_000m, 83.33m, "Kegiatan A1", 1),
            Line("K1.S1", "K1", 260_000m, 200_000m, name: "Sub A1a", row: 2),
            Line("K1.S2", "K1", 350_000m, 300_000m, name: "Sub A1b", row: 3),
        };

        var finding = Assert.Single(BudgetSumCheck.Check(lines));

        Assert.Equal("K1", finding.Code);
        Assert.Contains("cocok dengan penyerapan tercetak 83,33%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("salah satu baris rinciannya yang salah", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("seharusnya", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Banjar_Administrasi_Umum_realisasi_is_confirmed_by_its_program_and_Rapat_Koordinasi_is_named_as_the_likely_typo()
    {
        // 003 notes 8.1.4: P1.K4 realisasi 457.266.512, sub kegiatan sum 457.166.512 (gap 100.000); P1 realisasi
        // 5.847.942.483 = the sum of its kegiatan realisasi; P1.K4.S7 244.831.564 / 244.960.000 = 99,95% but 99,99% printed
        var finding = Assert.Single(BudgetSumCheck.Check(BanjarPenunjang()), f => f.Code == "P1.K4");

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("realisasi tercetak 457.266.512, jumlah rincian 457.166.512, selisih 100.000", finding.Message, StringComparison.Ordinal);
        Assert.Contains("cocok dengan jumlah pada induknya P1 (baris 1)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("kemungkinan besar P1.K4.S7 (baris 16)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_identical_row_is_counted_once_in_its_parent_and_the_total()
    {
        // Kegiatan A2 400.000 / 400.000 printed twice (a repeated page header): Program A 1.000.000 = 600.000 + 400.000
        var lines = new[]
        {
            Line("1.01.01", null, 1_000_000m, 900_000m, name: "Program A", row: 2),
            Line("1.01.01.2.01", "1.01.01", 600_000m, 500_000m, name: "Kegiatan A1", row: 3),
            Line("1.01.01.2.02", "1.01.01", 400_000m, 400_000m, name: "Kegiatan A2", row: 4),
            Line("1.01.01.2.02", "1.01.01", 400_000m, 400_000m, name: "Kegiatan A2", row: 5),
        };
        var rollup = BudgetRollup.Compute(lines);
        var program = Assert.Single(rollup.Tree.Roots);

        Assert.Equal(2, program.Children.Count);
        Assert.Equal(1_000_000m, rollup.ChildrenSum(program).Pagu);
        Assert.Equal(SumStatus.Consistent, rollup.Status(program, BudgetField.Pagu));
        Assert.Empty(BudgetSumCheck.Check(lines));
        var warning = Assert.Single(BudgetStructureCheck.Check(lines));
        Assert.Equal("anggaran-baris-berulang", warning.Rule);
    }

    [Fact]
    public void A_repeated_top_row_is_one_root_and_the_total_counts_it_once()
    {
        // program P 100.000 / 50.000 printed again after its kegiatan: the total stays 100.000
        var lines = new[]
        {
            Line("P", null, 100_000m, 50_000m, name: "P", row: 1),
            Line("P.K", "P", 100_000m, 50_000m, name: "K", row: 2),
            Line("P", null, 100_000m, 50_000m, name: "P", row: 3),
        };
        var rollup = BudgetRollup.Compute(lines);

        Assert.Single(rollup.Tree.Roots);
        Assert.Equal(100_000m, rollup.Total.Pagu);
        Assert.Equal(50_000m, rollup.Total.Realisasi);
    }

    [Fact]
    public void Lines_under_a_duplicated_parent_code_are_not_taken_for_a_repeated_row()
    {
        // 002: 2176.ABK.007 names two different RO; the .051 lines below each belong to their own RO
        var rollup = BudgetRollup.Compute(PasarKerjaAbk());
        var kro = rollup.Tree.Nodes.Single(n => n.Code == "2176.ABK");

        Assert.Equal(33_301_000m, rollup.ChildrenSum(kro).Pagu);
        Assert.All(rollup.Tree.Nodes.Where(n => n.Code.StartsWith("2176.ABK.007", StringComparison.Ordinal)), n => Assert.Null(n.RepeatOf));
    }

    [Fact]
    public void A_blank_blokir_on_a_program_takes_the_blokir_entered_on_its_kegiatan()
    {
        // Program 1.000.000 blokir blank; Kegiatan A1 600.000 blokir 100.000, A2 400.000 blank; realisasi 900.000:
        // 900.000 / (1.000.000 - 100.000) = 100,00%
        var lines = new[]
        {
            Line("1.01.01", null, 1_000_000m, 900_000m, name: "Program A", row: 2) with { Blokir = null },
            Line("1.01.01.2.01", "1.01.01", 600_000m, 500_000m, name: "Kegiatan A1", row: 3) with { Blokir = 100_000m },
            Line("1.01.01.2.02", "1.01.01", 400_000m, 400_000m, name: "Kegiatan A2", row: 4) with { Blokir = null },
        };
        var rollup = BudgetRollup.Compute(lines);

        Assert.Empty(BudgetSumCheck.Check(lines));
        Assert.Equal(SumStatus.NotGiven, rollup.Status(rollup.Tree.Roots[0], BudgetField.Blokir));
        Assert.Equal(100_000m, rollup.Total.Blokir);
        Assert.Equal(100.00m, new Absorption(rollup.Total, null).OfPaguWithoutBlokir);
    }

    [Fact]
    public void A_blokir_written_as_0_on_a_program_whose_kegiatan_carry_blokir_is_still_a_mismatch()
    {
        // a written 0 is a figure: 0 against 100.000 entered below
        var lines = new[]
        {
            Line("1.01.01", null, 1_000_000m, 900_000m, name: "Program A", row: 2) with { Blokir = 0m },
            Line("1.01.01.2.01", "1.01.01", 600_000m, 500_000m, name: "Kegiatan A1", row: 3) with { Blokir = 100_000m },
            Line("1.01.01.2.02", "1.01.01", 400_000m, 400_000m, name: "Kegiatan A2", row: 4),
        };

        var finding = Assert.Single(BudgetSumCheck.Check(lines));

        Assert.Contains("blokir tercetak 0", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_row_with_realisasi_above_pagu_is_reported_once()
    {
        // 300.000 realisasi against 200.000 pagu, printed twice: one finding, on the first line
        var lines = new[]
        {
            Line("K", null, 200_000m, 300_000m, name: "K", row: 1),
            Line("K", null, 200_000m, 300_000m, name: "K", row: 2),
        };

        var finding = Assert.Single(BudgetAmountCheck.Check(lines));

        Assert.Equal(1, finding.Row);
    }

    [Fact]
    public void A_parent_whose_only_child_repeats_its_figure_is_not_taken_as_confirmed()
    {
        // Kegiatan 600.000 is the only child of Program 600.000; its sub kegiatan sum to 610.000: no second witness
        var lines = new[]
        {
            Line("P", null, 600_000m, 500_000m, name: "Program", row: 1),
            Line("P.K", "P", 600_000m, 500_000m, name: "Kegiatan", row: 2),
            Line("P.K.1", "P.K", 260_000m, 200_000m, name: "Sub 1", row: 3),
            Line("P.K.2", "P.K", 350_000m, 300_000m, name: "Sub 2", row: 4),
        };

        var finding = Assert.Single(BudgetSumCheck.Check(lines), f => f.Code == "P.K");

        // not confirmed: either the kegiatan or a sub kegiatan is wrong, and the sum is not offered as the answer
        Assert.Contains("pagu tercetak 600.000 tidak sama dengan jumlah 2 baris rinciannya 610.000, selisih 10.000", finding.Message, StringComparison.Ordinal);
        Assert.Contains("angka baris ini atau salah satu baris rinciannya salah", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("seharusnya", finding.Message, StringComparison.Ordinal);
    }
}
