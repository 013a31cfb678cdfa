using Kinerja.Cli.Tests;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Validation;

namespace Kinerja.Cli.Tests.Budget;

/// <summary>The checker against the seed workbooks as printed (samples/notes list the mistakes and the lines that are right).</summary>
public class SampleBudgetFindingsTests
{
    private static IReadOnlyList<Finding> BudgetFindings(string sample) =>
        DatasetValidator.Check(DatasetImporter.Load(Samples.Path(sample))).Where(f => f.Sheet == "Anggaran").ToList();

    [Theory]
    [InlineData("pasar-kerja-2021.json")]
    [InlineData("pasar-kerja-2021.xlsx")]
    public void Pasar_kerja_reports_the_duplicate_2176_ABK_007_and_the_KRO_gap_of_16_650_000(string sample)
    {
        var findings = BudgetFindings(sample);

        var duplicate = Assert.Single(findings, f => f.Rule == "anggaran-kode-ganda");
        Assert.Equal("2176.ABK.007", duplicate.Code);
        var gaps = findings.Where(f => f.Rule == "anggaran-jumlah-rincian").ToList();
        Assert.Equal(2, gaps.Count);
        Assert.All(gaps, f => Assert.Equal("2176.ABK", f.Code));
        Assert.Contains(gaps, f => f.Message.Contains("pagu tercetak 16.651.000 tidak sama dengan jumlah 2 baris rinciannya 33.301.000, selisih 16.650.000", StringComparison.Ordinal));
        Assert.Contains(gaps, f => f.Message.Contains("realisasi tercetak 16.650.000 tidak sama dengan jumlah 2 baris rinciannya 33.300.000, selisih 16.650.000", StringComparison.Ordinal));
    }

    [Fact]
    public void Pasar_kerja_kegiatan_2176_is_only_a_knock_on_and_nothing_else_is_reported()
    {
        // notes 2.2.3: the kegiatan total is the sum of all RO lines; its gap to the KRO lines comes from 2176.ABK
        var findings = BudgetFindings("pasar-kerja-2021.json");

        Assert.All(findings.Where(f => f.Code == "2176"), f =>
        {
            Assert.Equal(Severity.Info, f.Severity);
            Assert.Equal("anggaran-selisih-ikutan", f.Rule);
        });
        Assert.Equal(["2176", "2176.ABK", "2176.ABK.007"], findings.Select(f => f.Code).Distinct().Order());
    }

    [Theory]
    [InlineData("2176.BAA")]
    [InlineData("2176.BAA.001")]
    [InlineData("2176.BAA.001.051")]
    [InlineData("2176.BAA.002")]
    [InlineData("2176.BAA.002.051")]
    [InlineData("2176.BAA.002.052")]
    [InlineData("2176.BIF")]
    [InlineData("2176.BIF.001")]
    [InlineData("2176.BIF.001.051")]
    [InlineData("2176.BMA")]
    [InlineData("2176.BMA.001")]
    [InlineData("2176.BMA.001.051")]
    [InlineData("2176.BMA.002")]
    [InlineData("2176.BMA.002.051")]
    [InlineData("2176.BMA.003")]
    [InlineData("2176.BMA.003.051")]
    [InlineData("2176.BMA.004")]
    [InlineData("2176.BMA.004.051")]
    [InlineData("2176.EAH")]
    [InlineData("2176.EAH.001")]
    [InlineData("2176.EAH.001.051")]
    [InlineData("2176.EAH.001.052")]
    [InlineData("2176.ABK.007.051")]
    public void Pasar_kerja_parent_lines_that_add_up_raise_no_alarm(string code)
    {
        // notes 2.3: 26 parents whose pagu and realisasi equal their children (the two ABK RO are covered by the duplicate finding)
        Assert.DoesNotContain(BudgetFindings("pasar-kerja-2021.json"), f => f.Code == code);
    }

    [Theory]
    [InlineData("banjar-2025.json")]
    [InlineData("banjar-2025.xlsx")]
    public void Banjar_reports_Administrasi_Keuangan_5_954_732_500_against_4_954_732_500(string sample)
    {
        var finding = Assert.Single(BudgetFindings(sample), f => f.Code == "P1.K2" && f.Rule == "anggaran-jumlah-rincian");

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("Administrasi Keuangan Perangkat Daerah", finding.Message, StringComparison.Ordinal);
        Assert.Contains("pagu tercetak 5.954.732.500", finding.Message, StringComparison.Ordinal);
        // the rows give 4.954.732.500 (P1.K2.S2's columns put back), and the printed 88,88% witnesses them against the printed total
        Assert.Contains("jumlah 4 baris rinciannya 4.951.107.500 seperti tercetak, 4.954.732.500 bila kolom P1.K2.S2", finding.Message, StringComparison.Ordinal);
        Assert.Contains("penyerapan tercetak baris ini 88,88% cocok dengan jumlah rinciannya", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("seharusnya", finding.Message, StringComparison.Ordinal);
        Assert.Contains("selisih 1.000.000.000", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("banjar-2025.json")]
    [InlineData("banjar-2025.xlsx")]
    public void Banjar_reports_Penatausahaan_166_400_000_over_170_025_000_as_swapped_columns(string sample)
    {
        var finding = Assert.Single(BudgetFindings(sample), f => f.Code == "P1.K2.S2");

        Assert.Equal("anggaran-kolom-tertukar", finding.Rule);
        Assert.Contains("Pelaksanaan Penatausahaan", finding.Message, StringComparison.Ordinal);
        Assert.Contains("realisasi 170.025.000 melebihi pagu 166.400.000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Banjar_budget_errors_are_exactly_the_four_mistakes_of_the_notes()
    {
        // notes 8.1: Administrasi Keuangan pagu, the Penatausahaan swap, Administrasi Umum realisasi +100.000, Rapat Koordinasi 99,99%
        var errors = BudgetFindings("banjar-2025.json").Where(f => f.Severity == Severity.Error).Select(f => (f.Code, f.Rule)).Order().ToList();

        Assert.Equal(
        [
            ("P1.K2", "anggaran-jumlah-rincian"),
            ("P1.K2.S2", "anggaran-kolom-tertukar"),
            ("P1.K4", "anggaran-jumlah-rincian"),
            ("P1.K4.S7", "anggaran-penyerapan-tercetak"),
        ], errors);
    }

    [Theory]
    [InlineData("P1.K1")]
    [InlineData("P1.K3")]
    [InlineData("P1.K5")]
    [InlineData("P1.K6")]
    [InlineData("P2")]
    [InlineData("P2.K1")]
    [InlineData("P2.K2")]
    [InlineData("P3")]
    [InlineData("P3.K1")]
    [InlineData("P4")]
    [InlineData("P4.K1")]
    [InlineData("P4.K2")]
    [InlineData("P4.K3")]
    [InlineData("P5")]
    [InlineData("P5.K1")]
    [InlineData("P6")]
    [InlineData("P6.K1")]
    [InlineData("P6.K2")]
    [InlineData("JB")]
    [InlineData("JB.1")]
    public void Banjar_parent_lines_that_add_up_raise_no_alarm(string code)
    {
        // notes 8.2: pagu and realisasi equal the children; also the total by spending type equals the total by program
        Assert.DoesNotContain(BudgetFindings("banjar-2025.json"), f => f.Code == code);
    }

    [Fact]
    public void Banjar_program_Penunjang_is_only_informed_of_the_knock_on_gap()
    {
        var program = BudgetFindings("banjar-2025.json").Where(f => f.Code == "P1").ToList();

        var finding = Assert.Single(program);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("P1.K2", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clean-demo.json")]
    [InlineData("clean-demo.xlsx")]
    public void The_clean_demo_has_no_findings_at_all(string sample) =>
        Assert.Empty(DatasetValidator.Check(DatasetImporter.Load(Samples.Path(sample))));
}
