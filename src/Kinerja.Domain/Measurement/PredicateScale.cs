namespace Kinerja.Domain.Measurement;

/// <summary>One band of a predicate scale: capaian above (or at, when Inclusive) the threshold earns the label.</summary>
public sealed record PredicateBand(decimal? Threshold, bool Inclusive, string Label, string Color);

/// <summary>
/// Maps a capaian to a category (docs/rules.md §6). A scale is data: the presets below, or an
/// agency's own bands. Bands are checked best first; the last band has no threshold.
/// </summary>
public sealed record PredicateScale
{
    public PredicateScale(string name, IReadOnlyList<PredicateBand> bandsBestFirst)
    {
        if (bandsBestFirst.Count == 0)
            throw new ArgumentException("skala predikat tanpa kategori", nameof(bandsBestFirst));
        if (bandsBestFirst[^1].Threshold is not null)
            throw new ArgumentException("kategori terakhir harus tanpa batas bawah agar skala tidak berlubang", nameof(bandsBestFirst));
        for (var i = 1; i < bandsBestFirst.Count - 1; i++)
        {
            if (bandsBestFirst[i].Threshold > bandsBestFirst[i - 1].Threshold)
                throw new ArgumentException("batas kategori harus menurun", nameof(bandsBestFirst));
        }

        Name = name;
        Bands = bandsBestFirst;
    }

    public string Name { get; }

    public IReadOnlyList<PredicateBand> Bands { get; }

    /// <summary>Permendagri 86/2017, made contiguous: &gt;90, &gt;75, &gt;65, &gt;50, otherwise.</summary>
    public static PredicateScale Permendagri86 { get; } = new("Permendagri86",
    [
        new(90m, false, "Sangat Tinggi", "#1b7f3b"),
        new(75m, false, "Tinggi", "#6aa84f"),
        new(65m, false, "Sedang", "#f1c232"),
        new(50m, false, "Rendah", "#e69138"),
        new(null, false, "Sangat Rendah", "#cc0000"),
    ]);

    public static PredicateScale TwoState { get; } = new("DuaStatus",
    [
        new(100m, true, "Tercapai", "#1b7f3b"),
        new(null, false, "Tidak Tercapai", "#cc0000"),
    ]);

    /// <summary>Traffic light: green &gt; 90, yellow 70-90, red &lt; 70.</summary>
    public static PredicateScale TrafficLight { get; } = new("LampuLalin",
    [
        new(90m, false, "Hijau", "#1b7f3b"),
        new(70m, true, "Kuning", "#f1c232"),
        new(null, false, "Merah", "#cc0000"),
    ]);

    public static IReadOnlyList<PredicateScale> Presets { get; } = [Permendagri86, TwoState, TrafficLight];

    public static PredicateScale? FindPreset(string? name) =>
        Presets.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public PredicateBand Classify(decimal capaian)
    {
        foreach (var band in Bands)
        {
            if (band.Threshold is not { } t || capaian > t || (band.Inclusive && capaian == t))
                return band;
        }

        return Bands[^1];
    }

    /// <summary>
    /// The category of a capaian as the table shows it (docs/rules.md §6): the band is decided on the capaian
    /// rounded for display, so "100,00%" is never "Tidak Tercapai" and 90,004 and 90, both shown "90,00%",
    /// fall in the same band. Callers pass the displayed value (<see cref="Model.AgencyProfile.RoundForDisplay"/>).
    /// </summary>
    public string Label(decimal displayedCapaian) => Classify(displayedCapaian).Label;
}
