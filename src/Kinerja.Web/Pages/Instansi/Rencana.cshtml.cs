using Kinerja.Data;
using Kinerja.Domain.Model;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Web.Pages.Instansi;

public sealed class RencanaModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, DatasetCache cache, PlanEditor editor) : YearPageModel(db, authorization, scopes)
{
    public PerformanceDataset Data { get; private set; } = null!;

    public string Svg { get; private set; } = "";

    public bool CanPlan { get; private set; }

    /// <summary>The rows of sheets Rencana and Indikator by code, for the edit links.</summary>
    public Dictionary<string, long> NodeIds { get; private set; } = [];

    public Dictionary<string, long> IndicatorIds { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        Data = await cache.GetAsync(Db, YearRow.Id, RealisasiView.Approved);
        Svg = PohonKinerja.Svg(Data);
        Message = TempData["pesan"] as string;
        CanPlan = await Allowed(Operations.Plan);
        if (CanPlan)
        {
            NodeIds = (await editor.ListAsync(YearRow.Id, PlanEditor.PlanSheet)).GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First().Id);
            IndicatorIds = (await editor.ListAsync(YearRow.Id, PlanEditor.IndicatorSheet)).GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First().Id);
        }
        return Page();
    }
}
