using Kinerja.Data;
using Kinerja.Documents.Reports;
using Kinerja.Domain.Budget;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;
using Kinerja.Domain.Workflow;
using Kinerja.Web.Api;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

public sealed class DasborModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, DatasetCache cache, CycleService cycle, ReadRouting reads, ReadCache readCache) : YearPageModel(db, authorization, scopes)
{
    public sealed record UnitProgress(string Unit, int Indicators, int Missing, int Draft, int Submitted, int Verified, int Approved, int Returned);

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? Asked { get; set; }

    public string Period { get; private set; } = "";

    public AgencyProfile Profile { get; private set; } = null!;

    public CapaianDto? Capaian { get; private set; }

    public Absorption? Budget { get; private set; }

    public List<(string Label, decimal? Value)> Trend { get; } = [];

    public List<UnitProgress> Board { get; } = [];

    /// <summary>Unit names by code: the pages name a unit, never show its code alone.</summary>
    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>
    /// Units ranked by their capaian, best first, computed with the instansi's own rule for a sasaran
    /// (<see cref="PerformanceCalculator.Mean"/>: the mean of the measured indicators' capaian, or the weighted mean
    /// when the profile's sasaranAggregation is Berbobot; N/A and missing left out; each capaian already capped as the agency caps it),
    /// so a unit's figure is the one its own sasaran table would show for the same indicators. Ties keep the units'
    /// order by name. docs/web.md ("Peringkat unit") says the same.
    /// </summary>
    public static List<(string Unit, decimal Mean, int Counted)> RankUnits(PerformanceResult result, IReadOnlyDictionary<string, string> unitOf, IReadOnlyDictionary<string, string> names) =>
        result.Indicators.Where(r => r.Capaian.HasValue)
            .GroupBy(r => unitOf.GetValueOrDefault(r.Indicator.Code) ?? "")
            .Select(g => (Unit: Fmt.Unit(g.Key, names), Mean: PerformanceCalculator.Mean(g.ToList(), result.Profile.SasaranAggregation)!.Value, Counted: g.Count()))
            .OrderByDescending(x => x.Mean).ThenBy(x => x.Unit, StringComparer.Ordinal).ToList();

    /// <summary>Units by their capaian in the period (the instansi's aggregation rule), best first.</summary>
    public List<(string Unit, decimal Mean, int Counted)> Ranking { get; } = [];

    public string? Message { get; private set; }

    /// <summary>Each indicator's status against the calendar for the period (issue 21), filtered by unit and status.</summary>
    public List<CycleService.BoardRow> CycleBoard { get; private set; } = [];

    public List<(string UnitCode, string UnitName)> CycleUnits { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "unit")]
    public string? UnitFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StateFilter { get; set; }

    public async Task<IActionResult> OnGetEksporAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        var data = await cache.GetAsync(Db, YearRow.Id, RealisasiView.Approved);
        Period = Dashboard.PeriodFor(data, Year, Asked).ToString();
        var rows = Filter(await cycle.BoardAsync(YearRow, Period, Scope));
        var bytes = CycleService.BoardXlsx($"Status pengisian {Agency.Name} {YearPageModel.Label(Period)}", rows);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"status-{Year}-{Period}.xlsx");
    }

    private List<CycleService.BoardRow> Filter(List<CycleService.BoardRow> rows) =>
        [.. rows.Where(r => (string.IsNullOrEmpty(UnitFilter) || r.UnitCode == UnitFilter)
            && (string.IsNullOrEmpty(StateFilter) || Domain.Cycle.CycleStanding.Label(r.Standing.State) == StateFilter))];

    /// <summary>A bar per period with a value: the agency's capaian over the year (plain SVG, no script).</summary>
    public string TrendSvg()
    {
        var svg = new System.Text.StringBuilder($"<svg width=\"100%\" height=\"170\" viewBox=\"0 0 {Trend.Count * 90 + 20} 170\" role=\"img\" aria-label=\"Tren capaian instansi per periode\">");
        for (var t = 0; t < Trend.Count; t++)
        {
            var (label, value) = Trend[t];
            var h = value is { } v ? Math.Min(v, 150m) * 0.8m : 0m;
            var x = 20 + t * 90;
            svg.Append(System.FormattableString.Invariant($"<rect x=\"{x}\" y=\"{140 - h}\" width=\"60\" height=\"{h}\" fill=\"#0b3d75\"/>"));
            svg.Append(System.FormattableString.Invariant($"<text x=\"{x + 30}\" y=\"160\" text-anchor=\"middle\" font-size=\"11\">{System.Net.WebUtility.HtmlEncode(label)}</text>"));
            svg.Append(System.FormattableString.Invariant($"<text x=\"{x + 30}\" y=\"{134 - h}\" text-anchor=\"middle\" font-size=\"11\">{(value is { } vv ? Profile.FormatPercent(vv) : "-")}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        Message = TempData["pesan"] as string;
        // the figures come from the replica when one is configured (issue 23); the user's own recent write from the primary
        var read = await reads.ContextAsync(HttpContext.RequestAborted);
        // the read cache (issue 23): what is computed from the year at its current revision is shared by every request
        // until the next write; the scope above was checked for this request, and the lists below are filtered by it
        var snapshot = await readCache.YearAsync(read, YearRow.Id, AgencyId, HttpContext.RequestAborted);
        var data = await snapshot.DatasetAsync(read, RealisasiView.Approved, HttpContext.RequestAborted);
        Profile = data.Profile;
        var period = Dashboard.PeriodFor(data, Year, Asked);
        Period = period.ToString();
        var indicators = snapshot.Indicators;
        var visible = indicators.Where(i => Scope.CoversUnit(AgencyId, i.UnitCode)).ToList();
        var unitNames = snapshot.UnitNames;
        if (Scope.SeesWholeAgency(AgencyId))
        {
            var result = ComputedResults.Of(data, period);
            var unitOf = indicators.ToDictionary(i => i.Code, i => i.UnitCode);
            Capaian = Dashboard.Of(result, data.Profile, unitOf);
            Budget = LkjipReport.BudgetTotal(data);
            UnitNames = unitNames;
            Ranking.AddRange(RankUnits(result, unitOf, unitNames));
            foreach (var p in PeriodsOf(Year))
            {
                var at = Domain.Values.Period.Parse(p).Value;
                var value = ComputedResults.Of(data, at).AgencyCapaian;
                if (value is not null || at == period)
                    Trend.Add((at.IsQuarter ? "TW " + Domain.Values.Period.Roman(at.Quarter) : p, value));
            }
        }

        var status = (await snapshot.RecordsAsync(read, Period, HttpContext.RequestAborted)).ToDictionary(r => r.IndicatorCode, r => r.Status);
        foreach (var group in visible.GroupBy(i => i.UnitCode).OrderBy(g => g.Key))
        {
            int Count(EntryStatus s) => group.Count(i => status.TryGetValue(i.Code, out var x) && x == s);
            Board.Add(new UnitProgress(unitNames.GetValueOrDefault(group.Key) ?? group.Key, group.Count(), group.Count(i => !status.ContainsKey(i.Code)),
                Count(EntryStatus.Draft), Count(EntryStatus.Diajukan), Count(EntryStatus.Diverifikasi), Count(EntryStatus.Disahkan), Count(EntryStatus.Dikembalikan)));
        }

        var cycleRows = await cycle.BoardAsync(YearRow, Period, Scope, snapshot, read);
        CycleUnits = [.. cycleRows.Select(r => (r.UnitCode, r.UnitName)).Distinct()];
        CycleBoard = Filter(cycleRows);

        return Page();
    }
}
