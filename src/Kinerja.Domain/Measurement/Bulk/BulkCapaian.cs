using Kinerja.Domain.Values;

namespace Kinerja.Domain.Measurement.Bulk;

/// <summary>The capaian rule of one row, broadcast from its indicator.</summary>
public enum BulkRule : byte
{
    HigherIsBetter = 0,

    /// <summary>Lower is better, method A: (2T - R) / T.</summary>
    LowerA = 1,

    /// <summary>Lower is better, method B: T / R.</summary>
    LowerB = 2,

    /// <summary>Zero target, lower is better: R = 0 gives 100, anything else 0.</summary>
    Zero = 3,
}

public enum BulkStatus : byte
{
    Computed = 0,
    NotAvailable = 1,
    NotComputable = 2,
}

/// <summary>
/// Capaian over columns of scaled integers, for national datasets (millions of values). Target and
/// realisasi of a row share one scale (e.g. hundredths), so their ratio is the ratio of the
/// integers. The result is the capaian in micro-percent (1e-6 %), truncated toward zero, computed
/// with integer arithmetic only: it is exact, and rounding it to at most 5 decimals for display
/// gives exactly what the decimal engine gives (a display boundary lies on the micro grid, so
/// truncation never moves a value across it). No allocation; one pass.
/// </summary>
public static class BulkCapaian
{
    /// <summary>Marks a missing or N/A realisasi in the realisasi column.</summary>
    public const long NotAvailable = long.MinValue;

    /// <summary>Micro-percent per percent.</summary>
    public const long MicroPerPercent = 1_000_000;

    // capaian = X / T x 100 in micro-percent = X x 1e8 / T
    private const long Multiplier = 100 * MicroPerPercent;

    // |X| up to this bound keeps X x 1e8 inside a long; larger values take the 128-bit path
    private const long FastLimit = long.MaxValue / Multiplier;

    /// <summary>
    /// Computes every row. capMicro is the agency cap in micro-percent (e.g. 120_000_000), or null.
    /// Returns the number of rows computed.
    /// </summary>
    public static int Compute(ReadOnlySpan<long> target, ReadOnlySpan<long> realisasi, ReadOnlySpan<BulkRule> rule, long? capMicro, Span<long> capaianMicro, Span<BulkStatus> status)
    {
        var n = target.Length;
        if (realisasi.Length != n || rule.Length != n || capaianMicro.Length < n || status.Length < n)
            throw new ArgumentException("kolom target, realisasi, aturan dan hasil harus sama panjang");
        var cap = capMicro ?? long.MaxValue;
        var computed = 0;
        for (var i = 0; i < n; i++)
        {
            var r = realisasi[i];
            if (r == NotAvailable)
            {
                status[i] = BulkStatus.NotAvailable;
                capaianMicro[i] = 0;
                continue;
            }

            var t = target[i];
            long numerator;
            long denominator;
            switch (rule[i])
            {
                case BulkRule.HigherIsBetter:
                    numerator = r;
                    denominator = t;
                    break;
                case BulkRule.LowerA:
                    numerator = 2 * t - r;
                    denominator = t;
                    break;
                case BulkRule.LowerB:
                    numerator = t;
                    denominator = r;
                    break;
                default:
                    status[i] = BulkStatus.Computed;
                    capaianMicro[i] = Math.Min(r <= 0 ? 100 * MicroPerPercent : 0, cap);
                    computed++;
                    continue;
            }

            if (denominator <= 0)
            {
                // a zero target under method A means "zero is the target"; otherwise nothing can be divided
                if (rule[i] == BulkRule.LowerA && t == 0)
                {
                    status[i] = BulkStatus.Computed;
                    capaianMicro[i] = Math.Min(r <= 0 ? 100 * MicroPerPercent : 0, cap);
                    computed++;
                }
                else
                {
                    status[i] = BulkStatus.NotComputable;
                    capaianMicro[i] = 0;
                }

                continue;
            }

            long value;
            if (numerator <= 0)
                value = 0; // the floor of docs/rules.md §4
            else if (numerator <= FastLimit)
                value = numerator * Multiplier / denominator;
            else
            {
                var wide = (UInt128)(ulong)numerator * (ulong)Multiplier / (ulong)denominator;
                value = wide > (UInt128)(ulong)long.MaxValue ? long.MaxValue : (long)(ulong)wide;
            }

            capaianMicro[i] = value < cap ? value : cap;
            status[i] = BulkStatus.Computed;
            computed++;
        }

        return computed;
    }

    /// <summary>Rounds a micro-percent capaian for display (decimals 0..5), exactly as the decimal engine does.</summary>
    public static decimal Round(long micro, int decimals, RoundingMode mode)
    {
        if (decimals is < 0 or > 5)
            throw new ArgumentOutOfRangeException(nameof(decimals), "0 sampai 5 desimal");
        return Rounding.Apply(micro / (decimal)MicroPerPercent, decimals, mode);
    }

    /// <summary>Scales a decimal to an integer at 10^scaleDigits; false when it does not fit exactly (the caller keeps the decimal path).</summary>
    public static bool TryScale(decimal value, int scaleDigits, out long scaled)
    {
        var factor = Pow10(scaleDigits);
        var product = value * factor;
        if (product != decimal.Truncate(product) || product > long.MaxValue || product < long.MinValue + 1)
        {
            scaled = 0;
            return false;
        }

        scaled = (long)product;
        return true;
    }

    private static decimal Pow10(int digits)
    {
        var result = 1m;
        for (var i = 0; i < digits; i++)
            result *= 10m;
        return result;
    }
}
