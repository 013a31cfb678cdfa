using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Api;

/// <summary>Counts of a data element per element code; an empty value removes it. Revision from GET .../hitungan.</summary>
public sealed record CountsRequest(Dictionary<string, string?> Counts, int? Revision);

public sealed record CountsAnswer(int Revision, CountsView Counts);

/// <summary>The data-element counts of a computed indicator, as its realisasi page enters them.</summary>
public static partial class KinerjaApi
{
    private static void MapCounts(RouteGroupBuilder year)
    {
        year.MapGet("/realisasi/{indicator}/{period}/hitungan", GetCounts).WithSummary("Hitungan data elemen indikator yang dihitung dari rumus, dan realisasi serta capaian yang dihasilkannya");
        year.MapPut("/realisasi/{indicator}/{period}/hitungan", SaveCounts).WithSummary("Simpan hitungan data elemen (unit indikator, periode ini); Revision dari GET");
    }

    private static async Task<(ReportingYear? Year, IndicatorInfo? Info, string? Period, IResult? Refused)> CountsTarget(int agencyId, int year, string indicator, string period, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, bool change)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return (null, null, null, ApiResults.Problem(404, "instansi atau tahun tidak ada"));
        var info = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.ReportingYearId == row.Id && i.Code == indicator);
        var normal = RealisasiService.NormalPeriod(period, year);
        if (info is null || normal is null)
            return (null, null, null, ApiResults.Problem(404, "indikator atau periode tidak ada"));
        if (!await Can(auth, http, agencyId, change ? Operations.EnterRealisasi : Operations.View, info.UnitCode))
            return (null, null, null, ApiResults.Problem(403, "akun ini tidak berwenang atas unit indikator ini"));
        return (row, info, normal, null);
    }

    private static async Task<IResult> GetCounts(int agencyId, int year, string indicator, string period, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, CountsService counts)
    {
        var (row, info, normal, refused) = await CountsTarget(agencyId, year, indicator, period, http, db, auth, change: false);
        if (refused is not null)
            return refused;
        return await counts.ViewAsync(row!, info!, normal!) is { } view ? Results.Ok(new CountsAnswer(row!.Revision, view)) : ApiResults.Problem(404, "indikator ini tidak dihitung dari data elemen");
    }

    private static async Task<IResult> SaveCounts(int agencyId, int year, string indicator, string period, CountsRequest body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, CountsService counts)
    {
        var (row, info, normal, refused) = await CountsTarget(agencyId, year, indicator, period, http, db, auth, change: true);
        if (refused is not null)
            return refused;
        if (body.Revision is not { } revision)
            return ApiResults.From(WriteResult.VersionRequired("tahun (revision dari GET .../hitungan)"));
        var outcome = await counts.SaveAsync(row!, info!, normal!, body.Counts, revision);
        if (!outcome.Ok)
            return ApiResults.From(outcome);
        return Results.Ok(new CountsAnswer(row!.Revision, (await counts.ViewAsync(row, info!, normal!))!));
    }
}
