using Kinerja.Domain.Model;

namespace Kinerja.Domain.Evaluation;

/// <summary>
/// The result of a final Evaluasi AKIP round as the next Laporan Kinerja prints it (issue 22 item 5): the year
/// evaluated, who evaluated, the evaluator's score (penetapan) with its grade, and the recommendations with their
/// latest tindak lanjut and status. The web passes it in from the round; the workbook's sheet TindakLanjut stays for
/// the history that was never entered as a round.
/// </summary>
public sealed record EvaluationOutcome(int Year, string EvaluatorBody, EvaluationScore Score, IReadOnlyList<EvaluationFollowUp> Recommendations);
