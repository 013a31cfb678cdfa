using Kinerja.Domain.Budget;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Evaluation;

/// <summary>The score of one sub-component: weight x (sum of answer values) / number of criteria.</summary>
public sealed record SubComponentScore(SubComponent SubComponent, decimal Score, int Answered);

public sealed record ComponentScore(Component Component, decimal Score, IReadOnlyList<SubComponentScore> SubComponents);

/// <summary>
/// A worksheet's score, exact: criterion value (0..1) -> sub-component -> component -> total, all in decimal.
/// The one rounding is of the total to two decimals, half away from zero, and the grade is decided on that
/// rounded total so the printed figure and the printed grade always agree (docs/rules.md §6, §11).
/// Component and sub-component scores are kept exact and rounded only where they are shown.
/// </summary>
public sealed class EvaluationScore
{
    public const int Decimals = 2;

    private EvaluationScore(Worksheet worksheet, IReadOnlyList<ComponentScore> components, decimal total)
    {
        Worksheet = worksheet;
        Components = components;
        Total = total;
        Rounded = Rounding.Apply(total, Decimals, RoundingMode.HalfUp);
        Grade = worksheet.Grade(Rounded);
    }

    public Worksheet Worksheet { get; }

    public IReadOnlyList<ComponentScore> Components { get; }

    /// <summary>The exact total.</summary>
    public decimal Total { get; }

    /// <summary>The total rounded to two decimals: the figure printed and graded.</summary>
    public decimal Rounded { get; }

    public GradeBand Grade { get; }

    public string Display => IndonesianNumber.Format(Rounded, Decimals);

    /// <summary>
    /// Scores answers (criterion code -> answer code). An unanswered criterion, or an answer not on its scale,
    /// counts 0. The sub-component score multiplies before it divides, so full marks give the weight exactly
    /// (9 x 11 / 11 = 9, not 11 x 0,8181...).
    /// </summary>
    public static EvaluationScore Of(Worksheet worksheet, IReadOnlyDictionary<string, string?> answers)
    {
        var components = new List<ComponentScore>();
        foreach (var component in worksheet.Components)
        {
            var subs = new List<SubComponentScore>();
            foreach (var sub in component.SubComponents)
            {
                var sum = 0m;
                var answered = 0;
                foreach (var criterion in sub.Criteria)
                {
                    if (answers.TryGetValue(criterion.Code, out var answer) && worksheet.ScaleOf(criterion).Find(answer) is { } option)
                    {
                        sum += option.Value;
                        answered++;
                    }
                }

                subs.Add(new SubComponentScore(sub, sub.Weight * sum / sub.Criteria.Count, answered));
            }

            components.Add(new ComponentScore(component, subs.Sum(s => s.Score), subs));
        }

        return new EvaluationScore(worksheet, components, components.Sum(c => c.Score));
    }

    /// <summary>
    /// A score from component scores as a report prints them (seed 003 Tabel 3.9: 25,03 / 23,65 / 12,01 / 19,63),
    /// for rebuilding a past evaluation whose answers were never entered. Keys are component codes.
    /// </summary>
    public static EvaluationScore FromComponents(Worksheet worksheet, IReadOnlyDictionary<string, decimal> componentScores)
    {
        var components = new List<ComponentScore>();
        foreach (var component in worksheet.Components)
        {
            var score = componentScores.TryGetValue(component.Code, out var s) ? s : 0m;
            if (score < 0m || score > component.Weight)
                throw new ArgumentOutOfRangeException(nameof(componentScores), $"nilai komponen {component.Code} {score} di luar 0..{component.Weight}");
            components.Add(new ComponentScore(component, score, []));
        }

        return new EvaluationScore(worksheet, components, components.Sum(c => c.Score));
    }

    /// <summary>
    /// The printed total against the computed one (docs/rules.md §10, as <see cref="PrintedFigureCheck"/> judges a
    /// printed aggregate): reproduced when half-up or truncation at the printed decimals gives it; otherwise an
    /// error naming the computed figure and its parts (seed 003: 25,03 + 23,65 + 12,01 + 19,63 = 80,32, printed 80.33).
    /// Null when the printed figure is reproduced.
    /// </summary>
    public Finding? CheckPrinted(string printed, string? source = null)
    {
        const string where = "nilai evaluasi AKIP";
        var parsed = IndonesianNumber.Parse(printed.Trim());
        if (!parsed.Success)
            return new Finding(Severity.Warning, PrintedFigureCheck.Rule, "Evaluasi", where, $"nilai tercetak \"{printed}\" tidak terbaca sebagai angka");
        var value = parsed.Value;
        if (PrintedPercent.Reproduces(value, Total))
            return null;
        var parts = string.Join(" + ", Components.Select(c => IndonesianNumber.Format(c.Score, Decimals)));
        var from = source is null ? "" : $" ({source})";
        return new Finding(Severity.Error, PrintedFigureCheck.Rule, "Evaluasi", where,
            $"nilai tercetak {printed}{from} tidak dapat dihasilkan dari nilai komponen; seharusnya {Display} ({parts}), predikat {Grade.Grade}");
    }
}
