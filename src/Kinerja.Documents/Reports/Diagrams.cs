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
        roots = Bounded(roots);
        using var typeface = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Normal) ?? SKTypeface.Default;
        using var bold = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? typeface;
        using var titleFont = new SKFont(bold, TitleSize);
        using var lineFont = new SKFont(typeface, LineSize);

        Placed Place(DiagramNode node, int depth) => new(node, depth,
            Wrap(node.Title, titleFont, BoxWidth - 2 * Padding, 4),
            node.Lines.SelectMany(l => Wrap(l, lineFont, BoxWidth - 2 * Padding, 3)).ToList(),
            node.Children.Select(c => Place(c, depth + 1)).ToList());
        var placed = roots.Select(r => Place(r, 0)).ToList();

        // leaves stack from the top; a parent sits centred on the span of its children (or below the last box)
        var next = Margin;
        float Layout(Placed p)
        {
            if (p.Children.Count == 0)
            {
                p.Top = next;
                next += p.Height + RowGap;
                return p.Top;
            }

            foreach (var child in p.Children)
                Layout(child);
            var first = p.Children[0];
            var last = p.Children[^1];
            var centre = (first.Top + last.Top + last.Height) / 2;
            p.Top = Math.Max(centre - p.Height / 2, Margin);
            if (p.Top + p.Height + RowGap > next)
                next = p.Top + p.Height + RowGap;
            return p.Top;
        }

        foreach (var root in placed)
            Layout(root);
        var all = placed.SelectMany(Flatten).ToList();
        var depth = all.Max(p => p.Depth) + 1;
        var width = (int)(Margin * 2 + depth * BoxWidth + (depth - 1) * ColumnGap);
        var height = (int)(all.Max(p => p.Top + p.Height) + Margin);

        var png = FlatPng.Draw(width, height, SKImageInfo.PlatformColorType, canvas =>
        {
            using var line = new SKPaint { Color = SKColor.Parse("#5b6b7b"), StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke };
            using var border = new SKPaint { Color = SKColor.Parse("#1f4e79"), StrokeWidth = 1.5f, IsAntialias = true, Style = SKPaintStyle.Stroke };
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
            using var ink = new SKPaint { IsAntialias = true };
            float Left(Placed p) => Margin + p.Depth * (BoxWidth + ColumnGap);

            foreach (var p in all.Where(p => p.Children.Count > 0))
            {
                var x = Left(p) + BoxWidth;
                var mid = x + ColumnGap / 2;
                canvas.DrawLine(x, p.Top + p.Height / 2, mid, p.Top + p.Height / 2, line);
                var ys = p.Children.Select(c => c.Top + c.Height / 2).ToList();
                canvas.DrawLine(mid, Math.Min(ys.Min(), p.Top + p.Height / 2), mid, Math.Max(ys.Max(), p.Top + p.Height / 2), line);
                foreach (var y in ys)
                    canvas.DrawLine(mid, y, mid + ColumnGap / 2, y, line);
            }

            foreach (var p in all)
            {
                var rect = SKRect.Create(Left(p), p.Top, BoxWidth, p.Height);
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

    /// <summary>Words wrapped to the box; past <paramref name="maxLines"/> the last line ends with "...".</summary>
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
