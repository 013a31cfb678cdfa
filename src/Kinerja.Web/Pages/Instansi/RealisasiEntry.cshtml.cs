using Kinerja.Data;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Workflow;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

/// <summary>One realisasi (indicator, period): the value, bukti dukung, the workflow steps, history and audit log.</summary>
public sealed class RealisasiEntryModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, DatasetCache cache, RealisasiService service, EvidenceStore evidence, CountsService counts, RecordWriter writer) : YearPageModel(db, authorization, scopes)
{
    public sealed class FormValues
    {
        public string? Value { get; set; }

        public string? ValueStatus { get; set; }

        public string? Note { get; set; }

        public string? Kendala { get; set; }

        public string? TindakLanjut { get; set; }

        public string? Explanation { get; set; }

        public string? CorrectionReason { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "indicator")]
    public string IndicatorCode { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "period")]
    public string PeriodText { get; set; } = "";

    [BindProperty] public int? ConcurrencyVersion { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public FormValues Form { get; private set; } = new();

    public IndicatorInfo Info { get; private set; } = null!;

    public string Period { get; private set; } = "";

    public RealisasiRecord? Record { get; private set; }

    public List<RealisasiRecord> Versions { get; private set; } = [];

    public List<AuditLine> Audit { get; } = [];

    /// <summary>The counts of an indicator computed from data elements, and what they give; null for a typed indicator.</summary>
    public CountsView? Counts { get; private set; }

    public bool CanEnterCounts { get; private set; }

    public string? TargetText { get; private set; }

    /// <summary>The unit by its name, as the pages show units.</summary>
    public string UnitName { get; private set; } = "";

    private Domain.Model.Indicator? _indicator;

    private Domain.Model.AgencyProfile? _profile;

    /// <summary>A realisasi text (current value, a history entry) as the indicator reads it: "2,76%", "1.762 orang".</summary>
    public string Shown(string? value) =>
        _indicator is null || _profile is null ? value ?? "" : Fmt.Realisasi(value, _indicator, _profile);

    public string? CapaianText { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public List<string> Warnings { get; } = [];

    public bool CanEdit { get; private set; }

    public bool IsCorrection { get; private set; }

    public bool CanUpload { get; private set; }

    public bool CanSubmit { get; private set; }

    public bool CanVerify { get; private set; }

    public bool CanApprove { get; private set; }

    public bool CanReturn { get; private set; }

    /// <summary>Where the entry stands in the workflow and who acts next, so the section is never empty for a reader without a step to take.</summary>
    public string FlowNote { get; private set; } = "";

    /// <summary>The latest return of the current version: who, when, why.</summary>
    public WorkflowEvent? LastReturn { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LocateAsync() is { } refused)
            return refused;
        Message = TempData["pesan"] as string;
        if (TempData["peringatan"] is string w)
            Warnings.AddRange(w.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await FillAsync(keepForm: false);
        return Page();
    }

    public async Task<IActionResult> OnPostSimpanAsync([FromForm] FormValues form)
    {
        if (await LocateAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.EnterRealisasi, Info.UnitCode))
            return Forbid();
        Db.AuditUser = Scope.UserName;
        var outcome = await service.SaveAsync(Scope, YearRow, Info, Period, new RealisasiInput(form.Value, form.ValueStatus, form.Note, form.Kendala, form.TindakLanjut, form.Explanation, form.CorrectionReason), ConcurrencyVersion);
        if (outcome.Ok)
            return Done("Realisasi tersimpan sebagai draf.", outcome.Warnings);
        Form = form;
        return await Refused(outcome);
    }

    public async Task<IActionResult> OnPostUnggahAsync()
    {
        if (await LocateAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.EnterRealisasi, Info.UnitCode))
            return Forbid();
        var record = await service.CurrentAsync(YearRow.Id, Info.Code, Period);
        if (record is null || record.Status is not (EntryStatus.Draft or EntryStatus.Dikembalikan))
            return await Refused(Outcome.Refused(record is null ? "simpan realisasi terlebih dahulu, lalu unggah buktinya" : "bukti hanya dapat ditambah pada draf atau realisasi yang dikembalikan"));
        if (Files.Count == 0)
            return await Refused(Outcome.Refused("pilih berkas bukti terlebih dahulu"));
        Db.AuditUser = Scope.UserName;
        // the upload raises the record's own version: a submission or approval that got in first refuses it (the draft it was
        // meant for is gone), while uploads and saves of other records of the year no longer do
        Db.Entry(record).Property(r => r.ConcurrencyVersion).OriginalValue = record.ConcurrencyVersion;
        record.ConcurrencyVersion++;
        try
        {
            foreach (var file in Files)
                await evidence.AddAsync(record, file, Scope.UserName);
        }
        catch (EvidenceRejectedException e)
        {
            Db.ChangeTracker.Clear();
            await evidence.DiscardUnusedAsync();
            return await Refused(Outcome.Refused(e.Message));
        }
        catch
        {
            // the store could not be reached or failed half way: nothing of this upload stays
            Db.ChangeTracker.Clear();
            await evidence.DiscardUnusedAsync();
            throw;
        }

        WriteResult saved;
        try
        {
            saved = await writer.CommitAsync(YearRow, new WriteRequest(Operations.EnterRealisasi, Info.UnitCode, $"bukti dukung {Info.Code} {Period}", CheckScope.ReadBack) { RecordVersioned = true });
        }
        catch
        {
            // no record was committed: the objects stored for it go too (unless another record names the same bytes)
            await evidence.DiscardUnusedAsync();
            throw;
        }

        if (!saved.Ok)
            await evidence.DiscardUnusedAsync();
        return saved.Ok ? Done($"{Files.Count} bukti dukung tersimpan.", []) : await Refused(Outcome.Of(saved));
    }

    /// <summary>Removes one wrong bukti while the realisasi is a draft (or returned); refused with the reason otherwise.</summary>
    public async Task<IActionResult> OnPostHapusBuktiAsync([FromForm] long buktiId)
    {
        if (await LocateAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.EnterRealisasi, Info.UnitCode))
            return Forbid();
        var record = await service.CurrentAsync(YearRow.Id, Info.Code, Period);
        if (record is null)
            return await Refused(Outcome.Refused("realisasi periode ini belum diisi"));
        Db.AuditUser = Scope.UserName;
        var name = record.Evidence.FirstOrDefault(e => e.Id == buktiId)?.FileName;
        var outcome = await evidence.RemoveAsync(record, buktiId, ConcurrencyVersion);
        return outcome.Ok ? Done($"Bukti dukung \"{name}\" dihapus dari draf.", []) : await Refused(outcome);
    }

    public async Task<IActionResult> OnPostHitunganAsync([FromForm(Name = "hitungan")] Dictionary<string, string?> values, [FromForm] int revision)
    {
        if (await LocateAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.EnterRealisasi, Info.UnitCode))
            return Forbid();
        Db.AuditUser = Scope.UserName;
        var outcome = await counts.SaveAsync(YearRow, Info, Period, values, revision);
        return outcome.Ok ? Done("Hitungan data elemen tersimpan; realisasi dan capaian dihitung ulang.", []) : await Refused(outcome);
    }

    public Task<IActionResult> OnPostAjukanAsync() => StepAsync(Operations.EnterRealisasi, (s, y, r) => service.SubmitAsync(s, y, r, ConcurrencyVersion), "Realisasi diajukan untuk diverifikasi.");

    public Task<IActionResult> OnPostVerifikasiAsync() => StepAsync(Operations.Verify, (s, y, r) => service.VerifyAsync(s, y, r, ConcurrencyVersion), "Realisasi diverifikasi.");

    public Task<IActionResult> OnPostSahkanAsync() => StepAsync(Operations.Approve, (s, y, r) => service.ApproveAsync(s, y, r, ConcurrencyVersion), "Realisasi disahkan.");

    public Task<IActionResult> OnPostKembalikanAsync() => StepAsync(Operations.Return, (s, y, r) => service.ReturnAsync(s, y, r, Reason, ConcurrencyVersion), "Realisasi dikembalikan kepada pengisi.");

    private async Task<IActionResult> StepAsync(Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, Func<UserScope, ReportingYear, RealisasiRecord, Task<Outcome>> step, string done)
    {
        if (await LocateAsync() is { } refused)
            return refused;
        if (!await Allowed(operation, Info.UnitCode))
            return Forbid();
        var record = await service.CurrentAsync(YearRow.Id, Info.Code, Period);
        if (record is null)
            return await Refused(Outcome.Refused("realisasi periode ini belum diisi"));
        Db.AuditUser = Scope.UserName;
        var outcome = await step(Scope, YearRow, record);
        return outcome.Ok ? Done(done, outcome.Warnings) : await Refused(outcome);
    }

    private RedirectResult Done(string message, IReadOnlyList<string> warnings)
    {
        TempData["pesan"] = message;
        if (warnings.Count > 0)
            TempData["peringatan"] = string.Join('\n', warnings);
        return Redirect($"/instansi/{AgencyId}/{Year}/realisasi/{Uri.EscapeDataString(Info.Code)}/{Period}");
    }

    private async Task<IActionResult> Refused(Outcome outcome)
    {
        Error = PageResults.Message(outcome);
        Warnings.AddRange(outcome.Warnings);
        Db.ChangeTracker.Clear();
        await FillAsync(keepForm: true);
        Response.StatusCode = PageResults.StatusOf(outcome);
        return Page();
    }

    private async Task<IActionResult?> LocateAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        var normal = RealisasiService.NormalPeriod(PeriodText, Year);
        var info = await Db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.ReportingYearId == YearRow.Id && i.Code == IndicatorCode);
        if (normal is null || info is null)
            return NotFound();
        if (!await Allowed(Operations.View, info.UnitCode))
            return Forbid();
        Info = info;
        Period = normal;
        return null;
    }

    private async Task FillAsync(bool keepForm)
    {
        Versions = await service.VersionsAsync(YearRow.Id, Info.Code, Period);
        Record = Versions.FirstOrDefault(v => v.IsCurrent);
        if (!keepForm && Record is not null)
            Form = new FormValues { Value = Record.Value, ValueStatus = Record.ValueStatus, Note = Record.Note, Kendala = Record.Kendala, TindakLanjut = Record.TindakLanjut, Explanation = Record.Explanation };
        var data = await cache.GetAsync(Db, YearRow.Id, RealisasiView.Latest);
        var period = Domain.Values.Period.Parse(Period).Value;
        _indicator = data.Indicators.FirstOrDefault(i => i.Code == Info.Code);
        _profile = data.Profile;
        var target = data.TargetFor(Info.Code, period)?.Value;
        TargetText = target is null ? null : _indicator is null ? target.Original : Fmt.Value(target, _indicator, data.Profile);
        UnitName = Fmt.Unit(Info.UnitCode, await Db.Units.AsNoTracking().Where(u => u.AgencyId == AgencyId).ToDictionaryAsync(u => u.Code, u => u.Name));
        if (Record is not null)
        {
            var row = ComputedResults.Of(data, period).Indicators.FirstOrDefault(i => i.Indicator.Code == Info.Code);
            CapaianText = row is null ? null : row.Capaian.HasValue ? data.Profile.FormatPercent(row.Capaian.Value) + (row.Predicate is { } p ? $" ({p})" : "") : Dashboard.CapaianText(row.Capaian);
        }

        var status = Record?.Status;
        var enter = await Allowed(Operations.EnterRealisasi, Info.UnitCode);
        CanEdit = enter && (status is null or EntryStatus.Draft or EntryStatus.Dikembalikan or EntryStatus.Disahkan);
        IsCorrection = status == EntryStatus.Disahkan;
        CanUpload = enter && status is EntryStatus.Draft or EntryStatus.Dikembalikan;
        CanSubmit = enter && status is EntryStatus.Draft or EntryStatus.Dikembalikan;
        // an administrator sees the step only where separation of duties is off (a one-person office)
        CanVerify = status == EntryStatus.Diajukan && await Allowed(Operations.Verify, Info.UnitCode)
            && (Scope.RoleIn(AgencyId) == AgencyRole.Verifikator || !await Db.Agencies.Where(a => a.Id == AgencyId).Select(a => a.SeparateDuties).SingleAsync());
        CanApprove = status == EntryStatus.Diverifikasi && await Allowed(Operations.Approve, Info.UnitCode);
        CanReturn = status is EntryStatus.Diajukan or EntryStatus.Diverifikasi && await Allowed(Operations.Return, Info.UnitCode);

        LastReturn = Record?.Events.Where(e => e.To == EntryStatus.Dikembalikan).MaxBy(e => e.Id);
        FlowNote = status switch
        {
            EntryStatus.Draft => $"Draf: menunggu diajukan oleh operator unit {Info.UnitCode}.",
            EntryStatus.Diajukan => "Diajukan: menunggu diverifikasi oleh verifikator (Inspektorat/APIP).",
            EntryStatus.Diverifikasi => "Diverifikasi: menunggu disahkan oleh pimpinan.",
            EntryStatus.Disahkan => "Disahkan: nilai ini tidak dapat diubah; koreksi dibuat sebagai versi baru.",
            EntryStatus.Dikembalikan => $"Dikembalikan: menunggu diperbaiki dan diajukan kembali oleh operator unit {Info.UnitCode}.",
            _ => "",
        };
        if (!(CanSubmit || CanVerify || CanApprove || CanReturn))
            FlowNote += " Tidak ada langkah alur yang dapat Anda lakukan pada status ini.";

        Counts = await counts.ViewAsync(YearRow, Info, Period);
        CanEnterCounts = enter && Counts is not null;

        var keys = Versions.Select(v => RealisasiRecord.RecordKey(YearRow.Id, Info.Code, Period, v.Version)).ToList();
        var ids = Versions.Select(v => EvidenceFile.KeyOf(v.Id)).ToList();
        var countsKey = $"{YearRow.Id}|{Info.Code}|{Period}";
        var entries = await Db.Audit.AsNoTracking()
            .Where(a => a.AgencyId == AgencyId && ((a.Entity == nameof(RealisasiRecord) && keys.Contains(a.EntityKey)) || (a.Entity == nameof(EvidenceFile) && ids.Contains(a.EntityKey)) || (a.Entity == "DataValue" && a.EntityKey == countsKey)))
            .OrderByDescending(a => a.Id).Take(100).ToListAsync();
        Audit.AddRange(entries.Select(AuditLog.Line));
    }
}
