using System.Globalization;

namespace Kinerja.Domain.Values;

/// <summary>
/// Reads and writes numbers the Indonesian way (RULEBOOK §12): "." groups thousands, "," marks
/// decimals. Plain "98.19" is also accepted because it cannot be a thousands grouping.
/// </summary>
public static class IndonesianNumber
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Parses a bare number (no unit). Rules, in order:
    /// both "." and "," present: the last one is the decimal mark, the other must group by three;
    /// only ",": one comma is the decimal mark, several commas grouping by three are thousands ("16,651,000"); only ".": groups of exactly three digits after
    /// every dot are thousands ("1.762", "2.000.000"), a single dot followed by one, two or four
    /// or more digits is a decimal point ("52.04"); anything else is refused as doubtful.
    /// </summary>
    public static ParseResult<decimal> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<decimal>.Fail("angka kosong");
        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        var negative = false;
        if (s.StartsWith('-') || s.StartsWith('−'))
        {
            negative = true;
            s = s[1..];
        }
        else if (s.StartsWith('+'))
        {
            s = s[1..];
        }

        if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c == '.' || c == ','))
            return ParseResult<decimal>.Fail($"\"{text}\" bukan angka");
        if (!char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1]))
            return ParseResult<decimal>.Fail($"\"{text}\" bukan angka yang lengkap");

        var dots = s.Count(c => c == '.');
        var commas = s.Count(c => c == ',');
        string normalized;
        if (dots > 0 && commas > 0)
        {
            var decimalMark = s.LastIndexOf('.') > s.LastIndexOf(',') ? '.' : ',';
            var groupMark = decimalMark == '.' ? ',' : '.';
            var decimalAt = s.LastIndexOf(decimalMark);
            if (s.Count(c => c == decimalMark) != 1)
                return ParseResult<decimal>.Fail($"\"{text}\" memakai tanda desimal lebih dari sekali");
            var integerPart = s[..decimalAt];
            if (!GroupsOfThree(integerPart, groupMark))
                return ParseResult<decimal>.Fail($"\"{text}\": pemisah ribuan harus mengelompokkan tiga angka");
            normalized = integerPart.Replace(groupMark.ToString(), "", StringComparison.Ordinal) + "." + s[(decimalAt + 1)..];
        }
        else if (commas > 0)
        {
            if (commas > 1)
            {
                // "16,651,000": several commas each followed by three digits can only be (English) thousands
                if (!GroupsOfThree(s, ','))
                    return ParseResult<decimal>.Fail($"\"{text}\" memakai koma lebih dari sekali; tulis ribuan dengan titik (1.762) dan desimal dengan koma (2,71)");
                normalized = s.Replace(",", "", StringComparison.Ordinal);
            }
            else
            {
                normalized = s.Replace(',', '.');
            }
        }
        else if (dots > 0)
        {
            if (GroupsOfThree(s, '.'))
                normalized = s.Replace(".", "", StringComparison.Ordinal);
            else if (dots == 1)
                normalized = s;
            else
                return ParseResult<decimal>.Fail($"\"{text}\": titik sebagai pemisah ribuan harus diikuti tepat tiga angka");
        }
        else
        {
            normalized = s;
        }

        if (!decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, Invariant, out var value))
            return ParseResult<decimal>.Fail($"\"{text}\" bukan angka");
        return ParseResult<decimal>.Ok(negative ? -value : value);
    }

    private static bool GroupsOfThree(string s, char mark)
    {
        var parts = s.Split(mark);
        if (parts.Length < 2 || parts[0].Length is 0 or > 3)
            return false;
        return parts.Skip(1).All(p => p.Length == 3);
    }

    /// <summary>Formats with "." thousands and "," decimals, after rounding for display.</summary>
    public static string Format(decimal value, int decimals, RoundingMode rounding = RoundingMode.HalfUp, bool trimZeroDecimals = false)
    {
        var rounded = Rounding.Apply(value, decimals, rounding);
        var format = decimals > 0 ? "#,##0." + new string('0', decimals) : "#,##0";
        var text = rounded.ToString(format, Invariant);
        // swap invariant separators for Indonesian ones
        text = text.Replace(",", "\u0001", StringComparison.Ordinal).Replace(".", ",", StringComparison.Ordinal).Replace("\u0001", ".", StringComparison.Ordinal);
        if (trimZeroDecimals && decimals > 0 && text.Contains(','))
            text = text.TrimEnd('0').TrimEnd(',');
        return text;
    }

    /// <summary>
    /// Formats a value with the decimals it was written with ("80,30" stays 80,30; "1762" becomes 1.762),
    /// but never more than maxDecimals (an unrounded 34,7864596809 shows as 34,79).
    /// </summary>
    public static string FormatAsWritten(decimal value, int maxDecimals, RoundingMode rounding = RoundingMode.HalfUp)
    {
        var written = (decimal.GetBits(value)[3] >> 16) & 0xFF;
        return Format(value, Math.Min(written, maxDecimals), rounding);
    }

    /// <summary>Formats a whole amount (Rupiah, people) with thousands dots: 12.081.204.858.</summary>
    public static string FormatWhole(decimal value) => Format(value, 0);
}

public enum RoundingMode
{
    /// <summary>Round half away from zero (the usual "pembulatan").</summary>
    HalfUp,

    /// <summary>Cut off extra digits (some agencies print 50,0567 as 50,05).</summary>
    Truncate,
}

public static class Rounding
{
    public static decimal Apply(decimal value, int decimals, RoundingMode mode) => mode switch
    {
        RoundingMode.Truncate => decimal.Round(value, decimals, MidpointRounding.ToZero),
        _ => decimal.Round(value, decimals, MidpointRounding.AwayFromZero),
    };
}
