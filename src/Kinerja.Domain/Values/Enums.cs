namespace Kinerja.Domain.Values;

/// <summary>Whether a higher realisasi is better (maksimal) or a lower one (minimal).</summary>
public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>The two lower-is-better formulas in use (docs/rules.md §4).</summary>
public enum LowerIsBetterMethod
{
    /// <summary>(2 x target - realisasi) / target x 100, floored at 0.</summary>
    A,

    /// <summary>target / realisasi x 100.</summary>
    B,
}

public enum TargetKind
{
    Number,
    Range,
    Ordinal,
    Score,
    Zero,
    Text,
}

/// <summary>How values of several periods combine into one (quarters into a year).</summary>
public enum PeriodAggregation
{
    /// <summary>Flows (people placed): quarters add up.</summary>
    Sum,

    /// <summary>Stocks, rates and indices: the value at the end of the period stands (TW IV for the year).</summary>
    Last,

    Average,
}

public enum IndicatorType
{
    Unspecified,
    Input,
    Output,
    Outcome,
    Impact,
}

public enum AgencyKind
{
    /// <summary>Kementerian/Lembaga: SS -> SP -> SK.</summary>
    KL,

    /// <summary>Pemerintah Daerah: Tujuan -> Sasaran -> Program -> Kegiatan -> Sub Kegiatan.</summary>
    Pemda,
}

public enum RealisasiStatus
{
    Final,

    /// <summary>Carried from an earlier survey or a projection; shown with a footnote.</summary>
    Provisional,

    /// <summary>Not measurable yet; never counted as 0.</summary>
    NotAvailable,
}

public enum ActingStatus
{
    Definitive,

    /// <summary>Pelaksana Tugas.</summary>
    Plt,

    /// <summary>Pelaksana Harian.</summary>
    Plh,
}

public enum SasaranAggregation
{
    Mean,
    Weighted,
}

public enum EfficiencyMethod
{
    /// <summary>capaian / penyerapan (Kemnaker Tabel 3.24).</summary>
    Ratio,

    /// <summary>capaian % - penyerapan %, for capaian >= 100 (Banjar Tabel 3.7).</summary>
    Difference,

    /// <summary>(pagu - realisasi) / pagu, claimed where capaian >= 100.</summary>
    Savings,
}

public enum PlanLevel
{
    Tujuan,
    SasaranStrategis,
    SasaranProgram,
    SasaranKegiatan,
    Sasaran,
    Program,
    Kegiatan,
    SubKegiatan,
}
