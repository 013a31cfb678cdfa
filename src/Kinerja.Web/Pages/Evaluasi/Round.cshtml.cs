using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Evaluasi;

/// <summary>
/// One evaluation round: the worksheet with the unit's answers (usulan) beside the system's proposals, and for the
/// assigned evaluator the penetapan column, returns with reasons, findings, recommendations and finalising.
/// What the page shows comes from <see cref="EvaluationViews"/>, which leaves the evaluator's values out of the unit's view.
/// </summary>
public sealed class RoundModel(KinerjaDbContext db, EvaluationService service, ScopeProvider scopes) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public RoundView View { get; private set; } = null!;

    public RoundRights Rights { get; private set; } = null!;

    public List<AuditLine> History { get; private set; } = [];

    public string? Message { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        Message = TempData["pesan"] as string;
        return Page();
    }

    /// <summary>The unit saves its answers: only the rows that changed go through the service, each checked against the version shown.</summary>
    public async Task<IActionResult> OnPostUsulanAsync([FromForm] Dictionary<string, string?> a, [FromForm] Dictionary<string, string?> n, [FromForm] Dictionary<string, string?> e, [FromForm] Dictionary<string, int> v)
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!Rights.MayAnswer)
            return Forbid();
        var scope = await scopes.GetAsync();
        var saved = 0;
        // only the rows the form carried: a row not shown (not returned, or another page) is left alone
        foreach (var c in View.Criteria.Where(c => a.ContainsKey(c.Code)))
        {
            var answer = Clean(a.GetValueOrDefault(c.Code));
            var note = (n.GetValueOrDefault(c.Code) ?? "").Trim();
            var link = (e.GetValueOrDefault(c.Code) ?? "").Trim();
            if (answer == c.Usulan.Answer && note == c.Usulan.Note && link == c.Usulan.EvidenceLink)
                continue;
            if (!v.TryGetValue(c.Code, out var version))
            {
                Fail(c.Code, EvalOutcome.VersionRequired);
                continue;
            }

            var outcome = await service.AnswerAsync(scope, Id, c.Code, answer, note, link, version);
            if (outcome.Ok)
                saved++;
            else
                Fail(c.Code, outcome);
        }

        return await After(saved, "jawaban disimpan");
    }

    /// <summary>Takes every proposal of the system for the criteria still unanswered: the person still decides, this only saves typing.</summary>
    public async Task<IActionResult> OnPostTerimaUsulanAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!Rights.MayAnswer)
            return Forbid();
        var scope = await scopes.GetAsync();
        var saved = 0;
        foreach (var c in View.Criteria.Where(c => c.Usulan.Answer is null && c.Usulan.Proposed is not null))
        {
            var outcome = await service.AnswerAsync(scope, Id, c.Code, c.Usulan.Proposed, c.Usulan.Note, c.Usulan.EvidenceLink, c.Usulan.ConcurrencyVersion);
            if (outcome.Ok)
                saved++;
            else
                Fail(c.Code, outcome);
        }

        return await After(saved, "usulan sistem diterima");
    }

    public async Task<IActionResult> OnPostAjukanAsync(int? roundVersion) =>
        await Step(roundVersion, (scope, v) => service.SubmitAsync(scope, Id, v), "Jawaban diajukan ke evaluator.");

    public async Task<IActionResult> OnPostPenetapanAsync([FromForm] Dictionary<string, string?> p, [FromForm] Dictionary<string, string?> pn, [FromForm] Dictionary<string, int> pv)
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!Rights.IsEvaluator)
            return Forbid();
        var scope = await scopes.GetAsync();
        var saved = 0;
        foreach (var c in View.Criteria.Where(c => p.ContainsKey(c.Code)))
        {
            var current = c.Penetapan!;
            var answer = Clean(p.GetValueOrDefault(c.Code));
            var note = (pn.GetValueOrDefault(c.Code) ?? "").Trim();
            if (answer == current.Answer && note == current.Note)
                continue;
            if (!pv.TryGetValue(c.Code, out var version))
            {
                Fail(c.Code, EvalOutcome.VersionRequired);
                continue;
            }

            var outcome = await service.ReviewAsync(scope, Id, c.Code, answer, note, version);
            if (outcome.Ok)
                saved++;
            else
                Fail(c.Code, outcome);
        }

        return await After(saved, "penetapan disimpan");
    }

    public async Task<IActionResult> OnPostKembalikanAsync(int? roundVersion, [FromForm] List<string> kembali, [FromForm] Dictionary<string, string?> alasan) =>
        await Step(roundVersion, (scope, v) => service.ReturnAsync(scope, Id, kembali.Distinct().ToDictionary(k => k, k => alasan.GetValueOrDefault(k)), v), "Jawaban dikembalikan ke unit.");

    public async Task<IActionResult> OnPostFinalAsync(int? roundVersion) =>
        await Step(roundVersion, (scope, v) => service.FinaliseAsync(scope, Id, v), "Evaluasi final dan terkunci.");

    public async Task<IActionResult> OnPostLheAsync(int? roundVersion, [FromForm] Dictionary<string, string> temuan, string? signerName, string? signerPosition, string? signerNip, string? signPlace, DateOnly? signDate) =>
        await Step(roundVersion, (scope, v) => service.SaveLheAsync(scope, Id, temuan, signerName ?? "", signerPosition ?? "", signerNip ?? "", signPlace ?? "", signDate, v), "Catatan dan penandatangan LHE disimpan.");

    public async Task<IActionResult> OnPostRekomendasiAsync(string? text, string? component, string? unit, DateOnly? due) =>
        await Step(scope => service.AddRecommendationAsync(scope, Id, text ?? "", string.IsNullOrWhiteSpace(component) ? null : component, unit ?? "", due), "Rekomendasi ditambahkan.");

    public async Task<IActionResult> OnPostTindakLanjutAsync(int recId, string? text, string? evidence, FollowUpStatus status, int? recVersion) =>
        await Step(recVersion, (scope, v) => service.FollowUpAsync(scope, recId, text ?? "", evidence, status, v), "Tindak lanjut dicatat.");

    // a step carries the version its form was read at; a missing one is refused (428) rather than read as 0
    private Task<IActionResult> Step(int? version, Func<UserScope, int, Task<EvalOutcome>> step, string done) =>
        Step(scope => version is { } v ? step(scope, v) : Task.FromResult(EvalOutcome.VersionRequired), done);

    private async Task<IActionResult> Step(Func<UserScope, Task<EvalOutcome>> step, string done)
    {
        if (await LoadAsync() is { } refused)
            return refused;
        var outcome = await step(await scopes.GetAsync());
        if (outcome.Status == 403)
            return Forbid();
        if (outcome.Ok)
        {
            TempData["pesan"] = done;
            return RedirectToPage(new { Id });
        }

        Errors.Add(outcome.Error ?? "");
        Response.StatusCode = outcome.Status;
        await LoadAsync();
        return Page();
    }

    private int _failStatus = 400;

    private void Fail(string code, EvalOutcome outcome)
    {
        Errors.Add($"{code}: {outcome.Error}");
        _failStatus = Math.Max(_failStatus, outcome.Status);
    }

    private async Task<IActionResult> After(int saved, string what)
    {
        if (Errors.Count == 0)
        {
            TempData["pesan"] = saved == 0 ? "Tidak ada yang berubah." : $"{saved} {what}.";
            return RedirectToPage(new { Id });
        }

        Response.StatusCode = _failStatus;
        if (saved > 0)
            Message = $"{saved} {what}; yang lain ditolak.";
        await LoadAsync();
        return Page();
    }

    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["Answer"] = "Jawaban", ["Note"] = "Catatan", ["EvidenceLink"] = "Tautan bukti", ["ProposedAnswer"] = "Usulan sistem", ["ProposalReason"] = "Alasan usulan",
        ["ProposalLinks"] = "Tautan usulan", ["AcceptedAsProposed"] = "Sesuai usulan sistem", ["Returned"] = "Dikembalikan", ["ReturnReason"] = "Alasan pengembalian",
        ["UpdatedBy"] = "Diubah oleh", ["UpdatedAt"] = "Diubah pada", ["CriterionCode"] = "Kriteria", ["State"] = "Status", ["RoundId"] = "Evaluasi",
        ["FinalisedAt"] = "Final pada", ["SignerName"] = "Penandatangan", ["SignerPosition"] = "Jabatan penandatangan", ["SignerNip"] = "NIP penandatangan",
        ["SignPlace"] = "Tempat", ["SignDate"] = "Tanggal", ["Title"] = "Judul", ["WorksheetKey"] = "Lembar kerja", ["SubmitDue"] = "Batas usulan", ["ReviewDue"] = "Batas penetapan",
        ["OpensOn"] = "Dibuka", ["EvaluatorBody"] = "Evaluator (instansi)",
    };

    private static AuditLine Relabel(AuditLine line, string key) => line with
    {
        Subject = line.Subject.Replace(nameof(EvaluationReview), "Penetapan evaluator", StringComparison.Ordinal).Replace(nameof(EvaluationAnswer), "Jawaban unit", StringComparison.Ordinal).Replace(nameof(EvaluationRound), "Evaluasi", StringComparison.Ordinal)
            + (key.Contains('|', StringComparison.Ordinal) ? " " + key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..] : ""),
        Fields = line.Fields.Where(f => f.Label is not ("CreatedAt" or "CreatedBy")).Select(f => f with { Label = FieldLabels.GetValueOrDefault(f.Label) ?? f.Label }).ToList(),
    };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<IActionResult?> LoadAsync()
    {
        db.ChangeTracker.Clear();
        var round = await service.FindAsync(Id);
        if (round is null)
            return NotFound();
        var scope = await scopes.GetAsync();
        Rights = await service.RightsAsync(scope, round);
        if (!Rights.MayView)
            return Forbid();
        View = await EvaluationViews.BuildAsync(db, service, round, Rights);
        // the unit's history shows the unit's answers only; the evaluator's entries are a separate audit entity
        var prefix = $"{round.Id}|";
        var entities = Rights.IsEvaluator ? new[] { nameof(EvaluationAnswer), nameof(EvaluationReview), nameof(EvaluationRound) } : [nameof(EvaluationAnswer), nameof(EvaluationRound)];
        var entries = await db.Audit.AsNoTracking()
            .Where(x => x.AgencyId == round.AgencyId && entities.Contains(x.Entity) && (x.EntityKey.StartsWith(prefix) || x.EntityKey == round.Id.ToString()))
            .OrderByDescending(x => x.Id).Take(200).ToListAsync();
        History = entries.Select(x => Relabel(AuditLog.Line(x), x.EntityKey)).ToList();
        return null;
    }
}
