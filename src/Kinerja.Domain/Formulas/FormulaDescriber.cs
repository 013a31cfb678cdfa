namespace Kinerja.Domain.Formulas;

/// <summary>
/// The "describe in words" pass: the formula as a report prints it, with element names instead of
/// codes, ×/÷ and Indonesian numbers: "Pencari kerja ditempatkan ÷ Pencari kerja terdaftar × 100".
/// Parentheses appear only where precedence needs them.
/// </summary>
public static class FormulaDescriber
{
    public static string Describe(Formula formula, FormulaScope scope) => Describe(formula.Root, scope);

    public static string Describe(FormulaNode node, FormulaScope scope) => Text(node, scope, 0);

    private static int Precedence(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => 1,
        BinaryOperator.And => 2,
        BinaryOperator.Add or BinaryOperator.Subtract => 4,
        BinaryOperator.Multiply or BinaryOperator.Divide => 5,
        _ => 3,
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "−",
        BinaryOperator.Multiply => "×",
        BinaryOperator.Divide => "÷",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "≠",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "≤",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => "≥",
        BinaryOperator.And => "dan",
        _ => "atau",
    };

    private static string Text(FormulaNode node, FormulaScope scope, int parentPrecedence)
    {
        switch (node)
        {
            case NumberNode n:
                return FormulaNumbers.Format(n);
            case ElementNode e:
                return scope.ElementName(e);
            case IndicatorNode i:
                return "indikator " + i.Code;
            case NegateNode n:
                return "−" + Text(n.Operand, scope, 6);
            case BinaryNode b:
            {
                var precedence = Precedence(b.Operator);
                // left-associative: the right operand of − and ÷ needs parentheses at equal precedence
                var left = Text(b.Left, scope, precedence);
                var right = Text(b.Right, scope, b.Operator is BinaryOperator.Subtract or BinaryOperator.Divide ? precedence + 1 : precedence);
                var text = $"{left} {Symbol(b.Operator)} {right}";
                return precedence < parentPrecedence ? "(" + text + ")" : text;
            }

            case CallNode { Name: "safediv", Arguments.Count: 2 or 3 } c:
            {
                // reads as a plain division, with the same parentheses a division would need
                var division = new BinaryNode(BinaryOperator.Divide, c.Arguments[0], c.Arguments[1], c.Position);
                if (c.Arguments.Count == 2)
                    return Text(division, scope, parentPrecedence);
                var text = $"{Text(division, scope, 0)} ({Text(c.Arguments[2], scope, 0)} bila {Text(c.Arguments[1], scope, 0)} = 0)";
                return parentPrecedence > 0 ? "(" + text + ")" : text;
            }

            case CallNode c:
            {
                var arguments = c.Arguments.Select(a => Text(a, scope, 0)).ToList();
                return FunctionRegistry.Find(c.Name) is { } function && arguments.Count >= function.MinArguments && arguments.Count <= function.MaxArguments
                    ? function.Describe(arguments)
                    : $"{c.Name}({string.Join("; ", arguments)})";
            }

            default:
                return node.ToString() ?? "";
        }
    }
}
