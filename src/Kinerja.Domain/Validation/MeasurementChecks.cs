using Kinerja.Domain.Formulas;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Validation;

/// <summary>
/// A printed capaian that the engine does not reproduce (docs/rules.md §10; Banjar Tabel 3.3). It judges the
/// capaian of the measured dataset (<see cref="Measure.Prepare"/>), the same figures <c>compute</c> shows:
/// with counts, against the realisasi computed from them. A figure that neither rounding mode reproduces is
/// an error, except where the gap is only the rounding of the realisasi, which is a warning that says so:
/// <list type="bullet">
/// <item>the realisasi comes from counts and the printed capaian is what the rounded realisasi as typed gives
/// (Banjar IK-1: 882 / 1.762 = 50,0567% gives 131,73%; the report divided the rounded 50,05 and printed 131,71);</item>
/// <item>the realisasi is typed with two or more decimals and an unrounded realisasi that displays as that figure
/// gives the printed capaian (Kemenko IKU-1.3: 34,79% gives 103,33%, the unrounded 34,7865% gives the printed
/// 103,32%): enter the counts to settle it.</item>
/// </list>
/// </summary>
public sealed class PrintedCapaianCheck : IDatasetCheck
{
    public const string Rule = "capaian-tercetak";

    public IEnumerable<Finding> Check(PerformanceDataset data) => Check(data, Measure.Prepare(data));

    /// <summary>The findings for the printed capaian of <paramref name="typed"/>, judged against <paramref name="measured"/>; only <paramref name="period"/> when given.</summary>
    public static IEnumerable<Finding> Check(PerformanceDataset typed, PerformanceDataset measured, Period? period = null)
    {
        var profile = measured.Profile;
        var unverifiable = new List<string>();
        var indicators = measured.Indicators.GroupBy(i => i.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var printedRow in measured.Realisasi.Where(r => r.PrintedCapaian is not null && (period is null || r.Period == period)))
        {
            if (!indicators.TryGetValue(printedRow.IndicatorCode, out var indicator))
                continue;
            var at = printedRow.Period;
            var where = $"{indicator.Code} {at}";
            var target = PeriodValues.TargetFor(measured, indicator, at);
            var realisasi = PeriodValues.RealisasiFor(measured, indicator, at);
            var capaian = CapaianCalculator.Compute(indicator, target, realisasi, profile);
            if (capaian.Status == CapaianStatus.NoTarget)
            {
                // earlier years often arrive without their targets: the printed figure cannot be verified, which is not an error
                unverifiable.Add(where);
                continue;
            }

            var printedText = printedRow.PrintedCapaian!;
            var (check, printed) = PerformanceCalculator.CheckPrinted(printedText, capaian);
            if (check == PrintedCheck.Mismatch)
            {
                yield return Mismatch(typed, indicator, at, target, realisasi, capaian, printedText, printed, profile);
            }
            else if (check == PrintedCheck.Unreadable)
            {
                yield return new Finding(Severity.Warning, Rule, "Realisasi", where, $"capaian tercetak \"{printedText}\" tidak terbaca sebagai persen");
            }
            else if ((check == PrintedCheck.MatchesTruncate && profile.Rounding == RoundingMode.HalfUp) || (check == PrintedCheck.MatchesHalfUp && profile.Rounding == RoundingMode.Truncate && printed != Rounding.Apply(capaian.Value, 2, RoundingMode.Truncate)))
            {
                yield return new Finding(Severity.Info, "pembulatan", "Realisasi", where,
                    $"capaian tercetak {printedText} memakai pembulatan yang berbeda dari pengaturan instansi ({(profile.Rounding == RoundingMode.HalfUp ? "setengah ke atas" : "dipotong")}); hasil hitung {profile.FormatPercent(capaian.Value)}");
            }
        }

        if (unverifiable.Count > 0)
        {
            yield return new Finding(Severity.Info, Rule, "Realisasi", string.Join(", ", unverifiable.Take(3)) + (unverifiable.Count > 3 ? ", ..." : ""),
                $"{unverifiable.Count} capaian tercetak tidak dapat diperiksa karena target periodenya belum diisi: {string.Join(", ", unverifiable)}");
        }
    }

    private static Finding Mismatch(PerformanceDataset typed, Indicator indicator, Period at, MeasuredValue? target, Realisasi? realisasi, Capaian capaian, string printedText, decimal? printed, AgencyProfile profile)
    {
        var where = $"{indicator.Code} {at}";
        var shown = realisasi?.Value?.Original ?? "N/A";
        if (!capaian.HasValue || printed is null)
        {
            var should = capaian.HasValue ? profile.FormatPercent(capaian.Value) : "tidak dapat dihitung (" + capaian.Reason + ")";
            return new Finding(Severity.Error, Rule, "Realisasi", where,
                $"capaian tercetak {printedText} tidak dapat dihasilkan dari target {target?.Original ?? "-"} dan realisasi {shown}; seharusnya {should}");
        }

        var computed = profile.FormatPercent(capaian.Value);
        var fromCounts = realisasi?.Note?.StartsWith(FormulaRealisasi.NotePrefix, StringComparison.Ordinal) == true;
        if (fromCounts && PeriodValues.RealisasiFor(typed, indicator, at) is { Value: { } typedValue } typedRealisasi)
        {
            var fromTyped = CapaianCalculator.Compute(indicator, target, typedRealisasi, profile);
            if (PerformanceCalculator.CheckPrinted(printedText, fromTyped).Check is PrintedCheck.MatchesHalfUp or PrintedCheck.MatchesTruncate)
            {
                return new Finding(Severity.Warning, Rule, "Realisasi", where,
                    $"capaian tercetak {printedText} dihitung dari realisasi yang sudah dibulatkan {typedValue.Original}; realisasi dari data {Exact(realisasi!.Value!)} memberi capaian {computed} (hitung dengan presisi penuh, bulatkan hanya saat ditampilkan)");
            }
        }

        if (!fromCounts && UnroundedReach(indicator, target, realisasi, profile) is { } reach && Overlaps(reach, printed.Value, DecimalsOf(printed.Value)))
        {
            return new Finding(Severity.Warning, Rule, "Realisasi", where,
                $"capaian tercetak {printedText} tidak dapat dihasilkan dari realisasi tertulis {shown} (memberi {computed}), tetapi dapat dihasilkan dari realisasi sebelum dibulatkan; isi data hitungnya (NilaiData atau --data) agar dapat dipastikan");
        }

        return new Finding(Severity.Error, Rule, "Realisasi", where,
            $"capaian tercetak {printedText} tidak dapat dihasilkan dari target {target?.Original ?? "-"} dan realisasi {shown}; seharusnya {computed}");
    }

    /// <summary>
    /// The capaian reached by every realisasi that displays as the typed one (half-up or truncated), for a
    /// number typed with two or more decimals; null otherwise (a count or a whole percent is taken as exact).
    /// </summary>
    private static (decimal Low, decimal High)? UnroundedReach(Indicator indicator, MeasuredValue? target, Realisasi? realisasi, AgencyProfile profile)
    {
        if (target is null || realisasi?.Value is not NumberValue number)
            return null;
        var decimals = DecimalsOf(number.Value);
        if (decimals < 2)
            return null;
        var unit = Step(decimals);
        var low = CapaianCalculator.Compute(indicator, target, number with { Value = number.Value - unit / 2 }, profile);
        var high = CapaianCalculator.Compute(indicator, target, number with { Value = number.Value + unit }, profile);
        if (!low.HasValue || !high.HasValue)
            return null;
        return (Math.Min(low.Value, high.Value), Math.Max(low.Value, high.Value));
    }

    /// <summary>Whether some capaian in <paramref name="reach"/> prints as <paramref name="printed"/> under either rounding mode.</summary>
    private static bool Overlaps((decimal Low, decimal High) reach, decimal printed, int decimals)
    {
        var unit = Step(decimals);
        return reach.High >= printed - unit / 2 && reach.Low < printed + unit;
    }

    private static decimal Step(int decimals)
    {
        var step = 1m;
        for (var i = 0; i < decimals; i++)
            step /= 10m;
        return step;
    }

    private static int DecimalsOf(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    private static string Exact(MeasuredValue value) =>
        value is NumberValue n ? IndonesianNumber.Format(n.Value, 4, RoundingMode.HalfUp, trimZeroDecimals: true) + (n.Percent ? "%" : "") : value.Original;
}

/// <summary>
/// An indicator of the report period whose capaian cannot be computed is never silently left out of its
/// sasaran mean (docs/rules.md §5): target 0 on a higher-is-better indicator without target kind Nol, method B
/// with realisasi 0, a score on another scale ("4 dari 5" against "3 dari 4"), a realisasi of another shape
/// than the target are errors; a target without realisasi, or an indicator with neither, a warning. An N/A
/// realisasi with its reason is not a finding: docs/rules.md §3 excludes it from the mean on purpose. The table
/// shows such rows with "-" and the reason in its notes.
/// </summary>
public sealed class UncomputedCapaianCheck : IDatasetCheck
{
    public const string Rule = "capaian-tidak-dihitung";

    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        var result = Measure.Compute(data);
        foreach (var row in result.Indicators)
        {
            var where = $"{row.Indicator.Code} {result.Period}";
            var goal = $"rata-rata sasaran {string.Join(", ", row.Indicator.GoalCodes)}";
            switch (row.Capaian.Status)
            {
                case CapaianStatus.NotComputable:
                    yield return new Finding(Severity.Error, Rule, "Realisasi", where, $"capaian tidak dapat dihitung: {row.Capaian.Reason}; indikator ini tidak ikut {goal}");
                    break;
                case CapaianStatus.NoRealisasi:
                    yield return new Finding(Severity.Warning, Rule, "Realisasi", where, $"target {row.Target?.Original} sudah ditetapkan tetapi realisasi {result.Period.Label} belum diisi; indikator ini tidak ikut {goal} (isi N/A dengan alasannya bila memang belum dapat diukur)");
                    break;
                case CapaianStatus.NoTarget when row.Realisasi is null:
                    yield return new Finding(Severity.Warning, Rule, "Target", where, $"target dan realisasi {result.Period.Label} belum diisi; indikator ini tidak ikut {goal}");
                    break;
            }
        }
    }
}

/// <summary>Targets and realisasi that do not fit together (issue 5 list).</summary>
public sealed class TargetChecks : IDatasetCheck
{
    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        foreach (var indicator in data.Indicators)
        {
            // realisasi without a target for its period
            foreach (var realisasi in data.RealisasiOf(indicator.Code).Where(r => !r.IsNotAvailable && r.Period.Year == data.Profile.Year))
            {
                if (PeriodValues.TargetFor(data, indicator, realisasi.Period) is null)
                    yield return new Finding(Severity.Warning, "realisasi-tanpa-target", "Realisasi", $"{indicator.Code} {realisasi.Period}", "realisasi diisi tetapi target periode ini belum ditetapkan");
            }

            // cumulative quarterly targets must not decrease for flows and higher-is-better stocks
            var quarterly = data.TargetsOf(indicator.Code).Where(t => t.Period.IsQuarter && t.Cumulative && t.Value is NumberValue).OrderBy(t => t.Period).ToList();
            for (var i = 1; i < quarterly.Count; i++)
            {
                var before = ((NumberValue)quarterly[i - 1].Value).Value;
                var now = ((NumberValue)quarterly[i].Value).Value;
                if (quarterly[i].Period.Year == quarterly[i - 1].Period.Year && indicator.Polarity == Polarity.HigherIsBetter && now < before)
                    yield return new Finding(Severity.Error, "target-kumulatif-menurun", "Target", $"{indicator.Code} {quarterly[i].Period}",
                        $"target kumulatif s.d. {quarterly[i].Period.Label} ({quarterly[i].Value.Original}) lebih kecil dari s.d. {quarterly[i - 1].Period.Label} ({quarterly[i - 1].Value.Original})");
            }

            if (string.IsNullOrWhiteSpace(indicator.OwnerUnitCode))
                yield return new Finding(Severity.Info, "indikator-tanpa-penanggung-jawab", "Indikator", indicator.Code, "indikator belum punya penanggung jawab (kolom Penanggung Jawab)");
        }
    }
}
