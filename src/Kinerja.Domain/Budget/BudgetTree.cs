using Kinerja.Domain.Model;

namespace Kinerja.Domain.Budget;

/// <summary>A budget line placed in its tree: its parent and children as resolved from the parent codes.</summary>
public sealed class BudgetNode
{
    private static readonly IReadOnlyList<BudgetNode> NoChildren = [];
    private List<BudgetNode>? _children;

    internal BudgetNode(BudgetLine line, int index)
    {
        Line = line;
        Index = index;
    }

    public BudgetLine Line { get; }

    /// <summary>Position in printed order (0-based), also the node's slot in a <see cref="BudgetRollup"/>.</summary>
    public int Index { get; }

    public BudgetNode? Parent { get; private set; }

    public IReadOnlyList<BudgetNode> Children => _children ?? NoChildren;

    public bool IsLeaf => _children is null;

    /// <summary>The first line of an identical repeat (a repeated page header) this line copies; such a copy is in no tree, total or sum.</summary>
    public BudgetNode? RepeatOf { get; internal set; }

    public string Code => Line.Code;

    internal void AttachTo(BudgetNode parent)
    {
        Parent = parent;
        (parent._children ??= []).Add(this);
    }

    /// <summary>"2176.ABK.007 (baris 7)": how findings name a line, since a code alone may be ambiguous.</summary>
    public string Label
    {
        get
        {
            // a heading printed without a code ("Dinas", "UPTD") is named by its text
            var name = Line.Code.Length > 0 ? Line.Code : $"\"{Line.Name}\"";
            return Line.SourceRow > 0 ? $"{name} (baris {Line.SourceRow})" : name;
        }
    }
}

/// <summary>A code used by more than one line (docs/rules.md §10: 002 two RO lines both coded 2176.ABK.007).</summary>
/// <param name="Inherited">
/// Every occurrence hangs under a different line that itself carries one duplicated code: the repetition
/// comes from the parent's duplicate code (2176.ABK.007.051 under both 2176.ABK.007), not a second mistake.
/// </param>
/// <param name="IdenticalRepeat">All occurrences have the same name and amounts: a repeated row (e.g. a page header), not two lines.</param>
public sealed record DuplicateCode(string Code, IReadOnlyList<BudgetNode> Lines, bool Inherited, bool IdenticalRepeat);

/// <summary>
/// The budget lines as a forest, by parent code. A parent code refers to the nearest preceding line with
/// that code (sources repeat codes, and "nearest above" is how a reader resolves them); a parent printed
/// after its children (a total row at the bottom) is found by looking ahead. Lines whose parent does not
/// exist, or whose parents form a cycle, become roots and are reported.
/// </summary>
public sealed class BudgetTree
{
    private BudgetTree(IReadOnlyList<BudgetNode> nodes)
    {
        Nodes = nodes;
    }

    /// <summary>Every line, in printed order (copies of a repeated row included; see <see cref="BudgetNode.RepeatOf"/>).</summary>
    public IReadOnlyList<BudgetNode> Nodes { get; }

    public IReadOnlyList<BudgetNode> Roots { get; private set; } = [];

    /// <summary>Lines that name a parent code no line has.</summary>
    public IReadOnlyList<BudgetNode> MissingParents { get; private set; } = [];

    /// <summary>Lines of depth d (> 1) with no line of depth d - 1 printed before them: they became roots.</summary>
    public IReadOnlyList<BudgetNode> DepthGaps { get; private set; } = [];

    /// <summary>Lines whose parent chain led back to themselves; the link was cut there.</summary>
    public IReadOnlyList<BudgetNode> CycleBreaks { get; private set; } = [];

    public IReadOnlyList<DuplicateCode> Duplicates { get; private set; } = [];

    /// <summary>Children before their parents: the order a roll-up needs.</summary>
    public IReadOnlyList<BudgetNode> BottomUp { get; private set; } = [];

    public static BudgetTree Build(IReadOnlyList<BudgetLine> lines)
    {
        var nodes = new BudgetNode[lines.Count];
        for (var i = 0; i < lines.Count; i++)
            nodes[i] = new BudgetNode(lines[i], i);
        var tree = new BudgetTree(nodes);

        // first line of each code, and the lines of codes used more than once
        var first = new Dictionary<string, BudgetNode>(lines.Count, StringComparer.Ordinal);
        Dictionary<string, List<BudgetNode>>? repeated = null;
        foreach (var node in nodes)
        {
            // headings without a code are told apart by their place, not by a code
            if (node.Code.Length == 0)
                continue;
            if (!first.TryAdd(node.Code, node))
            {
                repeated ??= new Dictionary<string, List<BudgetNode>>(StringComparer.Ordinal);
                if (!repeated.TryGetValue(node.Code, out var list))
                    repeated[node.Code] = list = [first[node.Code]];
                list.Add(node);
            }
        }

        tree.Duplicates = repeated is null ? [] : KeepRepeatsUnderOneParent(repeated.Select(g => Describe(g.Key, g.Value)).ToList());
        // every copy after the first of a repeated row is left out, so it is counted once
        foreach (var duplicate in tree.Duplicates.Where(d => d.IdenticalRepeat))
        {
            foreach (var copy in duplicate.Lines.Skip(1))
                copy.RepeatOf = duplicate.Lines[0];
        }

        var parents = new BudgetNode?[nodes.Length];
        var missing = new List<BudgetNode>();
        var latest = new Dictionary<string, BudgetNode>(lines.Count, StringComparer.Ordinal);
        // the latest line printed at each depth: a row of depth d hangs under the nearest preceding row of depth d - 1
        var latestAtDepth = new List<BudgetNode?>();
        var depthGaps = new List<BudgetNode>();
        foreach (var node in nodes)
        {
            if (node.RepeatOf is not null)
                continue;
            if (node.Line.ParentCode is { Length: > 0 } parentCode)
            {
                if (latest.TryGetValue(parentCode, out var above))
                    parents[node.Index] = above;
                else if (first.TryGetValue(parentCode, out var below) && below != node)
                    parents[node.Index] = below;
                else
                    missing.Add(node);
            }
            else if (node.Line.Depth is > 1 and var depth)
            {
                if (depth - 2 < latestAtDepth.Count && latestAtDepth[depth - 2] is { } above)
                    parents[node.Index] = above;
                else
                    depthGaps.Add(node);
            }

            if (node.Line.Depth is > 0 and var own)
            {
                while (latestAtDepth.Count < own)
                    latestAtDepth.Add(null);
                latestAtDepth[own - 1] = node;
                // a new row at this depth closes every deeper group above it
                latestAtDepth.RemoveRange(own, latestAtDepth.Count - own);
            }

            if (node.Code.Length > 0)
                latest[node.Code] = node;
        }

        tree.CycleBreaks = CutCycles(nodes, parents);
        var roots = new List<BudgetNode>();
        foreach (var node in nodes)
        {
            if (node.RepeatOf is not null)
                continue;
            if (parents[node.Index] is { } parent)
                node.AttachTo(parent);
            else
                roots.Add(node);
        }

        tree.Roots = roots;
        tree.MissingParents = missing;
        tree.DepthGaps = depthGaps;
        tree.BottomUp = PostOrder(roots, nodes.Length);
        tree.ResolveInheritedDuplicates();
        return tree;
    }

    /// <summary>Top-level lines that carry the budget's total: programs/kegiatan rather than spending types when both are given (two views of the same money).</summary>
    public IReadOnlyList<BudgetNode> TotalRoots
    {
        get
        {
            var byProgram = Roots.Where(r => !IsSpendingType(r.Line)).ToList();
            return byProgram.Count > 0 ? byProgram : Roots;
        }
    }

    public static bool IsSpendingType(BudgetLine line) => string.Equals(line.Level, "JenisBelanja", StringComparison.OrdinalIgnoreCase);

    private static List<BudgetNode> CutCycles(BudgetNode[] nodes, BudgetNode?[] parents)
    {
        // 0 = not seen, 1 = on the current path, 2 = known to end at a root
        var state = new byte[parents.Length];
        var path = new List<int>();
        var cuts = new List<BudgetNode>();
        for (var start = 0; start < parents.Length; start++)
        {
            var at = start;
            path.Clear();
            while (state[at] == 0)
            {
                state[at] = 1;
                path.Add(at);
                if (parents[at] is not { } parent)
                    break;
                if (state[parent.Index] == 1)
                {
                    // the parent is on this very path: this link closes a cycle, cut it
                    parents[at] = null;
                    cuts.Add(nodes[at]);
                    break;
                }

                at = parent.Index;
            }

            foreach (var i in path)
                state[i] = 2;
        }

        return cuts;
    }

    private static List<BudgetNode> PostOrder(List<BudgetNode> roots, int count)
    {
        var order = new List<BudgetNode>(count);
        var stack = new Stack<(BudgetNode Node, int Next)>();
        foreach (var root in roots)
        {
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < node.Children.Count)
                {
                    stack.Push((node, next + 1));
                    stack.Push((node.Children[next], 0));
                }
                else
                {
                    order.Add(node);
                }
            }
        }

        return order;
    }

    private static DuplicateCode Describe(string code, List<BudgetNode> lines)
    {
        var first = lines[0].Line;
        var identical = lines.All(l => l.Line.Name == first.Name && l.Line.ParentCode == first.ParentCode && l.Line.Pagu == first.Pagu && l.Line.Realisasi == first.Realisasi && l.Line.Blokir == first.Blokir
                                     && l.Line.Depth == first.Depth && l.Line.IsHeading == first.IsHeading);
        return new DuplicateCode(code, lines, Inherited: false, identical);
    }

    /// <summary>
    /// Same-looking lines under a parent code that names two different lines (002: 2176.ABK.007.051 under
    /// each 2176.ABK.007) belong to different parents: they are not one repeated row.
    /// </summary>
    private static List<DuplicateCode> KeepRepeatsUnderOneParent(List<DuplicateCode> duplicates)
    {
        var byCode = duplicates.ToDictionary(d => d.Code, StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var d in duplicates.Where(d => d.IdenticalRepeat).ToList())
            {
                if (d.Lines[0].Line.ParentCode is { } parent && byCode.TryGetValue(parent, out var parentDuplicate) && !parentDuplicate.IdenticalRepeat)
                {
                    byCode[d.Code] = d with { IdenticalRepeat = false };
                    duplicates[duplicates.IndexOf(d)] = byCode[d.Code];
                    changed = true;
                }
            }
        }
        while (changed);
        return duplicates;
    }

    /// <summary>Marks duplicates that only repeat because their parents share a duplicated code.</summary>
    private void ResolveInheritedDuplicates()
    {
        var duplicated = Duplicates.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        Duplicates = Duplicates.Select(d =>
        {
            var parentsOfLines = d.Lines.Select(l => l.Parent).ToList();
            var inherited = parentsOfLines.All(p => p is not null && duplicated.Contains(p.Code))
                            && parentsOfLines.Distinct().Count() == parentsOfLines.Count;
            return d with { Inherited = inherited };
        }).ToList();
    }
}
