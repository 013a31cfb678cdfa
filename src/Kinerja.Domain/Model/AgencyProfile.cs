using Kinerja.Domain.Measurement;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Model;

/// <summary>
/// The agency's habits (docs/rules.md: where the reports differ, the rule is a setting). Every
/// calculation reads its choices from here, never from constants in code.
/// </summary>
public sealed record AgencyProfile
{
    public required string Agency { get; init; }

    public AgencyKind Kind { get; init; } = AgencyKind.KL;

    public required int Year { get; init; }

    /// <summary>The period the report is about: the year, or a quarter of it.</summary>
    public required Period ReportPeriod { get; init; }

    public int? RenstraStart { get; init; }

    public int? RenstraEnd { get; init; }

    public LowerIsBetterMethod LowerIsBetterMethod { get; init; } = LowerIsBetterMethod.A;

    /// <summary>Upper limit on an indicator's capaian in percent (e.g. 120); null = no cap.</summary>
    public decimal? CapaianCap { get; init; }

    public RoundingMode Rounding { get; init; } = RoundingMode.HalfUp;

    public int Decimals { get; init; } = 2;

    /// <summary>
    /// Rounding of realisasi computed from counts, when it differs from the capaian's (Banjar prints
    /// 882 / 1.762 = 50,0567 as 50,05 but rounds its capaian half-up); null = same as <see cref="Rounding"/>.
    /// </summary>
    public RoundingMode? RealisasiRounding { get; init; }

    /// <summary>
    /// Rounding of Renstra progress (realisasi / end target), when it differs from the capaian's
    /// (Banjar Tabel 3.5 truncates: 50,05 / 60 = 83,4167 printed 83,41); null = same as <see cref="Rounding"/>.
    /// </summary>
    public RoundingMode? ProgressRounding { get; init; }

    public PredicateScale PredicateScale { get; init; } = PredicateScale.TwoState;

    /// <summary>
    /// Whether tables show the status column beside the category: Tercapai / Tidak Tercapai tetapi Meningkat /
    /// Tidak Tercapai, "meningkat" comparing this year's realisasi with last year's by polarity (docs/rules.md §6).
    /// </summary>
    public bool ShowStatus { get; init; }

    public SasaranAggregation SasaranAggregation { get; init; } = SasaranAggregation.Mean;

    public EfficiencyMethod EfficiencyMethod { get; init; } = EfficiencyMethod.Ratio;

    /// <summary>The official the head reports to (Bupati, Menteri, Sekretaris Jenderal): the second party of the Perjanjian Kinerja.</summary>
    public Official? Superior { get; init; }

    /// <summary>Where documents are signed (e.g. "Martapura"); null leaves the place to fill in by hand.</summary>
    public string? SigningPlace { get; init; }

    /// <summary>When the annual and quarterly reports are signed ("Februari 2026"); null leaves the date to a draft's dotted line.</summary>
    public SigningDate? SigningDate { get; init; }

    /// <summary>
    /// The APIP official who reviewed the annual report (Inspektur Jenderal, Inspektur Kabupaten): signs the
    /// Pernyataan Telah Direviu (PermenPANRB 53/2014) at the front of the Laporan Kinerja; null = not yet reviewed.
    /// </summary>
    public Official? Reviewer { get; init; }

    /// <summary>When the reviewer signed the Pernyataan Telah Direviu.</summary>
    public SigningDate? ReviewDate { get; init; }

    /// <summary>The body above the agency on the cover ("PEMERINTAH KABUPATEN BANJAR", "KEMENTERIAN KETENAGAKERJAAN REPUBLIK INDONESIA").</summary>
    public string? ParentBody { get; init; }

    /// <summary>The logo printed centred on the cover: PNG or JPEG bytes, checked on import (type and size); null = none.</summary>
    public Logo? Logo { get; init; }

    /// <summary>A negative amount (sisa over budget) as "(3.625.000)" rather than "-3.625.000".</summary>
    public bool NegativeInParentheses { get; init; }

    /// <summary>"Rp 12.081.204.858" (true, the default) or "Rp12.081.204.858".</summary>
    public bool RupiahWithSpace { get; init; } = true;

    /// <summary>Print amounts in words (terbilang) under the PK budget total, as seed 002 prints its pagu.</summary>
    public bool AmountsInWords { get; init; }

    /// <summary>Absorption target in percent (e.g. 98,41), against which absorption is judged.</summary>
    public decimal? AbsorptionTarget { get; init; }

    /// <summary>Formats a percentage the agency's way: "98,19%".</summary>
    public string FormatPercent(decimal value) => IndonesianNumber.Format(value, Decimals, Rounding) + "%";

    /// <summary>Formats a Renstra progress figure with the progress rounding.</summary>
    public string FormatProgressPercent(decimal value) => IndonesianNumber.Format(value, Decimals, ProgressRounding ?? Rounding) + "%";

    /// <summary>Formats a realisasi computed from counts, with the realisasi rounding.</summary>
    public string FormatRealisasiPercent(decimal value) => IndonesianNumber.Format(value, Decimals, RealisasiRounding ?? Rounding) + "%";

    public decimal RoundForDisplay(decimal value) => Values.Rounding.Apply(value, Decimals, Rounding);
}

/// <summary>An image for the cover, with its pixel size so a document keeps its proportions.</summary>
public sealed record Logo(byte[] Bytes, bool IsPng, int Width, int Height);
