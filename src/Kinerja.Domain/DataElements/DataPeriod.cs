using System.Globalization;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.DataElements;

/// <summary>How often a data element is collected. Ordered from fine to coarse.</summary>
public enum DataPeriodType
{
    /// <summary>A week of a month ("Minggu II Maret"), as labour offices tabulate them (002 Tabel 3.3), not an ISO week.</summary>
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary>
/// The period of a count: a year ("2021"), a quarter ("2021-TW1"), a month ("2021-03") or a week
/// of a month ("2021-03-W2"). Weeks belong to their month, so every finer period lies inside
/// exactly one coarser one and sums over time never straddle a boundary.
/// </summary>
public readonly record struct DataPeriod : IComparable<DataPeriod>
{
    public const int MaxWeeksInMonth = 5;

    private DataPeriod(DataPeriodType type, int year, int month, int quarter, int week)
    {
        Type = type;
        Year = year;
        Month = month;
        Quarter = quarter;
        Week = week;
    }

    public DataPeriodType Type { get; }

    public int Year { get; }

    /// <summary>1..12 for weeks and months, 0 otherwise.</summary>
    public int Month { get; }

    /// <summary>1..4 for weeks, months and quarters, 0 for a year.</summary>
    public int Quarter { get; }

    /// <summary>1..5 (week of the month) for weeks, 0 otherwise.</summary>
    public int Week { get; }

    public static DataPeriod OfYear(int year) => new(DataPeriodType.Year, CheckYear(year), 0, 0, 0);

    public static DataPeriod OfQuarter(int year, int quarter) =>
        quarter is >= 1 and <= 4 ? new(DataPeriodType.Quarter, CheckYear(year), 0, quarter, 0) : throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "triwulan harus 1 sampai 4");

    public static DataPeriod OfMonth(int year, int month) =>
        month is >= 1 and <= 12 ? new(DataPeriodType.Month, CheckYear(year), month, (month + 2) / 3, 0) : throw new ArgumentOutOfRangeException(nameof(month), month, "bulan harus 1 sampai 12");

    public static DataPeriod OfWeek(int year, int month, int week) =>
        week is >= 1 and <= MaxWeeksInMonth ? new(DataPeriodType.Week, CheckYear(year), OfMonth(year, month).Month, (month + 2) / 3, week) : throw new ArgumentOutOfRangeException(nameof(week), week, "minggu harus 1 sampai 5");

    private static int CheckYear(int year) => year is >= 1945 and <= 2200 ? year : throw new ArgumentOutOfRangeException(nameof(year), year, "tahun tidak wajar");

    /// <summary>The year or quarter of the reporting engine as a data period.</summary>
    public static DataPeriod From(Period period) =>
        period.IsRenstraEnd ? throw new ArgumentException("periode Renstra bukan periode data", nameof(period))
        : period.IsQuarter ? OfQuarter(period.Year, period.Quarter) : OfYear(period.Year);

    /// <summary>True when this period lies inside <paramref name="other"/> (or is it).</summary>
    public bool IsWithin(DataPeriod other) => other.Type switch
    {
        _ when Type > other.Type => false,
        DataPeriodType.Year => Year == other.Year,
        DataPeriodType.Quarter => Year == other.Year && Quarter == other.Quarter,
        DataPeriodType.Month => Year == other.Year && Month == other.Month,
        _ => this == other,
    };

    /// <summary>The periods of a finer type that make up this one, in time order (weeks: five per month).</summary>
    public IEnumerable<DataPeriod> Split(DataPeriodType finer)
    {
        if (finer > Type)
            yield break;
        if (finer == Type)
        {
            yield return this;
            yield break;
        }

        var (first, last) = Type switch
        {
            DataPeriodType.Year => (1, 12),
            DataPeriodType.Quarter => (Quarter * 3 - 2, Quarter * 3),
            _ => (Month, Month),
        };
        if (finer == DataPeriodType.Quarter)
        {
            for (var q = 1; q <= 4; q++)
                yield return OfQuarter(Year, q);
            yield break;
        }

        for (var m = first; m <= last; m++)
        {
            if (finer == DataPeriodType.Month)
            {
                yield return OfMonth(Year, m);
                continue;
            }

            for (var w = 1; w <= MaxWeeksInMonth; w++)
                yield return OfWeek(Year, m, w);
        }
    }

    /// <summary>Accepts "2021", "2021-TW1" (also "2021-Q1"), "2021-03", "2021-03-W2" (also "2021-03-M2": minggu ke-2).</summary>
    public static ParseResult<DataPeriod> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<DataPeriod>.Fail("periode kosong");
        var s = text.Trim().ToUpperInvariant();
        var parts = s.Split('-');
        if (parts.Length == 3 && Int(parts[0]) is { } y3 && Int(parts[1]) is { } m3 && parts[2].Length == 2 && parts[2][0] is 'W' or 'M' && Int(parts[2][1..]) is { } w
            && ValidYear(y3) && m3 is >= 1 and <= 12 && w is >= 1 and <= MaxWeeksInMonth)
            return ParseResult<DataPeriod>.Ok(OfWeek(y3, m3, w));
        if (parts.Length == 2 && Int(parts[0]) is { } y2 && ValidYear(y2))
        {
            if (parts[1].Length == 2 && Int(parts[1]) is { } m2 && m2 is >= 1 and <= 12)
                return ParseResult<DataPeriod>.Ok(OfMonth(y2, m2));
            var q = parts[1].StartsWith("TW", StringComparison.Ordinal) ? parts[1][2..] : parts[1].StartsWith('Q') ? parts[1][1..] : null;
            if (q is not null && Int(q) is { } quarter && quarter is >= 1 and <= 4)
                return ParseResult<DataPeriod>.Ok(OfQuarter(y2, quarter));
        }

        if (parts.Length == 1 && s.Length == 4 && Int(s) is { } y && ValidYear(y))
            return ParseResult<DataPeriod>.Ok(OfYear(y));
        return ParseResult<DataPeriod>.Fail($"periode data \"{text}\" tidak dikenal; tulis 2021, 2021-TW1, 2021-03 atau 2021-03-W2");
    }

    private static bool ValidYear(int year) => year is >= 1945 and <= 2200;

    private static int? Int(string s) => s.Length > 0 && s.All(char.IsAsciiDigit) && s.Length <= 4 ? int.Parse(s, CultureInfo.InvariantCulture) : null;

    public override string ToString() => Type switch
    {
        DataPeriodType.Year => Year.ToString(CultureInfo.InvariantCulture),
        DataPeriodType.Quarter => $"{Year}-TW{Quarter}",
        DataPeriodType.Month => $"{Year}-{Month:00}",
        _ => $"{Year}-{Month:00}-W{Week}",
    };

    private static readonly string[] MonthNames = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    /// <summary>"Minggu II Maret 2021", "Maret 2021", "Triwulan I 2021", "2021".</summary>
    public string Label => Type switch
    {
        DataPeriodType.Year => Year.ToString(CultureInfo.InvariantCulture),
        DataPeriodType.Quarter => $"Triwulan {Period.Roman(Quarter)} {Year}",
        DataPeriodType.Month => $"{MonthNames[Month - 1]} {Year}",
        _ => $"Minggu {WeekRoman(Week)} {MonthNames[Month - 1]} {Year}",
    };

    private static string WeekRoman(int week) => week == 5 ? "V" : Period.Roman(week);

    /// <summary>Time order; a coarser period sorts after the finer ones it closes.</summary>
    public int CompareTo(DataPeriod other)
    {
        var c = Year.CompareTo(other.Year);
        if (c != 0)
            return c;
        c = EndMonth.CompareTo(other.EndMonth);
        if (c != 0)
            return c;
        c = (Type == DataPeriodType.Week ? Week : 9).CompareTo(other.Type == DataPeriodType.Week ? other.Week : 9);
        return c != 0 ? c : Type.CompareTo(other.Type);
    }

    private int EndMonth => Type switch
    {
        DataPeriodType.Year => 12,
        DataPeriodType.Quarter => Quarter * 3,
        _ => Month,
    };

    public static bool operator <(DataPeriod a, DataPeriod b) => a.CompareTo(b) < 0;

    public static bool operator >(DataPeriod a, DataPeriod b) => a.CompareTo(b) > 0;

    public static bool operator <=(DataPeriod a, DataPeriod b) => a.CompareTo(b) <= 0;

    public static bool operator >=(DataPeriod a, DataPeriod b) => a.CompareTo(b) >= 0;
}
