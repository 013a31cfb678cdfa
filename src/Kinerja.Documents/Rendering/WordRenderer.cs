using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Documents.Reports;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Kinerja.Documents.Rendering;

/// <summary>
/// Lays a <see cref="ReportDocument"/> out as .docx with the OpenXML SDK. Headings use the
/// built-in Heading 1-3 styles; the table of contents is a TOC field whose entries are written
/// here, each with a PAGEREF field, so LibreOffice and Word show page numbers without asking.
/// </summary>
public static class WordRenderer
{
    // A4 with 3 cm left and 2 cm other margins, in twentieths of a point
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginLeft = 1701;
    private const int MarginOther = 1134;
    private const int TextWidth = PageWidth - MarginLeft - MarginOther;
    private const int LandscapeTextWidth = PageHeight - 2 * MarginOther;
    private const string FontName = "Arial";

    public static void Write(ReportDocument report, string path)
    {
        using var stream = File.Create(path);
        Write(report, stream);
    }

    public static void Write(ReportDocument report, Stream stream) => Write(report, stream, null);

    /// <summary>Writes the whole report, or one part of it for a conversion in parts (<see cref="PartedPdf"/>).</summary>
    internal static void Write(ReportDocument report, Stream stream, WordPart? part)
    {
        using var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        // zip's fast level for the XML parts (the document is built to be opened, not archived); pictures are
        // stored as they are (see InlineImage)
        doc.CompressionOption = System.IO.Packaging.CompressionOption.Fast;
        var main = doc.AddMainDocumentPart();
        AddStyles(main);
        AddNumbering(main);
        var settings = main.AddNewPart<DocumentSettingsPart>();
        // Word refreshes the table of contents' page numbers when the document is opened
        settings.Settings = new Settings(new DisplayBackgroundShape(), new DefaultTabStop { Val = 720 }, new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress }, new UpdateFieldsOnOpen { Val = true });
        var footer = main.AddNewPart<FooterPart>();
        // a part's pages are numbered after the parts are joined (PartedPdf): its footer keeps the line, without the number
        footer.Footer = part is null
            ? new Footer(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new SimpleField { Instruction = " PAGE " }))
            : new Footer(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center })));
        // the PDF converter carries these into the PDF's metadata: title, author (the agency), subject
        doc.PackageProperties.Title = report.Title;
        doc.PackageProperties.Creator = report.Agency;
        doc.PackageProperties.Subject = report.ParentBody is { } parent && !parent.Contains(report.Agency, StringComparison.OrdinalIgnoreCase) ? report.Agency + ", " + parent : report.ParentBody ?? report.Agency;
        doc.PackageProperties.Keywords = report.Draft ? "SAKIP, DRAF" : "SAKIP";
        doc.PackageProperties.Language = "id-ID";
        string? headerId = null;
        if (report.Draft)
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(DraftMark());
            headerId = main.GetIdOfPart(header);
        }

        var body = new Body();
        var footerId = main.GetIdOfPart(footer);
        var cover = report.Blocks.FirstOrDefault() is CoverBlock && (part is null || part.From == 0);
        // the cover is on the first section, which ends at the first section break (a landscape table) or the end
        var writer = new BodyWriter(main, body, report, (landscape, first) => Section(landscape, headerId, footerId, titlePage: cover && first), part);
        writer.WriteAll();
        // a document that ends on landscape pages (the pohon kinerja in the Lampiran) ends with a landscape body section:
        // a break before it would leave an empty portrait section, a blank last page
        body.Append(Section(writer.EndsLandscape, headerId, footerId, titlePage: cover && !writer.SectionsWritten));
        SaveDocument(main, body, writer.RowsBefore);
    }

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>
    /// Writes the document part as main.Document.Save() would (the same XML writer, root and namespaces), with the
    /// table rows that were kept as XML text (<see cref="BodyWriter.RowsBefore"/>) written before the element row
    /// that follows them: a big agency's tables then never become an element tree of millions of nodes.
    /// </summary>
    private static void SaveDocument(MainDocumentPart main, Body body, Dictionary<OpenXmlElement, System.Text.StringBuilder> rowsBefore)
    {
        using var stream = main.GetStream(FileMode.Create, FileAccess.Write);
        using var xml = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("w", "document", WordNamespace);
        xml.WriteStartElement("w", "body", WordNamespace);
        foreach (var child in body.ChildElements)
        {
            if (child is not Table table || rowsBefore.Count == 0)
            {
                child.WriteTo(xml);
                continue;
            }

            xml.WriteStartElement("w", "tbl", WordNamespace);
            foreach (var part in table.ChildElements)
            {
                if (rowsBefore.TryGetValue(part, out var rows))
                {
                    // straight to the part as UTF-8, past the XML writer's per-character checks: the writer has closed
                    // every tag so far (the table's properties and header row came before), and the text holds no
                    // character it would have changed (RowXml)
                    xml.Flush();
                    var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(8192));
                    foreach (var chunk in rows.GetChunks())
                    {
                        for (var at = 0; at < chunk.Length; at += 8192)
                        {
                            var piece = chunk.Span.Slice(at, Math.Min(8192, chunk.Length - at));
                            stream.Write(buffer, 0, System.Text.Encoding.UTF8.GetBytes(piece, buffer));
                        }
                    }

                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }

                part.WriteTo(xml);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>
    /// "DRAF" at the top of every page (the header), large and red, and across the page as Word's own watermark does it:
    /// a VML text shape anchored in the header, rotated 45 degrees, pale, behind the text (LibreOffice keeps it in the PDF).
    /// </summary>
    private static Paragraph DraftMark() => new(
        new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
        new Run(WatermarkXml),
        new Run(new RunProperties(new Bold(), new Color { Val = "C00000" }, new FontSize { Val = "40" }, new Spacing { Val = 60 }), new Text("DRAF")),
        new Run(new RunProperties(new Color { Val = "C00000" }, new FontSize { Val = "16" }), new Text(" \u2014 belum untuk ditandatangani") { Space = SpaceProcessingModeValues.Preserve }));

    private const string WatermarkXml =
        "<w:r xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\">"
        + "<w:pict>"
        + "<v:shapetype id=\"_x0000_t136\" coordsize=\"21600,21600\" o:spt=\"136\" adj=\"10800\" path=\"m@7,l@8,m@5,21600l@6,21600e\">"
        + "<v:path textpathok=\"t\" o:connecttype=\"custom\"/><v:textpath on=\"t\" fitshape=\"t\"/><o:lock v:ext=\"edit\" text=\"t\" shapetype=\"t\"/></v:shapetype>"
        + "<v:shape id=\"PowerPlusWaterMarkObject\" o:spid=\"_x0000_s2049\" type=\"#_x0000_t136\" o:allowincell=\"f\" fillcolor=\"#c00000\" stroked=\"f\" "
        + "style=\"position:absolute;margin-left:0;margin-top:0;width:440pt;height:160pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin\">"
        + "<v:fill opacity=\".22\"/><v:textpath style=\"font-family:&quot;Arial&quot;;font-size:1pt;font-weight:bold\" string=\"DRAF\"/></v:shape>"
        + "</w:pict></w:r>";

    /// <summary>Section properties: A4 portrait, or landscape for wide tables; the same header (draft mark) and footer (page number).</summary>
    private static SectionProperties Section(bool landscape, string? headerId, string footerId, bool titlePage)
    {
        var section = new SectionProperties();
        if (headerId is not null)
        {
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId });
            if (titlePage)
                section.Append(new HeaderReference { Type = HeaderFooterValues.First, Id = headerId });
        }

        section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = footerId });
        section.Append(landscape
            ? new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = PageWidth, Height = PageHeight });
        section.Append(landscape
            ? new PageMargin { Top = MarginOther, Right = MarginOther, Bottom = MarginOther, Left = MarginOther, Header = 567, Footer = 567, Gutter = 0 }
            : new PageMargin { Top = MarginOther, Right = MarginOther, Bottom = MarginOther, Left = MarginLeft, Header = 567, Footer = 567, Gutter = 0 });
        if (titlePage)
            section.Append(new TitlePage()); // the cover carries no page number
        return section;
    }

    /// <summary>
    /// The bookmark of each block that has one (headings, tables, figures), by block index: the table of contents points
    /// to them, and the parts of a conversion in parts name them alike, so their pages can be found in each part's PDF.
    /// </summary>
    internal static string?[] Bookmarks(IReadOnlyList<ReportBlock> blocks)
    {
        var names = new string?[blocks.Count];
        var n = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is HeadingBlock or ReportTable or ReportFigure)
                names[i] = "_Ref" + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return names;
    }

    /// <summary>
    /// Whether each block is on landscape pages: a wide table goes on landscape pages, with the headings right above it
    /// and a short run of text that leads into it (see <see cref="BodyWriter"/>); a page break keeps the orientation.
    /// </summary>
    internal static bool[] Orientations(List<ReportBlock> blocks)
    {
        var landscape = new bool[blocks.Count];
        var current = false;
        for (var index = 0; index < blocks.Count; index++)
        {
            var block = blocks[index];
            var next = index;
            while (next < blocks.Count && blocks[next] is HeadingBlock)
                next++;
            var wide = next < blocks.Count && (blocks[next] is ReportTable t && BodyWriter.IsWide(t) || blocks[next] is ReportFigure { Landscape: true }) && (next == index || block is HeadingBlock)
                       || BodyWriter.LeadsIntoWideTable(blocks, index);
            if (wide != current && block is not PageBreakBlock)
                current = wide;
            landscape[index] = current;
        }

        return landscape;
    }

    /// <summary>
    /// The block indices where a new page starts in any case (a heading that starts a page, a page break, the block after
    /// the cover, a change between portrait and landscape): a document cut there into parts lays out as the whole does.
    /// </summary>
    internal static List<int> PageStarts(ReportDocument report)
    {
        var blocks = report.Blocks;
        var landscape = Orientations(blocks);
        var starts = new List<int>();
        for (var i = 1; i < blocks.Count; i++)
        {
            if (blocks[i] is PageBreakBlock or HeadingBlock { StartsPage: true } || blocks[i - 1] is CoverBlock && blocks[i] is HeadingBlock || landscape[i] != landscape[i - 1])
                starts.Add(i);
        }

        return starts;
    }

    /// <summary>The widths (twips) of a table's columns as the Word table's grid gives them, on a landscape or portrait page.</summary>
    internal static List<int> ColumnWidths(ReportTable table, bool landscape) => BodyWriter.FitWidths(table, landscape ? LandscapeTextWidth : TextWidth);

    /// <summary>The text with the no-break spaces Word gets (grouped numbers, "Rp 1", "5 %").</summary>
    internal static string NoBreakSpaces(string text) => BodyWriter.NoBreak(text);

    /// <summary>A cell's alignment as in the Word table.</summary>
    internal static CellAlign CellAlignment(ReportTable table, int column, ReportCell cell) => BodyWriter.Align(table, column, cell);

    private sealed class BodyWriter(MainDocumentPart main, Body body, ReportDocument report, Func<bool, bool, SectionProperties> section, WordPart? part)
    {
        /// <summary>Whether a section break was written (a landscape table): the cover's section then ended there.</summary>
        public bool SectionsWritten { get; private set; }

        private readonly Dictionary<ReportBlock, string> _bookmarks = [];

        /// <summary>The bookmark around each caption's number ("3." + its SEQ field), by (is a table, number): what a REF in the text points at.</summary>
        private readonly Dictionary<(bool Table, string Number), string> _numbers = [];
        private int _bookmarkId;
        private uint _drawingId;

        public void WriteAll()
        {
            // bookmarks are named before writing so the table of contents can point forward
            var names = Bookmarks(report.Blocks);
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i] is { } name)
                    _bookmarks[report.Blocks[i]] = name;
                var block = report.Blocks[i];
                if (block is ReportTable or ReportFigure)
                {
                    var key = (block is ReportTable, block is ReportTable t ? t.Number : ((ReportFigure)block).Number);
                    _numbers.TryAdd(key, "_Nomor" + (_numbers.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            var afterCover = false;
            var blocks = report.Blocks;
            // a wide table goes on landscape pages: a section ends before it and after the last wide block in a row;
            // the headings right above it go with it, so a heading never stays alone at the foot of a portrait page
            var orientations = Orientations(blocks);
            var from = part?.From ?? 0;
            var to = part?.To ?? blocks.Count;
            // a part starts on a new page of its own: the page break that led to it in the whole document is not written
            // (it would open a blank page), and its first section has the orientation of its first block
            if (part is not null)
            {
                while (from < to - 1 && blocks[from] is PageBreakBlock)
                    from++;
                _landscape = orientations[from];
                _partStart = from;
            }

            for (var index = from; index < to; index++)
            {
                var block = blocks[index];
                var wide = orientations[index];
                if (wide != _landscape && block is not PageBreakBlock)
                {
                    EndSection(section(_landscape, !SectionsWritten));
                    SectionsWritten = true;
                    _landscape = wide;
                }

                switch (block)
                {
                    case CoverBlock cover:
                        Cover(cover);
                        afterCover = true;
                        break;
                    case HeadingBlock heading:
                        Heading(heading, afterCover && index != _partStart, index == _partStart);
                        afterCover = false;
                        break;
                    case ParagraphBlock p:
                        body.Append(Para(p));
                        break;
                    case FieldListBlock fields:
                        foreach (var (label, value) in fields.Fields)
                        {
                            body.Append(new Paragraph(
                                new ParagraphProperties(new KeepNext(), new Tabs(new TabStop { Val = TabStopValues.Left, Position = 1800 }), new SpacingBetweenLines { Before = "0", After = "60" }, new Indentation { Left = "2040", Hanging = "1680" }),
                                new Run(new Text(label)), new Run(new TabChar()), new Run(new Text(": " + value) { Space = SpaceProcessingModeValues.Preserve })));
                        }

                        break;
                    case BulletListBlock { Numbered: true } list:
                        // the number is text with a hanging indent: every list starts at 1 without a numbering definition per list
                        for (var i = 0; i < list.Items.Count; i++)
                        {
                            body.Append(new Paragraph([
                                new ParagraphProperties(new ParagraphStyleId { Val = "ListBullet" }, new Tabs(new TabStop { Val = TabStopValues.Left, Position = 720 }), new Indentation { Left = "720", Hanging = "360" }),
                                TextRun((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "."), new Run(new TabChar()), .. TextWithReferences(list.Items[i], null)]));
                        }

                        break;
                    case BulletListBlock list:
                        foreach (var item in list.Items)
                            body.Append(new Paragraph([new ParagraphProperties(new ParagraphStyleId { Val = "ListBullet" }, new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), .. TextWithReferences(item, null)]));
                        break;
                    case TableOfContentsBlock:
                        TableOfContents();
                        break;
                    case CaptionListBlock list:
                        CaptionList(list.Figures);
                        break;
                    case PageBreakBlock:
                        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                        break;
                    case SignatureBlock signature:
                        Signature(signature);
                        break;
                    case ReportTable table:
                        Table(table);
                        break;
                    case ReportFigure figure:
                        Figure(figure);
                        break;
                }
            }

            // the last section is the body's own (see Write): no break after the last block
            EndsLandscape = _landscape;
        }

        /// <summary>Whether the last block is on landscape pages: the body's closing section is then landscape.</summary>
        public bool EndsLandscape { get; private set; }

        private bool _landscape;

        /// <summary>The first block of a part (-1 for the whole document): a heading there needs no page break before it.</summary>
        private int _partStart = -1;

        /// <summary>The caption of a full-page landscape figure, while it is still the body's last element.</summary>
        private Paragraph? _pageCaption;

        /// <summary>The empty paragraph written after the last table, while it is still the body's last element.</summary>
        private Paragraph? _spacer;

        /// <summary>
        /// Ends a section. Right after a table the section break goes into the table's trailing paragraph, made one point
        /// high: a separate paragraph after a table that fills its page would open a page of its own, blank but for the
        /// page number (issue 20 item 9, Banjar p. 29).
        /// </summary>
        private void EndSection(SectionProperties properties)
        {
            if (_spacer is not null && ReferenceEquals(body.LastChild, _spacer))
            {
                var props = _spacer.ParagraphProperties ??= new ParagraphProperties();
                props.SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact };
                props.ParagraphMarkRunProperties = new ParagraphMarkRunProperties(new FontSize { Val = "2" });
                props.Append(properties);
                _spacer = null;
                return;
            }

            // after a page of the pohon kinerja the break goes into its caption: a paragraph of its own would not fit
            // under a figure that fills the page and would open a blank landscape page
            if (_pageCaption is not null && ReferenceEquals(body.LastChild, _pageCaption))
            {
                (_pageCaption.ParagraphProperties ??= new ParagraphProperties()).Append(properties);
                _pageCaption = null;
                return;
            }

            body.Append(new Paragraph(new ParagraphProperties(properties)));
        }

        /// <summary>
        /// Whether a short run of text (a heading, a sentence, a list) leads into a wide table: it goes on the landscape
        /// page with it, so no portrait page carries a lone sentence or heading before a landscape section (issue 20
        /// item 9). The run is the text between two other blocks (a chapter start, a table, a figure, a signature); five blocks at most.
        /// </summary>
        internal static bool LeadsIntoWideTable(List<ReportBlock> blocks, int index)
        {
            static bool IsText(ReportBlock b) => b is HeadingBlock { Level: >= 2, StartsPage: false } or ParagraphBlock or BulletListBlock;
            if (!IsText(blocks[index]))
                return false;
            // the whole run of text decides, so a heading never stays behind while the sentences under it move
            var first = index;
            while (first > 0 && IsText(blocks[first - 1]) && index - first < 5)
                first--;
            var last = index;
            while (last + 1 < blocks.Count && IsText(blocks[last + 1]) && last - first < 5)
                last++;
            return last - first + 1 <= 5 && last + 1 < blocks.Count && blocks[last + 1] is ReportTable table && IsWide(table);
        }

        /// <summary>
        /// A table goes landscape when its columns cannot all show their longest unbreakable content (an amount, a
        /// code, a word) on a portrait page, or when it has seven columns or more (trend over years, capaian).
        /// </summary>
        internal static bool IsWide(ReportTable table) => table.Columns.Count >= 7 || MinimumWidths(table).Sum() > TextWidth;

        // twips per character of 9 pt Arial (digits are 0,556 em; a margin for capitals and bold), plus the cell margins
        private const int CharTwips = 110;
        private const int CellMargins = 160;

        /// <summary>The width each column needs so that nothing in it breaks inside a word, amount or code.</summary>
        private static int[] MinimumWidths(ReportTable table)
        {
            var widths = new int[table.Columns.Count];
            for (var i = 0; i < widths.Length; i++)
            {
                var longest = LongestToken(table.Columns[i].Header);
                foreach (var row in table.Rows)
                {
                    if (i < row.Cells.Count)
                        longest = Math.Max(longest, LongestToken(row.Cells[i].Text));
                }

                widths[i] = longest * CharTwips + CellMargins;
            }

            return widths;
        }

        /// <summary>The longest run of characters between spaces, line breaks and slashes (counted in place: it runs on every cell).</summary>
        private static int LongestToken(string text)
        {
            var longest = 0;
            var run = 0;
            foreach (var c in text)
            {
                if (c is ' ' or '\n' or '/')
                {
                    run = 0;
                    continue;
                }

                if (++run > longest)
                    longest = run;
            }

            return longest;
        }

        /// <summary>The weights' shares of the page, widened where content needs it, taken from columns with room to spare.</summary>
        internal static List<int> FitWidths(ReportTable table, int available)
        {
            var minimum = MinimumWidths(table);
            var totalWeight = table.Columns.Sum(c => c.Width);
            var widths = table.Columns.Select(c => available * c.Width / totalWeight).ToArray();
            if (minimum.Sum() >= available)
                return minimum.Select(m => m * available / minimum.Sum()).ToList();
            for (var round = 0; round < 4; round++)
            {
                var deficit = 0;
                for (var i = 0; i < widths.Length; i++)
                {
                    if (widths[i] < minimum[i])
                    {
                        deficit += minimum[i] - widths[i];
                        widths[i] = minimum[i];
                    }
                }

                if (deficit == 0)
                    break;
                var spare = widths.Select((w, i) => Math.Max(0, w - minimum[i])).ToArray();
                var spareTotal = spare.Sum();
                for (var i = 0; i < widths.Length && spareTotal > 0; i++)
                    widths[i] -= (int)((long)deficit * spare[i] / spareTotal);
            }

            return widths.ToList();
        }

        /// <summary>Spaces that must not break a line: inside a grouped number or NIP, after "Rp", before "%".</summary>
        public static string NoBreak(string text)
        {
            if (text.Length < 3 || !text.Contains(' ', StringComparison.Ordinal))
                return text;
            var chars = text.ToCharArray();
            for (var i = 1; i < chars.Length - 1; i++)
            {
                if (chars[i] != ' ')
                    continue;
                var before = chars[i - 1];
                var after = chars[i + 1];
                var rp = i >= 2 && chars[i - 2] == 'R' && before == 'p';
                if ((char.IsAsciiDigit(before) && char.IsAsciiDigit(after)) || (rp && char.IsAsciiDigit(after)) || (char.IsAsciiDigit(before) && after == '%'))
                    chars[i] = '\u00A0';
            }

            return new string(chars);
        }

        private void Cover(CoverBlock cover)
        {
            body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "2400", After = "0" })));
            foreach (var line in cover.TitleLines)
                body.Append(Centered(line, 36, bold: true));
            if (report.Profile.Logo is { } logo)
            {
                // centred between the title and the agency, as the real covers print it: 4,5 cm wide, at most 5 cm high
                const long emuPerCm = 360000;
                long cx = 45 * emuPerCm / 10;
                long cy = cx * logo.Height / logo.Width;
                if (cy > 5 * emuPerCm)
                    (cx, cy) = (cx * 5 * emuPerCm / cy, 5 * emuPerCm);
                body.Append(new Paragraph(
                    new ParagraphProperties(new SpacingBetweenLines { Before = "1200", After = "1200" }, new Justification { Val = JustificationValues.Center }),
                    new Run(InlineImage(logo.Bytes, logo.IsPng, cx, cy, "Logo", report.Agency))));
            }
            else
            {
                body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "3600", After = "0" })));
            }

            foreach (var line in cover.AgencyLines)
                body.Append(Centered(line, 28, bold: true));
            body.Append(Centered(cover.Year, 28, bold: true));
        }

        private static Paragraph Centered(string text, int halfPoints, bool bold)
        {
            var props = new RunProperties();
            if (bold)
                props.Append(new Bold());
            props.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return new Paragraph(
                new ParagraphProperties(new SpacingBetweenLines { Before = "120", After = "120" }, new Justification { Val = JustificationValues.Center }),
                new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        private void Heading(HeadingBlock heading, bool afterCover, bool startsPart)
        {
            var props = new ParagraphProperties(new ParagraphStyleId { Val = "Heading" + heading.Level.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if ((heading.StartsPage || afterCover) && !startsPart)
                props.Append(new PageBreakBefore());
            var p = new Paragraph(props);
            AppendBookmarked(p, _bookmarks[heading], TextRun(heading.Text));
            body.Append(p);
        }

        private void AppendBookmarked(Paragraph p, string name, params OpenXmlElement[] content)
        {
            var id = (++_bookmarkId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            p.Append(new BookmarkStart { Id = id, Name = name });
            p.Append(content);
            p.Append(new BookmarkEnd { Id = id });
        }

        private Paragraph Para(ParagraphBlock block)
        {
            var props = new ParagraphProperties();
            var run = new RunProperties();
            switch (block.Kind)
            {
                case ParagraphKind.Centered:
                    props.Append(new KeepNext(), new Justification { Val = JustificationValues.Center });
                    run.Append(new Bold());
                    break;
                case ParagraphKind.Label:
                    props.Append(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" });
                    run.Append(new Bold());
                    break;
                case ParagraphKind.Placeholder:
                    run.Append(new Italic(), new Color { Val = "7F7F7F" });
                    break;
                case ParagraphKind.Note:
                    run.Append(new FontSize { Val = "18" });
                    break;
                default:
                    props.Append(new Justification { Val = JustificationValues.Both });
                    break;
            }

            return new Paragraph([props, .. TextWithReferences(NoBreak(block.Text), run)]);
        }

        /// <summary>
        /// The runs of a text in which each "Tabel 3.3" / "Gambar 2.1" / "Grafik 3.1" naming a caption of this document is
        /// "Tabel " + a REF field to the bookmark around that caption's number (issue 20 item 4): a table a user inserts
        /// renumbers the captions' SEQ fields and, on updating fields, the text that refers to them. The cached result is
        /// the number the build gave, so LibreOffice's PDF and viewers that never update fields print it right. A
        /// reference that names no caption stays text (DocumentChecks reports it).
        /// </summary>
        private List<OpenXmlElement> TextWithReferences(string text, RunProperties? props)
        {
            Run Plain(string part) => new(props?.CloneNode(true) is RunProperties p ? [p, new Text(part) { Space = SpaceProcessingModeValues.Preserve }] : [new Text(part) { Space = SpaceProcessingModeValues.Preserve }]);
            var runs = new List<OpenXmlElement>();
            var at = 0;
            foreach (System.Text.RegularExpressions.Match m in DocumentChecks.NumberedReferencePattern.Matches(text))
            {
                var number = m.Groups["number"].Value;
                // a part of a conversion in parts (PartedPdf) has not every caption: its references are plain text, as its captions are
                if (part is not null || !_numbers.TryGetValue((m.Groups["kind"].Value == "Tabel", number), out var bookmark))
                    continue;
                var numberAt = m.Groups["number"].Index;
                runs.Add(Plain(text[at..numberAt]));
                runs.Add(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }));
                runs.Add(new Run(new FieldCode($" REF {bookmark} \\h ") { Space = SpaceProcessingModeValues.Preserve }));
                runs.Add(new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
                runs.Add(Plain(number));
                runs.Add(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
                at = numberAt + number.Length;
            }

            if (at < text.Length || runs.Count == 0)
                runs.Add(Plain(text[at..]));
            return runs;
        }

        /// <summary>
        /// "Tabel 3." + a SEQ field + " caption" (issue 20 item 4): the number is a Word sequence per kind and chapter
        /// (SEQ Tabel_3), so a table a user inserts with a copied caption renumbers the ones after it; the number the
        /// build computed is the field's cached result, which LibreOffice and PDF readers show as is.
        /// </summary>
        private OpenXmlElement[] CaptionRuns(string kind, string number, string caption, bool inPart)
        {
            // a part converted on its own would count its sequences from 1 (LibreOffice computes SEQ fields): the number
            // is written as text there; the PDF shows the same
            if (inPart)
                return [TextRun(kind + " " + number + " " + caption)];
            var dot = number.LastIndexOf('.');
            var prefix = dot < 0 ? "" : number[..(dot + 1)];
            var n = number[(dot + 1)..];
            var sequence = kind + (dot < 0 ? "" : "_" + number[..dot]);
            // the number ("3." and the SEQ field) is bookmarked on its own: a REF in the text prints it after its own word
            var (start, end) = NumberBookmark(kind == "Tabel", number);
            return
            [
                TextRun(kind + " "),
                .. start,
                TextRun(prefix),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode($" SEQ {sequence} \\* ARABIC ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                TextRun(n),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                .. end,
                TextRun(" " + caption),
            ];
        }

        /// <summary>The start and end of the number's bookmark, once per number (a figure split over pages is bookmarked on its first).</summary>
        private (OpenXmlElement[] Start, OpenXmlElement[] End) NumberBookmark(bool table, string number)
        {
            if (!_numbers.TryGetValue((table, number), out var name) || !_placed.Add(name))
                return ([], []);
            var id = (++_bookmarkId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ([new BookmarkStart { Id = id, Name = name }], [new BookmarkEnd { Id = id }]);
        }

        private readonly HashSet<string> _placed = [];

        private static Run TextRun(string text, bool bold = false, int? halfPoints = null)
        {
            var props = new RunProperties();
            if (bold)
                props.Append(new Bold());
            if (halfPoints is { } size)
                props.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        }

        /// <summary>
        /// The table of contents is written here, one entry per heading with a PAGEREF field to
        /// the heading's bookmark. It is deliberately not wrapped in a TOC field: LibreOffice
        /// imports a TOC field as an index and shows its cached text without page numbers (also
        /// when the field is marked dirty), while it lays out PAGEREF fields itself. Headings keep
        /// the built-in Heading 1-3 styles, so Word can still insert its own TOC.
        /// </summary>
        private void TableOfContents()
        {
            foreach (var heading in report.Blocks.OfType<HeadingBlock>().Where(h => h.Level <= 3 && !IsFrontMatter(h)))
                body.Append(Entry("TOC" + heading.Level.ToString(System.Globalization.CultureInfo.InvariantCulture), heading.Text, _bookmarks[heading], part?.PageText));
        }

        private static bool IsFrontMatter(HeadingBlock h) => h.Text is "DAFTAR ISI" or "DAFTAR TABEL" or "DAFTAR GAMBAR";

        private void CaptionList(bool figures)
        {
            var items = figures
                ? report.Figures.Select(f => (Block: (ReportBlock)f, Text: f.Label + " " + f.Caption)).ToList()
                : report.Tables.Select(t => (Block: (ReportBlock)t, Text: t.Label + " " + t.Caption)).ToList();
            if (items.Count == 0)
            {
                body.Append(Para(new ParagraphBlock(figures ? "Tidak ada gambar." : "Tidak ada tabel.", ParagraphKind.Placeholder)));
                return;
            }

            foreach (var (block, text) in items)
                body.Append(Entry("TableofFigures", text, _bookmarks[block], part?.PageText));
        }

        private static Paragraph Entry(string style, string text, string bookmark, Func<string, string>? pageText) => pageText is not null
            // a part converted on its own: the page, known from the other parts' PDFs, is written as text (PartedPdf)
            ? new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = style }),
                new Hyperlink(TextRun(text)) { Anchor = bookmark, History = true },
                new Run(new TabChar()),
                new Hyperlink(TextRun(pageText(bookmark))) { Anchor = bookmark, History = true })
            : new(
            new ParagraphProperties(new ParagraphStyleId { Val = style }),
            new Hyperlink(TextRun(text)) { Anchor = bookmark, History = true },
            new Run(new TabChar()),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode($" PAGEREF {bookmark} \\h ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }));

        /// <summary>
        /// Signatures side by side in a borderless table whose rows align the parts of every block (date, heading,
        /// position, room for the wet signature and stamp, name, pangkat, NIP). The rows cannot split, and the
        /// paragraph before the block keeps with it, so a signature never stands alone on a page.
        /// </summary>
        private void Signature(SignatureBlock block)
        {
            if (body.LastChild is Paragraph previous)
                KeepWithNext(previous);
            // a table right above (its trailing spacer between): its last rows travel with the signature
            var above = body.LastChild is Paragraph spacer && ReferenceEquals(spacer, _spacer) ? spacer.PreviousSibling() : body.LastChild;
            if (above is Table previousTable && previousTable.Elements<TableRow>().LastOrDefault() is { } lastRow)
                foreach (var p in lastRow.Descendants<Paragraph>())
                    KeepWithNext(p);
            var columns = Math.Max(2, block.Parties.Count);
            var width = TextWidth / columns;
            var table = new Table(new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                    new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
                new TableLayout { Type = TableLayoutValues.Fixed }));
            table.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
            var parties = block.Parties.Count == 1 ? [null, block.Parties[0]] : block.Parties.Cast<Signatory?>().ToList();
            var lines = new List<Func<Signatory, int, string?>>
            {
                (_, i) => i == parties.Count - 1 ? block.PlaceAndDate ?? "" : "",
                (p, _) => p.Heading,
                (p, _) => p.Position + ",",
                (_, _) => null, // room for signature and stamp
                (p, _) => p.Name,
                (p, _) => p.Rank,
                (p, _) => p.Nip is null ? null : "NIP. " + p.Nip,
            };
            for (var line = 0; line < lines.Count; line++)
            {
                if (line is 1 && parties.All(p => p is null || p.Heading.Length == 0))
                    continue;
                if (line is 5 or 6 && parties.All(p => p is null || lines[line](p, 0) is null))
                    continue;
                var row = new TableRow(new TableRowProperties(new CantSplit()));
                if (line == 3)
                    row.TableRowProperties!.Append(new TableRowHeight { Val = 1300, HeightType = HeightRuleValues.AtLeast });
                for (var i = 0; i < parties.Count; i++)
                {
                    var party = parties[i];
                    var text = party is null ? "" : lines[line](party, i) ?? "";
                    var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
                    cell.Append(SignatureLine(line == 6 ? text.Replace(' ', '\u00A0') : text, bold: line is 1 or 4, underline: line == 4));
                    row.Append(cell);
                }

                table.Append(row);
            }

            body.Append(new Paragraph(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "0" })));
            body.Append(table);
        }

        private static void KeepWithNext(Paragraph p)
        {
            p.ParagraphProperties ??= new ParagraphProperties();
            if (p.ParagraphProperties.KeepNext is null)
                p.ParagraphProperties.KeepNext = new KeepNext();
        }

        private static Paragraph SignatureLine(string text, bool bold = false, bool underline = false)
        {
            var props = new RunProperties();
            if (bold)
                props.Append(new Bold());
            if (underline)
                props.Append(new Underline { Val = UnderlineValues.Single });
            return new Paragraph(
                new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "0", After = "0" }, new Justification { Val = JustificationValues.Center }),
                new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        private void Table(ReportTable table)
        {
            var caption = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }, new KeepNext()));
            AppendBookmarked(caption, _bookmarks[table], CaptionRuns("Tabel", table.Number, table.Caption, part is not null));
            body.Append(caption);

            var available = _landscape ? LandscapeTextWidth : TextWidth;
            var widths = FitWidths(table, available);
            // in a conversion in parts a long table is written as consecutive tables of ChunkRows rows, each with the
            // header row: LibreOffice lays them out as one (no gap between them, the header repeated where each starts),
            // and its time grows with a table's length faster than linearly (bench/README.md)
            var chunk = part?.ChunkRows ?? int.MaxValue;
            var first = 0;
            do
            {
                // a remainder shorter than half a chunk stays with the chunk before it
                var end = table.Rows.Count - first < (long)chunk * 3 / 2 ? table.Rows.Count : first + chunk;
                body.Append(TablePart(table, widths, available, first, end));
                first = end;
            }
            while (first < table.Rows.Count);

            foreach (var note in table.Notes)
                body.Append(Para(new ParagraphBlock(note, ParagraphKind.Note)));
            _spacer = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }));
            body.Append(_spacer);
        }

        /// <summary>The table with its header row and the rows from <paramref name="first"/> to before <paramref name="end"/>.</summary>
        private Table TablePart(ReportTable table, List<int> widths, int available, int first, int end)
        {
            var t = new Table(new TableProperties(
                new TableStyle { Val = "KinerjaTable" },
                new TableWidth { Width = available.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0" }));
            t.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
            var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
            for (var i = 0; i < table.Columns.Count; i++)
                header.Append(Cell(table.Columns[i].Header, widths[i], CellAlign.Center, bold: true, shade: "D9E2F3"));
            t.Append(header);
            // a big agency's tables hold tens of thousands of rows: a row is kept as its XML text, the markup its element
            // tree would give, and written before the next element row (SaveDocument). The last row stays an element tree
            // (a signature below reads it), and so does a row with text the XML writer would change (line breaks).
            System.Text.StringBuilder? pending = null;
            for (var r = first; r < end; r++)
            {
                var row = table.Rows[r];
                pending ??= new System.Text.StringBuilder();
                // the last three rows keep together, so no page carries a table's last row alone (a Jumlah under its header);
                // a table of three rows or fewer keeps whole
                var keep = r >= table.Rows.Count - 3 && r < table.Rows.Count - 1;
                if (r < end - 1 && RowXml(pending, table, row, widths, keep))
                    continue;

                var tr = Tall(row) ? new TableRow() : new TableRow(new TableRowProperties(new CantSplit()));
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var cell = i < row.Cells.Count ? row.Cells[i] : ReportCell.Empty;
                    tr.Append(Cell(cell.Text, widths[i], Align(table, i, cell), bold: row.Kind != RowKind.Normal, shade: Shade(row)));
                }

                t.Append(tr);
                if (pending.Length > 0)
                {
                    RowsBefore[tr] = pending;
                    pending = null;
                }
            }

            return t;
        }

        /// <summary>
        /// A row with a long text (an analysis, a formula of several lines) may split across pages: kept whole it would
        /// leave most of a page empty before it (issue 20 item 9); a short row never splits.
        /// </summary>
        private static bool Tall(ReportRow row) => row.Cells.Sum(c => c.Text.Length) > 700;

        internal static CellAlign Align(ReportTable table, int column, ReportCell cell) =>
            cell.Kind == CellKind.Text && table.Columns[column].Align == CellAlign.Right ? CellAlign.Right : table.Columns[column].Align;

        private static string? Shade(ReportRow row) => row.Kind == RowKind.Group ? "F2F2F2" : row.Kind == RowKind.Total ? "E2EFDA" : null;

        /// <summary>Table rows kept as XML text, by the element row they are written before (see <see cref="SaveDocument"/>).</summary>
        public Dictionary<OpenXmlElement, System.Text.StringBuilder> RowsBefore { get; } = [];

        /// <summary>
        /// Appends one body row as the XML <see cref="Cell"/> elements serialize to (WordprocessingML prefix w, declared on
        /// the document root). False, with <paramref name="xml"/> as it was, when a cell's text holds a character the XML
        /// writer would change (line breaks, control characters, surrogates): that row is built as elements instead.
        /// </summary>
        private static bool RowXml(System.Text.StringBuilder xml, ReportTable table, ReportRow row, List<int> widths, bool keepNext)
        {
            var start = xml.Length;
            if (!RowXmlAt(xml, table, row, widths, keepNext))
            {
                xml.Length = start;
                return false;
            }

            return true;
        }

        private static bool RowXmlAt(System.Text.StringBuilder xml, ReportTable table, ReportRow row, List<int> widths, bool keepNext)
        {
            xml.Append(Tall(row) ? "<w:tr>" : "<w:tr><w:trPr><w:cantSplit /></w:trPr>");
            var bold = row.Kind != RowKind.Normal;
            var shade = Shade(row);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var cell = i < row.Cells.Count ? row.Cells[i] : ReportCell.Empty;
                xml.Append("<w:tc><w:tcPr><w:tcW w:w=\"").Append(widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\" w:type=\"dxa\" />");
                if (shade is not null)
                    xml.Append("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"").Append(shade).Append("\" />");
                xml.Append("<w:vAlign w:val=\"center\" /></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\" />").Append(keepNext ? "<w:keepNext />" : "").Append("<w:jc w:val=\"")
                    .Append(Align(table, i, cell) switch { CellAlign.Center => "center", CellAlign.Right => "right", _ => "left" })
                    .Append("\" /></w:pPr><w:r>").Append(bold ? "<w:rPr><w:b /></w:rPr>" : "<w:rPr />").Append("<w:t xml:space=\"preserve\">");
                foreach (var c in NoBreak(cell.Text))
                {
                    switch (c)
                    {
                        case '&':
                            xml.Append("&amp;");
                            break;
                        case '<':
                            xml.Append("&lt;");
                            break;
                        case '>':
                            xml.Append("&gt;");
                            break;
                        case < ' ' or (>= '\uD800' and <= '\uDFFF') or '\uFFFE' or '\uFFFF':
                            return false;
                        default:
                            xml.Append(c);
                            break;
                    }
                }

                xml.Append("</w:t></w:r></w:p></w:tc>");
            }

            xml.Append("</w:tr>");
            return true;
        }

        private static TableCell Cell(string text, int width, CellAlign align, bool bold, string? shade)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (shade is not null)
                props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = shade });
            props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
            var jc = align switch
            {
                CellAlign.Center => JustificationValues.Center,
                CellAlign.Right => JustificationValues.Right,
                _ => JustificationValues.Left,
            };
            return new TableCell(props, new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }, new Justification { Val = jc }), TextRun(NoBreak(text), bold)));
        }

        private void Figure(ReportFigure figure)
        {
            const long emuPerTwip = 635;
            if (figure.Landscape && _landscape)
            {
                // a page of the pohon kinerja is drawn at print scale: placed at that size its text is never below 7 pt
                long width = (long)Math.Min(LandscapeTextWidth, figure.WidthPixels * 20 / Diagrams.PixelsPerPoint) * emuPerTwip;
                long height = width * figure.HeightPixels / figure.WidthPixels;
                var page = InlineImage(figure.Png, true, width, height, "Gambar " + figure.Number, figure.Caption);
                body.Append(new Paragraph(new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }), new Run(page)));
                var pageCaption = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }));
                var (start, end) = NumberBookmark(false, figure.Number);
                AppendBookmarked(pageCaption, _bookmarks[figure], [TextRun("Gambar "), .. start, TextRun(figure.Number), .. end, TextRun(" " + figure.Caption)]);
                body.Append(pageCaption);
                _pageCaption = pageCaption;
                return;
            }

            long cx = (long)TextWidth * emuPerTwip;
            long cy = cx * figure.HeightPixels / figure.WidthPixels;
            // a tall diagram (a pohon kinerja of many sasaran) is shrunk to leave room for its caption on the page
            long maxHeight = (long)(PageHeight - 2 * MarginOther) * emuPerTwip * 4 / 5;
            if (cy > maxHeight)
                (cx, cy) = (cx * maxHeight / cy, maxHeight);
            var drawing = InlineImage(figure.Png, true, cx, cy, "Gambar " + figure.Number, figure.Caption);
            body.Append(new Paragraph(new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }), new Run(drawing)));
            var caption = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }));
            AppendBookmarked(caption, _bookmarks[figure], CaptionRuns("Gambar", figure.Number, figure.Caption, part is not null));
            body.Append(caption);
        }

        /// <summary>An image in the text line, cx by cy EMU.</summary>
        private Drawing InlineImage(byte[] bytes, bool png, long cx, long cy, string name, string description)
        {
            // a PNG or JPEG is compressed already: deflating it again costs time and saves nothing
            var package = main.OpenXmlPackage;
            var compression = package.CompressionOption;
            package.CompressionOption = System.IO.Packaging.CompressionOption.NotCompressed;
            var image = main.AddImagePart(png ? ImagePartType.Png : ImagePartType.Jpeg);
            package.CompressionOption = compression;
            using (var ms = new MemoryStream(bytes))
                image.FeedData(ms);
            var relationship = main.GetIdOfPart(image);
            var id = ++_drawingId;
            return new Drawing(new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
                new DW.DocProperties { Id = id, Name = name, Description = description },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = name + (png ? ".png" : ".jpg") }, new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });
        }
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                    new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" }, new Languages { Val = "id-ID" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, isDefault: true),
            ParagraphStyle("Heading1", "heading 1", "Normal", outline: 0, size: 28, bold: true, center: true, before: 240, after: 240),
            ParagraphStyle("Heading2", "heading 2", "Normal", outline: 1, size: 24, bold: true, before: 240, after: 120),
            ParagraphStyle("Heading3", "heading 3", "Normal", outline: 2, size: 22, bold: true, before: 200, after: 80),
            ParagraphStyle("Caption", "caption", "Normal", size: 20, bold: true, center: true, before: 120, after: 60),
            ParagraphStyle("TableText", "Table Text", "Normal", size: 18, before: 20, after: 20, line: 240),
            ParagraphStyle("ListBullet", "List Bullet", "Normal"),
            ParagraphStyle("TOC1", "toc 1", "Normal", bold: true, before: 60, after: 0, tocIndent: 0),
            ParagraphStyle("TOC2", "toc 2", "Normal", before: 0, after: 0, tocIndent: 360),
            ParagraphStyle("TOC3", "toc 3", "Normal", before: 0, after: 0, tocIndent: 720),
            ParagraphStyle("TableofFigures", "table of figures", "Normal", before: 0, after: 0, tocIndent: 0),
            new Style(
                new StyleName { Val = "Kinerja Table" },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new RightBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" }),
                    new TableCellMarginDefault(new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 70, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 70, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "KinerjaTable" });
        part.Styles = styles;
        part.Styles.Save();
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault = false, int? outline = null, int? size = null, bool bold = false,
        bool center = false, int? before = null, int? after = null, int? line = null, int? tocIndent = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
            style.Default = true;
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
            style.Append(new BasedOn { Val = basedOn });
        style.Append(new NextParagraphStyle { Val = "Normal" });
        if (outline is not null || id.StartsWith("Heading", StringComparison.Ordinal))
            style.Append(new PrimaryStyle());
        var p = new StyleParagraphProperties();
        if (outline is not null)
            p.Append(new KeepNext(), new KeepLines());
        if (tocIndent is not null)
            p.Append(new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = TextWidth - 10 }));
        if (before is not null || after is not null || line is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (before is { } b)
                spacing.Before = b.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (after is { } a)
                spacing.After = a.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (line is { } l)
            {
                spacing.Line = l.ToString(System.Globalization.CultureInfo.InvariantCulture);
                spacing.LineRule = LineSpacingRuleValues.Auto;
            }

            p.Append(spacing);
        }

        if (tocIndent is { } indent && indent > 0)
            p.Append(new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (center)
            p.Append(new Justification { Val = JustificationValues.Center });
        if (outline is { } o)
            p.Append(new OutlineLevel { Val = o });
        if (p.HasChildren)
            style.Append(p);
        var r = new StyleRunProperties();
        if (bold)
            r.Append(new Bold());
        if (size is { } s)
        {
            r.Append(new FontSize { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            r.Append(new FontSizeComplexScript { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        if (r.HasChildren)
            style.Append(r);
        return style;
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
        part.Numbering.Save();
    }
}
