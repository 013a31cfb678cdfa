using Kinerja.Domain.Evaluation;

namespace Kinerja.Data;

/// <summary>A worksheet (LKE) file as a round started with it: the text is kept so the round keeps its worksheet.</summary>
public sealed class EvaluationWorksheetRow
{
    public int Id { get; set; }

    /// <summary>"id@versi" of the worksheet file.</summary>
    public required string Key { get; set; }

    public required string Title { get; set; }

    public required string Json { get; set; }
}

/// <summary>
/// An evaluation round (Evaluasi AKIP): one year, one evaluated instansi (UnitCode null) or unit, its worksheet
/// version and schedule. Its state moves only through <see cref="EvaluationWorkflow"/>.
/// </summary>
public sealed class EvaluationRound : IAudited
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public int Year { get; set; }

    /// <summary>The evaluated unit; null when the whole instansi is evaluated.</summary>
    public string? UnitCode { get; set; }

    public required string Title { get; set; }

    public required string WorksheetKey { get; set; }

    public RoundState State { get; set; }

    public DateOnly? OpensOn { get; set; }

    /// <summary>The unit's self-assessment is due (batas usulan).</summary>
    public DateOnly? SubmitDue { get; set; }

    /// <summary>The evaluator's review is due (batas penetapan).</summary>
    public DateOnly? ReviewDue { get; set; }

    /// <summary>The evaluating body, as the LHE names it (e.g. "Inspektorat Kabupaten Banjar").</summary>
    public string EvaluatorBody { get; set; } = "";

    /// <summary>LHE signature: the evaluator's head, place and date.</summary>
    public string SignerName { get; set; } = "";

    public string SignerPosition { get; set; } = "";

    public string SignerNip { get; set; } = "";

    public string SignPlace { get; set; } = "";

    public DateOnly? SignDate { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinalisedAt { get; set; }

    public int ConcurrencyVersion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An evaluator assigned to a round; may belong to another instansi. Sees only the rounds assigned.</summary>
public sealed class EvaluationRoundEvaluator
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public required string UserId { get; set; }
}

/// <summary>The evaluated unit's answer (usulan) to one criterion, with the system's proposal beside it.</summary>
public sealed class EvaluationAnswer : IAudited
{
    public long Id { get; set; }

    public int RoundId { get; set; }

    public int AgencyId { get; set; }

    public required string CriterionCode { get; set; }

    public string? Answer { get; set; }

    public string Note { get; set; } = "";

    public string EvidenceLink { get; set; } = "";

    /// <summary>What Kinerja proposes from its own records (null: no rule for this criterion).</summary>
    public string? ProposedAnswer { get; set; }

    public string ProposalReason { get; set; } = "";

    /// <summary>Links to the records behind the proposal, one per line ("label|url").</summary>
    public string ProposalLinks { get; set; } = "";

    /// <summary>The unit's answer equals the proposal it was shown.</summary>
    public bool AcceptedAsProposed { get; set; }

    /// <summary>Sent back by the evaluator; cleared when the unit answers again.</summary>
    public bool Returned { get; set; }

    public string ReturnReason { get; set; } = "";

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset? UpdatedAt { get; set; }

    public int ConcurrencyVersion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => $"{RoundId}|{CriterionCode}";
}

/// <summary>
/// The evaluator's value (penetapan) of one criterion. Kept in its own table (and audit entity) so that no
/// query, page or API response of the evaluated unit can carry it by accident.
/// </summary>
public sealed class EvaluationReview : IAudited
{
    public long Id { get; set; }

    public int RoundId { get; set; }

    public int AgencyId { get; set; }

    public required string CriterionCode { get; set; }

    public string? Answer { get; set; }

    public string Note { get; set; } = "";

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset? UpdatedAt { get; set; }

    public int ConcurrencyVersion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => $"{RoundId}|{CriterionCode}";
}

/// <summary>The evaluator's findings (catatan) on one component, printed in the LHE.</summary>
public sealed class EvaluationComponentNote : IAudited
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int AgencyId { get; set; }

    public required string ComponentCode { get; set; }

    public string Findings { get; set; } = "";

    public int ConcurrencyVersion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => $"{RoundId}|{ComponentCode}";
}

public enum FollowUpStatus
{
    Belum,
    DalamProses,
    Selesai,
}

/// <summary>A recommendation of a round, with the unit responsible and its due date; open ones carry into next year's round.</summary>
public sealed class EvaluationRecommendation : IAudited
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int AgencyId { get; set; }

    public int Number { get; set; }

    public required string Text { get; set; }

    public string? ComponentCode { get; set; }

    public string ResponsibleUnitCode { get; set; } = "";

    public DateOnly? DueDate { get; set; }

    public FollowUpStatus Status { get; set; }

    /// <summary>The recommendation of an earlier round this one carries on.</summary>
    public int? CarriedFromId { get; set; }

    public int ConcurrencyVersion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => $"{RoundId}|{Number}";
}

/// <summary>A tindak lanjut entry of a recommendation: what was done, with its evidence. Append-only.</summary>
public sealed class EvaluationFollowUpEntry : IAudited
{
    public int Id { get; set; }

    public int RecommendationId { get; set; }

    public int AgencyId { get; set; }

    public required string Text { get; set; }

    public string EvidenceLink { get; set; } = "";

    public string By { get; set; } = "";

    public DateTimeOffset At { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => RecommendationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
