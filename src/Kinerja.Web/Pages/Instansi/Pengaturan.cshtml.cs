using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

/// <summary>
/// The instansi's workflow setting: separation of duties (on by default). An instansi administrator may switch
/// it off for a one-person office, with a reason; the change and the reason are in the audit log.
/// </summary>
public sealed class PengaturanModel(KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService authorization) : PageModel
{
    public const string Entity = "WorkflowSetting";

    [BindProperty(SupportsGet = true)] public int AgencyId { get; set; }

    [BindProperty] public bool SeparateDuties { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public bool? Current { get; set; }

    public Agency Agency { get; private set; } = null!;

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public List<AuditLine> History { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        Message = TempData["pesan"] as string;
        SeparateDuties = Agency.SeparateDuties;
        await FillAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        // the form says which setting it was read with: a change made meanwhile by another administrator is not overwritten
        if (Current is null || Current != Agency.SeparateDuties)
            return await RefusedAsync(Current is null ? "versi pengaturan yang Anda baca wajib dikirim; muat ulang halaman" : "pengaturan ini telah diubah orang lain sejak Anda membukanya; muat ulang halaman lalu ulangi", Current is null ? StatusCodes.Status428PreconditionRequired : StatusCodes.Status409Conflict);
        if (SeparateDuties == Agency.SeparateDuties)
            return Redirect($"/instansi/{AgencyId}/pengaturan");
        if (string.IsNullOrWhiteSpace(Reason))
            return await RefusedAsync("perubahan pemisahan tugas harus disertai alasan (mis. kantor dengan satu pegawai)", StatusCodes.Status400BadRequest);
        db.AuditUser = (await scopes.GetAsync()).UserName;
        var agency = await db.Agencies.SingleAsync(a => a.Id == AgencyId);
        agency.SeparateDuties = SeparateDuties;
        // the row audit records before and after; this entry keeps the reason beside it
        db.Record(AgencyId, Entity, AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture), "ubah",
            new Dictionary<string, string?> { ["SeparateDuties"] = (!SeparateDuties).ToString() }, new Dictionary<string, string?> { ["SeparateDuties"] = SeparateDuties.ToString(), ["Alasan"] = Reason.Trim() });
        await db.SaveChangesAsync();
        TempData["pesan"] = SeparateDuties ? "Pemisahan tugas diaktifkan." : "Pemisahan tugas dimatikan untuk instansi ini.";
        return Redirect($"/instansi/{AgencyId}/pengaturan");
    }

    private async Task<IActionResult> RefusedAsync(string error, int status)
    {
        Error = error;
        await FillAsync();
        Response.StatusCode = status;
        return Page();
    }

    private async Task FillAsync() =>
        History.AddRange(await AuditLog.ForAsync(db, AgencyId, Entity, [AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)], 20));

    private async Task<IActionResult?> LoadAsync()
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == AgencyId);
        if (agency is null)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, new AgencyResource(AgencyId), Operations.ManageUsers)).Succeeded)
            return Forbid();
        Agency = agency;
        return null;
    }
}
