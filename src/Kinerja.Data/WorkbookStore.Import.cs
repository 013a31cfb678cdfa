using System.Globalization;
using System.Text.Json;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;
using Kinerja.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

/// <summary>How an import treats the realisasi of a workbook.</summary>
public enum ImportMode
{
    /// <summary>The ordinary import: new or changed values become drafts of their unit and go through the workflow; nothing in the workflow is changed or deleted.</summary>
    Workflow,

    /// <summary>
    /// An administrator loads the history of a closed year: the values are stored as approved imported history,
    /// marked with the file's name and SHA-256. Refused for a year that has records of the workflow.
    /// </summary>
    History,
}

/// <summary>What an import does with one realisasi (indicator, period); the API spells it by name.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RealisasiImportAction>))]
public enum RealisasiImportAction
{
    /// <summary>A new draft (version 1) of the indicator's unit.</summary>
    NewDraft,

    /// <summary>A draft nobody has worked on (no bukti, no workflow step) takes the workbook's value.</summary>
    DraftChanged,

    /// <summary>The approved value stays in force; the workbook's value becomes a correction draft (a new version).</summary>
    CorrectionDraft,

    /// <summary>Submitted, verified, returned, or with bukti or history: the workbook's different value is not applied.</summary>
    Protected,

    /// <summary>Not in the workbook and protected: not deleted.</summary>
    ProtectedAbsent,

    /// <summary>Not in the workbook, a plain draft: kept (an import deletes nothing of the workflow).</summary>
    KeptAbsent,

    /// <summary>History import: a value added, changed or removed as approved imported history.</summary>
    HistoryAdded,

    HistoryChanged,

    HistoryRemoved,
}

/// <summary>One realisasi an import would touch or leave protected, with its workflow state now and what happens to it.</summary>
/// <summary>A realisasi or target (<paramref name="Kind"/>) an import writes, as the period lock reads it.</summary>
public sealed record LockedWrite(string Indicator, string Period, string Unit, string Kind);

public sealed record RealisasiImportItem(string Indicator, string Period, string UnitCode, string State, RealisasiImportAction Action, string? Before, string? After, string What)
{
    public string Key => $"{Indicator} | {Period}";

    /// <summary>The stored record is protected and stays as it is (an approved value under a new correction draft included).</summary>
    public bool IsProtected => Action is RealisasiImportAction.Protected or RealisasiImportAction.ProtectedAbsent or RealisasiImportAction.CorrectionDraft;

    public bool Writes => Action is RealisasiImportAction.NewDraft or RealisasiImportAction.DraftChanged or RealisasiImportAction.CorrectionDraft
        or RealisasiImportAction.HistoryAdded or RealisasiImportAction.HistoryChanged or RealisasiImportAction.HistoryRemoved;
}

/// <summary>A finding of the data checks (DatasetValidator) on the year as the import would leave it.</summary>
public sealed record ImportFinding(string Severity, string Sheet, string Code, string Message);

public sealed record ImportPreview(int? AgencyId, string AgencyName, bool NewAgency, int Year, int? ExpectedRevision, IReadOnlyList<SheetChanges> Sheets, IReadOnlyList<string> Warnings)
{
    public ImportMode Mode { get; init; }

    /// <summary>Every realisasi the import writes or leaves protected, with its workflow state.</summary>
    public IReadOnlyList<RealisasiImportItem> Realisasi { get; init; } = [];

    /// <summary>Rows of other sheets kept as they are (targets and budget of a signed PK, the signed PK itself), with the reason.</summary>
    public IReadOnlyList<string> Protected { get; init; } = [];

    public IReadOnlyList<ImportFinding> Findings { get; init; } = [];

    /// <summary>Why the import cannot be saved at all (nothing would be written), or null.</summary>
    public string? Refusal { get; init; }

    public bool AnyChange => Sheets.Any(s => s.Any);
}

public sealed record ImportOutcome(int AgencyId, int YearId, int Year, int Revision)
{
    /// <summary>False when the workbook held what the database holds: nothing was written but the audit entry of the no-op.</summary>
    public bool Changed { get; init; } = true;

    public int NewDrafts { get; init; }

    public int ProtectedCount { get; init; }

    /// <summary>The import's audit entry (action and what it did), for a caller that writes it (the web's write path) rather than the store.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string AuditAction { get; init; } = "impor";

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, object?> AuditSummary { get; init; } = new Dictionary<string, object?>();
}

/// <summary>The import was prepared on data that has changed since: preview again.</summary>
public sealed class StaleImportException(string message) : Exception(message);

/// <summary>The import cannot be saved (a history import into a year with workflow records, a result that does not read back): nothing was written.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);

/// <summary>
/// Import of a whole workbook into a year, with the workflow's rules: a value that was submitted, verified or
/// approved, or that has bukti or history, is never changed, approved or deleted by an import; new or changed
/// values become drafts of their unit; a signed PK (its targets and budget too) changes only through a PK Perubahan.
/// The preview and the commit share one plan (<see cref="PlanAsync"/>), so what the preview shows is what is written.
/// </summary>
public sealed partial class WorkbookStore
{
    /// <summary>The <see cref="RealisasiRecord.Source"/> of approved values loaded by a history import.</summary>
    public const string HistorySource = "riwayat";

    /// <summary>What an import creates as drafts is marked so.</summary>
    public const string ImportSource = "impor";

    /// <summary>
    /// Whether <see cref="CommitAsync"/> writes the import's audit entry itself (the seeder); the web's write path turns it
    /// off and writes the entry from <see cref="ImportOutcome.AuditSummary"/> with the revision it checked.
    /// </summary>
    public bool RecordsAudit { get; init; } = true;

    /// <summary>Why a history import (<see cref="ImportMode.History"/>) writes a closed year, for its audit entry when the store writes it (the seeder's samples).</summary>
    public string? HistoryReason { get; init; }

    private sealed class ImportPlan
    {
        public Agency? Agency { get; init; }

        public ReportingYear? Year { get; init; }

        public required RawWorkbook Effective { get; init; }

        public PerformanceDataset? Data { get; set; }

        public List<RealisasiImportItem> Items { get; } = [];

        /// <summary>The workbook's cells for each item that writes, by key.</summary>
        public Dictionary<(string Indicator, string Period), Dictionary<string, string>> Incoming { get; } = [];

        public List<RealisasiRecord> Records { get; init; } = [];

        public List<string> Protected { get; } = [];

        public List<SheetChanges> Sheets { get; } = [];

        public List<ImportFinding> Findings { get; } = [];

        public string? Refusal { get; set; }

        public bool AnyChange => Sheets.Any(s => s.Any);
    }

    /// <summary>What importing <paramref name="raw"/> (already imported without error into <paramref name="data"/>) would do: nothing is written.</summary>
    public async Task<ImportPreview> PreviewAsync(int? agencyId, RawWorkbook raw, PerformanceDataset data, ImportMode mode = ImportMode.Workflow, CancellationToken cancellationToken = default)
    {
        var warnings = new List<string>();
        var agency = agencyId is { } id
            ? await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken)
            : await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Name == data.Profile.Agency, cancellationToken);
        if (agency is not null && agency.Name != data.Profile.Agency)
            warnings.Add($"nama instansi di berkas (\"{data.Profile.Agency}\") berbeda dengan instansi tujuan (\"{agency.Name}\")");
        var year = agency is null ? null : await db.Years.AsNoTracking().SingleOrDefaultAsync(y => y.AgencyId == agency.Id && y.Year == data.Profile.Year, cancellationToken);
        var plan = await PlanAsync(agency, year, raw, data, mode, tracked: false, cancellationToken);
        return new ImportPreview(agency?.Id, agency?.Name ?? data.Profile.Agency, agency is null, data.Profile.Year, year?.Revision, plan.Sheets, warnings)
        {
            Mode = mode, Realisasi = plan.Items, Protected = plan.Protected, Findings = plan.Findings, Refusal = plan.Refusal,
        };
    }

    /// <summary>
    /// Writes the workbook in one transaction: all or nothing, one audit entry for the import with the list of what it
    /// did (each changed record also gets its own entry from the audit interceptor), the year's revision raised once.
    /// A workbook equal to what is stored writes only the audit entry of the no-op. <paramref name="expectedRevision"/>
    /// is the year's revision the preview saw; a change since then refuses the commit.
    /// </summary>
    public async Task<ImportOutcome> CommitAsync(int? agencyId, RawWorkbook raw, PerformanceDataset data, int? expectedRevision, string fileName, ImportMode mode = ImportMode.Workflow, string? sha256 = null, CancellationToken cancellationToken = default)
    {
        // inside a caller's transaction (the web's write path) the caller commits; alone (the seeder) the store does
        var own = db.Database.CurrentTransaction is null;
        await using var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var now = clock.GetUtcNow();
        var agency = agencyId is { } id
            ? await db.Agencies.SingleAsync(a => a.Id == id, cancellationToken)
            : await db.Agencies.SingleOrDefaultAsync(a => a.Name == data.Profile.Agency, cancellationToken);
        var year = agency is null ? null : await db.Years.SingleOrDefaultAsync(y => y.AgencyId == agency.Id && y.Year == data.Profile.Year, cancellationToken);
        if (year is null && expectedRevision is not null)
            throw new StaleImportException("data tahun ini sudah dihapus sejak pratinjau; ulangi pratinjau");
        if (year is not null && expectedRevision != year.Revision)
            throw new StaleImportException("data tahun ini telah berubah sejak pratinjau; ulangi pratinjau sebelum menyimpan");

        var plan = await PlanAsync(agency, year, raw, data, mode, tracked: true, cancellationToken);
        if (plan.Refusal is not null)
            throw new ImportRefusedException(plan.Refusal);
        var summary = new Dictionary<string, object?>
        {
            ["berkas"] = fileName,
            ["sha256"] = sha256,
            ["jenis"] = mode == ImportMode.History ? "riwayat tahun yang sudah ditutup" : "impor (nilai baru sebagai draf)",
            ["draf baru"] = KeysOf(plan, RealisasiImportAction.NewDraft),
            ["draf diubah"] = KeysOf(plan, RealisasiImportAction.DraftChanged),
            ["koreksi sebagai draf"] = KeysOf(plan, RealisasiImportAction.CorrectionDraft),
            ["dilindungi, tidak diubah"] = KeysOf(plan, RealisasiImportAction.Protected),
            ["dilindungi, tidak dihapus"] = KeysOf(plan, RealisasiImportAction.ProtectedAbsent),
            ["riwayat ditambah"] = KeysOf(plan, RealisasiImportAction.HistoryAdded),
            ["riwayat diubah"] = KeysOf(plan, RealisasiImportAction.HistoryChanged),
            ["riwayat dihapus"] = KeysOf(plan, RealisasiImportAction.HistoryRemoved),
            ["baris lain dilindungi"] = plan.Protected,
            ["sheet berubah"] = plan.Sheets.Where(s => s.Any).Select(s => $"{s.SheetTitle}: +{s.Added.Count} ~{s.Changed.Count} -{s.Removed.Count}").ToList(),
        };
        if (mode == ImportMode.History && HistoryReason is not null)
            summary["alasan"] = HistoryReason;
        var action = mode == ImportMode.History ? "impor riwayat" : "impor";
        if (agency is not null && year is not null && !plan.AnyChange)
        {
            // the same workbook again: no row, no revision; the attempt itself is on the record
            var same = new Dictionary<string, object?> { ["berkas"] = fileName, ["sha256"] = sha256, ["hasil"] = "tanpa perubahan" };
            if (RecordsAudit)
                db.Record(agency.Id, nameof(ReportingYear), YearKey(year), action, null, same);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
                await transaction.CommitAsync(cancellationToken);
            return new ImportOutcome(agency.Id, year.Id, year.Year, year.Revision) { Changed = false, ProtectedCount = plan.Items.Count(i => i.IsProtected), AuditAction = action, AuditSummary = same };
        }

        var (agencyId2, written) = await WriteImportAsync(plan, agency, year, data, fileName, sha256, mode, now, summary, cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(agencyId2, written.Id, written.Year, written.Revision)
        {
            NewDrafts = plan.Items.Count(i => i.Action is RealisasiImportAction.NewDraft or RealisasiImportAction.CorrectionDraft),
            ProtectedCount = plan.Items.Count(i => i.IsProtected),
            AuditAction = action,
            AuditSummary = summary,
        };
    }

    private static List<string> KeysOf(ImportPlan plan, RealisasiImportAction action) =>
        plan.Items.Where(i => i.Action == action).Select(i => i.Key).ToList();

    private static string YearKey(ReportingYear year) => year.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The one place an import writes: agency, units, year, the sheets kept as cells, the own tables, the realisasi
    /// of the plan, the revision and the import's audit entry, saved inside the caller's transaction (the web's
    /// RecordWriter.CommitImportAsync, which also writes the audit entry).
    /// </summary>
    private async Task<(int AgencyId, ReportingYear Year)> WriteImportAsync(ImportPlan plan, Agency? agency, ReportingYear? year, PerformanceDataset data, string fileName, string? sha256, ImportMode mode, DateTimeOffset now, Dictionary<string, object?> summary, CancellationToken cancellationToken)
    {
        var effective = plan.Effective;
        if (agency is null)
        {
            agency = new Agency { Name = data.Profile.Agency, Kind = data.Profile.Kind.ToString() };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(cancellationToken);
        }

        var units = await db.Units.Where(u => u.AgencyId == agency.Id).ToListAsync(cancellationToken);
        var unitsWanted = data.Units.Select(u => (u.Code, u.Name, u.ParentCode)).ToList();
        if (unitsWanted.Count == 0)
            unitsWanted.Add((RootUnitFallback, agency.Name, null));
        foreach (var (code, name, parent) in unitsWanted)
        {
            var unit = units.FirstOrDefault(u => u.Code == code);
            if (unit is null)
                db.Units.Add(new Unit { AgencyId = agency.Id, Code = code, Name = name, ParentCode = string.IsNullOrWhiteSpace(parent) ? null : parent });
            else
            {
                unit.Name = name;
                unit.ParentCode = string.IsNullOrWhiteSpace(parent) ? null : parent;
            }
        }

        if (year is null)
        {
            year = new ReportingYear { AgencyId = agency.Id, Year = data.Profile.Year };
            db.Years.Add(year);
        }
        else
            year.Revision++;

        year.ProfileJson = JsonSerializer.Serialize(effective.Profile.Where(p => p.Value.Text is not null).ToDictionary(p => p.Key, p => p.Value.Text), Json);
        year.SheetsPresent = string.Join(';', effective.Sheets.Keys.Where(k => !OwnTables.Contains(k)).Order(StringComparer.Ordinal));
        year.SourceFile = fileName;
        year.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        await db.WorkbookRows.Where(r => r.ReportingYearId == year.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Indicators.Where(r => r.ReportingYearId == year.Id).ExecuteDeleteAsync(cancellationToken);
        foreach (var (sheet, rows) in effective.Sheets)
        {
            if (OwnTables.Contains(sheet) || OptionalOwnTables.Contains(sheet))
                continue;
            var ordinal = 0;
            foreach (var row in rows)
                db.WorkbookRows.Add(new WorkbookRow { ReportingYearId = year.Id, Sheet = sheet, Ordinal = ++ordinal, CellsJson = JsonSerializer.Serialize(Cells(row), Json) });
        }

        var rootUnit = RootUnit(data);
        var unitOf = data.Indicators.ToDictionary(i => i.Code, i => UnitOf(data, i, rootUnit), StringComparer.Ordinal);
        var n = 0;
        foreach (var indicator in data.Indicators)
            db.Indicators.Add(new IndicatorInfo { ReportingYearId = year.Id, Ordinal = ++n, Code = indicator.Code, Name = indicator.Name, GoalCode = indicator.GoalCode, Satuan = indicator.Satuan, UnitCode = unitOf[indicator.Code], CatalogueCode = ScaleModel.CatalogueCodeOf(indicator.Code, indicator.FormulaExpression) });

        var agencyId = agency.Id;
        var yearId = year.Id;
        MergeTargets(await db.Targets.Where(t => t.ReportingYearId == yearId).ToListAsync(cancellationToken), effective, year, agencyId, unitOf, rootUnit);
        MergeRows(await db.PkVersions.Where(v => v.ReportingYearId == yearId).OrderBy(v => v.Ordinal).ToListAsync(cancellationToken), effective, "pkVersions", PkVersionCells, WritePkVersion,
            () => new PkVersionRow { ReportingYearId = yearId, AgencyId = agencyId, PkVersion = "" }, (v, o) => v.Ordinal = o, v => v.ConcurrencyVersion++);
        MergeRows(await db.PkBudget.Where(b => b.ReportingYearId == yearId).OrderBy(b => b.Ordinal).ToListAsync(cancellationToken), effective, "pkBudget", PkBudgetCells, WritePkBudget,
            () => new PkBudgetRow { ReportingYearId = yearId, AgencyId = agencyId, PkVersion = "", Code = "" }, (b, o) => b.Ordinal = o, b => b.ConcurrencyVersion++);
        MergeRows(await db.RencanaAksi.Where(a => a.ReportingYearId == yearId).OrderBy(a => a.Ordinal).ToListAsync(cancellationToken), effective, "actionPlan", RencanaAksiCells,
            (a, cells) =>
            {
                WriteRencanaAksi(a, cells);
                a.UnitCode = unitOf.GetValueOrDefault(a.IndicatorCode) ?? rootUnit;
            },
            () => new RencanaAksiRow { ReportingYearId = yearId, AgencyId = agencyId, IndicatorCode = "", Period = "", Action = "", UnitCode = rootUnit }, (a, o) => a.Ordinal = o, a => a.ConcurrencyVersion++);
        WriteRealisasi(plan, year, agencyId, unitOf, rootUnit, fileName, sha256, mode, now, units.Select(u => u.Code).Concat(unitsWanted.Select(u => u.Code)).ToHashSet(StringComparer.Ordinal));
        if (PeriodLock is not null && mode == ImportMode.Workflow)
        {
            // the period lock sees every realisasi and target this import changes, as staged (issue 21): a closed period's
            // values change only under a reopening of that unit or indicator; the caller's transaction undoes what was saved
            var writes = plan.Items.Where(i => i.Writes).Select(i => new LockedWrite(i.Indicator, i.Period, i.UnitCode, "realisasi")).ToList();
            writes.AddRange(db.ChangeTracker.Entries<TargetRow>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => new LockedWrite(e.Entity.IndicatorCode, e.Entity.Period, e.Entity.UnitCode, "target")));
            if (await PeriodLock(agencyId, year.Year, writes) is { } locked)
                throw new ImportRefusedException(locked);
        }

        if (RecordsAudit)
            db.Record(agencyId, nameof(ReportingYear), YearKey(year), mode == ImportMode.History ? "impor riwayat" : "impor", null, summary);
        await db.SaveChangesAsync(cancellationToken);
        return (agencyId, year);
    }

    private void WriteRealisasi(ImportPlan plan, ReportingYear year, int agencyId, Dictionary<string, string> unitOf, string rootUnit, string fileName, string? sha256, ImportMode mode, DateTimeOffset now, IReadOnlySet<string> unitCodes)
    {
        // the importer acts as a planner of the whole instansi: the domain's entry records them as the author
        var actor = new Actor(db.AuditUser, Role.Perencana, unitCodes);
        var ordinal = plan.Records.Select(r => r.Ordinal).DefaultIfEmpty(0).Max();
        var history = $"riwayat tahun yang sudah ditutup, diimpor dari {fileName}" + (sha256 is null ? "" : $" (SHA-256 {sha256})");
        foreach (var item in plan.Items.Where(i => i.Writes))
        {
            var key = (item.Indicator, item.Period);
            var versions = plan.Records.Where(r => (r.IndicatorCode, r.Period) == key).ToList();
            var current = versions.SingleOrDefault(r => r.IsCurrent);
            if (item.Action == RealisasiImportAction.HistoryRemoved)
            {
                current!.IsCurrent = false;
                continue;
            }

            var cells = plan.Incoming[key];
            var period = Period.Parse(item.Period).Value;
            var measured = plan.Data!.Realisasi.First(r => string.Equals(r.IndicatorCode, item.Indicator, StringComparison.OrdinalIgnoreCase) && r.Period == period);
            var unit = unitOf.GetValueOrDefault(item.Indicator) ?? rootUnit;
            var nextVersion = versions.Select(r => r.Version).DefaultIfEmpty(0).Max() + 1;
            RealisasiRecord New(EntryStatus status, string source) => new()
            {
                ReportingYearId = year.Id, AgencyId = agencyId, IndicatorCode = item.Indicator, Period = item.Period, UnitCode = unit, Version = nextVersion, Status = status, IsCurrent = true,
                Value = Optional(cells, "value"), ValueStatus = Optional(cells, "status"), Note = Optional(cells, "note"), PrintedCapaian = Optional(cells, "printedCapaian"),
                Ordinal = current?.Ordinal ?? ++ordinal, Source = source, CreatedBy = db.AuditUser, CreatedAt = now,
            };

            switch (item.Action)
            {
                case RealisasiImportAction.HistoryAdded or RealisasiImportAction.HistoryChanged:
                {
                    if (current is not null)
                        current.IsCurrent = false;
                    var record = New(EntryStatus.Disahkan, HistorySource);
                    // the one place a value enters as approved: an administrator's explicit load of a closed year, marked as such
                    record.Events.Add(new WorkflowEvent { At = now, UserName = db.AuditUser, From = EntryStatus.Draft, To = EntryStatus.Disahkan, Value = record.Value, Reason = history });
                    db.Realisasi.Add(record);
                    break;
                }

                case RealisasiImportAction.NewDraft:
                {
                    var entry = new RealisasiEntry(unit, item.Indicator, measured.Period, measured.Value, measured.Status, measured.Note, actor, clock, nextVersion);
                    var record = New(EntryStatus.Draft, ImportSource);
                    AddEvents(record, entry, $"dibuat dari impor {fileName}");
                    db.Realisasi.Add(record);
                    break;
                }

                case RealisasiImportAction.CorrectionDraft:
                {
                    var approved = RealisasiEntry.Restore(current!.UnitCode, current.IndicatorCode, measured.Period, null, measured.Status, current.Note, current.Version, current.Status, [], clock);
                    var entry = approved.Correct(actor, measured.Value, measured.Status, measured.Note, $"impor {fileName}");
                    current.IsCurrent = false;
                    current.ConcurrencyVersion++;
                    var record = New(EntryStatus.Draft, ImportSource);
                    record.Kendala = current.Kendala;
                    record.TindakLanjut = current.TindakLanjut;
                    AddEvents(record, entry, null);
                    db.Realisasi.Add(record);
                    break;
                }

                case RealisasiImportAction.DraftChanged:
                {
                    var entry = RealisasiEntry.Restore(current!.UnitCode, current.IndicatorCode, measured.Period, null, measured.Status, current.Note, current.Version, current.Status,
                        current.Events.OrderBy(e => e.Id).Select(e => new EntryEvent(e.At, e.UserName, e.From, e.To, e.Value, e.Reason)), clock);
                    entry.Edit(actor, measured.Value, measured.Status, measured.Note);
                    current.Value = Optional(cells, "value");
                    current.ValueStatus = Optional(cells, "status");
                    current.Note = Optional(cells, "note");
                    current.PrintedCapaian = Optional(cells, "printedCapaian");
                    current.ConcurrencyVersion++;
                    AddEvents(current, entry, $"diubah lewat impor {fileName}");
                    break;
                }
            }
        }
    }

    private static void AddEvents(RealisasiRecord record, RealisasiEntry entry, string? reason)
    {
        foreach (var e in entry.History.Skip(record.Events.Count))
            record.Events.Add(new WorkflowEvent { At = e.At, UserName = e.UserName, From = e.From, To = e.To, Value = e.Value, Reason = reason ?? e.Reason });
    }

    /// <summary>
    /// Protected: anything past a plain draft. A record submitted, verified, returned or approved, with bukti, with a
    /// workflow step in its history, or a correction (its reason belongs to its value) is not changed by an import.
    /// </summary>
    public static bool IsProtected(RealisasiRecord record) =>
        record.Status != EntryStatus.Draft || record.Evidence.Count > 0
        || record.Events.Any(e => e.From != e.To || (e.Reason ?? "").StartsWith("koreksi", StringComparison.Ordinal));

    private static string WhyProtected(RealisasiRecord record) =>
        record.Status != EntryStatus.Draft ? $"berstatus {ApprovalLabel(record.Status)}"
        : record.Evidence.Count > 0 ? $"draf dengan {record.Evidence.Count} bukti dukung"
        : "draf dengan riwayat alur kerja";

    private static string Describe(Dictionary<string, string> cells) =>
        string.Join(" ", new[] { cells.GetValueOrDefault("value"), cells.GetValueOrDefault("status") is { } s and not "Final" ? $"({s})" : null }.Where(x => !string.IsNullOrEmpty(x)));

    /// <summary>The plan of an import, shared by preview and commit: the year as it would be, each realisasi's fate, the protected rows, the checks.</summary>
    private async Task<ImportPlan> PlanAsync(Agency? agency, ReportingYear? year, RawWorkbook raw, PerformanceDataset data, ImportMode mode, bool tracked, CancellationToken cancellationToken)
    {
        var stored = year is null ? null : await LoadRawAsync(year.Id, RealisasiView.Latest, null, cancellationToken);
        PerformanceDataset? storedData = null;
        if (stored is not null)
        {
            try
            {
                storedData = DatasetImporter.Import(stored);
            }
            catch (WorkbookImportException)
            {
                // a stored year that no longer reads has nothing signed to protect by its PK sheet; the realisasi rules still hold
            }
        }

        var yearId = year?.Id ?? 0;
        var query = db.Realisasi.Include(r => r.Events).Include(r => r.Evidence).Where(r => r.ReportingYearId == yearId);
        var records = year is null ? [] : tracked ? await query.ToListAsync(cancellationToken) : await query.AsNoTracking().ToListAsync(cancellationToken);
        var effective = new RawWorkbook { FileName = raw.FileName, IsJson = raw.IsJson, HasProfile = raw.HasProfile };
        foreach (var (key, cell) in raw.Profile)
            effective.Profile[key] = cell;
        foreach (var (sheet, rows) in raw.Sheets)
            effective.Sheets[sheet] = sheet is "realisasi" or "targets" or "pkVersions" or "pkBudget" ? [] : rows;
        var plan = new ImportPlan { Agency = agency, Year = year, Effective = effective, Records = records };

        // a signed PK, its targets and its budget change only through a PK Perubahan
        var signed = storedData is null ? [] : PerjanjianKinerja.Versions(storedData).Where(v => v.SignedOn is not null).ToDictionary(v => v.Id, v => v.SignedOn!.Value);
        string? Locked(string? versionText)
        {
            var id = PerjanjianKinerja.DocumentVersion(versionText) ?? (PkVersionId.Parse(versionText) is { Success: true } p ? p.Value : null);
            return id is { } v && signed.TryGetValue(v, out var on)
                ? $"{v.Title} sudah ditandatangani ({on}); perubahan memerlukan PK Perubahan"
                : null;
        }

        Protect(plan, raw, stored, "targets", "Target", c => Locked(c.GetValueOrDefault("document")));
        Protect(plan, raw, stored, "pkVersions", "PK", c => Locked(c.GetValueOrDefault("version")));
        Protect(plan, raw, stored, "pkBudget", "AnggaranPK", c => Locked(c.GetValueOrDefault("version")));
        PlanRealisasi(plan, raw, data, records, mode);
        if (plan.Refusal is not null)
            return plan;

        try
        {
            plan.Data = DatasetImporter.Import(effective);
        }
        catch (WorkbookImportException e)
        {
            plan.Refusal = "impor ditolak: data tahun ini sesudah impor tidak terbaca lagi (mis. realisasi yang dilindungi untuk indikator yang tidak ada lagi di berkas): "
                + string.Join("; ", e.Errors.Take(10).Select(x => x.ToString())) + (e.Errors.Count > 10 ? $"; dan {e.Errors.Count - 10} galat lain" : "");
            return plan;
        }

        plan.Findings.AddRange(DatasetValidator.Check(plan.Data).Select(f => new ImportFinding(f.Severity == Severity.Error ? "galat" : "peringatan", f.Sheet, f.Code, f.Message)));

        plan.Sheets.Add(Compare("profile", "Profil", stored?.Profile.ToDictionary(p => p.Key, p => p.Value.Text ?? "") ?? [], effective.Profile.Where(p => p.Value.Text is not null).ToDictionary(p => p.Key, p => p.Value.Text!)));
        foreach (var spec in WorkbookSchema.Sheets)
        {
            if (spec.Json == "realisasi")
            {
                RowChange Change(RealisasiImportItem i) => new(i.Key, i.Before is null ? null : new Dictionary<string, string> { ["nilai"] = i.Before }, i.After is null ? null : new Dictionary<string, string> { ["nilai"] = i.After });
                plan.Sheets.Add(new SheetChanges(spec.Json, spec.Sheet,
                    plan.Items.Where(i => i.Action is RealisasiImportAction.NewDraft or RealisasiImportAction.HistoryAdded).Select(Change).ToList(),
                    plan.Items.Where(i => i.Action is RealisasiImportAction.DraftChanged or RealisasiImportAction.CorrectionDraft or RealisasiImportAction.HistoryChanged).Select(Change).ToList(),
                    plan.Items.Where(i => i.Action is RealisasiImportAction.HistoryRemoved).Select(Change).ToList()));
                continue;
            }

            var before = stored?.Sheets.GetValueOrDefault(spec.Json) ?? [];
            var after = effective.Sheets.GetValueOrDefault(spec.Json) ?? [];
            plan.Sheets.Add(Compare(spec.Json, spec.Sheet, Keyed(spec.Json, before.Where(r => !r.IsEmpty).Select(Cells)), Keyed(spec.Json, after.Where(r => !r.IsEmpty).Select(Cells))));
        }

        return plan;
    }

    /// <summary>Rows of a sheet whose stored row is locked keep the stored cells; a locked row the workbook drops stays; a row added to a locked version is not added.</summary>
    private static void Protect(ImportPlan plan, RawWorkbook raw, RawWorkbook? stored, string sheet, string title, Func<Dictionary<string, string>, string?> locked)
    {
        var target = plan.Effective.Sheets.TryGetValue(sheet, out var list) ? list : null;
        var incoming = Keyed(sheet, (raw.Sheets.GetValueOrDefault(sheet) ?? []).Where(r => !r.IsEmpty).Select(Cells));
        var before = Keyed(sheet, (stored?.Sheets.GetValueOrDefault(sheet) ?? []).Where(r => !r.IsEmpty).Select(Cells)).ToDictionary(r => r.Key, r => r.Cells, StringComparer.Ordinal);
        var result = new List<Dictionary<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, cells) in incoming)
        {
            seen.Add(key);
            if (before.TryGetValue(key, out var old) && locked(old) is { } why)
            {
                result.Add(old);
                if (!SameCells(old, cells))
                    plan.Protected.Add($"{title} {key}: {why}; tidak diubah");
            }
            else if (!before.ContainsKey(key) && locked(cells) is { } whyNew)
                plan.Protected.Add($"{title} {key}: {whyNew}; tidak ditambahkan");
            else
                result.Add(cells);
        }

        foreach (var (key, old) in before.Where(b => !seen.Contains(b.Key)))
        {
            if (locked(old) is { } why)
            {
                result.Add(old);
                plan.Protected.Add($"{title} {key}: {why}; dilindungi, tidak dihapus");
            }
        }

        if (target is null && result.Count == 0)
        {
            plan.Effective.Sheets.Remove(sheet);
            return;
        }

        plan.Effective.Sheets[sheet] = [];
        foreach (var cells in result)
            AddRow(plan.Effective, plan.Effective.FileName, sheet, cells);
    }

    private static void PlanRealisasi(ImportPlan plan, RawWorkbook raw, PerformanceDataset data, List<RealisasiRecord> records, ImportMode mode)
    {
        var byKey = records.GroupBy(r => (r.IndicatorCode, r.Period)).ToDictionary(g => g.Key, g => g.ToList());
        var rootUnit = RootUnit(data);
        var unitOf = data.Indicators.ToDictionary(i => i.Code, i => UnitOf(data, i, rootUnit), StringComparer.Ordinal);
        string UnitFor(string indicator, RealisasiRecord? r) => r?.UnitCode ?? unitOf.GetValueOrDefault(indicator) ?? rootUnit;

        // the workbook's rows per key, in order; an export with drafts holds an approved and a pending row for one key
        var incoming = new List<((string, string) Key, Dictionary<string, string> Cells, bool Pending)>();
        foreach (var row in (raw.Sheets.GetValueOrDefault("realisasi") ?? []).Where(r => !r.IsEmpty))
        {
            var cells = Cells(row);
            var approval = cells.GetValueOrDefault("approval");
            cells.Remove("approval");
            incoming.Add(((Get(cells, "indicator"), Get(cells, "period")), cells, approval is not null && !string.Equals(approval, WorkbookSchema.Approved, StringComparison.OrdinalIgnoreCase)));
        }

        if (mode == ImportMode.History)
        {
            if (records.FirstOrDefault(r => r.Source != HistorySource) is { } worked)
            {
                plan.Refusal = $"impor riwayat ditolak: tahun ini sudah memiliki realisasi dalam alur kerja (mis. {worked.IndicatorCode} {worked.Period}, {ApprovalLabel(worked.Status)}); riwayat hanya dimuat ke tahun yang belum memakai alur kerja. Gunakan impor biasa: nilai baru menjadi draf.";
                return;
            }

            if (incoming.FirstOrDefault(i => i.Pending) is { Cells: not null } draft)
            {
                plan.Refusal = $"impor riwayat ditolak: riwayat hanya memuat angka yang disahkan, tetapi realisasi {draft.Key.Item1} {draft.Key.Item2} di berkas belum disahkan (kolom Persetujuan)";
                return;
            }
        }

        var inWorkbook = new HashSet<(string, string)>();
        foreach (var group in incoming.GroupBy(i => i.Key))
        {
            var key = group.Key;
            inWorkbook.Add(key);
            var versions = byKey.GetValueOrDefault(key) ?? [];
            var current = versions.SingleOrDefault(r => r.IsCurrent);
            var approved = versions.Where(r => r.Status == EntryStatus.Disahkan).MaxBy(r => r.Version);
            // a value equal to what is stored changes nothing: the current version, or the approved one behind a pending draft
            bool Known(Dictionary<string, string> cells) =>
                current is not null && (SameCells(RealisasiCells(current), cells) || (mode == ImportMode.Workflow && approved is not null && SameCells(RealisasiCells(approved), cells)));
            var proposals = group.Where(i => !Known(i.Cells)).ToList();
            if (proposals.Count == 0)
            {
                AddEffective(plan, RealisasiCells(current!));
                continue;
            }

            var proposal = proposals.FirstOrDefault(p => p.Pending).Cells ?? proposals[0].Cells;
            var unit = UnitFor(key.Item1, current);
            var before = current is null ? null : Describe(RealisasiCells(current));
            var after = Describe(proposal);
            var state = current is null ? "baru" : ApprovalLabel(current.Status);
            RealisasiImportItem item;
            if (mode == ImportMode.History)
                item = new(key.Item1, key.Item2, unit, current is null ? "baru" : "riwayat (Disahkan)", current is null ? RealisasiImportAction.HistoryAdded : RealisasiImportAction.HistoryChanged, before, after,
                    current is null ? "dimuat sebagai riwayat yang disahkan" : "riwayat diganti dengan nilai berkas");
            else if (current is null)
                item = new(key.Item1, key.Item2, unit, state, RealisasiImportAction.NewDraft, null, after, $"draf baru unit {unit}, menunggu diajukan dan diverifikasi");
            else if (current.Status == EntryStatus.Disahkan)
                item = new(key.Item1, key.Item2, unit, "Disahkan, dilindungi", RealisasiImportAction.CorrectionDraft, before, after,
                    $"nilai yang disahkan tetap berlaku; nilai berkas menjadi draf koreksi versi {versions.Max(v => v.Version) + 1} unit {unit}");
            else if (IsProtected(current))
                item = new(key.Item1, key.Item2, unit, state + ", dilindungi", RealisasiImportAction.Protected, before, after, $"dilindungi ({WhyProtected(current)}): tidak diubah");
            else
                item = new(key.Item1, key.Item2, unit, state, RealisasiImportAction.DraftChanged, before, after, "draf diubah ke nilai berkas (tetap draf)");
            plan.Items.Add(item);
            if (item.Writes)
            {
                plan.Incoming[key] = proposal;
                AddEffective(plan, proposal);
            }
            else
                AddEffective(plan, RealisasiCells(current!));
        }

        foreach (var (key, versions) in byKey.Where(k => !inWorkbook.Contains(k.Key)))
        {
            if (versions.SingleOrDefault(r => r.IsCurrent) is not { } current)
                continue;
            var unit = current.UnitCode;
            if (mode == ImportMode.History)
            {
                plan.Items.Add(new(key.IndicatorCode, key.Period, unit, "riwayat (Disahkan)", RealisasiImportAction.HistoryRemoved, Describe(RealisasiCells(current)), null, "riwayat dihapus (tidak ada di berkas)"));
                continue;
            }

            plan.Items.Add(IsProtected(current)
                ? new(key.IndicatorCode, key.Period, unit, ApprovalLabel(current.Status) + ", dilindungi", RealisasiImportAction.ProtectedAbsent, Describe(RealisasiCells(current)), null, $"tidak ada di berkas; dilindungi ({WhyProtected(current)}), tidak dihapus")
                : new(key.IndicatorCode, key.Period, unit, ApprovalLabel(current.Status), RealisasiImportAction.KeptAbsent, Describe(RealisasiCells(current)), null, "tidak ada di berkas; draf tetap disimpan (impor tidak menghapus realisasi)"));
            AddEffective(plan, RealisasiCells(current));
        }
    }

    private static void AddEffective(ImportPlan plan, Dictionary<string, string> cells) => AddRow(plan.Effective, plan.Effective.FileName, "realisasi", cells);
}
