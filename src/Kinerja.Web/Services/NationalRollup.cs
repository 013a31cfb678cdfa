using System.Collections.Concurrent;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.DataElements;
using Kinerja.Domain.Formulas;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Measurement.Bulk;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;
using Kinerja.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>One instansi in the national roll-up of a catalogue indicator and period.</summary>
public sealed record NationalInstansiDto(
    int AgencyId, string Agency, string? RegionCode, string? Province, string? Regency,
    string? Target, string? Realisasi, decimal? RealisasiValue, bool FromCounts,
    decimal? Capaian, string CapaianText, string? Kategori, string? Color,
    decimal? LastYear, decimal? Change);

/// <summary>A region (province or regency/city), or the nation: its aggregate computed by the indicator's rule from the summed counts.</summary>
public sealed record NationalRegionDto(
    string Code, string Name, string? ProvinceCode, int Instansi, int Counted,
    decimal? Realisasi, string RealisasiText, decimal? LastYear, decimal? Change, int? Rank,
    IReadOnlyList<KategoriCountDto> Kategori);

public sealed record KategoriCountDto(string Kategori, int Count);

public sealed record NationalRollupDto(
    string Indicator, string Name, string Satuan, string Polarity, string Formula, string Period, long DataVersion,
    int Instansi, int WithRealisasi, IReadOnlyList<KategoriCountDto> Distribution, NationalRegionDto Nation,
    IReadOnlyList<NationalRegionDto> Provinces, IReadOnlyList<NationalRegionDto> Regencies, IReadOnlyList<NationalInstansiDto> Rows);

/// <summary>
/// The national roll-up (issue 23, docs/national.md): for a labour catalogue indicator and a period, every instansi's
/// target, realisasi, capaian and kategori, and the aggregate of each region by the indicator's own rule: the counts
/// (NilaiData) of the instansi of the region are added element by element, then the formula is applied to the sums
/// (docs/rules.md §9), never a mean of percentages. Read in a few streamed queries; capaian through the bulk engine
/// (<see cref="CapaianColumns"/>), exact. Results are cached per (indicator, period) under the installation's data
/// version (<see cref="DataVersion"/>), which every approval raises.
/// </summary>
public sealed class NationalRollup
{
    public const string ViewerRole = "PemantauNasional";

    private readonly ConcurrentDictionary<(string Code, Period Period, string? Source), (long Version, NationalRollupDto Result)> _cache = new();

    /// <summary>How many times a result was computed rather than served from the cache (for tests and the benchmark).</summary>
    public int Computations => _computations;

    private int _computations;

    public static CatalogueIndicator? Indicator(string? code) =>
        IndicatorCatalogue.Labour.Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));

    public async Task<NationalRollupDto> GetAsync(KinerjaDbContext db, CatalogueIndicator indicator, Period period, CancellationToken cancellationToken = default)
    {
        var version = await ScaleModel.DataVersionAsync(db, cancellationToken);
        // keyed by the database read too: the primary and a lagging replica have different versions of the data
        var key = (indicator.Code, period, db.Database.GetConnectionString());
        if (_cache.TryGetValue(key, out var hit) && hit.Version == version)
            return hit.Result;
        Interlocked.Increment(ref _computations);
        var result = await ComputeAsync(db, indicator, period, version, null, cancellationToken);
        _cache[key] = (version, result);
        return result;
    }

    /// <summary>Computes without the cache.</summary>
    /// <param name="phases">when given, the seconds each phase took (the benchmark prints them to show where the time goes)</param>
    public static async Task<NationalRollupDto> ComputeAsync(KinerjaDbContext db, CatalogueIndicator indicator, Period period, long version, IDictionary<string, double>? phases = null, CancellationToken cancellationToken = default)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name)
        {
            if (phases is not null)
                phases[name] = watch.Elapsed.TotalSeconds;
            watch.Restart();
        }

        var current = await ReadAsync(db, indicator, period, phases, cancellationToken);
        Phase("baca periode");
        var previousPeriod = period.IsQuarter ? Period.OfQuarter(period.Year - 1, period.Quarter) : Period.OfYear(period.Year - 1);
        var previous = await ReadAsync(db, indicator, previousPeriod, null, cancellationToken);
        var lastYear = previous.ToDictionary(p => p.AgencyId);
        Phase("baca tahun lalu");

        var rows = Measure(indicator, current);
        Phase("capaian");
        var output = new List<NationalInstansiDto>(rows.Count);
        foreach (var (read, capaian, text, band) in rows)
        {
            var region = Regions.Find(read.RegionCode);
            var province = Regions.ProvinceOf(read.RegionCode);
            var before = lastYear.GetValueOrDefault(read.AgencyId)?.Realisasi;
            output.Add(new NationalInstansiDto(read.AgencyId, read.Agency, read.RegionCode, province?.Name, region is { IsProvince: false } ? region.Name : null,
                read.TargetText, read.Realisasi is { } v ? IndonesianNumber.Format(v, read.Profile.Decimals, read.Profile.Rounding) : read.NotAvailable ? "N/A" : null,
                read.Realisasi, read.FromCounts, capaian, text, band?.Label, band?.Color, before, read.Realisasi - before));
        }

        var distribution = output.GroupBy(r => r.Kategori ?? "tanpa capaian").Select(g => new KategoriCountDto(g.Key, g.Count())).OrderByDescending(k => k.Count).ToList();
        var elements = indicator.Formula.Elements;
        var thisSums = new RegionSums(elements.Count);
        var lastSums = new RegionSums(elements.Count);
        foreach (var read in current)
            thisSums.Add(read);
        foreach (var read in previous)
            lastSums.Add(read);

        var evaluator = new FormulaEvaluator(MissingValueStrategy.Skip, IndicatorCatalogue.Labour.Scope);
        var decimals = current.Count > 0 ? current[0].Profile.Decimals : 2;
        NationalRegionDto Region(string code, string name, string? provinceCode, IEnumerable<NationalInstansiDto> members)
        {
            var list = members.ToList();
            var now = thisSums.Evaluate(code, indicator.Formula, evaluator);
            var then = lastSums.Evaluate(code, indicator.Formula, evaluator);
            var kategori = list.GroupBy(r => r.Kategori ?? "tanpa capaian").Select(g => new KategoriCountDto(g.Key, g.Count())).OrderByDescending(k => k.Count).ToList();
            return new NationalRegionDto(code, name, provinceCode, list.Count, thisSums.Counted(code), now,
                now is { } n ? IndonesianNumber.Format(n, decimals) : "-", then, now - then, null, kategori);
        }

        var byProvince = output.Where(r => Regions.ProvinceOf(r.RegionCode) is not null).ToLookup(r => Regions.ProvinceOf(r.RegionCode)!.Code);
        var byRegency = output.Where(r => Regions.Find(r.RegionCode) is { IsProvince: false }).ToLookup(r => r.RegionCode!);
        var provinces = Ranked(byProvince.Select(g => Region(g.Key, Regions.Find(g.Key)!.Name, null, g)), indicator.Polarity);
        var regencies = byRegency.Select(g => Region(g.Key, Regions.Find(g.Key)!.Name, Regions.Find(g.Key)!.ProvinceCode, g))
            .GroupBy(r => r.ProvinceCode).SelectMany(g => Ranked(g, indicator.Polarity)).ToList();
        var nation = Region(RegionSums.Nation, "Nasional", null, output);
        Phase("wilayah");
        return new NationalRollupDto(indicator.Code, indicator.Name, indicator.Satuan, indicator.Polarity == Polarity.HigherIsBetter ? "Maksimal" : "Minimal",
            indicator.Formula.Text, period.ToString(), version, output.Count, output.Count(r => r.RealisasiValue is not null), distribution, nation, provinces, regencies, output);
    }

    // regions ranked by their aggregate in the indicator's direction; a region without one comes last, unranked
    private static List<NationalRegionDto> Ranked(IEnumerable<NationalRegionDto> regions, Polarity polarity)
    {
        var list = regions.ToList();
        var withValue = (polarity == Polarity.HigherIsBetter ? list.Where(r => r.Realisasi is not null).OrderByDescending(r => r.Realisasi) : list.Where(r => r.Realisasi is not null).OrderBy(r => r.Realisasi))
            .ThenBy(r => r.Code, StringComparer.Ordinal).Select((r, i) => r with { Rank = i + 1 });
        return [.. withValue, .. list.Where(r => r.Realisasi is null).OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    /// <summary>What one instansi has for the indicator and period, read from the database.</summary>
    private sealed class InstansiRead
    {
        public int AgencyId { get; init; }

        public required string Agency { get; init; }

        public string? RegionCode { get; init; }

        public required AgencyProfile Profile { get; init; }

        public string? TargetText { get; set; }

        public int TargetRank { get; set; } = -1;

        public MeasuredValue? Target { get; set; }

        public decimal? Realisasi { get; set; }

        public bool NotAvailable { get; set; }

        public bool FromCounts { get; set; }

        /// <summary>The element values (one per reference of the formula) of the whole instansi; null when one is missing.</summary>
        public decimal[]? Counts { get; set; }
    }

    private static async Task<List<InstansiRead>> ReadAsync(KinerjaDbContext db, CatalogueIndicator indicator, Period period, IDictionary<string, double>? phases, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name)
        {
            if (phases is not null)
                phases[name] = watch.Elapsed.TotalSeconds;
            watch.Restart();
        }

        var code = indicator.Code;
        var year = period.Year;
        var periodText = period.ToString();
        var byYear = new Dictionary<int, (InstansiRead Read, string IndicatorCode)>();
        var years = from i in db.Indicators
                    join y in db.Years on i.ReportingYearId equals y.Id
                    join a in db.Agencies on y.AgencyId equals a.Id
                    where i.CatalogueCode == code && y.Year == year
                    orderby i.Ordinal
                    select new { YearId = y.Id, AgencyId = a.Id, a.Name, a.RegionCode, a.Kind, y.ProfileJson, i.Code };
        await foreach (var y in years.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!byYear.ContainsKey(y.YearId))
                byYear[y.YearId] = (new InstansiRead { AgencyId = y.AgencyId, Agency = y.Name, RegionCode = y.RegionCode, Profile = ProfileOf(y.ProfileJson, y.Name, year, y.Kind) }, y.Code);
        }

        Phase("  instansi");

        var targets = from t in db.Targets
                      join i in db.Indicators on new { t.ReportingYearId, Code = t.IndicatorCode } equals new { i.ReportingYearId, i.Code }
                      join y in db.Years on t.ReportingYearId equals y.Id
                      where i.CatalogueCode == code && y.Year == year && t.Period == periodText
                      orderby t.Ordinal
                      select new { t.ReportingYearId, t.IndicatorCode, t.Value, t.Document };
        await foreach (var t in targets.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!byYear.TryGetValue(t.ReportingYearId, out var entry) || entry.IndicatorCode != t.IndicatorCode)
                continue;
            // the target in force, as PerformanceDataset.TargetFor ranks documents: PK Perubahan, PK, other, Renstra; among equals the last row
            var rank = PerformanceDataset.DocumentPrecedence(t.Document);
            if (rank < entry.Read.TargetRank)
                continue;
            entry.Read.TargetRank = rank;
            entry.Read.TargetText = t.Value;
            var parsed = MeasuredValueParser.Parse(t.Value, TargetKind.Number, indicator.Satuan);
            entry.Read.Target = parsed.Success ? parsed.Value : null;
        }

        Phase("  target");

        // the approved realisasi: the highest approved version of (indicator, period)
        var realisasi = from r in db.Realisasi
                        join i in db.Indicators on new { r.ReportingYearId, Code = r.IndicatorCode } equals new { i.ReportingYearId, i.Code }
                        join y in db.Years on r.ReportingYearId equals y.Id
                        where i.CatalogueCode == code && y.Year == year && r.Period == periodText && r.Status == EntryStatus.Disahkan
                        orderby r.Version
                        select new { r.ReportingYearId, r.IndicatorCode, r.Value, r.ValueStatus };
        await foreach (var r in realisasi.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!byYear.TryGetValue(r.ReportingYearId, out var entry) || entry.IndicatorCode != r.IndicatorCode)
                continue;
            var notAvailable = r.ValueStatus is { } s && s.Trim().Equals("N/A", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(r.Value);
            var parsed = notAvailable ? null : MeasuredValueParser.Parse(r.Value, TargetKind.Number, indicator.Satuan) is { Success: true, Value: NumberValue n } ? n.Value : (decimal?)null;
            entry.Read.Realisasi = parsed;
            entry.Read.NotAvailable = parsed is null;
        }

        Phase("  realisasi");
        await ReadCountsAsync(db, indicator, period, byYear, cancellationToken);
        Phase("  nilai data");
        return [.. byYear.Values.Select(v => v.Read).OrderBy(r => r.Agency, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The counts of the formula's elements per instansi: each instansi's own values through the domain's
    /// <see cref="DataValueStore"/> (over time and units by the element's rule), then the formula on them gives the
    /// instansi's realisasi as the dashboard measures it.
    /// </summary>
    private static async Task ReadCountsAsync(KinerjaDbContext db, CatalogueIndicator indicator, Period period, Dictionary<int, (InstansiRead Read, string IndicatorCode)> byYear, CancellationToken cancellationToken)
    {
        var elements = indicator.Formula.Elements;
        var codes = elements.Select(e => e.Code).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var catalogue = IndicatorCatalogue.Labour.Elements.Where(e => codes.Contains(e.Code, StringComparer.OrdinalIgnoreCase)).ToList();
        if (catalogue.Count == 0)
            return;
        var year = period.Year;
        var sheet = ScaleModel.CountsSheet;
        // the rows are kept as JSON cells; the element's key narrows the read in the database (one LIKE per element)
        var patterns = codes.Select(c => "\"element\":\"" + c + "\"").ToList();
        var query = from w in db.WorkbookRows
                    join y in db.Years on w.ReportingYearId equals y.Id
                    where y.Year == year && w.Sheet == sheet
                    select new { w.ReportingYearId, w.CellsJson };
        var filtered = patterns.Count switch
        {
            1 => query.Where(w => w.CellsJson.Contains(patterns[0])),
            2 => query.Where(w => w.CellsJson.Contains(patterns[0]) || w.CellsJson.Contains(patterns[1])),
            _ => query.Where(w => patterns.Any(p => w.CellsJson.Contains(p))),
        };
        // PostgreSQL: by the index on the element key (migration LockOnSharedState) instead of a scan of the year's
        // counts; the sheet is written as a literal so the planner can use the partial index
        var rows = db.Database.IsNpgsql()
            ? db.Database.SqlQueryRaw<CountsRow>(
                "SELECT w.\"ReportingYearId\", w.\"CellsJson\" FROM \"WorkbookRows\" w JOIN \"Years\" y ON w.\"ReportingYearId\" = y.\"Id\" " +
                "WHERE y.\"Year\" = @year AND w.\"Sheet\" = '" + ScaleModel.CountsSheet + "' AND (w.\"CellsJson\"::jsonb ->> 'element') = ANY(@codes)",
                new Npgsql.NpgsqlParameter("year", year), new Npgsql.NpgsqlParameter("codes", codes.ToArray())).AsAsyncEnumerable()
            : filtered.AsNoTracking().Select(w => new CountsRow { ReportingYearId = w.ReportingYearId, CellsJson = w.CellsJson }).AsAsyncEnumerable();
        var values = new Dictionary<int, List<DataValue>>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (!byYear.ContainsKey(row.ReportingYearId) || ValueOf(row.CellsJson) is not { } value)
                continue;
            if (!values.TryGetValue(row.ReportingYearId, out var list))
                values[row.ReportingYearId] = list = [];
            list.Add(value);
        }

        var asked = DataPeriod.From(period);
        var evaluator = new FormulaEvaluator(MissingValueStrategy.Skip, IndicatorCatalogue.Labour.Scope);
        foreach (var (yearId, list) in values)
        {
            var store = new DataValueStore(catalogue, list);
            var counts = new decimal[elements.Count];
            var complete = true;
            for (var i = 0; i < elements.Count && complete; i++)
            {
                if (store.Value(elements[i].Code, null, asked, elements[i].Filters) is { } v)
                    counts[i] = v;
                else
                    complete = false;
            }

            if (!complete)
                continue;
            var read = byYear[yearId].Read;
            read.Counts = counts;
            var outcome = evaluator.Evaluate(indicator.Formula, new ElementValues(elements, counts));
            if (outcome.HasValue)
            {
                read.Realisasi = outcome.Value;
                read.NotAvailable = false;
                read.FromCounts = true;
            }
        }
    }

    /// <summary>One counts row as read for the roll-up.</summary>
    private sealed class CountsRow
    {
        public int ReportingYearId { get; init; }

        public required string CellsJson { get; init; }
    }

    private static DataValue? ValueOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? Text(string key) => root.TryGetProperty(key, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var period = DataPeriod.Parse(Text("period"));
        var number = IndonesianNumber.Parse(Text("value"));
        var options = BreakdownOption.ParseList(Text("breakdown"));
        if (Text("element") is not { } element || !period.Success || !number.Success || !options.Success)
            return null;
        return new DataValue(element, Text("unit") ?? "", period.Value, options.Value, number.Value);
    }

    /// <summary>The element values of one formula run, by reference position.</summary>
    private sealed class ElementValues(IReadOnlyList<ElementNode> elements, decimal[] values) : IFormulaValues
    {
        public decimal? Value(ElementNode element)
        {
            for (var i = 0; i < elements.Count; i++)
            {
                if (ReferenceEquals(elements[i], element) || elements[i].Reference == element.Reference)
                    return values[i];
            }

            return null;
        }
    }

    /// <summary>
    /// Element sums per region. An instansi with a regency/city code counts in its regency, its province and the
    /// nation; one with a province code (a provincial office) counts in no sum, as its population is already the
    /// regencies' (each count entered at one level only, as units add up in docs/formulas.md), and is listed alone.
    /// </summary>
    private sealed class RegionSums(int width)
    {
        public const string Nation = "ID";

        private readonly Dictionary<string, (decimal[] Sum, int Count)> _sums = new(StringComparer.Ordinal);

        public void Add(InstansiRead read)
        {
            if (read.Counts is null || Regions.Find(read.RegionCode) is not { IsProvince: false } regency)
                return;
            foreach (var key in new[] { regency.Code, regency.ProvinceCode!, Nation })
            {
                if (!_sums.TryGetValue(key, out var entry))
                    entry = (new decimal[width], 0);
                for (var i = 0; i < width; i++)
                    entry.Sum[i] += read.Counts[i];
                _sums[key] = (entry.Sum, entry.Count + 1);
            }
        }

        public int Counted(string key) => _sums.TryGetValue(key, out var e) ? e.Count : 0;

        public decimal? Evaluate(string key, Formula formula, FormulaEvaluator evaluator)
        {
            if (!_sums.TryGetValue(key, out var entry) || entry.Count == 0)
                return null;
            var outcome = evaluator.Evaluate(formula, new ElementValues(formula.Elements, entry.Sum));
            return outcome.HasValue ? outcome.Value : null;
        }
    }

    /// <summary>Capaian and kategori of every instansi through the bulk engine, one run per distinct profile.</summary>
    private static List<(InstansiRead Read, decimal? Capaian, string Text, PredicateBand? Band)> Measure(CatalogueIndicator catalogue, List<InstansiRead> reads)
    {
        var result = new (InstansiRead, decimal?, string, PredicateBand?)[reads.Count];
        var model = catalogue.Adopt(catalogue.Code, "");
        foreach (var group in reads.Select((r, i) => (r, i)).GroupBy(x => ProfileKey(x.r.Profile)))
        {
            var members = group.ToList();
            var profile = members[0].r.Profile;
            var inputs = members.Select(m => new CapaianInput(model, m.r.Target,
                m.r.Realisasi is { } v ? new Realisasi(model.Code, Period.OfYear(profile.Year), new NumberValue(v, false) { Original = v.ToString(System.Globalization.CultureInfo.InvariantCulture) }) : m.r.NotAvailable ? new Realisasi(model.Code, Period.OfYear(profile.Year), null, RealisasiStatus.NotAvailable) : null)).ToList();
            var columns = CapaianColumns.Compute(inputs, profile);
            for (var k = 0; k < members.Count; k++)
            {
                decimal? shown = columns.Fallback[k] is { } f ? f.HasValue ? Rounding.Apply(f.Value, profile.Decimals, profile.Rounding) : null
                    : columns.Status[k] == BulkStatus.Computed ? BulkCapaian.Round(columns.Micro[k], profile.Decimals, profile.Rounding) : null;
                result[members[k].i] = (members[k].r, shown, columns.Display(k, profile), shown is { } s ? profile.PredicateScale.Classify(s) : null);
            }
        }

        return [.. result];
    }

    private static string ProfileKey(AgencyProfile p) => $"{p.Year}|{p.Decimals}|{p.Rounding}|{p.LowerIsBetterMethod}|{p.CapaianCap}|{p.PredicateScale.Name}";

    /// <summary>The profile settings capaian and kategori depend on, read from the year's profile cells as the importer reads them.</summary>
    private static AgencyProfile ProfileOf(string json, string agency, int year, string kind)
    {
        Dictionary<string, string>? cells;
        try
        {
            cells = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        }
        catch (JsonException)
        {
            cells = null;
        }

        cells ??= [];
        string? Cell(string key) => cells.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var scale = Cell("predicateScale") is { } name ? PredicateScale.FindPreset(name) ?? PredicateScale.TwoState : PredicateScale.TwoState;
        var decimals = int.TryParse(Cell("decimals"), out var d) && d is >= 0 and <= 5 ? d : 2;
        var rounding = Cell("rounding") is { } r && (r.Equals("Potong", StringComparison.OrdinalIgnoreCase) || r.Equals("Truncate", StringComparison.OrdinalIgnoreCase)) ? RoundingMode.Truncate : RoundingMode.HalfUp;
        var method = Cell("lowerIsBetterMethod") is { } m && m.Equals("B", StringComparison.OrdinalIgnoreCase) ? LowerIsBetterMethod.B : LowerIsBetterMethod.A;
        var cap = Cell("capaianCap") is { } c && IndonesianNumber.Parse(c) is { Success: true } capValue ? capValue.Value : (decimal?)null;
        return new AgencyProfile
        {
            Agency = agency,
            Year = year,
            ReportPeriod = Period.OfYear(year),
            Kind = kind.Equals("Pemda", StringComparison.OrdinalIgnoreCase) ? AgencyKind.Pemda : AgencyKind.KL,
            PredicateScale = scale,
            Decimals = decimals,
            Rounding = rounding,
            LowerIsBetterMethod = method,
            CapaianCap = cap,
        };
    }
}
