namespace Kinerja.Domain.Values;

/// <summary>
/// An ordered list of grades, best first (e.g. Opini BPK: WTP, WDP, TW, TMP). Rank 1 is the worst
/// grade, so rank(realisasi) / rank(target) is the capaian below target (docs/rules.md §4).
/// </summary>
public sealed record OrdinalScale(string Name, IReadOnlyList<string> GradesBestFirst)
{
    public static OrdinalScale OpiniBpk { get; } = new("OpiniBPK", ["WTP", "WDP", "TW", "TMP"]);

    public static OrdinalScale NilaiSakip { get; } = new("NilaiSAKIP", ["AA", "A", "BB", "B", "CC", "C", "D"]);

    public static IReadOnlyList<OrdinalScale> Presets { get; } = [OpiniBpk, NilaiSakip];

    public static OrdinalScale? Find(string? name) =>
        Presets.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>1 for the worst grade up to Count for the best; 0 if not a grade of this scale.</summary>
    public int Rank(string grade)
    {
        var index = GradesBestFirst.ToList().FindIndex(g => string.Equals(g, grade.Trim(), StringComparison.OrdinalIgnoreCase));
        return index < 0 ? 0 : GradesBestFirst.Count - index;
    }

    public string? Normalize(string grade)
    {
        var rank = Rank(grade);
        return rank == 0 ? null : GradesBestFirst[GradesBestFirst.Count - rank];
    }
}
