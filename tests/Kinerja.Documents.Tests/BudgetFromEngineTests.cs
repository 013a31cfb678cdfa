using Kinerja.Documents.Reports;
using Kinerja.Domain.Model;

namespace Kinerja.Documents.Tests;

/// <summary>Reports lay out the engine's budget figures (BudgetAnalysis), never their own sums.</summary>
public class BudgetFromEngineTests
{
    private static OpenXmlTable EfficiencyTable(Docx docx) => docx.Tables.Single(t => t.Caption.Contains("Efisiensi Penggunaan Sumber Daya", StringComparison.Ordinal));

    /// <summary>The clean demo with its kegiatan linked to indicators only: 1.03.02.2.01 (300.000.000 / 285.000.000) funds IKU-1, 1.03.02.2.02 (200.000.000 / 185.000.000) funds IKU-2.</summary>
    private static PerformanceDataset LinkedToIndicatorsOnly()
    {
        var data = Samples.Load("clean-demo.json");
        var budget = data.Budget.Select(b => b.Code switch
        {
            "1.03.02" => b with { Funds = [] },
            "1.03.02.2.01" => b with { Funds = ["IKU-1"] },
            "1.03.02.2.02" => b with { Funds = ["IKU-2"] },
            _ => b,
        }).ToList();
        return data with { Budget = budget };
    }

    [Fact]
    public void Banjar_efficiency_table_lists_IK_1_with_46_01_as_in_Tabel_3_7()
    {
        // 003 Tabel 3.7 is per indicator: IK-1 capaian 131,71% - penyerapan 2.165.619.100 / 2.526.926.600 = 85,70% = 46,01
        var table = EfficiencyTable(Docx.Render(LkjipReport.Build(new ReportRequest(Samples.Load("banjar-2025.json")))));

        Assert.Equal("131,71%", table.Cell("IK-1", "Capaian"));
        Assert.Equal("2.526.926.600", table.Cell("IK-1", "Pagu (Rp)"));
        Assert.Equal("85,70%", table.Cell("IK-1", "Penyerapan"));
        Assert.Equal("46,01", table.Cell("IK-1", "Efisiensi"));
        // IK-15 (92,5%) and IK-16 (82,22%) are below 100% and left out, as in Tabel 3.7
        Assert.DoesNotContain(table.Rows, r => r[0] is "IK-15" or "IK-16");
    }

    [Fact]
    public void Banjar_IK_20_shows_the_budget_finding_instead_of_an_efficiency_built_on_the_one_miliar_typo()
    {
        // P1.K2 prints pagu 5.954.732.500 over sub kegiatan of 4.954.732.500: 100 - 73,95 = 26,05 would rest on the typo
        var docx = Docx.Render(LkjipReport.Build(new ReportRequest(Samples.Load("banjar-2025.json"))));
        var table = EfficiencyTable(docx);

        Assert.Equal("tidak dihitung*", table.Cell("IK-20", "Efisiensi"));
        Assert.Equal("-", table.Cell("IK-20", "Penyerapan"));
        Assert.DoesNotContain("26,05", table.Cells);
        // the note under the table carries the finding; IK-22 beside it is computed (100 - 88,97 = 11,03)
        Assert.Contains("* IK-20: efisiensi tidak dihitung karena angka anggaran yang dipakai ditandai galat oleh pemeriksaan: Anggaran, baris 17, P1.K2: \"Administrasi Keuangan Perangkat Daerah\": pagu tercetak 5.954.732.500", docx.AllText, StringComparison.Ordinal);
        Assert.Equal("11,03", table.Cell("IK-22", "Efisiensi"));
    }

    [Fact]
    public void Efficiency_uses_the_lines_linked_to_an_indicator()
    {
        // IKU-1: capaian 63 / 60 = 105,00%; penyerapan 285.000.000 / 300.000.000 = 95,00%; 105 - 95 = 10,00
        var table = EfficiencyTable(Docx.Render(LkjipReport.Build(new ReportRequest(LinkedToIndicatorsOnly()))));

        Assert.Equal("300.000.000", table.Cell("IKU-1", "Pagu (Rp)"));
        Assert.Equal("95,00%", table.Cell("IKU-1", "Penyerapan"));
        Assert.Equal("10,00", table.Cell("IKU-1", "Efisiensi"));
    }

    [Fact]
    public void Lkjip_with_the_whole_pagu_blokir_says_so_instead_of_dividing_by_zero()
    {
        // every line's blokir equals its pagu: pagu without blokir is 0, so penyerapan against it has no value
        var data = Samples.Load("clean-demo.json");
        var blocked = data with { Budget = data.Budget.Select(b => b with { Blokir = b.Pagu }).ToList() };

        var text = Docx.Render(LkjipReport.Build(new ReportRequest(blocked))).AllText;

        Assert.Contains("Seluruh pagu diblokir (Rp\u00A0500.000.000)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_tree_of_20000_levels_is_flattened_without_overflowing_the_stack()
    {
        // C0 <- C1 <- ... <- C19999: 20.000 rows, the last at depth 19.999
        var lines = Enumerable.Range(0, 20_000).Select(i => new BudgetLine
        {
            Code = "C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Name = "L",
            ParentCode = i == 0 ? null : "C" + (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Pagu = 1_000m,
            Realisasi = 500m,
        }).ToList();
        var data = Samples.Load("clean-demo.json") with { Budget = lines };

        var tree = ReportFacts.BudgetTree(data);

        Assert.Equal(20_000, tree.Count);
        Assert.Equal(("C19999", 19_999), (tree[^1].Line.Code, tree[^1].Depth));
    }
}
