using Kinerja.Documents.Workbook;
using Kinerja.Domain.Model;

namespace Kinerja.Cli.Tests;

/// <summary>Sheets PK and AnggaranPK: the versions of the Perjanjian Kinerja, read the same from .xlsx and .json.</summary>
public sealed class PkVersionImportTests : WithTempFolder
{
    [Fact]
    public void Kemnaker_xlsx_and_json_hold_the_same_four_PK_versions()
    {
        var json = DatasetImporter.Load(Samples.Path("kemnaker-2024.json"));
        var xlsx = DatasetImporter.Load(Samples.Path("kemnaker-2024.xlsx"));
        foreach (var data in new[] { json, xlsx })
        {
            Assert.Equal(["awal", "perubahan-1", "perubahan-2", "perubahan-3"], data.PkVersions.Select(v => v.Id.Code));
            // seed 000 Tabel 2.3: JANUARI 6.100.160.508.000, JUNI 6.101.288.664.000, OKTOBER 6.111.801.965.000, DESEMBER 6.144.346.237.000
            Assert.Equal([6_100_160_508_000m, 6_101_288_664_000m, 6_111_801_965_000m, 6_144_346_237_000m], data.PkVersions.Select(v => v.Budget.Sum(l => l.Pagu)));
            Assert.Equal(["Ida Fauziyah", "Ida Fauziyah", "Prof. Yassierli", "Prof. Yassierli"], data.PkVersions.Select(v => v.FirstParty!.Name));
            Assert.True(PerjanjianKinerja.IsOneParty(data, data.PkVersions[0]));
        }
    }

    [Fact]
    public void A_PK_row_with_an_unknown_version_or_date_and_a_budget_of_a_missing_version_are_refused_where_typed()
    {
        var raw = JsonWorkbook.Read(Samples.Path("kemnaker-2024.json"));
        raw.Sheets["pkVersions"][1].Cells["version"] = raw.Sheets["pkVersions"][1].Cells["version"] with { Text = "revisi" };
        raw.Sheets["pkVersions"][2].Cells["date"] = raw.Sheets["pkVersions"][2].Cells["date"] with { Text = "31 Juni 2024" };
        var path = Path.Combine(Folder, "kemnaker.xlsx");
        XlsxWorkbook.Write(raw, path);
        var error = Assert.Throws<WorkbookImportException>(() => DatasetImporter.Load(path));
        Assert.Contains(error.Errors, e => e.Location.Sheet == "PK" && e.Location.Row == 3 && e.Message.Contains("versi PK", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Location.Sheet == "PK" && e.Location.Row == 4 && e.Message.Contains("31 Juni 2024", StringComparison.Ordinal));
        // the budget rows of perubahan-1 now name a version the PK sheet lacks
        Assert.Contains(error.Errors, e => e.Location.Sheet == "AnggaranPK" && e.Message.Contains("perubahan-1", StringComparison.Ordinal));
    }
}
