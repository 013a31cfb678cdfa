using SkiaSharp;

namespace Kinerja.Documents.Reports;

/// <summary>A box of a tree diagram: a bold title, lines under it, and the boxes it branches into.</summary>
public sealed record DiagramNode(string Title, IReadOnlyList<string> Lines, IReadOnlyList<DiagramNode> Children);

/// <summary>
/// Draws a tree (the organisation from the Unit sheet, the pohon kinerja from the Rencana sheet) as a PNG, from left
/// to right: each level a column, the leaves one under the other and a parent centred on its children. Laid out
/// this way a tree of forty leaves still fits a page, where a top-down drawing would be forty boxes wide.
/// </summary>
public static class Diagrams
{
    private const float BoxWidth = 330;
    private const float ColumnGap = 56;
    private const float RowGap = 14;
    private const float Padding = 10;
    private const float Margin = 20;
    private const float TitleSize = 17;
    private const float LineSize = 14.5f;

    private static readonly SKColor[] Fills = [SKColor.Parse("#1f4e79"), SKColor.Parse("#2f6f9f"), SKColor.Parse("#dce9f5"), SKColor.Parse("#eef4fa"), SKColor.Parse("#f7f9fc")];

    /// <summary>
    /// Print scale of a document page of the pohon kinerja: 2 pixels per point, so the 14,5-pixel line text prints at
    /// 7,25 pt and the titles at 8,5 pt, never smaller (a reader needs 7 pt at least).
    /// </summary>
    public const float PixelsPerPoint = 2;

    /// <summary>A landscape A4 text area (29,7 cm less 2 cm margins: 728,5 pt wide) at <see cref="PixelsPerPoint"/>.</summary>
    public const int PageWidthPixels = 1457;

    /// <summary>The height left for the drawing on a landscape page (the text area of 481,9 pt less heading and caption: 385 pt).</summary>
    public const int PageHeightPixels = 770;

    private const float PageBoxWidth = 300;
    private const float PageColumnGap = 36;

    /// <summary>Levels side by side on one page at print scale; deeper levels continue on the next pages.</summary>
    public static int ColumnsPerPage => (int)((PageWidthPixels - 2 * Margin + PageColumnGap) / (PageBoxWidth + PageColumnGap));

    private sealed class Placed(DiagramNode node, int depth, List<string> title, List<string> lines, List<Placed> children)
    {
        public DiagramNode Node { get; } = node;
        public int Depth { get; } = depth;
        public List<string> Title { get; } = title;
        public List<string> Lines { get; } = lines;
        public List<Placed> Children { get; } = children;
        public float Height => Padding * 2 + Title.Count * (TitleSize + 4) + Lines.Count * (LineSize + 4);
        public float Top { get; set; }
    }

    /// <summary>Lines a box shows before the rest is counted ("... dan 12 lainnya").</summary>
    public const int MaxLinesPerBox = 8;

    /// <summary>Boxes a diagram draws: shrunk to one page, more would be unreadable (and slow to draw); the IKU matrix lists everything.</summary>
    public const int MaxBoxes = 80;

    /// <summary>
    /// The tree cut to what a page can show: the deepest levels are folded into a line of their parent ("24 cabang
    /// di bawahnya") until at most <see cref="MaxBoxes"/> boxes remain, and a box lists at most
    /// <see cref="MaxLinesPerBox"/> lines, the rest counted.
    /// </summary>
    public static IReadOnlyList<DiagramNode> Bounded(IReadOnlyList<DiagramNode> roots)
    {
        var perDepth = new List<int>();
        void Count(DiagramNode n, int depth)
        {
            if (perDepth.Count <= depth)
                perDepth.Add(0);
            perDepth[depth]++;
            foreach (var c in n.Children)
                Count(c, depth + 1);
        }

        foreach (var r in roots)
            Count(r, 0);
        // the deepest level kept: every level down to it fits in MaxBoxes (the top level always stays)
        var keep = 0;
        for (int d = 0, total = 0; d < perDepth.Count && (total += perDepth[d]) <= MaxBoxes; d++)
            keep = d;

        static int Descendants(DiagramNode n) => n.Children.Sum(c => 1 + Descendants(c));
        static IReadOnlyList<string> Lines(IReadOnlyList<string> lines, int folded)
        {
            var shown = lines.Count > MaxLinesPerBox ? lines.Take(MaxLinesPerBox - 1).Append($"... dan {lines.Count - (MaxLinesPerBox - 1)} lainnya").ToList() : lines.ToList();
            if (folded > 0)
                shown.Add($"({folded} cabang di bawahnya)");
            return shown;
        }

        DiagramNode Cut(DiagramNode n, int depth) => depth >= keep
            ? new DiagramNode(n.Title, Lines(n.Lines, Descendants(n)), [])
            : new DiagramNode(n.Title, Lines(n.Lines, 0), n.Children.Select(c => Cut(c, depth + 1)).ToList());

        var cut = roots.Select(r => Cut(r, 0)).ToList();
        if (cut.Count > MaxBoxes)
            cut = cut.Take(MaxBoxes - 1).Append(new DiagramNode($"... dan {cut.Count - (MaxBoxes - 1)} lainnya", [], [])).ToList();
        return cut;
    }

    /// <summary>The tree (cut by <see cref="Bounded"/>) as a PNG with its size in pixels; null for an empty tree.</summary>
    public static (byte[] Png, int Width, int Height)? Tree(IReadOnlyList<DiagramNode> roots)
    {
        if (roots.Count == 0)
            return null;
        using var fonts = new Fonts();
        return Draw(Bounded(roots), fonts, BoxWidth, ColumnGap, titleLines: 4, lineLines: 3);
    }

    /// <summary>
    /// The tree for a document, as landscape pages at print scale (<see cref="PixelsPerPoint"/>): every box with its
    /// whole text wrapped (no "..."), every line of it, no branch folded away. A tree deeper than
    /// <see cref="ColumnsPerPage"/> levels continues on further pages, each starting at the box where the page before
    /// stopped (that box says "cabang berlanjut pada bagian berikutnya"); a tree taller than a page is split between its
    /// branches, the boxes above them repeated with "(lanjutan)" so each page reads from its root. Nothing is ever drawn
    /// smaller to make it fit: the document places each page at its print size. Empty for an empty tree.
    /// </summary>
    public static IReadOnlyList<(byte[] Png, int Width, int Height)> TreePages(IReadOnlyList<DiagramNode> roots)
    {
        using var fonts = new Fonts();
        return PageForests(roots, fonts).Select(page => Draw(page, fonts, PageBoxWidth, PageColumnGap, int.MaxValue, int.MaxValue)).OfType<(byte[], int, int)>().ToList();
    }

    /// <summary>What each page of <see cref="TreePages"/> draws: the boxes of the page, their whole text.</summary>
    public static IReadOnlyList<IReadOnlyList<DiagramNode>> PageForests(IReadOnlyList<DiagramNode> roots)
    {
        using var fonts = new Fonts();
        return PageForests(roots, fonts);
    }

    private static List<IReadOnlyList<DiagramNode>> PageForests(IReadOnlyList<DiagramNode> roots, Fonts fonts)
    {
        if (roots.Count == 0)
            return [];
        var columns = Math.Max(ColumnsPerPage, 2);
        var forests = new List<IReadOnlyList<DiagramNode>>();
        var pending = new Queue<IReadOnlyList<DiagramNode>>([roots]);
        while (pending.Count > 0)
        {
            var forest = pending.Dequeue();
            // cut at the last column of a page: a box there with branches below continues as the root of a later part
            var continued = new List<DiagramNode>();
            DiagramNode Cut(DiagramNode n, int depth)
            {
                if (depth < columns - 1 || n.Children.Count == 0)
                    return n with { Children = n.Children.Select(c => Cut(c, depth + 1)).ToList() };
                continued.Add(n);
                return n with { Lines = [.. n.Lines, $"(cabang berlanjut pada bagian berikutnya: {Count(n) - 1} kotak)"], Children = [] };
            }

            forests.Add(forest.Select(r => Cut(r, 0)).ToList());
            foreach (var branch in continued)
                pending.Enqueue([branch]);
        }

        return forests.SelectMany(forest => SplitByHeight(forest, fonts)).ToList();
    }

    private static int Count(DiagramNode n) => 1 + n.Children.Sum(Count);

    /// <summary>
    /// A forest cut into pieces no taller than a page: whole roots packed while they fit; a root taller than a page
    /// keeps its box and takes its branches a group at a time (later groups marked "(lanjutan)"), a branch taller than a
    /// page being cut the same way below it.
    /// </summary>
    private static IEnumerable<IReadOnlyList<DiagramNode>> SplitByHeight(IReadOnlyList<DiagramNode> forest, Fonts fonts)
    {
        if (Height(forest, fonts) <= PageHeightPixels || forest.Count == 0)
        {
            yield return forest;
            yield break;
        }

        if (forest.Count > 1)
        {
            var group = new List<DiagramNode>();
            foreach (var root in forest)
            {
                if (group.Count > 0 && Height([.. group, root], fonts) > PageHeightPixels)
                {
                    yield return group;
                    group = [];
                }

                if (Height([root], fonts) > PageHeightPixels)
                {
                    foreach (var piece in SplitByHeight([root], fonts))
                        yield return piece;
                    continue;
                }

                group.Add(root);
            }

            if (group.Count > 0)
                yield return group;
            yield break;
        }

        var single = forest[0];
        if (single.Children.Count == 0)
        {
            yield return forest; // one box taller than a page: nothing to split between
            yield break;
        }

        var part = 0;
        DiagramNode Part(IReadOnlyList<DiagramNode> children) => single with { Title = part++ == 0 ? single.Title : single.Title + " (lanjutan)", Children = children };
        var children = new List<DiagramNode>();
        foreach (var child in single.Children)
        {
            if (children.Count > 0 && Height([single with { Children = [.. children, child] }], fonts) > PageHeightPixels)
            {
                yield return [Part(children)];
                children = [];
            }

            if (Height([single with { Children = [child] }], fonts) > PageHeightPixels)
            {
                foreach (var piece in SplitByHeight([child], fonts))
                    yield return [Part(piece)];
                continue;
            }

            children.Add(child);
        }

        if (children.Count > 0)
            yield return [Part(children)];
    }

    private static float Height(IReadOnlyList<DiagramNode> forest, Fonts fonts)
    {
        var placed = forest.Select(r => Place(r, 0, fonts, PageBoxWidth, int.MaxValue, int.MaxValue)).ToList();
        return Layout(placed);
    }

    /// <summary>The regular and bold fonts of the drawings, made once per drawing.</summary>
    private sealed class Fonts : IDisposable
    {
        private readonly SKTypeface _typeface = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Normal) ?? SKTypeface.Default;
        private readonly SKTypeface _bold;

        public Fonts()
        {
            _bold = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? _typeface;
            Title = new SKFont(_bold, TitleSize);
            Line = new SKFont(_typeface, LineSize);
        }

        public SKFont Title { get; }

        public SKFont Line { get; }

        public void Dispose()
        {
            Title.Dispose();
            Line.Dispose();
            if (!ReferenceEquals(_bold, _typeface))
                _bold.Dispose();
            _typeface.Dispose();
        }
    }

    private static Placed Place(DiagramNode node, int depth, Fonts fonts, float boxWidth, int titleLines, int lineLines) => new(node, depth,
        Wrap(node.Title, fonts.Title, boxWidth - 2 * Padding, titleLines),
        node.Lines.SelectMany(l => Wrap(l, fonts.Line, boxWidth - 2 * Padding, lineLines)).ToList(),
        node.Children.Select(c => Place(c, depth + 1, fonts, boxWidth, titleLines, lineLines)).ToList());

    /// <summary>Leaves stack from the top; a parent sits centred on the span of its children (or below the last box). Returns the height.</summary>
    private static float Layout(IReadOnlyList<Placed> placed)
    {
        var next = Margin;
        float Arrange(Placed p)
        {
            if (p.Children.Count == 0)
            {
                p.Top = next;
                next += p.Height + RowGap;
                return p.Top;
            }

            foreach (var child in p.Children)
                Arrange(child);
            var first = p.Children[0];
            var last = p.Children[^1];
            var centre = (first.Top + last.Top + last.Height) / 2;
            p.Top = Math.Max(centre - p.Height / 2, Margin);
            if (p.Top + p.Height + RowGap > next)
                next = p.Top + p.Height + RowGap;
            return p.Top;
        }

        foreach (var root in placed)
            Arrange(root);
        return placed.SelectMany(Flatten).Max(p => p.Top + p.Height) + Margin;
    }

    private static (byte[] Png, int Width, int Height)? Draw(IReadOnlyList<DiagramNode> roots, Fonts fonts, float boxWidth, float columnGap, int titleLines, int lineLines)
    {
        if (roots.Count == 0)
            return null;
        var titleFont = fonts.Title;
        var lineFont = fonts.Line;
        var placed = roots.Select(r => Place(r, 0, fonts, boxWidth, titleLines, lineLines)).ToList();

        Layout(placed);
        var all = placed.SelectMany(Flatten).ToList();
        var depth = all.Max(p => p.Depth) + 1;
        var width = (int)(Margin * 2 + depth * boxWidth + (depth - 1) * columnGap);
        var height = (int)Math.Ceiling(all.Max(p => p.Top + p.Height) + Margin);

        var png = FlatPng.Draw(width, height, SKImageInfo.PlatformColorType, canvas =>
        {
            using var line = new SKPaint { Color = SKColor.Parse("#5b6b7b"), StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke };
            using var border = new SKPaint { Color = SKColor.Parse("#1f4e79"), StrokeWidth = 1.5f, IsAntialias = true, Style = SKPaintStyle.Stroke };
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
            using var ink = new SKPaint { IsAntialias = true };
            float Left(Placed p) => Margin + p.Depth * (boxWidth + columnGap);

            foreach (var p in all.Where(p => p.Children.Count > 0))
            {
                var x = Left(p) + boxWidth;
                var mid = x + columnGap / 2;
                canvas.DrawLine(x, p.Top + p.Height / 2, mid, p.Top + p.Height / 2, line);
                var ys = p.Children.Select(c => c.Top + c.Height / 2).ToList();
                canvas.DrawLine(mid, Math.Min(ys.Min(), p.Top + p.Height / 2), mid, Math.Max(ys.Max(), p.Top + p.Height / 2), line);
                foreach (var y in ys)
                    canvas.DrawLine(mid, y, mid + columnGap / 2, y, line);
            }

            foreach (var p in all)
            {
                var rect = SKRect.Create(Left(p), p.Top, boxWidth, p.Height);
                fill.Color = Fills[Math.Min(p.Depth, Fills.Length - 1)];
                canvas.DrawRoundRect(rect, 6, 6, fill);
                canvas.DrawRoundRect(rect, 6, 6, border);
                ink.Color = p.Depth < 2 ? SKColors.White : SKColor.Parse("#1a1a1a");
                var y = p.Top + Padding;
                foreach (var text in p.Title)
                {
                    canvas.DrawText(text, rect.Left + Padding, y + TitleSize - 2, titleFont, ink);
                    y += TitleSize + 4;
                }

                foreach (var text in p.Lines)
                {
                    canvas.DrawText(text, rect.Left + Padding, y + LineSize - 2, lineFont, ink);
                    y += LineSize + 4;
                }
            }
        });
        return (png, width, height);
    }

    private static IEnumerable<Placed> Flatten(Placed p) => p.Children.SelectMany(Flatten).Prepend(p);

    /// <summary>Words wrapped to the box; past <paramref name="maxLines"/> the last line ends with "..." (never in a document's pages: they wrap without limit).</summary>
    private static List<string> Wrap(string text, SKFont font, float width, int maxLines)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (font.MeasureText(candidate) <= width || current.Length == 0)
            {
                current = candidate;
                continue;
            }

            lines.Add(current);
            current = word;
        }

        if (current.Length > 0)
            lines.Add(current);
        if (lines.Count <= maxLines)
            return lines;
        var kept = lines.Take(maxLines).ToList();
        var tail = kept[^1];
        while (tail.Length > 1 && font.MeasureText(tail + " ...") > width)
        {
            var cut = tail.LastIndexOf(' ');
            tail = tail[..(cut > 0 ? cut : tail.Length - 1)];
        }
        kept[^1] = tail + " ...";
        return kept;
    }
}
