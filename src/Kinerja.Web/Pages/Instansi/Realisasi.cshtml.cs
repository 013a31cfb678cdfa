using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

public sealed class RealisasiListModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, DatasetCache cache) : YearPageModel(db, authorization, scopes)
{
    public sealed record Row(string Code, string Name, string Unit, string? Target, string? Value, string Status, int? Version);

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? Asked { get; set; }

    public string Period { get; private set; } = "";

    public List<Row> Rows { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        var data = await cache.GetAsync(Db, YearRow.Id, RealisasiView.Latest);
        Period = ChoosePeriod(Asked, data, Year);
        var period = Domain.Values.Period.Parse(Period).Value;
        var indicators = await Db.Indicators.AsNoTracking().Where(i => i.ReportingYearId == YearRow.Id).OrderBy(i => i.Ordinal).ToListAsync();
        var records = await Db.Realisasi.AsNoTracking().Where(r => r.ReportingYearId == YearRow.Id && r.IsCurrent && r.Period == Period).ToDictionaryAsync(r => r.IndicatorCode);
        foreach (var i in indicators.Where(i => Scope.CoversUnit(AgencyId, i.UnitCode)))
        {
            var target = data.TargetFor(i.Code, period)?.Value.Original;
            var record = records.GetValueOrDefault(i.Code);
            Rows.Add(new Row(i.Code, i.Name, i.UnitCode, target, record?.Value, record is null ? "Belum diisi" : RealisasiService.StatusLabel(record.Status), record?.Version));
        }

        return Page();
    }
}
