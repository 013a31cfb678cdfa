using Kinerja.Domain.DataElements;
using Kinerja.Domain.Model;

namespace Kinerja.Domain.Formulas;

/// <summary>
/// What names a formula may use: the data elements, and the indicators (with their satuan and
/// computable formulas) it may refer to with <c>I{...}</c>. Formulas of other indicators are parsed
/// once and kept.
/// </summary>
public sealed class FormulaScope
{
    private readonly Dictionary<string, DataElement> _elements = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Satuan, string? Formula)> _indicators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Formula?> _parsed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ReferenceDepth> _depths = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses every indicator formula once, here, so that a scope never changes afterwards and can be shared between threads.</summary>
    public FormulaScope(IEnumerable<DataElement> elements, IEnumerable<(string Code, string Satuan, string? Formula)>? indicators = null)
    {
        foreach (var element in elements)
            _elements[element.Code] = element;
        foreach (var (code, satuan, formula) in indicators ?? [])
        {
            _indicators[code] = (satuan, formula);
            var parsed = formula is null ? default : Formula.Parse(formula);
            _parsed[code] = formula is not null && parsed.Success ? parsed.Value : null;
        }

        MeasureDepths();
    }

    /// <summary>No names at all: elements read as their codes.</summary>
    public static FormulaScope Empty { get; } = new([]);

    public static FormulaScope Of(PerformanceDataset data) =>
        new(data.DataElements, data.Indicators.Select(i => (i.Code, i.Satuan, i.FormulaExpression)));

    public DataElement? Element(string code) => _elements.GetValueOrDefault(code);

    public bool HasIndicator(string code) => _indicators.ContainsKey(code);

    public string? IndicatorSatuan(string code) => _indicators.TryGetValue(code, out var i) ? i.Satuan : null;

    /// <summary>The parsed computable formula of an indicator; null when it has none or it does not parse.</summary>
    public Formula? IndicatorFormula(string code) => _parsed.GetValueOrDefault(code);

    /// <summary>
    /// How many indicator references lie below an indicator's formula at most (0 when it refers to
    /// none), and the deepest path, capped just above <see cref="FormulaEvaluator.MaxIndicatorDepth"/>;
    /// <see cref="ReferenceDepth.Circular"/> when a path leads into a circle.
    /// </summary>
    public ReferenceDepth DepthBelow(string code) => _depths.GetValueOrDefault(code) ?? ReferenceDepth.None;

    /// <summary>
    /// Longest reference path below every indicator, by an explicit-stack depth-first walk (no recursion,
    /// so a chain of thousands of indicators cannot overflow the stack); linear in the references.
    /// </summary>
    private void MeasureDepths()
    {
        const int cap = FormulaEvaluator.MaxIndicatorDepth + 1;
        var onPath = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var start in _parsed.Keys)
        {
            if (_depths.ContainsKey(start))
                continue;
            var stack = new Stack<(string Code, IReadOnlyList<string> Next, int Index)>();
            stack.Push((start, _parsed[start]?.Indicators ?? [], 0));
            onPath.Add(start);
            while (stack.Count > 0)
            {
                var (code, next, index) = stack.Pop();
                if (index < next.Count)
                {
                    stack.Push((code, next, index + 1));
                    var child = next[index];
                    if (!_depths.ContainsKey(child) && !onPath.Contains(child) && _parsed.TryGetValue(child, out var formula))
                    {
                        onPath.Add(child);
                        stack.Push((child, formula?.Indicators ?? [], 0));
                    }

                    continue;
                }

                // every reference is measured (or on the current path: a circle)
                var depth = ReferenceDepth.None;
                foreach (var child in next)
                {
                    var below = onPath.Contains(child) ? ReferenceDepth.Circular : _depths.GetValueOrDefault(child) ?? ReferenceDepth.None;
                    var through = below.IsCircular ? ReferenceDepth.Circular : new ReferenceDepth(Math.Min(below.Levels + 1, cap), [child, .. below.Path.Take(cap - 1)]);
                    if (through.IsCircular || through.Levels > depth.Levels)
                        depth = through;
                    if (depth.IsCircular)
                        break;
                }

                onPath.Remove(code);
                _depths[code] = depth;
            }
        }
    }

    /// <summary>A readable name for an element reference: "Pencari kerja ditempatkan (saluran AKL)".</summary>
    public string ElementName(ElementNode node)
    {
        var name = _elements.TryGetValue(node.Code, out var element) ? element.Name : node.Code;
        return node.Filters.Count == 0 ? name : $"{name} ({string.Join(", ", node.Filters.Select(f => f.Category + " " + f.Option))})";
    }
}

/// <summary>The longest chain of indicator references below a formula: its length and its codes (first one first).</summary>
public sealed record ReferenceDepth(int Levels, IReadOnlyList<string> Path)
{
    public static ReferenceDepth None { get; } = new(0, []);

    /// <summary>A path that leads into a circle of references: no depth can be given.</summary>
    public static ReferenceDepth Circular { get; } = new(int.MaxValue, []);

    public bool IsCircular => Levels == int.MaxValue;
}
