using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Api;

/// <summary>The Rencana Aksi endpoints: what the Rencana Aksi page shows and does, with the unit's authorisation.</summary>
public static partial class KinerjaApi
{
    private static void MapRencanaAksi(RouteGroupBuilder year)
    {
        year.MapGet("/rencana-aksi/{indicator}", GetRencanaAksi).WithSummary("Rencana Aksi satu indikator: per triwulan target, aksi (apa, siapa, kapan) dan realisasinya");
        year.MapPost("/rencana-aksi/{indicator}", AddRencanaAksi).WithSummary("Tambah rencana aksi (operator unit indikator, perencana, administrator)");
        year.MapPut("/rencana-aksi/{indicator}/{id:long}", UpdateRencanaAksi).WithSummary("Ubah rencana aksi (konkurensi optimistis: ConcurrencyVersion dari GET)");
        year.MapDelete("/rencana-aksi/{indicator}/{id:long}", DeleteRencanaAksi).WithSummary("Hapus rencana aksi (?concurrencyVersion= dari GET)");
    }

    private static async Task<(ReportingYear? Year, IndicatorInfo? Info, IResult? Refused)> RencanaAksiTarget(int agencyId, int year, string indicator, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, bool change)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return (null, null, ApiResults.Problem(404, "instansi atau tahun tidak ada"));
        var info = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.ReportingYearId == row.Id && i.Code == indicator);
        if (info is null)
            return (null, null, ApiResults.Problem(404, $"indikator \"{indicator}\" tidak ada"));
        if (!await Can(auth, http, agencyId, change ? Operations.EnterRealisasi : Operations.View, info.UnitCode))
            return (null, null, ApiResults.Problem(403, "akun ini tidak berwenang atas unit indikator ini"));
        return (row, info, null);
    }

    private static async Task<IResult> GetRencanaAksi(int agencyId, int year, string indicator, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, RencanaAksiService service)
    {
        var (row, info, refused) = await RencanaAksiTarget(agencyId, year, indicator, http, db, auth, change: false);
        return refused ?? Results.Ok(await service.ViewAsync(row!, info!));
    }

    private static async Task<IResult> AddRencanaAksi(int agencyId, int year, string indicator, RencanaAksiInput body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, RencanaAksiService service)
    {
        var (row, info, refused) = await RencanaAksiTarget(agencyId, year, indicator, http, db, auth, change: true);
        if (refused is not null)
            return refused;
        var outcome = await service.AddAsync(row!, info!, body);
        return outcome.Ok ? Results.Created($"/api/instansi/{agencyId}/{year}/rencana-aksi/{indicator}", await service.ViewAsync(row!, info!)) : ApiResults.From(outcome);
    }

    private static async Task<IResult> UpdateRencanaAksi(int agencyId, int year, string indicator, long id, RencanaAksiInput body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, RencanaAksiService service)
    {
        var (row, info, refused) = await RencanaAksiTarget(agencyId, year, indicator, http, db, auth, change: true);
        if (refused is not null)
            return refused;
        if (await db.RencanaAksi.SingleOrDefaultAsync(a => a.Id == id && a.ReportingYearId == row!.Id && a.IndicatorCode == info!.Code) is not { } action)
            return ApiResults.Problem(404, "rencana aksi tidak ada");
        var outcome = await service.UpdateAsync(row!, info!, action, body);
        return outcome.Ok ? Results.Ok(await service.ViewAsync(row!, info!)) : ApiResults.From(outcome);
    }

    private static async Task<IResult> DeleteRencanaAksi(int agencyId, int year, string indicator, long id, int? concurrencyVersion, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, RencanaAksiService service)
    {
        var (row, info, refused) = await RencanaAksiTarget(agencyId, year, indicator, http, db, auth, change: true);
        if (refused is not null)
            return refused;
        if (await db.RencanaAksi.SingleOrDefaultAsync(a => a.Id == id && a.ReportingYearId == row!.Id && a.IndicatorCode == info!.Code) is not { } action)
            return ApiResults.Problem(404, "rencana aksi tidak ada");
        var outcome = await service.DeleteAsync(row!, info!, action, concurrencyVersion);
        return outcome.Ok ? Results.NoContent() : ApiResults.From(outcome);
    }
}
