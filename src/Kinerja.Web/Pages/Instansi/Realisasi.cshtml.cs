using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

public sealed class RealisasiListModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, ReadCache readCache) : YearPageModel(db, authorization, scopes)
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
        // the primary (an operator's list after their save); the year read once per revision (the read cache, issue 23)
        var snapshot = await readCache.YearAsync(Db, YearRow.Id, AgencyId, HttpContext.RequestAborted);
        var data = await snapshot.DatasetAsync(Db, RealisasiView.Latest, HttpContext.RequestAborted);
        Period = ChoosePeriod(Asked, data, Year);
        var period = Domain.Values.Period.Parse(Period).Value;
        var indicators = snapshot.Indicators;
        var records = (await snapshot.RecordsAsync(Db, Period, HttpContext.RequestAborted)).ToDictionary(r => r.IndicatorCode);
        var units = snapshot.UnitNames;
        var domain = data.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        foreach (var i in indicators.Where(i => Scope.CoversUnit(AgencyId, i.UnitCode)))
        {
            var indicator = domain.GetValueOrDefault(i.Code);
            var target = data.TargetFor(i.Code, period)?.Value;
            var record = records.GetValueOrDefault(i.Code);
            // figures as the indicator reads them ("2,76%", "1.762 orang"), never the text as typed
            var targetText = target is null ? null : indicator is null ? target.Original : Fmt.Value(target, indicator, data.Profile);
            var valueText = record is null ? null : record.ValueStatus == "NA" ? "N/A" : indicator is null ? record.Value : Fmt.Realisasi(record.Value, indicator, data.Profile);
            Rows.Add(new Row(i.Code, i.Name, Fmt.Unit(i.UnitCode, units), targetText, valueText, record is null ? "Belum diisi" : Fmt.Status(record.Status), record?.Version));
        }

        return Page();
    }
}
