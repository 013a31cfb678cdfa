using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;

namespace Kinerja.Web.Api;

/// <summary>The year's Perjanjian Kinerja and its revision (send it back as <c>ExpectedRevision</c> when adding a PK Perubahan).</summary>
public sealed record PkAnswer(int Revision, PkView Pk);

/// <summary>The Perjanjian Kinerja endpoints: what the PK page shows and does.</summary>
public static partial class KinerjaApi
{
    private static void MapPk(RouteGroupBuilder year)
    {
        year.MapGet("/pk", GetPk).WithSummary("Perjanjian Kinerja: versi-versinya, dan target serta anggaran satu versi (?versi=awal, perubahan-1, ...; kosong = yang berlaku)");
        year.MapPost("/pk/perubahan", AddPkPerubahan).WithSummary("Tambah PK Perubahan sebagai versi baru (tanggal, penandatangan); versi lama tetap. ExpectedRevision = revisi dari GET /pk");
    }

    private static async Task<IResult> GetPk(int agencyId, int year, string? versi, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PkService pk)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.View))
            return ApiResults.Problem(403, "akun ini tidak berwenang atas instansi ini");
        var scope = await scopes.GetAsync();
        var view = await pk.ViewAsync(row, versi, unit => scope.CoversUnit(agencyId, unit));
        return view is null ? ApiResults.Problem(404, $"versi PK \"{versi}\" tidak ada") : Results.Ok(new PkAnswer(row.Revision, view));
    }

    private static async Task<IResult> AddPkPerubahan(int agencyId, int year, PkPerubahanRequest body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PkService pk)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.Plan))
            return ApiResults.Problem(403, "hanya administrator dan perencana instansi yang dapat menambah PK Perubahan");
        db.AuditUser = (await scopes.GetAsync()).UserName;
        var outcome = await pk.AddPerubahanAsync(row, body);
        if (!outcome.Ok)
            return ApiResults.From(outcome);
        var view = await pk.ViewAsync(row, null, _ => true);
        return Results.Created($"/api/instansi/{agencyId}/{year}/pk?versi={view!.Selected.Code}", new PkAnswer(row.Revision, view));
    }
}
