using System.Text.Json;
using Kinerja.Domain.DataElements;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Formulas;

/// <summary>An indicator of the catalogue, ready to adopt into a plan: definition, formula, polarity, satuan and source.</summary>
public sealed record CatalogueIndicator(
    string Code,
    string Name,
    string Definition,
    Formula Formula,
    Polarity Polarity,
    string Satuan,
    PeriodAggregation Aggregation,
    string Source,
    string? Seed)
{
    /// <summary>An indicator of an agency's plan measuring this catalogue entry, with its computable formula.</summary>
    public Indicator Adopt(string code, string goalCode, string? ownerUnitCode = null) => new()
    {
        Code = code,
        GoalCode = goalCode,
        Name = Name,
        Satuan = Satuan,
        Polarity = Polarity,
        Aggregation = Aggregation,
        FormulaText = Definition,
        FormulaExpression = Formula.Text,
        DataSource = Source,
        OwnerUnitCode = ownerUnitCode,
    };
}

/// <summary>
/// The labour indicator catalogue (issue 6), shipped as JSON embedded in this assembly: the standard
/// data elements labour offices collect and the indicators computed from them.
/// </summary>
public sealed class IndicatorCatalogue
{
    private const string ResourceName = "Kinerja.Domain.Formulas.Catalogue.labour-indicators.json";

    private IndicatorCatalogue(IReadOnlyList<DataElement> elements, IReadOnlyList<CatalogueIndicator> indicators)
    {
        Elements = elements;
        Indicators = indicators;
        Scope = new FormulaScope(elements, indicators.Select(i => (i.Code, i.Satuan, (string?)i.Formula.Text)));
    }

    public IReadOnlyList<DataElement> Elements { get; }

    public IReadOnlyList<CatalogueIndicator> Indicators { get; }

    /// <summary>The names the catalogue's formulas may use.</summary>
    public FormulaScope Scope { get; }

    public CatalogueIndicator this[string code] => Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"indikator katalog \"{code}\" tidak ada");

    private static readonly Lazy<IndicatorCatalogue> Shipped = new(() =>
    {
        using var stream = typeof(IndicatorCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("katalog indikator tidak tertanam di assembly: " + ResourceName);
        using var document = JsonDocument.Parse(stream);
        return Parse(document.RootElement);
    });

    /// <summary>The catalogue shipped with Kinerja (parsed once).</summary>
    public static IndicatorCatalogue Labour => Shipped.Value;

    /// <summary>Reads a catalogue document; a formula that does not parse is an error naming the entry.</summary>
    public static IndicatorCatalogue Parse(JsonElement root)
    {
        var elements = new List<DataElement>();
        foreach (var e in root.GetProperty("elements").EnumerateArray())
        {
            var breakdowns = BreakdownCategory.ParseList(Text(e, "breakdowns"));
            elements.Add(new DataElement
            {
                Code = Required(e, "code"),
                Name = Required(e, "name"),
                Satuan = Text(e, "satuan") ?? "",
                PeriodType = Enum.Parse<DataPeriodType>(Text(e, "periodType") ?? "Month"),
                Aggregation = Enum.Parse<PeriodAggregation>(Text(e, "aggregation") ?? "Sum"),
                Categories = breakdowns.Success ? breakdowns.Value : throw new FormatException($"elemen {Required(e, "code")}: {breakdowns.Error}"),
                Description = Text(e, "description"),
            });
        }

        var indicators = new List<CatalogueIndicator>();
        foreach (var i in root.GetProperty("indicators").EnumerateArray())
        {
            var code = Required(i, "code");
            var formula = Formula.Parse(Required(i, "formula"));
            if (!formula.Success)
                throw new FormatException($"indikator katalog {code}: {formula.Error}");
            indicators.Add(new CatalogueIndicator(
                code,
                Required(i, "name"),
                Required(i, "definition"),
                formula.Value,
                Required(i, "polarity") == "Minimal" ? Polarity.LowerIsBetter : Polarity.HigherIsBetter,
                Required(i, "satuan"),
                Text(i, "aggregation") switch { "Jumlah" => PeriodAggregation.Sum, "RataRata" => PeriodAggregation.Average, _ => PeriodAggregation.Last },
                Required(i, "source"),
                Text(i, "seed")));
        }

        return new IndicatorCatalogue(elements, indicators);
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static string Required(JsonElement e, string name) => Text(e, name) ?? throw new FormatException($"katalog: \"{name}\" wajib diisi");
}
