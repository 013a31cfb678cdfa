using Kinerja.Documents.Workbook;

namespace Kinerja.Cli.Tests;

/// <summary>Sheet Pegawai / section staff: head counts are whole numbers of at least 0, refused where they are typed.</summary>
public sealed class StaffImportTests : WithTempFolder
{
    /// <summary>The Banjar sample with the count of its second staff row (Eselon III, printed 4) replaced.</summary>
    private string BanjarWithStaffCount(string count, string extension)
    {
        var raw = JsonWorkbook.Read(Samples.Path("banjar-2025.json"));
        var row = raw.Sheets["staff"][1];
        row.Cells["count"] = row.Cells["count"] with { Text = count };
        var path = Path.Combine(Folder, "banjar" + extension);
        if (extension == ".xlsx")
            XlsxWorkbook.Write(raw, path);
        else
            File.WriteAllText(path, JsonWorkbook.Write(raw));
        return path;
    }

    [Theory]
    [InlineData("4,5")]
    [InlineData("-4")]
    public async Task A_staff_count_that_is_not_a_whole_number_of_at_least_0_is_refused_at_its_cell(string count)
    {
        var (exit, _, err) = await CliHarness.Run("compute", BanjarWithStaffCount(count, ".xlsx"));
        Assert.Equal(2, exit);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        // row 1 is the header, so staff row [1] is sheet row 3; Jumlah is the fourth column (Unit, Dimensi, Kategori, Jumlah)
        Assert.Contains("banjar.xlsx, sheet Pegawai, baris 3, kolom Jumlah (D3)", line, StringComparison.Ordinal);
        Assert.Contains($"jumlah pegawai harus bilangan bulat 0 atau lebih, bukan \"{count}\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_staff_count_in_json_names_the_section_index_and_property()
    {
        var (exit, _, err) = await CliHarness.Run("compute", BanjarWithStaffCount("empat", ".json"));
        Assert.Equal(2, exit);
        Assert.Contains("banjar.json, staff[1].count", err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_samples_import_their_staff_counts_as_printed()
    {
        // seed 003 l.221 Jumlah row: Golongan III 22; seed 000 l.297: 3.544 pegawai (written "3.544" in the sample)
        var banjar = DatasetImporter.Load(Samples.Path("banjar-2025.xlsx"));
        Assert.Equal(22, banjar.Staff.Single(s => s.Dimension == "Golongan" && s.Category == "III").Count);
        var kemnaker = DatasetImporter.Load(Samples.Path("kemnaker-2024.xlsx"));
        Assert.Equal(3544, Assert.Single(kemnaker.Staff).Count);
    }
}
