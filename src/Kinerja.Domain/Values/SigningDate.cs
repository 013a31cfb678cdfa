using System.Globalization;

namespace Kinerja.Domain.Values;

/// <summary>
/// The date a document is signed, as precise as the agency wrote it: "2 Januari 2025", or only the
/// month ("Januari 2024") as seed 000 prints its PK dates. Printed the Indonesian way.
/// </summary>
public readonly record struct SigningDate
{
    public static readonly IReadOnlyList<string> MonthNames =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private SigningDate(int year, int month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }

    /// <summary>1..12.</summary>
    public int Month { get; }

    /// <summary>Null when only the month was written.</summary>
    public int? Day { get; }

    public static SigningDate Of(int year, int month, int? day = null)
    {
        if (month is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(month), month, "bulan harus 1 sampai 12");
        if (day is { } d && (d < 1 || d > DateTime.DaysInMonth(year, month)))
            throw new ArgumentOutOfRangeException(nameof(day), day, "tanggal tidak ada pada bulan itu");
        return new SigningDate(year, month, day);
    }

    /// <summary>Accepts "2025-01-02", "2024-06", "2 Januari 2025", "Januari 2024" (month names in Bahasa Indonesia, any case).</summary>
    public static ParseResult<SigningDate> Parse(string? text)
    {
        const string expected = "tanggal ditulis 2025-01-02, 2024-06, \"2 Januari 2025\" atau \"Januari 2024\"";
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<SigningDate>.Fail("tanggal kosong");
        var s = text.Trim();
        var iso = s.Split('-');
        if (iso.Length is 2 or 3 && iso.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) && iso[0].Length == 4)
            return Make(Int(iso[0]), Int(iso[1]), iso.Length == 3 ? Int(iso[2]) : null, text);
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 2 or 3 && words[^1].Length == 4 && words[^1].All(char.IsAsciiDigit))
        {
            var month = MonthIndex(words[^2]);
            if (month is null)
                return ParseResult<SigningDate>.Fail($"nama bulan \"{words[^2]}\" tidak dikenal; {expected}");
            if (words.Length == 3 && !words[0].All(char.IsAsciiDigit))
                return ParseResult<SigningDate>.Fail($"\"{text}\": {expected}");
            return Make(Int(words[^1]), month.Value, words.Length == 3 ? Int(words[0]) : null, text);
        }

        return ParseResult<SigningDate>.Fail($"\"{text}\": {expected}");
    }

    private static ParseResult<SigningDate> Make(int year, int month, int? day, string text)
    {
        if (year is < 1945 or > 2200 || month is < 1 or > 12 || (day is { } d && (d < 1 || d > DateTime.DaysInMonth(year, month))))
            return ParseResult<SigningDate>.Fail($"\"{text}\" bukan tanggal yang ada");
        return ParseResult<SigningDate>.Ok(new SigningDate(year, month, day));
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int? MonthIndex(string name)
    {
        for (var i = 0; i < MonthNames.Count; i++)
        {
            if (string.Equals(MonthNames[i], name, StringComparison.OrdinalIgnoreCase))
                return i + 1;
        }

        return null;
    }

    /// <summary>"2 Januari 2025" or "Januari 2024".</summary>
    public override string ToString() =>
        (Day is { } d ? d.ToString(CultureInfo.InvariantCulture) + " " : "") + MonthNames[Month - 1] + " " + Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The ISO form the workbook stores: 2025-01-02 or 2024-01.</summary>
    public string ToIso() =>
        Year.ToString("0000", CultureInfo.InvariantCulture) + "-" + Month.ToString("00", CultureInfo.InvariantCulture) + (Day is { } d ? "-" + d.ToString("00", CultureInfo.InvariantCulture) : "");
}
