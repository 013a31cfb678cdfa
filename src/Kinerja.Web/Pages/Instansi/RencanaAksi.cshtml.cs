using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

/// <summary>The Rencana Aksi of an indicator: per quarter its target and planned actions beside the realisasi; edited by its unit's operators and the planners.</summary>
public sealed class RencanaAksiModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, RencanaAksiService service) : YearPageModel(db, authorization, scopes)
{
    public sealed class ActionForm
    {
        public long? Id { get; set; }

        public string? Period { get; set; }

        public string? Target { get; set; }

        public string? Action { get; set; }

        public string? Responsible { get; set; }

        public string? Schedule { get; set; }

        public int? ConcurrencyVersion { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "indikator")]
    public string? IndicatorCode { get; set; }

    public List<IndicatorInfo> Indicators { get; private set; } = [];

    public IndicatorInfo? Info { get; private set; }

    public RencanaAksiView? View { get; private set; }

    public bool CanEdit { get; private set; }

    public ActionForm Form { get; private set; } = new();

    public List<AuditLine> Audit { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LocateAsync() is { } refused)
            return refused;
        Message = TempData["pesan"] as string;
        await FillAsync();
        return Page();
    }

    public Task<IActionResult> OnPostTambahAsync([FromForm] ActionForm form) =>
        ChangeAsync(form, info => service.AddAsync(YearRow, info, Input(form)), "Rencana aksi ditambahkan.");

    public Task<IActionResult> OnPostUbahAsync([FromForm] ActionForm form) =>
        ChangeAsync(form, async info => await Row(form) is { } row ? await service.UpdateAsync(YearRow, info, row, Input(form)) : Gone(), "Rencana aksi diubah.");

    public Task<IActionResult> OnPostHapusAsync([FromForm] ActionForm form) =>
        ChangeAsync(form, async info => await Row(form) is { } row ? await service.DeleteAsync(YearRow, info, row, form.ConcurrencyVersion) : Gone(), "Rencana aksi dihapus.");

    private static RencanaAksiInput Input(ActionForm f) => new(f.Period, f.Target, f.Action, f.Responsible, f.Schedule, f.ConcurrencyVersion);

    private static Outcome Gone() => Outcome.Conflict("rencana aksi ini sudah dihapus orang lain; muat ulang halaman.");

    private Task<RencanaAksiRow?> Row(ActionForm form) =>
        Db.RencanaAksi.SingleOrDefaultAsync(a => a.Id == form.Id && a.ReportingYearId == YearRow.Id && a.IndicatorCode == Info!.Code);

    private async Task<IActionResult> ChangeAsync(ActionForm form, Func<IndicatorInfo, Task<Outcome>> change, string done)
    {
        if (await LocateAsync() is { } refused)
            return refused;
        if (Info is null)
            return NotFound();
        if (!await Allowed(Operations.EnterRealisasi, Info.UnitCode))
            return Forbid();
        Db.AuditUser = Scope.UserName;
        var outcome = await change(Info);
        if (outcome.Ok)
        {
            TempData["pesan"] = done;
            return Redirect($"/instansi/{AgencyId}/{Year}/rencana-aksi?indikator={Uri.EscapeDataString(Info.Code)}");
        }

        Error = PageResults.Message(outcome);
        Db.ChangeTracker.Clear();
        await FillAsync();
        if (form.Id is null)
            Form = form;
        Response.StatusCode = PageResults.StatusOf(outcome);
        return Page();
    }

    private async Task<IActionResult?> LocateAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        var all = await Db.Indicators.AsNoTracking().Where(i => i.ReportingYearId == YearRow.Id).OrderBy(i => i.Ordinal).ToListAsync();
        Indicators = all.Where(i => Scope.CoversUnit(AgencyId, i.UnitCode)).ToList();
        if (string.IsNullOrEmpty(IndicatorCode))
        {
            Info = Indicators.FirstOrDefault();
            return null;
        }

        var info = all.FirstOrDefault(i => i.Code == IndicatorCode);
        if (info is null)
            return NotFound();
        if (!await Allowed(Operations.View, info.UnitCode))
            return Forbid();
        Info = info;
        return null;
    }

    private async Task FillAsync()
    {
        if (Info is null)
            return;
        View = await service.ViewAsync(YearRow, Info);
        CanEdit = await Allowed(Operations.EnterRealisasi, Info.UnitCode);
        Audit = await AuditLog.ForAsync(Db, AgencyId, nameof(RencanaAksiRow), [$"{YearRow.Id}|{Info.Code}"]);
    }
}
