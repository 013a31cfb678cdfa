using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Api;

public sealed record PublishedDocumentDto(long Id, string Kind, string EsrName, string? PkVersion, string Format, string Title, string FileName, string Sha256, long Size,
    DateTimeOffset PublishedAt, string PublishedBy, string? ScanSha256, DateTimeOffset? ScanUploadedAt, int Version, string Url)
{
    public static PublishedDocumentDto Of(PublishedDocument d) => new(d.Id, d.Kind, Publications.Types.FirstOrDefault(t => t.Kind == d.Kind)?.EsrName ?? d.Kind, d.PkVersion, d.Format, d.Title, d.FileName,
        d.Sha256, d.Size, d.PublishedAt, d.PublishedBy, d.ScanSha256, d.ScanUploadedAt, d.ConcurrencyVersion, $"/publik/berkas/{d.Id}");
}

/// <summary>Publish a built LKjIP or signed PK version: jenis "lkjip" or "pk", versi the PK version, format "pdf" or "docx".</summary>
public sealed record PublishRequest(string? Jenis, string? Versi, string? Format);

public sealed record ReopeningDto(long Id, string Period, string Unit, string? Indicator, DateOnly Until, string Reason, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, bool Live, int Version);

/// <summary>Reopen a closed period of one unit (or one indicator of it) until a date, with a reason.</summary>
public sealed record ReopenRequest(string? Periode, string? Unit, string? Indikator, DateOnly Sampai, string? Alasan);

/// <summary>Publication (Terbitkan, signed scans, ESR export) and the period lock's reopenings (issue 21).</summary>
public static partial class KinerjaApi
{
    public static void MapPublicationAndLock(this WebApplication app)
    {
        var year = app.MapGroup("/api/instansi/{agencyId:int}/{year:int}").WithTags("Kinerja").AddEndpointFilter<AntiforgeryFilter>().DisableAntiforgery();
        year.MapGet("/publikasi", ListPublished).WithSummary("Dokumen tahun ini yang sudah diterbitkan (termasuk pindaian bertanda tangan), dengan tanggal terbit dan penerbitnya");
        year.MapPost("/publikasi", Publish).WithSummary("Terbitkan Laporan Kinerja atau satu versi PK yang ditandatangani sebagai naskah final (administrator, perencana, pimpinan; diaudit)");
        year.MapPost("/publikasi/unggah", PublishUpload).WithSummary("Terbitkan PDF dokumen yang tidak disusun Kinerja (multipart: jenis = renstra, iku, rencana-aksi, lhe, rpjmd, renja, pohon; berkas = PDF paling besar 10 MB)")
            .Accepts<IFormFile>("multipart/form-data");
        year.MapPost("/publikasi/{id:long}/pindaian", UploadScan).WithSummary("Unggah pindaian bertanda tangan (PDF) sebuah PK atau Laporan Kinerja terbitan (multipart: berkas, versi = Version dari GET); halaman publik lalu menyajikan pindaian itu")
            .Accepts<IFormFile>("multipart/form-data");
        year.MapGet("/esr", EsrExport).WithSummary("Paket e-SAKIP Reviu: dokumen terbitan tahun ini dalam satu zip, dinamai menurut jenis dokumen ESR, dengan DAFTAR-ISI.txt yang menyebut dokumen yang belum ada");
        year.MapGet("/pembukaan", ListReopenings).WithSummary("Kunci periode: keadaan dan pembukaan kembali periode yang sudah ditutup");
        year.MapPost("/pembukaan", Reopen).WithSummary("Buka kembali periode yang sudah ditutup untuk satu unit (atau satu indikator) sampai tanggal tertentu, dengan alasan (administrator instansi; diaudit)");
        year.MapPost("/pembukaan/{id:long}/akhiri", EndReopening).WithSummary("Akhiri pembukaan periode sebelum tanggalnya (administrator instansi; ?concurrencyVersion= versi dari GET)");
    }

    private static async Task<IResult> ListPublished(int agencyId, int year, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, Publications publications)
    {
        if (await YearAsync(db, agencyId, year) is null)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.ViewWhole))
            return ApiResults.Problem(403, "akun ini tidak berwenang atas dokumen instansi ini");
        return Results.Ok((await publications.ListAsync(agencyId, year)).Select(r => PublishedDocumentDto.Of(r.Document)).ToList());
    }

    private static async Task<IResult> Publish(int agencyId, int year, PublishRequest body, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, ScopeProvider scopes, Publications publications)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.ViewWhole))
            return ApiResults.Problem(403, "hanya administrator, perencana atau pimpinan instansi yang dapat menerbitkan");
        var outcome = await publications.PublishAsync(row, body.Jenis ?? "", body.Versi, body.Format ?? "pdf", (await scopes.GetAsync()).UserName);
        return outcome.Document is { } d
            ? Results.Created($"/publik/berkas/{d.Id}", PublishedDocumentDto.Of(d))
            : Results.Problem(title: "Dokumen tidak diterbitkan", detail: string.Join("; ", outcome.Reasons.Take(30)), statusCode: 422, extensions: new Dictionary<string, object?> { ["alasan"] = outcome.Reasons });
    }

    private static async Task<IResult> PublishUpload(int agencyId, int year, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, ScopeProvider scopes, Publications publications)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.ViewWhole))
            return ApiResults.Problem(403, "hanya administrator, perencana atau pimpinan instansi yang dapat menerbitkan");
        if (!http.Request.HasFormContentType)
            return ApiResults.Problem(400, "kirim multipart/form-data dengan field jenis dan berkas");
        var form = await http.Request.ReadFormAsync();
        var outcome = await publications.UploadAsync(row, form["jenis"].ToString(), form.Files.GetFile("berkas"), (await scopes.GetAsync()).UserName);
        return outcome.Document is { } d
            ? Results.Created($"/publik/berkas/{d.Id}", PublishedDocumentDto.Of(d))
            : ApiResults.Problem(422, string.Join("; ", outcome.Reasons));
    }

    private static async Task<IResult> UploadScan(int agencyId, int year, long id, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, ScopeProvider scopes, Publications publications)
    {
        if (await YearAsync(db, agencyId, year) is null || !await db.PublishedDocuments.AnyAsync(d => d.Id == id && d.AgencyId == agencyId && d.Year == year))
            return ApiResults.Problem(404, "dokumen terbitan tidak ada");
        if (!await Can(auth, http, agencyId, Operations.ViewWhole))
            return ApiResults.Problem(403, "hanya administrator, perencana atau pimpinan instansi yang dapat mengunggah pindaian");
        if (!http.Request.HasFormContentType)
            return ApiResults.Problem(400, "kirim multipart/form-data dengan field berkas dan versi");
        var form = await http.Request.ReadFormAsync();
        int? version = int.TryParse(form["versi"].ToString(), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
        var saved = await publications.AttachScanAsync(agencyId, id, form.Files.GetFile("berkas"), version, (await scopes.GetAsync()).UserName);
        if (!saved.Ok)
            return ApiResults.From(saved);
        return Results.Ok(PublishedDocumentDto.Of(await db.PublishedDocuments.AsNoTracking().SingleAsync(d => d.Id == id)));
    }

    private static async Task<IResult> EsrExport(int agencyId, int year, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, Publications publications)
    {
        if (await YearAsync(db, agencyId, year) is null)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.ViewWhole))
            return ApiResults.Problem(403, "akun ini tidak berwenang atas dokumen instansi ini");
        return Results.File(await publications.EsrZipAsync(agencyId, year), "application/zip", $"esr-{year}.zip");
    }

    private static async Task<IResult> ListReopenings(int agencyId, int year, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, PeriodLock periodLock)
    {
        if (await YearAsync(db, agencyId, year) is null)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.ViewWhole))
            return ApiResults.Problem(403, "akun ini tidak berwenang atas instansi ini");
        var today = periodLock.Today;
        var locked = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.LockPeriods).SingleAsync();
        return Results.Ok(new
        {
            kunciPeriode = locked,
            pembukaan = (await periodLock.ListAsync(agencyId, year)).Select(r => new ReopeningDto(r.Id, r.Period, r.UnitCode, r.IndicatorCode, r.Until, r.Reason, r.CreatedBy, r.CreatedAt, r.RevokedAt,
                r.RevokedAt is null && r.Until >= today, r.ConcurrencyVersion)).ToList(),
        });
    }

    private static async Task<IResult> Reopen(int agencyId, int year, ReopenRequest body, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, PeriodLock periodLock, PeriodLockAdmin lockAdmin)
    {
        if (await YearAsync(db, agencyId, year) is null)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.ManageUsers))
            return ApiResults.Problem(403, "hanya administrator instansi yang dapat membuka kembali periode");
        if (await lockAdmin.ReopenAsync(agencyId, year, body.Periode ?? "", body.Unit ?? "", body.Indikator, body.Sampai, body.Alasan) is { } failed)
            return ApiResults.Problem(failed.Status, failed.Message);
        return await ListReopenings(agencyId, year, http, db, auth, periodLock);
    }

    private static async Task<IResult> EndReopening(int agencyId, int year, long id, int? concurrencyVersion, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, PeriodLock periodLock, PeriodLockAdmin lockAdmin)
    {
        if (await YearAsync(db, agencyId, year) is null)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.ManageUsers))
            return ApiResults.Problem(403, "hanya administrator instansi yang dapat mengakhiri pembukaan periode");
        if (await lockAdmin.RevokeAsync(agencyId, id, concurrencyVersion) is { } failed)
            return ApiResults.Problem(failed.Status, failed.Message);
        return await ListReopenings(agencyId, year, http, db, auth, periodLock);
    }
}
