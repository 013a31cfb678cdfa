using System.Globalization;

namespace Kinerja.Domain.Values;

/// <summary>
/// Reads and writes numbers the Indonesian way (docs/rules.md §12): "." groups thousands, "," marks
/// decimals. Plain "98.19" is also accepted because it cannot be a thousands grouping.
/// </summary>
public static partial class IndonesianNumber
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly char[] Spaces = [' ', '\u00A0', '\u202F'];

    /// <summary>
    /// Parses a bare number (no unit). Rules, in order:
    /// spaces (also non-breaking) are only thousands separators between groups of exactly three
    /// digits ("1 762", "2 000 000", "1 762,5"), never mixed with dots;
    /// both "." and "," present: the last one is the decimal mark, the other must group by three;
    /// only ",": one comma is the decimal mark ("2,71", and "2,710" is 2,71 too, because for
    /// percentages and indices the comma is the Indonesian decimal mark; Rupiah amounts, where a
    /// lone comma before three digits may be an English thousands separator, go through
    /// <see cref="ParseAmount"/>), several commas grouping by three are thousands ("16,651,000");
    /// only ".": groups of exactly three digits after every dot are thousands ("1.762",
    /// "2.000.000"), a single dot followed by one, two or four or more digits is a decimal point
    /// ("52.04"). A thousands grouping never starts with 0, so "0.500" is refused as doubtful
    /// (0,5 or 500?) while "0.5" and "0.75" are decimals. Anything else is refused as doubtful.
    /// </summary>
    public static ParseResult<decimal> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<decimal>.Fail("angka kosong");
        var s = text.Trim();
        var negative = false;
        if (s.StartsWith('-') || s.StartsWith('\u2212'))
        {
            negative = true;
            s = s[1..].TrimStart();
        }
        else if (s.StartsWith('+'))
        {
            s = s[1..].TrimStart();
        }

        if (ScientificNotation(text) is { } scientific)
            return ParseResult<decimal>.Fail(scientific);
        if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c == '.' || c == ',' || Spaces.Contains(c)))
            return ParseResult<decimal>.Fail($"\"{text}\" bukan angka");
        if (!char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1]))
            return ParseResult<decimal>.Fail($"\"{text}\" bukan angka yang lengkap");
        if (s.IndexOfAny(Spaces) >= 0)
        {
            var spaced = NormalizeSpaceGrouping(s, text);
            return spaced.Success ? Exact(spaced.Value, text, negative) : ParseResult<decimal>.Fail(spaced.Error!);
        }

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
                return ParseResult<decimal>.Fail($"\"{text}\": pemisah ribuan harus mengelompokkan tiga angka dan tidak diawali 0");
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
            {
                normalized = s.Replace(".", "", StringComparison.Ordinal);
            }
            else if (dots == 1)
            {
                var parts = s.Split('.');
                // "0.000" is zero however it is read
                if (parts[0].StartsWith('0') && parts[1].Length == 3 && !s.All(c => c is '0' or '.'))
                {
                    // "0.500": a grouping cannot start with 0, yet three digits after one dot look like one
                    return ParseResult<decimal>.Fail(
                        $"\"{text}\" meragukan: titik yang diikuti tiga angka biasanya pemisah ribuan, padahal ribuan tidak diawali 0; " +
                        $"tulis {FormatDecimalReading(s)} bila maksudnya desimal atau {TrimLeadingZeros(parts[0] + parts[1])} bila maksudnya bilangan bulat");
                }

                normalized = s;
            }
            else
            {
                return ParseResult<decimal>.Fail($"\"{text}\": titik sebagai pemisah ribuan harus diikuti tepat tiga angka dan tidak diawali 0");
            }
        }
        else
        {
            normalized = s;
        }

        return Exact(normalized, text, negative);
    }

    /// <summary>The largest magnitude a figure can have: what a decimal holds, 79.228.162.514.264.337.593.543.950.335.</summary>
    public static string Largest => FormatWhole(decimal.MaxValue);

    /// <summary>
    /// The digits of <paramref name="normalized"/> ("1234.5") as a decimal, only when it keeps every one of them:
    /// a number too large, or with more digits than a decimal holds (28 after the decimal mark, 28 or 29 in all), is
    /// refused rather than rounded, so 0,00000000000000000000000000001 never silently becomes 0.
    /// </summary>
    private static ParseResult<decimal> Exact(string normalized, string text, bool negative)
    {
        if (!decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, Invariant, out var value))
        {
            return normalized.All(c => char.IsAsciiDigit(c) || c == '.')
                ? ParseResult<decimal>.Fail($"\"{text}\" terlalu besar untuk disimpan tepat; paling besar {Largest}")
                : ParseResult<decimal>.Fail($"\"{text}\" bukan angka");
        }

        // 28 characters hold at most 28 digits, which a decimal always keeps exactly (the usual case: no strings to compare)
        if (normalized.Length > 28 && Significant(value.ToString(Invariant)) != Significant(normalized))
        {
            return ParseResult<decimal>.Fail(
                $"\"{text}\" mempunyai lebih banyak angka daripada yang dapat disimpan tepat (paling banyak 28 angka di belakang koma dan 29 angka seluruhnya); " +
                "angka tidak dibulatkan diam-diam: tulis dengan lebih sedikit angka");
        }

        return ParseResult<decimal>.Ok(negative ? -value : value);
    }

    /// <summary>"0012.3400" -> "12.34": the digits that carry the value.</summary>
    private static string Significant(string digits)
    {
        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        var whole = (dot < 0 ? digits : digits[..dot]).TrimStart('0');
        var fraction = dot < 0 ? "" : digits[(dot + 1)..].TrimEnd('0');
        return (whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? "" : "." + fraction);
    }

    /// <summary>
    /// Why a number in scientific notation ("1e308", "1,5E-3", as a spreadsheet shows a very large or small cell) is
    /// refused; null when <paramref name="text"/> is not one. Its digits are not what the report prints, and beyond
    /// the range of a decimal it cannot be kept at all.
    /// </summary>
    public static string? ScientificNotation(string? text)
    {
        var s = text?.Trim().TrimEnd('%').Trim();
        if (s is null || !ScientificPattern().IsMatch(s))
            return null;
        var magnitude = double.TryParse(s.Replace(',', '.').Replace('\u2212', '-'), NumberStyles.Float, Invariant, out var d) ? Math.Abs(d) : double.PositiveInfinity;
        if (magnitude > (double)decimal.MaxValue)
            return $"\"{text}\" terlalu besar untuk disimpan tepat (notasi ilmiah); paling besar {Largest}";
        if (magnitude is > 0 and < 1e-28)
            return $"\"{text}\" terlalu kecil untuk disimpan tepat (notasi ilmiah); paling kecil 0,{new string('0', 27)}1";
        return $"\"{text}\" ditulis dalam notasi ilmiah (E); tulis angkanya lengkap seperti tercetak, mis. 1.500 untuk 1,5E3";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+\-\u2212]?[0-9]+(?:[.,][0-9]+)?[eE][+\-\u2212]?[0-9]+$")]
    private static partial System.Text.RegularExpressions.Regex ScientificPattern();

    /// <summary>
    /// Parses a Rupiah amount. Like <see cref="Parse"/>, except that a lone comma between one to
    /// three leading digits and exactly three digits ("1,500", "999,999") is refused: in budget
    /// exports it is as often an English thousands separator (1.500) as a decimal mark (1,5), and a
    /// wrong guess changes the money a thousandfold. "1.500", "1.500,00", "16,651,000", "1,5",
    /// "1.234,56", "0,500" and "1500,500" (neither can be an English grouping) stay unambiguous.
    /// </summary>
    public static ParseResult<decimal> ParseAmount(string? text)
    {
        var parsed = Parse(text);
        if (!parsed.Success)
            return parsed;
        var s = text!.Trim().TrimStart('-', '\u2212', '+').Trim();
        var comma = s.IndexOf(',', StringComparison.Ordinal);
        // only "1,500" up to "999,999" read as English thousands; "0,500" and "1500,500" cannot
        if (comma is >= 1 and <= 3 && s[0] != '0' && s.IndexOf('.', StringComparison.Ordinal) < 0 && s.IndexOfAny(Spaces) < 0
            && s.LastIndexOf(',') == comma && s.Length - comma - 1 == 3)
        {
            var sign = parsed.Value < 0 ? "-" : "";
            var thousands = sign + Format(decimal.Parse(s.Replace(",", "", StringComparison.Ordinal), Invariant), 0);
            var asDecimal = Math.Abs(parsed.Value);
            var decimalHint = asDecimal == Rounding.Apply(asDecimal, 2, RoundingMode.HalfUp)
                ? $" atau {sign}{Format(asDecimal, 2)} bila desimal"
                : "";
            return ParseResult<decimal>.Fail(
                $"\"{text}\" meragukan untuk jumlah Rupiah: koma yang diikuti tepat tiga angka bisa berarti ribuan atau desimal; " +
                $"tulis {thousands} bila ribuan{decimalHint}");
        }

        return parsed;
    }

    // "1 762", "2 000 000", "1 762,5": the first group has one to three digits and does not start
    // with 0, every later group exactly three; only the last may carry a decimal comma
    private static ParseResult<string> NormalizeSpaceGrouping(string s, string text)
    {
        var refusal = ParseResult<string>.Fail(
            $"\"{text}\": spasi di dalam angka hanya boleh sebagai pemisah ribuan di antara kelompok tiga angka (1 762); hapus spasi atau tulis 1.762");
        if (s.Contains('.', StringComparison.Ordinal))
            return ParseResult<string>.Fail($"\"{text}\" mencampur spasi dan titik; tulis ribuan dengan titik saja (1.762) dan desimal dengan koma (2,71)");
        var groups = s.Split(Spaces);
        var last = groups[^1];
        var fraction = "";
        var comma = last.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            fraction = last[(comma + 1)..];
            last = last[..comma];
            if (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))
                return refusal;
        }

        groups[^1] = last;
        if (groups.Any(g => g.Length == 0 || !g.All(char.IsAsciiDigit)))
            return refusal;
        if (groups[0].Length > 3 || groups[0].StartsWith('0') || groups.Skip(1).Any(g => g.Length != 3))
            return refusal;
        return ParseResult<string>.Ok(string.Concat(groups) + (fraction.Length > 0 ? "." + fraction : ""));
    }

    private static bool GroupsOfThree(string s, char mark)
    {
        var parts = s.Split(mark);
        // "0.500" or "00.500" is no thousands grouping: nobody writes a leading zero before thousands
        if (parts.Length < 2 || parts[0].Length is 0 or > 3 || parts[0].StartsWith('0'))
            return false;
        return parts.Skip(1).All(p => p.Length == 3);
    }

    private static string FormatDecimalReading(string dotted)
    {
        var value = decimal.Parse(dotted, NumberStyles.AllowDecimalPoint, Invariant);
        return Format(value, 3, trimZeroDecimals: true);
    }

    private static string TrimLeadingZeros(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
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

    /// <summary>
    /// Writes a number that arrived as a number (a JSON number, a numeric spreadsheet cell) as text the
    /// parsers read back to exactly the same value: a decimal comma, no grouping, and a fourth
    /// decimal added when there are exactly three ("1,1250"), so it can never be taken for thousands.
    /// </summary>
    public static string FromNumberCell(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && text.Length - dot - 1 == 3)
            text += "0";
        return text.Replace('.', ',');
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
