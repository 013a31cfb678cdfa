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

    /// <summary>"Impor riwayat tahun yang sudah ditutup": approved history, by an administrator, into a year without workflow records.</summary>
    [BindProperty] public bool Riwayat { get; set; }

    /// <summary>Whether the user administers an instansi (or the installation) and so may load history.</summary>
    public bool MayLoadHistory { get; private set; }

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

        var preview = await imports.PreviewAsync(AgencyId, workbook, Riwayat ? ImportMode.History : ImportMode.Workflow);
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
            var outcome = await imports.CommitAsync(AgencyId, Token ?? "", ExpectedRevision, Riwayat ? ImportMode.History : ImportMode.Workflow);
            TempData["pesan"] = !outcome.Changed ? "Impor tersimpan: isi berkas sama dengan data yang tersimpan, tidak ada yang berubah."
                : Riwayat ? "Riwayat tahun yang sudah ditutup tersimpan sebagai angka yang disahkan (ditandai sebagai riwayat impor)."
                : $"Impor tersimpan. {outcome.NewDrafts} nilai baru atau berubah menjadi draf yang menunggu diajukan dan diverifikasi; {outcome.ProtectedCount} realisasi dilindungi tidak diubah.";
            return Redirect($"/instansi/{outcome.AgencyId}/{outcome.Year}/dasbor");
        }
        catch (Exception e) when (e is StaleImportException or UploadRejectedException)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        catch (ImportRefusedException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        Scope = await scopes.GetAsync();
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync();
        Agencies = all.Where(a => Scope.Can(Operations.Import, new AgencyResource(a.Id))).ToList();
        MayLoadHistory = Scope.IsSystemAdmin || all.Any(a => Scope.Can(Operations.ImportHistory, new AgencyResource(a.Id)));
        return Scope.IsSystemAdmin || Agencies.Count > 0;
    }

    /// <summary>A new instansi only by the installation's administrator; an existing one by its administrator or planner.</summary>
    private async Task<bool> MayImportAsync(int? agencyId) =>
        agencyId is { } id
            ? (await authorization.AuthorizeAsync(User, new AgencyResource(id), Operations.Import)).Succeeded
              && (!Riwayat || (await authorization.AuthorizeAsync(User, new AgencyResource(id), Operations.ImportHistory)).Succeeded)
            : Scope.IsSystemAdmin;
}
