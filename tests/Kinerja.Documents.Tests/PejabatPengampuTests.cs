using System.Text.Json.Nodes;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using Kinerja.Documents.Workbook;

namespace Kinerja.Documents.Tests;

/// <summary>
/// Issue 20 item 6: the Pejabat Pengampu of a PK budget line (sheet AnggaranPK, column Pejabat Pengampu) is read from
/// the workbook and printed as a column of the PK's budget table, in the PK and in the LKjIP's PK annex, only when some
/// line has it.
/// </summary>
public sealed class PejabatPengampuTests
{
    /// <summary>Kemnaker's workbook with a Pejabat Pengampu typed on two of the awal version's three programmes.</summary>
    private static string WithPengampu()
    {
        var json = JsonNode.Parse(File.ReadAllText(Samples.Path("kemnaker-2024.json")))!;
        foreach (var line in json["pkBudget"]!.AsArray())
        {
            var (version, code) = ((string)line!["version"]!, (string)line["code"]!);
            if (version == "awal" && code == "WA")
                line["pengampu"] = "Sekretaris Jenderal";
            if (version == "awal" && code == "DL")
                line["pengampu"] = "Direktur Jenderal Pembinaan Pelatihan Vokasi dan Produktivitas";
        }

        var path = Samples.TempFile(".json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static OpenXmlTable BudgetTable(Docx docx) => docx.Tables.First(t => t.Caption.Contains("Program dan Anggaran Perjanjian Kinerja Tahun 2024", StringComparison.Ordinal));

    [Fact]
    public void The_workbook_column_is_read_and_printed_in_the_PK_and_the_LKjIP_annex()
    {
        var data = DatasetImporter.Load(WithPengampu());
        var awal = data.PkVersions.Single(v => v.Id.Code == "awal").Budget;
        Assert.Equal("Sekretaris Jenderal", awal.Single(l => l.Code == "WA").Pengampu);
        Assert.Null(awal.Single(l => l.Code == "DN").Pengampu);

        var pk = BudgetTable(Docx.Render(ReportWriter.Prepare(ReportKind.Pk, new ReportRequest(data) { Versi = "awal", Draft = true })));
        Assert.Equal(["No", "Program", "Anggaran (Rp)", "Pejabat Pengampu"], pk.Header);
        Assert.Equal("Sekretaris Jenderal", pk.Rows.Single(r => r[1] == "Dukungan Manajemen")[3]);
        Assert.Equal("", pk.Rows.Single(r => r[1] == "Pembinaan Ketenagakerjaan")[3]);
        Assert.Equal("Direktur Jenderal Pembinaan Pelatihan Vokasi dan Produktivitas", pk.Rows.Single(r => r[1].StartsWith("Pendidikan dan Pelatihan Vokasi", StringComparison.Ordinal))[3]);

        var annex = BudgetTable(Docx.Render(ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(data) { Draft = true })));
        Assert.Equal("Pejabat Pengampu", annex.Header[3]);
        Assert.Equal("Sekretaris Jenderal", annex.Rows.Single(r => r[1] == "Dukungan Manajemen")[3]);
    }

    [Fact]
    public void Without_a_Pejabat_Pengampu_there_is_no_column()
    {
        var pk = BudgetTable(Docx.Render(ReportWriter.Prepare(ReportKind.Pk, new ReportRequest(Samples.Load("kemnaker-2024.json")) { Versi = "awal", Draft = true })));
        Assert.Equal(["No", "Program", "Anggaran (Rp)"], pk.Header);
    }
}
