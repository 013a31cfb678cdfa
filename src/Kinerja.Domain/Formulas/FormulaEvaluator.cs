using System.Runtime.CompilerServices;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Formulas;

/// <summary>What a missing count means (DHIS2's missing-value strategy); always chosen, never an accident.</summary>
public enum MissingValueStrategy
{
    /// <summary>Any missing count makes the result not available (N/A); the default, as N/A is never 0.</summary>
    Skip,

    /// <summary>A missing count is 0: for flows where "nothing entered" means "none happened".</summary>
    Zero,

    /// <summary>A missing count is an error that names the element.</summary>
    Fail,
}

public enum FormulaOutcomeKind
{
    Value,
    NotAvailable,
    Error,
}

/// <summary>The result of evaluating a formula: an exact decimal, or N/A with its reason, or an error.</summary>
public readonly record struct FormulaOutcome(FormulaOutcomeKind Kind, decimal Value, string? Message)
{
    public bool HasValue => Kind == FormulaOutcomeKind.Value;

    public static FormulaOutcome Of(decimal value) => new(FormulaOutcomeKind.Value, value, null);

    public static FormulaOutcome NotAvailable(string reason) => new(FormulaOutcomeKind.NotAvailable, 0, reason);

    public static FormulaOutcome Error(string message) => new(FormulaOutcomeKind.Error, 0, message);

    public override string ToString() => Kind == FormulaOutcomeKind.Value ? Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Kind}: {Message}";
}

/// <summary>Where the evaluator reads counts: one org unit and one period, already chosen by the caller.</summary>
public interface IFormulaValues
{
    /// <summary>The aggregated value of an element reference; null when nothing was entered.</summary>
    decimal? Value(ElementNode element);
}

/// <summary>
/// The evaluation pass: walks a validated tree in exact decimal arithmetic. Division by zero is an
/// error unless the formula guards it (<c>safediv</c> or <c>if(den = 0, ...)</c>), because a silent 0
/// would hide a data problem. One instance evaluates one formula at a time (not thread-safe); reuse it.
/// </summary>
/// <remarks>
/// A run (one call of <see cref="Evaluate(FormulaNode, IFormulaValues)"/>) reads one org unit and one
/// period, so the value of an indicator referred to with <c>I{...}</c> is computed once per run and
/// kept: without it, X = I{Y} + I{Y}, Y = I{Z} + I{Z}, ... doubles the work at every level. A chain of
/// references deeper than <see cref="MaxIndicatorDepth"/> and a run of more than
/// <see cref="DefaultMaxNodesPerRun"/> nodes are errors, so that no dataset can hang or crash the process.
/// </remarks>
public sealed class FormulaEvaluator : IArgumentEvaluator
{
    /// <summary>How many indicator references may be nested below the formula evaluated; FormulaValidator refuses deeper chains on save.</summary>
    public const int MaxIndicatorDepth = 50;

    /// <summary>Formula nodes one run may walk; with indicators computed once per run, real formulas need a few hundred.</summary>
    public const int DefaultMaxNodesPerRun = 100_000;

    private readonly MissingValueStrategy _strategy;
    private readonly FormulaScope? _scope;
    private readonly int _maxNodesPerRun;
    private readonly List<string> _indicatorStack = [];
    private readonly Dictionary<string, decimal?> _indicatorValues = new(StringComparer.OrdinalIgnoreCase);
    private IFormulaValues _values = null!;
    private ElementNode? _firstMissing;
    private int _nodesWalked;

    /// <param name="maxNodesPerRun">Nodes one run may walk; 0 = <see cref="DefaultMaxNodesPerRun"/>.</param>
    public FormulaEvaluator(MissingValueStrategy strategy = MissingValueStrategy.Skip, FormulaScope? scope = null, int maxNodesPerRun = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxNodesPerRun);
        _strategy = strategy;
        _scope = scope;
        _maxNodesPerRun = maxNodesPerRun == 0 ? DefaultMaxNodesPerRun : maxNodesPerRun;
    }

    public FormulaOutcome Evaluate(Formula formula, IFormulaValues values) => Evaluate(formula.Root, values);

    public FormulaOutcome Evaluate(FormulaNode root, IFormulaValues values)
    {
        _values = values;
        _firstMissing = null;
        _indicatorStack.Clear();
        _indicatorValues.Clear();
        _nodesWalked = 0;
        try
        {
            var value = Evaluate(root);
            if (value is { } v)
                return FormulaOutcome.Of(v);
            var name = _firstMissing is null ? "data" : (_scope ?? FormulaScope.Empty).ElementName(_firstMissing);
            return _strategy == MissingValueStrategy.Fail
                ? FormulaOutcome.Error($"data \"{name}\" belum diisi untuk periode ini")
                : FormulaOutcome.NotAvailable($"data \"{name}\" belum diisi");
        }
        catch (FormulaEvaluationException e)
        {
            return FormulaOutcome.Error(e.Message);
        }
        catch (OverflowException)
        {
            return FormulaOutcome.Error("hasil hitung terlalu besar untuk angka desimal");
        }
    }

    public Exception Failure(string message) => new FormulaEvaluationException(message);

    public decimal? Evaluate(FormulaNode node)
    {
        // long formulas nest deeply (a + 1 + 1 ... is a left-leaning tree), and 50 levels of them
        // through I{...} can exhaust the thread's stack, which no catch survives: stop while we still can
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw Failure("rumus terlalu bersarang untuk dihitung: rumus panjang yang saling merujuk lewat I{…} bertumpuk terlalu dalam");
        if (++_nodesWalked > _maxNodesPerRun)
            throw Failure($"rumus terlalu rumit: perhitungan melewati batas {IndonesianNumber.Format(_maxNodesPerRun, 0)} langkah; kurangi rujukan antarindikator");
        switch (node)
        {
            case NumberNode n:
                return n.Value;
            case ElementNode e:
            {
                var value = _values.Value(e);
                if (value is not null)
                    return value;
                if (_strategy == MissingValueStrategy.Zero)
                    return 0m;
                _firstMissing ??= e;
                return null;
            }

            case NegateNode n:
                return -Evaluate(n.Operand);
            case BinaryNode b:
                return Binary(b);
            case CallNode c:
            {
                var function = FunctionRegistry.Find(c.Name) ?? throw Failure($"fungsi \"{c.Name}\" tidak dikenal");
                return function.Evaluate(c.Arguments, this);
            }

            case IndicatorNode i:
                return Indicator(i);
            default:
                throw Failure("simpul rumus tidak dikenal: " + node.GetType().Name);
        }
    }

    private decimal? Binary(BinaryNode b)
    {
        if (b.Operator == BinaryOperator.And)
            return Evaluate(b.Left) is not { } l ? null : l == 0 ? 0m : Evaluate(b.Right) is { } r ? (r != 0 ? 1m : 0m) : null;
        if (b.Operator == BinaryOperator.Or)
            return Evaluate(b.Left) is not { } l ? null : l != 0 ? 1m : Evaluate(b.Right) is { } r ? (r != 0 ? 1m : 0m) : null;
        var left = Evaluate(b.Left);
        var right = Evaluate(b.Right);
        if (left is not { } x || right is not { } y)
            return null;
        return b.Operator switch
        {
            BinaryOperator.Add => x + y,
            BinaryOperator.Subtract => x - y,
            BinaryOperator.Multiply => x * y,
            BinaryOperator.Divide => y == 0
                ? throw Failure($"pembagian dengan nol: {Describe(b.Right)} bernilai 0; lindungi dengan safediv(…) atau if(… = 0, …)")
                : x / y,
            BinaryOperator.Equal => x == y ? 1m : 0m,
            BinaryOperator.NotEqual => x != y ? 1m : 0m,
            BinaryOperator.Less => x < y ? 1m : 0m,
            BinaryOperator.LessOrEqual => x <= y ? 1m : 0m,
            BinaryOperator.Greater => x > y ? 1m : 0m,
            _ => x >= y ? 1m : 0m,
        };
    }

    private string Describe(FormulaNode node) => FormulaDescriber.Describe(node, _scope ?? FormulaScope.Empty);

    private decimal? Indicator(IndicatorNode node)
    {
        var formula = _scope?.IndicatorFormula(node.Code) ?? throw Failure($"indikator \"{node.Code}\" tidak punya rumus hitung");
        if (_indicatorStack.Contains(node.Code, StringComparer.OrdinalIgnoreCase))
            throw Failure($"rujukan melingkar: {string.Join(" → ", _indicatorStack)} → {node.Code}");
        if (_indicatorValues.TryGetValue(node.Code, out var known))
            return known;
        if (_indicatorStack.Count >= MaxIndicatorDepth)
            throw Failure($"rujukan antarindikator terlalu dalam: lebih dari {MaxIndicatorDepth} tingkat ({IndicatorChain.Describe([.. _indicatorStack, node.Code])})");
        _indicatorStack.Add(node.Code);
        try
        {
            var value = Evaluate(formula.Root);
            _indicatorValues[node.Code] = value;
            return value;
        }
        finally
        {
            _indicatorStack.RemoveAt(_indicatorStack.Count - 1);
        }
    }

    private sealed class FormulaEvaluationException(string message) : Exception(message);
}

/// <summary>Shows a long chain of indicator references by its first three and last two codes.</summary>
internal static class IndicatorChain
{
    public static string Describe(IReadOnlyList<string> codes) => codes.Count <= 6
        ? string.Join(" → ", codes)
        : string.Join(" → ", codes.Take(3)) + " → … → " + string.Join(" → ", codes.Skip(codes.Count - 2));
}
