using Kinerja.Domain.Values;

namespace Kinerja.Domain.Formulas;

/// <summary>What a function needs from the evaluator: its arguments, evaluated only when asked (so <c>if</c> is lazy).</summary>
public interface IArgumentEvaluator
{
    /// <summary>The argument's value; null when its data is missing (under the skip/fail strategies).</summary>
    decimal? Evaluate(FormulaNode node);

    /// <summary>Stops the evaluation with a message (Bahasa Indonesia) naming what went wrong.</summary>
    Exception Failure(string message);
}

/// <summary>A function formulas may call: its arity, how its satuan follows from its arguments, how it reads in words and how it computes.</summary>
public sealed record FormulaFunction(
    string Name,
    int MinArguments,
    int MaxArguments,
    string Summary,
    Func<IReadOnlyList<FormulaUnit>, FormulaUnit?> Unit,
    Func<IReadOnlyList<string>, string> Describe,
    Func<IReadOnlyList<FormulaNode>, IArgumentEvaluator, decimal?> Evaluate)
{
    public string Arity => MaxArguments == int.MaxValue ? $"paling sedikit {MinArguments}" : MinArguments == MaxArguments ? $"{MinArguments}" : $"{MinArguments} sampai {MaxArguments}";
}

/// <summary>
/// The functions formulas may call. A formula can only name what is registered here, which is what
/// keeps formulas free of arbitrary code. Functions return null when a needed argument is missing,
/// so the formula's missing-value strategy decides.
/// </summary>
public static class FunctionRegistry
{
    private static readonly Dictionary<string, FormulaFunction> Functions = new[]
    {
        new FormulaFunction("sum", 1, int.MaxValue, "jumlah semua argumen", SameUnit, a => "(" + string.Join(" + ", a) + ")", Fold((x, y) => x + y)),
        new FormulaFunction("min", 1, int.MaxValue, "nilai terkecil", SameUnit, a => "terkecil dari (" + string.Join("; ", a) + ")", Fold(Math.Min)),
        new FormulaFunction("max", 1, int.MaxValue, "nilai terbesar", SameUnit, a => "terbesar dari (" + string.Join("; ", a) + ")", Fold(Math.Max)),
        new FormulaFunction("avg", 1, int.MaxValue, "rata-rata argumen", SameUnit, a => "rata-rata (" + string.Join("; ", a) + ")", Average),
        new FormulaFunction("abs", 1, 1, "nilai mutlak", SameUnit, a => "|" + a[0] + "|", (args, e) => e.Evaluate(args[0]) is { } v ? Math.Abs(v) : null),
        new FormulaFunction("if", 3, 3, "if(syarat, nilai bila benar, nilai bila salah)", IfUnit, a => $"(jika {a[0]} maka {a[1]}, selain itu {a[2]})", If),
        new FormulaFunction("safediv", 2, 3, "safediv(pembilang, penyebut, nilai bila penyebut 0 = 0)", SafeDivUnit,
            // the default guard (0 when nothing is registered) is a technicality readers need not see; a chosen fallback is shown
            a => a.Count > 2 ? $"{a[0]} ÷ {a[1]} ({a[2]} bila {a[1]} = 0)" : $"{a[0]} ÷ {a[1]}", SafeDivide),
        new FormulaFunction("union", 3, 3, "union(himpunan A, himpunan B, irisan A dan B) = A + B − irisan: orang yang dihitung dua unit hanya dihitung sekali", SameUnit,
            a => $"({a[0]} + {a[1]} − irisan {a[2]})", Union),
    }.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static FormulaFunction? Find(string name) => Functions.GetValueOrDefault(name);

    public static IEnumerable<FormulaFunction> All => Functions.Values;

    public static string Names => string.Join(", ", Functions.Keys);

    private static FormulaUnit? SameUnit(IReadOnlyList<FormulaUnit> units)
    {
        var result = FormulaUnit.Free;
        foreach (var unit in units)
        {
            if (!result.IsCompatible(unit))
                return null;
            result = result.Join(unit);
        }

        return result;
    }

    private static FormulaUnit? IfUnit(IReadOnlyList<FormulaUnit> units) => units[1].IsCompatible(units[2]) ? units[1].Join(units[2]) : null;

    private static FormulaUnit? SafeDivUnit(IReadOnlyList<FormulaUnit> units)
    {
        var quotient = units[0].Divide(units[1]);
        return units.Count < 3 || units[2].IsCompatible(quotient) ? quotient : null;
    }

    private static Func<IReadOnlyList<FormulaNode>, IArgumentEvaluator, decimal?> Fold(Func<decimal, decimal, decimal> combine) => (args, e) =>
    {
        decimal? result = null;
        foreach (var arg in args)
        {
            if (e.Evaluate(arg) is not { } v)
                return null;
            result = result is { } r ? combine(r, v) : v;
        }

        return result;
    };

    private static decimal? Average(IReadOnlyList<FormulaNode> args, IArgumentEvaluator e)
    {
        decimal sum = 0;
        foreach (var arg in args)
        {
            if (e.Evaluate(arg) is not { } v)
                return null;
            sum += v;
        }

        return sum / args.Count;
    }

    private static decimal? If(IReadOnlyList<FormulaNode> args, IArgumentEvaluator e) =>
        e.Evaluate(args[0]) switch
        {
            null => null,
            0m => e.Evaluate(args[2]),
            _ => e.Evaluate(args[1]),
        };

    private static decimal? SafeDivide(IReadOnlyList<FormulaNode> args, IArgumentEvaluator e)
    {
        if (e.Evaluate(args[1]) is not { } denominator)
            return null;
        if (denominator == 0)
            return args.Count > 2 ? e.Evaluate(args[2]) : 0m;
        return e.Evaluate(args[0]) is { } numerator ? numerator / denominator : null;
    }

    private static decimal? Union(IReadOnlyList<FormulaNode> args, IArgumentEvaluator e)
    {
        if (e.Evaluate(args[0]) is not { } a || e.Evaluate(args[1]) is not { } b || e.Evaluate(args[2]) is not { } both)
            return null;
        if (both < 0 || both > Math.Min(a, b))
            throw e.Failure($"irisan {IndonesianNumber.Format(both, 0)} tidak mungkin: harus antara 0 dan himpunan terkecil ({IndonesianNumber.Format(Math.Min(a, b), 0)})");
        return a + b - both;
    }
}
