using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Validation;

/// <summary>A printed capaian that neither rounding mode reproduces (RULEBOOK §10; Banjar Tabel 3.3).</summary>
public sealed class PrintedCapaianCheck : IDatasetCheck
{
    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        var profile = data.Profile;
        var unverifiable = new List<string>();
        foreach (var realisasi in data.Realisasi.Where(r => r.PrintedCapaian is not null))
        {
            var indicator = data.Indicators.FirstOrDefault(i => i.Code == realisasi.IndicatorCode);
            if (indicator is null)
                continue;
            var target = PeriodValues.TargetFor(data, indicator, realisasi.Period);
            var capaian = CapaianCalculator.Compute(indicator, target, realisasi, profile);
            if (capaian.Status == CapaianStatus.NoTarget)
            {
                // earlier years often arrive without their targets: the printed figure cannot be verified, which is not an error
                unverifiable.Add($"{indicator.Code} {realisasi.Period}");
                continue;
            }

            var (check, printed) = PerformanceCalculator.CheckPrinted(realisasi.PrintedCapaian, capaian);
            if (check == PrintedCheck.Mismatch)
            {
                var should = capaian.HasValue ? profile.FormatPercent(capaian.Value) : "tidak dapat dihitung (" + capaian.Reason + ")";
                yield return new Finding(Severity.Error, "capaian-tercetak", "Realisasi", $"{indicator.Code} {realisasi.Period}",
                    $"capaian tercetak {realisasi.PrintedCapaian} tidak dapat dihasilkan dari target {target?.Original ?? "-"} dan realisasi {realisasi.Value?.Original ?? "N/A"}; seharusnya {should}");
            }
            else if (check == PrintedCheck.Unreadable)
            {
                yield return new Finding(Severity.Warning, "capaian-tercetak", "Realisasi", $"{indicator.Code} {realisasi.Period}", $"capaian tercetak \"{realisasi.PrintedCapaian}\" tidak terbaca sebagai persen");
            }
            else if ((check == PrintedCheck.MatchesTruncate && profile.Rounding == RoundingMode.HalfUp) || (check == PrintedCheck.MatchesHalfUp && profile.Rounding == RoundingMode.Truncate && printed != Rounding.Apply(capaian.Value, 2, RoundingMode.Truncate)))
            {
                yield return new Finding(Severity.Info, "pembulatan", "Realisasi", $"{indicator.Code} {realisasi.Period}",
                    $"capaian tercetak {realisasi.PrintedCapaian} memakai pembulatan yang berbeda dari pengaturan instansi ({profile.Rounding}); hasil hitung {profile.FormatPercent(capaian.Value)}");
            }
        }

        if (unverifiable.Count > 0)
        {
            yield return new Finding(Severity.Info, "capaian-tercetak", "Realisasi", string.Join(", ", unverifiable.Take(3)) + (unverifiable.Count > 3 ? ", ..." : ""),
                $"{unverifiable.Count} capaian tercetak tidak dapat diperiksa karena target periodenya belum diisi: {string.Join(", ", unverifiable)}");
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
