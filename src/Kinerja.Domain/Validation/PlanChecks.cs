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
/// A capaian far from 100% for the report period needs a written explanation: a narrative of kind Analisis or
/// Penghambat (and for a capaian above the range, also Pendorong, the factors that drove it) on the indicator or
/// on its sasaran. What counts as far depends on the kind of indicator (<see cref="Limits"/>): a count that
/// doubles its target happens (a job fair draws more visitors), an index or a score a fifth above its target
/// hardly ever does. The capaian is taken before any agency cap, since a cap hides the over-achievement that
/// needs explaining. All unexplained indicators are one finding, listed with their limit.
/// </summary>
public sealed class UnexplainedCapaianCheck : IDatasetCheck
{
    public const decimal High = 150m;
    public const decimal Low = 50m;

    /// <summary>
    /// The range of an unremarkable capaian for an indicator: counts and amounts summed over the year (period
    /// aggregation Jumlah) 50-200%; indices, scores and values (satuan Indeks, Nilai, Skor, Poin, or a score
    /// target) 80-120%, since their scale leaves little room; every other number (rates, shares) 50-150%.
    /// </summary>
    public static (decimal Low, decimal High, string Kind) Limits(Indicator indicator)
    {
        var satuan = indicator.Satuan.Trim();
        string[] scores = ["Indeks", "Nilai", "Skor", "Poin", "Level", "Predikat"];
        if (indicator.TargetKind == TargetKind.Score || scores.Any(w => satuan.StartsWith(w, StringComparison.OrdinalIgnoreCase)))
            return (80m, 120m, "indeks/nilai");
        if (indicator.Aggregation == PeriodAggregation.Sum)
            return (Low, 200m, "jumlah");
        return (Low, High, "persentase/rasio");
    }

    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        var profile = data.Profile with { CapaianCap = null };
        var period = data.Profile.ReportPeriod;
        var unexplained = new List<(Indicator Indicator, string Text)>();
        foreach (var indicator in data.Indicators)
        {
            // a zero target, a grade or a milestone is met or missed: 0% or 100% says nothing unusual
            if (indicator.TargetKind is TargetKind.Zero or TargetKind.Ordinal or TargetKind.Text)
                continue;
            var target = PeriodValues.TargetFor(data, indicator, period);
            var realisasi = PeriodValues.RealisasiFor(data, indicator, period);
            var capaian = CapaianCalculator.Compute(indicator, target, realisasi, profile);
            var (low, high, kind) = Limits(indicator);
            if (!capaian.HasValue || capaian.Value >= low && capaian.Value <= high)
                continue;
            var above = capaian.Value > high;
            string[] kinds = above ? ["Analisis", "Penghambat", "Pendorong"] : ["Analisis", "Penghambat"];
            var explained = data.Narratives.Any(n => (n.GoalCode == indicator.Code || n.GoalCode == indicator.GoalCode)
                                                     && kinds.Contains(n.Kind, StringComparer.OrdinalIgnoreCase)
                                                     && !string.IsNullOrWhiteSpace(n.Text));
            if (explained)
                continue;
            unexplained.Add((indicator, $"{indicator.Code} {profile.FormatPercent(capaian.Value)} ({realisasi?.Value?.Original} dari target {target?.Original}; {(above ? "di atas" : "di bawah")} {IndonesianNumber.FormatWhole(above ? high : low)}% untuk {kind})"));
        }

        if (unexplained.Count == 0)
            yield break;
        yield return new Finding(Severity.Warning, "capaian-ekstrem-tanpa-penjelasan", "Narasi", UncomputedCapaianCheck.Listed(unexplained.Select(u => u.Indicator.Code).ToList(), period),
            $"{unexplained.Count} indikator dengan capaian jauh dari 100% belum dijelaskan: {string.Join("; ", unexplained.Select(u => u.Text))}; tambahkan narasi Analisis atau Penghambat (di atas batas: juga Pendorong) untuk indikator itu atau sasarannya");
    }
}
