using Kinerja.Data;
using Kinerja.Domain.Model;
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
        MapPkRows(year);
        year.MapPost("/pk/perubahan", AddPkPerubahan).WithSummary("Tambah PK Perubahan sebagai draf (penandatangan; tanpa tanggal, belum berlaku); versi lama tetap. Satu draf sekaligus. ExpectedRevision = revisi dari GET /pk");
        year.MapPost("/pk/{versi}/tandatangani", (int agencyId, int year, string versi, PkSignRequest body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PkService pk) =>
            PkDraft(agencyId, year, http, db, scopes, auth, pk, row => pk.SignAsync(row, versi, body), body.ExpectedRevision))
            .WithSummary("Tandatangani draf PK Perubahan: tanggal penandatanganan (tidak lebih awal dari versi bertanda tangan sebelumnya); setelahnya versi itu berlaku dan terkunci. ExpectedRevision dari GET /pk");
        year.MapPut("/pk/{versi}/penandatangan", (int agencyId, int year, string versi, PkPerubahanRequest body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PkService pk) =>
            PkDraft(agencyId, year, http, db, scopes, auth, pk, row => pk.SaveDraftAsync(row, versi, body), body.ExpectedRevision))
            .WithSummary("Ubah tempat dan penandatangan draf PK Perubahan (versi bertanda tangan ditolak)");
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

    private static async Task<IResult> PkDraft(int agencyId, int year, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PkService pk, Func<ReportingYear, Task<Outcome>> change, int? expectedRevision)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.Plan))
            return ApiResults.Problem(403, "hanya administrator dan perencana instansi yang dapat menyusun dan menandatangani PK Perubahan");
        if (expectedRevision is null)
            return ApiResults.From(WriteResult.VersionRequired("tahun (expectedRevision dari GET /pk)"));
        db.AuditUser = (await scopes.GetAsync()).UserName;
        var outcome = await change(row);
        if (!outcome.Ok)
            return ApiResults.From(outcome);
        return Results.Ok(new PkAnswer(row.Revision, (await pk.ViewAsync(row, null, _ => true))!));
    }

    private static async Task<IResult> AddPkPerubahan(int agencyId, int year, PkPerubahanRequest body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PkService pk)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.Plan))
            return ApiResults.Problem(403, "hanya administrator dan perencana instansi yang dapat menambah PK Perubahan");
        if (body.ExpectedRevision is null)
            return ApiResults.From(WriteResult.VersionRequired("tahun (expectedRevision dari GET /pk)"));
        db.AuditUser = (await scopes.GetAsync()).UserName;
        var outcome = await pk.AddPerubahanAsync(row, body);
        if (!outcome.Ok)
            return ApiResults.From(outcome);
        var draft = (await pk.ViewAsync(row, null, _ => true))!.DraftCode;
        var view = await pk.ViewAsync(row, draft, _ => true);
        return Results.Created($"/api/instansi/{agencyId}/{year}/pk?versi={view!.Selected.Code}", new PkAnswer(row.Revision, view));
    }
}

/// <summary>A target row of the PK version being prepared: the indicator, the period (2025, 2025-TW1) and the value as printed.</summary>
public sealed record PkTargetRequest(string? Indicator, string? Period, string? Value, string? Cumulative, int? ConcurrencyVersion, int? ExpectedRevision);

/// <summary>A budget line of the PK version being prepared (sheet AnggaranPK); Pengampu is the Pejabat Pengampu the PK prints for the line.</summary>
public sealed record PkBudgetRequest(string? Code, string? Name, string? Parent, string? Level, string? Pagu, string? Goals, int? ConcurrencyVersion, string? Pengampu = null);

/// <summary>The target rows and budget lines of the PK Perubahan being prepared (the latest version); earlier versions stay as signed.</summary>
public static partial class KinerjaApi
{
    private static void MapPkRows(RouteGroupBuilder year)
    {
        year.MapPost("/pk/{versi}/target", (int agencyId, int year, string versi, PkTargetRequest body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor) =>
            PkRow(agencyId, year, versi, http, db, scopes, auth, editor, (row, v) => editor.AddTargetAsync(row, body.Indicator ?? "", body.Period, body.Value, body.Cumulative, PlanEditor.DocumentOf(v), body.ExpectedRevision!.Value, v.Code), body.ExpectedRevision is null ? "tahun (expectedRevision dari GET /pk)" : null))
            .WithSummary("Tambah target pada PK Perubahan yang sedang disusun (versi terbaru); ExpectedRevision dari GET /pk");
        year.MapPut("/pk/{versi}/target/{id:long}", (int agencyId, int year, string versi, long id, PkTargetRequest body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor) =>
            PkRow(agencyId, year, versi, http, db, scopes, auth, editor, (row, v) => editor.ChangePkTargetAsync(row, v.Code, id, body.Value, body.ConcurrencyVersion!.Value), body.ConcurrencyVersion is null ? "target" : null))
            .WithSummary("Ubah nilai target PK Perubahan yang sedang disusun (konkurensi optimistis)");
        year.MapDelete("/pk/{versi}/target/{id:long}", (int agencyId, int year, string versi, long id, int? concurrencyVersion, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor) =>
            PkRow(agencyId, year, versi, http, db, scopes, auth, editor, (row, v) => editor.RemoveTargetAsync(row, id, concurrencyVersion!.Value, v.Code), concurrencyVersion is null ? "target (?concurrencyVersion=)" : null))
            .WithSummary("Hapus target PK Perubahan yang sedang disusun (target versi sebelumnya berlaku lagi)");
        year.MapPost("/pk/{versi}/anggaran", (int agencyId, int year, string versi, PkBudgetRequest body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor) =>
            PkRow(agencyId, year, versi, http, db, scopes, auth, editor, (row, v) => editor.SaveBudgetLineAsync(row, v.Code, null, Budget(body), null)))
            .WithSummary("Tambah baris anggaran PK Perubahan yang sedang disusun (pengampu = Pejabat Pengampu yang dicetak di PK)");
        year.MapPut("/pk/{versi}/anggaran/{id:long}", (int agencyId, int year, string versi, long id, PkBudgetRequest body, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor) =>
            PkRow(agencyId, year, versi, http, db, scopes, auth, editor, (row, v) => editor.SaveBudgetLineAsync(row, v.Code, id, Budget(body), body.ConcurrencyVersion), body.ConcurrencyVersion is null ? "baris anggaran" : null))
            .WithSummary("Ubah baris anggaran PK Perubahan yang sedang disusun, termasuk Pejabat Pengampu (konkurensi optimistis; semua isian diganti)");
        year.MapDelete("/pk/{versi}/anggaran/{id:long}", (int agencyId, int year, string versi, long id, int? concurrencyVersion, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor) =>
            PkRow(agencyId, year, versi, http, db, scopes, auth, editor, (row, v) => editor.SaveBudgetLineAsync(row, v.Code, id, Budget(new PkBudgetRequest(null, null, null, null, null, null, null)), concurrencyVersion, remove: true), concurrencyVersion is null ? "baris anggaran (?concurrencyVersion=)" : null))
            .WithSummary("Hapus baris anggaran PK Perubahan yang sedang disusun");
    }

    private static PlanEditor.BudgetLineInput Budget(PkBudgetRequest b) => new(b.Code, b.Name, b.Parent, b.Level, b.Pagu, b.Goals, b.Pengampu);

    private static async Task<IResult> PkRow(int agencyId, int year, string versi, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, PlanEditor editor, Func<ReportingYear, PkVersionId, Task<PlanOutcome>> change, string? missingVersion = null)
    {
        var (refusal, row) = await PlanYear(agencyId, year, http, db, scopes, auth);
        if (refusal is not null)
            return refusal;
        if (missingVersion is not null)
            return ApiResults.From(WriteResult.VersionRequired(missingVersion));
        if (await editor.ClosedReasonAsync(row, versi) is { } closed)
            return ApiResults.Problem(400, closed);
        var outcome = await change(row, PkVersionId.Parse(versi).Value);
        return outcome.Ok ? Results.Ok(new { revisi = row.Revision, peringatan = outcome.Warnings }) : ApiResults.From(outcome);
    }
}
