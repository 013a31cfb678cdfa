using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Domain.Values;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Api;

/// <summary>
/// The national roll-up over the whole installation (issue 23): for the installation's administrator and the accounts
/// with the role PemantauNasional (a ministry's or KemenPANRB's viewer). Read from the replica when one is configured.
/// </summary>
public static class NationalApi
{
    public static void MapNationalApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/nasional").WithTags("Rekap nasional").AddEndpointFilter<KinerjaApi.AntiforgeryFilter>().DisableAntiforgery();
        api.MapGet("/indikator", () => Results.Ok(Domain.Formulas.IndicatorCatalogue.Labour.Indicators.Select(i => new { i.Code, i.Name, i.Satuan, Rumus = i.Formula.Text }).ToList()))
            .WithSummary("Indikator bersama (katalog ketenagakerjaan) yang dapat direkap secara nasional");
        api.MapGet("/wilayah", () => Results.Ok(Regions.List.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new { r.Code, r.Name, Provinsi = r.ProvinceCode }).ToList()))
            .WithSummary("Kode wilayah Kemendagri: provinsi dan kabupaten/kota (idn-area-data 4.0.1, ODbL)");
        api.MapGet("/{indikator}/{periode}", Rollup)
            .WithSummary("Rekap nasional satu indikator bersama pada satu periode: tiap instansi (target, realisasi, capaian, kategori, perubahan dari tahun lalu), sebaran kategori, agregat dan peringkat per provinsi dan kabupaten/kota menurut aturan indikator (jumlah data dasar, lalu rumus)");
    }

    private static async Task<IResult> Rollup(string indikator, string periode, string? provinsi, HttpContext http, ScopeProvider scopes, KinerjaDbContext db, ReadRouting reads, NationalRollup rollup)
    {
        if (!await NationalAccess.CanViewAsync(scopes, db, http.User))
            return ApiResults.Problem(403, "rekap nasional hanya untuk administrator instalasi dan akun berperan PemantauNasional");
        if (NationalRollup.Indicator(indikator) is not { } indicator)
            return ApiResults.Problem(404, $"indikator \"{indikator}\" tidak ada dalam katalog bersama");
        var parsed = Period.Parse(periode);
        if (!parsed.Success || parsed.Value.IsRenstraEnd)
            return ApiResults.Problem(400, $"periode \"{periode}\" tidak dikenal; tulis 2025 atau 2025-TW1");
        var result = await rollup.GetAsync(await reads.ContextAsync(http.RequestAborted), indicator, parsed.Value, http.RequestAborted);
        return Results.Ok(NationalAccess.ForProvince(result, provinsi));
    }
}

public static class NationalAccess
{
    /// <summary>The installation's administrator, or an account given the role PemantauNasional.</summary>
    public static async Task<bool> CanViewAsync(ScopeProvider scopes, KinerjaDbContext db, ClaimsPrincipal user)
    {
        var scope = await scopes.GetAsync();
        if (scope.IsSystemAdmin)
            return true;
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
            return false;
        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      where ur.UserId == id && r.Name == NationalRollup.ViewerRole
                      select ur).AnyAsync();
    }

    /// <summary>Narrows the instansi and regencies to one province (the drill-down); the nation and the provinces stay.</summary>
    public static NationalRollupDto ForProvince(NationalRollupDto result, string? province) =>
        string.IsNullOrWhiteSpace(province) ? result
        : result with
        {
            Regencies = [.. result.Regencies.Where(r => r.ProvinceCode == province)],
            Rows = [.. result.Rows.Where(r => Regions.ProvinceOf(r.RegionCode)?.Code == province)],
        };
}
