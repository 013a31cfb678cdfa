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
}

/// <summary>
/// An aggregate as the source report printed it (sheet AngkaTercetak), kept so `check` can compare it with
/// what the engine computes (docs/rules.md §10): seed 000 SS-2 93,93; seed 003 Tabel 3.5 800% for 220,25%.
/// </summary>
public sealed record PrintedFigure(PrintedFigureKind Kind, string? Code, Period Period, string Value, string? Source)
{
    /// <summary>The workbook row, for findings; 0 when not from a sheet.</summary>
    public int SourceRow { get; init; }
}
