using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Documents.Workbook;

namespace Kinerja.Cli.Tests;

/// <summary>
/// Bad input found in review: each is refused with exit code 2 and one line per error naming file, sheet,
/// row and column; nothing is half-written and no stack trace reaches the user.
/// </summary>
public sealed class BadInputTests : WithTempFolder
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliHarness.Run(args);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The banjar sample as JSON after the test changed it.</summary>
    private string BanjarJsonWith(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(Samples.Path("banjar-2025.json")))!.AsObject();
        change(root);
        var path = Path.Combine(Folder, "banjar.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    private string BanjarXlsxWith(Action<RawWorkbook> change)
    {
        var raw = JsonWorkbook.Read(Samples.Path("banjar-2025.json"));
        change(raw);
        var path = Path.Combine(Folder, "banjar.xlsx");
        XlsxWorkbook.Write(raw, path);
        return path;
    }

    private string ValuesCsv(string text)
    {
        var path = Path.Combine(Folder, "nilai.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task A_comma_separated_values_csv_with_a_decimal_comma_is_refused_at_its_line_instead_of_reading_3()
    {
        // 3,770 split on "," is two fields: the line has 6 fields under 5 headers; before, Nilai silently became 3
        var csv = ValuesCsv("Elemen,Unit,Periode,Nilai,Keterangan\npencaker_aktif,PUSPAKER,2021-01-W1,3,770,ket\n");
        var (exit, _, err) = await Run("compute", Samples.Path("banjar-2025.json"), "--data", csv);
        Assert.Equal(2, exit);
        var line = Assert.Single(Lines(err));
        Assert.StartsWith("kesalahan: nilai.csv, sheet csv, baris 2, kolom ke-6 (F2): baris ini memiliki 6 kolom, seharusnya 5", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_values_csv_line_with_too_few_fields_is_refused_at_the_first_missing_column()
    {
        var csv = ValuesCsv("Elemen;Unit;Periode;Nilai;Keterangan\nx;y;2025;1;a\npencaker_aktif;PUSPAKER;2021-01-W1\n");
        var (exit, _, err) = await Run("compute", Samples.Path("banjar-2025.json"), "--data", csv);
        Assert.Equal(2, exit);
        Assert.Equal("kesalahan: nilai.csv, sheet csv, baris 3, kolom Nilai (D3): baris ini memiliki 3 kolom, seharusnya 5", Assert.Single(Lines(err)));
    }

    [Fact]
    public async Task An_unclosed_quote_in_a_values_csv_is_refused_at_its_line_and_field()
    {
        var csv = ValuesCsv("Elemen;Unit;Periode;Nilai;Keterangan\npencaker_aktif;PUSPAKER;2021-01-W1;\"3,770;ket\n");
        var (exit, _, err) = await Run("compute", Samples.Path("banjar-2025.json"), "--data", csv);
        Assert.Equal(2, exit);
        Assert.Equal("kesalahan: nilai.csv, sheet csv, baris 2, kolom Nilai (D2): tanda kutip tidak ditutup", Assert.Single(Lines(err)));
    }

    [Theory]
    [InlineData("decimals")]
    [InlineData("renstraStart")]
    [InlineData("renstraEnd")]
    public async Task A_profile_integer_beyond_int_range_is_refused_on_its_key_not_crashed_on(string key)
    {
        var path = BanjarJsonWith(root => root["profile"]![key] = 99999999999);
        var (exit, _, err) = await Run("compute", path);
        Assert.Equal(2, exit);
        Assert.Equal($"kesalahan: banjar.json, profile.{key}: angka \"99999999999\" terlalu besar", Assert.Single(Lines(err)));
    }

    [Fact]
    public async Task A_json_number_beyond_decimal_is_refused_at_its_path_as_typed()
    {
        var json = File.ReadAllText(Samples.Path("banjar-2025.json")).Replace("\"value\": \"38%\"", "\"value\": 1e400", StringComparison.Ordinal);
        Assert.Contains("1e400", json, StringComparison.Ordinal);
        var path = Path.Combine(Folder, "banjar.json");
        File.WriteAllText(path, json);
        var (exit, _, err) = await Run("compute", path);
        Assert.Equal(2, exit);
        var line = Assert.Single(Lines(err));
        Assert.StartsWith("kesalahan: banjar.json, targets[1].value: ", line, StringComparison.Ordinal);
        Assert.Contains("1e400", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_row_without_name_does_not_shift_the_location_of_an_unknown_parent_after_it()
    {
        var path = BanjarJsonWith(root =>
        {
            var plan = root["plan"]!.AsArray();
            plan.Add(new JsonObject { ["code"] = "SX8", ["level"] = "Sasaran", ["parent"] = "T1" });
            plan.Add(new JsonObject { ["code"] = "SX9", ["level"] = "Sasaran", ["name"] = "Sasaran baru", ["parent"] = "TX" });
        });
        var count = JsonNode.Parse(File.ReadAllText(path))!["plan"]!.AsArray().Count;
        var (exit, _, err) = await Run("compute", path);
        Assert.Equal(2, exit);
        Assert.Equal(
            [$"kesalahan: banjar.json, plan[{count - 2}].name: wajib diisi", $"kesalahan: banjar.json, plan[{count - 1}].parent: induk \"TX\" tidak ada di sheet Rencana"],
            Lines(err));
    }

    [Fact]
    public async Task Compute_for_the_Renstra_period_is_a_usage_error()
    {
        var (exit, output, err) = await Run("compute", Samples.Path("banjar-2025.json"), "--period", "Renstra");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal("kesalahan: --period \"Renstra\": periode Renstra tidak dapat diukur; sebut tahun atau triwulan (mis. 2024, 2026-TW1)", Assert.Single(Lines(err)));
    }

    [Fact]
    public async Task Writing_into_a_missing_folder_is_one_line_naming_the_path_for_report_convert_and_template()
    {
        var missing = Path.Combine(Folder, "tidak-ada");
        var attempts = new[]
        {
            (Path.Combine(missing, "x.docx"), new[] { "report", "lkjip", Samples.Path("banjar-2025.json"), "--out", Path.Combine(missing, "x.docx"), "--draft" }),
            (Path.Combine(missing, "x.xlsx"), new[] { "convert", Samples.Path("banjar-2025.json"), Path.Combine(missing, "x.xlsx") }),
            (Path.Combine(missing, "t.xlsx"), new[] { "template", Path.Combine(missing, "t.xlsx") }),
        };
        foreach (var (target, args) in attempts)
        {
            var (exit, _, err) = await Run(args);
            Assert.Equal(2, exit);
            Assert.Equal($"kesalahan: tidak dapat menulis {target}: folder tidak ada", Assert.Single(Lines(err)));
        }

        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task A_failed_write_leaves_no_temporary_file_beside_the_target()
    {
        // the target is an existing folder: refused as a folder before anything is written, even with --force
        var target = Directory.CreateDirectory(Path.Combine(Folder, "keluar.xlsx")).FullName;
        var (exit, _, err) = await Run("template", target, "--force");
        Assert.Equal(2, exit);
        Assert.StartsWith($"kesalahan: tidak dapat menulis {target}: itu sebuah folder", Assert.Single(Lines(err)), StringComparison.Ordinal);
        Assert.Equal([target], Directory.GetFileSystemEntries(Folder));
    }

    [Fact]
    public async Task An_unexpected_exception_is_one_line_with_exit_3_and_no_stack_trace()
    {
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(["compute", Samples.Path("banjar-2025.json")], new BrokenWriter(), error);
        Assert.Equal(3, exit);
        Assert.Equal("kesalahan tak terduga: NotSupportedException: keluaran rusak", Assert.Single(Lines(error.ToString())));
    }

    [Fact]
    public async Task A_repeated_target_period_is_refused_at_the_indicator_cell_of_the_second_row()
    {
        // the sample has 49 target rows (sheet rows 2..50); a copy of the second (IK-1 2025, PK) lands on row 51
        var path = BanjarXlsxWith(raw => raw.Sheets["targets"].Add(raw.Sheets["targets"][1]));
        var (exit, _, err) = await Run("compute", path);
        Assert.Equal(2, exit);
        Assert.Equal("kesalahan: banjar.xlsx, sheet Target, baris 51, kolom Indikator (A51): target IK-1 periode 2025 diisi lebih dari sekali pada dokumen PK; pertama di baris 3", Assert.Single(Lines(err)));
    }

    [Fact]
    public async Task A_repeated_realisasi_period_in_json_names_its_index_and_the_first()
    {
        var path = BanjarJsonWith(root =>
        {
            var realisasi = root["realisasi"]!.AsArray();
            realisasi.Add(realisasi[0]!.DeepClone());
        });
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var count = root["realisasi"]!.AsArray().Count;
        var code = (string)root["realisasi"]![0]!["indicator"]!;
        var period = (string)root["realisasi"]![0]!["period"]!;
        var (exit, _, err) = await Run("compute", path);
        Assert.Equal(2, exit);
        Assert.Equal($"kesalahan: banjar.json, realisasi[{count - 1}].indicator: realisasi {code} periode {period} diisi lebih dari sekali; pertama di realisasi[0]", Assert.Single(Lines(err)));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("99,99")]
    public async Task A_capaian_cap_below_100_is_refused_on_the_profile_cell(string cap)
    {
        var path = BanjarJsonWith(root => root["profile"]!["capaianCap"] = cap);
        var (exit, output, err) = await Run("compute", path);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"kesalahan: banjar.json, profile.capaianCap: batas atas capaian \"{cap}\" tidak sah; isi paling sedikit 100 (mis. 120) atau kosongkan", Assert.Single(Lines(err)));
    }

    [Fact]
    public async Task A_capaian_cap_of_exactly_100_is_accepted()
    {
        var path = BanjarJsonWith(root => root["profile"]!["capaianCap"] = "100");
        var (exit, output, err) = await Run("compute", path);
        Assert.Equal("", err);
        Assert.Equal(0, exit);
        Assert.Contains("batas capaian 100%", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_header_cells_for_one_column_are_refused_naming_both_cells()
    {
        var path = BanjarXlsxWith(_ => { });
        using (var document = SpreadsheetDocument.Open(path, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Target");
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            var header = worksheet.Descendants<Row>().First(r => r.RowIndex?.Value == 1);
            header.Append(new Cell { CellReference = "K1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Nilai")) });
            worksheet.Save();
        }

        var (exit, _, err) = await Run("compute", path);
        Assert.Equal(2, exit);
        Assert.Equal("kesalahan: banjar.xlsx, sheet Target, baris 1, kolom Nilai (K1): kolom \"Nilai\" ada dua kali: C1 dan K1; hapus salah satu", Assert.Single(Lines(err)));
    }

    [Fact]
    public async Task A_chart_sheet_beside_the_data_sheets_is_ignored()
    {
        var path = BanjarXlsxWith(_ => { });
        AddChartSheet(path, "Grafik");
        var (exit, output, err) = await Run("compute", path);
        Assert.Equal("", err);
        Assert.Equal(0, exit);
        Assert.Contains("131,71%", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chart_sheet_in_place_of_a_data_sheet_is_refused_by_name()
    {
        var path = BanjarXlsxWith(_ => { });
        using (var document = SpreadsheetDocument.Open(path, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Narasi");
            workbook.DeletePart(workbook.GetPartById(sheet.Id!));
            sheet.Remove();
            workbook.Workbook.Save();
        }

        AddChartSheet(path, "Narasi");
        var (exit, _, err) = await Run("compute", path);
        Assert.Equal(2, exit);
        Assert.Equal("kesalahan: banjar.xlsx, sheet Narasi, (sheet): sheet \"Narasi\" bukan lembar kerja berisi sel (mis. lembar grafik); isi data di lembar kerja biasa", Assert.Single(Lines(err)));
    }

    private static void AddChartSheet(string path, string name)
    {
        using var document = SpreadsheetDocument.Open(path, true);
        var workbook = document.WorkbookPart!;
        var part = workbook.AddNewPart<ChartsheetPart>();
        part.Chartsheet = new Chartsheet(new ChartSheetViews(new ChartSheetView { WorkbookViewId = 0 }));
        part.Chartsheet.Save();
        var sheets = workbook.Workbook.Sheets!;
        var id = sheets.Elements<Sheet>().Max(s => s.SheetId!.Value) + 1;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
        workbook.Workbook.Save();
    }

    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(char value) => throw new NotSupportedException("keluaran rusak");

        public override void Write(string? value) => throw new NotSupportedException("keluaran rusak");

        public override void WriteLine(string? value) => throw new NotSupportedException("keluaran rusak");
    }
}
