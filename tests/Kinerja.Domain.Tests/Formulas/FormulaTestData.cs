using Kinerja.Domain.DataElements;
using Kinerja.Domain.Formulas;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests.Formulas;

/// <summary>Builders for elements and values, and an in-memory value source keyed by element reference.</summary>
internal static class FormulaTestData
{
    public static DataElement Element(string code, string name, string satuan = "Orang", string? breakdowns = null, DataPeriodType type = DataPeriodType.Year, PeriodAggregation aggregation = PeriodAggregation.Sum) => new()
    {
        Code = code,
        Name = name,
        Satuan = satuan,
        PeriodType = type,
        Aggregation = aggregation,
        Categories = BreakdownCategory.ParseList(breakdowns).Value,
    };

    public static DataValue Value(string element, string period, decimal value, string? options = null, string unit = "DINAS") =>
        new(element, unit, DataPeriod.Parse(period).Value, BreakdownOption.ParseList(options).Value, value);

    public static Formula Parse(string text)
    {
        var parsed = Formula.Parse(text);
        Assert.True(parsed.Success, parsed.Error);
        return parsed.Value;
    }

    /// <summary>Counts by element reference ("code" or "code|category:option").</summary>
    public sealed class Values(Dictionary<string, decimal> values) : IFormulaValues
    {
        public decimal? Value(ElementNode element) => values.TryGetValue(element.Reference, out var v) ? v : null;
    }

    public static FormulaOutcome Evaluate(string text, Dictionary<string, decimal> values, MissingValueStrategy strategy = MissingValueStrategy.Skip, FormulaScope? scope = null) =>
        new FormulaEvaluator(strategy, scope).Evaluate(Parse(text), new Values(values));
}
