using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Kinerja.Documents.Reports;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Kinerja.Documents.Rendering;

/// <summary>How one part of a document is written for a conversion in parts (<see cref="PartedPdf"/>).</summary>
/// <param name="From">The first block of the part.</param>
/// <param name="To">The block after the last.</param>
/// <param name="PageText">The page of a bookmark as text for the table of contents and the lists of tables and figures.</param>
/// <param name="ChunkRows">Long tables are written as consecutive tables of this many rows, each with the header row.</param>
internal sealed record WordPart(int From, int To, Func<string, string>? PageText, int? ChunkRows);

/// <summary>
/// The PDF of a big document (issue 20 item 11: the LKjIP of a 5.000-indicator agency took LibreOffice 12 minutes).
/// LibreOffice's time grows faster than linearly with a table's length and it uses one core, so the document is cut
/// where a page starts anyway (a chapter, a page break, a change between portrait and landscape) into parts, each part's
/// long tables are written as tables of <see cref="ChunkRows"/> rows with the header row in each, and the parts are
/// converted by parallel LibreOffice processes (at most one per processor, each on a profile of its own) and joined
/// with PDFsharp. The page numbers are then written on the joined pages; the front part with the table of contents and
/// the lists of tables and figures is converted once more with the pages found in the parts' PDFs (Word's bookmarks
/// exported as named destinations); the outline (bookmarks panel) is made anew from the headings. Measured in
/// bench/README.md. Small documents take the one-conversion path (<see cref="Suits"/>).
/// The long tables, long lists and pohon kinerja pages (<see cref="Drawn"/>) are not given to LibreOffice at all: each,
/// with the text leading into it, is a part drawn by <see cref="TablePdf"/> (a 5.000-row table in a second or two,
/// where LibreOffice took more than half an hour).
/// </summary>
public static partial class PartedPdf
{
    /// <summary>A document with a table longer than this is converted in parts.</summary>
    public const int LongTable = 400;

    /// <summary>Rows per table written for LibreOffice: 100 gave the lowest time per page (bench/README.md).</summary>
    public const int ChunkRows = 100;

    /// <summary>Whether the document is big enough for a conversion in parts to pay.</summary>
    public static bool Suits(ReportDocument report) => report.Tables.Any(t => t.Rows.Count > LongTable);

    /// <summary>Whether this machine can convert in parts: LibreOffice 7.4 or later (export options as JSON) and a font for the page numbers.</summary>
    public static bool Available() =>
        PdfConverter.FindSoffice() is { } soffice && PdfConverter.ReadsJsonOptions(PdfConverter.InstalledVersion(soffice)) && PageNumberFont.Path is not null;

    /// <summary>The parts as block ranges; the first holds the cover and the front matter up to the lists of contents.</summary>
    public static List<(int From, int To)> Plan(ReportDocument report, int workers) => PlanParts(report, workers).Select(p => (p.From, p.To)).ToList();

    /// <summary>
    /// Where each long table's part starts: at the short run of headings and text that leads into it on the same page
    /// (five blocks at most, back to where a page starts anyway), drawn with it so no page ends on a lone heading or
    /// sentence before the table; else at the table.
    /// </summary>
    private static int LeadStart(List<ReportBlock> blocks, int table, HashSet<int> starts)
    {
        var from = table;
        while (from > 0 && table - from < 5 && !starts.Contains(from) && TablePdf.Leads(blocks[from - 1]))
            from--;
        // the page break before it goes with it (a part that ended on a page break would end on a blank page)
        while (from > 0 && blocks[from - 1] is PageBreakBlock)
            from--;
        return from;
    }

    /// <summary>
    /// The blocks drawn by <see cref="TablePdf"/> instead of LibreOffice: a long table, a long list (a big agency's
    /// draft checklist) and a page of the pohon kinerja (LibreOffice's time on these grows with their size and, for
    /// pictures, with its recompression of each; bench/README.md).
    /// </summary>
    public static bool Drawn(ReportBlock block) => block is ReportTable { Rows.Count: > LongTable } or BulletListBlock { Items.Count: > LongTable } or ReportFigure { Landscape: true };

    /// <summary>The parts; Direct: drawn by <see cref="TablePdf"/> (a long table and what leads into it), else converted by LibreOffice.</summary>
    internal static List<(int From, int To, bool Direct)> PlanParts(ReportDocument report, int workers)
    {
        var blocks = report.Blocks;
        var startList = WordRenderer.PageStarts(report);
        var starts = startList.ToHashSet();
        var lastList = blocks.FindLastIndex(b => b is TableOfContentsBlock or CaptionListBlock);
        var frontEnd = startList.Where(s => s > lastList).DefaultIfEmpty(blocks.Count).First();
        var direct = new List<(int From, int To)>();
        for (var i = frontEnd; i < blocks.Count; i++)
        {
            if (Drawn(blocks[i]))
                direct.Add((Math.Max(frontEnd, Math.Max(direct.Count > 0 ? direct[^1].To : 0, LeadStart(blocks, i, starts))), i + 1));
        }

        var cuts = startList.Where(s => s > frontEnd).Concat(direct.SelectMany(d => new[] { d.From, d.To })).Prepend(frontEnd).Append(blocks.Count).Distinct().Order().ToList();
        var segments = new List<(int From, int To)>();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            if (cuts[i] >= cuts[i + 1])
                continue;
            // a segment of page breaks only goes with the next one (alone it would be an empty part)
            if (segments.Count > 0 && blocks.Skip(segments[^1].From).Take(segments[^1].To - segments[^1].From).All(b => b is PageBreakBlock))
                segments[^1] = (segments[^1].From, cuts[i + 1]);
            else
                segments.Add((cuts[i], cuts[i + 1]));
        }

        bool IsDirect((int From, int To) s) => direct.Any(d => d.From <= s.From && s.To <= d.To);
        var total = segments.Where(s => !IsDirect(s)).Sum(s => Cost(blocks, s.From, s.To));
        // about three parts per worker, so that the longest-first order keeps every worker busy to the end
        var target = Math.Max(1, total / Math.Max(1, workers * 3));
        var parts = new List<(int From, int To, bool Direct)> { (0, frontEnd, false) };
        var cost = 0;
        foreach (var segment in segments)
        {
            var isDirect = IsDirect(segment);
            if (parts.Count > 1 && !isDirect && !parts[^1].Direct && cost < target)
            {
                parts[^1] = (parts[^1].From, segment.To, false);
                cost += Cost(blocks, segment.From, segment.To);
                continue;
            }

            // a table right after another, on the same page in Word, is drawn on after it
            if (isDirect && parts.Count > 1 && parts[^1].Direct && parts[^1].To == segment.From && !starts.Contains(segment.From))
            {
                parts[^1] = (parts[^1].From, segment.To, true);
                continue;
            }

            parts.Add((segment.From, segment.To, isDirect));
            cost = Cost(blocks, segment.From, segment.To);
        }

        return parts.Where(p => p.To > p.From).ToList();
    }

    /// <summary>LibreOffice's work for the blocks, roughly in table rows.</summary>
    private static int Cost(List<ReportBlock> blocks, int from, int to) => blocks.Skip(from).Take(to - from).Sum(b => b switch
    {
        ReportTable t => t.Rows.Count + 5,
        BulletListBlock l => l.Items.Count,
        ReportFigure => 20,
        _ => 1,
    });

    /// <summary>Converts <paramref name="report"/> in parts to <paramref name="pdfPath"/> within <paramref name="limit"/>.</summary>
    public static void Convert(ReportDocument report, string pdfPath, TimeSpan limit, Action<TimeSpan>? progress, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        Timing.Log($"conversion in parts starts");
        var workers = Math.Max(1, Environment.ProcessorCount);
        var planned = PlanParts(report, workers);
        var parts = planned.Select(p => (p.From, p.To)).ToList();
        Timing.Log($"{parts.Count} parts planned for {workers} workers, {planned.Count(p => p.Direct)} of them drawn directly");
        var orientations = WordRenderer.Orientations(report.Blocks);
        var names = WordRenderer.Bookmarks(report.Blocks);
        var drawn = new ConcurrentDictionary<int, Layout>();
        var work = Directory.CreateTempSubdirectory("kinerja-pdf-");
        try
        {
            string Docx(int i) => System.IO.Path.Combine(work.FullName, "bagian-" + i.ToString(CultureInfo.InvariantCulture) + ".docx");
            string Pdf(int i) => System.IO.Path.Combine(work.FullName, "bagian-" + i.ToString(CultureInfo.InvariantCulture) + ".pdf");
            void Part(int i, Func<string, string>? pageText, CancellationToken token)
            {
                var started = clock.Elapsed;
                if (planned[i].Direct)
                {
                    var last = planned[i].To - 1;
                    var (count, destinations) = TablePdf.Write(report, parts[i].From, planned[i].To, orientations[last], names, Pdf(i));
                    drawn[i] = new Layout(count, destinations);
                    Timing.Log($"part {i}: blocks {parts[i].From}-{parts[i].To}, {report.Blocks.Skip(parts[i].From).Take(parts[i].To - parts[i].From).OfType<ReportTable>().Sum(t => t.Rows.Count)} table rows drawn directly on {count} pages in {(clock.Elapsed - started).TotalSeconds:0.00} s");
                    return;
                }

                using (var stream = File.Create(Docx(i)))
                    WordRenderer.Write(report, stream, new WordPart(parts[i].From, parts[i].To, pageText, ChunkRows));
                var written = clock.Elapsed;
                token.ThrowIfCancellationRequested();
                PdfConverter.Convert(Docx(i), Pdf(i), limit, clock, null, destinations: true, token);
                File.Delete(Docx(i));
                Timing.Log($"part {i}: blocks {parts[i].From}-{parts[i].To}, cost {Cost(report.Blocks, parts[i].From, parts[i].To)}, docx {(written - started).TotalSeconds:0.00} s, LibreOffice {(clock.Elapsed - written).TotalSeconds:0.00} s");
            }

            var lists = report.Blocks.Take(parts[0].To).Any(b => b is TableOfContentsBlock or CaptionListBlock);
            // the front part's pages are known only from its layout: it is converted first with a placeholder for every
            // page number (as wide as the real ones), then once more with the numbers
            // (a page holds about 20 table rows)
            var placeholder = new string('9', Math.Max(2, (Cost(report.Blocks, 0, report.Blocks.Count) / 20).ToString(CultureInfo.InvariantCulture).Length));
            var jobs = Enumerable.Range(0, parts.Count)
                // the front part first (it is converted once more at the end), then the longest
                .OrderByDescending(i => i == 0 ? int.MaxValue : planned[i].Direct ? 1 : Cost(report.Blocks, parts[i].From, parts[i].To))
                .Select(i => (Action<CancellationToken>)(token => Part(i, i == 0 && lists ? _ => placeholder : null, token)))
                .ToList();
            RunAll(jobs, workers, clock, progress, cancel);

            var layouts = Enumerable.Range(0, parts.Count).Select(i => drawn.TryGetValue(i, out var d) ? d : Layout.Read(Pdf(i))).ToList();
            for (var round = 0; lists && round < 3; round++)
            {
                var front = layouts[0].Pages;
                var pages = PageNumbers(parts, layouts, names);
                RunAll([token => Part(0, b => pages.TryGetValue(b, out var p) ? p.ToString(CultureInfo.InvariantCulture) : "", token)], 1, clock, progress, cancel);
                layouts[0] = Layout.Read(Pdf(0));
                if (layouts[0].Pages == front)
                    break;
            }

            Timing.Log($"parts converted, front part redone: {clock.Elapsed.TotalSeconds:0.00} s");
            Join(report, parts, layouts, names, Enumerable.Range(0, parts.Count).Select(Pdf).ToList(), pdfPath);
            Timing.Log($"joined, numbered, saved: {clock.Elapsed.TotalSeconds:0.00} s");
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // a leftover temp folder is harmless
            }
        }
    }

    /// <summary>The page (1-based, in the joined document) of every bookmark found in the parts.</summary>
    private static Dictionary<string, int> PageNumbers(List<(int From, int To)> parts, List<Layout> layouts, string?[] names)
    {
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        var offset = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            for (var b = parts[i].From; b < parts[i].To; b++)
            {
                if (names[b] is { } name && layouts[i].Destinations.TryGetValue(name, out var at))
                    pages[name] = offset + at.Page + 1;
            }

            offset += layouts[i].Pages;
        }

        return pages;
    }

    /// <summary>
    /// Runs the jobs on <paramref name="workers"/> threads. The first failure, the time limit or
    /// <paramref name="cancel"/> stops them all (each conversion kills its LibreOffice and removes its work folder), and
    /// this returns only when every job has ended.
    /// </summary>
    private static void RunAll(List<Action<CancellationToken>> jobs, int workers, Stopwatch clock, Action<TimeSpan>? progress, CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var queue = new ConcurrentQueue<Action<CancellationToken>>(jobs);
        var errors = new ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, Math.Min(workers, jobs.Count)).Select(_ => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested && queue.TryDequeue(out var job))
            {
                try
                {
                    job(stop.Token);
                }
                catch (Exception e)
                {
                    errors.Enqueue(e);
                    stop.Cancel();
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        var all = Task.WhenAll(threads);
        while (!all.Wait(TimeSpan.FromSeconds(10), CancellationToken.None))
            progress?.Invoke(clock.Elapsed);
        cancel.ThrowIfCancellationRequested();
        if ((errors.FirstOrDefault(e => e is not OperationCanceledException) ?? errors.FirstOrDefault()) is { } failure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>
    /// Joins the parts' pages, writes the page numbers in the footer where LibreOffice writes them (the cover has none),
    /// and makes the outline from the headings. PDFsharp leaves the parts' link annotations behind when it takes their
    /// pages, so the contents' entries are not links in a PDF made in parts (their page numbers are right).
    /// </summary>
    private static void Join(ReportDocument report, List<(int From, int To)> parts, List<Layout> layouts, string?[] names, List<string> files, string pdfPath)
    {
        using var output = new PdfDocument();
        var firstPage = new int[parts.Count];
        for (var i = 0; i < files.Count; i++)
        {
            using var input = PdfReader.Open(files[i], PdfDocumentOpenMode.Import);
            firstPage[i] = output.PageCount;
            foreach (var page in input.Pages)
                output.AddPage(page);
            if (i == 0)
            {
                output.Info.Title = input.Info.Title;
                output.Info.Author = input.Info.Author;
                output.Info.Subject = input.Info.Subject;
                output.Info.Keywords = input.Info.Keywords;
                output.Info.Creator = input.Info.Creator;
                if (input.Internals.Catalog.Elements.GetString("/Lang") is { Length: > 0 } lang)
                    output.Internals.Catalog.Elements.SetString("/Lang", lang);
            }
        }

        output.ViewerPreferences.DisplayDocTitle = true;
        (PdfPage Page, double Top)? Target(string? name)
        {
            for (var i = 0; name is not null && i < parts.Count; i++)
            {
                if (layouts[i].Destinations.TryGetValue(name, out var at))
                    return (output.Pages[firstPage[i] + at.Page], at.Top);
            }

            return null;
        }

        StampPageNumbers(output, report.Blocks.FirstOrDefault() is CoverBlock);
        Outline(report, names, output, Target);
        output.Save(pdfPath);
    }

    /// <summary>The page number of every page but the cover, centred under the text as the footer's PAGE field is.</summary>
    private static void StampPageNumbers(PdfDocument output, bool cover)
    {
        PageNumberFont.Install();
        var font = new XFont(PageNumberFont.Family, 11, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        for (var i = cover ? 1 : 0; i < output.PageCount; i++)
        {
            var page = output.Pages[i];
            var width = page.Width.Point;
            var height = page.Height.Point;
            // the margins of WordRenderer's sections: 3 cm left on portrait pages, 2 cm elsewhere
            var landscape = width > height;
            var left = landscape ? 56.7 : 85.05;
            var centre = (left + width - 56.7) / 2 + FooterShift;
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            gfx.DrawString((i + 1).ToString(CultureInfo.InvariantCulture), font, XBrushes.Black, new XPoint(centre, height - FooterBaseline), XStringFormats.BaseLineCenter);
        }
    }

    /// <summary>
    /// The footer's baseline above the page's lower edge and the number's shift right of the text's centre, where
    /// LibreOffice puts the 11 pt page number: the digits' ink, rendered at 300 dpi, falls on the same pixels (within one).
    /// </summary>
    private const double FooterBaseline = 38.48;

    private const double FooterShift = 0.24;

    /// <summary>The outline (the reader's bookmarks panel) as LibreOffice writes it: every heading, nested by level.</summary>
    private static void Outline(ReportDocument report, string?[] names, PdfDocument output, Func<string?, (PdfPage Page, double Top)?> target)
    {
        var levels = new List<PdfOutlineCollection> { output.Outlines };
        for (var i = 0; i < report.Blocks.Count; i++)
        {
            if (report.Blocks[i] is not HeadingBlock heading || target(names[i]) is not { } to)
                continue;
            var level = Math.Clamp(heading.Level, 1, levels.Count);
            levels.RemoveRange(level, levels.Count - level);
            var entry = levels[^1].Add(heading.Text, to.Page, false);
            entry.PageDestinationType = PdfPageDestinationType.Xyz;
            entry.Top = to.Top;
            levels.Add(entry.Outlines);
        }
    }

    /// <summary>A part's PDF as the join needs it: its page count and the page (0-based) and height of each bookmark.</summary>
    private sealed record Layout(int Pages, Dictionary<string, (int Page, double Top)> Destinations)
    {
        public static Layout Read(string pdf)
        {
            using var input = PdfReader.Open(pdf, PdfDocumentOpenMode.Import);
            var pages = new Dictionary<int, int>();
            for (var i = 0; i < input.PageCount; i++)
                pages[input.Pages[i].Reference!.ObjectNumber] = i;
            var destinations = new Dictionary<string, (int, double)>(StringComparer.Ordinal);
            if (input.Internals.Catalog.Elements.GetDictionary("/Dests") is { } dests)
            {
                foreach (var key in dests.Elements.Keys)
                {
                    // LibreOffice 7.4 writes the name _Ref12 as /5FRef12 (the escape of "_" without its "#")
                    var match = RefName().Match(key);
                    var item = dests.Elements[key];
                    if (!match.Success || (item is PdfReference r ? r.Value : item) is not PdfArray target || target.Elements.Count < 4
                        || target.Elements[0] is not PdfReference page || !pages.TryGetValue(page.ObjectNumber, out var index))
                        continue;
                    var top = target.Elements[3] switch { PdfReal real => real.Value, PdfInteger integer => integer.Value, _ => 0 };
                    destinations["_Ref" + match.Groups[1].Value] = (index, top);
                }
            }

            return new Layout(input.PageCount, destinations);
        }
    }

    [GeneratedRegex(@"Ref(\d+)$")]
    private static partial Regex RefName();
}

/// <summary>
/// The font of what PDFsharp writes on a PDF made in parts (the page numbers, the tables drawn by <see cref="TablePdf"/>):
/// Arial as LibreOffice sets it on Linux, that is Liberation Sans (same metrics), regular, bold and italic, read from the
/// system's fonts. PDFsharp asks its resolver for every font it draws with.
/// </summary>
internal sealed class PageNumberFont : IFontResolver
{
    public const string Family = "Kinerja Arial";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
        "/usr/share/fonts/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/TTF/LiberationSans-Regular.ttf",
    ];

    /// <summary>The regular face's file, or null when none of the known places has one (the document is then converted whole).</summary>
    public static string? Path { get; } = Candidates.FirstOrDefault(File.Exists);

    /// <summary>The file of a face beside the regular one (LiberationSans-Bold.ttf ...), or null (PDFsharp then simulates it).</summary>
    private static string? Face(string style) => Path?.Replace("-Regular.ttf", "-" + style + ".ttf", StringComparison.Ordinal) is { } f && File.Exists(f) ? f : null;

    private static readonly Lock Gate = new();

    private readonly IFontResolver? _next;

    private PageNumberFont(IFontResolver? next) => _next = next;

    /// <summary>Puts this resolver in front of the one set before (if any), once per process.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PageNumberFont)
                GlobalFontSettings.FontResolver = new PageNumberFont(GlobalFontSettings.FontResolver);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (familyName != Family)
            return _next?.ResolveTypeface(familyName, bold, italic);
        var style = (bold ? "Bold" : "") + (italic ? "Italic" : "");
        if (style.Length == 0)
            return new FontResolverInfo(Family + "|Regular");
        return Face(style) is not null ? new FontResolverInfo(Family + "|" + style) : new FontResolverInfo(Family + "|Regular", bold, italic);
    }

    public byte[]? GetFont(string faceName)
    {
        if (!faceName.StartsWith(Family + "|", StringComparison.Ordinal))
            return _next?.GetFont(faceName);
        var style = faceName[(Family.Length + 1)..];
        return File.ReadAllBytes(style == "Regular" ? Path! : Face(style) ?? Path!);
    }
}

/// <summary>
/// Where a conversion in parts spends its time, written to standard error when KINERJA_PDF_TIMING=1 (bench/pdf-timing.sh):
/// each part's .docx and LibreOffice time, the tables drawn directly, the join.
/// </summary>
internal static class Timing
{
    private static readonly bool On = Environment.GetEnvironmentVariable("KINERJA_PDF_TIMING") == "1";
    // seconds since the process started, so the report model's time before the conversion shows too
    private static readonly DateTime Start = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public static void Log(FormattableString message)
    {
        if (On)
            Console.Error.WriteLine(FormattableString.Invariant($"[pdf {(DateTime.UtcNow - Start).TotalSeconds,7:0.00} s] ") + FormattableString.Invariant(message));
    }
}
