using System.Text.Json;
using Kinerja.Data;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using Kinerja.Domain.Evaluation;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>What a person asks for on the documents page or the API: which document, in which file format, for which period and PK version, draft or final.</summary>
public sealed record DocumentOrder(string Kind, string Format, string? Periode, string? Versi, bool Final)
{
    public static readonly string[] Kinds = ["lkjip", "pk", "triwulan"];

    /// <summary>For a LKjIP: the values changed after their period closed (issue 21), listed in its annex.</summary>
    public IReadOnlyList<Domain.Cycle.LateChange> LateChanges { get; init; } = [];
    public static readonly string[] Formats = ["docx", "pdf", "xlsx"];

    public ReportKind? ReportKind => Kind switch
    {
        "lkjip" => Documents.Rendering.ReportKind.Lkjip,
        "pk" => Documents.Rendering.ReportKind.Pk,
        "triwulan" => Documents.Rendering.ReportKind.Triwulan,
        _ => null,
    };

    public bool IsKnown => ReportKind is not null && Formats.Contains(Format);

    public string ContentType => Format switch
    {
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/pdf",
    };

    public string Title(Period? period) => Kind switch
    {
        "lkjip" => "Laporan Kinerja",
        "pk" => Versi is { Length: > 0 } v && v != "awal" ? "Perjanjian Kinerja Perubahan" : "Perjanjian Kinerja",
        _ => "Laporan Triwulan" + (period is { IsQuarter: true } q ? " " + Period.Roman(q.Quarter) : ""),
    } + (Final ? "" : " (draf)") + Format switch { "docx" => ", Word", "xlsx" => ", Excel", _ => ", PDF" };

    /// <summary>The period the document covers: the one asked for, else for a triwulan the report period or TW I.</summary>
    public Period? PeriodFor(PerformanceDataset data, int year)
    {
        Period? period = RealisasiService.NormalPeriod(Periode, year) is { } p ? Period.Parse(p).Value : null;
        if (Kind == "triwulan" && period is not { IsQuarter: true })
            period = data.Profile.ReportPeriod.IsQuarter && data.Profile.ReportPeriod.Year == year ? data.Profile.ReportPeriod : Period.OfQuarter(year, 1);
        return period;
    }

    public string FileName(int year, Period? period) => $"{Kind}-{year}{(period is { } p && Kind == "triwulan" ? "-" + p : "")}{(Kind == "pk" && Versi is { Length: > 0 } v ? "-" + v : "")}{(Final ? "" : "-draf")}.{Format}";

    /// <summary>The checks first (<see cref="ReportWriter.Prepare"/>): a final document with errors or gaps is refused with its reasons; a draft carries them on its checklist page.</summary>
    public ReportDocument Prepare(PerformanceDataset data, Period? period) =>
        ReportWriter.Prepare(ReportKind!.Value, new ReportRequest(data, period, Versi == "perubahan") { Versi = Versi, Draft = !Final, LateChanges = Kind == "lkjip" ? LateChanges : [] });
}

/// <summary>Where a document build stands; kept in the database (<see cref="DocumentBuildRecord"/>) so that any app server can answer.</summary>
public sealed record DocumentBuildStatus(
    string Id, int AgencyId, int Year, string UserId, string Title, string Format, string FileName,
    string Stage, bool Done, bool Succeeded, DateTimeOffset Started, DateTimeOffset? Finished, IReadOnlyList<string> Reasons)
{
    public TimeSpan Elapsed(DateTimeOffset now) => (Finished ?? now) - Started;
}

/// <summary>
/// Builds documents in the background and tells how far they are: a LKjIP in PDF takes LibreOffice several
/// seconds, longer on a busy server, and a page that just hangs that long is taken for broken. One build at a
/// time per server (the conversion takes a whole core); the others wait their turn and say so.
/// The status is a database row and the finished file goes to the file store (issue 23): a build started on one
/// app server is polled and downloaded through any other, with no sticky sessions.
/// </summary>
public sealed class DocumentBuilds(StoragePaths paths, TimeProvider clock, IServiceScopeFactory scopes, Storage.IFileStore files, ILogger<DocumentBuilds> log) : IDisposable
{
    public const string Waiting = "Menunggu giliran (dokumen lain sedang disusun)";
    public const string Checking = "Memeriksa data";
    public const string Writing = "Menyusun dokumen";
    public const string Converting = "Mengubah ke PDF";
    public const string Finished = "Selesai";
    public const string Refused = "Ditolak: data belum lengkap atau ada kesalahan";
    public const string Failed = "Gagal";

    /// <summary>The file store's area of finished builds (content addressed, as bukti dukung).</summary>
    public const string Area = "dokumen";

    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private long _built;

    public void Dispose() => _turn.Dispose();

    /// <summary>
    /// How many documents this server has written since it started (every writer call, the ones that start
    /// LibreOffice included). Every build goes through here; an anonymous request never does (tested).
    /// </summary>
    public long Built => Interlocked.Read(ref _built);

    /// <summary>Writes a document now, on the caller's turn (the signed-in direct download and publishing); the format comes from the path's extension.</summary>
    public void WriteNow(ReportDocument report, string path, TimeSpan? pdfTimeout = null)
    {
        Interlocked.Increment(ref _built);
        ReportWriter.Write(report, path, pdfTimeout, null);
    }

    /// <summary>Starts a build of <paramref name="order"/> on <paramref name="data"/>; returns once its status is stored, with the build's status.</summary>
    public async Task<DocumentBuildStatus> StartAsync(DocumentOrder order, PerformanceDataset data, int agencyId, int year, string userId)
    {
        await RemoveOldAsync();
        var id = Guid.NewGuid().ToString("N");
        var period = order.PeriodFor(data, year);
        var status = new DocumentBuildStatus(id, agencyId, year, userId, order.Title(period), order.Format, order.FileName(year, period),
            Waiting, false, false, clock.GetUtcNow(), null, []);
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
            db.DocumentBuilds.Add(new DocumentBuildRecord { Id = id, AgencyId = agencyId, StatusJson = JsonSerializer.Serialize(status, Json), UpdatedUnix = clock.GetUtcNow().ToUnixTimeSeconds() });
            await db.SaveChangesAsync();
        }

        _ = Task.Run(() => RunAsync(status, order, data, period));
        return status;
    }

    /// <summary>The build's status, or null when there is none by that id (or it was removed after a day).</summary>
    public async Task<DocumentBuildStatus?> FindAsync(string id) => (await RowAsync(id))?.Status;

    /// <summary>The finished file from the file store (checked against its SHA-256), or null when not finished or gone.</summary>
    public async Task<Stream?> OpenResultAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await RowAsync(id) is not { Status.Succeeded: true, Sha256: { } sha } row)
            return null;
        return await files.OpenReadAsync(new Storage.StoredFileKey(Area, sha, row.Status.Format), cancellationToken);
    }

    private async Task<(DocumentBuildStatus Status, string? Sha256)?> RowAsync(string id)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
            return null;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
        var row = await db.DocumentBuilds.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
        if (row is null)
            return null;
        return (JsonSerializer.Deserialize<DocumentBuildStatus>(row.StatusJson, Json)!, row.ResultSha256);
    }

    private async Task RunAsync(DocumentBuildStatus status, DocumentOrder order, PerformanceDataset data, Period? period)
    {
        await _turn.WaitAsync();
        var folder = Path.Combine(paths.Temporary, "dokumen-" + status.Id);
        try
        {
            status = await SaveAsync(status with { Stage = Checking });
            ReportDocument report;
            try
            {
                report = order.Prepare(data, period);
            }
            catch (ReportRefusedException e)
            {
                await SaveAsync(status with { Stage = Refused, Done = true, Finished = clock.GetUtcNow(), Reasons = e.Reasons.ToList() });
                return;
            }
            catch (ArgumentException e)
            {
                await SaveAsync(status with { Stage = Refused, Done = true, Finished = clock.GetUtcNow(), Reasons = [e.Message.Split(" (Parameter", 2)[0]] });
                return;
            }

            status = await SaveAsync(status with { Stage = order.Format == "pdf" ? Writing + " Word" : Writing });
            // the writer picks the format from the extension; written in this server's temporary folder, then stored
            Directory.CreateDirectory(folder);
            var partial = Path.Combine(folder, "hasil." + order.Format);
            var converting = false;
            Interlocked.Increment(ref _built);
            ReportWriter.Write(report, partial, TimeSpan.FromMinutes(5), elapsed =>
            {
                converting = true;
                status = SaveAsync(status with { Stage = $"{Converting} ({(int)elapsed.TotalSeconds} detik)" }).GetAwaiter().GetResult();
            });
            if (order.Format == "pdf" && !converting)
                status = await SaveAsync(status with { Stage = Converting });
            var stored = await files.PutAsync(Area, partial, order.Format);
            await SaveAsync(status with { Stage = Finished, Done = true, Succeeded = true, Finished = clock.GetUtcNow() }, stored.Key.Sha256);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError(e, "dokumen {Id} gagal disusun", status.Id);
            await SaveAsync(status with
            {
                Stage = Failed, Done = true, Finished = clock.GetUtcNow(),
                Reasons = [order.Format == "pdf" ? "PDF tidak dapat dibuat di server ini (LibreOffice tidak tersedia atau terlalu lama); unduh versi Word" : "dokumen tidak dapat disusun; hubungi administrator (rincian ada di log server)"],
            });
        }
        finally
        {
            _turn.Release();
            try
            {
                if (Directory.Exists(folder))
                    Directory.Delete(folder, recursive: true);
            }
            catch (IOException e)
            {
                log.LogWarning(e, "folder sementara {Folder} tidak terhapus", folder);
            }
        }
    }

    private async Task<DocumentBuildStatus> SaveAsync(DocumentBuildStatus status, string? sha256 = null)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
        var json = JsonSerializer.Serialize(status, Json);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        await db.DocumentBuilds.Where(d => d.Id == status.Id).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.StatusJson, json)
            .SetProperty(d => d.UpdatedUnix, now)
            .SetProperty(d => d.ResultSha256, d => sha256 ?? d.ResultSha256));
        return status;
    }

    // builds older than a day are removed with their files (a file another build still names stays)
    private async Task RemoveOldAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
        var limit = clock.GetUtcNow().ToUnixTimeSeconds() - (long)KeptFor.TotalSeconds;
        var old = await db.DocumentBuilds.AsNoTracking().Where(d => d.UpdatedUnix < limit).Select(d => new { d.Id, d.ResultSha256, d.StatusJson }).Take(200).ToListAsync();
        if (old.Count == 0)
            return;
        var ids = old.Select(o => o.Id).ToList();
        await db.DocumentBuilds.Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync();
        foreach (var o in old.Where(o => o.ResultSha256 is not null))
        {
            if (await db.DocumentBuilds.AnyAsync(d => d.ResultSha256 == o.ResultSha256))
                continue;
            var format = JsonSerializer.Deserialize<DocumentBuildStatus>(o.StatusJson, Json)!.Format;
            try
            {
                await files.DeleteAsync(new Storage.StoredFileKey(Area, o.ResultSha256!, format));
            }
            catch (Exception e) when (e is IOException or HttpRequestException or Amazon.S3.AmazonS3Exception)
            {
                log.LogWarning(e, "berkas dokumen lama {Sha} tidak terhapus", o.ResultSha256);
            }
        }
    }
}

/// <summary>
/// The final Evaluasi AKIP round a Laporan Kinerja prints (issue 22 item 5): that of the instansi (a round without unit,
/// else one of its top unit) for the year before the report year. Read here, in the web, and passed to Kinerja.Documents as domain data, so the documents
/// never see the database.
/// </summary>
public static class DocumentEvaluation
{
    public static async Task<PerformanceDataset> WithEvaluationAsync(KinerjaDbContext db, int agencyId, int year, PerformanceDataset data, DocumentOrder order)
    {
        if (order.Kind != "lkjip")
            return data;
        var evaluated = year - 1;
        // the instansi's round: evaluated as a whole (no unit) or as its top unit (the Dinas itself), the former first
        var top = data.Units.Where(u => u.ParentCode is null).Select(u => u.Code).ToList();
        var rounds = await db.EvaluationRounds.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.Year == evaluated && r.State == RoundState.Final && (r.UnitCode == null || top.Contains(r.UnitCode)))
            .ToListAsync();
        var round = rounds.OrderBy(r => r.UnitCode is null ? 0 : 1).ThenByDescending(r => r.FinalisedAt).ThenByDescending(r => r.Id).FirstOrDefault();
        if (round is null)
            return data;
        var json = await db.EvaluationWorksheets.AsNoTracking().Where(w => w.Key == round.WorksheetKey).Select(w => w.Json).SingleAsync();
        var sheet = WorksheetReader.Read(json).Value;
        var answers = await db.EvaluationReviews.AsNoTracking().Where(a => a.RoundId == round.Id).ToDictionaryAsync(a => a.CriterionCode, a => a.Answer);
        var score = EvaluationScore.Of(sheet, answers);
        var recs = await EvaluationViews.RecommendationsAsync(db, round.Id);
        // the tindak lanjut printed is what was done, entry by entry (seed 003 Tabel 3.8 lists each action)
        var recommendations = recs.Select(r => new EvaluationFollowUp(null, r.Text,
            r.FollowUps.Count == 0 ? null : string.Join("; ", r.FollowUps.Select(f => f.Text.Trim().TrimEnd('.'))), r.Status)).ToList();
        return data with { Evaluation = new EvaluationOutcome(round.Year, round.EvaluatorBody, score, recommendations) };
    }
}
