namespace Kinerja.Domain.Evaluation;

/// <summary>One answer of a scale with its value (1 = fully met, 0 = not met).</summary>
public sealed record AnswerOption(string Code, string Label, decimal Value);

/// <summary>An answer scale of the LKE (Y/T, A/B/C, A-E): criteria refer to it by code.</summary>
public sealed record AnswerScale(string Code, string Name, IReadOnlyList<AnswerOption> Options)
{
    public AnswerOption? Find(string? answer) =>
        answer is null ? null : Options.FirstOrDefault(o => string.Equals(o.Code, answer.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>A grade band: the score is strictly above <see cref="Above"/> (null: the lowest band, everything else).</summary>
public sealed record GradeBand(string Grade, decimal? Above, string Interpretation);

/// <summary>A criterion of the LKE with its text as the worksheet words it and the scale it is answered on.</summary>
public sealed record Criterion(string Code, string Text, string ScaleCode, string? TextNote)
{
    public string SubComponentCode => Code[..Code.LastIndexOf('.')];
}

/// <summary>A sub-component (keberadaan, kualitas, pemanfaatan) with its weight and criteria.</summary>
public sealed record SubComponent(string Code, string Kind, string Name, decimal Weight, IReadOnlyList<Criterion> Criteria);

/// <summary>A component (Perencanaan, Pengukuran, Pelaporan, Evaluasi Internal) with its weight.</summary>
public sealed record Component(string Code, string Name, decimal Weight, IReadOnlyList<SubComponent> SubComponents);

/// <summary>
/// An evaluation worksheet (LKE) as data: components, sub-components, criteria, weights, answer scales and
/// grade bands. A regulation's worksheet is one versioned file (Evaluation/Worksheets); a round keeps the
/// <see cref="Id"/> and <see cref="Version"/> it was started with, so a later worksheet never changes an old score.
/// </summary>
public sealed class Worksheet
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public required string Title { get; init; }

    public required string Regulation { get; init; }

    public string? Note { get; init; }

    public required IReadOnlyList<AnswerScale> Scales { get; init; }

    /// <summary>Bands from the highest to the lowest.</summary>
    public required IReadOnlyList<GradeBand> Grades { get; init; }

    public required IReadOnlyList<Component> Components { get; init; }

    /// <summary>"id@version", the key a round stores.</summary>
    public string Key => $"{Id}@{Version}";

    public IEnumerable<SubComponent> SubComponents => Components.SelectMany(c => c.SubComponents);

    public IEnumerable<Criterion> Criteria => SubComponents.SelectMany(s => s.Criteria);

    public Criterion? FindCriterion(string code) => Criteria.FirstOrDefault(c => c.Code == code);

    public AnswerScale ScaleOf(Criterion criterion) => Scales.First(s => s.Code == criterion.ScaleCode);

    /// <summary>
    /// The band of a score: the first band whose lower bound the score is strictly above; a score equal to a
    /// bound falls in the band below (90 is A, 90,01 is AA). The score given is the rounded total.
    /// </summary>
    public GradeBand Grade(decimal score) => Grades.First(g => g.Above is null || score > g.Above.Value);
}
