using Kinerja.Domain.Values;

namespace Kinerja.Domain.Formulas;

/// <summary>A problem in a formula, in Bahasa Indonesia, with the 0-based position it points at.</summary>
public sealed record FormulaError(string Message, int Position)
{
    public override string ToString() => $"{Message} (posisi {Position + 1})";
}

/// <summary>
/// The validation pass, run when a formula is saved: syntax, unknown elements, breakdown options,
/// functions and their arity, references to indicators (unknown, without formula, circular, or more
/// than <see cref="FormulaEvaluator.MaxIndicatorDepth"/> levels deep), and
/// satuan (no adding Orang to Rupiah; a Persen indicator must compute a ratio).
/// </summary>
public static class FormulaValidator
{
    /// <summary>Parses and validates formula text for an indicator (null code = a free-standing formula).</summary>
    public static IReadOnlyList<FormulaError> Validate(string? text, FormulaScope scope, string? indicatorCode = null, string? expectedSatuan = null)
    {
        var parsed = Formula.Parse(text);
        if (!parsed.Success)
            return [new FormulaError("rumus tidak dapat dibaca: " + StripPosition(parsed.Error!, out var at), at)];
        return Validate(parsed.Value, scope, indicatorCode, expectedSatuan);
    }

    public static IReadOnlyList<FormulaError> Validate(Formula formula, FormulaScope scope, string? indicatorCode = null, string? expectedSatuan = null)
    {
        var errors = new List<FormulaError>();
        var unit = UnitOf(formula.Root, scope, errors);
        var before = errors.Count;
        if (indicatorCode is not null)
            Cycles(formula, scope, indicatorCode, errors);
        if (errors.Count == before)
            Depth(formula, scope, errors);
        if (unit is not null && errors.Count == 0 && expectedSatuan is not null)
        {
            var expected = FormulaUnit.FromSatuan(expectedSatuan);
            if (!expected.IsFree && !unit.IsFree && !expected.SameAs(unit) && expected.IsDimensionless)
                errors.Add(new FormulaError($"hasil rumus bersatuan {unit}, padahal indikator bersatuan {expectedSatuan}: rasio harus membagi satuan yang sama", 0));
        }

        return errors;
    }

    private static string StripPosition(string message, out int position)
    {
        position = 0;
        var at = message.LastIndexOf(" (posisi ", StringComparison.Ordinal);
        if (at < 0 || !message.EndsWith(')'))
            return message;
        if (int.TryParse(message[(at + 9)..^1], out var p))
            position = p - 1;
        return message[..at];
    }

    /// <summary>Infers the satuan of a node, adding an error where satuan do not fit; null after an error.</summary>
    private static FormulaUnit? UnitOf(FormulaNode node, FormulaScope scope, List<FormulaError> errors)
    {
        switch (node)
        {
            case NumberNode:
                return FormulaUnit.Free;
            case ElementNode e:
            {
                var element = scope.Element(e.Code);
                if (element is null)
                {
                    errors.Add(new FormulaError($"elemen data \"{e.Code}\" tidak dikenal", e.Position));
                    return null;
                }

                foreach (var filter in e.Filters)
                {
                    var category = element.Category(filter.Category);
                    if (category is null)
                        errors.Add(new FormulaError(element.Categories.Count == 0
                            ? $"elemen data \"{e.Code}\" tidak punya rincian, jadi tidak bisa disaring dengan \"{filter.Category}\""
                            : $"elemen data \"{e.Code}\" tidak punya rincian \"{filter.Category}\"; yang ada: {string.Join(", ", element.Categories.Select(c => c.Code))}", e.Position));
                    else if (!category.HasOption(filter.Option))
                        errors.Add(new FormulaError($"rincian \"{category.Code}\" pada \"{e.Code}\" tidak punya opsi \"{filter.Option}\"; yang ada: {string.Join(", ", category.Options)}", e.Position));
                }

                return FormulaUnit.FromSatuan(element.Satuan);
            }

            case IndicatorNode i:
                if (!scope.HasIndicator(i.Code))
                {
                    errors.Add(new FormulaError($"indikator \"{i.Code}\" tidak dikenal", i.Position));
                    return null;
                }

                if (scope.IndicatorFormula(i.Code) is null)
                {
                    errors.Add(new FormulaError($"indikator \"{i.Code}\" tidak punya rumus hitung yang sah, jadi tidak bisa dirujuk", i.Position));
                    return null;
                }

                return FormulaUnit.FromSatuan(scope.IndicatorSatuan(i.Code));
            case NegateNode n:
                return UnitOf(n.Operand, scope, errors);
            case BinaryNode b:
            {
                var left = UnitOf(b.Left, scope, errors);
                var right = UnitOf(b.Right, scope, errors);
                if (left is null || right is null)
                    return null;
                switch (b.Operator)
                {
                    case BinaryOperator.Multiply:
                        return left.Multiply(right);
                    case BinaryOperator.Divide:
                        return left.Divide(right);
                    case BinaryOperator.And or BinaryOperator.Or:
                        return FormulaUnit.Dimensionless;
                }

                if (!left.IsCompatible(right))
                {
                    var verb = b.Operator switch
                    {
                        BinaryOperator.Add => "menjumlahkan",
                        BinaryOperator.Subtract => "mengurangkan",
                        _ => "membandingkan",
                    };
                    errors.Add(new FormulaError($"tidak dapat {verb} {left} dengan {right}", b.Position));
                    return null;
                }

                return b.IsComparison ? FormulaUnit.Dimensionless : left.Join(right);
            }

            case CallNode c:
            {
                var function = FunctionRegistry.Find(c.Name);
                if (function is null)
                {
                    errors.Add(new FormulaError($"fungsi \"{c.Name}\" tidak dikenal; yang tersedia: {FunctionRegistry.Names}", c.Position));
                    foreach (var argument in c.Arguments)
                        UnitOf(argument, scope, errors);
                    return null;
                }

                if (c.Arguments.Count < function.MinArguments || c.Arguments.Count > function.MaxArguments)
                {
                    errors.Add(new FormulaError($"fungsi {function.Name} memerlukan {function.Arity} argumen, bukan {c.Arguments.Count}: {function.Summary}", c.Position));
                    return null;
                }

                var units = c.Arguments.Select(a => UnitOf(a, scope, errors)).ToList();
                if (units.Any(u => u is null))
                    return null;
                var unit = function.Unit(units!);
                if (unit is null)
                    errors.Add(new FormulaError($"argumen fungsi {function.Name} bersatuan berbeda ({string.Join(", ", units.Select(u => u!.ToString()))})", c.Position));
                return unit;
            }

            default:
                throw new InvalidOperationException("simpul rumus tidak dikenal: " + node.GetType().Name);
        }
    }

    /// <summary>Follows I{...} references depth-first; a path back to the start is a circular reference.</summary>
    private static void Cycles(Formula formula, FormulaScope scope, string start, List<FormulaError> errors)
    {
        foreach (var node in FormulaReferences.Walk(formula.Root).OfType<IndicatorNode>())
        {
            if (string.Equals(node.Code, start, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new FormulaError($"rumus indikator {start} merujuk dirinya sendiri (I{{{node.Code}}}); rujukan melingkar tidak dapat dihitung", node.Position));
                continue;
            }

            var path = Path(node.Code, start, scope, [start]);
            if (path is not null)
                errors.Add(new FormulaError($"rujukan melingkar: {start} → {string.Join(" → ", path)}", node.Position));
        }
    }

    /// <remarks>Bounded by the depth limit, so a chain of thousands of references cannot overflow the stack; deeper chains are refused by <see cref="Depth"/>.</remarks>
    private static List<string>? Path(string code, string target, FormulaScope scope, HashSet<string> visiting, int depth = 1)
    {
        if (string.Equals(code, target, StringComparison.OrdinalIgnoreCase))
            return [code];
        if (depth > FormulaEvaluator.MaxIndicatorDepth + 1 || !visiting.Add(code) || scope.IndicatorFormula(code) is not { } formula)
            return null;
        foreach (var next in formula.Indicators)
        {
            if (Path(next, target, scope, visiting, depth + 1) is { } rest)
                return [code, .. rest];
        }

        return null;
    }

    /// <summary>
    /// The longest chain of references below the formula may not be deeper than the evaluator follows
    /// (<see cref="FormulaEvaluator.MaxIndicatorDepth"/>): refused on save, not found out when computing.
    /// </summary>
    private static void Depth(Formula formula, FormulaScope scope, List<FormulaError> errors)
    {
        foreach (var node in FormulaReferences.Walk(formula.Root).OfType<IndicatorNode>())
        {
            var below = scope.DepthBelow(node.Code);
            if (below.IsCircular)
            {
                errors.Add(new FormulaError($"indikator {node.Code} bergantung pada rujukan melingkar, jadi tidak dapat dihitung", node.Position));
                return;
            }

            var levels = below.Levels + 1;
            if (levels > FormulaEvaluator.MaxIndicatorDepth)
            {
                // the scope measures depths only up to just past the limit: a longer chain is shown by its start
                var text = levels > FormulaEvaluator.MaxIndicatorDepth + 1
                    ? $"lebih dari {FormulaEvaluator.MaxIndicatorDepth + 1} tingkat ({string.Join(" → ", below.Path.Prepend(node.Code).Take(3))} → …)"
                    : $"{levels} tingkat ({IndicatorChain.Describe([node.Code, .. below.Path])})";
                errors.Add(new FormulaError($"rantai rujukan indikator terlalu dalam: {text}, paling banyak {FormulaEvaluator.MaxIndicatorDepth}", node.Position));
                return;
            }
        }
    }
}

/// <summary>Formats constants in formulas the Indonesian way.</summary>
internal static class FormulaNumbers
{
    public static string Format(NumberNode n) => n.Text.EndsWith('%')
        ? IndonesianNumber.Format(n.Value * 100m, 6, RoundingMode.HalfUp, trimZeroDecimals: true) + "%"
        : IndonesianNumber.Format(n.Value, 10, RoundingMode.HalfUp, trimZeroDecimals: true);
}
