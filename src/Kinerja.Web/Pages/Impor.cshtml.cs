using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages;

/// <summary>Import with a preview: upload, see what is added/changed/removed, then commit all or nothing.</summary>
public sealed class ImporModel(KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService authorization, ImportService imports) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "AgencyId")]
    public int? AgencyId { get; set; }

    [BindProperty] public IFormFile? Upload { get; set; }

    [BindProperty] public string? Token { get; set; }

    [BindProperty] public int? ExpectedRevision { get; set; }

    public UserScope Scope { get; private set; } = UserScope.Anonymous;

    public List<Agency> Agencies { get; private set; } = [];

    public ImportPreview? Preview { get; private set; }

    public List<string> ImportErrors { get; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return Forbid();
        return Page();
    }

    public async Task<IActionResult> OnPostPratinjauAsync()
    {
        if (!await LoadAsync() || !await MayImportAsync(AgencyId))
            return Forbid();
        ReadWorkbook workbook;
        try
        {
            workbook = await imports.ReceiveAsync(Upload);
        }
        catch (UploadRejectedException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (workbook.Errors.Count > 0)
        {
            ImportErrors.AddRange(workbook.Errors.Select(e => e.ToString()));
            imports.Discard(workbook.Token);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var preview = await imports.PreviewAsync(AgencyId, workbook);
        if (!await MayImportAsync(preview.AgencyId))
        {
            imports.Discard(workbook.Token);
            return Forbid();
        }

        Preview = preview;
        Token = workbook.Token;
        return Page();
    }

    public async Task<IActionResult> OnPostSimpanAsync()
    {
        if (!await LoadAsync() || !await MayImportAsync(AgencyId))
            return Forbid();
        db.AuditUser = Scope.UserName;
        try
        {
            var outcome = await imports.CommitAsync(AgencyId, Token ?? "", ExpectedRevision);
            TempData["pesan"] = "Impor tersimpan.";
            return Redirect($"/instansi/{outcome.AgencyId}/{outcome.Year}/dasbor");
        }
        catch (Exception e) when (e is StaleImportException or UploadRejectedException)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        Scope = await scopes.GetAsync();
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync();
        Agencies = all.Where(a => Scope.Can(Operations.Import, new AgencyResource(a.Id))).ToList();
        return Scope.IsSystemAdmin || Agencies.Count > 0;
    }

    /// <summary>A new instansi only by the installation's administrator; an existing one by its administrator or planner.</summary>
    private async Task<bool> MayImportAsync(int? agencyId) =>
        agencyId is { } id ? (await authorization.AuthorizeAsync(User, new AgencyResource(id), Operations.Import)).Succeeded : Scope.IsSystemAdmin;
}
