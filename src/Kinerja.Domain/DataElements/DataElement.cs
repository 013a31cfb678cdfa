using Kinerja.Domain.Values;

namespace Kinerja.Domain.DataElements;

/// <summary>
/// A breakdown of a count (DHIS2's category): sex, age group, region, channel. Placements, for
/// instance, break down by saluran AKL (in region) / AKAD (other region) / AKAN (abroad).
/// </summary>
public sealed record BreakdownCategory(string Code, IReadOnlyList<string> Options)
{
    public bool HasOption(string option) => Options.Contains(option, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads "saluran: AKL, AKAD, AKAN; jenis: PKWT, Tetap".</summary>
    public static ParseResult<IReadOnlyList<BreakdownCategory>> ParseList(string? text)
    {
        var list = new List<BreakdownCategory>();
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<IReadOnlyList<BreakdownCategory>>.Ok(list);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                return ParseResult<IReadOnlyList<BreakdownCategory>>.Fail($"rincian \"{part}\" harus ditulis kategori: opsi, opsi (mis. saluran: AKL, AKAD, AKAN)");
            var options = part[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (options.Length == 0)
                return ParseResult<IReadOnlyList<BreakdownCategory>>.Fail($"rincian \"{part[..colon].Trim()}\" tidak punya opsi");
            if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Length)
                return ParseResult<IReadOnlyList<BreakdownCategory>>.Fail($"rincian \"{part[..colon].Trim()}\" menyebut opsi yang sama lebih dari sekali");
            list.Add(new BreakdownCategory(part[..colon].Trim(), options));
        }

        if (list.Select(c => c.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count() != list.Count)
            return ParseResult<IReadOnlyList<BreakdownCategory>>.Fail("kategori rincian disebut lebih dari sekali");
        return ParseResult<IReadOnlyList<BreakdownCategory>>.Ok(list);
    }

    public override string ToString() => $"{Code}: {string.Join(", ", Options)}";
}

/// <summary>
/// A named count that is collected (DHIS2's data element): "pencari kerja terdaftar", in Orang,
/// every week, summed over time (a flow) or taking the value at the end of the period (a stock, e.g.
/// BPJS members); see <see cref="DataValueStore"/> for how units combine.
/// </summary>
public sealed record DataElement
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>Orang, Perusahaan, Perkara, Rupiah, Persen...; formulas may not add different satuan.</summary>
    public string Satuan { get; init; } = "";

    public DataPeriodType PeriodType { get; init; } = DataPeriodType.Month;

    /// <summary>Over time: Sum for flows (people placed), Last for stocks (members at the end of the period), or Average (also averaged over units).</summary>
    public PeriodAggregation Aggregation { get; init; } = PeriodAggregation.Sum;

    public IReadOnlyList<BreakdownCategory> Categories { get; init; } = [];

    public string? Description { get; init; }

    public BreakdownCategory? Category(string code) => Categories.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One option of one breakdown category on a value or in a formula filter: saluran = AKL.</summary>
public readonly record struct BreakdownOption(string Category, string Option)
{
    public bool Matches(BreakdownOption other) =>
        string.Equals(Category, other.Category, StringComparison.OrdinalIgnoreCase) && string.Equals(Option, other.Option, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads "saluran:AKL; jenis:PKWT" (also "=" instead of ":").</summary>
    public static ParseResult<IReadOnlyList<BreakdownOption>> ParseList(string? text)
    {
        var list = new List<BreakdownOption>();
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<IReadOnlyList<BreakdownOption>>.Ok(list);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = part.IndexOfAny([':', '=']);
            if (at <= 0 || at == part.Length - 1)
                return ParseResult<IReadOnlyList<BreakdownOption>>.Fail($"rincian \"{part}\" harus ditulis kategori:opsi (mis. saluran:AKL)");
            list.Add(new BreakdownOption(part[..at].Trim(), part[(at + 1)..].Trim()));
        }

        return ParseResult<IReadOnlyList<BreakdownOption>>.Ok(list);
    }

    public override string ToString() => $"{Category}:{Option}";
}

/// <summary>
/// One count: element, org unit, period, breakdown options, value. A value without options is the
/// total as entered; values with options are its parts (the two must agree, see DataValueChecks).
/// </summary>
public sealed record DataValue(string ElementCode, string UnitCode, DataPeriod Period, IReadOnlyList<BreakdownOption> Options, decimal Value)
{
    /// <summary>Position in the source (sheet row), to point findings at.</summary>
    public int SourceRow { get; init; }

    public bool IsTotal => Options.Count == 0;

    public string OptionsText => string.Join("; ", Options);
}
