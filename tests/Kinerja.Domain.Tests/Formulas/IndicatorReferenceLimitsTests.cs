using Kinerja.Domain.Formulas;
using static Kinerja.Domain.Tests.Formulas.FormulaTestData;

namespace Kinerja.Domain.Tests.Formulas;

/// <summary>
/// Indicators that refer to indicators (I{...}): each is computed once per run, however often it is
/// referred to, and a chain of references has a depth limit, checked on save and on evaluation.
/// </summary>
public class IndicatorReferenceLimitsTests
{
    /// <summary>X0 = I{X1} + I{X1}, X1 = I{X2} + I{X2}, ..., the last = #{a}: each level doubles.</summary>
    private static FormulaScope Diamond(int levels) => new(
        [Element("a", "A")],
        Enumerable.Range(0, levels).Select(i => ($"X{i}", "Orang", (string?)(i < levels - 1 ? $"I{{X{i + 1}}} + I{{X{i + 1}}}" : "#{a}"))));

    /// <summary>X0 = I{X1} + 1, X1 = I{X2} + 1, ..., the last = #{a}: the first is the last plus levels - 1.</summary>
    private static FormulaScope Chain(int levels) => new(
        [Element("a", "A")],
        Enumerable.Range(0, levels).Select(i => ($"X{i}", "Orang", (string?)(i < levels - 1 ? $"I{{X{i + 1}}} + 1" : "#{a}"))));

    /// <summary>Counts how often the evaluator reads each count.</summary>
    private sealed class CountingValues(decimal a) : IFormulaValues
    {
        public int Reads { get; private set; }

        public decimal? Value(ElementNode element)
        {
            Reads++;
            return a;
        }
    }

    [Fact]
    public void An_indicator_referred_to_twice_at_each_of_16_levels_reads_its_count_once_and_doubles_it_15_times()
    {
        var scope = Diamond(16);
        var evaluator = new FormulaEvaluator(MissingValueStrategy.Skip, scope);
        var values = new CountingValues(3m);

        var outcome = evaluator.Evaluate(scope.IndicatorFormula("X0")!, values);

        Assert.Equal(3m * 32_768m, outcome.Value); // 3 x 2^15
        Assert.Equal(1, values.Reads);

        // the next run reads again: results are kept for one run (one unit, one period) only
        var next = new CountingValues(5m);
        Assert.Equal(5m * 32_768m, evaluator.Evaluate(scope.IndicatorFormula("X0")!, next).Value);
        Assert.Equal(1, next.Reads);
    }

    [Fact]
    public void A_run_that_walks_more_nodes_than_its_limit_stops_with_an_error_in_bahasa()
    {
        // sum(#{a}, ..., #{a}) with 30 arguments walks 31 nodes
        var formula = Parse("sum(" + string.Join(", ", Enumerable.Repeat("#{a}", 30)) + ")");

        var limited = new FormulaEvaluator(MissingValueStrategy.Skip, null, maxNodesPerRun: 20).Evaluate(formula, new CountingValues(1m));
        var enough = new FormulaEvaluator(MissingValueStrategy.Skip, null, maxNodesPerRun: 31).Evaluate(formula, new CountingValues(1m));

        Assert.Equal(FormulaOutcomeKind.Error, limited.Kind);
        Assert.Equal("rumus terlalu rumit: perhitungan melewati batas 20 langkah; kurangi rujukan antarindikator", limited.Message);
        Assert.Equal(30m, enough.Value);
    }

    [Fact]
    public void A_chain_of_50_indicator_references_is_computed_and_51_is_an_error()
    {
        // X0 .. X50: 50 references below X0; X0 .. X51: 51
        var fifty = Chain(51);
        var fiftyOne = Chain(52);

        var computed = new FormulaEvaluator(MissingValueStrategy.Skip, fifty).Evaluate(fifty.IndicatorFormula("X0")!, new CountingValues(7m));
        var refused = new FormulaEvaluator(MissingValueStrategy.Skip, fiftyOne).Evaluate(fiftyOne.IndicatorFormula("X0")!, new CountingValues(7m));

        Assert.Equal(57m, computed.Value); // 7 + 50
        Assert.Equal(FormulaOutcomeKind.Error, refused.Kind);
        Assert.Equal("rujukan antarindikator terlalu dalam: lebih dari 50 tingkat (X1 → X2 → X3 → … → X50 → X51)", refused.Message);
    }

    [Fact]
    public void A_chain_of_5000_indicator_references_is_an_error_not_a_crash()
    {
        var scope = Chain(5000);

        var outcome = new FormulaEvaluator(MissingValueStrategy.Skip, scope).Evaluate(scope.IndicatorFormula("X0")!, new CountingValues(1m));
        var errors = FormulaValidator.Validate("I{X1} + 1", scope, "X0", "Orang");

        Assert.Equal(FormulaOutcomeKind.Error, outcome.Kind);
        Assert.StartsWith("rujukan antarindikator terlalu dalam: lebih dari 50 tingkat", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(errors, e => e.Message.StartsWith("rantai rujukan indikator terlalu dalam", StringComparison.Ordinal));
    }

    [Fact]
    public void Saving_a_formula_whose_references_go_51_levels_deep_is_refused_and_50_is_accepted()
    {
        var scope = Chain(52); // X1 .. X51: X1 has 50 references below it

        Assert.Empty(FormulaValidator.Validate("I{X2} + 1", scope, "NEW", "Orang"));
        var error = Assert.Single(FormulaValidator.Validate("I{X1} + 1", scope, "NEW", "Orang"));
        Assert.Equal("rantai rujukan indikator terlalu dalam: 51 tingkat (X1 → X2 → X3 → … → X50 → X51), paling banyak 50", error.Message);
    }

    [Fact]
    public void A_circle_behind_an_indicator_referring_to_60_others_is_still_found_on_save()
    {
        // the depth limit bounds how deep the search goes, not how many indicators it visits
        var leaves = Enumerable.Range(1, 60).Select(i => ($"L{i}", "Orang", (string?)"#{a}"));
        var scope = new FormulaScope(
            [Element("a", "A")],
            [("S", "Orang", "#{a}"), ("A", "Orang", string.Join(" + ", Enumerable.Range(1, 60).Select(i => $"I{{L{i}}}")) + " + I{B}"), ("B", "Orang", "I{S} + 1"), .. leaves]);

        var errors = FormulaValidator.Validate("I{A} + 1", scope, "S", "Orang");

        Assert.Contains(errors, e => e.Message == "rujukan melingkar: S → A → B → S");
    }

    [Fact]
    public void Fifty_levels_of_long_formulas_on_a_small_stack_give_an_error_not_a_crash()
    {
        // X0 = I{X1}+1+1...+1 (990 times), ...: 50 x 990 nested additions, more than 512 KB of stack holds
        var scope = new FormulaScope(
            [Element("a", "A")],
            Enumerable.Range(0, 50).Select(i => ($"X{i}", "Orang", (string?)(i < 49 ? $"I{{X{i + 1}}}" + string.Concat(Enumerable.Repeat("+1", 990)) : "#{a}"))));
        FormulaOutcome outcome = default;
        var thread = new Thread(() => outcome = new FormulaEvaluator(MissingValueStrategy.Skip, scope).Evaluate(scope.IndicatorFormula("X0")!, new CountingValues(1m)), 512 * 1024);

        thread.Start();
        thread.Join();

        Assert.Equal(FormulaOutcomeKind.Error, outcome.Kind);
        Assert.StartsWith("rumus terlalu bersarang untuk dihitung", outcome.Message, StringComparison.Ordinal);
    }
}
