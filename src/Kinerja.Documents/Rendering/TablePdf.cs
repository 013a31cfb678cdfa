using System.Globalization;
using Kinerja.Documents.Reports;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Kinerja.Documents.Rendering;

/// <summary>
/// Draws a long table (and the short run of headings and sentences that leads into it) straight onto PDF pages with
/// PDFsharp, laid out as <see cref="WordRenderer"/> lays the same blocks out in Word: the same column widths (the Word
/// table's grid), Arial (Liberation Sans, the same metrics) in the sizes of the Word styles, the same cell margins,
/// borders, shading and alignment, the header row on every page, rows kept whole unless tall, the last rows kept
/// together, landscape where the Word section is landscape, the draft mark in the header. LibreOffice's layout of a
/// table grows faster than linearly with its length and its import of a long table is slow (bench/README.md: a
/// 5.000-row table kept a LibreOffice busy for more than half an hour); this writes such a table in well under a second
/// per thousand rows. The .docx is not changed: Word still gets the one table.
/// </summary>
internal sealed class TablePdf
{
    // the page and its margins as WordRenderer's sections (twips / 20)
    private const double PageWidth = 11906 / 20.0;
    private const double PageHeight = 16838 / 20.0;
    private const double MarginLeft = 1701 / 20.0;
    private const double MarginOther = 1134 / 20.0;

    // cell margins of the "Kinerja Table" style (30 and 70 twips), the TableText paragraph's 1 pt before and after
    private const double CellPadX = 3.5;
    private const double CellPadY = 1.5;
    private const double ParaPadY = 1;

    /// <summary>Liberation Sans' ascent, descent and line gap (hhea 1854 + 434 + 67 of 2048): one line at single spacing as LibreOffice sets it.</summary>
    private const double LineFactor = (1854 + 434 + 67) / 2048.0;

    private const double AscentFactor = (1854 + 67) / 2048.0;

    private static readonly XColor BorderGrey = XColor.FromArgb(0x80, 0x80, 0x80);
    private static readonly XPen Border = new(BorderGrey, 0.5);
    private static readonly XBrush HeaderShade = new XSolidBrush(XColor.FromArgb(0xD9, 0xE2, 0xF3));
    private static readonly XBrush GroupShade = new XSolidBrush(XColor.FromArgb(0xF2, 0xF2, 0xF2));
    private static readonly XBrush TotalShade = new XSolidBrush(XColor.FromArgb(0xE2, 0xEF, 0xDA));
    private static readonly XBrush DraftRed = new XSolidBrush(XColor.FromArgb(0xC0, 0x00, 0x00));
    private static readonly XBrush Watermark = new XSolidBrush(XColor.FromArgb(56, 0xC0, 0x00, 0x00));
    private static readonly XBrush PlaceholderGrey = new XSolidBrush(XColor.FromArgb(0x7F, 0x7F, 0x7F));

    private readonly PdfDocument _pdf;
    private readonly bool _landscape;
    private readonly bool _draft;
    private readonly Dictionary<(XFont Font, string Word), double> _widths = [];
    private readonly Dictionary<(double Size, bool Bold, bool Italic), XFont> _fonts = [];
    private XGraphics? _gfx;
    private double _y;

    /// <summary>The space after the paragraph drawn last: the space between two paragraphs is the larger of its and the next one's before (LibreOffice's .docx layout).</summary>
    private double _after;

    private void SpaceBefore(double before)
    {
        _y += Math.Max(0, before - _after);
        _after = 0;
    }

    private void SpaceAfter(double after)
    {
        _y += after;
        _after = after;
    }

    /// <summary>The page (0-based) and the height above the page's lower edge of each bookmarked block drawn.</summary>
    public Dictionary<string, (int Page, double Top)> Destinations { get; } = new(StringComparer.Ordinal);

    private TablePdf(PdfDocument pdf, bool landscape, bool draft)
    {
        _pdf = pdf;
        _landscape = landscape;
        _draft = draft;
    }

    private double Width => _landscape ? PageHeight : PageWidth;

    private double Height => _landscape ? PageWidth : PageHeight;

    private double Left => _landscape ? MarginOther : MarginLeft;

    private double Right => Width - MarginOther;

    private double Top => MarginOther;

    private double Bottom => Height - MarginOther;

    /// <summary>Whether a block is text that can lead into a drawn block: a heading, a paragraph or a short list.</summary>
    public static bool Leads(ReportBlock block) => block is HeadingBlock or ParagraphBlock or BulletListBlock { Items.Count: <= 10 };

    /// <summary>Writes blocks <paramref name="from"/> to before <paramref name="to"/> of the report as a PDF of their own; returns the page count and destinations.</summary>
    public static (int Pages, Dictionary<string, (int Page, double Top)> Destinations) Write(ReportDocument report, int from, int to, bool landscape, string?[] names, string path)
    {
        PageNumberFont.Install();
        using var pdf = new PdfDocument();
        var writer = new TablePdf(pdf, landscape, report.Draft);
        writer.NewPage();
        // the page break that led to the part: the part starts on a page of its own anyway
        while (from < to && report.Blocks[from] is PageBreakBlock)
            from++;
        for (var i = from; i < to; i++)
        {
            var name = names[i];
            switch (report.Blocks[i])
            {
                case HeadingBlock heading:
                    writer.Heading(heading, i == from, name);
                    break;
                case ParagraphBlock paragraph:
                    writer.Paragraph(paragraph);
                    break;
                case BulletListBlock list:
                    for (var k = 0; k < list.Items.Count; k++)
                        writer.ListItem(list.Numbered ? (k + 1).ToString(CultureInfo.InvariantCulture) + "." : "\u2022", list.Numbered ? 18 : 0, list.Items[k]);
                    break;
                case ReportTable table:
                    writer.Table(table, name);
                    break;
                case ReportFigure figure:
                    writer.Figure(figure, name);
                    break;
                default:
                    throw new InvalidOperationException("block " + report.Blocks[i].GetType().Name + " is not drawn by TablePdf");
            }
        }

        writer._gfx?.Dispose();
        var pages = pdf.PageCount;
        pdf.Save(path);
        return (pages, writer.Destinations);
    }

    private XFont Font(double size, bool bold = false, bool italic = false)
    {
        if (!_fonts.TryGetValue((size, bold, italic), out var font))
        {
            var style = bold ? (italic ? XFontStyleEx.BoldItalic : XFontStyleEx.Bold) : italic ? XFontStyleEx.Italic : XFontStyleEx.Regular;
            font = new XFont(PageNumberFont.Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[(size, bold, italic)] = font;
        }

        return font;
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _pdf.AddPage();
        page.Width = XUnit.FromPoint(Width);
        page.Height = XUnit.FromPoint(Height);
        _gfx = XGraphics.FromPdfPage(page);
        _y = Top;
        _after = 0;
        if (_draft)
            DraftMark();
    }

    private XGraphics Gfx => _gfx!;

    /// <summary>
    /// The draft's header as WordRenderer writes it: "DRAF" (20 pt bold, 3 pt letter spacing) and "— belum untuk
    /// ditandatangani" (8 pt) in red centred 1 cm below the top, and a pale DRAF across the page, rotated 45 degrees.
    /// </summary>
    private void DraftMark()
    {
        var big = Font(20, bold: true);
        var small = Font(8);
        const string tail = " \u2014 belum untuk ditandatangani";
        var letters = "DRAF".Select(c => Measure(big, c.ToString())).ToList();
        var width = letters.Sum() + 3 * 4 + Measure(small, tail);
        var x = (Left + Right - width) / 2;
        var baseline = 567 / 20.0 + AscentFactor * 20 * 1.0;
        for (var i = 0; i < 4; i++)
        {
            Gfx.DrawString("DRAF"[i].ToString(), big, DraftRed, x, baseline, XStringFormats.BaseLineLeft);
            x += letters[i] + 3;
        }

        Gfx.DrawString(tail, small, DraftRed, x, baseline, XStringFormats.BaseLineLeft);
        var state = Gfx.Save();
        Gfx.TranslateTransform((Left + Right) / 2, (Top + Bottom) / 2);
        Gfx.RotateTransform(-45);
        // Word's text path fills its 440 x 160 pt shape: the letters' width to 440 pt, their capitals' height to 160 pt
        var mark = Font(100, bold: true);
        var markWidth = Measure(mark, "DRAF");
        Gfx.ScaleTransform(440 / markWidth, 160 / (0.716 * 100));
        Gfx.DrawString("DRAF", mark, Watermark, -markWidth / 2, 0.716 * 100 / 2, XStringFormats.BaseLineLeft);
        Gfx.Restore(state);
    }

    private double Measure(XFont font, string text)
    {
        if (!_widths.TryGetValue((font, text), out var width))
        {
            width = Gfx.MeasureString(text, font).Width;
            _widths[(font, text)] = width;
        }

        return width;
    }

    /// <summary>
    /// The lines of a text wrapped to <paramref name="width"/> as a word processor wraps: at spaces (a no-break space
    /// holds its neighbours together), a word longer than the line broken between characters; never cut short.
    /// </summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var hard in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var words = hard.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var line = "";
            var lineWidth = 0.0;
            var space = Measure(font, " ");
            foreach (var raw in words)
            {
                var word = raw;
                var w = Measure(font, word);
                if (line.Length > 0 && lineWidth + space + w <= width)
                {
                    line += " " + word;
                    lineWidth += space + w;
                    continue;
                }

                if (line.Length > 0)
                    lines.Add(line);
                // a word wider than the column: as many characters per line as fit
                while (w > width && word.Length > 1)
                {
                    var n = word.Length - 1;
                    while (n > 1 && Measure(font, word[..n]) > width)
                        n--;
                    lines.Add(word[..n]);
                    word = word[n..];
                    w = Measure(font, word);
                }

                line = word;
                lineWidth = w;
            }

            lines.Add(line);
        }

        return lines;
    }

    private void Heading(HeadingBlock heading, bool first, string? name)
    {
        var (size, before, after, centre) = heading.Level switch
        {
            1 => (14.0, 12.0, 12.0, true),
            2 => (12.0, 12.0, 6.0, false),
            _ => (11.0, 10.0, 4.0, false),
        };
        SpaceBefore(before);
        var font = Font(size, bold: true);
        var lines = Wrap(heading.Text, font, Right - Left);
        var line = size * LineFactor * 1.15;
        if (name is not null)
            Destinations[name] = (_pdf.PageCount - 1, Height - _y);
        foreach (var text in lines)
        {
            var w = Measure(font, text);
            Gfx.DrawString(text, font, XBrushes.Black, centre ? (Left + Right - w) / 2 : Left, _y + AscentFactor * size, XStringFormats.BaseLineLeft);
            _y += line;
        }

        SpaceAfter(after);
    }

    private void Paragraph(ParagraphBlock block)
    {
        (double size, bool bold, bool italic, XBrush brush, double before, double after, CellAlign? align) style = block.Kind switch
        {
            ParagraphKind.Centered => (11.0, true, false, XBrushes.Black, 0.0, 6.0, (CellAlign?)CellAlign.Center),
            ParagraphKind.Label => (11.0, true, false, XBrushes.Black, 6.0, 3.0, CellAlign.Left),
            ParagraphKind.Placeholder => (11.0, false, true, PlaceholderGrey, 0.0, 6.0, CellAlign.Left),
            ParagraphKind.Note => (9.0, false, false, XBrushes.Black, 0.0, 6.0, CellAlign.Left),
            _ => (11.0, false, false, XBrushes.Black, 0.0, 6.0, (CellAlign?)null), // justified, as WordRenderer's body text
        };
        var (size, bold, italic, brush, before, after, align) = style;
        SpaceBefore(before);
        Text(WordRenderer.NoBreakSpaces(block.Text), Font(size, bold, italic), brush, Left, Right, align, size * LineFactor * 1.15);
        SpaceAfter(after);
    }

    private void ListItem(string mark, double numberIndent, string text)
    {
        // the list styles' indents: a bullet hangs 18 pt left of its text at 18 pt, a number 18 pt left of its text at 36 pt
        var font = Font(11);
        var textLeft = Left + 18 + numberIndent;
        var line = 11 * LineFactor * 1.15;
        if (_y + line > Bottom)
            NewPage();
        Gfx.DrawString(mark, font, XBrushes.Black, textLeft - 18, _y + AscentFactor * 11, XStringFormats.BaseLineLeft);
        Text(WordRenderer.NoBreakSpaces(text), font, XBrushes.Black, textLeft, Right, CellAlign.Left, line);
        SpaceAfter(6);
    }

    /// <summary>A paragraph's lines from <see cref="_y"/>, onto the next page where the page ends; no alignment is justified.</summary>
    private void Text(string text, XFont font, XBrush brush, double left, double right, CellAlign? align, double line)
    {
        var lines = Wrap(text, font, right - left);
        for (var i = 0; i < lines.Count; i++)
        {
            if (_y + line > Bottom)
                NewPage();
            var baseline = _y + AscentFactor * font.Size;
            var justify = align is null && i < lines.Count - 1 && lines[i].Contains(' ', StringComparison.Ordinal);
            if (justify)
            {
                var words = lines[i].Split(' ');
                var gap = (right - left - words.Sum(w => Measure(font, w))) / (words.Length - 1);
                var x = left;
                foreach (var word in words)
                {
                    Gfx.DrawString(Shown(word), font, brush, x, baseline, XStringFormats.BaseLineLeft);
                    x += Measure(font, word) + gap;
                }
            }
            else
            {
                DrawAligned(lines[i], font, brush, left, right, align ?? CellAlign.Left, baseline);
            }

            _y += line;
        }
    }

    /// <summary>No-break spaces are drawn as spaces (the same width in Arial): a PDF's text then copies as it reads.</summary>
    private static string Shown(string text) => text.Replace('\u00A0', ' ');

    private void DrawAligned(string text, XFont font, XBrush brush, double left, double right, CellAlign align, double baseline)
    {
        var x = align switch
        {
            CellAlign.Right => right - Measure(font, text),
            CellAlign.Center => (left + right - Measure(font, text)) / 2,
            _ => left,
        };
        Gfx.DrawString(Shown(text), font, brush, x, baseline, XStringFormats.BaseLineLeft);
    }

    private void Table(ReportTable table, string? name)
    {
        // the caption as Word's Caption style: 10 pt bold, centred, 6 pt before and 3 pt after, kept with the table
        var captionFont = Font(10, bold: true);
        var captionLine = 10 * LineFactor * 1.15;
        var caption = Wrap(table.Label + " " + table.Caption, captionFont, Right - Left);
        var widths = WordRenderer.ColumnWidths(table, _landscape).Select(w => w / 20.0).ToArray();
        // Word puts the cells' text on the margin: the border is a cell margin to its left
        var tableLeft = Left - CellPadX;
        var header = table.Columns.Select((c, i) => Cell(c.Header, true, widths[i])).ToList();
        var headerHeight = RowHeight(header);
        var rows = table.Rows.Select(r => table.Columns.Select((_, i) => Cell(i < r.Cells.Count ? r.Cells[i].Text : "", r.Kind != RowKind.Normal, widths[i])).ToList()).ToList();
        var heights = rows.Select(RowHeight).ToList();

        var captionHeight = Math.Max(0, 6 - _after) + caption.Count * captionLine + 3;
        // the caption, the header and the first row go on one page
        if (_y + captionHeight + headerHeight + (heights.Count > 0 ? Math.Min(heights[0], Bottom - Top - headerHeight - captionHeight) : 0) > Bottom && _y > Top)
            NewPage();
        SpaceBefore(6);
        if (name is not null)
            Destinations[name] = (_pdf.PageCount - 1, Height - _y);
        foreach (var text in caption)
        {
            DrawAligned(text, captionFont, XBrushes.Black, Left, Right, CellAlign.Center, _y + AscentFactor * 10);
            _y += captionLine;
        }

        _y += 3;
        _after = 0;
        DrawRow(table, header, headerHeight, widths, tableLeft, HeaderShade, null);
        var rowsTop = _y;
        for (var r = 0; r < rows.Count; r++)
        {
            // the last three rows keep together (WordRenderer's keepNext), so no page carries a table's last row alone
            var need = r == rows.Count - 3 && rows.Count > 3 ? heights[r] + heights[r + 1] + heights[r + 2] : heights[r];
            if (need > Bottom - Top - headerHeight)
                need = heights[r];
            if (_y + need > Bottom && _y > rowsTop + 0.01)
            {
                NewPage();
                DrawRow(table, header, headerHeight, widths, tableLeft, HeaderShade, null);
                rowsTop = _y;
            }

            var shade = table.Rows[r].Kind switch { RowKind.Group => GroupShade, RowKind.Total => TotalShade, _ => null };
            DrawRow(table, rows[r], heights[r], widths, tableLeft, shade, table.Rows[r]);
        }

        foreach (var note in table.Notes)
            Paragraph(new ParagraphBlock(note, ParagraphKind.Note));
    }

    /// <summary>
    /// A figure as WordRenderer places it: a pohon kinerja page at print scale (never stretched), another figure the width
    /// of the text, at most four fifths of a page high; centred, with its caption under it on the same page (shrunk as
    /// little as it takes to leave the caption room).
    /// </summary>
    private void Figure(ReportFigure figure, string? name)
    {
        var captionFont = Font(10, bold: true);
        var captionLine = 10 * LineFactor * 1.15;
        var caption = Wrap(figure.Label + " " + figure.Caption, captionFont, Right - Left);
        double width = figure.Landscape && _landscape ? Math.Min(Right - Left, figure.WidthPixels / (double)Diagrams.PixelsPerPoint) : Right - Left;
        var height = width * figure.HeightPixels / figure.WidthPixels;
        if (!(figure.Landscape && _landscape) && height > (PageHeight - 2 * MarginOther) * 4 / 5)
            (width, height) = (width * (PageHeight - 2 * MarginOther) * 4 / 5 / height, (PageHeight - 2 * MarginOther) * 4 / 5);
        var room = Bottom - Top - caption.Count * captionLine - 9;
        if (height > room)
            (width, height) = (width * room / height, room);
        var left = Bottom - _y - caption.Count * captionLine - 9;
        // under a heading (the lampiran's title) a figure shrinks a little rather than leave the heading alone on a page
        if (height > left && left >= height * 0.8)
            (width, height) = (width * left / height, left);
        else if (height > left && _y > Top + 0.01)
            NewPage();
        SpaceBefore(0);
        if (!PlacePng(figure.Png, (Left + Right - width) / 2, _y, width, height))
        {
            using var image = XImage.FromStream(new MemoryStream(figure.Png, writable: false));
            Gfx.DrawImage(image, (Left + Right - width) / 2, _y, width, height);
        }

        _y += height;
        SpaceBefore(6);
        if (name is not null)
            Destinations[name] = (_pdf.PageCount - 1, Height - _y);
        foreach (var text in caption)
        {
            DrawAligned(text, captionFont, XBrushes.Black, Left, Right, CellAlign.Center, _y + AscentFactor * 10);
            _y += captionLine;
        }

        SpaceAfter(3);
    }

    private int _images;

    /// <summary>
    /// Places an opaque 8-bit RGB or grey PNG (the charts and diagrams, Reports/FlatPng) as it is: its compressed rows
    /// become the PDF image's stream with the PNG predictor, so nothing is decoded or compressed again (decoding and
    /// deflating a big agency's 100 pohon kinerja pages took PDFsharp 20 s). False for any other PNG.
    /// </summary>
    private bool PlacePng(byte[] png, double x, double y, double width, double height)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(signature))
            return false;
        int pixelsWide = 0, pixelsHigh = 0, colors = 0;
        using var data = new MemoryStream();
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (length < 0 || at + 12 + length > png.Length)
                return false;
            var body = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                pixelsWide = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(body);
                pixelsHigh = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                // 8 bits, RGB (2) or grey (0), no interlace
                if (body[8] != 8 || body[9] is not (2 or 0) || body[12] != 0)
                    return false;
                colors = body[9] == 2 ? 3 : 1;
            }
            else if (type == "IDAT")
            {
                data.Write(body);
            }
            else if (type is "tRNS" or "PLTE")
            {
                return false;
            }

            at += 12 + length;
        }

        if (colors == 0 || data.Length == 0)
            return false;
        var image = new PdfDictionary(_pdf);
        image.Elements["/Type"] = new PdfName("/XObject");
        image.Elements["/Subtype"] = new PdfName("/Image");
        image.Elements["/Width"] = new PdfInteger(pixelsWide);
        image.Elements["/Height"] = new PdfInteger(pixelsHigh);
        image.Elements["/ColorSpace"] = new PdfName(colors == 3 ? "/DeviceRGB" : "/DeviceGray");
        image.Elements["/BitsPerComponent"] = new PdfInteger(8);
        image.Elements["/Filter"] = new PdfName("/FlateDecode");
        var parameters = new PdfDictionary();
        parameters.Elements["/Predictor"] = new PdfInteger(15);
        parameters.Elements["/Colors"] = new PdfInteger(colors);
        parameters.Elements["/BitsPerComponent"] = new PdfInteger(8);
        parameters.Elements["/Columns"] = new PdfInteger(pixelsWide);
        image.Elements["/DecodeParms"] = parameters;
        image.CreateStream(data.ToArray());
        _pdf.Internals.AddObject(image);
        var page = _pdf.Pages[_pdf.PageCount - 1];
        if (page.Resources.Elements.GetDictionary("/XObject") is not { } xobjects)
        {
            xobjects = new PdfDictionary(_pdf);
            page.Resources.Elements["/XObject"] = xobjects;
        }

        var name = "/KinerjaImage" + (++_images).ToString(CultureInfo.InvariantCulture);
        xobjects.Elements[name] = image.Reference;
        // PDF's own coordinates: from the page's lower left corner, in points
        var content = page.Contents.AppendContent();
        content.CreateStream(System.Text.Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"q {width:0.###} 0 0 {height:0.###} {x:0.###} {Height - y - height:0.###} cm {name} Do Q\n")));
        return true;
    }

    private sealed record CellText(List<string> Lines, XFont Font);

    private CellText Cell(string text, bool bold, double width)
    {
        var font = Font(9, bold);
        return new CellText(Wrap(WordRenderer.NoBreakSpaces(text), font, width - 2 * CellPadX), font);
    }

    private static double RowHeight(List<CellText> cells) => cells.Max(c => c.Lines.Count) * 9 * LineFactor + 2 * (CellPadY + ParaPadY);

    /// <summary>A row at <see cref="_y"/>: shading, each cell's lines centred vertically, the cell borders. A row taller than a page goes on over pages.</summary>
    private void DrawRow(ReportTable table, List<CellText> cells, double height, double[] widths, double left, XBrush? shade, ReportRow? row)
    {
        var line = 9 * LineFactor;
        if (_y + height > Bottom)
        {
            // taller than what is left of an empty page: its lines go on over pages, the header row on each
            var first = cells.Select(c => c.Lines.Count).Max();
            var fit = (int)Math.Floor((Bottom - _y - 2 * (CellPadY + ParaPadY)) / line);
            if (fit < first && fit > 0)
            {
                DrawRow(table, cells.Select(c => c with { Lines = c.Lines.Take(fit).ToList() }).ToList(), fit * line + 2 * (CellPadY + ParaPadY), widths, left, shade, row);
                var rest = cells.Select(c => c with { Lines = c.Lines.Skip(fit).ToList() }).ToList();
                NewPage();
                var header = table.Columns.Select((c, i) => Cell(c.Header, true, widths[i])).ToList();
                DrawRow(table, header, RowHeight(header), widths, left, HeaderShade, null);
                DrawRow(table, rest, RowHeight(rest), widths, left, shade, row);
                return;
            }
        }

        var x = left;
        var total = widths.Sum();
        if (shade is not null)
            Gfx.DrawRectangle(shade, left, _y, total, height);
        for (var i = 0; i < cells.Count; i++)
        {
            var align = row is null ? CellAlign.Center : WordRenderer.CellAlignment(table, i, i < row.Cells.Count ? row.Cells[i] : ReportCell.Empty);
            var cell = cells[i];
            var textTop = _y + (height - cell.Lines.Count * line) / 2;
            for (var k = 0; k < cell.Lines.Count; k++)
            {
                if (cell.Lines[k].Length > 0)
                    DrawAligned(cell.Lines[k], cell.Font, XBrushes.Black, x + CellPadX, x + widths[i] - CellPadX, align, textTop + k * line + AscentFactor * 9);
            }

            x += widths[i];
        }

        // the borders: a line above and below the row, and between the cells
        Gfx.DrawLine(Border, left, _y, left + total, _y);
        Gfx.DrawLine(Border, left, _y + height, left + total, _y + height);
        x = left;
        Gfx.DrawLine(Border, x, _y, x, _y + height);
        foreach (var w in widths)
        {
            x += w;
            Gfx.DrawLine(Border, x, _y, x, _y + height);
        }

        _y += height;
    }
}
