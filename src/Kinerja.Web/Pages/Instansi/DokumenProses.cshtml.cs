using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Web.Pages.Instansi;

/// <summary>The progress of one document build, refreshed every 2 seconds until it is done; then its download.</summary>
public sealed class DokumenProsesModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, DocumentBuilds builds, TimeProvider clock) : YearPageModel(db, authorization, scopes)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public DocumentBuildStatus Status { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<(string Name, string State)> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await FindAsync() is { } refused)
            return refused;
        Now = clock.GetUtcNow();
        string[] names = Status.Format == "pdf"
            ? [DocumentBuilds.Checking, DocumentBuilds.Writing + " Word", DocumentBuilds.Converting]
            : [DocumentBuilds.Checking, DocumentBuilds.Writing];
        var current = Array.FindIndex(names, n => Status.Stage.StartsWith(n, StringComparison.Ordinal));
        Steps = names.Select((n, i) => (n, current < 0 ? "nanti" : i < current ? "selesai" : i == current ? "kini" : "nanti")).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetUnduhAsync()
    {
        if (await FindAsync() is { } refused)
            return refused;
        // from the file store: the build may have run on another app server
        if (!Status.Succeeded || await builds.OpenResultAsync(Id, HttpContext.RequestAborted) is not { } stream)
            return NotFound();
        return File(stream, new DocumentOrder("", Status.Format, null, null, false).ContentType, Status.FileName);
    }

    private async Task<IActionResult?> FindAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        // a build is seen only by who asked for it, and only while they may still see the whole instansi
        if (await builds.FindAsync(Id) is not { } status || status.AgencyId != AgencyId || status.Year != Year
            || status.UserId != User.FindFirstValue(ClaimTypes.NameIdentifier) || !await Allowed(Operations.ViewWhole))
            return NotFound();
        Status = status;
        return null;
    }
}
