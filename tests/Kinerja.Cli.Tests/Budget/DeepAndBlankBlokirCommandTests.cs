using System.Text;
using Kinerja.Cli.Tests;

namespace Kinerja.Cli.Tests.Budget;

public sealed class DeepAndBlankBlokirCommandTests : WithTempFolder
{
    [Fact]
    public async Task Budget_on_a_20000_level_chain_prints_every_line_instead_of_overflowing_the_stack()
    {
        // C0 <- C1 <- ... <- C19999, each pagu 1.000 realisasi 500: the total is the root, 500 / 1.000 = 50,00%
        var csv = new StringBuilder("Kode;Uraian;Pagu;Realisasi;Induk\n");
        for (var i = 0; i < 20_000; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"C{i};L{i};1000;500;{(i == 0 ? "" : "C" + (i - 1))}\n");
        var path = Path.Combine(Folder, "deep.csv");
        await File.WriteAllTextAsync(path, csv.ToString());

        var (code, output, error) = await CliHarness.Run("budget", path);

        Assert.True(code == CliApp.Ok, error);
        Assert.Contains("C19999", output, StringComparison.Ordinal);
        Assert.Contains("Penyerapan terhadap pagu: 50,00%", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blank_program_blokir_is_not_a_finding_and_the_total_takes_the_kegiatan_blokir()
    {
        // Program 1.000.000 blokir blank; kegiatan 600.000 (blokir 100.000) and 400.000; realisasi 900.000:
        // 900.000 / (1.000.000 - 100.000) = 100,00%
        // (programme 02, not 01: a X.XX.01 code is the penunjang programme, whose official names docs/imports.md checks)
        var path = Path.Combine(Folder, "blokir.csv");
        await File.WriteAllTextAsync(path, """
            Kode;Uraian;Pagu;Blokir;Realisasi
            1.01.02;Program A;1.000.000;;900.000
            1.01.02.2.01;Kegiatan A1;600.000;100.000;500.000
            1.01.02.2.02;Kegiatan A2;400.000;;400.000
            """);

        var (_, budget, _) = await CliHarness.Run("budget", path);
        var (checkCode, check, _) = await CliHarness.Run("check", path);

        Assert.Contains("terhadap pagu tanpa blokir (900.000): 100,00%", budget, StringComparison.Ordinal);
        Assert.Equal(CliApp.Ok, checkCode);
        Assert.Contains("tidak ada temuan", check, StringComparison.Ordinal);
    }
}
