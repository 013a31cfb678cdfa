namespace Kinerja.Domain.Values;

/// <summary>A reporting period: a year ("2024"), a quarter of a year ("2026-TW1"), or the end of the Renstra ("Renstra").</summary>
public readonly record struct Period : IComparable<Period>
{
    private Period(int year, int quarter, bool renstraEnd)
    {
        Year = year;
        Quarter = quarter;
        IsRenstraEnd = renstraEnd;
    }

    public int Year { get; }

    /// <summary>1..4 for a quarter (triwulan); 0 for a whole year.</summary>
    public int Quarter { get; }

    public bool IsRenstraEnd { get; }

    public bool IsQuarter => Quarter > 0;

    public bool IsYear => Quarter == 0 && !IsRenstraEnd;

    public static Period RenstraEnd { get; } = new(0, 0, true);

    public static Period OfYear(int year) =>
        year is >= 1945 and <= 2200 ? new(year, 0, false) : throw new ArgumentOutOfRangeException(nameof(year), year, "tahun tidak wajar");

    public static Period OfQuarter(int year, int quarter) =>
        quarter is >= 1 and <= 4 ? new(OfYear(year).Year, quarter, false) : throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "triwulan harus 1 sampai 4");

    public Period YearPeriod => IsQuarter ? OfYear(Year) : this;

    /// <summary>Accepts "2024", "2026-TW1" (also "TW I 2026", "2026-Q1"), "Renstra".</summary>
    public static ParseResult<Period> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<Period>.Fail("periode kosong");
        var s = text.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (s is "RENSTRA" or "AKHIRRENSTRA")
            return ParseResult<Period>.Ok(RenstraEnd);
        if (s.Length == 4 && int.TryParse(s, out var y) && y is >= 1945 and <= 2200)
            return ParseResult<Period>.Ok(OfYear(y));
        // 2026-TW1, 2026TW1, 2026-Q1
        foreach (var sep in new[] { "-TW", "TW", "-Q", "Q" })
        {
            var i = s.IndexOf(sep, StringComparison.Ordinal);
            if (i == 4 && int.TryParse(s[..4], out var year) && year is >= 1945 and <= 2200)
            {
                var q = QuarterNumber(s[(i + sep.Length)..]);
                if (q > 0)
                    return ParseResult<Period>.Ok(OfQuarter(year, q));
            }
        }

        // TWI2026, TW1-2026
        if (s.StartsWith("TW", StringComparison.Ordinal) && s.Length > 6 && int.TryParse(s[^4..], out var y2) && y2 is >= 1945 and <= 2200)
        {
            var q = QuarterNumber(s[2..^4].TrimEnd('-'));
            if (q > 0)
                return ParseResult<Period>.Ok(OfQuarter(y2, q));
        }

        return ParseResult<Period>.Fail($"periode \"{text}\" tidak dikenal; tulis 2024, 2026-TW1 atau Renstra");
    }

    private static int QuarterNumber(string s) => s switch
    {
        "1" or "I" => 1,
        "2" or "II" => 2,
        "3" or "III" => 3,
        "4" or "IV" => 4,
        _ => 0,
    };

    public override string ToString() => IsRenstraEnd ? "Renstra" : IsQuarter ? $"{Year}-TW{Quarter}" : Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Indonesian label for documents: "2024", "Triwulan I 2026", "Akhir Renstra".</summary>
    public string Label => IsRenstraEnd ? "Akhir Renstra" : IsQuarter ? $"Triwulan {Roman(Quarter)} {Year}" : Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => "" };

    public int CompareTo(Period other)
    {
        if (IsRenstraEnd || other.IsRenstraEnd)
            return IsRenstraEnd.CompareTo(other.IsRenstraEnd);
        var byYear = Year.CompareTo(other.Year);
        if (byYear != 0)
            return byYear;
        // a whole year sorts after its quarters: it closes them
        return (Quarter == 0 ? 5 : Quarter).CompareTo(other.Quarter == 0 ? 5 : other.Quarter);
    }

    public static bool operator <(Period a, Period b) => a.CompareTo(b) < 0;

    public static bool operator >(Period a, Period b) => a.CompareTo(b) > 0;

    public static bool operator <=(Period a, Period b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Period a, Period b) => a.CompareTo(b) >= 0;
}
