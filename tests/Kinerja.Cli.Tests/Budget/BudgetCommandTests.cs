using Kinerja.Cli.Tests;

namespace Kinerja.Cli.Tests.Budget;

public sealed class BudgetCommandTests : WithTempFolder
{
    private static async Task<(int Code, string Output)> Run(params string[] args)
    {
        var (exit, output, error) = await CliHarness.Run(args);
        return (exit, output + error);
    }

    [Fact]
    public async Task Check_on_the_pasar_kerja_workbook_exits_1_naming_the_duplicate_and_the_gap()
    {
        var (code, output) = await Run("check", Samples.Path("pasar-kerja-2021.xlsx"));

        Assert.Equal(CliApp.Findings, code);
        Assert.Contains("kode 2176.ABK.007 dipakai oleh 2 baris", output, StringComparison.Ordinal);
        Assert.Contains("selisih 16.650.000", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_on_the_clean_demo_exits_0()
    {
        var (code, output) = await Run("check", Samples.Path("clean-demo.xlsx"));

        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("tidak ada temuan", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_with_a_finance_csv_replaces_the_workbook_budget()
    {
        // the clean demo's program with one sub kegiatan mistyped: 180.000.000 + 120.000.000 != 310.000.000
        var csv = Path.Combine(Folder, "anggaran.csv");
        await File.WriteAllTextAsync(csv, """
            kode;nama;pagu;realisasi
            1.03.02;Program Penempatan Tenaga Kerja;500.000.000;470.000.000
            1.03.02.2.01;Pelayanan Antar Kerja;310.000.000;285.000.000
            1.03.02.2.01.0001;Pelayanan Antar Kerja di Daerah;180.000.000;171.000.000
            1.03.02.2.01.0002;Bursa Kerja;120.000.000;114.000.000
            1.03.02.2.02;Pelatihan Pencari Kerja;200.000.000;185.000.000
            """);

        var (code, output) = await Run("check", Samples.Path("clean-demo.json"), "--budget-csv", csv);

        Assert.Equal(CliApp.Findings, code);
        Assert.Contains("pagu tercetak 310.000.000 tidak sama dengan jumlah 2 baris rinciannya 300.000.000, selisih 10.000.000", output, StringComparison.Ordinal);
        // the finding names the CSV it comes from, not the workbook's sheet
        Assert.Contains("anggaran.csv, baris 3, 1.03.02.2.01", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_accepts_a_finance_csv_alone()
    {
        var csv = Path.Combine(Folder, "anggaran.csv");
        await File.WriteAllTextAsync(csv, "P1.K2.S2;Pelaksanaan Penatausahaan;166.400.000;170.025.000\n");

        var (code, output) = await Run("check", csv);

        Assert.Equal(CliApp.Findings, code);
        Assert.Contains("realisasi 170.025.000 melebihi pagu 166.400.000", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_prints_the_tree_the_absorption_and_the_efficiency_table()
    {
        var (code, output) = await Run("budget", Samples.Path("banjar-2025.json"));

        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("TIDAK COCOK", output, StringComparison.Ordinal);
        Assert.Contains("kolom tertukar", output, StringComparison.Ordinal);
        // 003 total l.2396/l.2487: 10.066.484.952 / 12.081.204.858 = 83,32%
        Assert.Contains("Penyerapan terhadap pagu: 83,32%", output, StringComparison.Ordinal);
        Assert.Contains("46,01%", output, StringComparison.Ordinal);
    }
}
