using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

/// <summary>Targets by document; planners edit a value, a save from an older read is refused with what changed.</summary>
public sealed class TargetModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, DatasetCache cache, RecordWriter writer) : YearPageModel(db, authorization, scopes)
{
    [BindProperty] public long Id { get; set; }

    [BindProperty] public int? ConcurrencyVersion { get; set; }

    [BindProperty] public string Value { get; set; } = "";

    public List<TargetRow> Rows { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    private bool _canPlan;

    private Kinerja.Domain.Model.PerformanceDataset? _data;

    public bool CanEdit(TargetRow row) => _canPlan && Locked(row) is null;

    /// <summary>Why the row is not edited here: its PK version is signed (a change needs a PK Perubahan).</summary>
    public string? Locked(TargetRow row) => _data is null ? null : PlanEditor.LockReason(_data, row.Document);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        Message = TempData["pesan"] as string;
        await FillAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        var target = await Db.Targets.SingleOrDefaultAsync(t => t.Id == Id && t.ReportingYearId == YearRow.Id);
        if (target is null)
            return NotFound();
        if (!await Allowed(Operations.Plan, target.UnitCode))
            return Forbid();
        Db.AuditUser = Scope.UserName;
        var saved = await TargetEditor.SaveAsync(Db, cache, writer, YearRow, target, Value, ConcurrencyVersion);
        if (saved.Ok)
        {
            TempData["pesan"] = $"Target {target.IndicatorCode} {target.Period} disimpan.";
            return Redirect($"/instansi/{AgencyId}/{Year}/target");
        }

        Error = PageResults.Message(saved);
        Db.ChangeTracker.Clear();
        await FillAsync();
        Response.StatusCode = PageResults.StatusOf(saved);
        return Page();
    }

    /// <summary>A target as its indicator reads it ("2,71%", "1.650 orang"); the text as stored when it cannot be read.</summary>
    public string Shown(TargetRow t) =>
        _data?.Indicators.FirstOrDefault(i => i.Code == t.IndicatorCode) is { } indicator ? Fmt.Target(t.Value, indicator, _data.Profile) : t.Value;

    private async Task FillAsync()
    {
        _canPlan = await Allowed(Operations.Plan);
        _data = await cache.GetAsync(Db, YearRow.Id, RealisasiView.Latest);
        var rows = await Db.Targets.AsNoTracking().Where(t => t.ReportingYearId == YearRow.Id).OrderBy(t => t.Ordinal).ToListAsync();
        Rows = rows.Where(t => Scope.CoversUnit(AgencyId, t.UnitCode)).ToList();
    }
}
