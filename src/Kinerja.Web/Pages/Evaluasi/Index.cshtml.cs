using Kinerja.Data;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using Kinerja.Domain.Evaluation;
using Kinerja.Domain.Values;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Evaluasi;

/// <summary>
/// The evaluation overview: every round the user sees with its state and deadlines (an evaluator sees the rounds
/// assigned), the units of each instansi ranked by their final score with last year's score and the change, the
/// export of both to xlsx, and for an instansi's administrator the form that opens a round.
/// </summary>
public sealed class IndexModel(KinerjaDbContext db, EvaluationService service, ScopeProvider scopes) : PageModel
{
    public sealed record Row(int Id, string Agency, int AgencyId, int Year, string? Unit, string Title, string State, DateOnly? SubmitDue, DateOnly? ReviewDue, string Side, decimal? Score, string? ScoreText, string? Grade);

    public sealed record Ranked(int Rank, string Agency, int Year, string Evaluated, decimal Score, string ScoreText, string Grade, string? LastYear, string? Change);

    public List<Row> Rounds { get; } = [];

    public List<Ranked> Ranking { get; } = [];

    public List<(int Id, string Name)> Managed { get; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync()
    {
        Message = TempData["pesan"] as string;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostBukaAsync(int agencyId, int year, string? unitCode, string? title, DateOnly? opensOn, DateOnly? submitDue, DateOnly? reviewDue, string? evaluatorBody, string? evaluators)
    {
        var (outcome, round) = await service.CreateAsync(await scopes.GetAsync(), agencyId,
            new RoundInput(year, unitCode, title ?? "", opensOn, submitDue, reviewDue, evaluatorBody ?? "", (evaluators ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)));
        if (outcome.Status == 403)
            return Forbid();
        if (!outcome.Ok)
        {
            Error = outcome.Error;
            Response.StatusCode = outcome.Status;
            await LoadAsync();
            return Page();
        }

        TempData["pesan"] = "Evaluasi dibuka.";
        return Redirect($"/evaluasi/{round!.Id}");
    }

    /// <summary>The overview as an Excel workbook: the rounds and the ranking, one sheet each.</summary>
    public async Task<IActionResult> OnGetXlsxAsync()
    {
        await LoadAsync();
        var doc = new ReportDocument { Title = "Ikhtisar Evaluasi AKIP", Agency = "Kinerja", Profile = new Kinerja.Domain.Model.AgencyProfile { Agency = "Kinerja", Year = DateTime.UtcNow.Year, ReportPeriod = Period.OfYear(DateTime.UtcNow.Year) } };
        var c = new ReportComposer(doc);
        c.Table("Evaluasi", [new ReportColumn("Instansi", 40), new ReportColumn("Tahun", 8), new ReportColumn("Unit", 12), new ReportColumn("Judul", 40), new ReportColumn("Status", 22), new ReportColumn("Batas usulan", 14), new ReportColumn("Batas penetapan", 14), new ReportColumn("Nilai", 10, CellAlign.Right), new ReportColumn("Predikat", 10)],
            Rounds.Select(r => new ReportRow([r.Agency, new ReportCell(r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), CellKind.Amount, r.Year), r.Unit ?? "(instansi)", r.Title, r.State, Iso(r.SubmitDue), Iso(r.ReviewDue), r.Score is { } s ? new ReportCell(r.ScoreText!, CellKind.Decimal, s, 2) : ReportCell.Empty, r.Grade ?? ""])).ToList());
        c.Table("Peringkat", [new ReportColumn("Peringkat", 10), new ReportColumn("Instansi", 40), new ReportColumn("Tahun", 8), new ReportColumn("Yang dievaluasi", 40), new ReportColumn("Nilai", 10, CellAlign.Right), new ReportColumn("Predikat", 10), new ReportColumn("Nilai tahun lalu", 14, CellAlign.Right), new ReportColumn("Perubahan", 12, CellAlign.Right)],
            Ranking.Select(r => new ReportRow([r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Agency, r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Evaluated, new ReportCell(r.ScoreText, CellKind.Decimal, r.Score, 2), r.Grade, r.LastYear ?? "-", r.Change ?? "-"])).ToList());
        using var stream = new MemoryStream();
        ExcelRenderer.Write(doc, stream);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ikhtisar-evaluasi-akip.xlsx");
    }

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd") ?? "";

    private async Task LoadAsync()
    {
        var scope = await scopes.GetAsync();
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        foreach (var (id, name) in names.OrderBy(n => n.Value))
        {
            if (EvaluationService.MayManage(scope, id))
                Managed.Add((id, name));
        }

        var finals = new List<(EvaluationRound Round, EvaluationScore Score)>();
        foreach (var round in await service.VisibleRoundsAsync(scope))
        {
            var rights = await service.RightsAsync(scope, round);
            EvaluationScore? score = null;
            if (rights.SeesEvaluatorValues || round.State == RoundState.Final)
                score = await service.ReviewScoreAsync(round, await service.WorksheetAsync(round));
            if (round.State == RoundState.Final && score is not null)
                finals.Add((round, score));
            Rounds.Add(new Row(round.Id, names.GetValueOrDefault(round.AgencyId) ?? "", round.AgencyId, round.Year, round.UnitCode, round.Title, EvaluationWorkflow.StateLabel(round.State), round.SubmitDue, round.ReviewDue,
                rights.IsEvaluator ? "evaluator" : "unit", score?.Rounded, score?.Display, score?.Grade.Grade));
        }

        // ranked per instansi and year by the final score; last year's final score of the same unit beside it
        var rank = 0;
        foreach (var group in finals.GroupBy(f => (f.Round.AgencyId, f.Round.Year)).OrderBy(g => names.GetValueOrDefault(g.Key.AgencyId)).ThenByDescending(g => g.Key.Year))
        {
            rank = 0;
            foreach (var (round, score) in group.OrderByDescending(f => f.Score.Rounded))
            {
                var last = finals.FirstOrDefault(f => f.Round.AgencyId == round.AgencyId && f.Round.UnitCode == round.UnitCode && f.Round.Year == round.Year - 1);
                Ranking.Add(new Ranked(++rank, names.GetValueOrDefault(round.AgencyId) ?? "", round.Year, round.UnitCode ?? "(seluruh instansi)", score.Rounded, score.Display, score.Grade.Grade,
                    last.Score?.Display, last.Score is { } l ? (score.Rounded - l.Rounded >= 0 ? "+" : "") + IndonesianNumber.Format(score.Rounded - l.Rounded, 2) : null));
            }
        }
    }
}
