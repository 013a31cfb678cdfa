using System.Collections.Concurrent;
using System.Text.Json;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Model;
using Kinerja.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

/// <summary>Which realisasi a dataset read from the database carries.</summary>
public enum RealisasiView
{
    /// <summary>The latest version of each (indicator, period), whatever its workflow status: what the entry pages and checks work on.</summary>
    Latest,

    /// <summary>The latest approved (disahkan) version: what the dashboard, the documents and the default export show.</summary>
    Approved,

    /// <summary>
    /// The approved version and, beside it, the current version when that one is not approved yet, each with its
    /// workflow state in column Persetujuan: the export "with drafts". `kinerja compute` counts only the approved rows.
    /// </summary>
    ApprovedWithPending,
}

/// <summary>What an import would add, change and remove in one sheet.</summary>
public sealed record SheetChanges(string Sheet, string SheetTitle, IReadOnlyList<RowChange> Added, IReadOnlyList<RowChange> Changed, IReadOnlyList<RowChange> Removed)
{
    public bool Any => Added.Count + Changed.Count + Removed.Count > 0;
}

public sealed record RowChange(string Key, IReadOnlyDictionary<string, string>? Before, IReadOnlyDictionary<string, string>? After);


/// <summary>
/// Keeps a workbook in the database and gives it back. The sheets the web edits (targets,
/// realisasi) are tables of their own; every other sheet is stored as its cells, so
/// import -> database -> export gives the same workbook.
/// </summary>
public sealed partial class WorkbookStore(KinerjaDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The web's period lock (issue 21): given the instansi, the year and the realisasi and targets a workflow import would
    /// write, the refusal or null. It may add audit entries to the context, saved in the import's transaction. A history
    /// import (<see cref="ImportMode.History"/>: an administrator's explicit, audited load of a closed year, with a reason)
    /// is not asked.
    /// </summary>
    public Func<int, int, IReadOnlyList<LockedWrite>, Task<string?>>? PeriodLock { get; init; }

    public const string RootUnitFallback = "INSTANSI";

    private static readonly string[] OwnTables = ["targets", "realisasi"];

    /// <summary>Sheets kept in tables of their own but, unlike targets and realisasi, optional: whether the workbook had them is remembered.</summary>
    private static readonly string[] OptionalOwnTables = ["pkVersions", "pkBudget", "actionPlan"];

    /// <summary>The columns that identify a row of each sheet in a preview (rows without a key are compared whole).</summary>
    private static readonly Dictionary<string, string[]> Keys = new(StringComparer.Ordinal)
    {
        ["units"] = ["code"],
        ["plan"] = ["code"],
        ["indicators"] = ["code"],
        ["targets"] = ["indicator", "period", "document"],
        ["realisasi"] = ["indicator", "period"],
        ["benchmarks"] = ["indicator", "period", "level", "name"],
        ["budget"] = ["code"],
        ["predicateScales"] = ["scale", "label"],
        ["staff"] = ["unit", "dimension", "category", "sex"],
        ["supportingPrograms"] = ["goal", "name", "year"],
        ["dataElements"] = ["code"],
        ["dataValues"] = ["element", "unit", "period", "breakdown"],
        ["formulas"] = ["indicator"],
        ["pkVersions"] = ["version"],
        ["pkBudget"] = ["version", "code"],
        ["actionPlan"] = ["indicator", "period", "action"],
    };

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // ---------- reading back ----------

    /// <summary>The year's workbook as raw cells, with the realisasi of the chosen view; <paramref name="replace"/> swaps one realisasi row (for checks before a submit).</summary>
    public async Task<RawWorkbook> LoadRawAsync(int yearId, RealisasiView view, RealisasiRecord? replace = null, CancellationToken cancellationToken = default)
    {
        var year = await db.Years.AsNoTracking().SingleAsync(y => y.Id == yearId, cancellationToken);
        var file = string.IsNullOrEmpty(year.SourceFile) ? "basis-data" : year.SourceFile;
        var raw = new RawWorkbook { FileName = file, IsJson = true, HasProfile = true };
        foreach (var (key, text) in Cells(year.ProfileJson))
            raw.Profile[key] = new RawCell(text, new SourceLocation(file, "profile", 0, key, Json: true));
        foreach (var sheet in year.SheetsPresent.Split(';', StringSplitOptions.RemoveEmptyEntries))
            raw.Sheets[sheet] = [];

        var rows = await db.WorkbookRows.AsNoTracking().Where(r => r.ReportingYearId == yearId).OrderBy(r => r.Sheet).ThenBy(r => r.Ordinal).ToListAsync(cancellationToken);
        foreach (var row in rows)
            AddRow(raw, file, row.Sheet, Cells(row.CellsJson));

        var targets = await db.Targets.AsNoTracking().Where(t => t.ReportingYearId == yearId).OrderBy(t => t.Ordinal).ToListAsync(cancellationToken);
        foreach (var t in targets)
            AddRow(raw, file, "targets", TargetCells(t));

        foreach (var v in await db.PkVersions.AsNoTracking().Where(v => v.ReportingYearId == yearId).OrderBy(v => v.Ordinal).ThenBy(v => v.Id).ToListAsync(cancellationToken))
            AddRow(raw, file, "pkVersions", PkVersionCells(v));
        foreach (var b in await db.PkBudget.AsNoTracking().Where(b => b.ReportingYearId == yearId).OrderBy(b => b.Ordinal).ThenBy(b => b.Id).ToListAsync(cancellationToken))
            AddRow(raw, file, "pkBudget", PkBudgetCells(b));

        foreach (var a in await db.RencanaAksi.AsNoTracking().Where(a => a.ReportingYearId == yearId).OrderBy(a => a.Ordinal).ThenBy(a => a.Id).ToListAsync(cancellationToken))
            AddRow(raw, file, "actionPlan", RencanaAksiCells(a));

        var records = await db.Realisasi.AsNoTracking().Where(r => r.ReportingYearId == yearId).ToListAsync(cancellationToken);
        if (view == RealisasiView.ApprovedWithPending)
        {
            var approved = Choose(records, RealisasiView.Approved);
            var pending = Choose(records, RealisasiView.Latest).Where(r => r.Status != EntryStatus.Disahkan);
            foreach (var r in approved.Concat(pending).OrderBy(r => r.Ordinal).ThenBy(r => r.IndicatorCode, StringComparer.Ordinal).ThenBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Version))
            {
                var cells = RealisasiCells(r);
                cells["approval"] = ApprovalLabel(r.Status);
                AddRow(raw, file, "realisasi", cells);
            }

            return WithOwnSheets(raw);
        }

        var chosen = Choose(records, view);
        if (replace is not null)
        {
            chosen.RemoveAll(r => r.IndicatorCode == replace.IndicatorCode && r.Period == replace.Period);
            chosen.Add(replace);
        }

        foreach (var r in chosen.OrderBy(r => r.Ordinal).ThenBy(r => r.Id))
            AddRow(raw, file, "realisasi", RealisasiCells(r));
        return WithOwnSheets(raw);
    }

    /// <summary>A year without targets or without an approved realisasi yet still has those sheets, empty: the importer requires them.</summary>
    private static RawWorkbook WithOwnSheets(RawWorkbook raw)
    {
        foreach (var sheet in OwnTables)
            raw.Sheets.TryAdd(sheet, []);
        return raw;
    }

    /// <summary>The workflow state as column Persetujuan and the pages spell it.</summary>
    public static string ApprovalLabel(EntryStatus status) => status switch
    {
        EntryStatus.Draft => "Draf",
        EntryStatus.Diajukan => "Diajukan",
        EntryStatus.Diverifikasi => "Diverifikasi",
        EntryStatus.Disahkan => "Disahkan",
        _ => "Dikembalikan",
    };

    /// <summary>The realisasi version each (indicator, period) shows in a view.</summary>
    public static List<RealisasiRecord> Choose(IEnumerable<RealisasiRecord> records, RealisasiView view)
    {
        var byKey = records.GroupBy(r => (r.IndicatorCode, r.Period)).Where(g => g.Any(r => r.IsCurrent));
        return view == RealisasiView.Latest
            ? byKey.Select(g => g.Single(r => r.IsCurrent)).ToList()
            : byKey.Select(g => g.Where(r => r.Status == EntryStatus.Disahkan).MaxBy(r => r.Version)).OfType<RealisasiRecord>().ToList();
    }

    private static void AddRow(RawWorkbook raw, string file, string sheet, Dictionary<string, string> cells)
    {
        if (!raw.Sheets.TryGetValue(sheet, out var list))
            raw.Sheets[sheet] = list = [];
        var row = new RawRow { Row = list.Count + 1, SheetName = sheet };
        foreach (var (key, text) in cells)
            row.Cells[key] = new RawCell(text, new SourceLocation(file, sheet, row.Row, key, Json: true));
        list.Add(row);
    }

    public static Dictionary<string, string> TargetCells(TargetRow t) => Compact(new()
    {
        ["indicator"] = t.IndicatorCode,
        ["period"] = t.Period,
        ["value"] = t.Value,
        ["cumulative"] = t.Cumulative,
        ["document"] = t.Document,
    });

    public static Dictionary<string, string> RealisasiCells(RealisasiRecord r) => Compact(new()
    {
        ["indicator"] = r.IndicatorCode,
        ["period"] = r.Period,
        ["value"] = r.Value,
        ["status"] = r.ValueStatus,
        ["note"] = r.Note,
        ["printedCapaian"] = r.PrintedCapaian,
    });

    /// <summary>The workbook column of each PK sheet cell, and the property that keeps it.</summary>
    private static readonly (string Key, Func<PkVersionRow, string?> Get, Action<PkVersionRow, string?> Set)[] PkVersionColumns =
    [
        ("version", v => v.PkVersion, (v, x) => v.PkVersion = x ?? ""),
        ("date", v => v.SigningDate, (v, x) => v.SigningDate = x),
        ("place", v => v.Place, (v, x) => v.Place = x),
        ("firstPosition", v => v.FirstPosition, (v, x) => v.FirstPosition = x),
        ("firstName", v => v.FirstName, (v, x) => v.FirstName = x),
        ("firstNip", v => v.FirstNip, (v, x) => v.FirstNip = x),
        ("firstRank", v => v.FirstRank, (v, x) => v.FirstRank = x),
        ("firstActing", v => v.FirstActing, (v, x) => v.FirstActing = x),
        ("firstPolitical", v => v.FirstPolitical, (v, x) => v.FirstPolitical = x),
        ("secondPosition", v => v.SecondPosition, (v, x) => v.SecondPosition = x),
        ("secondName", v => v.SecondName, (v, x) => v.SecondName = x),
        ("secondNip", v => v.SecondNip, (v, x) => v.SecondNip = x),
        ("secondRank", v => v.SecondRank, (v, x) => v.SecondRank = x),
        ("secondActing", v => v.SecondActing, (v, x) => v.SecondActing = x),
        ("secondPolitical", v => v.SecondPolitical, (v, x) => v.SecondPolitical = x),
        ("oneParty", v => v.OneParty, (v, x) => v.OneParty = x),
    ];

    private static readonly (string Key, Func<PkBudgetRow, string?> Get, Action<PkBudgetRow, string?> Set)[] PkBudgetColumns =
    [
        ("version", b => b.PkVersion, (b, x) => b.PkVersion = x ?? ""),
        ("code", b => b.Code, (b, x) => b.Code = x ?? ""),
        ("name", b => b.Name, (b, x) => b.Name = x),
        ("parent", b => b.Parent, (b, x) => b.Parent = x),
        ("level", b => b.Level, (b, x) => b.Level = x),
        ("pagu", b => b.Pagu, (b, x) => b.Pagu = x),
        ("goals", b => b.Goals, (b, x) => b.Goals = x),
        ("pengampu", b => b.Pengampu, (b, x) => b.Pengampu = x),
    ];

    public static Dictionary<string, string> RencanaAksiCells(RencanaAksiRow a) => Compact(new()
    {
        ["indicator"] = a.IndicatorCode,
        ["period"] = a.Period,
        ["target"] = a.QuarterTarget,
        ["action"] = a.Action,
        ["responsible"] = a.Responsible,
        ["schedule"] = a.Schedule,
    });

    public static void WriteRencanaAksi(RencanaAksiRow a, Dictionary<string, string> cells)
    {
        a.IndicatorCode = cells.GetValueOrDefault("indicator") ?? "";
        a.Period = cells.GetValueOrDefault("period") ?? "";
        a.QuarterTarget = cells.GetValueOrDefault("target");
        a.Action = cells.GetValueOrDefault("action") ?? "";
        a.Responsible = cells.GetValueOrDefault("responsible");
        a.Schedule = cells.GetValueOrDefault("schedule");
    }

    public static Dictionary<string, string> PkVersionCells(PkVersionRow v) => Compact(PkVersionColumns.ToDictionary(c => c.Key, c => c.Get(v)));

    public static Dictionary<string, string> PkBudgetCells(PkBudgetRow b) => Compact(PkBudgetColumns.ToDictionary(c => c.Key, c => c.Get(b)));

    public static void WritePkVersion(PkVersionRow v, Dictionary<string, string> cells)
    {
        foreach (var (key, _, set) in PkVersionColumns)
            set(v, cells.GetValueOrDefault(key));
    }

    public static void WritePkBudget(PkBudgetRow b, Dictionary<string, string> cells)
    {
        foreach (var (key, _, set) in PkBudgetColumns)
            set(b, cells.GetValueOrDefault(key));
    }

    private static Dictionary<string, string> Compact(Dictionary<string, string?> cells) =>
        cells.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal);

    private static Dictionary<string, string> Cells(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    private static Dictionary<string, string> Cells(RawRow row) =>
        row.Cells.Where(c => c.Value.Text is not null).ToDictionary(c => c.Key, c => c.Value.Text!, StringComparer.Ordinal);

    private static string Get(Dictionary<string, string> cells, string key) => cells.GetValueOrDefault(key) ?? "";

    private static string? Optional(Dictionary<string, string> cells, string key) => cells.GetValueOrDefault(key);

    // ---------- preview ----------

    private static SheetChanges Compare(string sheet, string title, Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var added = after.Keys.Except(before.Keys).Select(k => new RowChange(k, null, new Dictionary<string, string> { [k] = after[k] })).ToList();
        var removed = before.Keys.Except(after.Keys).Select(k => new RowChange(k, new Dictionary<string, string> { [k] = before[k] }, null)).ToList();
        var changed = after.Keys.Intersect(before.Keys).Where(k => before[k] != after[k])
            .Select(k => new RowChange(k, new Dictionary<string, string> { [k] = before[k] }, new Dictionary<string, string> { [k] = after[k] })).ToList();
        return new SheetChanges(sheet, title, added, changed, removed);
    }

    private static SheetChanges Compare(string sheet, string title, List<(string Key, Dictionary<string, string> Cells)> before, List<(string Key, Dictionary<string, string> Cells)> after)
    {
        var b = before.ToDictionary(r => r.Key, r => r.Cells, StringComparer.Ordinal);
        var a = after.ToDictionary(r => r.Key, r => r.Cells, StringComparer.Ordinal);
        var added = after.Where(r => !b.ContainsKey(r.Key)).Select(r => new RowChange(r.Key, null, r.Cells)).ToList();
        var removed = before.Where(r => !a.ContainsKey(r.Key)).Select(r => new RowChange(r.Key, r.Cells, null)).ToList();
        var changed = after.Where(r => b.TryGetValue(r.Key, out var old) && !SameCells(old, r.Cells)).Select(r => new RowChange(r.Key, b[r.Key], r.Cells)).ToList();
        return new SheetChanges(sheet, title, added, changed, removed);
    }

    private static bool SameCells(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(c => b.TryGetValue(c.Key, out var v) && v == c.Value);

    /// <summary>Rows with their key; a key seen twice gets "#2" so no row is hidden.</summary>
    private static List<(string Key, Dictionary<string, string> Cells)> Keyed(string sheet, IEnumerable<Dictionary<string, string>> rows)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<(string, Dictionary<string, string>)>();
        foreach (var cells in rows)
        {
            var key = Keys.TryGetValue(sheet, out var columns)
                ? string.Join(" | ", columns.Select(c => Get(cells, c)).Where(v => v.Length > 0))
                : string.Join(" | ", cells.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value));
            var n = seen[key] = seen.GetValueOrDefault(key) + 1;
            result.Add((n == 1 ? key : $"{key} #{n}", cells));
        }

        return result;
    }

    private void MergeTargets(List<TargetRow> existing, RawWorkbook raw, ReportingYear year, int agencyId, Dictionary<string, string> unitOf, string rootUnit)
    {
        var pool = Keyed("targets", existing.OrderBy(t => t.Ordinal).Select(TargetCells)).Zip(existing.OrderBy(t => t.Ordinal)).ToDictionary(p => p.First.Key, p => p.Second, StringComparer.Ordinal);
        var ordinal = 0;
        foreach (var (key, cells) in Keyed("targets", (raw.Sheets.GetValueOrDefault("targets") ?? []).Where(r => !r.IsEmpty).Select(Cells)))
        {
            ordinal++;
            if (pool.Remove(key, out var row))
            {
                row.Ordinal = ordinal;
                if (SameCells(TargetCells(row), cells))
                    continue;
                row.Value = Get(cells, "value");
                row.Cumulative = Optional(cells, "cumulative");
                row.Document = Optional(cells, "document");
                row.ConcurrencyVersion++;
                continue;
            }

            var indicator = Get(cells, "indicator");
            db.Targets.Add(new TargetRow
            {
                ReportingYearId = year.Id, AgencyId = agencyId, Ordinal = ordinal, IndicatorCode = indicator, Period = Get(cells, "period"), Value = Get(cells, "value"),
                Cumulative = Optional(cells, "cumulative"), Document = Optional(cells, "document"), UnitCode = unitOf.GetValueOrDefault(indicator) ?? rootUnit,
            });
        }

        db.Targets.RemoveRange(pool.Values);
    }

    /// <summary>Updates a sheet's own table to the workbook's rows by their key: unchanged rows stay (no audit noise), changed rows are updated, others added or removed.</summary>
    private void MergeRows<T>(List<T> existing, RawWorkbook raw, string sheet, Func<T, Dictionary<string, string>> cellsOf, Action<T, Dictionary<string, string>> write, Func<T> create, Action<T, int> setOrdinal, Action<T> bump)
        where T : class
    {
        // existing comes in its sheet order, so a key seen twice gets the same "#2" as in the workbook
        var pool = Keyed(sheet, existing.Select(cellsOf)).Zip(existing).ToDictionary(p => p.First.Key, p => p.Second, StringComparer.Ordinal);
        var ordinal = 0;
        foreach (var (key, cells) in Keyed(sheet, (raw.Sheets.GetValueOrDefault(sheet) ?? []).Where(r => !r.IsEmpty).Select(Cells)))
        {
            ordinal++;
            if (!pool.Remove(key, out var row))
            {
                row = create();
                db.Add(row);
            }
            else if (!SameCells(cellsOf(row), cells))
                bump(row);

            setOrdinal(row, ordinal);
            write(row, cells);
        }

        db.RemoveRange(pool.Values);
    }

    /// <summary>The unit at the top of the organisation: what an indicator without a responsible unit belongs to.</summary>
    public static string RootUnit(PerformanceDataset data) =>
        data.Units.FirstOrDefault(u => string.IsNullOrWhiteSpace(u.ParentCode))?.Code ?? data.Units.FirstOrDefault()?.Code ?? RootUnitFallback;

    /// <summary>The responsible unit: the indicator's own, else the nearest plan node's, else the top unit.</summary>
    public static string UnitOf(PerformanceDataset data, Indicator indicator, string rootUnit)
    {
        if (!string.IsNullOrWhiteSpace(indicator.OwnerUnitCode))
            return indicator.OwnerUnitCode;
        var node = data.FindPlanNode(indicator.GoalCode);
        for (var depth = 0; node is not null && depth < 64; depth++)
        {
            if (!string.IsNullOrWhiteSpace(node.UnitCode))
                return node.UnitCode;
            node = node.ParentCode is { } parent ? data.FindPlanNode(parent) : null;
        }

        return rootUnit;
    }
}

/// <summary>
/// The domain dataset of a year, built once per revision by the workbook importer from what the
/// database holds, and shared by the pages until the next change.
/// </summary>
public sealed class DatasetCache
{
    private readonly ConcurrentDictionary<(int YearId, RealisasiView View), (int Revision, PerformanceDataset Data)> _entries = new();

    public async Task<PerformanceDataset> GetAsync(KinerjaDbContext db, int yearId, RealisasiView view, CancellationToken cancellationToken = default) =>
        await GetAsync(db, yearId, view, await db.Years.Where(y => y.Id == yearId).Select(y => y.Revision).SingleAsync(cancellationToken), cancellationToken);

    /// <summary>The dataset at <paramref name="revision"/>, which the caller has just read from the same database (one version query per request).</summary>
    public async Task<PerformanceDataset> GetAsync(KinerjaDbContext db, int yearId, RealisasiView view, int revision, CancellationToken cancellationToken = default)
    {
        if (_entries.TryGetValue((yearId, view), out var hit) && hit.Revision == revision)
            return hit.Data;
        var raw = await new WorkbookStore(db, TimeProvider.System).LoadRawAsync(yearId, view, null, cancellationToken);
        var data = DatasetImporter.Import(raw);
        _entries[(yearId, view)] = (revision, data);
        return data;
    }
}

/// <summary>
/// A dataset read from the database never changes (a change makes a new one), so its capaian table
/// per period is computed once and shared by every request that asks for it.
/// </summary>
public static class ComputedResults
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PerformanceDataset, ConcurrentDictionary<Kinerja.Domain.Values.Period, Kinerja.Domain.Measurement.PerformanceResult>> Results = new();

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PerformanceDataset, PerformanceDataset> Measured = new();

    /// <summary>
    /// The capaian table as the engine and the CLI measure it (<see cref="Kinerja.Domain.Measurement.Measure"/>):
    /// realisasi of formula indicators computed from the counts (NilaiData) wherever they give a value.
    /// </summary>
    public static Kinerja.Domain.Measurement.PerformanceResult Of(PerformanceDataset data, Kinerja.Domain.Values.Period period) =>
        Results.GetOrCreateValue(data).GetOrAdd(period, p => Kinerja.Domain.Measurement.PerformanceCalculator.Compute(MeasuredOf(data), p));

    /// <summary>The dataset as measured (computed realisasi in place of typed ones), prepared once per dataset.</summary>
    public static PerformanceDataset MeasuredOf(PerformanceDataset data) =>
        Measured.GetValue(data, Kinerja.Domain.Measurement.Measure.Prepare);
}
