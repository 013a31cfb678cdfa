using Kinerja.Cli;

namespace Kinerja.Documents.Tests.Budget;

/// <summary>Issue 24 item 5: `kinerja check|budget|compute` take a SIPD export where they take a budget CSV.</summary>
public class BudgetExportCliTests
{
    private static async Task<(int Code, string Out, string Err)> Kinerja(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Check_and_budget_read_a_SIPD_export_alone_and_with_the_workbook()
    {
        var banjar = Samples.Path("banjar-2025.xlsx");
        var export = SipdImportTests.BanjarExport(Samples.Load("banjar-2025.xlsx"));
        var name = Path.GetFileName(export);

        // alone: the budget checks and the nomenclature, findings named at the export's rows
        var (code, output, _) = await Kinerja("check", export);
        Assert.Equal(CliApp.Findings, code);
        Assert.Contains($"{name}: [PERINGATAN] {name}, baris ", output, StringComparison.Ordinal);
        Assert.Contains("2.07.01.2.06.0008: \"Fasilitas Kunjungan Tamu\": nama berbeda dari nama resmi kode", output, StringComparison.Ordinal);
        // seed 003's P1.K2 printed 5.954.732.500 over rows of 4.954.732.500: found in the export as in the workbook
        Assert.Contains("2.07.01.2.02", output, StringComparison.Ordinal);
        Assert.Contains("(anggaran-jumlah-rincian)", output, StringComparison.Ordinal);

        // with the workbook: the tree tied to the plan, the efficiency table as the workbook's own
        var (budgetCode, withExport, _) = await Kinerja("budget", banjar, "--budget-csv", export);
        Assert.Equal(CliApp.Ok, budgetCode);
        Assert.Contains("Pengaitan " + name + " dengan rencana: 0 baris cocok menurut kode, 64 menurut nama, 0 tidak cocok.", withExport, StringComparison.Ordinal);
        var (_, own, _) = await Kinerja("budget", banjar);
        Assert.Equal(Efficiency(own), Efficiency(withExport));
        // the row whose pagu a finding doubts (003 IK-20, P1.K2) is still "tidak dihitung*", its note naming the export's row
        Assert.Contains($"efisiensi tidak dihitung karena angka anggaran yang dipakai ditandai galat oleh pemeriksaan: {name}, baris ", withExport, StringComparison.Ordinal);
        Assert.Contains("46,01%", Efficiency(own), StringComparison.Ordinal);

        var (computeCode, computed, _) = await Kinerja("compute", banjar, "--budget-csv", export);
        Assert.Equal(CliApp.Ok, computeCode);
        Assert.Equal((await Kinerja("compute", banjar)).Out, computed);
    }

    // the efficiency table: from its title to its notes (which name where the doubted figure was read)
    private static string Efficiency(string output)
    {
        var start = output.IndexOf("Efisiensi (", StringComparison.Ordinal);
        var end = output.IndexOf("\n* ", start, StringComparison.Ordinal);
        return output[start..(end > start ? end : output.Length)];
    }
}
