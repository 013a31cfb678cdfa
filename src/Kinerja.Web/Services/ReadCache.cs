using System.Collections.Concurrent;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>
/// The read cache of the dashboards, the completion board, the realisasi lists and the capaian API (issue 23). What
/// these pages compute from a year's data is kept in each server's memory keyed by the year and its revision, which
/// every write raises (<see cref="RecordWriter"/>, imports) in the database itself: a request costs one small version
/// query, and a change made through any app server is seen by every server at its next read. It holds computed data,
/// never a user's page: authorisation is checked on every request before anything is served from it, and a list is
/// filtered to the user's units after it.
/// </summary>
public sealed class ReadCache(DatasetCache datasets)
{
    // one snapshot per year: the next revision replaces it, so the memory held is bounded by the years being read
    private readonly ConcurrentDictionary<int, YearSnapshot> _years = new();

    /// <summary>
    /// The year as <paramref name="read"/> holds it now: the revision is read from that database, so a replica that has
    /// not replayed a write yet gets the snapshot of the revision it holds, never a newer key over older data.
    /// </summary>
    public async Task<YearSnapshot> YearAsync(KinerjaDbContext read, int yearId, int agencyId, CancellationToken cancellationToken = default)
    {
        var revision = await read.Years.AsNoTracking().Where(y => y.Id == yearId).Select(y => y.Revision).SingleAsync(cancellationToken);
        if (_years.TryGetValue(yearId, out var hit) && hit.Revision == revision)
            return hit;
        // loaded after the revision was read: at least as new as it (a write in between makes the next request reload)
        var indicators = await read.Indicators.AsNoTracking().Where(i => i.ReportingYearId == yearId).OrderBy(i => i.Ordinal).ToListAsync(cancellationToken);
        var units = await read.Units.AsNoTracking().Where(u => u.AgencyId == agencyId).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var snapshot = new YearSnapshot(datasets, yearId, revision, indicators, units);
        // two requests reading different revisions at once: the newer stays
        return _years.AddOrUpdate(yearId, snapshot, (_, old) => old.Revision > revision ? old : snapshot);
    }
}

/// <summary>A year at one revision: its indicators, its instansi's unit names, and what was computed from them so far.</summary>
public sealed class YearSnapshot(DatasetCache datasets, int yearId, int revision, IReadOnlyList<IndicatorInfo> indicators, IReadOnlyDictionary<string, string> unitNames)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<RealisasiRecord>> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _answers = new(StringComparer.Ordinal);

    public int YearId { get; } = yearId;

    public int Revision { get; } = revision;

    /// <summary>The year's indicators in their order (untracked, shared: never changed by a reader).</summary>
    public IReadOnlyList<IndicatorInfo> Indicators { get; } = indicators;

    public IReadOnlyDictionary<string, string> UnitNames { get; } = unitNames;

    /// <summary>The domain dataset at this revision (the workbook importer's reading of the database).</summary>
    public Task<PerformanceDataset> DatasetAsync(KinerjaDbContext read, RealisasiView view, CancellationToken cancellationToken = default) =>
        datasets.GetAsync(read, YearId, view, Revision, cancellationToken);

    /// <summary>The current realisasi of a period (null: of every period) with their history and bukti, untracked and shared.</summary>
    public async Task<IReadOnlyList<RealisasiRecord>> RecordsAsync(KinerjaDbContext read, string? period, CancellationToken cancellationToken = default)
    {
        var key = period ?? "*";
        if (_records.TryGetValue(key, out var hit))
            return hit;
        var records = await read.Realisasi.AsNoTracking().Include(r => r.Events).Include(r => r.Evidence)
            .Where(r => r.ReportingYearId == YearId && r.IsCurrent && (period == null || r.Period == period)).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken);
        return _records.GetOrAdd(key, records);
    }

    /// <summary>An answer of the API serialised once per revision (<paramref name="key"/> names it: the route and its period).</summary>
    public async Task<byte[]> JsonAsync<T>(string key, JsonSerializerOptions options, Func<Task<T>> compute)
    {
        if (_answers.TryGetValue(key, out var hit))
            return hit;
        return _answers.GetOrAdd(key, JsonSerializer.SerializeToUtf8Bytes(await compute(), options));
    }
}
