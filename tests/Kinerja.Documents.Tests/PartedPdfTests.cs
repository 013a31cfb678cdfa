using System.Diagnostics;
using System.Text.RegularExpressions;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Kinerja.Documents.Tests;

/// <summary>Tests that count LibreOffice processes run alone, so another test's conversion is not taken for a leftover.</summary>
[CollectionDefinition(nameof(SofficeProcesses), DisableParallelization = true)]
public sealed class SofficeProcesses;

/// <summary>
/// Issue 20 item 11: a big document's PDF is made in parts converted in parallel and joined (PartedPdf). The joined PDF
/// must read as the one made in one conversion: the same text in the same order (the differences allowed are the
/// header row repeated on each page of a long table, which is drawn directly by TablePdf, and the page numbers after
/// it), page numbers running on across the parts, the contents' page numbers pointing at the pages their headings are
/// on, and the outline.
/// </summary>
[Collection(nameof(SofficeProcesses))]
public sealed partial class PartedPdfTests
{
    /// <summary>
    /// Banjar's LKjIP (cover, front matter, contents, portrait and landscape chapters, figures) with Tabel 2.1 grown to
    /// 900 rows and the landscape Tabel 3.2 to 450, each row's first cell made unique; their header cells are single words
    /// found nowhere else, so the header rows can be told apart in the text.
    /// </summary>
    private static ReportDocument BigReport()
    {
        var report = LkjipReport.Build(new ReportRequest(Samples.Load("banjar-2025.json")));
        report.RemoveEmptySections();
        Grow(report, "2.1", 900, "Kolomrenstra");
        Grow(report, "3.2", 450, "Kolomcapaian");
        return report;
    }

    private static void Grow(ReportDocument report, string number, int rows, string header)
    {
        var index = report.Blocks.FindIndex(b => b is ReportTable t && t.Number == number);
        var table = (ReportTable)report.Blocks[index];
        var grown = Enumerable.Range(0, rows).Select(k =>
        {
            var row = table.Rows[k % table.Rows.Count];
            return row with { Cells = row.Cells.Select((c, i) => i == 0 ? new ReportCell($"{c.Text}-r{k}") : c).ToList() };
        }).ToList();
        var columns = table.Columns.Select((c, i) => c with { Header = header + (char)('a' + i) }).ToList();
        report.Blocks[index] = table with { Rows = grown, Columns = columns };
    }

    [Fact]
    public void A_big_document_converted_in_parts_reads_as_the_document_converted_whole()
    {
        Assert.True(PartedPdf.Available(), "LibreOffice 7.4 or later and Liberation Sans are needed (scripts/install-deps.sh)");
        var report = BigReport();
        Assert.True(PartedPdf.Suits(report));
        var folder = Path.Combine(Samples.Root, "TestResults", "pages", "parted");
        Directory.CreateDirectory(folder);
        var whole = Path.Combine(folder, "whole.pdf");
        var parted = Path.Combine(folder, "parted.pdf");
        var docx = Samples.TempFile(".docx");
        try
        {
            WordRenderer.Write(report, docx);
            PdfConverter.Convert(docx, whole, TimeSpan.FromMinutes(10));
        }
        finally
        {
            File.Delete(docx);
        }

        ReportWriter.Write(report, parted, TimeSpan.FromMinutes(10), null);
        Assert.True(PartedPdf.Plan(report, 2).Count >= 3, "the document was not cut into parts");

        // the same words in the same order, once the page numbers (footers, contents) and the header rows are left out
        Assert.Equal(Words(whole), Words(parted));

        var pages = Run("pdftotext", "-layout", parted, "-").Split('\f')[..^1];
        // every page but the cover carries its own number, counted across the parts
        for (var i = 1; i < pages.Length; i++)
            Assert.True(LastLine(pages[i]) == (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"page {i + 1} is numbered \"{LastLine(pages[i])}\"");
        Assert.NotEqual("1", LastLine(pages[0])); // the cover has no number

        // each chapter and lampiran is on the page the contents give
        var contents = string.Join("\n", pages.Take(12));
        var chapters = report.Blocks.OfType<HeadingBlock>().Where(h => h.Level == 1 && (h.Text.StartsWith("BAB", StringComparison.Ordinal) || h.Text.StartsWith("LAMPIRAN", StringComparison.Ordinal))).ToList();
        Assert.True(chapters.Count >= 5);
        using var pdf = PdfReader.Open(parted, PdfDocumentOpenMode.Import);
        foreach (var chapter in chapters)
        {
            var line = TocLine().Matches(contents).Single(m => m.Groups[1].Value.Trim() == chapter.Text);
            var page = int.Parse(line.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(pages[page - 1].Split('\n'), l => l.Trim() == chapter.Text);
            // the heading is on no page before
            Assert.DoesNotContain(pages[(page - 2)..(page - 1)].SelectMany(p => p.Split('\n')), l => l.Trim() == chapter.Text);
        }

        // the outline holds every heading, chapters at its top level
        Assert.Equal(report.Blocks.OfType<HeadingBlock>().Count(h => h.Level == 1), pdf.Outlines.Count);
        Assert.Equal(report.Blocks.OfType<HeadingBlock>().Count(), Count(pdf.Outlines));
        // images of the pages where the parts meet, for people to look at
        Run("pdftoppm", "-r", "50", "-png", parted, Path.Combine(folder, "parted"));
    }

    /// <summary>
    /// A long table is drawn straight onto PDF pages (TablePdf), not laid out by LibreOffice: Banjar's Tabel 3.2 grown to
    /// 450 indicators whose statements are long enough to wrap over several lines, each with its own code, first and last
    /// word and values. The PDF must show every statement whole, each row's values beside its code, the header row on
    /// every page of the table, page numbers running on, the contents' pages where the chapters start and no blank page.
    /// </summary>
    [Fact]
    public void A_long_table_drawn_directly_shows_every_row_whole_with_its_header_on_every_page()
    {
        Assert.True(PartedPdf.Available(), "LibreOffice 7.4 or later and Liberation Sans are needed (scripts/install-deps.sh)");
        var report = LkjipReport.Build(new ReportRequest(Samples.Load("banjar-2025.json")) { Draft = true });
        report.RemoveEmptySections();
        const int count = 450;
        var index = report.Blocks.FindIndex(b => b is ReportTable t && t.Number == "3.2");
        var table = (ReportTable)report.Blocks[index];
        string Statement(int k) => $"awal{k} Persentase pekerja yang ditempatkan melalui layanan antar kerja lokal dan antar daerah terhadap jumlah pencari kerja terdaftar pada tahun berjalan ujung{k}";
        var rows = Enumerable.Range(0, count).Select(k => new ReportRow(
            [$"IK-r{k}", Statement(k), "Persen", $"{1000 + k}", $"{2000 + k}", $"{3000 + k},5%", "Tinggi"])).ToList();
        report.Blocks[index] = table with { Rows = rows };
        Assert.True(PartedPdf.Drawn(report.Blocks[index]));

        var folder = Path.Combine(Samples.Root, "TestResults", "pages", "drawn");
        Directory.CreateDirectory(folder);
        var pdfPath = Path.Combine(folder, "drawn.pdf");
        ReportWriter.Write(report, pdfPath, TimeSpan.FromMinutes(10), null);
        var pages = Run("pdftotext", "-layout", pdfPath, "-").Split('\f')[..^1];
        var all = string.Join("\n", pages);

        Assert.DoesNotContain("\u2026", all, StringComparison.Ordinal);
        // every statement whole: its first and last word, and every word of it in order within the table's text
        var words = all.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var k = 0; k < count; k++)
        {
            var start = words.IndexOf($"awal{k}");
            Assert.True(start >= 0, $"row {k}: statement's first word missing");
            Assert.Contains($"ujung{k}", words);
        }

        // the statement wraps: a 450-row table of two-line rows spans many pages, each with the header row
        var tablePages = Enumerable.Range(0, pages.Length).Where(i => RowCode().IsMatch(pages[i])).ToList();
        Assert.True(tablePages.Count >= 15, $"the table took {tablePages.Count} pages");
        Assert.Equal(Enumerable.Range(tablePages[0], tablePages.Count), tablePages); // one run of pages
        foreach (var i in tablePages)
            Assert.True(pages[i].Contains("Sasaran / Indikator Kinerja", StringComparison.Ordinal) && pages[i].Contains("Realisasi", StringComparison.Ordinal), $"page {i + 1} has no header row");

        // the first, middle and last rows' values are printed beside their code
        foreach (var k in new[] { 0, count / 2, count - 1 })
        {
            var lines = pages.SelectMany(p => p.Split('\n')).ToList();
            var at = lines.FindIndex(l => Regex.IsMatch(l, $@"\bIK-r{k}\b"));
            Assert.True(at >= 0, $"row {k} not found");
            var near = string.Join("\n", lines.Skip(Math.Max(0, at - 2)).Take(5));
            Assert.Contains($"{1000 + k}", near, StringComparison.Ordinal);
            Assert.Contains($"{2000 + k}", near, StringComparison.Ordinal);
            Assert.Contains($"{3000 + k},5%", near, StringComparison.Ordinal);
        }

        // page numbers run on; no page is blank (each has more than its number and the draft mark)
        for (var i = 1; i < pages.Length; i++)
        {
            Assert.True(LastLine(pages[i]) == (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"page {i + 1} is numbered \"{LastLine(pages[i])}\"");
            var text = pages[i].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("D R A F", StringComparison.Ordinal) && !l.StartsWith("DRAF", StringComparison.Ordinal) && l != LastLine(pages[i])).ToList();
            Assert.True(text.Count > 0, $"page {i + 1} is blank");
        }

        // each chapter starts on the page the contents give
        var contents = string.Join("\n", pages.Take(12));
        foreach (var chapter in report.Blocks.OfType<HeadingBlock>().Where(h => h.Level == 1 && h.Text.StartsWith("BAB", StringComparison.Ordinal)))
        {
            var line = TocLine().Matches(contents).Single(m => m.Groups[1].Value.Trim() == chapter.Text);
            var page = int.Parse(line.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(pages[page - 1].Split('\n'), l => l.Trim() == chapter.Text);
        }

        Run("pdftoppm", "-r", "50", "-png", "-f", (tablePages[0] + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", (tablePages[0] + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), pdfPath, Path.Combine(folder, "table"));
    }

    [GeneratedRegex(@"\bIK-r\d+\b")]
    private static partial Regex RowCode();

    [Fact]
    public async Task Cancelling_a_conversion_in_parts_leaves_no_LibreOffice_and_no_temporary_folder()
    {
        Assert.True(PartedPdf.Available(), "LibreOffice 7.4 or later and Liberation Sans are needed (scripts/install-deps.sh)");
        var report = BigReport();
        var before = Directory.GetDirectories(Path.GetTempPath(), "kinerja-pdf-*").ToHashSet();
        var output = Samples.TempFile(".pdf");
        using var cancel = new CancellationTokenSource();
        var started = false;
        // cancelled once LibreOffice runs (a part's conversion reports no progress, the whole does every 10 s)
        var watcher = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            while (!started && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                started = Soffices().Count > 0;
                await Task.Delay(50);
            }

            cancel.Cancel();
        });
        Assert.Throws<OperationCanceledException>(() => PartedPdf.Convert(report, output, TimeSpan.FromMinutes(10), null, cancel.Token));
        await watcher;
        Assert.True(started, "LibreOffice never started");
        await Task.Delay(500);
        Assert.Empty(Soffices());
        Assert.False(File.Exists(output));
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "kinerja-pdf-*"), d => !before.Contains(d));
    }

    /// <summary>LibreOffice processes started by this test process (its descendants), zombies left out.</summary>
    private static List<int> Soffices()
    {
        var parents = new Dictionary<int, int>();
        var names = new Dictionary<int, string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] == "Z")
                    continue;
                parents[pid] = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
                names[pid] = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            }
            catch (IOException)
            {
                // ended while we looked
            }
        }

        var found = new List<int>();
        var queue = new Queue<int>([Environment.ProcessId]);
        while (queue.Count > 0)
        {
            var parent = queue.Dequeue();
            foreach (var (pid, ppid) in parents.Where(p => p.Value == parent))
            {
                queue.Enqueue(pid);
                if (names[pid].StartsWith("soffice", StringComparison.Ordinal) || names[pid].StartsWith("oosplash", StringComparison.Ordinal))
                    found.Add(pid);
            }
        }

        return found;
    }

    private static int Count(PdfOutlineCollection outlines) => outlines.Sum(o => 1 + Count(o.Outlines));

    private static string LastLine(string page) => page.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "";

    [GeneratedRegex(@"^\s*(\S.*?)\.{3,}\s*(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TocLine();

    /// <summary>
    /// The PDF's words line by line as laid out (pdftotext's own reading order guesses columns, and a table that starts
    /// mid-page changes its guess), without numbers alone (page numbers), dot leaders and header cells.
    /// </summary>
    private static List<string> Words(string pdf) => Run("pdftotext", "-layout", pdf, "-")
        .Split([' ', '\n', '\f', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
        .Select(w => Leader().Replace(w, ""))
        // a contents entry's page number right after its last word: a table drawn directly (TablePdf) may take a page
        // more or less than LibreOffice's layout of it, so the pages after it are numbered differently
        .Select(w => GluedPage().Replace(w, ""))
        .Where(w => w.Length > 0 && !w.All(char.IsAsciiDigit) && !w.StartsWith("Kolom", StringComparison.Ordinal))
        .ToList();

    [GeneratedRegex(@"\.{3,}\d*$")]
    private static partial Regex Leader();

    [GeneratedRegex(@"(?<=[A-Za-z])\d+$")]
    private static partial Regex GluedPage();

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
}
