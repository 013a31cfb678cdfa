namespace Kinerja.Domain.Model;

/// <summary>
/// One line of a budget as the agency codes it (K/L: kegiatan/KRO/RO/komponen; Pemda:
/// program/kegiatan/sub kegiatan; or a spending type). Amounts are what was entered; parents are
/// checked against their children, never overwritten.
/// </summary>
public sealed record BudgetLine
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? ParentCode { get; init; }

    public string? Level { get; init; }

    /// <summary>
    /// Depth as printed (1 = top row, 2 = a row under the nearest preceding 1, ...), for sources that show
    /// the hierarchy by indentation or a level number instead of parent codes; null when not given.
    /// </summary>
    public int? Depth { get; init; }

    /// <summary>
    /// A grouping row printed without amounts (a program heading, "Dinas" / "UPTD"): its figures are those of
    /// the rows under it, never entered; its pagu and realisasi hold 0 and are not compared.
    /// </summary>
    public bool IsHeading { get; init; }

    /// <summary>The file the line was read from when it is not the workbook's own sheet (a finance CSV), so findings name it.</summary>
    public string? Source { get; init; }

    public required decimal Pagu { get; init; }

    /// <summary>Blokir as entered; null when the cell was blank (not given: a parent then carries the sum of its children's blokir).</summary>
    public decimal? Blokir { get; init; }

    public required decimal Realisasi { get; init; }

    public decimal? PrintedAbsorption { get; init; }

    /// <summary>Realisasi of each quarter alone (TW I, TW II, ...) when the source gives them; empty otherwise.</summary>
    public IReadOnlyList<decimal> QuarterlyRealisasi { get; init; } = [];

    /// <summary>Sasaran or indicator codes this line funds.</summary>
    public IReadOnlyList<string> Funds { get; init; } = [];

    /// <summary>Position in the source (sheet row), to point findings at.</summary>
    public int SourceRow { get; init; }

    public decimal Sisa => Pagu - Realisasi;

    /// <summary>Penyerapan in percent of pagu; null when pagu is 0.</summary>
    public decimal? Absorption => Pagu == 0 ? null : Realisasi / Pagu * 100m;
}
