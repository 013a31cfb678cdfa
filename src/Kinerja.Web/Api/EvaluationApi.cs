using Kinerja.Data;
using Kinerja.Domain.Evaluation;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Api;

public sealed record WorksheetDto(string Key, string Title, string Regulation, string? Note, IReadOnlyList<AnswerScale> Scales, IReadOnlyList<GradeBand> Grades, IReadOnlyList<Component> Components);

public sealed record RoundSummaryDto(int Id, int AgencyId, string Agency, int Year, string? Unit, string Title, string State, DateOnly? SubmitDue, DateOnly? ReviewDue, string Side, string? Score, string? Grade);

public sealed record RoundCreateRequest(int Year, string? UnitCode, string Title, DateOnly? OpensOn, DateOnly? SubmitDue, DateOnly? ReviewDue, string? EvaluatorBody, IReadOnlyList<string> Evaluators, string? WorksheetKey);

public sealed record UsulanRequest(string? Answer, string? Note, string? EvidenceLink, int? ConcurrencyVersion);

public sealed record PenetapanRequest(string? Answer, string? Note, int? ConcurrencyVersion);

public sealed record RoundStepRequest(int? ConcurrencyVersion, IReadOnlyDictionary<string, string?>? Reasons);

public sealed record RecommendationRequest(string Text, string? ComponentCode, string? ResponsibleUnit, DateOnly? DueDate);

public sealed record FollowUpRequest(string Text, string? EvidenceLink, string? Status, int? ConcurrencyVersion);

/// <summary>
/// Evaluasi AKIP API (issue 22): worksheets, rounds, answers (usulan), reviews (penetapan), scores and
/// recommendations, with the rights of the pages (<see cref="EvaluationService.RightsAsync"/>): the evaluated
/// unit never receives nor sets the evaluator's values.
/// </summary>
public static class EvaluationApi
{
    public static void MapEvaluationApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/evaluasi").WithTags("Evaluasi AKIP").AddEndpointFilter<KinerjaApi.AntiforgeryFilter>().DisableAntiforgery();
        api.MapGet("/lembar-kerja", () => Results.Ok(WorksheetReader.Shipped.Select(w => new WorksheetDto(w.Key, w.Title, w.Regulation, w.Note, w.Scales, w.Grades, w.Components)).ToList()))
            .WithSummary("Lembar kerja evaluasi (LKE) yang tersedia: komponen, sub-komponen, kriteria, bobot, skala jawaban, predikat");
        api.MapGet("/", ListRounds).WithSummary("Evaluasi yang dapat dilihat pengguna: yang ditugaskan kepadanya sebagai evaluator, dan evaluasi instansi/unitnya");
        api.MapPost("/instansi/{agencyId:int}", CreateRound).WithSummary("Buka evaluasi (tahun, unit atau seluruh instansi, jadwal, evaluator); administrator instansi");
        api.MapGet("/{id:int}", GetRound).WithSummary("Satu evaluasi: kriteria dengan usulan unit dan usulan sistem; penetapan evaluator hanya untuk evaluator");
        api.MapPut("/{id:int}/usulan/{kode}", (int id, string kode, UsulanRequest body, EvaluationService s, ScopeProvider scopes) =>
            Run(scopes, body.ConcurrencyVersion, (scope, v) => s.AnswerAsync(scope, id, kode, body.Answer, body.Note, body.EvidenceLink, v)))
            .WithSummary("Unit: jawaban (usulan), catatan dan tautan bukti satu kriteria");
        api.MapPut("/{id:int}/penetapan/{kode}", (int id, string kode, PenetapanRequest body, EvaluationService s, ScopeProvider scopes) =>
            Run(scopes, body.ConcurrencyVersion, (scope, v) => s.ReviewAsync(scope, id, kode, body.Answer, body.Note, v)))
            .WithSummary("Evaluator: penetapan dan catatan satu kriteria");
        api.MapPost("/{id:int}/ajukan", (int id, RoundStepRequest body, EvaluationService s, ScopeProvider scopes) =>
            Run(scopes, body.ConcurrencyVersion, (scope, v) => s.SubmitAsync(scope, id, v))).WithSummary("Unit: ajukan jawaban ke evaluator");
        api.MapPost("/{id:int}/kembalikan", (int id, RoundStepRequest body, EvaluationService s, ScopeProvider scopes) =>
            Run(scopes, body.ConcurrencyVersion, (scope, v) => s.ReturnAsync(scope, id, body.Reasons ?? new Dictionary<string, string?>(), v)))
            .WithSummary("Evaluator: kembalikan jawaban ke unit, dengan alasan per kriteria (Reasons: kode -> alasan)");
        api.MapPost("/{id:int}/final", (int id, RoundStepRequest body, EvaluationService s, ScopeProvider scopes) =>
            Run(scopes, body.ConcurrencyVersion, (scope, v) => s.FinaliseAsync(scope, id, v))).WithSummary("Evaluator: finalkan; evaluasi terkunci");
        api.MapGet("/{id:int}/nilai", GetScores).WithSummary("Nilai: usulan unit; nilai evaluator hanya untuk evaluator, atau untuk unit setelah final");
        api.MapPost("/{id:int}/rekomendasi", (int id, RecommendationRequest body, EvaluationService s, ScopeProvider scopes) =>
            Run(scopes, scope => s.AddRecommendationAsync(scope, id, body.Text, body.ComponentCode, body.ResponsibleUnit ?? "", body.DueDate)))
            .WithSummary("Evaluator: tambah rekomendasi (unit penanggung jawab, batas waktu)");
        api.MapGet("/{id:int}/rekomendasi", GetRecommendations).WithSummary("Rekomendasi evaluasi dengan tindak lanjut dan statusnya");
        api.MapPost("/rekomendasi/{recId:int}/tindak-lanjut", (int recId, FollowUpRequest body, EvaluationService s, ScopeProvider scopes) =>
            Enum.TryParse<FollowUpStatus>(body.Status, ignoreCase: true, out var status) && Enum.IsDefined(status)
                ? Run(scopes, body.ConcurrencyVersion, (scope, v) => s.FollowUpAsync(scope, recId, body.Text, body.EvidenceLink, status, v))
                : Task.FromResult(ApiResults.Problem(400, "status harus Belum, DalamProses atau Selesai")))
            .WithSummary("Unit: catat tindak lanjut rekomendasi dengan bukti dan status (Belum, DalamProses, Selesai)");
    }

    // a write carries the version it was read at; a missing one is refused (428) rather than read as 0, which a new row has
    private static Task<IResult> Run(ScopeProvider scopes, int? version, Func<UserScope, int, Task<EvalOutcome>> step) =>
        version is { } v ? Run(scopes, scope => step(scope, v)) : Task.FromResult(ApiResults.Problem(428, EvalOutcome.VersionRequired.Error!));

    private static async Task<IResult> Run(ScopeProvider scopes, Func<UserScope, Task<EvalOutcome>> step)
    {
        var outcome = await step(await scopes.GetAsync());
        return outcome.Ok ? Results.Ok(new { ok = true }) : ApiResults.Problem(outcome.Status, outcome.Error ?? "");
    }

    private static async Task<IResult> ListRounds(KinerjaDbContext db, EvaluationService service, ScopeProvider scopes)
    {
        var scope = await scopes.GetAsync();
        var list = new List<RoundSummaryDto>();
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        foreach (var round in await service.VisibleRoundsAsync(scope))
        {
            var rights = await service.RightsAsync(scope, round);
            string? score = null, grade = null;
            if (rights.SeesEvaluatorValues || round.State == RoundState.Final)
            {
                var s = await service.ReviewScoreAsync(round, await service.WorksheetAsync(round));
                (score, grade) = (s.Display, s.Grade.Grade);
            }

            list.Add(new RoundSummaryDto(round.Id, round.AgencyId, names.GetValueOrDefault(round.AgencyId) ?? "", round.Year, round.UnitCode, round.Title, EvaluationWorkflow.StateLabel(round.State), round.SubmitDue, round.ReviewDue, rights.IsEvaluator ? "evaluator" : "unit", score, grade));
        }

        return Results.Ok(list);
    }

    private static async Task<IResult> CreateRound(int agencyId, RoundCreateRequest body, KinerjaDbContext db, EvaluationService service, ScopeProvider scopes)
    {
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId))
            return ApiResults.Problem(404, "instansi tidak ada");
        var (outcome, round) = await service.CreateAsync(await scopes.GetAsync(), agencyId,
            new RoundInput(body.Year, body.UnitCode, body.Title ?? "", body.OpensOn, body.SubmitDue, body.ReviewDue, body.EvaluatorBody ?? "", body.Evaluators ?? [], body.WorksheetKey));
        return outcome.Ok ? Results.Ok(new { id = round!.Id }) : ApiResults.Problem(outcome.Status, outcome.Error ?? "");
    }

    private static async Task<IResult> GetRound(int id, KinerjaDbContext db, EvaluationService service, ScopeProvider scopes)
    {
        var round = await service.FindAsync(id);
        if (round is null)
            return ApiResults.Problem(404, "evaluasi tidak ditemukan");
        var rights = await service.RightsAsync(await scopes.GetAsync(), round);
        if (!rights.MayView)
            return ApiResults.Problem(403, "akun ini tidak berwenang atas evaluasi ini");
        return Results.Ok(await EvaluationViews.BuildAsync(db, service, round, rights));
    }

    private static async Task<IResult> GetScores(int id, EvaluationService service, ScopeProvider scopes)
    {
        var round = await service.FindAsync(id);
        if (round is null)
            return ApiResults.Problem(404, "evaluasi tidak ditemukan");
        var rights = await service.RightsAsync(await scopes.GetAsync(), round);
        if (!rights.MayView)
            return ApiResults.Problem(403, "akun ini tidak berwenang atas evaluasi ini");
        var sheet = await service.WorksheetAsync(round);
        var self = ScoreView.Of(await service.SelfScoreAsync(round, sheet));
        ScoreView? result = rights.SeesEvaluatorValues || round.State == RoundState.Final ? ScoreView.Of(await service.ReviewScoreAsync(round, sheet)) : null;
        return Results.Ok(new { usulan = self, hasil = result });
    }

    private static async Task<IResult> GetRecommendations(int id, KinerjaDbContext db, EvaluationService service, ScopeProvider scopes)
    {
        var round = await service.FindAsync(id);
        if (round is null)
            return ApiResults.Problem(404, "evaluasi tidak ditemukan");
        var rights = await service.RightsAsync(await scopes.GetAsync(), round);
        if (!rights.MayView)
            return ApiResults.Problem(403, "akun ini tidak berwenang atas evaluasi ini");
        return Results.Ok(await EvaluationViews.RecommendationsAsync(db, id));
    }
}
