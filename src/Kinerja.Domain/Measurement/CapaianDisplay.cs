using Kinerja.Domain.Model;

namespace Kinerja.Domain.Measurement;

/// <summary>How capaian figures read in tables and documents, the agency's way (docs/rules.md §4 rounding, §12 format).</summary>
public static class CapaianDisplay
{
    /// <summary>"98,19%", "N/A" for a not-available realisasi, "-" when nothing can be computed.</summary>
    public static string Text(AgencyProfile profile, Capaian capaian) => capaian.Status switch
    {
        CapaianStatus.Computed => profile.FormatPercent(capaian.Value),
        CapaianStatus.NotAvailable => "N/A",
        _ => "-",
    };

    public static string Percent(AgencyProfile profile, decimal? value) => value is { } v ? profile.FormatPercent(v) : "-";
}
