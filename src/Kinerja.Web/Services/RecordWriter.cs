using Kinerja.Data;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;
using Kinerja.Web.Security;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>What became of a write. The pages and the API each translate it in one place (<see cref="Api.ApiResults"/>, <see cref="PageResults"/>).</summary>
public enum WriteStatus
{
    Ok,
    Created,
    NotFound,
    Forbidden,

    /// <summary>Someone changed the record since it was read; the message names what it holds now.</summary>
    Conflict,

    /// <summary>The change is refused: a rule of the domain or a finding of the data checks (<see cref="WriteResult.Findings"/>).</summary>
    Invalid,

    /// <summary>The request did not say which version it was read at.</summary>
    VersionRequired,
}

/// <summary>The result of every write: ok, or refused with the reason in Indonesian; the checks' warnings; the located findings that refused it.</summary>
public record WriteResult(WriteStatus Status, string? Error, IReadOnlyList<string> Warnings)
{
    /// <summary>The findings that refused the change, each with its place (sheet, baris) and where it is fixed and by whom.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    public bool Ok => Status is WriteStatus.Ok or WriteStatus.Created;

    public static WriteResult Done(IReadOnlyList<string>? warnings = null) => new(WriteStatus.Ok, null, warnings ?? []);

    public static WriteResult Invalid(string error, IReadOnlyList<string>? warnings = null) => new(WriteStatus.Invalid, error, warnings ?? []);

    public static WriteResult Conflict(string error) => new(WriteStatus.Conflict, error, []);

    public static WriteResult Forbidden(string error) => new(WriteStatus.Forbidden, error, []);

    public static WriteResult Missing(string error) => new(WriteStatus.NotFound, error, []);

    public static WriteResult VersionRequired(string what) =>
        new(WriteStatus.VersionRequired, $"versi {what} yang Anda baca wajib dikirim (concurrencyVersion/versi/expectedRevision) agar perubahan orang lain tidak tertimpa; baca datanya lagi lalu kirim versinya", []);
}

/// <summary>Which findings of the data checks a change answers for.</summary>
public sealed record CheckScope
{
    private CheckScope(string kind, string? indicator = null, string? period = null, string? unit = null)
    {
        Kind = kind;
        Indicator = indicator;
        Period = period;
        Unit = unit;
    }

    public string Kind { get; }

    public string? Indicator { get; }

    public string? Period { get; }

    public string? Unit { get; }

    /// <summary>The year must still read back as a workbook (the importer's located errors refuse it); the checks do not run.</summary>
    public static CheckScope ReadBack { get; } = new("readback");

    /// <summary>A plan, target or PK change: any error of the checks that was not there before refuses it; new warnings are shown.</summary>
    public static CheckScope NewErrors { get; } = new("new");

    /// <summary>
    /// A realisasi or its counts: the errors about this indicator and period (and its unit's counts) refuse it; findings about
    /// other indicators or periods, and about the figures printed in a published report (sheet AngkaTercetak), do not.
    /// </summary>
    public static CheckScope About(string indicator, string period, string? unit = null) => new("about", indicator, period, unit);

    public bool RunsChecks => Kind != "readback";

    /// <summary>Whether <paramref name="finding"/> is about what this change touched.</summary>
    public bool Concerns(Finding finding)
    {
        if (Kind != "about")
            return true;
        // figures printed in a published report (its aggregates, the capaian it printed beside a value) are that report's
        // matter: they are corrected or marked as a known publication error on their own page, never by a new value
        if (finding.Sheet == "AngkaTercetak" || finding.Rule is PrintedFigureCheck.Rule or PrintedCapaianCheck.Rule or "pembulatan")
            return false;
        var code = finding.Code;
        if (Unit is not null && finding.Sheet == "NilaiData" && code.Split(' ').Contains(Unit, StringComparer.Ordinal) && code.Contains(Period!, StringComparison.Ordinal))
            return true;
        if (code == Indicator)
            return true;
        if (!code.StartsWith(Indicator + " ", StringComparison.Ordinal))
            return false;
        // "IK-9 2025-TW1": only this period; a qualifier that is not a period ("IK-9 Renstra" aside) stays in
        var rest = code[(Indicator!.Length + 1)..].Trim();
        var period = Domain.Values.Period.Parse(rest.Split(' ')[0]);
        return !period.Success || period.Value.ToString() == Period;
    }

    /// <summary>Where a finding is fixed and who may do it, by the sheet it is about.</summary>
    public static string FixedAt(Finding finding) => finding.Sheet switch
    {
        "Target" => "perbaiki di halaman Target (perencana)",
        "Realisasi" => "perbaiki di halaman realisasi ini (operator unit atau perencana)",
        "NilaiData" => "perbaiki hitungan data elemen di halaman realisasi (operator unit) atau sheet NilaiData (perencana, impor)",
        "Indikator" or "Rencana" or "RumusHitung" or "DataElemen" => "perbaiki di halaman Rencana (perencana)",
        "PK" or "Anggaran" or "AnggaranPK" => "perbaiki di halaman Perjanjian Kinerja (perencana)",
        "AngkaTercetak" => "perbaiki Nilainya atau tandai sebagai kesalahan publikasi yang diketahui, dengan alasan, di halaman Angka Tercetak (perencana atau administrator instansi)",
        _ => $"perbaiki sheet {finding.Sheet} lewat impor buku kerja (perencana atau administrator instansi)",
    };

    public static string Located(Finding finding) => $"{finding} — {FixedAt(finding)}";
}

/// <summary>Who may make a change and what it is: checked by <see cref="RecordWriter.CommitAsync"/> before anything is saved.</summary>
/// <param name="Operation">the right the change needs (<see cref="Operations"/>).</param>
/// <param name="Unit">the unit the changed record belongs to, or null for the whole instansi.</param>
/// <param name="What">the record in words for messages ("target", "realisasi IK-1 2025-TW1").</param>
public sealed record WriteRequest(OperationAuthorizationRequirement Operation, string? Unit, string What, CheckScope Checks)
{
    /// <summary>
    /// The staged rows carry their own concurrency versions (a realisasi, its bukti, a target, a Rencana Aksi row), each
    /// checked against the version its form was read at. The year's revision is then raised without being compared, so
    /// two operators saving different records of one instansi-year do not refuse each other. False (the default): the
    /// change is guarded by the year's revision the caller read (plan, PK, counts, printed figures: rows without a
    /// version of their own), and a write of anyone else in between refuses it.
    /// </summary>
    public bool RecordVersioned { get; init; }
}

/// <summary>
/// The one write path. Every change of recorded data (realisasi and its workflow steps, counts, targets, plan nodes,
/// indicators, PK versions and budget lines, Rencana Aksi, bukti, printed figures; a workbook import through
/// <see cref="CommitImportAsync"/>) is staged on the
/// <see cref="KinerjaDbContext"/> by its service and committed here: authorised for the signed-in user on the
/// server, saved with the rows' optimistic versions and the year's revision raised (a form or preview read
/// before someone else's change is refused), audited (the context writes before and after of every audited row
/// in the same SaveChanges; <paramref name="audit"/> adds a named entry), read back as a workbook and checked,
/// all in one transaction: a refusal leaves the database as it was.
/// </summary>
public sealed class RecordWriter(KinerjaDbContext db, DatasetCache cache, ScopeProvider scopes, TimeProvider clock, PeriodLock periodLock)
{
    /// <summary>A named audit entry for changes the row audit does not describe (workbook cells, counts).</summary>
    public sealed record AuditNote(string Entity, string Key, string Action, object? Before, object? After);

    /// <summary>
    /// Commits the changes staged on the context. <paramref name="afterCheck"/> runs on the checked dataset inside the
    /// transaction (the plan editor rebuilds its indicator index there).
    /// </summary>
    public async Task<WriteResult> CommitAsync(ReportingYear year, WriteRequest request, AuditNote? audit = null, Func<PerformanceDataset, Task>? afterCheck = null)
    {
        var scope = await scopes.GetAsync();
        if (!scope.Can(request.Operation, new AgencyResource(year.AgencyId, request.Unit)))
        {
            db.ChangeTracker.Clear();
            return WriteResult.Forbidden($"akun ini tidak berwenang mengubah {request.What}" + (request.Unit is null ? "" : $" (unit {request.Unit})"));
        }

        db.AuditUser = scope.UserName;
        // a closed period changes only under a reopening (issue 21); what the write touches is read from the staged rows
        if (await periodLock.CheckStagedAsync(year, request.What, request.Checks) is { } locked)
        {
            db.ChangeTracker.Clear();
            return WriteResult.Invalid(locked);
        }

        IReadOnlyList<Finding> earlier = [];
        if (request.Checks == CheckScope.NewErrors)
            earlier = DatasetValidator.Check(await cache.GetAsync(db, year.Id, RealisasiView.Latest));
        if (audit is not null)
            db.Record(year.AgencyId, audit.Entity, audit.Key, audit.Action, audit.Before, audit.After);

        if (db.Entry(year).State == EntityState.Detached)
            db.Years.Attach(year);
        // the revision the caller read: a year-guarded change is refused when it moved
        var revision = db.Entry(year).Property(y => y.Revision).OriginalValue;
        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || IsUniqueViolation(e))
        {
            // a row's own version moved, or two people created the same record (a first draft) at once
            await RollBackAsync(transaction, year, revision);
            return Conflicted(request);
        }

        PerformanceDataset data;
        try
        {
            data = DatasetImporter.Import(await new WorkbookStore(db, clock).LoadRawAsync(year.Id, RealisasiView.Latest));
        }
        catch (WorkbookImportException e)
        {
            await RollBackAsync(transaction, year, revision);
            var located = e.Errors.Select(PlanEditor.Located).ToList();
            return WriteResult.Invalid($"{request.What} tidak disimpan: " + string.Join("; ", located)) with { Findings = located };
        }

        var warnings = new List<string>();
        if (request.Checks.RunsChecks)
        {
            var findings = DatasetValidator.Check(data).Where(request.Checks.Concerns).ToList();
            var known = earlier.Where(f => f.Severity == Severity.Error).Select(Signature).ToList();
            var knownWarnings = earlier.Where(f => f.Severity == Severity.Warning).Select(Signature).ToHashSet(StringComparer.Ordinal);
            var errors = findings.Where(f => f.Severity == Severity.Error && !known.Remove(Signature(f))).ToList();
            if (errors.Count > 0)
            {
                await RollBackAsync(transaction, year, revision);
                var located = errors.Select(CheckScope.Located).ToList();
                return WriteResult.Invalid($"{request.What} tidak disimpan: pemeriksaan data menemukan galat: " + string.Join("; ", located)) with { Findings = located };
            }

            warnings.AddRange(findings.Where(f => f.Severity == Severity.Warning && !knownWarnings.Contains(Signature(f))).Select(f => f.ToString()));
        }

        if (afterCheck is not null)
        {
            await afterCheck(data);
            await db.SaveChangesAsync();
        }

        // the year's revision rises on every write (an import's preview and the read caches compare it), as one atomic
        // UPDATE at the end of the transaction: the row is locked only for the commit, not for the read-back and checks
        var now = clock.GetUtcNow();
        var raised = request.RecordVersioned
            ? await db.Years.Where(y => y.Id == year.Id).ExecuteUpdateAsync(s => s.SetProperty(y => y.Revision, y => y.Revision + 1).SetProperty(y => y.UpdatedAt, now))
            : await db.Years.Where(y => y.Id == year.Id && y.Revision == revision).ExecuteUpdateAsync(s => s.SetProperty(y => y.Revision, y => y.Revision + 1).SetProperty(y => y.UpdatedAt, now));
        if (raised == 0)
        {
            await RollBackAsync(transaction, year, revision);
            return Conflicted(request);
        }

        var after = await db.Years.AsNoTracking().Where(y => y.Id == year.Id).Select(y => y.Revision).SingleAsync();
        await transaction.CommitAsync();
        // the caller answers with the new revision (the next form's version); the tracked row holds it unchanged
        var entry = db.Entry(year);
        entry.Property(y => y.Revision).CurrentValue = after;
        entry.Property(y => y.Revision).OriginalValue = after;
        entry.Property(y => y.UpdatedAt).CurrentValue = now;
        entry.Property(y => y.UpdatedAt).OriginalValue = now;
        return WriteResult.Done(warnings);
    }

    /// <summary>
    /// Commits a workbook import through the same path as every other change (issue 19 item 1): authorised (Import, and
    /// ImportHistory for a closed year's history; a new instansi only by a system administrator), the year's revision the
    /// preview saw checked (a change since refuses it, as a stale form), the import written by <paramref name="write"/>
    /// (<see cref="WorkbookStore.CommitAsync"/>: approved records never touched, new values as drafts of their unit,
    /// nothing deleted) inside this transaction, the import's audit entry written here with the revision before and
    /// after, the year read back as a workbook, all or nothing.
    /// </summary>
    public async Task<(WriteResult Result, ImportOutcome? Outcome)> CommitImportAsync(int? agencyId, int year, int? expectedRevision, ImportMode mode, Func<Task<ImportOutcome>> write, string? reason = null)
    {
        var scope = await scopes.GetAsync();
        var history = mode == ImportMode.History;
        // a history import writes a closed year's figures past the period lock (issue 21): an explicit step with its reason on the record
        if (history && string.IsNullOrWhiteSpace(reason))
            return (WriteResult.Invalid("impor riwayat harus disertai alasan (mis. \"memuat LKjIP 2024 yang sudah diterbitkan sebelum memakai Kinerja\")"), null);
        var allowed = agencyId is { } id
            ? scope.Can(Operations.Import, new AgencyResource(id)) && (!history || scope.Can(Operations.ImportHistory, new AgencyResource(id)))
            : scope.IsSystemAdmin;
        if (!allowed)
            return (WriteResult.Forbidden(history ? "impor riwayat hanya oleh administrator" : "akun ini tidak berwenang mengimpor ke instansi tersebut"), null);
        db.AuditUser = scope.UserName;

        // the optimistic check: the revision the preview was made on
        var current = agencyId is { } agency ? await db.Years.AsNoTracking().Where(y => y.AgencyId == agency && y.Year == year).Select(y => (int?)y.Revision).SingleOrDefaultAsync() : null;
        if (current is null && expectedRevision is not null && agencyId is not null)
            return (WriteResult.Conflict("data tahun ini sudah dihapus sejak pratinjau; ulangi pratinjau"), null);
        if (current is not null && expectedRevision != current)
            return (WriteResult.Conflict($"data tahun {year} telah berubah sejak pratinjau (pratinjau pada revisi {expectedRevision?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, kini revisi {current}); ulangi pratinjau sebelum menyimpan"), null);

        await using var transaction = await db.Database.BeginTransactionAsync();
        ImportOutcome outcome;
        try
        {
            outcome = await write();
        }
        catch (Exception e) when (e is StaleImportException or DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return (WriteResult.Conflict(e is StaleImportException ? e.Message : "data tahun ini telah diubah orang lain selama impor; ulangi pratinjau sebelum menyimpan"), null);
        }
        catch (ImportRefusedException e)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return (WriteResult.Invalid(e.Message), null);
        }

        var entry = new Dictionary<string, object?>(outcome.AuditSummary)
        {
            ["revisi sebelum"] = current,
            ["revisi sesudah"] = outcome.Revision,
        };
        if (history)
            entry["alasan"] = reason!.Trim();
        db.Record(outcome.AgencyId, nameof(ReportingYear), outcome.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.AuditAction, null, entry);
        await db.SaveChangesAsync();
        if (outcome.Changed)
        {
            try
            {
                DatasetImporter.Import(await new WorkbookStore(db, clock).LoadRawAsync(outcome.YearId, RealisasiView.Latest));
            }
            catch (WorkbookImportException e)
            {
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
                var located = e.Errors.Select(PlanEditor.Located).ToList();
                return (WriteResult.Invalid("impor tidak disimpan: data tahun ini tidak terbaca kembali sebagai buku kerja: " + string.Join("; ", located)) with { Findings = located }, null);
            }
        }

        await transaction.CommitAsync();
        return (WriteResult.Done(), outcome);
    }

    /// <summary>
    /// Commits an instansi-level change staged on the context that is not a year's data (the period lock's switch and
    /// reopenings, issue 21): authorised for <paramref name="operation"/> on the instansi, saved with the staged rows'
    /// optimistic versions, audited in the common log (the row audit, plus <paramref name="audit"/>), one transaction.
    /// <paramref name="byUser"/> stamps the signed-in user's name on the staged row before the save.
    /// </summary>
    public async Task<WriteResult> CommitAgencyAsync(int agencyId, OperationAuthorizationRequirement operation, string what, Action<string>? byUser = null, AuditNote? audit = null)
    {
        if (await AgencyScopeAsync(agencyId, operation) is not { } scope)
            return WriteResult.Forbidden($"akun ini tidak berwenang mengubah {what}");
        byUser?.Invoke(scope.UserName);
        if (audit is not null)
            db.Record(agencyId, audit.Entity, audit.Key, audit.Action, audit.Before, audit.After);
        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return Stale(what);
        }

        await transaction.CommitAsync();
        return WriteResult.Done();
    }

    // an instansi-level write: the signed-in user allowed to do it, named in the audit; null (nothing staged kept) when not
    private async Task<UserScope?> AgencyScopeAsync(int agencyId, OperationAuthorizationRequirement operation)
    {
        var scope = await scopes.GetAsync();
        if (!scope.Can(operation, new AgencyResource(agencyId)))
        {
            db.ChangeTracker.Clear();
            return null;
        }

        db.AuditUser = scope.UserName;
        return scope;
    }

    // refused because someone changed the record since the form or the request read it
    private static WriteResult Stale(string what) =>
        WriteResult.Conflict($"{what} telah diubah orang lain sejak Anda membukanya; perubahan Anda tidak disimpan. Muat ulang halaman lalu ulangi.");

    private async Task RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, ReportingYear year, int revision)
    {
        await transaction.RollbackAsync();
        db.ChangeTracker.Clear();
        year.Revision = revision;
    }

    /// <summary>
    /// Commits a change of an instansi's own fields (not of a year: its Kemendagri region, issue 23): authorised,
    /// <paramref name="write"/> runs in the transaction and returns false when the row is no longer as the form read it
    /// (a conditional update; refused as stale), audited with <paramref name="audit"/>, and the installation's data
    /// version raised (the national roll-up groups by region), all or nothing.
    /// </summary>
    public async Task<WriteResult> CommitAgencyUpdateAsync(int agencyId, OperationAuthorizationRequirement operation, string what, Func<Task<bool>> write, AuditNote audit)
    {
        if (await AgencyScopeAsync(agencyId, operation) is null)
            return WriteResult.Forbidden($"akun ini tidak berwenang mengubah {what}");
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await write())
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return Stale(what);
        }

        db.Record(agencyId, audit.Entity, audit.Key, audit.Action, audit.Before, audit.After);
        await db.SaveChangesAsync();
        await ScaleModel.RaiseDataVersionAsync(db);
        await transaction.CommitAsync();
        return WriteResult.Done();
    }

    private static WriteResult Conflicted(WriteRequest request) => request.RecordVersioned
        ? Stale(request.What)
        : WriteResult.Conflict($"{request.What} atau data tahun ini telah diubah orang lain sejak Anda membukanya; perubahan Anda tidak disimpan. Muat ulang halaman lalu ulangi.");

    // SQLite's constraint error (19) or PostgreSQL's unique_violation (23505): two first drafts of one record saved together
    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    // a finding's identity without its row: adding or removing a row moves the rows after it
    private static string Signature(Finding f) => $"{f.Severity}|{f.Rule}|{f.Sheet}|{f.Code}|{f.Message}";
}
