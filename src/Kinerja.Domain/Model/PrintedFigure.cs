using Kinerja.Domain.Values;

namespace Kinerja.Domain.Model;

/// <summary>Which computed aggregate a printed figure stands for.</summary>
public enum PrintedFigureKind
{
    /// <summary>Capaian of a plan node (sasaran or tujuan): the mean of its indicators.</summary>
    Sasaran,

    /// <summary>The agency capaian: the mean of the top sasaran.</summary>
    Instansi,

    /// <summary>Renstra progress of an indicator: realisasi / end-of-Renstra target.</summary>
    Kemajuan,

    /// <summary>Efficiency of an indicator (Difference, Savings) or of a sasaran (Ratio).</summary>
    Efisiensi,

    /// <summary>A pagu in Rupiah: of a budget line (code) or of the whole budget (no code).</summary>
    Pagu,

    /// <summary>A realisasi anggaran in Rupiah: of a budget line (code) or of the whole budget (no code).</summary>
    RealisasiAnggaran,

    /// <summary>Savings in Rupiah, pagu - realisasi: of a budget line (code) or of the whole budget (no code).</summary>
    Penghematan,

    /// <summary>Cost per output in Rupiah: the realisasi of the budget lines funding an indicator / the indicator's realisasi.</summary>
    BiayaPerOutput,

    /// <summary>The Jumlah a Perjanjian Kinerja prints under its budget (code: the version, no code = the version in force).</summary>
    AnggaranPK,
}

/// <summary>
/// An aggregate as the source report printed it (sheet AngkaTercetak), kept so `check` can compare it with
/// what the engine computes (docs/rules.md §10): seed 000 SS-2 93,93; seed 003 Tabel 3.5 800% for 220,25%; amounts
/// a report prints in its text (seed 003: pagu Rp 12.081.204.858, realisasi 10.066.484.952) and a PK's Jumlah.
/// </summary>
public sealed record PrintedFigure(PrintedFigureKind Kind, string? Code, Period Period, string Value, string? Source)
{
    /// <summary>Whether the figure is an amount in Rupiah (compared exactly) rather than a percentage or ratio (compared at the decimals printed).</summary>
    public bool IsAmount => Kind is PrintedFigureKind.Pagu or PrintedFigureKind.RealisasiAnggaran or PrintedFigureKind.Penghematan or PrintedFigureKind.BiayaPerOutput or PrintedFigureKind.AnggaranPK;

    /// <summary>The workbook row, for findings; 0 when not from a sheet.</summary>
    public int SourceRow { get; init; }

    /// <summary>
    /// Why this figure is a known publication error (column Kesalahan Publikasi): the published report printed it wrongly and
    /// the planner has said so. Its finding stays in the check, as a warning with this reason, and no longer refuses a final.
    /// </summary>
    public string? KnownError { get; init; }
}
