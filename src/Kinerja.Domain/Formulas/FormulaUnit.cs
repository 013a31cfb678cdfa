namespace Kinerja.Domain.Formulas;

/// <summary>
/// The satuan of a formula's sub-expression, as exponents of base satuan: Orang/Orang is
/// dimensionless, Orang ÷ Rupiah is "Orang/Rupiah". Persen is a dimensionless ratio. A constant is
/// "free": it takes whatever satuan it is added to, so <c>#{x} + 1</c> and <c>× 100</c> pass.
/// </summary>
public sealed class FormulaUnit
{
    private readonly SortedDictionary<string, int> _exponents;

    private FormulaUnit(SortedDictionary<string, int> exponents, bool isFree)
    {
        _exponents = exponents;
        IsFree = isFree;
    }

    public static FormulaUnit Free { get; } = new(new SortedDictionary<string, int>(StringComparer.Ordinal), true);

    public static FormulaUnit Dimensionless { get; } = new(new SortedDictionary<string, int>(StringComparer.Ordinal), false);

    public bool IsFree { get; }

    public bool IsDimensionless => !IsFree && _exponents.Count == 0;

    /// <summary>The unit of a satuan as users write it; empty or unknown-to-check ("") is free.</summary>
    public static FormulaUnit FromSatuan(string? satuan)
    {
        var s = (satuan ?? "").Trim();
        if (s.Length == 0)
            return Free;
        var key = s.ToUpperInvariant();
        if (key is "PERSEN" or "PERSENTASE" or "%" or "RASIO" or "PROPORSI")
            return Dimensionless;
        if (key is "RP" or "RP." or "RUPIAH")
            s = "Rupiah";
        else
            s = char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();
        return new FormulaUnit(new SortedDictionary<string, int>(StringComparer.Ordinal) { [s] = 1 }, false);
    }

    public FormulaUnit Multiply(FormulaUnit other) => Combine(other, 1);

    public FormulaUnit Divide(FormulaUnit other) => Combine(other, -1);

    private FormulaUnit Combine(FormulaUnit other, int sign)
    {
        if (IsFree && other.IsFree)
            return Free;
        var result = new SortedDictionary<string, int>(_exponents, StringComparer.Ordinal);
        foreach (var (name, exponent) in other._exponents)
        {
            var e = result.GetValueOrDefault(name) + sign * exponent;
            if (e == 0)
                result.Remove(name);
            else
                result[name] = e;
        }

        return new FormulaUnit(result, false);
    }

    /// <summary>True when the two can be added, compared or chosen between.</summary>
    public bool IsCompatible(FormulaUnit other) => IsFree || other.IsFree || SameAs(other);

    public bool SameAs(FormulaUnit other) =>
        _exponents.Count == other._exponents.Count && _exponents.All(p => other._exponents.TryGetValue(p.Key, out var e) && e == p.Value);

    /// <summary>The stricter of two compatible units (a constant adopts the other's satuan).</summary>
    public FormulaUnit Join(FormulaUnit other) => IsFree ? other : this;

    public override string ToString()
    {
        if (IsFree || _exponents.Count == 0)
            return "tanpa satuan";
        static string Part(KeyValuePair<string, int> p, int sign) => Math.Abs(p.Value) == 1 ? p.Key : $"{p.Key}^{Math.Abs(p.Value)}";
        var up = string.Join("·", _exponents.Where(p => p.Value > 0).Select(p => Part(p, 1)));
        var down = string.Join("·", _exponents.Where(p => p.Value < 0).Select(p => Part(p, -1)));
        return down.Length == 0 ? up : (up.Length == 0 ? "1" : up) + "/" + down;
    }
}
