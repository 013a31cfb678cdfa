using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.DataElements;

/// <summary>
/// Counts that contradict themselves: parts that do not add up to the total entered with them
/// (docs/rules.md §10, 003: registrations 515 + 1.274 = 1.789, printed 1.762), values of unknown
/// elements, breakdown options the element does not have, periods of the wrong type.
/// </summary>
public sealed class DataValueChecks : IDatasetCheck
{
    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        var elements = data.DataElements.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var value in data.DataValues)
        {
            var where = $"{value.ElementCode} {value.UnitCode} {value.Period}";
            if (!elements.TryGetValue(value.ElementCode, out var element))
            {
                yield return new Finding(Severity.Error, "elemen-data", "NilaiData", where, $"elemen data \"{value.ElementCode}\" tidak ada di sheet DataElemen") { Row = value.SourceRow };
                continue;
            }

            if (value.Period.Type < element.PeriodType)
                yield return new Finding(Severity.Error, "periode-data", "NilaiData", where, $"periode {value.Period} bukan periode {Describe(element.PeriodType)} seperti ditetapkan untuk {element.Code}") { Row = value.SourceRow };
            foreach (var option in value.Options)
            {
                var category = element.Category(option.Category);
                if (category is null || !category.HasOption(option.Option))
                    yield return new Finding(Severity.Error, "rincian-data", "NilaiData", where, $"rincian \"{option}\" tidak ada pada elemen {element.Code}") { Row = value.SourceRow };
            }
        }

        // a total printed for a coarser period (a year beside its months) against the sum of its sub-periods
        var store = new DataValueStore(data.DataElements, data.DataValues, data.Units);
        foreach (var printed in data.DataValues)
        {
            if (!elements.TryGetValue(printed.ElementCode, out var element) || printed.Period.Type <= element.PeriodType)
                continue;
            if (store.FromSubPeriods(element.Code, printed.UnitCode, printed.Period, printed.Options) is not { } computed || computed == printed.Value)
                continue;
            var how = element.Aggregation switch
            {
                PeriodAggregation.Sum => "jumlah",
                PeriodAggregation.Last => "nilai akhir",
                _ => "rata-rata",
            };
            var options = printed.IsTotal ? "" : $" ({printed.OptionsText})";
            yield return new Finding(Severity.Error, "jumlah-periode", "NilaiData", $"{printed.ElementCode} {printed.UnitCode} {printed.Period}",
                $"{element.Name}{options} periode {printed.Period} tercetak {IndonesianNumber.Format(printed.Value, Decimals(printed.Value))}, sedangkan {how} angka per {Word(element.PeriodType)} di dalamnya {IndonesianNumber.Format(computed, Decimals(computed))} (selisih {IndonesianNumber.Format(Math.Abs(printed.Value - computed), Decimals(printed.Value - computed))}); yang dipakai angka tercetak")
            { Row = printed.SourceRow };
        }

        // parts against the total: each set of categories (e.g. by jalur, or by sex) must add up on its own
        foreach (var cell in data.DataValues.GroupBy(v => (Element: v.ElementCode.ToUpperInvariant(), v.UnitCode, v.Period)))
        {
            var totals = cell.Where(v => v.IsTotal).ToList();
            if (totals.Count > 1)
                yield return new Finding(Severity.Error, "nilai-ganda", "NilaiData", $"{cell.First().ElementCode} {cell.Key.UnitCode} {cell.Key.Period}", "jumlah diisi lebih dari sekali") { Row = totals[1].SourceRow };
            if (totals.Count == 0)
                continue;
            var total = totals[0].Value;
            foreach (var parts in cell.Where(v => !v.IsTotal).GroupBy(v => string.Join(",", v.Options.Select(o => o.Category.ToUpperInvariant()).Order())))
            {
                var sum = parts.Sum(p => p.Value);
                if (sum == total)
                    continue;
                var name = elements.TryGetValue(cell.First().ElementCode, out var e) ? e.Name : cell.First().ElementCode;
                // as many decimals as the figures were written with: 25,03 + 23,65 + 12,01 + 19,63 = 80,32, never 80 (25 + 24 + 12 + 20)
                var decimals = parts.Select(p => p.Value).Append(total).Max(Written);
                string F(decimal v) => IndonesianNumber.Format(v, decimals);
                yield return new Finding(Severity.Error, "rincian-tidak-sama-jumlah", "NilaiData", $"{cell.First().ElementCode} {cell.Key.UnitCode} {cell.Key.Period}",
                    $"rincian {name} menurut {parts.Key.ToLowerInvariant()} berjumlah {F(sum)} ({string.Join(" + ", parts.Select(p => F(p.Value)))}), tidak sama dengan jumlah {F(total)} (selisih {F(Math.Abs(sum - total))})")
                { Row = parts.First().SourceRow };
            }
        }
    }

    private static string Word(DataPeriodType type) => type switch
    {
        DataPeriodType.Week => "minggu",
        DataPeriodType.Month => "bulan",
        DataPeriodType.Quarter => "triwulan",
        _ => "tahun",
    };

    private static int Decimals(decimal value) => value == decimal.Truncate(value) ? 0 : 2;

    /// <summary>Decimals as written (a parsed 25,03 keeps its scale 2; 1.762 has 0); trailing zeros of a computed value do not count.</summary>
    private static int Written(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    private static string Describe(DataPeriodType type) => type switch
    {
        DataPeriodType.Week => "mingguan (2021-03-W2)",
        DataPeriodType.Month => "bulanan (2021-03)",
        DataPeriodType.Quarter => "triwulanan (2021-TW1)",
        _ => "tahunan (2021)",
    };
}
