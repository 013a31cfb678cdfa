using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Values;
using Kinerja.Domain.Workflow;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Api;

/// <param name="KodeWilayah">the Kemendagri code of its province ("32") or regency/city ("32.04"); null when not set (issue 23)</param>
public sealed record AgencyDto(int Id, string Name, string Kind, IReadOnlyList<int> Years, string? Role, string? KodeWilayah = null);

public sealed record IndicatorCapaianDto(string Code, string Name, string Goal, string Unit, string? Target, string? Realisasi, decimal? Capaian, string? CapaianText, string? Category, string? Color);

public sealed record GoalCapaianDto(string Code, string Name, decimal? Capaian, string? Category);

public sealed record CapaianDto(string Period, decimal? AgencyCapaian, string? AgencyCategory, IReadOnlyList<GoalCapaianDto> Goals, IReadOnlyList<IndicatorCapaianDto> Indicators);

public sealed record RealisasiDto(long Id, string Indicator, string Period, string Unit, int Version, string Status, string? Value, string? ValueStatus, string? Note, string? Kendala, string? TindakLanjut, string? Explanation, int ConcurrencyVersion, IReadOnlyList<EventDto> History, IReadOnlyList<EvidenceDto> Evidence)
{
    public static RealisasiDto Of(RealisasiRecord r) => new(r.Id, r.IndicatorCode, r.Period, r.UnitCode, r.Version, RealisasiService.StatusLabel(r.Status), r.Value, r.ValueStatus, r.Note, r.Kendala, r.TindakLanjut, r.Explanation, r.ConcurrencyVersion,
        r.Events.OrderBy(e => e.Id).Select(e => new EventDto(e.At, e.UserName, RealisasiService.StatusLabel(e.From), RealisasiService.StatusLabel(e.To), e.Value, e.Reason)).ToList(),
        r.Evidence.Select(e => new EvidenceDto(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256)).ToList());
}

public sealed record EventDto(DateTimeOffset At, string User, string From, string To, string? Value, string? Reason);

public sealed record EvidenceDto(long Id, string FileName, string ContentType, long Size, string Sha256);

public sealed record RealisasiSaveRequest(string? Value, string? ValueStatus, string? Note, string? Kendala, string? TindakLanjut, string? Explanation, string? CorrectionReason, int? ConcurrencyVersion);

public sealed record WorkflowRequest(int? ConcurrencyVersion, string? Reason);

public sealed record TargetSaveRequest(string? Value, int? ConcurrencyVersion);

public sealed record DocumentBuildRequest(string? Jenis, string? Format, string? Periode, string? Versi, bool? Final);

public sealed record DocumentBuildDto(string Id, string Dokumen, string Tahap, bool Selesai, bool Berhasil, int Detik, IReadOnlyList<string> Alasan, string? Unduh)
{
    public static DocumentBuildDto Of(DocumentBuildStatus s, DateTimeOffset now) =>
        new(s.Id, s.Title, s.Stage, s.Done, s.Succeeded, (int)s.Elapsed(now).TotalSeconds, s.Reasons, s.Succeeded ? $"/instansi/{s.AgencyId}/{s.Year}/dokumen/proses/{s.Id}?handler=Unduh" : null);
}

public sealed record TargetDto(long Id, string Indicator, string Period, string Value, string? Cumulative, string? Document, string Unit, int ConcurrencyVersion);

/// <summary>
/// The REST API: what the pages do, with the same server-side authorisation. Cookie sign-in; a
/// request that changes data must carry the antiforgery token in the X-CSRF-TOKEN header
/// (GET /api/antiforgery gives it), and the cookies are SameSite=Strict.
/// </summary>
public static partial class KinerjaApi
{
    public static void MapKinerjaApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Kinerja").AddEndpointFilter<AntiforgeryFilter>().DisableAntiforgery();
        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            Results.Ok(new { header = "X-CSRF-TOKEN", token = antiforgery.GetAndStoreTokens(http).RequestToken }))
            .WithSummary("Token antiforgery untuk permintaan yang mengubah data");
        api.MapGet("/instansi", Agencies).WithSummary("Instansi dan tahun yang dapat dilihat pengguna");
        var year = api.MapGroup("/instansi/{agencyId:int}/{year:int}");
        year.MapGet("/capaian", Capaian).WithSummary("Capaian per indikator dan sasaran (realisasi yang disahkan)");
        year.MapGet("/realisasi", ListRealisasi).WithSummary("Realisasi terkini per indikator pada periode, hanya unit yang menjadi wewenang pengguna");
        year.MapGet("/realisasi/{indicator}/{period}", GetRealisasi).WithSummary("Satu realisasi dengan riwayat dan bukti dukung");
        year.MapPut("/realisasi/{indicator}/{period}", SaveRealisasi).WithSummary("Simpan draf realisasi (atau koreksi versi baru atas yang disahkan)");
        year.MapPost("/realisasi/{indicator}/{period}/{step}", Step).WithSummary("Langkah alur: ajukan, verifikasi, sahkan, kembalikan");
        year.MapDelete("/realisasi/{indicator}/{period}/bukti/{id:long}", RemoveEvidence).WithSummary("Hapus bukti dukung yang salah selama realisasi masih draf (?concurrencyVersion=versi yang dibaca); setelah diajukan atau disahkan ditolak dengan alasannya");
        year.MapGet("/target", Targets).WithSummary("Target tahun ini");
        year.MapPut("/target/{id:long}", SaveTarget).WithSummary("Ubah nilai target (konkurensi optimistis)");
        MapPk(year);
        MapPlan(year);
        MapRencanaAksi(year);
        MapCounts(year);
        MapCycle(api, year);
        MapNotifications(api);
        year.MapPost("/dokumen", StartDocument).WithSummary("Mulai menyusun dokumen (lkjip, pk, triwulan; docx, pdf, xlsx; draf kecuali final=true) di latar belakang; 202 dengan alamat status");
        year.MapGet("/dokumen/{id}", DocumentStatus).WithSummary("Kemajuan penyusunan dokumen; setelah selesai, alamat unduhnya");
        api.MapPost("/impor", ImportPreview).WithSummary("Unggah buku kerja (.xlsx/.json, multipart, field \"berkas\"): pratinjau yang ditambah, diubah, dihapus, status alur kerja setiap realisasi (yang dilindungi tidak diubah) dan temuan pemeriksaan; tidak ada yang disimpan. riwayat=true: impor riwayat tahun yang sudah ditutup (administrator)")
            .Accepts<IFormFile>("multipart/form-data");
        api.MapPost("/impor/{token}", ImportCommit).WithSummary("Simpan impor yang sudah dipratinjau, utuh dalam satu transaksi");

        // downloads used by the pages; the same checks
        var files = app.MapGroup("/instansi/{agencyId:int}/{year:int}").ExcludeFromDescription();
        files.MapGet("/ekspor.{format}", Export);
        files.MapGet("/bukti/{id:long}", Evidence);
        // signed-in only: the public gets published files (/publik), never a live build
        files.MapGet("/dokumen/{kind}.{format}", Document);
        files.MapGet("/pohon.svg", (int agencyId, int year, HttpContext http, KinerjaDbContext db, DatasetCache cache, IAuthorizationService auth) => PlanTree(agencyId, year, http, db, cache, auth, png: false));
        files.MapGet("/pohon.png", (int agencyId, int year, HttpContext http, KinerjaDbContext db, DatasetCache cache, IAuthorizationService auth) => PlanTree(agencyId, year, http, db, cache, auth, png: true));
    }

    /// <summary>A request that changes data carries the antiforgery token in X-CSRF-TOKEN; every API group uses this one filter.</summary>
    internal sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
                return ApiResults.Problem(StatusCodes.Status400BadRequest, "token antiforgery tidak ada atau tidak sah; ambil dari GET /api/antiforgery dan kirim di header X-CSRF-TOKEN");
            return await next(context);
        }
    }

    private static async Task<bool> Can(IAuthorizationService auth, HttpContext http, int agencyId, OperationAuthorizationRequirement op, string? unit = null) =>
        (await auth.AuthorizeAsync(http.User, new AgencyResource(agencyId, unit), op)).Succeeded;

    private static async Task<ReportingYear?> YearAsync(KinerjaDbContext db, int agencyId, int year) =>
        await db.Years.SingleOrDefaultAsync(y => y.AgencyId == agencyId && y.Year == year);

    private static async Task<IResult> Agencies(KinerjaDbContext db, ScopeProvider scopes)
    {
        var scope = await scopes.GetAsync();
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name, a.Kind, a.RegionCode, Years = a.Years.Select(y => y.Year).ToList() }).ToListAsync();
        return Results.Ok(all.Where(a => scope.IsSystemAdmin || scope.Assignments.ContainsKey(a.Id))
            .Select(a => new AgencyDto(a.Id, a.Name, a.Kind, a.Years.Order().ToList(), scope.RoleIn(a.Id)?.ToString(), a.RegionCode)).ToList());
    }

    private static async Task<IResult> Capaian(int agencyId, int year, string? periode, HttpContext http, KinerjaDbContext db, ReadCache cache, IAuthorizationService auth, ReadRouting reads, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.ViewWhole))
            return ApiResults.Problem(403, "akun ini tidak berwenang melihat capaian seluruh instansi");
        // issue 23: the figures from the replica when configured (read-your-writes routes a recent writer to the primary),
        // computed and serialised once per revision of the year (the read cache), after the authorisation above
        var read = await reads.ContextAsync(http.RequestAborted);
        var snapshot = await cache.YearAsync(read, row.Id, agencyId, http.RequestAborted);
        var data = await snapshot.DatasetAsync(read, RealisasiView.Approved, http.RequestAborted);
        var period = Dashboard.PeriodFor(data, year, periode);
        var bytes = await snapshot.JsonAsync("capaian|" + period, json.Value.SerializerOptions,
            () => Task.FromResult(Dashboard.Of(ComputedResults.Of(data, period), data.Profile, snapshot.Indicators.ToDictionary(i => i.Code, i => i.UnitCode))));
        return Results.Bytes(bytes, "application/json; charset=utf-8");
    }

    private static async Task<IResult> ListRealisasi(int agencyId, int year, string? periode, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth, ReadCache cache, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.View))
            return ApiResults.Problem(403, "akun ini tidak berwenang atas instansi ini");
        var scope = await scopes.GetAsync();
        var period = RealisasiService.NormalPeriod(periode, year);
        // the primary (the list is what an operator saves from next); the records read once per revision of the year
        var snapshot = await cache.YearAsync(db, row.Id, agencyId, http.RequestAborted);
        var records = await snapshot.RecordsAsync(db, period, http.RequestAborted);
        if (scope.SeesWholeAgency(agencyId))
            return Results.Bytes(await snapshot.JsonAsync("realisasi|" + (period ?? "*"), json.Value.SerializerOptions, () => Task.FromResult(records.Select(RealisasiDto.Of).ToList())), "application/json; charset=utf-8");
        return Results.Ok(records.Where(r => scope.CoversUnit(agencyId, r.UnitCode)).Select(RealisasiDto.Of).ToList());
    }

    private static async Task<(IResult? Refusal, ReportingYear Year, IndicatorInfo Indicator, string Period)> Locate(int agencyId, int year, string indicator, string period, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, OperationAuthorizationRequirement op)
    {
        var row = await YearAsync(db, agencyId, year);
        var info = row is null ? null : await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.ReportingYearId == row.Id && i.Code == indicator);
        var normal = RealisasiService.NormalPeriod(period, year);
        if (row is null || info is null || normal is null)
            return (ApiResults.Problem(404, "instansi, tahun, indikator atau periode tidak ada"), null!, null!, "");
        if (!await Can(auth, http, agencyId, op, info.UnitCode))
            return (ApiResults.Problem(403, $"akun ini tidak berwenang atas unit {info.UnitCode}"), null!, null!, "");
        return (null, row, info, normal);
    }

    private static async Task<IResult> GetRealisasi(int agencyId, int year, string indicator, string period, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, RealisasiService service)
    {
        var (refusal, row, info, normal) = await Locate(agencyId, year, indicator, period, http, db, auth, Operations.View);
        if (refusal is not null)
            return refusal;
        var record = await service.CurrentAsync(row.Id, info.Code, normal);
        return record is null ? ApiResults.Problem(404, "realisasi periode ini belum diisi") : Results.Ok(RealisasiDto.Of(record));
    }

    private static async Task<IResult> SaveRealisasi(int agencyId, int year, string indicator, string period, RealisasiSaveRequest body, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, ScopeProvider scopes, RealisasiService service)
    {
        var (refusal, row, info, normal) = await Locate(agencyId, year, indicator, period, http, db, auth, Operations.EnterRealisasi);
        if (refusal is not null)
            return refusal;
        // a partial update: a field the request does not carry keeps what the record holds (an absent note is not a cleared note)
        var current = await service.CurrentAsync(row.Id, info.Code, normal);
        var input = new RealisasiInput(body.Value ?? current?.Value, body.ValueStatus ?? current?.ValueStatus, body.Note ?? current?.Note, body.Kendala ?? current?.Kendala,
            body.TindakLanjut ?? current?.TindakLanjut, body.Explanation ?? current?.Explanation, body.CorrectionReason);
        var outcome = await service.SaveAsync(await scopes.GetAsync(), row, info, normal, input, body.ConcurrencyVersion);
        return ApiResults.From(outcome, () => RealisasiDto.Of(outcome.Record!));
    }

    private static async Task<IResult> RemoveEvidence(int agencyId, int year, string indicator, string period, long id, int? concurrencyVersion, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, ScopeProvider scopes, RealisasiService service, EvidenceStore store)
    {
        // the same right as editing the draft: entering realisasi for the indicator's unit
        var (refusal, row, info, normal) = await Locate(agencyId, year, indicator, period, http, db, auth, Operations.EnterRealisasi);
        if (refusal is not null)
            return refusal;
        var record = await service.CurrentAsync(row.Id, info.Code, normal);
        if (record is null)
            return ApiResults.Problem(404, "realisasi periode ini belum diisi");
        if (record.Evidence.All(e => e.Id != id))
            return ApiResults.Problem(404, "bukti dukung itu tidak ada pada realisasi ini");
        db.AuditUser = (await scopes.GetAsync()).UserName;
        var outcome = await store.RemoveAsync(record, id, concurrencyVersion);
        return ApiResults.From(outcome, () => RealisasiDto.Of(outcome.Record!));
    }

    private static async Task<IResult> Step(int agencyId, int year, string indicator, string period, string step, WorkflowRequest body, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, ScopeProvider scopes, RealisasiService service)
    {
        var op = step switch
        {
            "ajukan" => Operations.EnterRealisasi,
            "verifikasi" => Operations.Verify,
            "sahkan" => Operations.Approve,
            "kembalikan" => Operations.Return,
            _ => null,
        };
        if (op is null)
            return ApiResults.Problem(404, "langkah harus ajukan, verifikasi, sahkan atau kembalikan");
        var (refusal, row, info, normal) = await Locate(agencyId, year, indicator, period, http, db, auth, op);
        if (refusal is not null)
            return refusal;
        var record = await service.CurrentAsync(row.Id, info.Code, normal);
        if (record is null)
            return ApiResults.Problem(404, "realisasi periode ini belum diisi");
        var scope = await scopes.GetAsync();
        var outcome = step switch
        {
            "ajukan" => await service.SubmitAsync(scope, row, record, body.ConcurrencyVersion),
            "verifikasi" => await service.VerifyAsync(scope, row, record, body.ConcurrencyVersion),
            "sahkan" => await service.ApproveAsync(scope, row, record, body.ConcurrencyVersion),
            _ => await service.ReturnAsync(scope, row, record, body.Reason, body.ConcurrencyVersion),
        };
        return ApiResults.From(outcome, () => new { realisasi = RealisasiDto.Of(outcome.Record!), peringatan = outcome.Warnings });
    }

    /// <summary>The preview: per sheet what changes, every realisasi touched or protected with its workflow state, the rows of a signed PK kept, the data checks' findings, and why it cannot be saved (null when it can).</summary>
    public sealed record ImportPreviewDto(string Token, int? AgencyId, string AgencyName, bool NewAgency, int Year, int? ExpectedRevision, IReadOnlyList<SheetChanges> Sheets, IReadOnlyList<string> Warnings,
        bool Riwayat, IReadOnlyList<RealisasiImportItem> Realisasi, IReadOnlyList<string> Dilindungi, IReadOnlyList<ImportFinding> Temuan, string? Ditolak)
    {
        /// <summary>A finance export's rows tied to the plan: matched by name (to look at) and unmatched (issue 24 item 4).</summary>
        public IReadOnlyList<string> Pengaitan { get; init; } = [];
    }

    /// <summary><paramref name="Riwayat"/> = true: the history import of a closed year (administrators; refused for a year with workflow records; it passes the period lock, so <paramref name="Alasan"/> is required and audited).</summary>
    public sealed record ImportCommitRequest(int? AgencyId, int? ExpectedRevision, bool Riwayat = false, string? Alasan = null);

    private static async Task<bool> MayImport(ScopeProvider scopes, IAuthorizationService auth, HttpContext http, int? agencyId, bool history = false) =>
        agencyId is { } id ? await Can(auth, http, id, Operations.Import) && (!history || await Can(auth, http, id, Operations.ImportHistory)) : (await scopes.GetAsync()).IsSystemAdmin;

    private static async Task<IResult> ImportPreview(HttpContext http, int? instansi, bool? riwayat, int? tahun, KinerjaDbContext db, ImportService imports, ScopeProvider scopes, IAuthorizationService auth)
    {
        var history = riwayat == true;
        if (!await MayImport(scopes, auth, http, instansi, history))
            return ApiResults.Problem(403, history ? "impor riwayat hanya oleh administrator" : "akun ini tidak berwenang mengimpor ke instansi tersebut");
        // tahun: the file is a finance export (SIPD, KRISNA/SAKTI) for that stored year of the instansi (issue 24)
        int? budgetYear = null;
        if (tahun is { } year)
        {
            if (instansi is null || history || await db.Years.AsNoTracking().SingleOrDefaultAsync(y => y.AgencyId == instansi && y.Year == year) is not { } row)
                return ApiResults.Problem(404, "ekspor anggaran diimpor ke tahun yang sudah ada: sebut instansi dan tahunnya");
            budgetYear = row.Id;
        }

        var form = await http.Request.ReadFormAsync();
        var workbook = await imports.ReceiveAsync(form.Files.GetFile("berkas") ?? form.Files.FirstOrDefault(), budgetYear, http.RequestAborted);
        if (workbook.Errors.Count > 0)
        {
            imports.Discard(workbook.Token);
            return Results.Problem(title: "Buku kerja ditolak", detail: $"{workbook.Errors.Count} kesalahan; tidak ada yang disimpan", statusCode: 400,
                extensions: new Dictionary<string, object?> { ["kesalahan"] = workbook.Errors.Select(e => e.ToString()).ToList() });
        }

        var preview = await imports.PreviewAsync(instansi, workbook, history ? ImportMode.History : ImportMode.Workflow);
        if (!await MayImport(scopes, auth, http, preview.AgencyId, history))
        {
            imports.Discard(workbook.Token);
            return ApiResults.Problem(403, "akun ini tidak berwenang mengimpor ke instansi tersebut");
        }

        return Results.Ok(new ImportPreviewDto(workbook.Token, preview.AgencyId, preview.AgencyName, preview.NewAgency, preview.Year, preview.ExpectedRevision, preview.Sheets.Where(x => x.Any).ToList(), preview.Warnings,
            history, preview.Realisasi, preview.Protected, preview.Findings, preview.Refusal) { Pengaitan = workbook.Notes });
    }

    private static async Task<IResult> ImportCommit(string token, ImportCommitRequest body, HttpContext http, KinerjaDbContext db, ImportService imports, ScopeProvider scopes, IAuthorizationService auth)
    {
        if (!await MayImport(scopes, auth, http, body.AgencyId, body.Riwayat))
            return ApiResults.Problem(403, body.Riwayat ? "impor riwayat hanya oleh administrator" : "akun ini tidak berwenang mengimpor ke instansi tersebut");
        db.AuditUser = (await scopes.GetAsync()).UserName;
        var (result, outcome) = await imports.CommitAsync(body.AgencyId, token, body.ExpectedRevision, body.Riwayat ? ImportMode.History : ImportMode.Workflow, body.Alasan);
        return ApiResults.From(result, () => outcome);
    }

    private static async Task<IResult> Targets(int agencyId, int year, HttpContext http, KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService auth)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.View))
            return ApiResults.Problem(403, "akun ini tidak berwenang atas instansi ini");
        var scope = await scopes.GetAsync();
        var targets = await db.Targets.AsNoTracking().Where(t => t.ReportingYearId == row.Id).OrderBy(t => t.Ordinal).ToListAsync();
        return Results.Ok(targets.Where(t => scope.CoversUnit(agencyId, t.UnitCode)).Select(t => new TargetDto(t.Id, t.IndicatorCode, t.Period, t.Value, t.Cumulative, t.Document, t.UnitCode, t.ConcurrencyVersion)).ToList());
    }

    private static async Task<IResult> SaveTarget(int agencyId, int year, long id, TargetSaveRequest body, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, DatasetCache cache, RecordWriter writer)
    {
        if (await YearAsync(db, agencyId, year) is not { } row || await db.Targets.SingleOrDefaultAsync(t => t.Id == id && t.ReportingYearId == row.Id) is not { } target)
            return ApiResults.Problem(404, "target tidak ada");
        if (!await Can(auth, http, agencyId, Operations.Plan, target.UnitCode))
            return ApiResults.Problem(403, "hanya perencana atau administrator instansi yang dapat mengubah target");
        var outcome = await TargetEditor.SaveAsync(db, cache, writer, row, target, body.Value, body.ConcurrencyVersion);
        return ApiResults.From(outcome, () => new TargetDto(target.Id, target.IndicatorCode, target.Period, target.Value, target.Cumulative, target.Document, target.UnitCode, target.ConcurrencyVersion));
    }

    /// <summary>The year's workbook: by default the approved values only (what the dashboard measures); <paramref name="draf"/> = true adds the values not yet approved, each with its state in column Persetujuan.</summary>
    private static async Task<IResult> Export(int agencyId, int year, string format, bool? draf, HttpContext http, KinerjaDbContext db, IAuthorizationService auth)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return Results.NotFound();
        if (!await Can(auth, http, agencyId, Operations.ViewWhole))
            return Results.Forbid();
        var raw = await new WorkbookStore(db, TimeProvider.System).LoadRawAsync(row.Id, draf == true ? RealisasiView.ApprovedWithPending : RealisasiView.Approved);
        var name = $"kinerja-{agencyId}-{year}" + (draf == true ? "-dengan-draf" : "");
        if (format == "json")
            return Results.File(System.Text.Encoding.UTF8.GetBytes(JsonWorkbook.Write(raw)), "application/json", name + ".json");
        if (format != "xlsx")
            return Results.NotFound();
        var temp = Path.Combine(Path.GetTempPath(), "kinerja-ekspor-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            XlsxWorkbook.Write(raw, temp);
            return Results.File(await File.ReadAllBytesAsync(temp), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static async Task<IResult> Evidence(int agencyId, int year, long id, HttpContext http, KinerjaDbContext db, EvidenceStore store, IAuthorizationService auth)
    {
        var evidence = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.AgencyId == agencyId);
        var record = evidence is null ? null : await db.Realisasi.AsNoTracking().SingleOrDefaultAsync(r => r.Id == evidence.RealisasiRecordId);
        if (evidence is null || record is null)
            return Results.NotFound();
        if (!await Can(auth, http, agencyId, Operations.View, record.UnitCode))
            return Results.Forbid();
        // checked against its SHA-256 before a byte is sent; a changed file is refused (logged) instead of served
        return await store.OpenAsync(evidence, http.RequestAborted) is { } content ? Results.File(content, evidence.ContentType, evidence.FileName) : Results.NotFound();
    }

    /// <summary>LKjIP, PK and triwulan built by Kinerja.Documents from the approved data, for those who see the whole instansi; the public gets published files only (/publik).</summary>
    private static async Task<IResult> Document(int agencyId, int year, string kind, string format, string? periode, string? versi, bool? final, HttpContext http, KinerjaDbContext db, DatasetCache cache, IAuthorizationService auth, DocumentBuilds builds, ReadRouting reads)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return Results.NotFound();
        if (!await Can(auth, http, agencyId, Operations.ViewWhole))
            return http.User.Identity?.IsAuthenticated == true ? Results.Forbid() : Results.Challenge();
        // a build only reads: from the replica when configured (issue 23), the primary for a user who has just written
        var read = await reads.ContextAsync(http.RequestAborted);
        var order = new DocumentOrder(kind, format, periode, versi, final == true) { LateChanges = await new PeriodLock(read, TimeProvider.System).LateChangesAsync(agencyId, year) };
        if (!order.IsKnown)
            return Results.NotFound();
        var data = await DocumentEvaluation.WithEvaluationAsync(read, agencyId, year, await cache.GetAsync(read, row.Id, RealisasiView.Approved), order);
        var period = order.PeriodFor(data, year);
        ReportDocument report;
        try
        {
            report = order.Prepare(data, period);
        }
        catch (ReportRefusedException e)
        {
            return ApiResults.Problem(422, "Dokumen tidak dapat dibuat: " + string.Join("; ", e.Reasons.Take(20)) + (e.Reasons.Count > 20 ? $"; dan {e.Reasons.Count - 20} hal lain" : ""));
        }
        catch (ArgumentException e)
        {
            return ApiResults.Problem(400, e.Message.Split(" (Parameter", 2)[0]);
        }

        var temp = Path.Combine(Path.GetTempPath(), "kinerja-dokumen-" + Guid.NewGuid().ToString("N") + "." + format);
        try
        {
            try
            {
                await Task.Run(() => builds.WriteNow(report, temp));
            }
            catch (Exception e) when (format == "pdf" && e is not OutOfMemoryException)
            {
                return ApiResults.Problem(503, "PDF tidak dapat dibuat di server ini (LibreOffice tidak tersedia); unduh versi Word");
            }

            return Results.File(await File.ReadAllBytesAsync(temp), order.ContentType, order.FileName(year, period));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static async Task<IResult> StartDocument(int agencyId, int year, DocumentBuildRequest request, HttpContext http, KinerjaDbContext db, DatasetCache cache, IAuthorizationService auth, DocumentBuilds builds, ReadRouting reads)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.ViewWhole))
            return ApiResults.Problem(403, "akun ini tidak berwenang menyusun dokumen instansi ini");
        // the build's data from the replica when configured (issue 23); a user who has just written reads the primary
        var read = await reads.ContextAsync(http.RequestAborted);
        var order = new DocumentOrder(request.Jenis ?? "", request.Format ?? "docx", request.Periode, request.Versi, request.Final == true) { LateChanges = await new PeriodLock(read, TimeProvider.System).LateChangesAsync(agencyId, year) };
        if (!order.IsKnown)
            return ApiResults.Problem(400, "jenis harus lkjip, pk atau triwulan; format harus docx, pdf atau xlsx");
        var data = await DocumentEvaluation.WithEvaluationAsync(read, agencyId, year, await cache.GetAsync(read, row.Id, RealisasiView.Approved), order);
        var started = await builds.StartAsync(order, data, agencyId, year, http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        return Results.Accepted($"/api/instansi/{agencyId}/{year}/dokumen/{started.Id}", DocumentBuildDto.Of(started, TimeProvider.System.GetUtcNow()));
    }

    private static async Task<IResult> DocumentStatus(int agencyId, int year, string id, HttpContext http, IAuthorizationService auth, DocumentBuilds builds)
    {
        // only the person who asked for the build sees it; an id of someone else reads as unknown
        if (await builds.FindAsync(id) is not { } status || status.AgencyId != agencyId || status.Year != year
            || status.UserId != http.User.FindFirstValue(ClaimTypes.NameIdentifier) || !await Can(auth, http, agencyId, Operations.ViewWhole))
            return ApiResults.Problem(404, "penyusunan dokumen ini tidak ada (atau sudah dihapus setelah 24 jam)");
        return Results.Ok(DocumentBuildDto.Of(status, TimeProvider.System.GetUtcNow()));
    }

    private static async Task<IResult> PlanTree(int agencyId, int year, HttpContext http, KinerjaDbContext db, DatasetCache cache, IAuthorizationService auth, bool png)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return Results.NotFound();
        if (!await Can(auth, http, agencyId, Operations.View))
            return Results.Forbid();
        var data = await cache.GetAsync(db, row.Id, RealisasiView.Approved);
        return png
            ? Results.File(PohonKinerja.Png(data), "image/png", $"pohon-kinerja-{agencyId}-{year}.png")
            : Results.Text(PohonKinerja.Svg(data), "image/svg+xml; charset=utf-8");
    }
}
