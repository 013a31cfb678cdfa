using Kinerja.Domain.Values;

namespace Kinerja.Domain.Formulas;

/// <summary>A formula parsed once: its text as written and its syntax tree, with the references it makes.</summary>
public sealed class Formula
{
    private Formula(string text, FormulaNode root)
    {
        Text = text;
        Root = root;
        Elements = FormulaReferences.Elements(root);
        Indicators = FormulaReferences.Indicators(root);
    }

    public string Text { get; }

    public FormulaNode Root { get; }

    /// <summary>The data elements the formula needs, each reference once (element code with its filters).</summary>
    public IReadOnlyList<ElementNode> Elements { get; }

    /// <summary>Codes of other indicators it uses (<c>I{...}</c>).</summary>
    public IReadOnlyList<string> Indicators { get; }

    public static ParseResult<Formula> Parse(string? text) => FormulaParser.Parse(text).Map(root => new Formula(text!.Trim(), root));

    public override string ToString() => Text;
}

/// <summary>The "list required data" pass: which elements and indicators a tree refers to.</summary>
public static class FormulaReferences
{
    public static IReadOnlyList<ElementNode> Elements(FormulaNode root)
    {
        var found = new List<ElementNode>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in Walk(root))
        {
            if (node is ElementNode element && seen.Add(element.Reference))
                found.Add(element);
        }

        return found;
    }

    public static IReadOnlyList<string> Indicators(FormulaNode root) =>
        Walk(root).OfType<IndicatorNode>().Select(i => i.Code).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Every node, parents before children, left to right.</summary>
    public static IEnumerable<FormulaNode> Walk(FormulaNode node)
    {
        var stack = new Stack<FormulaNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            switch (current)
            {
                case NegateNode n:
                    stack.Push(n.Operand);
                    break;
                case BinaryNode b:
                    stack.Push(b.Right);
                    stack.Push(b.Left);
                    break;
                case CallNode c:
                    for (var i = c.Arguments.Count - 1; i >= 0; i--)
                        stack.Push(c.Arguments[i]);
                    break;
            }
        }
    }
}
