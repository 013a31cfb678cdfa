using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Measurement.Bulk;

/// <summary>One row of a bulk computation: an indicator with the target and realisasi that count for the period.</summary>
public readonly record struct CapaianInput(Indicator Indicator, MeasuredValue? Target, Realisasi? Realisasi);

/// <summary>
/// Builds the integer columns <see cref="BulkCapaian"/> needs from model rows, and computes them.
/// A plain-number row is scaled by 10^k, k being the decimals it was written with (both target and
/// realisasi of a row share k, so their ratio is unchanged); rows that are ranges, grades, scores or
/// text, or whose numbers do not fit a long at that scale, are computed by the decimal engine
/// instead. Either way the displayed capaian is the same.
/// </summary>
public sealed class CapaianColumns
{
    private const int MaxScaleDigits = 6;

    private CapaianColumns(int count)
    {
        Target = new long[count];
        Realisasi = new long[count];
        Rules = new BulkRule[count];
        Micro = new long[count];
        Status = new BulkStatus[count];
        Fallback = new Capaian?[count];
    }

    public long[] Target { get; }

    public long[] Realisasi { get; }

    public BulkRule[] Rules { get; }

    /// <summary>Capaian in micro-percent, truncated; meaningful where <see cref="Status"/> is Computed and no fallback was used.</summary>
    public long[] Micro { get; }

    public BulkStatus[] Status { get; }

    /// <summary>Rows the decimal engine computed (non-numeric kinds, values beyond the integer range).</summary>
    public Capaian?[] Fallback { get; }

    public int FallbackCount => Fallback.Count(f => f is not null);

    public static CapaianColumns Compute(IReadOnlyList<CapaianInput> rows, AgencyProfile profile)
    {
        var columns = new CapaianColumns(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (indicator, target, realisasi) = rows[i];
            if (realisasi is null || realisasi.IsNotAvailable || target is null)
            {
                // N/A and missing rows keep the decimal engine's reason
                columns.Fallback[i] = CapaianCalculator.Compute(indicator, target, realisasi, profile);
                continue;
            }

            if (!TryRow(indicator, target, realisasi.Value!, profile, out var t, out var r, out var rule))
            {
                columns.Fallback[i] = CapaianCalculator.Compute(indicator, target, realisasi, profile);
                continue;
            }

            columns.Target[i] = t;
            columns.Realisasi[i] = r;
            columns.Rules[i] = rule;
        }

        long? cap = profile.CapaianCap is { } c && BulkCapaian.TryScale(c, 6, out var capMicro) ? capMicro : null;
        BulkCapaian.Compute(columns.Target, columns.Realisasi, columns.Rules, cap, columns.Micro, columns.Status);
        return columns;
    }

    /// <summary>The capaian of row i as the profile displays it ("98,19%", "N/A", "-").</summary>
    public string Display(int i, AgencyProfile profile)
    {
        if (Fallback[i] is { } decimalResult)
            return CapaianDisplay.Text(profile, decimalResult);
        return Status[i] == BulkStatus.Computed
            ? IndonesianNumber.Format(BulkCapaian.Round(Micro[i], profile.Decimals, profile.Rounding), profile.Decimals) + "%"
            : "-";
    }

    private static bool TryRow(Indicator indicator, MeasuredValue target, MeasuredValue realisasi, AgencyProfile profile, out long t, out long r, out BulkRule rule)
    {
        t = r = 0;
        rule = BulkRule.HigherIsBetter;
        if (target is not NumberValue tn || realisasi is not NumberValue rn || indicator.TargetKind is not (TargetKind.Number or TargetKind.Zero))
            return false;
        var digits = Math.Max(Scale(tn.Value), Scale(rn.Value));
        if (digits > MaxScaleDigits || !BulkCapaian.TryScale(tn.Value, digits, out t) || !BulkCapaian.TryScale(rn.Value, digits, out r))
            return false;
        if (t < 0 || r < 0 || t > BulkLimit || r > BulkLimit)
            return false;
        // a zero target met by more (higher is better) is left to the decimal engine's rule
        if (t == 0 && indicator.TargetKind == TargetKind.Zero && indicator.Polarity == Polarity.HigherIsBetter)
            return false;
        var method = indicator.LowerMethod ?? profile.LowerIsBetterMethod;
        rule = t == 0 && (indicator.TargetKind == TargetKind.Zero || indicator.Polarity == Polarity.LowerIsBetter) ? BulkRule.Zero
            : indicator.Polarity == Polarity.HigherIsBetter ? BulkRule.HigherIsBetter
            : method == LowerIsBetterMethod.A ? BulkRule.LowerA : BulkRule.LowerB;
        return true;
    }

    // 2T - R must not overflow for method A
    private const long BulkLimit = long.MaxValue / 4;

    private static int Scale(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;
}
