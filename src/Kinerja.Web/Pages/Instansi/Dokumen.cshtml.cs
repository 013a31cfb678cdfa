using Kinerja.Data;
using Kinerja.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Web.Pages.Instansi;

public sealed class DokumenModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes) : YearPageModel(db, authorization, scopes)
{
    public bool CanExport { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        CanExport = await Allowed(Operations.ViewWhole);
        return Page();
    }
}
