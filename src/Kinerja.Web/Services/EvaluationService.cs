using Kinerja.Data;
using Kinerja.Domain.Evaluation;
using Kinerja.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>The result of an evaluation step: ok (200), refused (400), no right (403), not found (404) or changed meanwhile (409).</summary>
public sealed record EvalOutcome(int Status, string? Error)
{
    public bool Ok => Status == 200;

    public static readonly EvalOutcome Done = new(200, null);

    public static EvalOutcome Refused(string error) => new(400, error);

    public static EvalOutcome Forbidden(string error = "akun ini tidak berwenang atas evaluasi ini") => new(403, error);

    public static EvalOutcome NotFound() => new(404, "evaluasi tidak ditemukan");

    public static EvalOutcome Conflict(string error) => new(409, error);

    /// <summary>A write without the version it was read at (428): never read as 0, which is the version of a new row.</summary>
    public static readonly EvalOutcome VersionRequired = new(428, "versi data evaluasi yang Anda baca wajib dikirim (ConcurrencyVersion) agar perubahan orang lain tidak tertimpa; muat ulang halaman lalu kirim lagi");
}

/// <summary>What a user may do in one round. The evaluated unit's side and the evaluator's side never mix.</summary>
public sealed record RoundRights(bool IsEvaluator, bool SeesUnitSide, bool MayAnswer, bool MayManage)
{
    public bool MayView => IsEvaluator || SeesUnitSide || MayManage;

    /// <summary>The evaluator's values (penetapan, notes, findings) are shown to the assigned evaluators only; everyone else sees the result once final.</summary>
    public bool SeesEvaluatorValues => IsEvaluator;
}

/// <summary>A new round as a manager fills it in.</summary>
public sealed record RoundInput(int Year, string? UnitCode, string Title, DateOnly? OpensOn, DateOnly? SubmitDue, DateOnly? ReviewDue, string EvaluatorBody, IReadOnlyList<string> EvaluatorUserNames, string? WorksheetKey = null);

/// <summary>
/// Evaluasi AKIP rounds (issue 22): one write path for pages and API. Every step authorises on the server
/// (<see cref="Rights"/>), checks the version it was read at (409 otherwise), goes through the domain's
/// <see cref="EvaluationWorkflow"/>, and saves with the audit entries in one transaction.
/// </summary>
public sealed class EvaluationService(KinerjaDbContext db, TimeProvider clock, EvaluationPrefill prefill)
{
    public async Task<RoundRights> RightsAsync(UserScope scope, EvaluationRound round)
    {
        if (!scope.IsSignedIn)
            return new RoundRights(false, false, false, false);
        var isEvaluator = await db.EvaluationRoundEvaluators.AnyAsync(e => e.RoundId == round.Id && e.UserId == scope.UserId);
        // an evaluator of this round acts only as the evaluator here, even when they also hold a role in the evaluated instansi
        if (isEvaluator)
            return new RoundRights(true, false, false, false);
        var resource = new AgencyResource(round.AgencyId, round.UnitCode);
        var seesUnit = round.UnitCode is null ? scope.Can(Operations.View, resource) && scope.RoleIn(round.AgencyId) is not AgencyRole.Evaluator || scope.IsSystemAdmin : scope.Can(Operations.View, resource);
        var mayAnswer = round.UnitCode is null
            ? scope.RoleIn(round.AgencyId) is AgencyRole.AdminInstansi or AgencyRole.Perencana
            : scope.Can(Operations.EnterRealisasi, resource);
        var manage = MayManage(scope, round.AgencyId);
        return new RoundRights(false, seesUnit || manage, mayAnswer, manage);
    }

    /// <summary>Who opens rounds and assigns evaluators: the installation's administrator or the instansi's administrator.</summary>
    public static bool MayManage(UserScope scope, int agencyId) => scope.IsSystemAdmin || scope.RoleIn(agencyId) is AgencyRole.AdminInstansi;

    /// <summary>The rounds a user sees: those assigned to them as evaluator, and those of the instansi and units they see.</summary>
    public async Task<List<EvaluationRound>> VisibleRoundsAsync(UserScope scope)
    {
        if (!scope.IsSignedIn)
            return [];
        var assigned = await db.EvaluationRoundEvaluators.Where(e => e.UserId == scope.UserId).Select(e => e.RoundId).ToListAsync();
        var agencies = scope.IsSystemAdmin ? null : scope.Assignments.Keys.ToList();
        var candidates = await db.EvaluationRounds.AsNoTracking()
            .Where(r => assigned.Contains(r.Id) || agencies == null || agencies.Contains(r.AgencyId))
            .OrderByDescending(r => r.Year).ThenBy(r => r.AgencyId).ThenBy(r => r.UnitCode).ToListAsync();
        var visible = new List<EvaluationRound>();
        foreach (var round in candidates)
        {
            if ((await RightsAsync(scope, round)).MayView)
                visible.Add(round);
        }

        return visible;
    }

    public Task<EvaluationRound?> FindAsync(int id) => db.EvaluationRounds.SingleOrDefaultAsync(r => r.Id == id);

    /// <summary>The worksheet the round started with (kept in the database), not whatever file ships today.</summary>
    public async Task<Worksheet> WorksheetAsync(EvaluationRound round)
    {
        var json = await db.EvaluationWorksheets.AsNoTracking().Where(w => w.Key == round.WorksheetKey).Select(w => w.Json).SingleAsync();
        return WorksheetReader.Read(json).Value;
    }

    public async Task<(EvalOutcome Outcome, EvaluationRound? Round)> CreateAsync(UserScope scope, int agencyId, RoundInput input)
    {
        if (!MayManage(scope, agencyId))
            return (EvalOutcome.Forbidden("hanya administrator instansi yang dapat membuka evaluasi"), null);
        if (string.IsNullOrWhiteSpace(input.Title))
            return (EvalOutcome.Refused("judul evaluasi wajib diisi"), null);
        var unit = string.IsNullOrWhiteSpace(input.UnitCode) ? null : input.UnitCode.Trim();
        if (unit is not null && !await db.Units.AnyAsync(u => u.AgencyId == agencyId && u.Code == unit))
            return (EvalOutcome.Refused($"unit {unit} tidak ada di instansi ini"), null);
        if (await db.EvaluationRounds.AnyAsync(r => r.AgencyId == agencyId && r.Year == input.Year && r.UnitCode == unit))
            return (EvalOutcome.Conflict($"evaluasi tahun {input.Year} untuk {(unit ?? "instansi ini")} sudah ada"), null);
        if (input.SubmitDue is { } s && input.ReviewDue is { } r && r < s)
            return (EvalOutcome.Refused("batas penetapan tidak boleh sebelum batas usulan"), null);
        var names = input.EvaluatorUserNames.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
            return (EvalOutcome.Refused("tunjuk sedikitnya satu evaluator (nama pengguna)"), null);
        var evaluators = await db.Users.Where(u => names.Contains(u.UserName!)).Select(u => new { u.Id, u.UserName }).ToListAsync();
        var unknown = names.Where(n => evaluators.All(e => !string.Equals(e.UserName, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
            return (EvalOutcome.Refused($"pengguna {string.Join(", ", unknown)} tidak ada"), null);

        var sheet = input.WorksheetKey is { Length: > 0 } key ? WorksheetReader.Find(key) : WorksheetReader.Default;
        if (sheet is null)
            return (EvalOutcome.Refused($"lembar kerja {input.WorksheetKey} tidak dikenal"), null);
        if (!await db.EvaluationWorksheets.AnyAsync(w => w.Key == sheet.Key))
            db.EvaluationWorksheets.Add(new EvaluationWorksheetRow { Key = sheet.Key, Title = sheet.Title, Json = WorksheetReader.ShippedText(sheet.Key) });

        db.AuditUser = scope.UserName;
        var round = new EvaluationRound
        {
            AgencyId = agencyId,
            Year = input.Year,
            UnitCode = unit,
            Title = input.Title.Trim(),
            WorksheetKey = sheet.Key,
            State = RoundState.Pengisian,
            OpensOn = input.OpensOn,
            SubmitDue = input.SubmitDue,
            ReviewDue = input.ReviewDue,
            EvaluatorBody = input.EvaluatorBody.Trim(),
            CreatedBy = scope.UserName,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        db.EvaluationRounds.Add(round);
        await db.SaveChangesAsync();
        foreach (var e in evaluators)
            db.EvaluationRoundEvaluators.Add(new EvaluationRoundEvaluator { RoundId = round.Id, UserId = e.Id });
        var proposals = await prefill.ProposeAsync(round, sheet);
        foreach (var criterion in sheet.Criteria)
        {
            var proposal = proposals.GetValueOrDefault(criterion.Code);
            db.EvaluationAnswers.Add(new EvaluationAnswer
            {
                RoundId = round.Id,
                AgencyId = agencyId,
                CriterionCode = criterion.Code,
                ProposedAnswer = proposal?.Answer,
                ProposalReason = proposal?.Reason ?? "",
                ProposalLinks = proposal is null ? "" : string.Join("\n", proposal.Links.Select(l => $"{l.Label}|{l.Url}")),
            });
            db.EvaluationReviews.Add(new EvaluationReview { RoundId = round.Id, AgencyId = agencyId, CriterionCode = criterion.Code });
        }

        await CarryOpenRecommendationsAsync(round);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return (EvalOutcome.Done, round);
    }

    // open recommendations of the previous year's round of the same instansi/unit carry into this round (issue 22 item 6)
    private async Task CarryOpenRecommendationsAsync(EvaluationRound round)
    {
        var previous = await db.EvaluationRounds.AsNoTracking()
            .Where(r => r.AgencyId == round.AgencyId && r.UnitCode == round.UnitCode && r.Year < round.Year)
            .OrderByDescending(r => r.Year).FirstOrDefaultAsync();
        if (previous is null)
            return;
        var open = await db.EvaluationRecommendations.AsNoTracking().Where(r => r.RoundId == previous.Id && r.Status != FollowUpStatus.Selesai).OrderBy(r => r.Number).ToListAsync();
        var number = 0;
        foreach (var rec in open)
        {
            db.EvaluationRecommendations.Add(new EvaluationRecommendation
            {
                RoundId = round.Id,
                AgencyId = round.AgencyId,
                Number = ++number,
                Text = rec.Text,
                ComponentCode = rec.ComponentCode,
                ResponsibleUnitCode = rec.ResponsibleUnitCode,
                DueDate = rec.DueDate,
                Status = rec.Status,
                CarriedFromId = rec.Id,
            });
        }
    }

    public async Task<EvalOutcome> AnswerAsync(UserScope scope, int roundId, string criterionCode, string? answer, string? note, string? evidenceLink, int expectedVersion)
    {
        var round = await FindAsync(roundId);
        if (round is null)
            return EvalOutcome.NotFound();
        var rights = await RightsAsync(scope, round);
        if (!rights.MayAnswer)
            return EvalOutcome.Forbidden("hanya unit yang dievaluasi yang dapat mengisi usulan");
        var sheet = await WorksheetAsync(round);
        var criterion = sheet.FindCriterion(criterionCode);
        var row = await db.EvaluationAnswers.SingleOrDefaultAsync(a => a.RoundId == roundId && a.CriterionCode == criterionCode);
        if (criterion is null || row is null)
            return EvalOutcome.Refused($"kriteria {criterionCode} tidak ada di lembar kerja evaluasi ini");
        try
        {
            EvaluationWorkflow.EnsureUnitMayAnswer(round.State, row.Returned, criterionCode);
        }
        catch (EvaluationRuleException e)
        {
            return EvalOutcome.Refused(e.Message);
        }

        var option = sheet.ScaleOf(criterion).Find(answer);
        if (!string.IsNullOrWhiteSpace(answer) && option is null)
            return EvalOutcome.Refused($"jawaban \"{answer}\" bukan pilihan skala {criterion.ScaleCode} ({string.Join(", ", sheet.ScaleOf(criterion).Options.Select(o => o.Code))})");
        var link = (evidenceLink ?? "").Trim();
        if (!LinkOk(link))
            return EvalOutcome.Refused("tautan bukti harus alamat http(s) atau alamat di aplikasi ini (diawali /)");
        if (row.ConcurrencyVersion != expectedVersion)
            return EvalOutcome.Conflict($"jawaban kriteria {criterionCode} telah diubah orang lain (sekarang: {row.Answer ?? "kosong"}, oleh {row.UpdatedBy}); muat ulang halaman");

        db.AuditUser = scope.UserName;
        row.Answer = option?.Code;
        row.Note = (note ?? "").Trim();
        row.EvidenceLink = link;
        row.AcceptedAsProposed = row.ProposedAnswer is not null && option is not null && string.Equals(row.ProposedAnswer, option.Code, StringComparison.Ordinal);
        if (row.Returned && option is not null)
            row.Returned = false;
        row.UpdatedBy = scope.UserName;
        row.UpdatedAt = clock.GetUtcNow();
        return await SaveVersioned(row, expectedVersion);
    }

    public async Task<EvalOutcome> SubmitAsync(UserScope scope, int roundId, int expectedVersion)
    {
        var round = await FindAsync(roundId);
        if (round is null)
            return EvalOutcome.NotFound();
        if (!(await RightsAsync(scope, round)).MayAnswer)
            return EvalOutcome.Forbidden("hanya unit yang dievaluasi yang dapat mengajukan");
        var answers = await db.EvaluationAnswers.AsNoTracking().Where(a => a.RoundId == roundId).ToListAsync();
        try
        {
            var next = EvaluationWorkflow.Submit(round.State,
                answers.Where(a => a.Answer is null).Select(a => a.CriterionCode).Order(StringComparer.Ordinal).ToList(),
                answers.Where(a => a.Returned).Select(a => a.CriterionCode).Order(StringComparer.Ordinal).ToList());
            return await MoveAsync(scope, round, next, expectedVersion);
        }
        catch (EvaluationRuleException e)
        {
            return EvalOutcome.Refused(e.Message);
        }
    }

    public async Task<EvalOutcome> ReviewAsync(UserScope scope, int roundId, string criterionCode, string? answer, string? note, int expectedVersion)
    {
        var round = await FindAsync(roundId);
        if (round is null)
            return EvalOutcome.NotFound();
        if (!(await RightsAsync(scope, round)).IsEvaluator)
            return EvalOutcome.Forbidden("hanya evaluator yang ditugaskan pada evaluasi ini yang dapat mengisi penetapan");
        var sheet = await WorksheetAsync(round);
        var criterion = sheet.FindCriterion(criterionCode);
        var row = await db.EvaluationReviews.SingleOrDefaultAsync(a => a.RoundId == roundId && a.CriterionCode == criterionCode);
        if (criterion is null || row is null)
            return EvalOutcome.Refused($"kriteria {criterionCode} tidak ada di lembar kerja evaluasi ini");
        try
        {
            EvaluationWorkflow.EnsureEvaluatorMayReview(round.State);
        }
        catch (EvaluationRuleException e)
        {
            return EvalOutcome.Refused(e.Message);
        }

        var option = sheet.ScaleOf(criterion).Find(answer);
        if (!string.IsNullOrWhiteSpace(answer) && option is null)
            return EvalOutcome.Refused($"jawaban \"{answer}\" bukan pilihan skala {criterion.ScaleCode}");
        if (row.ConcurrencyVersion != expectedVersion)
            return EvalOutcome.Conflict($"penetapan kriteria {criterionCode} telah diubah (sekarang: {row.Answer ?? "kosong"}, oleh {row.UpdatedBy}); muat ulang halaman");
        db.AuditUser = scope.UserName;
        row.Answer = option?.Code;
        row.Note = (note ?? "").Trim();
        row.UpdatedBy = scope.UserName;
        row.UpdatedAt = clock.GetUtcNow();
        return await SaveVersioned(row, expectedVersion);
    }

    /// <summary>The evaluator sends answers back to the unit, each with its reason.</summary>
    public async Task<EvalOutcome> ReturnAsync(UserScope scope, int roundId, IReadOnlyDictionary<string, string?> reasons, int expectedVersion)
    {
        var round = await FindAsync(roundId);
        if (round is null)
            return EvalOutcome.NotFound();
        if (!(await RightsAsync(scope, round)).IsEvaluator)
            return EvalOutcome.Forbidden("hanya evaluator yang ditugaskan yang dapat mengembalikan jawaban");
        try
        {
            var next = EvaluationWorkflow.Return(round.State, reasons);
            var rows = await db.EvaluationAnswers.Where(a => a.RoundId == roundId && reasons.Keys.Contains(a.CriterionCode)).ToListAsync();
            if (rows.Count != reasons.Count)
                return EvalOutcome.Refused("kriteria yang dikembalikan tidak ada di lembar kerja evaluasi ini");
            foreach (var row in rows)
            {
                row.Returned = true;
                row.ReturnReason = reasons[row.CriterionCode]!.Trim();
                row.ConcurrencyVersion++;
            }

            return await MoveAsync(scope, round, next, expectedVersion);
        }
        catch (EvaluationRuleException e)
        {
            return EvalOutcome.Refused(e.Message);
        }
    }

    public async Task<EvalOutcome> FinaliseAsync(UserScope scope, int roundId, int expectedVersion)
    {
        var round = await FindAsync(roundId);
        if (round is null)
            return EvalOutcome.NotFound();
        if (!(await RightsAsync(scope, round)).IsEvaluator)
            return EvalOutcome.Forbidden("hanya evaluator yang ditugaskan yang dapat memfinalkan evaluasi");
        var unreviewed = await db.EvaluationReviews.AsNoTracking().Where(a => a.RoundId == roundId && a.Answer == null).Select(a => a.CriterionCode).ToListAsync();
        try
        {
            var next = EvaluationWorkflow.Finalise(round.State, unreviewed.Order(StringComparer.Ordinal).ToList());
            round.FinalisedAt = clock.GetUtcNow();
            return await MoveAsync(scope, round, next, expectedVersion);
        }
        catch (EvaluationRuleException e)
        {
            return EvalOutcome.Refused(e.Message);
        }
    }

    /// <summary>The evaluator's findings per component and the LHE signature block: the evaluator's side, until final.</summary>
    public async Task<EvalOutcome> SaveLheAsync(UserScope scope, int roundId, IReadOnlyDictionary<string, string> findings, string signerName, string signerPosition, string signerNip, string signPlace, DateOnly? signDate, int expectedVersion)
    {
        var round = await FindAsync(roundId);
        if (round is null)
            return EvalOutcome.NotFound();
        if (!(await RightsAsync(scope, round)).IsEvaluator)
            return EvalOutcome.Forbidden("hanya evaluator yang ditugaskan yang dapat mengisi catatan LHE");
        if (round.State == RoundState.Final)
            return EvalOutcome.Refused("evaluasi sudah final dan terkunci");
        var sheet = await WorksheetAsync(round);
        db.AuditUser = scope.UserName;
        var existing = await db.EvaluationComponentNotes.Where(n => n.RoundId == roundId).ToListAsync();
        foreach (var component in sheet.Components)
        {
            var text = findings.GetValueOrDefault(component.Code)?.Trim() ?? "";
            var row = existing.FirstOrDefault(n => n.ComponentCode == component.Code);
            if (row is null)
                db.EvaluationComponentNotes.Add(new EvaluationComponentNote { RoundId = roundId, AgencyId = round.AgencyId, ComponentCode = component.Code, Findings = text });
            else if (row.Findings != text)
            {
                row.Findings = text;
                row.ConcurrencyVersion++;
            }
        }

        round.SignerName = signerName.Trim();
        round.SignerPosition = signerPosition.Trim();
        round.SignerNip = signerNip.Trim();
        round.SignPlace = signPlace.Trim();
        round.SignDate = signDate;
        return await MoveAsync(scope, round, round.State, expectedVersion);
    }

    private async Task<EvalOutcome> MoveAsync(UserScope scope, EvaluationRound round, RoundState next, int expectedVersion)
    {
        if (round.ConcurrencyVersion != expectedVersion)
            return EvalOutcome.Conflict($"evaluasi telah berubah (status sekarang: {EvaluationWorkflow.StateLabel(round.State)}); muat ulang halaman");
        db.AuditUser = scope.UserName;
        round.State = next;
        return await SaveVersioned(round, expectedVersion);
    }

    // optimistic concurrency as for realisasi: the row is saved only if nobody saved it since it was read
    private async Task<EvalOutcome> SaveVersioned(object row, int expectedVersion)
    {
        var version = db.Entry(row).Property("ConcurrencyVersion");
        version.OriginalValue = expectedVersion;
        version.CurrentValue = expectedVersion + 1;
        try
        {
            await db.SaveChangesAsync();
            return EvalOutcome.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EvalOutcome.Conflict("data evaluasi telah diubah orang lain; muat ulang halaman");
        }
    }

    // ----- recommendations and follow-up (item 6) -----

    /// <summary>The evaluator adds a recommendation while reviewing; after final, recommendations are fixed and only followed up.</summary>
    public async Task<EvalOutcome> AddRecommendationAsync(UserScope scope, int roundId, string text, string? componentCode, string responsibleUnit, DateOnly? due)
    {
        var round = await FindAsync(roundId);
        if (round is null)
            return EvalOutcome.NotFound();
        if (!(await RightsAsync(scope, round)).IsEvaluator)
            return EvalOutcome.Forbidden("hanya evaluator yang ditugaskan yang dapat menulis rekomendasi");
        if (round.State == RoundState.Final)
            return EvalOutcome.Refused("evaluasi sudah final dan terkunci");
        if (string.IsNullOrWhiteSpace(text))
            return EvalOutcome.Refused("isi rekomendasi wajib diisi");
        var unit = responsibleUnit.Trim();
        if (unit.Length > 0 && !await db.Units.AnyAsync(u => u.AgencyId == round.AgencyId && u.Code == unit))
            return EvalOutcome.Refused($"unit {unit} tidak ada di instansi ini");
        var number = (await db.EvaluationRecommendations.Where(r => r.RoundId == roundId).MaxAsync(r => (int?)r.Number) ?? 0) + 1;
        db.AuditUser = scope.UserName;
        db.EvaluationRecommendations.Add(new EvaluationRecommendation { RoundId = roundId, AgencyId = round.AgencyId, Number = number, Text = text.Trim(), ComponentCode = componentCode, ResponsibleUnitCode = unit, DueDate = due });
        await db.SaveChangesAsync();
        return EvalOutcome.Done;
    }

    /// <summary>The unit records a tindak lanjut with its evidence and the status it brings the recommendation to.</summary>
    public async Task<EvalOutcome> FollowUpAsync(UserScope scope, int recommendationId, string text, string? evidenceLink, FollowUpStatus status, int expectedVersion)
    {
        var rec = await db.EvaluationRecommendations.SingleOrDefaultAsync(r => r.Id == recommendationId);
        if (rec is null)
            return EvalOutcome.NotFound();
        var round = await FindAsync(rec.RoundId);
        if (round is null)
            return EvalOutcome.NotFound();
        var rights = await RightsAsync(scope, round);
        var unitOk = rights.MayAnswer || (rec.ResponsibleUnitCode.Length > 0 && scope.Can(Operations.EnterRealisasi, new AgencyResource(round.AgencyId, rec.ResponsibleUnitCode)));
        if (!unitOk)
            return EvalOutcome.Forbidden("hanya unit penanggung jawab yang dapat mencatat tindak lanjut");
        if (round.State != RoundState.Final)
            return EvalOutcome.Refused("tindak lanjut dicatat setelah evaluasi final");
        if (string.IsNullOrWhiteSpace(text))
            return EvalOutcome.Refused("uraian tindak lanjut wajib diisi");
        if (rec.ConcurrencyVersion != expectedVersion)
            return EvalOutcome.Conflict("rekomendasi ini telah diubah orang lain; muat ulang halaman");
        db.AuditUser = scope.UserName;
        if (!LinkOk((evidenceLink ?? "").Trim()))
            return EvalOutcome.Refused("tautan bukti harus alamat http(s) atau alamat di aplikasi ini (diawali /)");
        db.EvaluationFollowUps.Add(new EvaluationFollowUpEntry { RecommendationId = rec.Id, AgencyId = rec.AgencyId, Text = text.Trim(), EvidenceLink = (evidenceLink ?? "").Trim(), By = scope.UserName, At = clock.GetUtcNow() });
        rec.Status = status;
        return await SaveVersioned(rec, expectedVersion);
    }

    /// <summary>An evidence link is an http(s) address or a path of this application; nothing that runs script.</summary>
    public static bool LinkOk(string link) =>
        link.Length == 0 || (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal)) || (Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");

    public static string StatusLabel(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Belum => "Belum ditindaklanjuti",
        FollowUpStatus.DalamProses => "Dalam proses",
        _ => "Selesai",
    };

    // ----- scores -----

    /// <summary>The unit's own score (from its usulan).</summary>
    public async Task<EvaluationScore> SelfScoreAsync(EvaluationRound round, Worksheet sheet)
    {
        var answers = await db.EvaluationAnswers.AsNoTracking().Where(a => a.RoundId == round.Id).ToDictionaryAsync(a => a.CriterionCode, a => a.Answer);
        return EvaluationScore.Of(sheet, answers);
    }

    /// <summary>The evaluator's score (penetapan): the round's result once final.</summary>
    public async Task<EvaluationScore> ReviewScoreAsync(EvaluationRound round, Worksheet sheet)
    {
        var answers = await db.EvaluationReviews.AsNoTracking().Where(a => a.RoundId == round.Id).ToDictionaryAsync(a => a.CriterionCode, a => a.Answer);
        return EvaluationScore.Of(sheet, answers);
    }
}
