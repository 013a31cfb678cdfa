using System.Net;
using System.Text;
using Kinerja.Data;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;
using Kinerja.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>The capaian table of a period from the approved realisasi, for the dashboard page and the API.</summary>
public static class Dashboard
{
    public static async Task<CapaianDto> CapaianAsync(KinerjaDbContext db, DatasetCache cache, ReportingYear row, string? asked)
    {
        var data = await cache.GetAsync(db, row.Id, RealisasiView.Approved);
        var period = PeriodFor(data, row.Year, asked);
        // issue 23 read cache: a dataset stands for one revision of the year (every approval raises it), so its answer
        // per period is built once and served until the next change; the unit list is part of the same revision
        var answers = Answers.GetOrCreateValue(data);
        if (answers.TryGetValue(period, out var known))
            return known;
        var units = await db.Indicators.AsNoTracking().Where(i => i.ReportingYearId == row.Id).ToDictionaryAsync(i => i.Code, i => i.UnitCode);
        var result = ComputedResults.Of(data, period);
        return answers.GetOrAdd(period, Of(result, data.Profile, units));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PerformanceDataset, System.Collections.Concurrent.ConcurrentDictionary<Period, CapaianDto>> Answers = new();

    public static Period PeriodFor(PerformanceDataset data, int year, string? asked) =>
        RealisasiService.NormalPeriod(asked, year) is { } p ? Period.Parse(p).Value
        : data.Profile.ReportPeriod.Year == year && !data.Profile.ReportPeriod.IsRenstraEnd ? data.Profile.ReportPeriod : Period.OfYear(year);

    public static CapaianDto Of(PerformanceResult result, AgencyProfile profile, IReadOnlyDictionary<string, string> units)
    {
        var indicators = result.Indicators.Select(r =>
        {
            var band = r.Capaian.HasValue ? profile.PredicateScale.Classify(r.Capaian.Value) : null;
            return new IndicatorCapaianDto(r.Indicator.Code, r.Indicator.Name, r.Indicator.GoalCode, units.GetValueOrDefault(r.Indicator.Code) ?? "",
                r.Target?.Display(profile.Decimals, profile.Rounding), r.Realisasi is { } re ? re.Value?.Display(profile.Decimals, profile.Rounding) ?? "N/A" : null,
                r.Capaian.HasValue ? r.Capaian.Value : null, r.Capaian.HasValue ? profile.FormatPercent(r.Capaian.Value) : CapaianText(r.Capaian), r.Predicate, band?.Color);
        }).ToList();
        var goals = result.Goals.Select(g => new GoalCapaianDto(g.Goal.Code, g.Goal.Name, g.Capaian, g.Predicate)).ToList();
        return new CapaianDto(result.Period.ToString(), result.AgencyCapaian, result.AgencyPredicate, goals, indicators);
    }

    public static string CapaianText(Capaian capaian) => capaian.Status switch
    {
        CapaianStatus.NotAvailable => "N/A",
        CapaianStatus.NoTarget => "tanpa target",
        CapaianStatus.NoRealisasi => "belum ada realisasi",
        CapaianStatus.NotComputable => "tidak dapat dihitung",
        _ => "",
    };
}

/// <summary>Editing a target value with optimistic concurrency; the value must read as the importer reads it, and the plan checks hold after it.</summary>
public static class TargetEditor
{
    public static async Task<WriteResult> SaveAsync(KinerjaDbContext db, DatasetCache cache, RecordWriter writer, ReportingYear year, TargetRow target, string? value, int? expectedVersion)
    {
        if (expectedVersion is null)
            return WriteResult.VersionRequired("target");
        if (expectedVersion != target.ConcurrencyVersion)
            return WriteResult.Conflict(Changed(target));
        if (string.IsNullOrWhiteSpace(value))
            return WriteResult.Invalid("nilai target wajib diisi");
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        if (PlanEditor.LockReason(data, target.Document) is { } locked)
            return WriteResult.Invalid($"target {target.IndicatorCode} {target.Period} tidak diubah: {locked}");
        var indicator = data.Indicators.FirstOrDefault(i => i.Code == target.IndicatorCode);
        var parsed = MeasuredValueParser.Parse(value, indicator?.TargetKind ?? TargetKind.Number, indicator?.Satuan ?? "", indicator?.OrdinalScale);
        if (!parsed.Success)
            return WriteResult.Invalid($"nilai target \"{value}\" tidak dapat dibaca: {parsed.Error}");
        target.Value = value.Trim();
        db.Entry(target).Property(t => t.ConcurrencyVersion).OriginalValue = expectedVersion.Value;
        target.ConcurrencyVersion = expectedVersion.Value + 1;
        var id = target.Id;
        // a target changes capaian and the plan's checks: an error it brings refuses it, as on the plan pages
        var saved = await writer.CommitAsync(year, new WriteRequest(Security.Operations.Plan, target.UnitCode, $"target {target.IndicatorCode} {target.Period}", CheckScope.NewErrors) { RecordVersioned = true });
        if (saved.Status == WriteStatus.Conflict && await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id) is { } now)
            return WriteResult.Conflict(Changed(now));
        return saved;
    }

    private static string Changed(TargetRow now) =>
        $"target {now.IndicatorCode} {now.Period} telah diubah orang lain sejak Anda membukanya: nilainya sekarang \"{now.Value}\"; perubahan Anda tidak disimpan. Muat ulang halaman lalu ulangi.";
}

/// <summary>The pohon kinerja: the plan cascade with each node's indicators, drawn as SVG (no script, prints and exports as is).</summary>
public static class PohonKinerja
{
    private const int Width = 220;
    private const int Gap = 16;
    private const int LineHeight = 14;

    /// <summary>The boxes and links of the tree, placed once for the SVG and the PNG alike.</summary>
    private sealed record Layout(int Width, int Height, List<(PlanNode Node, int X, int Y, int H, List<string> Lines)> Boxes, List<(int X1, int Y1, int X2, int Y2)> Links);

    private static Layout Place(PerformanceDataset data)
    {
        var children = data.Plan.ToLookup(p => string.IsNullOrWhiteSpace(p.ParentCode) || data.FindPlanNode(p.ParentCode) is null ? "" : p.ParentCode!);
        var indicators = data.Indicators.ToLookup(i => i.GoalCode);
        var boxes = new List<(PlanNode Node, int X, int Y, int H, List<string> Lines)>();
        var links = new List<(int X1, int Y1, int X2, int Y2)>();
        var nextX = Gap;

        (int X, int Y, int H) Place(PlanNode node, int depth, HashSet<string> path)
        {
            var lines = Wrap($"{node.Code} · {node.Name}", 34).Concat(indicators[node.Code].SelectMany(i => Wrap("▸ " + i.Code + " " + i.Name, 36))).Take(14).ToList();
            var h = 10 + lines.Count * LineHeight;
            var y = Gap + depth * 190;
            var kids = path.Add(node.Code) ? children[node.Code].ToList() : [];
            int x;
            if (kids.Count == 0)
            {
                x = nextX;
                nextX += Width + Gap;
            }
            else
            {
                var placed = kids.Select(k => Place(k, depth + 1, path)).ToList();
                x = (placed.First().X + placed.Last().X) / 2;
                foreach (var p in placed)
                    links.Add((x + Width / 2, y + h, p.X + Width / 2, p.Y));
            }

            path.Remove(node.Code);
            boxes.Add((node, x, y, h, lines));
            return (x, y, h);
        }

        foreach (var root in children[""])
            Place(root, 0, []);
        var width = Math.Max(nextX, 400);
        var height = boxes.Count == 0 ? 100 : boxes.Max(b => b.Y + b.H) + Gap;
        return new Layout(width, height, boxes, links);
    }

    private static string Fill(PlanNode node) => node.Level switch { PlanLevel.Tujuan => "#dbe8f6", PlanLevel.Program or PlanLevel.Kegiatan or PlanLevel.SubKegiatan => "#f3f3f3", _ => "#e3f4e8" };

    public static string Svg(PerformanceDataset data)
    {
        var (width, height, boxes, links) = Place(data);
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Pohon kinerja {WebUtility.HtmlEncode(data.Profile.Agency)}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append($"<title>Pohon kinerja {WebUtility.HtmlEncode(data.Profile.Agency)} {data.Profile.Year}</title>");
        foreach (var (x1, y1, x2, y2) in links)
            svg.Append($"<path d=\"M{x1} {y1} V{(y1 + y2) / 2} H{x2} V{y2}\" fill=\"none\" stroke=\"#555\"/>");
        foreach (var (node, x, y, h, lines) in boxes)
        {
            svg.Append($"<g><rect x=\"{x}\" y=\"{y}\" width=\"{Width}\" height=\"{h}\" rx=\"6\" fill=\"{Fill(node)}\" stroke=\"#333\"/>");
            for (var i = 0; i < lines.Count; i++)
                svg.Append($"<text x=\"{x + 6}\" y=\"{y + 16 + i * LineHeight}\"{(i == 0 ? " font-weight=\"bold\"" : "")}>{WebUtility.HtmlEncode(lines[i])}</text>");
            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// The same tree as a PNG (for a slide or a document that takes no SVG), drawn with SkiaSharp at twice the
    /// SVG's size so the text stays legible when printed; DejaVu Sans at 10 points fits the boxes the SVG sizes for 11.
    /// </summary>
    public static byte[] Png(PerformanceDataset data, float scale = 2f)
    {
        var (width, height, boxes, links) = Place(data);
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo((int)(width * scale), (int)(height * scale)));
        var canvas = surface.Canvas;
        canvas.Clear(SkiaSharp.SKColors.White);
        canvas.Scale(scale);
        using var stroke = new SkiaSharp.SKPaint { Style = SkiaSharp.SKPaintStyle.Stroke, Color = SkiaSharp.SKColor.Parse("#555555"), StrokeWidth = 1, IsAntialias = true };
        using var border = new SkiaSharp.SKPaint { Style = SkiaSharp.SKPaintStyle.Stroke, Color = SkiaSharp.SKColor.Parse("#333333"), StrokeWidth = 1, IsAntialias = true };
        using var fill = new SkiaSharp.SKPaint { Style = SkiaSharp.SKPaintStyle.Fill, IsAntialias = true };
        using var ink = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Black, IsAntialias = true };
        using var regular = new SkiaSharp.SKFont(SkiaSharp.SKTypeface.FromFamilyName("DejaVu Sans") ?? SkiaSharp.SKTypeface.Default, 10);
        using var bold = new SkiaSharp.SKFont(SkiaSharp.SKTypeface.FromFamilyName("DejaVu Sans", SkiaSharp.SKFontStyle.Bold) ?? SkiaSharp.SKTypeface.Default, 10);
        foreach (var (x1, y1, x2, y2) in links)
        {
            using var path = new SkiaSharp.SKPath();
            path.MoveTo(x1, y1);
            path.LineTo(x1, (y1 + y2) / 2);
            path.LineTo(x2, (y1 + y2) / 2);
            path.LineTo(x2, y2);
            canvas.DrawPath(path, stroke);
        }

        foreach (var (node, x, y, h, lines) in boxes)
        {
            var rect = new SkiaSharp.SKRoundRect(new SkiaSharp.SKRect(x, y, x + Width, y + h), 6);
            fill.Color = SkiaSharp.SKColor.Parse(Fill(node));
            canvas.DrawRoundRect(rect, fill);
            canvas.DrawRoundRect(rect, border);
            for (var i = 0; i < lines.Count; i++)
                canvas.DrawText(lines[i], x + 6, y + 16 + i * LineHeight, SkiaSharp.SKTextAlign.Left, i == 0 ? bold : regular, ink);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
            yield return line.ToString();
    }
}
