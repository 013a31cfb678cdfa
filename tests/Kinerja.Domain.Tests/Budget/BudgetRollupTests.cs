using Kinerja.Domain.Budget;
using Kinerja.Domain.Validation;
using static Kinerja.Domain.Tests.Budget.BudgetLines;

namespace Kinerja.Domain.Tests.Budget;

public class BudgetRollupTests
{
    [Fact]
    public void KRO_2176_ABK_prints_16_651_000_while_its_two_RO_sum_to_33_301_000()
    {
        // 002 Tabel 3.6 line 675: RO 16.651.000 + RO 16.650.000 = 33.301.000, gap 16.650.000
        var lines = PasarKerjaAbk();
        var rollup = BudgetRollup.Compute(lines);
        var kro = rollup.Tree.Nodes.Single(n => n.Code == "2176.ABK");

        Assert.Equal(33_301_000m, rollup.ChildrenSum(kro).Pagu);
        Assert.Equal(33_300_000m, rollup.ChildrenSum(kro).Realisasi);
        Assert.Equal(16_651_000m, rollup.Own(kro).Pagu);
        Assert.Equal(SumStatus.Mismatch, rollup.Status(kro, BudgetField.Pagu));
        Assert.Equal(SumStatus.Mismatch, rollup.Status(kro, BudgetField.Realisasi));
    }

    [Fact]
    public void Kegiatan_2176_is_right_and_its_gap_to_the_KRO_lines_is_a_knock_on_of_2176_ABK()
    {
        // printed 9.090.838.000; KRO lines as printed sum to 9.074.188.000; the RO detail sums to 9.090.838.000
        var rollup = BudgetRollup.Compute(PasarKerjaAbk());
        var kegiatan = rollup.Tree.Roots.Single();

        Assert.Equal(9_074_188_000m, rollup.ChildrenSum(kegiatan).Pagu);
        Assert.Equal(9_090_838_000m, rollup.Computed(kegiatan).Pagu);
        Assert.Equal(8_690_035_417m, rollup.Computed(kegiatan).Realisasi);
        Assert.Equal(SumStatus.KnockOn, rollup.Status(kegiatan, BudgetField.Pagu));
        Assert.Equal(["2176.ABK"], rollup.CausesBelow(kegiatan, BudgetField.Pagu).Select(c => c.Code));
    }

    [Fact]
    public void Roll_up_never_overwrites_an_entered_figure()
    {
        var lines = PasarKerjaAbk();
        var rollup = BudgetRollup.Compute(lines);

        Assert.All(rollup.Tree.Nodes, n => Assert.Equal(n.Line.Pagu, rollup.Own(n).Pagu));
        Assert.Equal(16_651_000m, lines[1].Pagu);
    }

    [Fact]
    public void Sum_findings_for_2176_are_errors_at_the_KRO_and_information_at_the_kegiatan()
    {
        var findings = BudgetSumCheck.Check(PasarKerjaAbk()).ToList();

        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, f => Assert.Equal("2176.ABK", f.Code));
        Assert.Contains("pagu tercetak 16.651.000 tidak sama dengan jumlah 2 baris rinciannya 33.301.000, selisih 16.650.000", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("realisasi tercetak 16.650.000 tidak sama dengan jumlah 2 baris rinciannya 33.300.000, selisih 16.650.000", errors[1].Message, StringComparison.Ordinal);
        Assert.All(findings.Where(f => f.Severity != Severity.Error), f =>
        {
            Assert.Equal("2176", f.Code);
            Assert.Equal("anggaran-selisih-ikutan", f.Rule);
        });
    }

    [Fact]
    public void Penatausahaan_166_400_000_over_170_025_000_has_its_columns_swapped()
    {
        // 003 l.2429: printed 97,87% = 166.400.000 / 170.025.000, not realisasi / pagu (102,18%)
        var rollup = BudgetRollup.Compute(BanjarPenunjang());
        var line = rollup.Tree.Nodes.Single(n => n.Code == "P1.K2.S2");

        Assert.True(rollup.Swapped(line));
        Assert.Equal(170_025_000m, rollup.Own(line).Pagu);
        Assert.Equal(166_400_000m, rollup.Own(line).Realisasi);
        var finding = Assert.Single(BudgetAmountCheck.Check(BanjarPenunjang()), f => f.Code == "P1.K2.S2");
        Assert.Equal("anggaran-kolom-tertukar", finding.Rule);
        Assert.Contains("realisasi 170.025.000 melebihi pagu 166.400.000 (102,18%)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("seharusnya pagu 170.025.000 dan realisasi 166.400.000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Administrasi_Keuangan_prints_5_954_732_500_where_its_sub_kegiatan_sum_to_4_954_732_500()
    {
        // 003 l.2427: 4.754.500.000 + 170.025.000 (swapped back) + 7.822.000 + 22.385.500 = 4.954.732.500
        var rollup = BudgetRollup.Compute(BanjarPenunjang());
        var kegiatan = rollup.Tree.Nodes.Single(n => n.Code == "P1.K2");

        Assert.Equal(4_954_732_500m, rollup.ChildrenSum(kegiatan).Pagu);
        Assert.Equal(4_951_107_500m, rollup.ChildrenAsPrinted(kegiatan).Pagu);
        Assert.Equal(SumStatus.Mismatch, rollup.Status(kegiatan, BudgetField.Pagu));
        // with the swap put back the realisasi adds up exactly: 4.403.619.363
        Assert.Equal(SumStatus.Consistent, rollup.Status(kegiatan, BudgetField.Realisasi));

        var finding = Assert.Single(BudgetSumCheck.Check(BanjarPenunjang()), f => f.Code == "P1.K2");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("pagu tercetak 5.954.732.500", finding.Message, StringComparison.Ordinal);
        Assert.Contains("4.954.732.500", finding.Message, StringComparison.Ordinal);
        Assert.Contains("selisih 1.000.000.000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Program_Penunjang_gap_of_one_billion_is_only_the_echo_of_Administrasi_Keuangan()
    {
        // 003 l.2415: kegiatan as printed sum to 7.771.413.758; with 4.954.732.500 they give the printed 6.771.413.758
        var rollup = BudgetRollup.Compute(BanjarPenunjang());
        var program = rollup.Tree.Roots.Single();

        Assert.Equal(7_771_413_758m, rollup.ChildrenSum(program).Pagu);
        Assert.Equal(6_771_413_758m, rollup.Computed(program).Pagu);
        Assert.Equal(SumStatus.KnockOn, rollup.Status(program, BudgetField.Pagu));
        Assert.Equal(SumStatus.Consistent, rollup.Status(program, BudgetField.Realisasi));
        Assert.DoesNotContain(BudgetSumCheck.Check(BanjarPenunjang()), f => f.Code == "P1" && f.Severity != Severity.Info);
    }

    [Fact]
    public void Administrasi_Umum_realisasi_is_100_000_above_its_sub_kegiatan()
    {
        // 003 l.2436: printed 457.266.512; sub kegiatan sum to 457.166.512
        var finding = Assert.Single(BudgetSumCheck.Check(BanjarPenunjang()), f => f.Code == "P1.K4");

        Assert.Contains("realisasi tercetak 457.266.512, jumlah rincian 457.166.512, selisih 100.000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Printed_absorption_99_99_of_Rapat_Koordinasi_is_not_reproduced_and_88_88_is_explained_by_the_detail()
    {
        var findings = BudgetAmountCheck.Check(BanjarPenunjang()).Where(f => f.Rule == "anggaran-penyerapan-tercetak").ToList();

        // 244.831.564 / 244.960.000 = 99,9476% -> 99,95 either way, printed 99,99
        var rapat = Assert.Single(findings, f => f.Code == "P1.K4.S7");
        Assert.Equal(Severity.Error, rapat.Severity);
        Assert.Contains("seharusnya 99,95%", rapat.Message, StringComparison.Ordinal);
        // 4.403.619.363 / 4.954.732.500 = 88,877% -> the printed 88,88 belongs to the corrected pagu
        var keuangan = Assert.Single(findings, f => f.Code == "P1.K2");
        Assert.Equal(Severity.Info, keuangan.Severity);
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void Blokir_printed_only_on_the_total_is_not_compared_with_the_programs()
    {
        // 000: blokir 450.805.234.000 is printed per unit, not per program
        var lines = new[]
        {
            Line("WA", "TOTAL", 1_519_566_783_000m, 1_391_239_036_949m),
            Line("DN", "TOTAL", 2_526_542_299_000m, 2_286_493_872_264m),
            Line("DL", "TOTAL", 2_098_237_155_000m, 1_822_704_055_830m),
            Line("TOTAL", null, 6_144_346_237_000m, 5_500_436_965_043m) with { Blokir = 450_805_234_000m },
        };
        var rollup = BudgetRollup.Compute(lines);
        var total = rollup.Tree.Roots.Single();

        Assert.Equal(SumStatus.NotGiven, rollup.Status(total, BudgetField.Blokir));
        Assert.Equal(SumStatus.Consistent, rollup.Status(total, BudgetField.Pagu));
        Assert.Empty(BudgetSumCheck.Check(lines));
    }

    [Fact]
    public void Quarterly_realisasi_that_do_not_add_up_to_the_year_are_reported()
    {
        var line = Line("1.03.02.2.01.0001", null, 180_000_000m, 171_000_000m) with { QuarterlyRealisasi = [40_000_000m, 45_000_000m, 41_000_000m, 44_000_000m] };

        var finding = Assert.Single(BudgetAmountCheck.Check([line]));
        Assert.Equal("anggaran-realisasi-triwulan", finding.Rule);
        Assert.Contains("170.000.000", finding.Message, StringComparison.Ordinal);
        Assert.Contains("selisih 1.000.000", finding.Message, StringComparison.Ordinal);
    }
}
