using Kinerja.Data;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;
using Kinerja.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages;

/// <summary>The instansi menu of the layout.</summary>
public sealed record YearNav(int AgencyId, string AgencyName, int Year, bool CanManageUsers)
{
    public string Base => $"/instansi/{AgencyId}/{Year}";
}

/// <summary>
/// A page about one instansi's year. Loads both and the user's rights; every handler asks
/// <see cref="Allowed"/> for its operation on the resource before touching data.
/// </summary>
public abstract class YearPageModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes) : PageModel
{
    protected KinerjaDbContext Db { get; } = db;

    [BindProperty(SupportsGet = true)]
    public int AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    public Agency Agency { get; private set; } = null!;

    public ReportingYear YearRow { get; private set; } = null!;

    public UserScope Scope { get; private set; } = UserScope.Anonymous;

    public List<int> OtherYears { get; private set; } = [];

    /// <summary>Loads the instansi and year; null when they exist and the user may view the instansi, else the result to return.</summary>
    protected async Task<IActionResult?> LoadAsync()
    {
        Scope = await scopes.GetAsync();
        var agency = await Db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == AgencyId);
        var year = agency is null ? null : await Db.Years.SingleOrDefaultAsync(y => y.AgencyId == AgencyId && y.Year == Year);
        // the same answer for "does not exist" and "not yours": nothing is learnt by guessing ids
        if (agency is null || year is null || !await Allowed(Operations.View))
            return agency is null || year is null ? NotFound() : Forbid();
        Agency = agency;
        YearRow = year;
        OtherYears = await Db.Years.AsNoTracking().Where(y => y.AgencyId == AgencyId).Select(y => y.Year).OrderBy(y => y).ToListAsync();
        ViewData["Nav"] = new YearNav(AgencyId, agency.Name, Year, Scope.Can(Operations.ManageUsers, new AgencyResource(AgencyId)));
        return null;
    }

    protected async Task<bool> Allowed(OperationAuthorizationRequirement operation, string? unitCode = null) =>
        (await authorization.AuthorizeAsync(User, new AgencyResource(AgencyId, unitCode), operation)).Succeeded;

    /// <summary>The periods a year is measured in: its quarters and the year.</summary>
    public static IReadOnlyList<string> PeriodsOf(int year) => [$"{year}-TW1", $"{year}-TW2", $"{year}-TW3", $"{year}-TW4", year.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>The period asked for, else the workbook's report period when it is in this year, else the year.</summary>
    protected static string ChoosePeriod(string? asked, PerformanceDataset data, int year)
    {
        if (Services.RealisasiService.NormalPeriod(asked, year) is { } p)
            return p;
        return data.Profile.ReportPeriod.Year == year && !data.Profile.ReportPeriod.IsRenstraEnd ? data.Profile.ReportPeriod.ToString() : year.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Label(string period) => Period.Parse(period) is { Success: true } p ? p.Value.Label : period;
}
