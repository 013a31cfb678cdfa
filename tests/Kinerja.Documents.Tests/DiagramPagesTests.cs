using Kinerja.Documents.Reports;

namespace Kinerja.Documents.Tests;

/// <summary>
/// Issue 20 item 8: in a document the pohon kinerja is laid out to landscape pages at print scale (text never below
/// 7 pt), split by branch, every box with its whole text.
/// </summary>
public sealed class DiagramPagesTests
{
    private static DiagramNode Node(string title, int lines, params DiagramNode[] children) =>
        new(title, Enumerable.Range(1, lines).Select(i => $"IK: Persentase pencari kerja yang ditempatkan melalui layanan antar kerja nomor {i}").ToList(), children);

    private static IEnumerable<DiagramNode> All(DiagramNode n) => n.Children.SelectMany(All).Prepend(n);

    [Fact]
    public void The_print_scale_keeps_the_smallest_text_at_7_points_or_more()
    {
        // the line text is 14,5 px; at 2 px per point it prints at 7,25 pt, and a page is the landscape text width
        Assert.True(14.5f / Diagrams.PixelsPerPoint >= 7f);
        Assert.Equal(728.5, Diagrams.PageWidthPixels / (double)Diagrams.PixelsPerPoint, 0);
        Assert.True(Diagrams.ColumnsPerPage >= 4);
    }

    [Fact]
    public void A_wide_and_deep_tree_is_split_into_pages_that_each_fit_a_landscape_page_at_print_scale()
    {
        // 2 tujuan x 6 sasaran x 4 program x 3 kegiatan x 2 sub: 6 levels and 338 boxes, each sasaran with 3 long indicators
        var roots = Enumerable.Range(1, 2).Select(t => Node($"Tujuan {t}", 1,
            Enumerable.Range(1, 6).Select(s => Node($"Sasaran {t}.{s}", 3,
                Enumerable.Range(1, 4).Select(p => Node($"Program {t}.{s}.{p}", 1,
                    Enumerable.Range(1, 3).Select(k => Node($"Kegiatan {t}.{s}.{p}.{k}", 1,
                        Enumerable.Range(1, 2).Select(u => Node($"Sub Kegiatan {t}.{s}.{p}.{k}.{u}", 1)).ToArray())).ToArray())).ToArray())).ToArray())).ToList();

        var pages = Diagrams.TreePages(roots);
        Assert.True(pages.Count > 1);
        Assert.All(pages, p =>
        {
            Assert.True(p.Width <= Diagrams.PageWidthPixels, $"a page {p.Width} px wide would be shrunk below print scale");
            Assert.True(p.Height <= Diagrams.PageHeightPixels, $"a page {p.Height} px tall would be shrunk below print scale");
        });

        // every box of the tree is on a page with all its lines, none cut with "..."
        var forests = Diagrams.PageForests(roots);
        Assert.Equal(pages.Count, forests.Count);
        var drawn = forests.SelectMany(f => f.SelectMany(All)).ToList();
        foreach (var box in roots.SelectMany(All))
        {
            // a box where a page stops is drawn there and again at the top of the part that goes on
            var copies = drawn.Where(d => d.Title == box.Title).ToList();
            Assert.NotEmpty(copies);
            Assert.All(copies, copy => Assert.Equal(box.Lines, copy.Lines.Where(l => !l.StartsWith("(cabang berlanjut", StringComparison.Ordinal))));
        }

        Assert.DoesNotContain(drawn, d => d.Lines.Any(l => l.Contains("...", StringComparison.Ordinal)));
        // a branch cut at the page's last level says where it goes on
        Assert.Contains(drawn, d => d.Lines.Any(l => l.StartsWith("(cabang berlanjut pada bagian berikutnya", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_tree_taller_than_a_page_repeats_its_root_on_the_next_page()
    {
        var roots = new[] { Node("Tujuan", 1, Enumerable.Range(1, 30).Select(s => Node($"Sasaran {s}", 2)).ToArray()) };
        var forests = Diagrams.PageForests(roots);
        Assert.True(forests.Count > 1);
        Assert.Equal("Tujuan", forests[0][0].Title);
        Assert.All(forests.Skip(1), f => Assert.Equal("Tujuan (lanjutan)", Assert.Single(f).Title));
        Assert.Equal(30, forests.Sum(f => f[0].Children.Count));
    }
}
