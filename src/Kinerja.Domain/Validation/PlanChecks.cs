using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Validation;

/// <summary>
/// A yearly target off the Renstra trajectory. The trajectory runs from the previous year's target to the
/// end-of-Renstra target and is taken to be monotone in the indicator's direction:
/// <list type="bullet">
/// <item>the target of the report year must not go beyond the end target (higher is better: not above it;
/// lower is better: not below it), because the Renstra end target is where the plan ends up
/// (003 IK-9: 1000 Orang in 2025 against 800 Orang at the end of the Renstra);</item>
/// <item>for stocks, rates and indices (period aggregation Akhir or RataRata) it must not fall behind the
/// previous year's target either (higher is better: not below it). Flows (Jumlah) are counted per year and
/// may rise and fall, so they are compared with the end target only.</item>
/// </list>
/// Only plain numbers are compared; ranges, grades and milestones are left alone. Equal values are on the
/// trajectory (a target held flat at 100% is fine).
/// </summary>
public sealed class RenstraTrajectoryCheck : IDatasetCheck
{
    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        var year = Period.OfYear(data.Profile.Year);
        foreach (var indicator in data.Indicators)
        {
            if (PeriodValues.TargetFor(data, indicator, year) is not NumberValue target)
                continue;
            var higher = indicator.Polarity == Polarity.HigherIsBetter;
            var code = $"{indicator.Code} {year}";
            if (data.TargetFor(indicator.Code, Period.RenstraEnd)?.Value is NumberValue end && Beyond(target.Value, end.Value, higher))
            {
                yield return new Finding(Severity.Warning, "target-di-luar-lintasan-renstra", "Target", code,
                    $"target {year} ({target.Original}) {(higher ? "melebihi" : "lebih rendah dari")} target akhir Renstra ({end.Original}); pada lintasan Renstra target tahunan {(higher ? "paling tinggi" : "paling rendah")} sama dengan target akhir, jadi target {year} atau target akhir Renstra perlu diperiksa");
            }

            if (indicator.Aggregation == PeriodAggregation.Sum || year.Year - 1 < 1945)
                continue;
            var previousPeriod = Period.OfYear(year.Year - 1);
            if (data.Profile.RenstraStart is { } start && previousPeriod.Year < start)
                continue;
            if (PeriodValues.TargetFor(data, indicator, previousPeriod) is NumberValue previous && Beyond(previous.Value, target.Value, higher))
            {
                yield return new Finding(Severity.Warning, "target-di-luar-lintasan-renstra", "Target", code,
                    $"target {year} ({target.Original}) {(higher ? "lebih rendah dari" : "lebih tinggi dari")} target {previousPeriod} ({previous.Original}); pada lintasan Renstra target tahunan semestinya di antara target tahun sebelumnya dan target akhir Renstra");
            }
        }
    }

    /// <summary>Whether <paramref name="value"/> lies beyond <paramref name="limit"/> in the indicator's good direction.</summary>
    private static bool Beyond(decimal value, decimal limit, bool higherIsBetter) => higherIsBetter ? value > limit : value < limit;
}

/// <summary>
/// A capaian above 150% or below 50% for the report period needs a written explanation: a narrative of kind
/// Analisis or Penghambat (and for a capaian above 150%, also Pendorong, the factors that drove it) on the
/// indicator or on its sasaran. The capaian is taken before any agency cap, since a cap hides the
/// over-achievement that needs explaining.
/// </summary>
public sealed class UnexplainedCapaianCheck : IDatasetCheck
{
    public const decimal High = 150m;
    public const decimal Low = 50m;

    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        var profile = data.Profile with { CapaianCap = null };
        var period = data.Profile.ReportPeriod;
        foreach (var indicator in data.Indicators)
        {
            var target = PeriodValues.TargetFor(data, indicator, period);
            var realisasi = PeriodValues.RealisasiFor(data, indicator, period);
            var capaian = CapaianCalculator.Compute(indicator, target, realisasi, profile);
            if (!capaian.HasValue || capaian.Value is >= Low and <= High)
                continue;
            var above = capaian.Value > High;
            string[] kinds = above ? ["Analisis", "Penghambat", "Pendorong"] : ["Analisis", "Penghambat"];
            var explained = data.Narratives.Any(n => (n.GoalCode == indicator.Code || n.GoalCode == indicator.GoalCode)
                                                     && kinds.Contains(n.Kind, StringComparer.OrdinalIgnoreCase)
                                                     && !string.IsNullOrWhiteSpace(n.Text));
            if (explained)
                continue;
            yield return new Finding(Severity.Warning, "capaian-ekstrem-tanpa-penjelasan", "Narasi", $"{indicator.Code} {period}",
                $"capaian {profile.FormatPercent(capaian.Value)} ({realisasi?.Value?.Original} dari target {target?.Original}) {(above ? "di atas 150%" : "di bawah 50%")} tanpa penjelasan; tambahkan narasi {string.Join("/", kinds)} untuk {indicator.Code} atau sasaran {indicator.GoalCode}");
        }
    }
}
