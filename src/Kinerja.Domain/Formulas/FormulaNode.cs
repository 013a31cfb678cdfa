using Kinerja.Domain.DataElements;

namespace Kinerja.Domain.Formulas;

/// <summary>
/// The immutable syntax tree of a formula. Every node remembers its position (0-based character
/// offset) so that a message can point at it. Passes (validate, list elements, describe, evaluate)
/// walk the tree; the tree itself knows nothing about them.
/// </summary>
public abstract record FormulaNode(int Position);

/// <summary>A constant: <c>100</c>, <c>27.5%</c> (= 0,275), <c>0.1</c>.</summary>
public sealed record NumberNode(decimal Value, string Text, int Position) : FormulaNode(Position);

/// <summary>
/// A data element: <c>#{penempatan}</c> sums every breakdown; <c>#{penempatan|saluran:AKL}</c>
/// keeps the parts with that option (several filters: all must hold).
/// </summary>
public sealed record ElementNode(string Code, IReadOnlyList<BreakdownOption> Filters, int Position) : FormulaNode(Position)
{
    public string Reference => Filters.Count == 0 ? Code : Code + "|" + string.Join("|", Filters);
}

/// <summary>The value of another indicator's formula: <c>I{IK-1}</c>.</summary>
public sealed record IndicatorNode(string Code, int Position) : FormulaNode(Position);

public sealed record NegateNode(FormulaNode Operand, int Position) : FormulaNode(Position);

public enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
}

public sealed record BinaryNode(BinaryOperator Operator, FormulaNode Left, FormulaNode Right, int Position) : FormulaNode(Position)
{
    public bool IsComparison => Operator is >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual;

    public bool IsLogical => Operator is BinaryOperator.And or BinaryOperator.Or;
}

/// <summary>A call of a function from the <see cref="FunctionRegistry"/>: <c>safediv(a, b)</c>, <c>union(a, b, irisan)</c>.</summary>
public sealed record CallNode(string Name, IReadOnlyList<FormulaNode> Arguments, int Position) : FormulaNode(Position);
