namespace Kinerja.Domain.Evaluation;

/// <summary>Where a round is: the unit fills in (Pengisian), the evaluator reviews (Diajukan), answers sent back (Dikembalikan), locked (Final).</summary>
public enum RoundState
{
    Pengisian,
    Diajukan,
    Dikembalikan,
    Final,
}

/// <summary>A step refused by the workflow, with the reason in Bahasa Indonesia.</summary>
public sealed class EvaluationRuleException(string message) : Exception(message);

/// <summary>
/// The round's guarded transitions (as <c>RealisasiEntry</c> guards a realisasi): the evaluated unit answers
/// (usulan) while the round is being filled in, or answers again what the evaluator returned; the evaluator
/// reviews (penetapan) only a submitted round, returns answers only with a reason, and finalises only when
/// every criterion has a penetapan. A final round never changes.
/// </summary>
public static class EvaluationWorkflow
{
    public static string StateLabel(RoundState state) => state switch
    {
        RoundState.Pengisian => "Pengisian oleh unit",
        RoundState.Diajukan => "Diajukan ke evaluator",
        RoundState.Dikembalikan => "Dikembalikan ke unit",
        _ => "Final (terkunci)",
    };

    /// <summary>The unit may change an answer: while filling in, or an answer the evaluator returned.</summary>
    public static void EnsureUnitMayAnswer(RoundState state, bool answerReturned, string criterionCode)
    {
        if (state == RoundState.Final)
            throw new EvaluationRuleException("evaluasi sudah final dan terkunci");
        if (state == RoundState.Diajukan)
            throw new EvaluationRuleException("evaluasi sedang direviu evaluator; jawaban tidak dapat diubah");
        if (state == RoundState.Dikembalikan && !answerReturned)
            throw new EvaluationRuleException($"kriteria {criterionCode} tidak dikembalikan evaluator; hanya jawaban yang dikembalikan yang dapat diubah");
    }

    /// <summary>Submit to the evaluator: every criterion answered, every returned answer answered again.</summary>
    public static RoundState Submit(RoundState state, IReadOnlyCollection<string> unanswered, IReadOnlyCollection<string> returnedNotAnsweredAgain)
    {
        if (state is not (RoundState.Pengisian or RoundState.Dikembalikan))
            throw new EvaluationRuleException($"evaluasi berstatus \"{StateLabel(state)}\" tidak dapat diajukan");
        if (unanswered.Count > 0)
            throw new EvaluationRuleException($"{unanswered.Count} kriteria belum dijawab: {string.Join(", ", unanswered.Take(10))}{(unanswered.Count > 10 ? ", ..." : "")}");
        if (returnedNotAnsweredAgain.Count > 0)
            throw new EvaluationRuleException($"jawaban yang dikembalikan belum dijawab ulang: {string.Join(", ", returnedNotAnsweredAgain)}");
        return RoundState.Diajukan;
    }

    public static void EnsureEvaluatorMayReview(RoundState state)
    {
        if (state == RoundState.Final)
            throw new EvaluationRuleException("evaluasi sudah final dan terkunci");
        if (state != RoundState.Diajukan)
            throw new EvaluationRuleException("penetapan hanya dapat diisi setelah unit mengajukan jawabannya");
    }

    /// <summary>Return answers to the unit: each needs its reason.</summary>
    public static RoundState Return(RoundState state, IReadOnlyDictionary<string, string?> reasons)
    {
        EnsureEvaluatorMayReview(state);
        if (reasons.Count == 0)
            throw new EvaluationRuleException("pilih sedikitnya satu kriteria yang dikembalikan");
        var missing = reasons.Where(r => string.IsNullOrWhiteSpace(r.Value)).Select(r => r.Key).ToList();
        if (missing.Count > 0)
            throw new EvaluationRuleException($"alasan pengembalian wajib diisi untuk kriteria {string.Join(", ", missing)}");
        return RoundState.Dikembalikan;
    }

    public static RoundState Finalise(RoundState state, IReadOnlyCollection<string> unreviewed)
    {
        EnsureEvaluatorMayReview(state);
        if (unreviewed.Count > 0)
            throw new EvaluationRuleException($"{unreviewed.Count} kriteria belum ditetapkan evaluator: {string.Join(", ", unreviewed.Take(10))}{(unreviewed.Count > 10 ? ", ..." : "")}");
        return RoundState.Final;
    }
}
