using Kinerja.Documents.Budget;
using Kinerja.Domain.Budget;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Tests.Budget;

/// <summary>
/// Issue 24 item 3: seed 002's K/L tree (Pusat Pasar Kerja, kegiatan 2176, L674-690) from a SAKTI-style realisasi
/// file: levels printed with their pagu and realisasi down to the komponen, each sub komponen given only by its akun
/// rows (as SAKTI reports realisasi per akun), codes in full (026.05.DN.2176) or from the kegiatan down, akun alone
/// or after the full code.
/// </summary>
public class SaktiImportTests
{
    // seed 002 L674-690, the 17 penyerapan printed beside the first 17 lines of the tree
    private static readonly string[] Printed =
        ["95.59", "99.99", "99.99", "99.99", "100.00", "99.96", "100.00", "100.00", "100.00", "100.00", "96.26", "96.25", "96.25", "99.98", "99.86", "95.21", "91.80"];

    private static string SaktiFile(PerformanceDataset sample)
    {
        var rows = new List<object?[]>
        {
            new object?[] { "LAPORAN REALISASI ANGGARAN BELANJA PER RINCIAN OUTPUT DAN AKUN" },
            new object?[] { "Satker: Pusat Pasar Kerja, Kementerian Ketenagakerjaan (026)" },
            new object?[] { "Kode", "Uraian", "Pagu Revisi", "Realisasi s.d. Periode", "Sisa Pagu" },
        };
        var akunOnly = true;
        foreach (var line in sample.Budget)
        {
            var code = line.Level == "Kegiatan" ? "026.05.DN." + line.Code : line.Code;
            if (line.Level != "SubKomponen")
            {
                rows.Add([code, line.Name, line.Pagu, line.Realisasi, line.Sisa]);
                continue;
            }

            // the sub komponen row names it; its akun rows carry the money
            rows.Add([code, line.Name]);
            var bahan = Math.Round(line.Pagu / 2m / 1000m) * 1000m;
            var bahanRealisasi = Math.Min(bahan, line.Realisasi);
            var first = akunOnly ? "521211" : "026.05.DN." + line.Code + " 521211";
            var second = akunOnly ? "524111" : "026.05.DN." + line.Code + " 524111";
            rows.Add([first, "Belanja Bahan", ExportSheet.Rupiah(bahan), ExportSheet.Rupiah(bahanRealisasi), null]);
            rows.Add([second, "Belanja Perjalanan Dinas Biasa", ExportSheet.Rupiah(line.Pagu - bahan), ExportSheet.Rupiah(line.Realisasi - bahanRealisasi), null]);
            akunOnly = !akunOnly;
        }

        rows.Add([null, "JUMLAH", 9_090_838_000m, 8_690_035_417m]);
        return ExportSheet.Write("Laporan", rows, "A1:E1", "A2:E2");
    }

    [Fact]
    public void Seed_002s_tree_from_a_SAKTI_realisasi_file_gives_the_17_printed_absorption_figures()
    {
        var sample = Samples.Load("pasar-kerja-2021.xlsx");
        var export = BudgetExport.Read(SaktiFile(sample));
        Assert.Equal(BudgetExportKind.Sakti, export.Kind);

        var tree = export.Lines.Where(l => l.Level != "Akun").ToList();
        Assert.Equal(sample.Budget.Select(l => (l.Code, l.Level)), tree.Select(l => (l.Code, l.Level)));
        // two akun under every sub komponen, coded under it
        var subKomponen = sample.Budget.Count(l => l.Level == "SubKomponen");
        Assert.Equal(2 * subKomponen, export.Lines.Count(l => l.Level == "Akun"));
        Assert.Contains(export.Lines, l => l.Code == "2176.BAA.001.051.A.521211" && l.ParentCode == "2176.BAA.001.051.A");

        var rollup = BudgetRollup.Of(export.Lines);
        var nodes = rollup.Tree.Nodes.Where(n => n.Line.Level != "Akun").OrderBy(n => n.Line.SourceRow).Take(17).ToList();
        var figures = nodes.Select(n => n.Line.IsHeading ? rollup.ChildrenSum(n) : Amounts.Of(n.Line))
            .Select(a => IndonesianNumber.Format(a.Realisasi / a.Pagu * 100m, 2)).ToList();
        Assert.Equal(Printed.Select(p => p.Replace('.', ',')), figures);
        // the sub komponen take their figures from their akun: 2176.ABK.007.051.B 2.040.000 / 2.039.250
        var b = nodes[5];
        Assert.Equal(("2176.ABK.007.051.B", 2_040_000m, 2_039_250m), (b.Code, rollup.ChildrenSum(b).Pagu, rollup.ChildrenSum(b).Realisasi));
    }

    [Fact]
    public void SAKTI_codes_are_taken_apart_into_the_samples_tree()
    {
        var code = KlCodes.Parse("026.01.WA.2158.EBA.994.002 S 524111")!;
        Assert.Equal(("026", "01", "WA", "2158.EBA.994.002.S", "524111"), (code.Ba, code.Eselon, code.Program, code.Path, code.Akun));
        Assert.Equal("EBA", code.Kro);
        Assert.Equal("SubKomponen", KlCodes.Level(code.Path));
        Assert.Null(KlCodes.Parse("P1.K1"));
        Assert.Null(KlCodes.Parse("2.07.02.2.01.0003"));
    }
}
