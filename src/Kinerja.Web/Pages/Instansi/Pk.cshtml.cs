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
public sealed class PkModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, PkService pk) : YearPageModel(db, authorization, scopes)
{
    public sealed class PerubahanForm
    {
        public string? Date { get; set; }

        public string? Place { get; set; }

        public string? FirstPosition { get; set; }

        public string? FirstName { get; set; }

        public string? FirstNip { get; set; }

        public string? SecondPosition { get; set; }

        public string? SecondName { get; set; }

        public string? SecondNip { get; set; }

        public int Revision { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "versi")]
    public string? Versi { get; set; }

    public PkView View { get; private set; } = null!;

    public PerubahanForm Form { get; private set; } = new();

    public bool CanPlan { get; private set; }

    public List<AuditLine> Audit { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

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
        var outcome = await pk.AddPerubahanAsync(YearRow, new PkPerubahanRequest(form.Date, form.Place, form.FirstPosition, form.FirstName, form.FirstNip, form.SecondPosition, form.SecondName, form.SecondNip, form.Revision));
        if (outcome.Ok)
        {
            TempData["pesan"] = "PK Perubahan tersimpan sebagai versi baru; versi sebelumnya tetap tersimpan.";
            return Redirect($"/instansi/{AgencyId}/{Year}/pk");
        }

        Error = outcome.Error;
        Db.ChangeTracker.Clear();
        await LoadAsync();
        Versi = null;
        await FillAsync();
        Form = form;
        Form.Revision = YearRow.Revision;
        Response.StatusCode = outcome.Status;
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
        Audit = (await AuditLog.ForAsync(Db, AgencyId, nameof(PkVersionRow), keys))
            .Concat(await AuditLog.ForAsync(Db, AgencyId, nameof(PkBudgetRow), keys))
            .OrderByDescending(a => a.At).Take(100).ToList();
        return true;
    }
}
