using Kinerja.Data;
using Kinerja.Domain.Model;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Web.Pages.Instansi;

public sealed class RencanaModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, DatasetCache cache) : YearPageModel(db, authorization, scopes)
{
    public PerformanceDataset Data { get; private set; } = null!;

    public string Svg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        Data = await cache.GetAsync(Db, YearRow.Id, RealisasiView.Approved);
        Svg = PohonKinerja.Svg(Data);
        return Page();
    }
}
