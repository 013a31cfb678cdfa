using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Formulas;

/// <summary>Computable formulas that cannot be computed: syntax, unknown element, circular reference, satuan (issue 6).</summary>
public sealed class FormulaCheck : IDatasetCheck
{
    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        var scope = FormulaScope.Of(data);
        foreach (var indicator in data.Indicators.Where(i => !string.IsNullOrWhiteSpace(i.FormulaExpression)))
        {
            foreach (var error in FormulaValidator.Validate(indicator.FormulaExpression, scope, indicator.Code, indicator.Satuan))
                yield return new Finding(Severity.Error, "rumus-hitung", "Indikator", indicator.Code, $"rumus hitung \"{indicator.FormulaExpression}\": {error}");
        }
    }
}

/// <summary>
/// A realisasi computed from counts below zero on an indicator that does not allow it (as a typed one is refused), and
/// a typed realisasi that the counts do not give (docs/rules.md §10): compared at the decimals the
/// typed figure shows, under both rounding modes, like a printed capaian.
/// </summary>
public sealed class ComputedRealisasiCheck : IDatasetCheck
{
    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        foreach (var computed in FormulaRealisasi.Derive(data))
        {
            var typed = data.RealisasiFor(computed.Indicator.Code, computed.Period);
            var where = $"{computed.Indicator.Code} {computed.Period}";
            if (computed.Outcome.Kind == FormulaOutcomeKind.Error)
            {
                if (!computed.Outcome.Message!.StartsWith("rumus hitung tidak sah", StringComparison.Ordinal))
                    yield return new Finding(Severity.Error, "realisasi-dihitung", "NilaiData", where, "realisasi tidak dapat dihitung dari data: " + computed.Outcome.Message);
                continue;
            }

            if (computed.Outcome.HasValue && computed.Outcome.Value < 0 && !computed.Indicator.AllowsNegative)
            {
                // the same rule as a typed realisasi, which the import refuses below zero unless the indicator allows it:
                // counts that give a negative share or total are a data fault, not a growth rate
                var shown = IndonesianNumber.Format(computed.Outcome.Value, Math.Max(data.Profile.Decimals, 2), data.Profile.Rounding, trimZeroDecimals: true)
                    + (MeasuredValueParser.IsPercentSatuan(computed.Indicator.Satuan) ? "%" : "");
                yield return new Finding(Severity.Error, "realisasi-dihitung-negatif", "NilaiData", where,
                    $"realisasi yang dihitung dari data bernilai negatif ({shown}; {computed.Description}), padahal indikator {computed.Indicator.Code} tidak boleh negatif; "
                    + "periksa nilai data pada sheet NilaiData, atau isi kolom Boleh Negatif = Ya pada indikator itu di sheet Indikator bila memang dapat di bawah nol (laju pertumbuhan)");
            }

            if (typed?.Value is not NumberValue number || !computed.Outcome.HasValue)
                continue;
            var decimals = (decimal.GetBits(number.Value)[3] >> 16) & 0xFF;
            var value = computed.Outcome.Value;
            if (Rounding.Apply(value, decimals, RoundingMode.HalfUp) == number.Value || Rounding.Apply(value, decimals, RoundingMode.Truncate) == number.Value)
                continue;
            var percent = number.Percent ? "%" : "";
            yield return new Finding(Severity.Error, "realisasi-dihitung", "Realisasi", where,
                $"realisasi tertulis {typed.Value.Original} tidak sama dengan hasil hitung dari data {IndonesianNumber.Format(value, Math.Max(decimals, 2), data.Profile.Rounding, trimZeroDecimals: true)}{percent} ({computed.Description})");
        }
    }
}
