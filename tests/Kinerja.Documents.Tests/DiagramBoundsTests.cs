using Kinerja.Documents.Reports;

namespace Kinerja.Documents.Tests;

/// <summary>A big agency's pohon kinerja stays a page: deep levels folded into counts, long lists counted.</summary>
public sealed class DiagramBoundsTests
{
    private static DiagramNode Node(string title, int lines, params DiagramNode[] children) =>
        new(title, Enumerable.Range(1, lines).Select(i => $"IK: indikator {i}").ToList(), children);

    [Fact]
    public void A_small_tree_is_drawn_whole()
    {
        var roots = new[] { Node("Tujuan", 2, Node("Sasaran 1", 3), Node("Sasaran 2", 1)) };
        var bounded = Diagrams.Bounded(roots);
        Assert.Equal(2, bounded[0].Children.Count);
        Assert.Equal(["IK: indikator 1", "IK: indikator 2", "IK: indikator 3"], bounded[0].Children[0].Lines);
    }

    [Fact]
    public void Levels_that_would_pass_the_box_limit_are_folded_into_their_parent_as_a_count()
    {
        // 3 tujuan x 30 sasaran x 10 program: 3 + 90 boxes already pass 80, so only the tujuan are drawn
        var roots = Enumerable.Range(1, 3).Select(t => Node($"T{t}", 0,
            Enumerable.Range(1, 30).Select(s => Node($"S{t}.{s}", 1, Enumerable.Range(1, 10).Select(p => Node($"P{p}", 0)).ToArray())).ToArray())).ToList();
        var bounded = Diagrams.Bounded(roots);
        Assert.Equal(3, bounded.Count);
        Assert.All(bounded, b => Assert.Empty(b.Children));
        Assert.Equal(["(330 cabang di bawahnya)"], bounded[0].Lines);
    }

    [Fact]
    public void A_box_lists_eight_lines_at_most_and_counts_the_rest()
    {
        var bounded = Diagrams.Bounded([Node("Sasaran", 20)]);
        Assert.Equal(Diagrams.MaxLinesPerBox, bounded[0].Lines.Count);
        Assert.Equal("IK: indikator 7", bounded[0].Lines[6]);
        Assert.Equal("... dan 13 lainnya", bounded[0].Lines[7]);
        var png = Diagrams.Tree([Node("Sasaran", 20)])!.Value;
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Png[..4]);
    }
}
