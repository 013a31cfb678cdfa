using Kinerja.Data;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using Kinerja.Domain.Evaluation;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Evaluasi;

/// <summary>The Laporan Hasil Evaluasi of a final round, as Word or PDF (LibreOffice), for the evaluator and the evaluated unit.</summary>
public sealed class LheModelPage(KinerjaDbContext db, EvaluationService service, ScopeProvider scopes) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? format)
    {
        var round = await service.FindAsync(id);
        if (round is null)
            return NotFound();
        var rights = await service.RightsAsync(await scopes.GetAsync(), round);
        if (!rights.MayView)
            return Forbid();
        if (round.State != RoundState.Final)
            return BadRequest("LHE tersedia setelah evaluasi final");
        var report = LheReport.Build(await ModelAsync(db, service, round));
        var pdf = string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase);
        var name = $"LHE-AKIP-{round.Year}-{round.Id}.{(pdf ? "pdf" : "docx")}";
        var temp = Path.Combine(Path.GetTempPath(), "kinerja-lhe-" + Guid.NewGuid().ToString("N") + (pdf ? ".pdf" : ".docx"));
        try
        {
            await Task.Run(() => ReportWriter.Write(report, temp));
            var bytes = await System.IO.File.ReadAllBytesAsync(temp);
            return File(bytes, pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
        }
        finally
        {
            System.IO.File.Delete(temp);
        }
    }

    /// <summary>The LHE's view model from a final round: the evaluator's score, findings, recommendations and signature.</summary>
    public static async Task<LheModel> ModelAsync(KinerjaDbContext db, EvaluationService service, EvaluationRound round)
    {
        var sheet = await service.WorksheetAsync(round);
        var score = await service.ReviewScoreAsync(round, sheet);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == round.AgencyId).Select(a => a.Name).SingleAsync();
        var unit = round.UnitCode is null ? null : await db.Units.AsNoTracking().Where(u => u.AgencyId == round.AgencyId && u.Code == round.UnitCode).Select(u => u.Name).SingleOrDefaultAsync() ?? round.UnitCode;
        var findings = await db.EvaluationComponentNotes.AsNoTracking().Where(n => n.RoundId == round.Id).ToDictionaryAsync(n => n.ComponentCode, n => n.Findings);
        var recs = await EvaluationViews.RecommendationsAsync(db, round.Id);
        var answers = await db.EvaluationAnswers.AsNoTracking().Where(a => a.RoundId == round.Id).ToListAsync();
        return new LheModel(agency, unit, round.Year, round.EvaluatorBody, score, findings,
            recs.Select(r => new LheRecommendation(r.Number, r.Text, r.ComponentCode, r.ResponsibleUnit, r.DueDate, r.Status)).ToList(),
            round.SignerName, round.SignerPosition, round.SignerNip, round.SignPlace, round.SignDate,
            answers.Count(a => a.Answer is not null), answers.Count(a => a.AcceptedAsProposed));
    }
}
