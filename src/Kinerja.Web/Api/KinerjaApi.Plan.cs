using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;

namespace Kinerja.Web.Api;

/// <summary>A plan node or an indicator: its workbook cells (the sheet's JSON column names) and the version a change must send back.</summary>
public sealed record PlanItemDto(long Id, string Code, string Versi, IReadOnlyDictionary<string, string> Cells);

/// <summary>The plan of a year: the nodes (sheet Rencana) and the indicators (sheet Indikator), and the year's revision (for adding targets).</summary>
public sealed record PlanDto(int Revision, IReadOnlyList<PlanItemDto> Nodes, IReadOnlyList<PlanItemDto> Indicators);

/// <summary>A plan node or indicator to add or change: cells by the sheet's JSON column names; <c>Versi</c> from the GET when changing.</summary>
public sealed record PlanItemRequest(Dictionary<string, string?> Cells, string? Versi);

public sealed record PlanSaved(PlanItemDto Item, IReadOnlyList<string> Peringatan);

/// <summary>A target row to add: indicator, period (2025, 2025-TW1, Renstra), value as printed, Kumulatif, document; ExpectedRevision from GET /rencana.</summary>
public sealed record TargetAddRequest(string Indicator, string? Period, string? Value, string? Cumulative, string? Document, int? ExpectedRevision);

/// <summary>The plan editing endpoints: the same service, checks and audit as the plan pages.</summary>
public static partial class KinerjaApi
{
    private static void MapPlan(RouteGroupBuilder year)
    {
        year.MapGet("/rencana", GetPlan).WithSummary("Rencana: simpul (tujuan, sasaran, program, kegiatan, sub kegiatan) dan indikator dengan semua kolom buku kerja");
        foreach (var (path, sheet) in new[] { ("simpul", PlanEditor.PlanSheet), ("indikator", PlanEditor.IndicatorSheet) })
        {
            var what = sheet == PlanEditor.PlanSheet ? "simpul rencana" : "indikator";
            year.MapPost($"/rencana/{path}", (int agencyId, int year, PlanItemRequest body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor) =>
                SavePlanItem(agencyId, year, sheet, null, body, http, db, scopes, auth, editor)).WithSummary($"Tambah {what}; diperiksa seperti impor (galat menolak, peringatan dikembalikan)");
            year.MapPut($"/rencana/{path}/{{id:long}}", (int agencyId, int year, long id, PlanItemRequest body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor) =>
                SavePlanItem(agencyId, year, sheet, id, body, http, db, scopes, auth, editor)).WithSummary($"Ubah {what} (kirim Versi dari GET; 409 bila sudah diubah orang lain)");
            year.MapDelete($"/rencana/{path}/{{id:long}}", (int agencyId, int year, long id, string? versi, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor) =>
                RemovePlanItem(agencyId, year, sheet, id, versi, http, db, scopes, auth, editor)).WithSummary($"Hapus {what} (?versi=); ditolak bila masih dirujuk, sudah ada realisasi, atau targetnya bagian PK yang ditandatangani");
        }

        year.MapPost("/target", AddTarget).WithSummary("Tambah baris target (tahunan, triwulan, Renstra); target PK yang sudah ditandatangani tidak dapat ditambah di sini");
        year.MapDelete("/target/{id:long}", RemoveTarget).WithSummary("Hapus baris target (?concurrencyVersion=); target PK yang ditandatangani tidak dapat dihapus");
    }

    private static PlanItemDto Dto(PlanItem item) => new(item.Id, item.Code, item.Versi, item.Cells);

    private static async Task<IResult> GetPlan(int agencyId, int year, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, PlanEditor editor)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.View))
            return ApiResults.Problem(403, "akun ini tidak berwenang atas instansi ini");
        return Results.Ok(new PlanDto(row.Revision, (await editor.ListAsync(row.Id, PlanEditor.PlanSheet)).Select(Dto).ToList(), (await editor.ListAsync(row.Id, PlanEditor.IndicatorSheet)).Select(Dto).ToList()));
    }

    private static async Task<(IResult? Refusal, ReportingYear Year)> PlanYear(int agencyId, int year, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return (ApiResults.Problem(404, "instansi atau tahun tidak ada"), null!);
        if (!await Can(auth, http, agencyId, Operations.Plan))
            return (ApiResults.Problem(403, "hanya perencana atau administrator instansi yang dapat mengubah rencana dan target"), null!);
        db.AuditUser = (await scopes.GetAsync()).UserName;
        return (null, row);
    }

    private static async Task<IResult> SavePlanItem(int agencyId, int year, string sheet, long? id, PlanItemRequest body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor)
    {
        var (refusal, row) = await PlanYear(agencyId, year, http, db, scopes, auth);
        if (refusal is not null)
            return refusal;
        if (id is not null && string.IsNullOrWhiteSpace(body.Versi))
            return ApiResults.From(WriteResult.VersionRequired(sheet == PlanEditor.PlanSheet ? "simpul rencana" : "indikator"));
        var outcome = await editor.SaveAsync(row, sheet, id, body.Cells ?? [], body.Versi);
        if (!outcome.Ok)
            return ApiResults.From(outcome);
        var saved = new PlanSaved(Dto(outcome.Item!), outcome.Warnings);
        var path = sheet == PlanEditor.PlanSheet ? "simpul" : "indikator";
        return outcome.Status == WriteStatus.Created ? Results.Created($"/api/instansi/{agencyId}/{year}/rencana/{path}/{outcome.Item!.Id}", saved) : Results.Ok(saved);
    }

    private static async Task<IResult> RemovePlanItem(int agencyId, int year, string sheet, long id, string? versi, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor)
    {
        var (refusal, row) = await PlanYear(agencyId, year, http, db, scopes, auth);
        if (refusal is not null)
            return refusal;
        if (string.IsNullOrWhiteSpace(versi))
            return ApiResults.From(WriteResult.VersionRequired(sheet == PlanEditor.PlanSheet ? "simpul rencana" : "indikator"));
        var outcome = await editor.RemoveAsync(row, sheet, id, versi);
        return outcome.Ok ? Results.Ok(new { peringatan = outcome.Warnings }) : ApiResults.From(outcome);
    }

    private static async Task<IResult> AddTarget(int agencyId, int year, TargetAddRequest body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor)
    {
        var (refusal, row) = await PlanYear(agencyId, year, http, db, scopes, auth);
        if (refusal is not null)
            return refusal;
        if (body.ExpectedRevision is not { } revision)
            return ApiResults.From(WriteResult.VersionRequired("tahun (expectedRevision dari GET /rencana)"));
        var outcome = await editor.AddTargetAsync(row, body.Indicator, body.Period, body.Value, body.Cumulative, body.Document, revision);
        return outcome.Ok ? Results.Ok(new { revisi = row.Revision, peringatan = outcome.Warnings }) : ApiResults.From(outcome);
    }

    private static async Task<IResult> RemoveTarget(int agencyId, int year, long id, int? concurrencyVersion, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor)
    {
        var (refusal, row) = await PlanYear(agencyId, year, http, db, scopes, auth);
        if (refusal is not null)
            return refusal;
        if (concurrencyVersion is not { } version)
            return ApiResults.From(WriteResult.VersionRequired("target (?concurrencyVersion=)"));
        var outcome = await editor.RemoveTargetAsync(row, id, version);
        return outcome.Ok ? Results.Ok(new { revisi = row.Revision, peringatan = outcome.Warnings }) : ApiResults.From(outcome);
    }
}
