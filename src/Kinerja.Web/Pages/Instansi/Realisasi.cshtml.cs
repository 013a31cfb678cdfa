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
        var units = await Db.Units.AsNoTracking().Where(u => u.AgencyId == AgencyId).ToDictionaryAsync(u => u.Code, u => u.Name);
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
