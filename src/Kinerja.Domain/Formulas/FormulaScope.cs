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

    /// <summary>A readable name for an element reference: "Pencari kerja ditempatkan (saluran AKL)".</summary>
    public string ElementName(ElementNode node)
    {
        var name = _elements.TryGetValue(node.Code, out var element) ? element.Name : node.Code;
        return node.Filters.Count == 0 ? name : $"{name} ({string.Join(", ", node.Filters.Select(f => f.Category + " " + f.Option))})";
    }
}
