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
public sealed class FormulaEvaluator : IArgumentEvaluator
{
    private readonly MissingValueStrategy _strategy;
    private readonly FormulaScope? _scope;
    private readonly List<string> _indicatorStack = [];
    private IFormulaValues _values = null!;
    private ElementNode? _firstMissing;

    public FormulaEvaluator(MissingValueStrategy strategy = MissingValueStrategy.Skip, FormulaScope? scope = null)
    {
        _strategy = strategy;
        _scope = scope;
    }

    public FormulaOutcome Evaluate(Formula formula, IFormulaValues values) => Evaluate(formula.Root, values);

    public FormulaOutcome Evaluate(FormulaNode root, IFormulaValues values)
    {
        _values = values;
        _firstMissing = null;
        _indicatorStack.Clear();
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
        _indicatorStack.Add(node.Code);
        try
        {
            return Evaluate(formula.Root);
        }
        finally
        {
            _indicatorStack.RemoveAt(_indicatorStack.Count - 1);
        }
    }

    private sealed class FormulaEvaluationException(string message) : Exception(message);
}
