using Kinerja.Data;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;
using Kinerja.Domain.Workflow;
using Kinerja.Web.Security;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>What a user typed for a realisasi. ValueStatus is the workbook's Final, Sementara or NA.</summary>
public sealed record RealisasiInput(string? Value, string? ValueStatus, string? Note, string? Kendala, string? TindakLanjut, string? Explanation, string? CorrectionReason = null);

/// <summary>The result of a realisasi write (<see cref="WriteResult"/>) with the record as saved.</summary>
public sealed record Outcome(WriteStatus Status, string? Error, IReadOnlyList<string> Warnings, RealisasiRecord? Record) : WriteResult(Status, Error, Warnings)
{
    public static Outcome Done(RealisasiRecord? record, IReadOnlyList<string>? warnings = null) => new(WriteStatus.Ok, null, warnings ?? [], record);

    public static Outcome Refused(string error, IReadOnlyList<string>? warnings = null) => new(WriteStatus.Invalid, error, warnings ?? [], null);

    public static new Outcome Conflict(string error) => new(WriteStatus.Conflict, error, [], null);

    public static new Outcome Forbidden(string error) => new(WriteStatus.Forbidden, error, [], null);

    public static new Outcome Missing(string error) => new(WriteStatus.NotFound, error, [], null);

    public static new Outcome VersionRequired(string what) => Of(WriteResult.VersionRequired(what));

    /// <summary>A result of the write path without a record.</summary>
    public static Outcome Of(WriteResult result, RealisasiRecord? record = null) => new(result.Status, result.Error, result.Warnings, record) { Findings = result.Findings };
}

/// <summary>
/// Realisasi entry and its workflow, for the pages and the API alike. Every step goes through the
/// domain's <see cref="RealisasiEntry"/>, which checks state, role and unit; this class loads,
/// checks what needs the whole dataset (validator, explanation) and saves with optimistic concurrency.
/// </summary>
public sealed class RealisasiService(KinerjaDbContext db, DatasetCache cache, RecordWriter writer, TimeProvider clock)
{
    /// <summary>The status as the pages say it (one wording for the whole app: <see cref="Fmt.Status"/>).</summary>
    public static string StatusLabel(EntryStatus status) => Fmt.Status(status);

    public Task<RealisasiRecord?> CurrentAsync(int yearId, string indicator, string period) =>
        db.Realisasi.Include(r => r.Events).Include(r => r.Evidence)
            .SingleOrDefaultAsync(r => r.ReportingYearId == yearId && r.IndicatorCode == indicator && r.Period == period && r.IsCurrent);

    public Task<List<RealisasiRecord>> VersionsAsync(int yearId, string indicator, string period) =>
        db.Realisasi.AsNoTracking().Include(r => r.Events).Include(r => r.Evidence)
            .Where(r => r.ReportingYearId == yearId && r.IndicatorCode == indicator && r.Period == period).OrderByDescending(r => r.Version).ToListAsync();

    /// <summary>A period of the reporting year ("2025" or "2025-TW2"), in its normal spelling; null when it is not one.</summary>
    public static string? NormalPeriod(string? text, int year)
    {
        var parsed = Period.Parse(text);
        return parsed.Success && !parsed.Value.IsRenstraEnd && parsed.Value.Year == year ? parsed.Value.ToString() : null;
    }

    public async Task<Outcome> SaveAsync(UserScope scope, ReportingYear year, IndicatorInfo info, string period, RealisasiInput input, int? expectedVersion)
    {
        var actor = await ActorAsync(scope, year.AgencyId);
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        var indicator = data.Indicators.First(i => i.Code == info.Code);
        var current = await CurrentAsync(year.Id, info.Code, period);
        // the version the form or request was read at is required: 0 when nothing was there yet
        if (expectedVersion is not { } v)
            return Outcome.VersionRequired("realisasi");
        if (current is not null && v != current.ConcurrencyVersion)
            return Changed(current, input);
        if (current is null && v != 0)
            return Outcome.Conflict("realisasi yang Anda buka tidak ada lagi; muat ulang halaman lalu ulangi.");

        var status = (input.ValueStatus ?? "Final").Trim() switch
        {
            "NA" or "N/A" => RealisasiStatus.NotAvailable,
            "Sementara" => RealisasiStatus.Provisional,
            "Final" or "" => RealisasiStatus.Final,
            var other => (RealisasiStatus?)null,
        };
        if (status is null)
            return Outcome.Refused("status nilai harus Final, Sementara atau NA");
        MeasuredValue? value = null;
        var valueText = input.Value?.Trim();
        if (status == RealisasiStatus.NotAvailable)
        {
            if (string.IsNullOrWhiteSpace(input.Note))
                return Outcome.Refused("realisasi N/A harus disertai alasan di kolom Keterangan");
            valueText = string.IsNullOrEmpty(valueText) ? "N/A" : valueText;
        }
        else
        {
            var parsed = MeasuredValueParser.Parse(valueText, indicator.TargetKind, indicator.Satuan, indicator.OrdinalScale);
            if (!parsed.Success)
                return Outcome.Refused($"nilai \"{valueText}\" tidak dapat dibaca: {parsed.Error}");
            value = parsed.Value;
            if (status == RealisasiStatus.Provisional && string.IsNullOrWhiteSpace(input.Note))
                return Outcome.Refused("angka sementara harus menyebut sumbernya di kolom Keterangan");
        }

        // the printed capaian belongs to the report the value came from: a new value has none
        var candidate = new RealisasiRecord
        {
            ReportingYearId = year.Id, AgencyId = year.AgencyId, IndicatorCode = info.Code, Period = period, UnitCode = info.UnitCode,
            Value = valueText, ValueStatus = status switch { RealisasiStatus.NotAvailable => "NA", RealisasiStatus.Provisional => "Sementara", _ => "Final" },
            Note = Blank(input.Note), Kendala = Blank(input.Kendala), TindakLanjut = Blank(input.TindakLanjut), Explanation = Blank(input.Explanation),
            PrintedCapaian = current?.Value == valueText ? current?.PrintedCapaian : null, Ordinal = current?.Ordinal ?? await NextOrdinalAsync(year.Id), Source = "web", CreatedBy = scope.UserName, CreatedAt = clock.GetUtcNow(),
        };
        // the workbook importer reads the value exactly as an import would: what the web accepts, an export gives back
        var check = await CheckedDatasetAsync(year.Id, candidate);
        if (check.Error is not null)
            return Outcome.Refused(check.Error);

        RealisasiEntry entry;
        try
        {
            if (current is null)
            {
                entry = new RealisasiEntry(info.UnitCode, info.Code, Period.Parse(period).Value, value, status.Value, candidate.Note, actor, clock) { Rules = await RulesAsync(year.AgencyId) };
                candidate.Version = 1 + (await db.Realisasi.Where(r => r.ReportingYearId == year.Id && r.IndicatorCode == info.Code && r.Period == period).Select(r => (int?)r.Version).MaxAsync() ?? 0);
                db.Realisasi.Add(candidate);
                return await PersistAsync(year, candidate, entry, null, Operations.EnterRealisasi, CheckScope.ReadBack);
            }

            var restored = await RestoreAsync(year, current, indicator);
            if (current.Status == EntryStatus.Disahkan)
            {
                if (string.IsNullOrWhiteSpace(input.CorrectionReason))
                    return Outcome.Refused("realisasi ini sudah disahkan dan tidak dapat diubah; koreksi dibuat sebagai versi baru dan harus disertai alasan koreksi");
                entry = restored.Correct(actor, value, status.Value, candidate.Note, input.CorrectionReason.Trim());
                candidate.Version = entry.Version;
                current.IsCurrent = false;
                current.ConcurrencyVersion++;
                db.Entry(current).Property(r => r.ConcurrencyVersion).OriginalValue = current.ConcurrencyVersion - 1;
                db.Realisasi.Add(candidate);
                return await PersistAsync(year, candidate, entry, null, Operations.EnterRealisasi, CheckScope.ReadBack);
            }

            restored.Edit(actor, value, status.Value, candidate.Note);
            current.Value = candidate.Value;
            current.ValueStatus = candidate.ValueStatus;
            current.Note = candidate.Note;
            current.Kendala = candidate.Kendala;
            current.TindakLanjut = candidate.TindakLanjut;
            current.Explanation = candidate.Explanation;
            return await PersistAsync(year, current, restored, expectedVersion, Operations.EnterRealisasi, CheckScope.ReadBack);
        }
        catch (WorkflowException e)
        {
            return Outcome.Refused(e.Message);
        }
    }

    public async Task<Outcome> SubmitAsync(UserScope scope, ReportingYear year, RealisasiRecord record, int? expectedVersion)
    {
        if (expectedVersion is null)
            return Outcome.VersionRequired("realisasi");
        if (expectedVersion != record.ConcurrencyVersion)
            return Changed(record, null);
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        var indicator = data.Indicators.First(i => i.Code == record.IndicatorCode);
        var check = await CheckedDatasetAsync(year.Id, record);
        if (check.Error is not null)
            return Outcome.Refused(check.Error);
        var candidateData = check.Data!;
        var period = Period.Parse(record.Period).Value;
        // the capaian as it will be reported: computed from the counts where a formula and its counts give one
        var row = Measure.Compute(candidateData, period).Indicators.First(i => i.Indicator.Code == record.IndicatorCode);
        if (string.IsNullOrWhiteSpace(record.Explanation) && NeedsExplanation(candidateData.Profile, indicator, row.Capaian) is { } why)
            return Outcome.Refused($"capaian {candidateData.Profile.FormatPercent(row.Capaian.Uncapped)} {why}: isi penjelasan sebelum mengajukan");
        // the checks about this indicator, period and unit run inside the write path, on the data as submitted
        return await StepAsync(scope, year, record, indicator, expectedVersion, (e, a) => e.Submit(a), Operations.EnterRealisasi, CheckScope.About(record.IndicatorCode, record.Period, record.UnitCode));
    }

    public async Task<Outcome> VerifyAsync(UserScope scope, ReportingYear year, RealisasiRecord record, int? expectedVersion) =>
        await StepAsync(scope, year, record, await IndicatorAsync(year.Id, record.IndicatorCode), expectedVersion, (e, a) => e.Verify(a), Operations.Verify, CheckScope.ReadBack);

    public async Task<Outcome> ApproveAsync(UserScope scope, ReportingYear year, RealisasiRecord record, int? expectedVersion) =>
        await StepAsync(scope, year, record, await IndicatorAsync(year.Id, record.IndicatorCode), expectedVersion, (e, a) => e.Approve(a), Operations.Approve, CheckScope.ReadBack);

    public async Task<Outcome> ReturnAsync(UserScope scope, ReportingYear year, RealisasiRecord record, string? reason, int? expectedVersion) =>
        await StepAsync(scope, year, record, await IndicatorAsync(year.Id, record.IndicatorCode), expectedVersion, (e, a) => e.Return(a, reason ?? ""), Operations.Return, CheckScope.ReadBack);

    /// <summary>
    /// Why a capaian needs an explanation: in the scale's lowest (not reached) band, or above the limit that
    /// `kinerja check` uses for the indicator's kind (<see cref="UnexplainedCapaianCheck.Limits"/>: 200% for counts
    /// summed over the year, 120% for indices and scores, 150% for rates and shares), so the page and the check agree.
    /// </summary>
    public static string? NeedsExplanation(AgencyProfile profile, Indicator indicator, Capaian capaian)
    {
        if (!capaian.HasValue)
            return null;
        var (_, high, kind) = UnexplainedCapaianCheck.Limits(indicator);
        if (capaian.Uncapped > high)
            return $"di atas {high.ToString("0", System.Globalization.CultureInfo.InvariantCulture)}% (batas untuk indikator {kind})";
        var bands = profile.PredicateScale.Bands;
        return bands.Count > 1 && profile.PredicateScale.Classify(capaian.Value) == bands[^1] ? $"berada pada kategori \"{bands[^1].Label}\"" : null;
    }

    private async Task<Indicator> IndicatorAsync(int yearId, string code) =>
        (await cache.GetAsync(db, yearId, RealisasiView.Latest)).Indicators.First(i => i.Code == code);

    private async Task<Outcome> StepAsync(UserScope scope, ReportingYear year, RealisasiRecord record, Indicator indicator, int? expectedVersion, Action<RealisasiEntry, Actor> step, OperationAuthorizationRequirement operation, CheckScope checks)
    {
        if (expectedVersion is null)
            return Outcome.VersionRequired("realisasi");
        if (expectedVersion != record.ConcurrencyVersion)
            return Changed(record, null);
        var actor = await ActorAsync(scope, year.AgencyId);
        var entry = await RestoreAsync(year, record, indicator);
        try
        {
            step(entry, actor);
        }
        catch (WorkflowException e)
        {
            return Outcome.Refused(e.Message);
        }

        return await PersistAsync(year, record, entry, expectedVersion, operation, checks);
    }

    /// <summary>Stages the entry's state and new history on the record and commits it through the one write path.</summary>
    private async Task<Outcome> PersistAsync(ReportingYear year, RealisasiRecord record, RealisasiEntry entry, int? expectedVersion, OperationAuthorizationRequirement operation, CheckScope checks)
    {
        record.Status = entry.Status;
        foreach (var e in entry.History.Skip(record.Events.Count))
            record.Events.Add(new WorkflowEvent { At = e.At, UserName = e.UserName, From = e.From, To = e.To, Value = e.Value, Reason = e.Reason });
        if (db.Entry(record).State != EntityState.Added)
        {
            db.Entry(record).Property(r => r.ConcurrencyVersion).OriginalValue = expectedVersion ?? record.ConcurrencyVersion;
            record.ConcurrencyVersion = (expectedVersion ?? record.ConcurrencyVersion) + 1;
        }

        var id = record.Id;
        var saved = await writer.CommitAsync(year, new WriteRequest(operation, record.UnitCode, $"realisasi {record.IndicatorCode} {record.Period}", checks) { RecordVersioned = true });
        if (saved.Status == WriteStatus.Conflict && id != 0 && await db.Realisasi.AsNoTracking().Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == id) is { } now)
            return Changed(now, null);
        return Outcome.Of(saved, saved.Ok ? record : null);
    }

    /// <summary>Says the record changed since the user read it, with what it holds now; nothing is saved.</summary>
    private static Outcome Changed(RealisasiRecord now, RealisasiInput? mine)
    {
        var last = now.Events.OrderBy(e => e.Id).LastOrDefault();
        var who = last is null ? "" : $" oleh {last.UserName} pada {last.At.ToOffset(TimeSpan.FromHours(7)):dd-MM-yyyy HH:mm} WIB";
        var differences = new List<string>();
        if (mine is not null)
        {
            if ((mine.Value ?? "") != (now.Value ?? ""))
                differences.Add($"nilai sekarang \"{now.Value}\" (Anda: \"{mine.Value}\")");
            if ((mine.Note ?? "") != (now.Note ?? ""))
                differences.Add($"keterangan sekarang \"{now.Note}\"");
            if ((mine.Kendala ?? "") != (now.Kendala ?? ""))
                differences.Add($"kendala sekarang \"{now.Kendala}\"");
            if ((mine.TindakLanjut ?? "") != (now.TindakLanjut ?? ""))
                differences.Add($"tindak lanjut sekarang \"{now.TindakLanjut}\"");
        }
        else
            differences.Add($"nilai sekarang \"{now.Value}\"");

        differences.Add($"status sekarang {StatusLabel(now.Status)}");
        return Outcome.Conflict($"realisasi ini telah diubah{who} sejak Anda membukanya; perubahan Anda tidak disimpan. {string.Join(", ", differences)}. Muat ulang halaman lalu ulangi.");
    }

    private async Task<int> NextOrdinalAsync(int yearId) =>
        1 + (await db.Realisasi.Where(r => r.ReportingYearId == yearId).Select(r => (int?)r.Ordinal).MaxAsync() ?? 0);

    private async Task<(string? Error, PerformanceDataset? Data)> CheckedDatasetAsync(int yearId, RealisasiRecord candidate)
    {
        var raw = await new WorkbookStore(db, clock).LoadRawAsync(yearId, RealisasiView.Latest, candidate);
        try
        {
            return (null, DatasetImporter.Import(raw));
        }
        catch (WorkbookImportException e)
        {
            return (string.Join("; ", e.Errors.Select(x => x.Message)), null);
        }
    }

    private async Task<Actor> ActorAsync(UserScope scope, int agencyId)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId).Select(u => u.Code).ToListAsync();
        return scope.ActorIn(agencyId, units);
    }

    /// <summary>The instansi's workflow rules: separation of duties unless a one-person office switched it off.</summary>
    private async Task<WorkflowRules> RulesAsync(int agencyId) =>
        new(await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.SeparateDuties).SingleOrDefaultAsync() is var separate && separate);

    private async Task<RealisasiEntry> RestoreAsync(ReportingYear year, RealisasiRecord record, Indicator indicator)
    {
        var status = record.ValueStatus switch { "NA" or "N/A" => RealisasiStatus.NotAvailable, "Sementara" => RealisasiStatus.Provisional, _ => RealisasiStatus.Final };
        MeasuredValue? value = null;
        if (status != RealisasiStatus.NotAvailable && MeasuredValueParser.Parse(record.Value, indicator.TargetKind, indicator.Satuan, indicator.OrdinalScale) is { Success: true } parsed)
            value = parsed.Value;
        var history = record.Events.OrderBy(e => e.Id).Select(e => new EntryEvent(e.At, e.UserName, e.From, e.To, e.Value, e.Reason));
        return RealisasiEntry.Restore(record.UnitCode, record.IndicatorCode, Period.Parse(record.Period).Value, value, status, record.Note, record.Version, record.Status, history, clock, record.CreatedBy, await RulesAsync(year.AgencyId));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
