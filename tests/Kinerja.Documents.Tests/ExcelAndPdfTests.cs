using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;

namespace Kinerja.Documents.Tests;

public class ExcelExportTests
{
    private static (SpreadsheetDocument Doc, MemoryStream Stream) Export(string sample)
    {
        var ms = new MemoryStream();
        ExcelRenderer.Write(LkjipReport.Build(new ReportRequest(Samples.Load(sample))), ms);
        ms.Position = 0;
        return (SpreadsheetDocument.Open(ms, false), ms);
    }

    private static Dictionary<string, Cell> Cells(SpreadsheetDocument doc, string sheetName)
    {
        var sheet = doc.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!);
        return part.Worksheet!.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    private static uint RowOf(Dictionary<string, Cell> cells, string code) =>
        uint.Parse(cells.Single(c => c.Key.StartsWith('A') && Text(c.Value) == code).Key[1..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Every_table_of_the_report_becomes_a_sheet()
    {
        var report = LkjipReport.Build(new ReportRequest(Samples.Load("banjar-2025.json")));
        using var ms = new MemoryStream();
        ExcelRenderer.Write(report, ms);
        ms.Position = 0;
        using var doc = SpreadsheetDocument.Open(ms, false);
        var names = doc.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(report.Tables.Select(t => t.Label), names);
    }

    [Fact]
    public void Banjar_capaian_cells_are_numbers_formatted_as_percentages()
    {
        // IK-1: 50,05 / 38 = 131,71% is stored as the fraction 1,3171 with the format 0.00%
        var (doc, ms) = Export("banjar-2025.json");
        using (ms)
        using (doc)
        {
            var cells = Cells(doc, "Tabel 3.2");
            var row = RowOf(cells, "IK-1").ToString(System.Globalization.CultureInfo.InvariantCulture);
            var capaian = cells["F" + row];
            Assert.Null(capaian.DataType?.Value is { } t && t != CellValues.Number ? capaian.DataType : null);
            Assert.Equal(1.3171m, decimal.Parse(capaian.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0.5005m, decimal.Parse(cells["E" + row].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
            var formats = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
            var format = (CellFormat)formats.CellFormats!.ElementAt((int)capaian.StyleIndex!.Value);
            var code = formats.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value;
            Assert.Equal("0.00%", code);
            Assert.Equal("Sangat Tinggi", Text(cells["G" + row]));
        }
    }

    [Fact]
    public void Banjar_budget_amounts_are_whole_numbers_with_thousands_format()
    {
        // Tabel 3.10 Jumlah Belanja: pagu 12.081.204.858, realisasi 10.066.484.952
        var (doc, ms) = Export("banjar-2025.json");
        using (ms)
        using (doc)
        {
            var report = LkjipReport.Build(new ReportRequest(Samples.Load("banjar-2025.json")));
            var sheet = report.Tables.Single(t => t.Caption.Contains("Jenis Belanja", StringComparison.Ordinal)).Label;
            var cells = Cells(doc, sheet);
            // the row of "Jumlah Belanja" (its key JB is not printed as a code)
            var row = uint.Parse(cells.Single(c => c.Key.StartsWith('B') && Text(c.Value) == "Jumlah Belanja").Key[1..], System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("12081204858", cells["C" + row].CellValue!.Text);
            Assert.Equal("10066484952", cells["D" + row].CellValue!.Text);
            Assert.Equal(0.8332m, decimal.Parse(cells["F" + row].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("banjar-2025.json")]
    [InlineData("kemnaker-2024.json")]
    [InlineData("pasar-kerja-2021.json")]
    public void Excel_output_passes_the_OpenXml_validator(string sample)
    {
        var (doc, ms) = Export(sample);
        using (ms)
        using (doc)
        {
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
        }
    }

    [Fact]
    public void Kemenko_not_available_capaian_stays_text()
    {
        var ms = new MemoryStream();
        ExcelRenderer.Write(TriwulanReport.Build(new ReportRequest(Samples.LoadWithCounts("kemenko-tw1-2026.json"))), ms);
        ms.Position = 0;
        using var doc = SpreadsheetDocument.Open(ms, false);
        var cells = Cells(doc, "Tabel 1");
        var row = RowOf(cells, "IKU-1.4").ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("N/A", Text(cells["G" + row]));
        Assert.Equal(CellValues.InlineString, cells["G" + row].DataType!.Value);
        var iku13 = RowOf(cells, "IKU-1.3").ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1.0332m, decimal.Parse(cells["G" + iku13].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
    }
}

public class PdfTests
{
    private static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), file + " did not finish");
        Assert.True(process.ExitCode == 0, $"{file} exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }

    [Theory]
    [InlineData("banjar-2025.json", ReportKind.Lkjip, "IK-1", "131,71%")]
    [InlineData("kemnaker-2024.json", ReportKind.Lkjip, "IKSS-1.1", "40,71%")]
    [InlineData("pasar-kerja-2021.json", ReportKind.Lkjip, "IKK-5", "52,04%")]
    [InlineData("kemenko-tw1-2026.json", ReportKind.Triwulan, "IKU-1.3", "103,32%")]
    public void PDF_renders_and_its_first_pages_are_saved_as_images(string sample, ReportKind kind, string row, string figure)
    {
        Assert.True(PdfConverter.FindSoffice() is not null, "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui");
        var name = Path.GetFileNameWithoutExtension(sample) + "-" + kind.ToString().ToLowerInvariant();
        var pdf = Path.Combine(Samples.Artefacts, name + ".pdf");
        // Kemenko's IKU-1.3 capaian comes from its counts (the sample holds the printed, rounded realisasi)
        var data = File.Exists(Samples.Path(Path.Combine("data", sample))) && kind == ReportKind.Triwulan ? Samples.LoadWithCounts(sample) : Samples.Load(sample);
        ReportWriter.Write(ReportWriter.Build(kind, new ReportRequest(data)), pdf);

        var info = Run("pdfinfo", pdf);
        var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pages >= 3, $"{pages} pages");
        var prefix = Path.Combine(Samples.Artefacts, name + "-page");
        foreach (var old in Directory.GetFiles(Samples.Artefacts, name + "-page-*.png"))
            File.Delete(old);
        Run("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "3", pdf, prefix);
        var images = Directory.GetFiles(Samples.Artefacts, name + "-page-*.png").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, images.Count);
        // a blank A4 page at 60 dpi compresses to well under 2 KB; a page with text does not
        Assert.All(images, i => Assert.True(new FileInfo(i).Length > 3000, $"{i}: {new FileInfo(i).Length} bytes"));
        var text = Run("pdftotext", "-layout", pdf, "-");
        // the figure in its table row (a line that starts with the row's first cell), not anywhere in the text: Banjar's 131,71 also sits in a copied narrative
        Assert.Contains(text.Split('\n'), line => line.TrimStart().StartsWith(row + " ", StringComparison.Ordinal) && line.Contains(figure, StringComparison.Ordinal));
        Assert.DoesNotContain("98.19", text, StringComparison.Ordinal);
    }
}
