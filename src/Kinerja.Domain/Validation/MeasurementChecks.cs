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
/// than the target are errors, one per indicator; targets without realisasi, and indicators with neither, are
/// each one summarised warning listing the indicators (a PK of 24 indicators in January has 24 of them: one
/// line says so, 24 lines would bury the rest). An N/A realisasi with its reason is not a finding: docs/rules.md §3
/// excludes it from the mean on purpose. The table shows such rows with "-" and the reason in its notes.
/// </summary>
public sealed class UncomputedCapaianCheck : IDatasetCheck
{
    public const string Rule = "capaian-tidak-dihitung";

    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        var result = Measure.Compute(data);
        var withoutRealisasi = new List<string>();
        var withNeither = new List<string>();
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
                    withoutRealisasi.Add($"{row.Indicator.Code} (target {row.Target?.Original})");
                    break;
                case CapaianStatus.NoTarget when row.Realisasi is null:
                    withNeither.Add(row.Indicator.Code);
                    break;
            }
        }

        if (withoutRealisasi.Count > 0)
        {
            yield return new Finding(Severity.Warning, Rule, "Realisasi", Listed(withoutRealisasi.Select(w => w.Split(' ')[0]).ToList(), result.Period),
                $"{withoutRealisasi.Count} indikator sudah bertarget tetapi realisasi {result.Period.Label} belum diisi, sehingga tidak ikut rata-rata sasarannya: {string.Join(", ", withoutRealisasi)}; isi realisasinya, atau N/A dengan alasannya bila memang belum dapat diukur");
        }

        if (withNeither.Count > 0)
        {
            yield return new Finding(Severity.Warning, Rule, "Target", Listed(withNeither, result.Period),
                $"{withNeither.Count} indikator belum punya target dan realisasi {result.Period.Label}, sehingga tidak ikut rata-rata sasarannya: {string.Join(", ", withNeither)}");
        }
    }

    /// <summary>"IK-1, IK-2, IK-3, ... 2025": the first codes of a summarised finding, for its place.</summary>
    internal static string Listed(IReadOnlyList<string> codes, Period period) =>
        string.Join(", ", codes.Take(3)) + (codes.Count > 3 ? ", ..." : "") + " " + period;
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

            // cumulative quarterly targets must not decrease for flows and higher-is-better stocks, within one document:
            // a PK Perubahan that lowers the TW III target below the awal's TW II target changes the plan, it is not a fault
            var quarterly = data.TargetsOf(indicator.Code).Where(t => t.Period.IsQuarter && t.Cumulative && t.Value is NumberValue)
                .GroupBy(t => (t.Period.Year, Document: DocumentKey(t.Document)));
            foreach (var version in quarterly)
            {
                var series = version.OrderBy(t => t.Period).ToList();
                for (var i = 1; i < series.Count; i++)
                {
                    var before = ((NumberValue)series[i - 1].Value).Value;
                    var now = ((NumberValue)series[i].Value).Value;
                    if (indicator.Polarity == Polarity.HigherIsBetter && now < before)
                    {
                        var document = string.IsNullOrWhiteSpace(series[i].Document) ? "" : $" pada {series[i].Document!.Trim()}";
                        yield return new Finding(Severity.Error, "target-kumulatif-menurun", "Target", $"{indicator.Code} {series[i].Period}",
                            $"target kumulatif s.d. {series[i].Period.Label} ({series[i].Value.Original}) lebih kecil dari s.d. {series[i - 1].Period.Label} ({series[i - 1].Value.Original}){document}");
                    }
                }
            }

            if (PercentTypedAsFraction(data, indicator) is { } fraction)
                yield return fraction;

            if (string.IsNullOrWhiteSpace(indicator.OwnerUnitCode))
                yield return new Finding(Severity.Info, "indikator-tanpa-penanggung-jawab", "Indikator", indicator.Code, "indikator belum punya penanggung jawab (kolom Penanggung Jawab)");
        }
    }

    /// <summary>The document a target row belongs to, one key per PK version ("PK" and "PK Perubahan 1" are different; "PK" and "Perjanjian Kinerja" the same).</summary>
    private static string DocumentKey(string? document) =>
        PerjanjianKinerja.DocumentVersion(document)?.Code ?? (document ?? "").Trim().ToUpperInvariant();

    /// <summary>
    /// A Persen indicator whose target of the report period is typed as a fraction (0,5 meant as 50%) while its
    /// realisasi is on the 0-100 scale, or the other way round: the capaian comes out a hundred times too large or
    /// too small (48% against 0,5 gives 9.600%). Flagged when one side is below 1, the other at least 1, and the
    /// ratio between them is 10 or more.
    /// </summary>
    private static Finding? PercentTypedAsFraction(PerformanceDataset data, Indicator indicator)
    {
        var period = data.Profile.ReportPeriod;
        if (!indicator.Satuan.Contains("persen", StringComparison.OrdinalIgnoreCase) && indicator.Satuan.Trim() != "%")
            return null;
        if (PeriodValues.TargetFor(data, indicator, period) is not NumberValue target || PeriodValues.RealisasiFor(data, indicator, period)?.Value is not NumberValue realisasi)
            return null;
        var (t, r) = (target.Value, realisasi.Value);
        var targetFraction = t is > 0 and < 1 && r >= 1 && r / t >= 10;
        var realisasiFraction = r is > 0 and < 1 && t >= 1 && t / r >= 10;
        if (!targetFraction && !realisasiFraction)
            return null;
        var capaian = CapaianCalculator.Compute(indicator, target, realisasi, data.Profile with { CapaianCap = null });
        var shown = capaian.HasValue ? data.Profile.FormatPercent(capaian.Value) : "-";
        var (fraction, meant) = targetFraction ? ("target", t) : ("realisasi", r);
        return new Finding(Severity.Warning, "target-persen-pecahan", targetFraction ? "Target" : "Realisasi", $"{indicator.Code} {period}",
            $"{fraction} {(targetFraction ? target.Original : realisasi.Original)} pada indikator bersatuan Persen tampaknya ditulis sebagai pecahan ({IndonesianNumber.Format(meant, 4, RoundingMode.HalfUp, trimZeroDecimals: true)} = {IndonesianNumber.Format(meant * 100m, 2, RoundingMode.HalfUp, trimZeroDecimals: true)}%), sedangkan {(targetFraction ? "realisasi" : "target")} {(targetFraction ? realisasi.Original : target.Original)} ditulis dalam persen; capaian menjadi {shown}. Tulis keduanya dalam persen");
    }
}
