using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Web.Pages.Instansi;

public sealed class DokumenModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, DatasetCache cache, DocumentBuilds builds) : YearPageModel(db, authorization, scopes)
{
    public bool CanExport { get; private set; }

    public bool CanBuild { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        CanExport = CanBuild = await Allowed(Operations.ViewWhole);
        return Page();
    }

    /// <summary>Starts the build in the background and shows its progress page.</summary>
    public async Task<IActionResult> OnPostAsync(string? jenis, string? format, bool final)
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.ViewWhole))
            return Forbid();
        // "pk:awal", "triwulan:2025-TW2": the document and its version or period in one choice
        var (kind, detail) = (jenis ?? "").Split(':', 2) is [var k, var d] ? (k, d) : (jenis ?? "", null);
        // the build only reads: from the replica when configured (issue 23), the primary just after this user's own write
        var read = await HttpContext.RequestServices.GetRequiredService<ReadRouting>().ContextAsync(HttpContext.RequestAborted);
        var order = new DocumentOrder(kind, format ?? "docx", kind == "triwulan" ? detail : null, kind == "pk" ? detail : null, final)
        {
            LateChanges = await new PeriodLock(read, TimeProvider.System).LateChangesAsync(AgencyId, Year),
        };
        if (!order.IsKnown)
            return BadRequest();
        var data = await DocumentEvaluation.WithEvaluationAsync(read, AgencyId, Year, await cache.GetAsync(read, YearRow.Id, RealisasiView.Approved), order);
        var id = (await builds.StartAsync(order, data, AgencyId, Year, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "")).Id;
        return Redirect($"/instansi/{AgencyId}/{Year}/dokumen/proses/{id}");
    }
}
