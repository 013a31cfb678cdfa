using BenchmarkDotNet.Attributes;
using Kinerja.Domain.DataElements;
using Kinerja.Domain.Formulas;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Bench;

/// <summary>
/// Issue 6: every labour catalogue formula for every regency (548) and every month of five years
/// (2021-2025), from raw counts with their breakdowns, through the same store, evaluator and
/// missing-value strategy the engine uses. Run:
/// <c>dotnet run -c Release --project bench/Kinerja.Bench -- --filter '*FormulaBenchmarks*' --job short</c>.
/// One operation is one formula evaluation, so the reported mean is the time per evaluation.
/// </summary>
[MemoryDiagnoser]
public class FormulaBenchmarks
{
    public const int Regencies = 548;
    private const int Provinces = 38;
    private const int FirstYear = 2021;
    private const int Years = 5;

    // catalogue formulas x regencies x months; kept in step with the catalogue by a check in GlobalSetup
    private const int CatalogueFormulas = 13;
    private const int MonthlyEvaluations = CatalogueFormulas * Regencies * Years * 12;
    private const int ProvinceYearEvaluations = CatalogueFormulas * Provinces * Years;

    private DataValueStore _store = null!;
    private IReadOnlyList<Formula> _formulas = [];
    private FormulaEvaluator _evaluator = null!;
    private string[] _regencies = [];
    private string[] _provinces = [];
    private DataPeriod[] _months = [];
    private DataPeriod[] _years = [];

    public int ValueCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var catalogue = IndicatorCatalogue.Labour;
        if (catalogue.Indicators.Count != CatalogueFormulas)
            throw new InvalidOperationException($"the catalogue has {catalogue.Indicators.Count} formulas; update CatalogueFormulas");
        // every count is collected monthly here, so that all formulas run for every month
        var elements = catalogue.Elements.Select(e => e with { PeriodType = DataPeriodType.Month }).ToList();
        _provinces = Enumerable.Range(1, Provinces).Select(p => $"P{p:00}").ToArray();
        _regencies = Enumerable.Range(1, Regencies).Select(r => $"P{r % Provinces + 1:00}-K{r:000}").ToArray();
        var units = new List<OrgUnit> { new() { Code = "ID", Name = "Indonesia" } };
        units.AddRange(_provinces.Select(p => new OrgUnit { Code = p, Name = p, ParentCode = "ID" }));
        units.AddRange(_regencies.Select(r => new OrgUnit { Code = r, Name = r, ParentCode = r[..3] }));
        _months = Enumerable.Range(0, Years * 12).Select(i => DataPeriod.OfMonth(FirstYear + i / 12, i % 12 + 1)).ToArray();
        _years = Enumerable.Range(FirstYear, Years).Select(DataPeriod.OfYear).ToArray();

        var values = GenerateCounts(elements);
        ValueCount = values.Count;
        _store = new DataValueStore(elements, values, units);
        _formulas = catalogue.Indicators.Select(i => i.Formula).ToList();
        // a regency with no disputes in a month is normal: the catalogue guards its divisions; a missing count is N/A
        _evaluator = new FormulaEvaluator(MissingValueStrategy.Skip, catalogue.Scope);

        // measure real evaluations, not N/A short-cuts: every formula must give a value from the generated counts
        foreach (var (formula, code) in _formulas.Zip(catalogue.Indicators.Select(i => i.Code)))
        {
            var outcome = _evaluator.Evaluate(formula, new StoreValues(_store, _regencies[0], _months[0]));
            if (!outcome.HasValue)
                throw new InvalidOperationException($"{code}: {outcome}");
        }
    }

    /// <summary>Plausible counts for every regency, month and breakdown option (fixed seed).</summary>
    private List<DataValue> GenerateCounts(IReadOnlyList<DataElement> elements)
    {
        var random = new Random(2021);
        var values = new List<DataValue>();
        var optionSets = new Dictionary<string, BreakdownOption[][]>();
        foreach (var element in elements)
        {
            // breakdowns are entered as their full cross product (e.g. saluran x hubungan_kerja); the survey as its total
            IEnumerable<BreakdownOption[]> combos = [[]];
            if (element.Code != "rerata_butir_survei")
            {
                foreach (var category in element.Categories)
                    combos = combos.SelectMany(c => category.Options.Select(o => (BreakdownOption[])[.. c, new BreakdownOption(category.Code, o)]));
            }

            optionSets[element.Code] = combos.ToArray();
        }

        foreach (var regency in _regencies)
        {
            var size = random.Next(50_000, 2_000_000); // working-age population of the regency
            foreach (var month in _months)
            {
                foreach (var element in elements)
                {
                    foreach (var options in optionSets[element.Code])
                        values.Add(new DataValue(element.Code, regency, month, options, Count(element.Code, size, random) / Math.Max(1, optionSets[element.Code].Length)));
                }
            }
        }

        return values;
    }

    private static decimal Count(string element, int size, Random random) => element switch
    {
        "penduduk_usia_kerja" => size,
        "angkatan_kerja" => size * 0.68m,
        "pengangguran_terbuka" => size * 0.68m * random.Next(2, 9) / 100m,
        "penduduk_bekerja" or "potensi_peserta_jamsos" => size * 0.64m,
        "peserta_bpjstk" => size * 0.64m * random.Next(15, 45) / 100m,
        "rerata_butir_survei" => 24 * (2.5m + random.Next(0, 150) / 100m),
        "jumlah_butir_survei" => 24,
        "nilai_tahapan" => random.Next(0, 101) * 4,
        "ump_rata_rata" or "upah_rata_rata_sakernas" => random.Next(2_000_000, 5_000_000),
        "pyb_irisan_phi_binwas" => random.Next(0, 200),
        "perselisihan_tercatat" or "perselisihan_selesai" => random.Next(0, 5) * 4,
        _ => random.Next(200, 5_000),
    };

    [Benchmark(OperationsPerInvoke = MonthlyEvaluations, Description = "13 formulas x 548 regencies x 60 months")]
    public decimal EveryRegencyEveryMonth() => EvaluateAll(_regencies, _months);

    [Benchmark(OperationsPerInvoke = ProvinceYearEvaluations, Description = "13 formulas x 38 provinces x 5 years (sum over regencies and months)")]
    public decimal EveryProvinceEveryYear() => EvaluateAll(_provinces, _years);

    // a checksum of every value so the work cannot be optimised away
    private decimal EvaluateAll(string[] units, DataPeriod[] periods)
    {
        decimal checksum = 0;
        foreach (var unit in units)
        {
            foreach (var period in periods)
            {
                var values = new StoreValues(_store, unit, period);
                foreach (var formula in _formulas)
                {
                    var outcome = _evaluator.Evaluate(formula, values);
                    if (outcome.HasValue)
                        checksum += outcome.Value;
                }
            }
        }

        return checksum;
    }
}
