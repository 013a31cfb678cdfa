using Kinerja.Data;
using Kinerja.Domain.Model;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

/// <summary>
/// The Perjanjian Kinerja of the year: each version (awal, perubahan) with its signatories, targets and
/// budget, the document per version, and a PK Perubahan added by a planner as a new version.
/// </summary>
public sealed class PkModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, PkService pk, PlanEditor editor) : YearPageModel(db, authorization, scopes)
{
    public sealed class PerubahanForm
    {
        public string? Place { get; set; }

        public string? FirstPosition { get; set; }

        public string? FirstName { get; set; }

        public string? FirstNip { get; set; }

        public string? SecondPosition { get; set; }

        public string? SecondName { get; set; }

        public string? SecondNip { get; set; }

        public int? Revision { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "versi")]
    public string? Versi { get; set; }

    public PkView View { get; private set; } = null!;

    public PerubahanForm Form { get; private set; } = new();

    /// <summary>The draft's place and signatories as stored, for its own form.</summary>
    public PerubahanForm? DraftForm { get; private set; }

    public bool CanPlan { get; private set; }

    public List<AuditLine> Audit { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>The selected version is the PK Perubahan being prepared and the user plans: its target rows and budget lines are edited here.</summary>
    public bool OpenForEdit { get; private set; }

    public List<TargetRow> VersionTargets { get; private set; } = [];

    public List<PkBudgetRow> VersionBudget { get; private set; } = [];

    public List<IndicatorInfo> Indicators { get; private set; } = [];

    public Task<IActionResult> OnPostTambahTargetAsync(string? indicator, string? period, string? value, string? cumulative, int? revision) =>
        ChangeAsync((row, v) => editor.AddTargetAsync(row, indicator ?? "", period, value, cumulative, PlanEditor.DocumentOf(v), revision, v.Code), $"Target {indicator} {period} ditambahkan pada versi ini.");

    public Task<IActionResult> OnPostUbahTargetAsync(long targetId, int? targetVersion, string? value) =>
        ChangeAsync((row, v) => editor.ChangePkTargetAsync(row, v.Code, targetId, value, targetVersion), "Target versi ini disimpan.");

    public Task<IActionResult> OnPostHapusTargetAsync(long targetId, int? targetVersion) =>
        ChangeAsync((row, v) => editor.RemoveTargetAsync(row, targetId, targetVersion, v.Code), "Target versi ini dihapus; target versi sebelumnya berlaku lagi.");

    public Task<IActionResult> OnPostTambahAnggaranAsync(string? code, string? name, string? parent, string? level, string? pagu, string? goals, string? pengampu) =>
        ChangeAsync((row, v) => editor.SaveBudgetLineAsync(row, v.Code, null, new PlanEditor.BudgetLineInput(code, name, parent, level, pagu, goals, pengampu), null), $"Baris anggaran {code} ditambahkan.");

    public Task<IActionResult> OnPostUbahAnggaranAsync(long lineId, int? lineVersion, string? code, string? name, string? parent, string? level, string? pagu, string? goals, string? pengampu) =>
        ChangeAsync((row, v) => editor.SaveBudgetLineAsync(row, v.Code, lineId, new PlanEditor.BudgetLineInput(code, name, parent, level, pagu, goals, pengampu), lineVersion), $"Baris anggaran {code} disimpan.");

    public Task<IActionResult> OnPostHapusAnggaranAsync(long lineId, int? lineVersion) =>
        ChangeAsync((row, v) => editor.SaveBudgetLineAsync(row, v.Code, lineId, new PlanEditor.BudgetLineInput(null, null, null, null, null, null), lineVersion, remove: true), "Baris anggaran dihapus.");

    /// <summary>A change to the target rows or budget of the selected version: only a planner, only the version being prepared.</summary>
    private async Task<IActionResult> ChangeAsync(Func<ReportingYear, PkVersionId, Task<PlanOutcome>> change, string done)
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.Plan))
            return Forbid();
        Db.AuditUser = Scope.UserName;
        var closed = await editor.ClosedReasonAsync(YearRow, Versi);
        var outcome = closed is not null ? PlanOutcome.Refused(closed) : await change(YearRow, PkVersionId.Parse(Versi).Value);
        if (outcome.Ok)
        {
            TempData["pesan"] = done + (outcome.Warnings.Count > 0 ? " Peringatan: " + string.Join("; ", outcome.Warnings) : "");
            return Redirect($"/instansi/{AgencyId}/{Year}/pk?versi={Uri.EscapeDataString(Versi ?? "")}");
        }

        Db.ChangeTracker.Clear();
        await LoadAsync();
        Error = PageResults.Message(outcome);
        Warnings = outcome.Warnings;
        if (!await FillAsync())
            return NotFound();
        Response.StatusCode = PageResults.StatusOf(outcome);
        return Page();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        Message = TempData["pesan"] as string;
        return await FillAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPerubahanAsync([FromForm] PerubahanForm form)
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.Plan))
            return Forbid();
        Db.AuditUser = Scope.UserName;
        var outcome = await pk.AddPerubahanAsync(YearRow, new PkPerubahanRequest(form.Place, form.FirstPosition, form.FirstName, form.FirstNip, form.SecondPosition, form.SecondName, form.SecondNip, form.Revision));
        if (outcome.Ok)
        {
            TempData["pesan"] = "PK Perubahan tersimpan sebagai draf (belum ditandatangani); susun target dan anggarannya, lalu tandatangani. Versi yang berlaku tetap sampai draf ditandatangani.";
            var draft = (await pk.ViewAsync(YearRow, null, _ => true))?.DraftCode;
            return Redirect($"/instansi/{AgencyId}/{Year}/pk?versi={Uri.EscapeDataString(draft ?? "")}");
        }

        Error = PageResults.Message(outcome);
        Db.ChangeTracker.Clear();
        await LoadAsync();
        Versi = null;
        await FillAsync();
        Form = form;
        Form.Revision = YearRow.Revision;
        Response.StatusCode = PageResults.StatusOf(outcome);
        return Page();
    }

    /// <summary>Changes the draft's place and signatories (the form of the draft, same fields as adding one).</summary>
    public async Task<IActionResult> OnPostPenandatanganAsync([FromForm] PerubahanForm form) =>
        await DraftChangeAsync(() => pk.SaveDraftAsync(YearRow, Versi, new PkPerubahanRequest(form.Place, form.FirstPosition, form.FirstName, form.FirstNip, form.SecondPosition, form.SecondName, form.SecondNip, form.Revision)),
            "Penandatangan draf disimpan.");

    /// <summary>Signs the draft: its date is set, and from then on it is in force and locked.</summary>
    public async Task<IActionResult> OnPostTandatanganiAsync(string? date, int? revision) =>
        await DraftChangeAsync(() => pk.SignAsync(YearRow, Versi, new PkSignRequest(date, revision)),
            "PK Perubahan ditandatangani dan kini berlaku; target, anggaran dan penandatangannya tidak dapat diubah lagi.");

    private async Task<IActionResult> DraftChangeAsync(Func<Task<Outcome>> change, string done)
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.Plan))
            return Forbid();
        Db.AuditUser = Scope.UserName;
        var outcome = await change();
        if (outcome.Ok)
        {
            TempData["pesan"] = done;
            return Redirect($"/instansi/{AgencyId}/{Year}/pk?versi={Uri.EscapeDataString(Versi ?? "")}");
        }

        Db.ChangeTracker.Clear();
        await LoadAsync();
        Error = PageResults.Message(outcome);
        if (!await FillAsync())
            return NotFound();
        Response.StatusCode = PageResults.StatusOf(outcome);
        return Page();
    }

    private async Task<bool> FillAsync()
    {
        CanPlan = await Allowed(Operations.Plan);
        if (await pk.ViewAsync(YearRow, Versi, unit => Scope.CoversUnit(AgencyId, unit)) is not { } view)
            return false;
        View = view;
        var x = view.Suggested;
        Form = new PerubahanForm { Revision = YearRow.Revision, Place = x.Place, FirstPosition = x.FirstPosition, FirstName = x.FirstName, FirstNip = x.FirstNip, SecondPosition = x.SecondPosition, SecondName = x.SecondName, SecondNip = x.SecondNip };
        var rows = await Db.PkVersions.AsNoTracking().Where(v => v.ReportingYearId == YearRow.Id).Select(v => v.PkVersion).ToListAsync();
        var keys = rows.Where(r => PkVersionId.Parse(r) is { Success: true } p && p.Value.Code == view.Selected.Code).Select(r => $"{YearRow.Id}|{r}").Distinct().ToList();
        OpenForEdit = CanPlan && await editor.ClosedReasonAsync(YearRow, view.Selected.Code) is null;
        if (OpenForEdit)
        {
            // the draft's own signatories, to change before it is signed
            var rowOfDraft = await Db.PkVersions.AsNoTracking().Where(r => r.ReportingYearId == YearRow.Id).ToListAsync();
            if (rowOfDraft.LastOrDefault(r => PkVersionId.Parse(r.PkVersion) is { Success: true } p && p.Value.Code == view.Selected.Code) is { } d)
                DraftForm = new PerubahanForm { Revision = YearRow.Revision, Place = d.Place, FirstPosition = d.FirstPosition, FirstName = d.FirstName, FirstNip = d.FirstNip, SecondPosition = d.SecondPosition, SecondName = d.SecondName, SecondNip = d.SecondNip };
        }

        if (OpenForEdit)
        {
            var code = view.Selected.Code;
            VersionTargets = (await Db.Targets.AsNoTracking().Where(t => t.ReportingYearId == YearRow.Id).OrderBy(t => t.Ordinal).ToListAsync())
                .Where(t => PerjanjianKinerja.DocumentVersion(t.Document)?.Code == code).ToList();
            VersionBudget = (await Db.PkBudget.AsNoTracking().Where(b => b.ReportingYearId == YearRow.Id).OrderBy(b => b.Ordinal).ToListAsync())
                .Where(b => PkVersionId.Parse(b.PkVersion) is { Success: true } p && p.Value.Code == code).ToList();
            Indicators = await Db.Indicators.AsNoTracking().Where(i => i.ReportingYearId == YearRow.Id).OrderBy(i => i.Ordinal).ToListAsync();
            var targetKeys = VersionTargets.Select(t => $"{YearRow.Id}|{t.IndicatorCode}|{t.Period}|{t.Document}").ToList();
            keys = keys.Concat(targetKeys).ToList();
        }

        Audit = (await AuditLog.ForAsync(Db, AgencyId, nameof(PkVersionRow), keys))
            .Concat(await AuditLog.ForAsync(Db, AgencyId, nameof(TargetRow), keys))
            .Concat(await AuditLog.ForAsync(Db, AgencyId, nameof(PkBudgetRow), keys))
            .OrderByDescending(a => a.At).Take(100).ToList();
        return true;
    }
}
