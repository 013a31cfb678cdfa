using Kinerja.Domain.Values;
using ScottPlot;

namespace Kinerja.Documents.Reports;

/// <summary>One series of a line chart: a name and its (label, value) points.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<(string Label, decimal Value)> Points)
{
    /// <summary>The text printed at each point, as the tables print it (the value's own decimals); null = the value with the chart's decimals.</summary>
    public IReadOnlyList<string>? Texts { get; init; }
}

/// <summary>
/// Draws the report's charts with ScottPlot (SkiaSharp underneath) as PNG. Axis labels use
/// Indonesian separators so a chart never shows "98.19".
/// </summary>
public static class Charts
{
    public const int Width = 1200;
    public const int Height = 600;

    private const string Font = "DejaVu Sans";

    private static readonly Color Reached = Color.FromHex("#2f6f9f");
    private static readonly Color Below = Color.FromHex("#e69138");
    private static readonly Color TargetLine = Color.FromHex("#cc0000");

    /// <summary>
    /// A bar's label: the code on the first line and the name under it, wrapped and cut at a word so the labels of
    /// neighbouring bars never run into each other ("SS-1" alone says nothing to a reader of the chart).
    /// </summary>
    public static string BarLabel(string code, string name, int bars)
    {
        // many bars lie on their side (see Bars): one line beside each, code and name up to 40 characters
        if (bars > HorizontalFrom)
            return code + " " + Cut(name, 40);

        // the room under one bar: a 1.200 px chart shares about 130 characters of 14 px text among its bars
        var width = Math.Clamp(130 / Math.Max(bars, 1), 10, 30);
        var lines = bars > 8 ? 1 : bars > 4 ? 2 : 3;
        var wrapped = new List<string>();
        var current = "";
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var used = 0;
        foreach (var word in words)
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                wrapped.Add(current);
                current = "";
                if (wrapped.Count == lines)
                    break;
            }

            current = current.Length == 0 ? word : current + " " + word;
            used++;
        }

        if (wrapped.Count < lines && current.Length > 0)
            wrapped.Add(current.Length > width ? current[..(width - 1)] + "…" : current);
        else if (used < words.Length || current.Length > 0)
            wrapped[^1] = (wrapped[^1].Length > width - 1 ? wrapped[^1][..(width - 1)] : wrapped[^1]) + "…";
        return wrapped.Count == 0 ? code : code + "\n" + string.Join("\n", wrapped);
    }

    /// <summary>More bars than this are drawn horizontally, their labels on the left, one under the other.</summary>
    public const int HorizontalFrom = 8;

    /// <summary>The chart's height for so many bars: a horizontal chart grows with its bars so no label touches the next.</summary>
    public static int BarChartHeight(int bars) => bars > HorizontalFrom ? Math.Max(Height, 90 + 34 * bars) : Height;

    /// <summary>A name cut at a word to at most <paramref name="width"/> characters, with "…" when cut.</summary>
    public static string Cut(string name, int width)
    {
        if (name.Length <= width)
            return name;
        var cut = name[..width];
        var space = cut.LastIndexOf(' ');
        return (space > width / 2 ? cut[..space] : cut[..(width - 1)]).TrimEnd(',', ';', ' ') + "…";
    }

    /// <summary>
    /// Bars with their value written on top (the agency's decimals, as in the tables) and a dashed target line; the
    /// legend names the line and the two colours (reached, not reached).
    /// </summary>
    public static byte[] Bars(string title, IReadOnlyList<(string Label, decimal Value)> bars, int decimals, RoundingMode rounding, decimal? reference = 100m, string yLabel = "%", string referenceName = "Target")
    {
        var plot = NewPlot(title);
        var unit = yLabel == "%" ? "%" : "";
        var horizontal = bars.Count > HorizontalFrom;
        var items = bars.Select((b, i) => new Bar
        {
            // horizontal bars read from the top: the first bar at the top
            Position = horizontal ? bars.Count - 1 - i : i,
            Value = (double)b.Value,
            // with many bars the value labels overlap; the table beside the chart has the figures
            Label = bars.Count > 12 ? "" : IndonesianNumber.Format(b.Value, decimals, rounding) + unit,
            FillColor = reference is { } r && b.Value < r ? Below : Reached,
        }).ToList();
        var barPlot = plot.Add.Bars(items);
        barPlot.Horizontal = horizontal;
        barPlot.ValueLabelStyle.FontName = Font;
        barPlot.ValueLabelStyle.FontSize = 14;
        if (reference is { } line)
        {
            var h = horizontal ? (ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine((double)line) : plot.Add.HorizontalLine((double)line);
            h.LineColor = TargetLine;
            h.LinePattern = LinePattern.Dashed;
            h.LineWidth = 2;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{referenceName} {IndonesianNumber.Format(line, decimals, rounding, trimZeroDecimals: true)}{unit}", LineColor = TargetLine, LinePattern = LinePattern.Dashed, LineWidth = 2 });
            if (items.Any(i => i.FillColor == Reached))
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Mencapai target", FillColor = Reached });
            if (items.Any(i => i.FillColor == Below))
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Belum mencapai target", FillColor = Below });
            plot.Legend.FontName = Font;
            plot.Legend.FontSize = 14;
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.ShowLegend(Edge.Bottom);
        }

        var top = bars.Count == 0 ? 100 : (double)Math.Max(bars.Max(b => b.Value), reference ?? 0m);
        var ticks = new ScottPlot.TickGenerators.NumericManual(
            bars.Select((_, i) => (double)(horizontal ? bars.Count - 1 - i : i)).ToArray(), bars.Select(b => b.Label).ToArray());
        if (horizontal)
        {
            plot.Axes.Left.TickGenerator = ticks;
            plot.Axes.Left.TickLabelStyle.FontSize = 13;
            plot.Axes.SetLimitsX(0, top * 1.15 + 1);
            plot.Axes.SetLimitsY(-0.6, bars.Count - 0.4);
            PercentAxis(plot, yLabel, plot.Axes.Bottom);
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = ticks;
            plot.Axes.Margins(bottom: 0);
            plot.Axes.SetLimitsY(0, top * 1.15 + 1);
            PercentAxis(plot, yLabel, plot.Axes.Left);
        }

        var height = BarChartHeight(bars.Count);
        return FlatPng.Draw(Width, height, SkiaSharp.SKColorType.Rgba8888, canvas => plot.Render(canvas, Width, height));
    }

    /// <summary>Lines over time, one per series, labelled along the bottom by the points' labels (years).</summary>
    public static byte[] Lines(string title, IReadOnlyList<ChartSeries> series, int decimals, RoundingMode rounding, string yLabel = "%")
    {
        var plot = NewPlot(title);
        var labels = series.SelectMany(s => s.Points.Select(p => p.Label)).Distinct().Order(StringComparer.Ordinal).ToList();
        var palette = new ScottPlot.Palettes.Category10();
        var index = 0;
        foreach (var s in series)
        {
            var xs = s.Points.Select(p => (double)labels.IndexOf(p.Label)).ToArray();
            var ys = s.Points.Select(p => (double)p.Value).ToArray();
            var scatter = plot.Add.Scatter(xs, ys);
            scatter.LegendText = s.Name;
            scatter.Color = palette.GetColor(index++);
            scatter.LineWidth = 3;
            scatter.MarkerSize = 9;
            // the first series is labelled above its points, the others below, so equal values do not print on each other
            var above = index == 1;
            for (var p = 0; p < s.Points.Count; p++)
            {
                var point = s.Points[p];
                var text = s.Texts is { } texts && p < texts.Count ? texts[p] : IndonesianNumber.Format(point.Value, decimals, rounding) + (yLabel == "%" ? "%" : "");
                var label = plot.Add.Text(text, labels.IndexOf(point.Label), (double)point.Value);
                label.LabelFontName = Font;
                label.LabelFontSize = 14;
                label.LabelFontColor = scatter.Color;
                label.LabelAlignment = above ? Alignment.LowerCenter : Alignment.UpperCenter;
                label.OffsetY = above ? -8 : 8;
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            labels.Select((_, i) => (double)i).ToArray(), labels.ToArray());
        var values = series.SelectMany(s => s.Points).Select(p => (double)p.Value).DefaultIfEmpty(100).ToList();
        var (min, max) = (values.Min(), values.Max());
        var pad = Math.Max((max - min) * 0.25, Math.Abs(max) * 0.05 + 0.01);
        var (low, high) = (Math.Max(0, min - pad), max + pad);
        plot.Axes.SetLimits(-0.5, Math.Max(labels.Count - 0.5, 0.5), low, high);
        var (positions, tickLabels) = ReadableTicks(low, high, yLabel);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, tickLabels);
        plot.Legend.FontName = Font;
        plot.Legend.FontSize = 14;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
        return FlatPng.Draw(Width, Height, SkiaSharp.SKColorType.Rgba8888, canvas => plot.Render(canvas, Width, Height));
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 20;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Grid.MajorLineColor = Color.FromHex("#e5e5e5");
        return plot;
    }

    /// <summary>
    /// Ticks at a readable step (1, 2 or 5 times a power of ten; five to ten of them) from a multiple of the step, so a
    /// trend axis reads 30%, 32%, 34% rather than 31,5%, 33%, 34,5% (issue 20 item 9).
    /// </summary>
    public static (double[] Positions, string[] Labels) ReadableTicks(double low, double high, string yLabel)
    {
        var rough = Math.Max((high - low) / 10, 1e-9);
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1d, 2d, 5d, 10d }.Select(m => m * power).First(v => v >= rough);
        var positions = new List<double>();
        for (var v = Math.Ceiling(low / step) * step; v <= high + step * 1e-9; v += step)
            positions.Add(Math.Round(v / step) * step);
        var decimals = step >= 1 ? 0 : (int)Math.Ceiling(-Math.Log10(step) - 1e-9);
        return (positions.ToArray(), positions.Select(v => IndonesianNumber.Format((decimal)v, decimals, RoundingMode.HalfUp) + (yLabel == "%" ? "%" : "")).ToArray());
    }

    private static void PercentAxis(Plot plot, string yLabel, ScottPlot.IAxis axis)
    {
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            // ticks between whole numbers (3,2; 3,4) keep one or two decimals, with a comma
            LabelFormatter = v => IndonesianNumber.Format((decimal)v, 2, RoundingMode.HalfUp, trimZeroDecimals: true) + (yLabel == "%" ? "%" : ""),
        };
        axis.TickGenerator = ticks;
    }
}
