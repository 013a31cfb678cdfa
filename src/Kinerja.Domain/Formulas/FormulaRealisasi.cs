using Kinerja.Domain.DataElements;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Formulas;

/// <summary>A realisasi computed from counts, next to the formula that produced it.</summary>
public sealed record ComputedRealisasi(Indicator Indicator, Period Period, FormulaOutcome Outcome, string Description)
{
    /// <summary>
    /// The computed value in the realisasi shape the engine measures (percent when the satuan is
    /// Persen): full precision in the value, the agency's rounding only in the text shown.
    /// </summary>
    public Realisasi? ToRealisasi(string? printedCapaian, AgencyProfile profile)
    {
        if (!Outcome.HasValue)
            return null;
        var percent = MeasuredValueParser.IsPercentSatuan(Indicator.Satuan);
        var text = IndonesianNumber.Format(Outcome.Value, profile.Decimals, profile.RealisasiRounding ?? profile.Rounding, trimZeroDecimals: true) + (percent ? "%" : "");
        return new Realisasi(Indicator.Code, Period, new NumberValue(Outcome.Value, percent) { Original = text }, RealisasiStatus.Final, FormulaRealisasi.NotePrefix + Description)
        {
            PrintedCapaian = printedCapaian,
        };
    }
}

/// <summary>Reads counts from a <see cref="DataValueStore"/> for one org unit (null = the whole agency) and one period.</summary>
public sealed class StoreValues(DataValueStore store, string? unitCode, DataPeriod period) : IFormulaValues
{
    public decimal? Value(ElementNode element) => store.Value(element.Code, unitCode, period, element.Filters);
}

/// <summary>
/// Wires formulas into the engine: for every indicator with a computable formula, its realisasi of a
/// period is computed from the dataset's counts. <see cref="Apply"/> runs before
/// PerformanceCalculator; the typed realisasi stay in the source, and
/// <see cref="ComputedRealisasiCheck"/> compares the two.
/// </summary>
public static class FormulaRealisasi
{
    /// <summary>Starts the note of a computed realisasi; the rest is the formula in words.</summary>
    public const string NotePrefix = "dihitung dari data: ";

    /// <summary>Computes realisasi for the report period and for every period that has a typed realisasi.</summary>
    public static IReadOnlyList<ComputedRealisasi> Derive(PerformanceDataset data, MissingValueStrategy strategy = MissingValueStrategy.Skip)
    {
        var results = new List<ComputedRealisasi>();
        var withFormula = data.Indicators.Where(i => !string.IsNullOrWhiteSpace(i.FormulaExpression)).ToList();
        if (withFormula.Count == 0)
            return results;
        var scope = FormulaScope.Of(data);
        var store = new DataValueStore(data.DataElements, data.DataValues, data.Units);
        var evaluator = new FormulaEvaluator(strategy, scope);
        foreach (var indicator in withFormula)
        {
            var parsed = Formula.Parse(indicator.FormulaExpression);
            var errors = parsed.Success ? FormulaValidator.Validate(parsed.Value, scope, indicator.Code, indicator.Satuan) : [];
            var periods = data.RealisasiOf(indicator.Code).Select(r => r.Period).Append(data.Profile.ReportPeriod).Where(p => !p.IsRenstraEnd).Distinct().OrderBy(p => p);
            foreach (var period in periods)
            {
                if (!parsed.Success || errors.Count > 0)
                {
                    var message = parsed.Success ? string.Join("; ", errors) : parsed.Error!;
                    results.Add(new ComputedRealisasi(indicator, period, FormulaOutcome.Error("rumus hitung tidak sah: " + message), indicator.FormulaExpression!));
                    continue;
                }

                var outcome = evaluator.Evaluate(parsed.Value, new StoreValues(store, null, DataPeriod.From(period)));
                results.Add(new ComputedRealisasi(indicator, period, outcome, FormulaDescriber.Describe(parsed.Value, scope)));
            }
        }

        return results;
    }

    /// <summary>
    /// The dataset with computed realisasi in place of typed ones wherever the counts give a value
    /// (the printed capaian is kept for the checks); periods without counts keep what was typed.
    /// </summary>
    public static PerformanceDataset Apply(PerformanceDataset data, MissingValueStrategy strategy = MissingValueStrategy.Skip)
    {
        var computed = Derive(data, strategy).Where(c => c.Outcome.HasValue).ToDictionary(c => (c.Indicator.Code, c.Period));
        if (computed.Count == 0)
            return data;
        var realisasi = new List<Realisasi>();
        foreach (var typed in data.Realisasi)
        {
            realisasi.Add(computed.Remove((typed.IndicatorCode, typed.Period), out var c) ? c.ToRealisasi(typed.PrintedCapaian, data.Profile)! : typed);
        }

        realisasi.AddRange(computed.Values.Select(c => c.ToRealisasi(null, data.Profile)!));
        return data with { Realisasi = realisasi };
    }
}
