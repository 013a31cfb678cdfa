using System.Text.RegularExpressions;

namespace Kinerja.Domain.Values;

/// <summary>A target or realisasi value, in the shape its indicator's target kind asks for.</summary>
public abstract record MeasuredValue
{
    /// <summary>The text as the user entered it, kept so nothing typed is ever lost.</summary>
    public required string Original { get; init; }

    /// <summary>
    /// A note printed beside the value in brackets ("1% (3 LPK)" gives "3 LPK"): kept, exported and shown, never
    /// part of the number. Null when there is none.
    /// </summary>
    public string? Note { get; init; }

    /// <summary>The value in Indonesian format, with the decimals it was written with, at most <paramref name="decimals"/>, and its note.</summary>
    public string Display(int decimals, RoundingMode rounding) => WithNote(DisplayValue(decimals, rounding));

    /// <summary>A shown value followed by its note, as printed: "1% (3 LPK)".</summary>
    public string WithNote(string shown) => Note is null ? shown : $"{shown} ({Note})";

    /// <summary>The value alone in Indonesian format.</summary>
    public abstract string DisplayValue(int decimals, RoundingMode rounding);
}

/// <summary>A plain number; Percent says it was written with "%" (display keeps it).</summary>
public sealed record NumberValue(decimal Value, bool Percent) : MeasuredValue
{
    public override string DisplayValue(int decimals, RoundingMode rounding) =>
        IndonesianNumber.FormatAsWritten(Value, decimals, rounding) + (Percent ? "%" : "");
}

public sealed record RangeValue(decimal Lower, decimal Upper, bool Percent) : MeasuredValue
{
    public override string DisplayValue(int decimals, RoundingMode rounding) =>
        IndonesianNumber.FormatAsWritten(Lower, decimals, rounding) + "-" + IndonesianNumber.FormatAsWritten(Upper, decimals, rounding) + (Percent ? "%" : "");
}

public sealed record GradeValue(string Grade, OrdinalScale Scale) : MeasuredValue
{
    public override string DisplayValue(int decimals, RoundingMode rounding) => Grade;
}

/// <summary>"3 dari 4": a score on a scale whose maximum is given.</summary>
public sealed record ScoreValue(decimal Score, decimal Maximum) : MeasuredValue
{
    public override string DisplayValue(int decimals, RoundingMode rounding) =>
        IndonesianNumber.FormatAsWritten(Score, decimals, rounding) + " dari " + IndonesianNumber.FormatAsWritten(Maximum, decimals, rounding);
}

public sealed record TextValue(string Text) : MeasuredValue
{
    public override string DisplayValue(int decimals, RoundingMode rounding) => Text;
}

/// <summary>Parses the values users type into the shape a target kind needs. Doubtful text is an error.</summary>
public static partial class MeasuredValueParser
{
    [GeneratedRegex(@"^(?<score>[0-9.,]+)\s*dari\s*(?<max>[0-9.,]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ScorePattern();

    // bounds may be grouped with spaces ("1 762 - 2 000"); IndonesianNumber.Parse decides whether the grouping is sound
    [GeneratedRegex(@"^(?<lo>[0-9][0-9.,]*(?:[ \u00A0\u202F]+[0-9][0-9.,]*)*)\s*%?\s*(?:-|–|—|s\.?d\.?|sampai)\s*(?<hi>[0-9][0-9.,]*(?:[ \u00A0\u202F]+[0-9][0-9.,]*)*)\s*%?$", RegexOptions.IgnoreCase)]
    private static partial Regex RangePattern();

    /// <summary>True for the ways reports write "not available".</summary>
    public static bool IsNotAvailable(string? text)
    {
        var s = text?.Trim().TrimEnd('*').Trim().ToUpperInvariant();
        return s is "N/A" or "NA" or "N.A" or "N.A." or "-" or "TIDAK TERSEDIA" or "BELUM TERSEDIA";
    }

    public static ParseResult<MeasuredValue> Parse(string? text, TargetKind kind, string satuan, OrdinalScale? scale = null)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<MeasuredValue>.Fail("nilai kosong");
        var original = text.Trim();
        // footnote marks ("60,66%*") belong to the note, not the number
        var s = original.TrimEnd('*').Trim();
        // a note in brackets after the value ("1% (3 LPK)") is kept beside it; a milestone text keeps its brackets
        string? note = null;
        // (the pattern ends in ")": most values do not, and skip it)
        if (kind != TargetKind.Text && s.EndsWith(')') && TrailingNotePattern().Match(s) is { Success: true } withNote)
        {
            s = withNote.Groups["value"].Value.TrimEnd('*').Trim();
            note = withNote.Groups["note"].Value.Trim();
        }

        var parsed = ParseValue(s, original, kind, satuan, scale);
        return parsed.Success && note is not null ? ParseResult<MeasuredValue>.Ok(parsed.Value! with { Note = note }) : parsed;
    }

    [GeneratedRegex(@"^(?<value>[^()]*\S)\s*\((?<note>[^()]*[^()\s][^()]*)\)$")]
    private static partial Regex TrailingNotePattern();

    private static ParseResult<MeasuredValue> ParseValue(string s, string original, TargetKind kind, string satuan, OrdinalScale? scale)
    {
        switch (kind)
        {
            case TargetKind.Number:
            case TargetKind.Zero:
                return ParseNumber(s, satuan, original);
            case TargetKind.Range:
            {
                var m = RangePattern().Match(s);
                if (!m.Success)
                {
                    // a realisasi against a range target is a single number
                    return ParseNumber(s, satuan, original);
                }

                var lo = IndonesianNumber.Parse(m.Groups["lo"].Value);
                var hi = IndonesianNumber.Parse(m.Groups["hi"].Value);
                if (!lo.Success)
                    return ParseResult<MeasuredValue>.Fail($"batas bawah rentang: {lo.Error}");
                if (!hi.Success)
                    return ParseResult<MeasuredValue>.Fail($"batas atas rentang: {hi.Error}");
                var percentRange = s.Contains('%', StringComparison.Ordinal) || IsPercentSatuan(satuan);
                if (percentRange && DotReadAsThousandsInPercent(m.Groups["lo"].Value, lo.Value) is { } lowDoubt)
                    return ParseResult<MeasuredValue>.Fail($"batas bawah rentang \"{original}\" {lowDoubt}");
                if (percentRange && DotReadAsThousandsInPercent(m.Groups["hi"].Value, hi.Value) is { } highDoubt)
                    return ParseResult<MeasuredValue>.Fail($"batas atas rentang \"{original}\" {highDoubt}");
                if (lo.Value > hi.Value)
                    return ParseResult<MeasuredValue>.Fail($"rentang \"{original}\": batas bawah lebih besar dari batas atas");
                return ParseResult<MeasuredValue>.Ok(new RangeValue(lo.Value, hi.Value, s.Contains('%')) { Original = original });
            }

            case TargetKind.Score:
            {
                var m = ScorePattern().Match(s);
                if (!m.Success)
                    return ParseResult<MeasuredValue>.Fail($"\"{original}\" bukan nilai skala; tulis misalnya \"3 dari 4\"");
                var score = IndonesianNumber.Parse(m.Groups["score"].Value);
                var max = IndonesianNumber.Parse(m.Groups["max"].Value);
                if (!score.Success)
                    return ParseResult<MeasuredValue>.Fail(score.Error!);
                if (!max.Success || max.Value <= 0)
                    return ParseResult<MeasuredValue>.Fail($"skala maksimum pada \"{original}\" tidak sah");
                if (score.Value > max.Value)
                    return ParseResult<MeasuredValue>.Fail($"nilai {m.Groups["score"].Value} melebihi skala maksimum {m.Groups["max"].Value}");
                return ParseResult<MeasuredValue>.Ok(new ScoreValue(score.Value, max.Value) { Original = original });
            }

            case TargetKind.Ordinal:
            {
                if (scale is null)
                    return ParseResult<MeasuredValue>.Fail("indikator ordinal tanpa skala ordinal (mis. OpiniBPK)");
                var grade = scale.Normalize(s);
                return grade is null
                    ? ParseResult<MeasuredValue>.Fail($"\"{original}\" bukan nilai pada skala {scale.Name} ({string.Join(", ", scale.GradesBestFirst)})")
                    : ParseResult<MeasuredValue>.Ok(new GradeValue(grade, scale) { Original = original });
            }

            default:
                return ParseResult<MeasuredValue>.Ok(new TextValue(s) { Original = original });
        }
    }

    private static ParseResult<MeasuredValue> ParseNumber(string s, string satuan, string original)
    {
        // "1e308" would otherwise read as 1 followed by the word "e308"
        if (IndonesianNumber.ScientificNotation(s) is { } scientific)
            return ParseResult<MeasuredValue>.Fail(scientific);
        // the number may be grouped with spaces ("1 762"), so it runs over every following token that
        // starts with a digit; whatever comes after it is kept and must name the satuan
        string body;
        bool percent;
        var trailing = "";
        if (IsPlainNumber(s))
        {
            // the usual value ("75,5%", "1.762"): the pattern's split, read off directly
            percent = s[^1] == '%';
            body = percent ? s[..^1] : s;
        }
        else
        {
            var m = NumberWithTrailingTextPattern().Match(s);
            if (!m.Success)
            {
                var refused = IndonesianNumber.Parse(s.TrimEnd('%').Trim());
                return ParseResult<MeasuredValue>.Fail(refused.Success ? $"\"{original}\" bukan angka" : refused.Error!);
            }

            body = m.Groups["number"].Value;
            percent = m.Groups["percent"].Success;
            trailing = m.Groups["rest"].Value.Trim();
        }

        if (trailing.Length > 0)
        {
            // a trailing unit word that repeats the satuan ("1.762 Orang", "86 Nilai Indeks") is allowed
            if (string.IsNullOrWhiteSpace(satuan))
                return ParseResult<MeasuredValue>.Fail($"\"{original}\": ada teks \"{trailing}\" setelah angka, padahal satuan indikator kosong; isi satuan indikator atau tulis angkanya saja{KindHint(trailing)}");
            if (!UnitWordMatches(trailing, satuan))
                return ParseResult<MeasuredValue>.Fail($"\"{original}\": teks \"{trailing}\" setelah angka bukan satuan indikator \"{satuan}\"{KindHint(trailing)}");
        }

        var number = IndonesianNumber.Parse(body);
        if (!number.Success)
            return ParseResult<MeasuredValue>.Fail(number.Error!);
        var isPercentUnit = IsPercentSatuan(satuan);
        if (percent && !isPercentUnit && !string.IsNullOrWhiteSpace(satuan))
            return ParseResult<MeasuredValue>.Fail($"\"{original}\" ditulis dalam persen, padahal satuan indikator \"{satuan}\"");
        if ((isPercentUnit || percent) && DotReadAsThousandsInPercent(body, number.Value) is { } doubt)
            return ParseResult<MeasuredValue>.Fail($"\"{original}\" {doubt}");
        if (!percent && IsCountSatuan(satuan) && CommaThousandsPattern().IsMatch(body.Trim()))
        {
            // "1,234 Orang" is 1,234 people by the Indonesian reading and 1.234 by the English one: both are plausible
            // for a typed target, and a fraction of a person is not, so neither reading is taken
            var asThousands = IndonesianNumber.FormatWhole(decimal.Parse(body.Trim().TrimStart('+').Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
            return ParseResult<MeasuredValue>.Fail($"\"{original}\" meragukan untuk satuan {satuan} (bilangan cacah): dibaca {IndonesianNumber.Format(number.Value, 3)} bila koma adalah desimal, atau {asThousands} bila koma adalah pemisah ribuan; tulis {asThousands} (atau {asThousands.Replace(".", "", StringComparison.Ordinal)}) untuk ribuan");
        }

        return ParseResult<MeasuredValue>.Ok(new NumberValue(number.Value, percent || isPercentUnit) { Original = original });
    }

    /// <summary>
    /// A sign, a digit, digits, dots and commas, and at most a final "%", with no spaces: what
    /// <see cref="NumberWithTrailingTextPattern"/> splits into the number and its percent sign with nothing after.
    /// </summary>
    private static bool IsPlainNumber(string s)
    {
        var end = s.Length > 0 && s[^1] == '%' ? s.Length - 1 : s.Length;
        var start = s.Length > 0 && s[0] is '-' or '+' or '\u2212' ? 1 : 0;
        if (start >= end || !char.IsAsciiDigit(s[start]))
            return false;
        for (var i = start + 1; i < end; i++)
        {
            if (!char.IsAsciiDigit(s[i]) && s[i] is not ('.' or ','))
                return false;
        }

        return true;
    }

    // "1.762%" reads as one thousand seven hundred percent: more likely a typo for 1,762; from 1.000 up
    private static string? DotReadAsThousandsInPercent(string written, decimal value) =>
        Math.Abs(value) >= 1000m && written.Contains('.', StringComparison.Ordinal) && !written.Contains(',', StringComparison.Ordinal)
            ? $"meragukan: titik dibaca sebagai pemisah ribuan sehingga menjadi {IndonesianNumber.FormatWhole(value)}%; tulis desimal dengan koma"
            : null;

    private static string KindHint(string trailing) =>
        RangeTailPattern().IsMatch(trailing)
            ? " (untuk rentang seperti \"56,40-59,32\" jenis target indikator harus Rentang)"
            : trailing.StartsWith("dari", StringComparison.OrdinalIgnoreCase)
                ? " (untuk nilai seperti \"3 dari 4\" jenis target indikator harus Skala)"
                : "";

    [GeneratedRegex(@"^(?<number>[-+\u2212]?\s*[0-9][0-9.,]*(?:[ \u00A0\u202F]+[0-9][0-9.,]*)*)\s*(?<percent>%)?(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex NumberWithTrailingTextPattern();

    [GeneratedRegex(@"^(?:-|–|—|s\.?d\.?|sampai)\s*[0-9]", RegexOptions.IgnoreCase)]
    private static partial Regex RangeTailPattern();

    /// <summary>A satuan counted in whole things (people, companies, documents, activities): a fraction of one is not a value.</summary>
    public static bool IsCountSatuan(string? satuan)
    {
        var s = satuan?.Trim().ToUpperInvariant() ?? "";
        return s is "ORANG" or "JIWA" or "PERUSAHAAN" or "DOKUMEN" or "KEGIATAN" or "LAPORAN" or "UNIT" or "BUAH" or "PAKET" or "LEMBAGA"
            or "DESA" or "KELURAHAN" or "KELOMPOK" or "PESERTA" or "KK" or "KELUARGA" or "RUMAH" or "SEKOLAH" or "LOKASI" or "TITIK" or "KALI" or "PERDA"
            or "REGULASI" or "KASUS" or "ORANG/TAHUN" or "PERSONIL" or "PEGAWAI" or "ASN" or "KOPERASI" or "UMKM" or "PRODUK" or "INOVASI" or "SERTIFIKAT";
    }

    // one comma followed by exactly three digits and nothing else: "1,234", "-12,500"
    [GeneratedRegex(@"^[-+\u2212]?[0-9]{1,3},[0-9]{3}$")]
    private static partial Regex CommaThousandsPattern();

    public static bool IsPercentSatuan(string? satuan)
    {
        var s = satuan?.Trim().ToUpperInvariant() ?? "";
        return s is "%" or "PERSEN" or "PERSENTASE" or "PRESENTASE" or "PROSENTASE";
    }

    private static bool UnitWordMatches(string unitWord, string satuan)
    {
        // an empty satuan names nothing, so no trailing word can repeat it
        if (string.IsNullOrWhiteSpace(satuan) || string.IsNullOrWhiteSpace(unitWord))
            return false;
        var a = unitWord.Trim().ToUpperInvariant();
        var b = satuan.Trim().ToUpperInvariant();
        return a == b || a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal) || (IsPercentSatuan(a) && IsPercentSatuan(b));
    }
}
