using Kinerja.Domain.Values;
using ScottPlot;

namespace Kinerja.Documents.Reports;

/// <summary>One series of a line chart: a name and its (label, value) points.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<(string Label, decimal Value)> Points);

/// <summary>
/// Draws the report's charts with ScottPlot (SkiaSharp underneath) as PNG. Axis labels use
/// Indonesian separators so a chart never shows "98.19".
/// </summary>
public static class Charts
{
    public const int Width = 1200;
    public const int Height = 600;

    private const string Font = "DejaVu Sans";

    /// <summary>Bars with their value written on top and a 100% reference line.</summary>
    public static byte[] Bars(string title, IReadOnlyList<(string Label, decimal Value)> bars, int decimals, RoundingMode rounding, decimal? reference = 100m, string yLabel = "%")
    {
        var plot = NewPlot(title);
        var items = bars.Select((b, i) => new Bar
        {
            Position = i,
            Value = (double)b.Value,
            // with many bars the value labels overlap; the table beside the chart has the figures
            Label = bars.Count > 12 ? "" : IndonesianNumber.Format(b.Value, decimals, rounding) + (yLabel == "%" ? "%" : ""),
            FillColor = reference is { } r && b.Value < r ? Color.FromHex("#e69138") : Color.FromHex("#2f6f9f"),
        }).ToList();
        var barPlot = plot.Add.Bars(items);
        barPlot.ValueLabelStyle.FontName = Font;
        barPlot.ValueLabelStyle.FontSize = 14;
        if (reference is { } line)
        {
            var h = plot.Add.HorizontalLine((double)line);
            h.LineColor = Color.FromHex("#cc0000");
            h.LinePattern = LinePattern.Dashed;
            h.LineWidth = 2;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            bars.Select((_, i) => (double)i).ToArray(), bars.Select(b => b.Label).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = bars.Count > 8 ? -45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = bars.Count > 8 ? Alignment.MiddleRight : Alignment.UpperCenter;
        plot.Axes.Margins(bottom: 0);
        var top = bars.Count == 0 ? 100 : (double)Math.Max(bars.Max(b => b.Value), reference ?? 0m);
        plot.Axes.SetLimitsY(0, top * 1.15 + 1);
        PercentAxis(plot, yLabel);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
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
            foreach (var point in s.Points)
            {
                var label = plot.Add.Text(IndonesianNumber.Format(point.Value, decimals, rounding, trimZeroDecimals: true) + (yLabel == "%" ? "%" : ""), labels.IndexOf(point.Label), (double)point.Value);
                label.LabelFontName = Font;
                label.LabelFontSize = 14;
                label.LabelFontColor = scatter.Color;
                label.LabelAlignment = Alignment.LowerCenter;
                label.OffsetY = -8;
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            labels.Select((_, i) => (double)i).ToArray(), labels.ToArray());
        var values = series.SelectMany(s => s.Points).Select(p => (double)p.Value).DefaultIfEmpty(100).ToList();
        var (min, max) = (values.Min(), values.Max());
        var pad = Math.Max((max - min) * 0.25, Math.Abs(max) * 0.05 + 0.01);
        plot.Axes.SetLimits(-0.5, Math.Max(labels.Count - 0.5, 0.5), Math.Max(0, min - pad), max + pad);
        PercentAxis(plot, yLabel);
        plot.Legend.FontName = Font;
        plot.Legend.FontSize = 14;
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
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

    private static void PercentAxis(Plot plot, string yLabel)
    {
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            // ticks between whole numbers (3,2; 3,4) keep one or two decimals, with a comma
            LabelFormatter = v => IndonesianNumber.Format((decimal)v, 2, RoundingMode.HalfUp, trimZeroDecimals: true) + (yLabel == "%" ? "%" : ""),
        };
        plot.Axes.Left.TickGenerator = ticks;
    }
}
