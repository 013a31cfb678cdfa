using Kinerja.Data;
using Kinerja.Domain.Evaluation;
using Kinerja.Domain.Values;
using Kinerja.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

public sealed record OptionView(string Code, string Label, decimal Value);

/// <summary>The evaluated unit's answer (usulan) with the proposal beside it.</summary>
public sealed record UsulanView(string? Answer, string Note, string EvidenceLink, string? Proposed, string ProposalReason, IReadOnlyList<ProposalLink> ProposalLinks, bool AcceptedAsProposed, bool Returned, string ReturnReason, string UpdatedBy, int ConcurrencyVersion);

/// <summary>The evaluator's value (penetapan): only in the evaluator's view.</summary>
public sealed record PenetapanView(string? Answer, string Note, string UpdatedBy, int ConcurrencyVersion);

public sealed record CriterionView(string Code, string ComponentCode, string SubComponentCode, string Text, string Scale, IReadOnlyList<OptionView> Options, UsulanView Usulan, PenetapanView? Penetapan);

public sealed record SubComponentScoreView(string Code, string Name, string Kind, decimal Weight, decimal Score, string ScoreText);

public sealed record ComponentScoreView(string Code, string Name, decimal Weight, decimal Score, string ScoreText, IReadOnlyList<SubComponentScoreView> SubComponents);

public sealed record ScoreView(decimal Total, string TotalText, string Grade, string Interpretation, IReadOnlyList<ComponentScoreView> Components)
{
    public static ScoreView Of(EvaluationScore score) => new(score.Rounded, score.Display, score.Grade.Grade, score.Grade.Interpretation,
        score.Components.Select(c => new ComponentScoreView(c.Component.Code, c.Component.Name, c.Component.Weight, c.Score, IndonesianNumber.Format(c.Score, EvaluationScore.Decimals),
            c.SubComponents.Select(s => new SubComponentScoreView(s.SubComponent.Code, s.SubComponent.Name, s.SubComponent.Kind, s.SubComponent.Weight, s.Score, IndonesianNumber.Format(s.Score, EvaluationScore.Decimals))).ToList())).ToList());
}

public sealed record FollowUpView(string Text, string EvidenceLink, string By, DateTimeOffset At);

public sealed record RecommendationView(int Id, int Number, string Text, string? ComponentCode, string ResponsibleUnit, DateOnly? DueDate, string Status, string StatusCode, bool Carried, int ConcurrencyVersion, IReadOnlyList<FollowUpView> FollowUps);

public sealed record ComponentFindingView(string Code, string Name, string Findings);

/// <summary>
/// A round as one user may see it. Built in one place for the page and the API so that the evaluated unit's
/// view never carries the evaluator's values: <see cref="CriterionView.Penetapan"/> and the findings are null
/// for the unit; after the round is final the unit sees the result (scores, grade, recommendations), not the
/// evaluator's per-criterion values and notes.
/// </summary>
public sealed record RoundView(
    int Id, int AgencyId, string Agency, int Year, string? Unit, string Title, string WorksheetKey, string WorksheetTitle,
    string State, string StateCode, DateOnly? OpensOn, DateOnly? SubmitDue, DateOnly? ReviewDue, string EvaluatorBody, int ConcurrencyVersion,
    string Side, bool MayAnswer, bool IsEvaluator, IReadOnlyList<string> Evaluators,
    ScoreView SelfScore, ScoreView? Result, int Proposed, int AcceptedAsProposed, int Answered, int Returned,
    IReadOnlyList<CriterionView> Criteria, IReadOnlyList<ComponentFindingView>? Findings, IReadOnlyList<RecommendationView> Recommendations,
    string SignerName, string SignerPosition, string SignerNip, string SignPlace, DateOnly? SignDate);

public static class EvaluationViews
{
    public static async Task<RoundView> BuildAsync(KinerjaDbContext db, EvaluationService service, EvaluationRound round, RoundRights rights)
    {
        var sheet = await service.WorksheetAsync(round);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == round.AgencyId).Select(a => a.Name).SingleAsync();
        var answers = await db.EvaluationAnswers.AsNoTracking().Where(a => a.RoundId == round.Id).ToDictionaryAsync(a => a.CriterionCode);
        var reviews = rights.SeesEvaluatorValues ? await db.EvaluationReviews.AsNoTracking().Where(a => a.RoundId == round.Id).ToDictionaryAsync(a => a.CriterionCode) : null;
        var evaluators = await db.EvaluationRoundEvaluators.AsNoTracking().Where(e => e.RoundId == round.Id)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.DisplayName.Length > 0 ? u.DisplayName : u.UserName!).ToListAsync();
        var criteria = new List<CriterionView>();
        foreach (var component in sheet.Components)
        {
            foreach (var sub in component.SubComponents)
            {
                foreach (var c in sub.Criteria)
                {
                    var a = answers[c.Code];
                    var usulan = new UsulanView(a.Answer, a.Note, a.EvidenceLink, a.ProposedAnswer, a.ProposalReason, Links(a.ProposalLinks), a.AcceptedAsProposed, a.Returned, a.ReturnReason, a.UpdatedBy, a.ConcurrencyVersion);
                    var penetapan = reviews?[c.Code] is { } r ? new PenetapanView(r.Answer, r.Note, r.UpdatedBy, r.ConcurrencyVersion) : null;
                    criteria.Add(new CriterionView(c.Code, component.Code, sub.Code, c.Text, c.ScaleCode, sheet.ScaleOf(c).Options.Select(o => new OptionView(o.Code, o.Label, o.Value)).ToList(), usulan, penetapan));
                }
            }
        }

        var self = EvaluationScore.Of(sheet, answers.ToDictionary(a => a.Key, a => a.Value.Answer));
        ScoreView? result = null;
        if (rights.SeesEvaluatorValues || round.State == RoundState.Final)
            result = ScoreView.Of(await service.ReviewScoreAsync(round, sheet));
        IReadOnlyList<ComponentFindingView>? findings = null;
        if (rights.SeesEvaluatorValues || round.State == RoundState.Final)
        {
            var notes = await db.EvaluationComponentNotes.AsNoTracking().Where(n => n.RoundId == round.Id).ToDictionaryAsync(n => n.ComponentCode, n => n.Findings);
            findings = sheet.Components.Select(c => new ComponentFindingView(c.Code, c.Name, notes.GetValueOrDefault(c.Code) ?? "")).ToList();
        }

        var recs = await RecommendationsAsync(db, round.Id);
        return new RoundView(round.Id, round.AgencyId, agency, round.Year, round.UnitCode, round.Title, sheet.Key, sheet.Title,
            EvaluationWorkflow.StateLabel(round.State), round.State.ToString(), round.OpensOn, round.SubmitDue, round.ReviewDue, round.EvaluatorBody, round.ConcurrencyVersion,
            rights.IsEvaluator ? "evaluator" : "unit", rights.MayAnswer, rights.IsEvaluator, evaluators,
            ScoreView.Of(self), result,
            answers.Values.Count(a => a.ProposedAnswer is not null), answers.Values.Count(a => a.AcceptedAsProposed), answers.Values.Count(a => a.Answer is not null), answers.Values.Count(a => a.Returned),
            criteria, findings, recs, round.SignerName, round.SignerPosition, round.SignerNip, round.SignPlace, round.SignDate);
    }

    public static async Task<IReadOnlyList<RecommendationView>> RecommendationsAsync(KinerjaDbContext db, int roundId)
    {
        var recs = await db.EvaluationRecommendations.AsNoTracking().Where(r => r.RoundId == roundId).OrderBy(r => r.Number).ToListAsync();
        var ids = recs.Select(r => r.Id).ToList();
        var follow = await db.EvaluationFollowUps.AsNoTracking().Where(f => ids.Contains(f.RecommendationId)).ToListAsync();
        return recs.Select(r => new RecommendationView(r.Id, r.Number, r.Text, r.ComponentCode, r.ResponsibleUnitCode, r.DueDate, EvaluationService.StatusLabel(r.Status), r.Status.ToString(), r.CarriedFromId is not null, r.ConcurrencyVersion,
            follow.Where(f => f.RecommendationId == r.Id).OrderBy(f => f.At).Select(f => new FollowUpView(f.Text, f.EvidenceLink, f.By, f.At)).ToList())).ToList();
    }

    private static List<ProposalLink> Links(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|', 2)).Where(p => p.Length == 2).Select(p => new ProposalLink(p[0], p[1])).ToList();
}
