using Kinerja.Documents.Workbook;
using Kinerja.Domain.Measurement;

namespace Kinerja.Cli.Tests;

public sealed class WorkbookImportTests : WithTempFolder
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliHarness.Run(args);

    /// <summary>Writes the banjar sample as .xlsx after letting the test change one cell.</summary>
    private string BanjarXlsxWith(Action<RawWorkbook> change)
    {
        var raw = JsonWorkbook.Read(Samples.Path("banjar-2025.json"));
        change(raw);
        var path = Path.Combine(Folder, "banjar.xlsx");
        XlsxWorkbook.Write(raw, path);
        return path;
    }

    [Fact]
    public void The_xlsx_form_imports_to_the_same_results_as_the_json_form()
    {
        foreach (var sample in new[] { "banjar-2025", "kemnaker-2024", "kemenko-tw1-2026", "pasar-kerja-2021" })
        {
            var fromJson = PerformanceCalculator.Compute(DatasetImporter.Load(Samples.Path(sample + ".json")));
            var xlsx = Path.Combine(Folder, sample + ".xlsx");
            XlsxWorkbook.Write(JsonWorkbook.Read(Samples.Path(sample + ".json")), xlsx);
            var fromXlsx = PerformanceCalculator.Compute(DatasetImporter.Load(xlsx));
            Assert.Equal(fromJson.Indicators.Select(r => (r.Indicator.Code, r.Capaian)), fromXlsx.Indicators.Select(r => (r.Indicator.Code, r.Capaian)));
            Assert.Equal(fromJson.AgencyCapaian, fromXlsx.AgencyCapaian);
        }
    }

    [Fact]
    public void Committed_sample_xlsx_files_match_their_json()
    {
        foreach (var xlsx in Directory.GetFiles(Path.Combine(Samples.Root, "samples"), "*.xlsx"))
        {
            var json = Path.ChangeExtension(xlsx, ".json");
            Assert.True(File.Exists(json), $"{xlsx} tanpa pasangan .json");
            Assert.Equal(JsonWorkbook.Write(DatasetImporter.ReadRaw(json)), JsonWorkbook.Write(DatasetImporter.ReadRaw(xlsx)));
        }
    }

    [Fact]
    public async Task Text_in_a_number_cell_names_file_sheet_row_and_column_and_exits_2()
    {
        var path = BanjarXlsxWith(raw => raw.Sheets["targets"][1] .Cells["value"] = raw.Sheets["targets"][1].Cells["value"] with { Text = "tiga puluh delapan" });
        var (exit, _, err) = await Run("compute", path);
        Assert.Equal(2, exit);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("banjar.xlsx, sheet Target, baris 3, kolom Nilai (C3)", line, StringComparison.Ordinal);
        Assert.Contains("tiga puluh delapan", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_polarity_is_refused_with_the_allowed_values()
    {
        var path = BanjarXlsxWith(raw => raw.Sheets["indicators"][0].Cells["polarity"] = raw.Sheets["indicators"][0].Cells["polarity"] with { Text = "Naik" });
        var (exit, _, err) = await Run("compute", path);
        Assert.Equal(2, exit);
        Assert.Contains("sheet Indikator, baris 2, kolom Polaritas (F2)", err, StringComparison.Ordinal);
        Assert.Contains("Maksimal, Minimal", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_sheet_is_named()
    {
        var path = BanjarXlsxWith(raw => raw.Sheets.Remove("realisasi"));
        // the writer always writes every sheet: drop it from the written file instead
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "Realisasi");
            workbook.DeletePart(workbook.GetPartById(sheet.Id!));
            sheet.Remove();
            workbook.Workbook.Save();
        }

        var (exit, _, err) = await Run("compute", path);
        Assert.Equal(2, exit);
        Assert.Contains("sheet \"Realisasi\" tidak ada", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_error_is_collected_before_the_file_is_refused()
    {
        var path = BanjarXlsxWith(raw =>
        {
            raw.Sheets["realisasi"][0].Cells["value"] = raw.Sheets["realisasi"][0].Cells["value"] with { Text = "2,7,6" };
            raw.Sheets["targets"][0].Cells["indicator"] = raw.Sheets["targets"][0].Cells["indicator"] with { Text = "IK-99" };
        });
        var (exit, _, err) = await Run("compute", path);
        Assert.Equal(2, exit);
        Assert.Equal(2, err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("indikator \"IK-99\" tidak ada", err, StringComparison.Ordinal);
        Assert.Contains("sheet Realisasi, baris 2, kolom Nilai", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_error_names_the_section_index_and_property()
    {
        var json = File.ReadAllText(Samples.Path("kemnaker-2024.json")).Replace("\"polarity\": \"Maksimal\"", "\"polarity\": \"Atas\"", StringComparison.Ordinal);
        var path = Path.Combine(Folder, "kemnaker.json");
        File.WriteAllText(path, json);
        var (exit, _, err) = await Run("compute", path);
        Assert.Equal(2, exit);
        Assert.Contains("kemnaker.json, indicators[0].polarity", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compute_prints_the_Banjar_table_with_Indonesian_numbers()
    {
        var (exit, output, _) = await Run("compute", Samples.Path("banjar-2025.json"));
        Assert.Equal(0, exit);
        Assert.Contains("131,71%", output, StringComparison.Ordinal);
        Assert.Contains("Sangat Tinggi", output, StringComparison.Ordinal);
        Assert.DoesNotContain("131.71", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_and_json_formats_carry_the_full_precision_value_too()
    {
        var (_, csv, _) = await Run("compute", Samples.Path("pasar-kerja-2021.json"), "--format", "csv");
        var ikk5 = csv.Split('\n').Single(l => l.StartsWith("indikator;IKK-5;", StringComparison.Ordinal));
        Assert.Contains(";52,04%;52.0373;", ikk5, StringComparison.Ordinal);
        var (_, json, _) = await Run("compute", Samples.Path("kemnaker-2024.json"), "--format", "json");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("67,32%", doc.RootElement.GetProperty("agencyCapaianDisplay").GetString());
    }

    [Fact]
    public async Task Template_writes_a_workbook_that_explains_itself()
    {
        var path = Path.Combine(Folder, "templat.xlsx");
        var (exit, _, _) = await Run("template", path);
        Assert.Equal(0, exit);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Petunjuk", "Profil", "Unit", "Rencana", "Indikator", "Target", "Realisasi", "AngkaTercetak", "Pembanding", "Anggaran", "Predikat", "Narasi", "Pegawai", "ProgramPendukung", "PK", "AnggaranPK", "Permasalahan", "IsuStrategis", "Penghargaan", "Inovasi", "TindakLanjut", "RencanaAksi", "DataElemen", "NilaiData", "RumusHitung"], names);
        var validations = document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.DataValidation>()).ToList();
        Assert.Contains(validations, v => v.Formula1?.Text == "\"Maksimal,Minimal\"");
        // an empty template is refused for what it lacks, not crashed on
        var (computeExit, _, err) = await Run("compute", path);
        Assert.Equal(2, computeExit);
        Assert.Contains("Instansi", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_does_not_leave_a_file_behind_when_the_input_is_bad()
    {
        var bad = Path.Combine(Folder, "bad.json");
        File.WriteAllText(bad, "{\"profile\":{\"agency\":\"X\",\"year\":2024},\"plan\":[],\"indicators\":[],\"targets\":[{\"indicator\":\"A\",\"period\":\"2024\",\"value\":\"1\"}],\"realisasi\":[]}");
        var outPath = Path.Combine(Folder, "out.xlsx");
        var (exit, _, _) = await Run("convert", bad, outPath);
        Assert.Equal(2, exit);
        Assert.False(File.Exists(outPath));
    }
}
