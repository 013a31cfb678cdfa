using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Validation;

/// <summary>
/// The four quarters of a year against the annual realisasi of the same indicator (docs/rules.md §4 "Period", §10
/// "the same figure differing between tables"). A quarterly realisasi row holds that quarter alone, so by the
/// indicator's aggregation: a flow (Jumlah) adds up to the year, TW I + II + III + IV = annual; a stock or rate
/// (Akhir) ends at it, TW IV = annual; an average (RataRata) averages to it. Compared exactly, as entered: a TW IV
/// of 122% beside an annual 105% is two figures for one thing, and a report would print both. Only years with all
/// four quarters and an annual figure, all measured (no N/A), are compared.
/// </summary>
public sealed class QuarterlyRealisasiCheck : IDatasetCheck
{
    public const string Rule = "realisasi-triwulan-tahunan";

    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        foreach (var indicator in data.Indicators)
        {
            foreach (var annual in data.RealisasiOf(indicator.Code).Where(r => r.Period.IsYear && !r.IsNotAvailable))
            {
                var quarters = Enumerable.Range(1, 4).Select(q => data.RealisasiFor(indicator.Code, Period.OfQuarter(annual.Period.Year, q))).ToList();
                if (quarters.Any(q => q is null || q.IsNotAvailable))
                    continue;
                if (Disagreement(indicator, annual, quarters.Select(q => q!).ToList()) is { } message)
                    yield return new Finding(Severity.Warning, Rule, "Realisasi", $"{indicator.Code} {annual.Period}", message);
            }
        }
    }

    private static string? Disagreement(Indicator indicator, Realisasi annual, IReadOnlyList<Realisasi> quarters)
    {
        var year = annual.Period.Year;
        var listed = string.Join(", ", quarters.Select(q => $"{Period.Roman(q.Period.Quarter)} {q.Value!.Original}"));
        if (indicator.Aggregation == PeriodAggregation.Last)
        {
            // a stock or a rate: the value at the end of the year is the year's (any shape: number, score, grade)
            var last = quarters[3].Value!;
            if (SameValue(last, annual.Value!) is not false)
                return null;
            return $"{indicator.Name}: realisasi triwulan IV {year} ({last.Original}) tidak sama dengan realisasi tahun {year} ({annual.Value!.Original}); " +
                   "agregasi periode indikator ini Akhir (stok/rasio/indeks), jadi nilai akhir tahun adalah nilai triwulan IV; perbaiki salah satunya atau ubah Agregasi Periode";
        }

        if (annual.Value is not NumberValue total || quarters.Any(q => q.Value is not NumberValue))
            return null;
        var values = quarters.Select(q => ((NumberValue)q.Value!).Value).ToList();
        decimal sum;
        try
        {
            sum = values.Sum();
        }
        catch (OverflowException)
        {
            return null; // refused at import; nothing to compare here
        }

        if (indicator.Aggregation == PeriodAggregation.Sum)
        {
            if (sum == total.Value)
                return null;
            var cumulativeHint = values[3] == total.Value
                ? $" Triwulan IV sama dengan angka tahunan: bila realisasi triwulan ditulis kumulatif (s.d. triwulan), tulis angka triwulan itu saja ({Differences(values)}), karena baris realisasi triwulan dijumlahkan."
                : "";
            return $"{indicator.Name}: realisasi triwulan {year} ({listed}) berjumlah {Number(sum)}, tidak sama dengan realisasi tahun {year} ({total.Original}; selisih {Number(sum - total.Value)}); " +
                   $"agregasi periode indikator ini Jumlah (arus), jadi TW I + II + III + IV harus sama dengan angka tahunan.{cumulativeHint}";
        }

        var mean = sum / 4m;
        if (mean == total.Value)
            return null;
        return $"{indicator.Name}: rata-rata realisasi triwulan {year} ({listed}) adalah {Number(mean)}, tidak sama dengan realisasi tahun {year} ({total.Original}); " +
               "agregasi periode indikator ini RataRata, jadi rata-rata empat triwulan harus sama dengan angka tahunan";
    }

    /// <summary>Equal as values (105 and 105,00 are one figure); null when the shapes cannot be compared.</summary>
    private static bool? SameValue(MeasuredValue a, MeasuredValue b) => (a, b) switch
    {
        (NumberValue x, NumberValue y) => x.Value == y.Value,
        (ScoreValue x, ScoreValue y) => x.Score == y.Score && x.Maximum == y.Maximum,
        (ScoreValue x, NumberValue y) => x.Score == y.Value,
        (NumberValue x, ScoreValue y) => x.Value == y.Score,
        (GradeValue x, GradeValue y) => string.Equals(x.Grade, y.Grade, StringComparison.OrdinalIgnoreCase),
        (RangeValue x, RangeValue y) => x.Lower == y.Lower && x.Upper == y.Upper,
        (TextValue x, TextValue y) => string.Equals(x.Text.Trim(), y.Text.Trim(), StringComparison.OrdinalIgnoreCase),
        _ => null,
    };

    private static string Differences(IReadOnlyList<decimal> cumulative) =>
        string.Join(", ", cumulative.Select((v, i) => Number(i == 0 ? v : v - cumulative[i - 1])));

    private static string Number(decimal value) => IndonesianNumber.Format(value, 4, RoundingMode.HalfUp, trimZeroDecimals: true);
}
