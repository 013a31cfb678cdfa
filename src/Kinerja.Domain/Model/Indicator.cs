using Kinerja.Domain.Values;

namespace Kinerja.Domain.Model;

/// <summary>A performance indicator (IKU/IKSS/IKP/IKK/IK) and how it is measured.</summary>
public sealed record Indicator
{
    public required string Code { get; init; }

    /// <summary>Code of the plan node (tujuan/sasaran) this indicator measures.</summary>
    public required string GoalCode { get; init; }

    /// <summary>
    /// Further plan nodes the same indicator measures (the same IKU under a tujuan and a sasaran): entered once,
    /// shown in each node's table and counted in each node's own mean, once.
    /// </summary>
    public IReadOnlyList<string> OtherGoalCodes { get; init; } = [];

    /// <summary>Every plan node this indicator measures: <see cref="GoalCode"/> first.</summary>
    public IEnumerable<string> GoalCodes => OtherGoalCodes.Count == 0 ? [GoalCode] : OtherGoalCodes.Prepend(GoalCode);

    /// <summary>Whether this indicator measures the plan node.</summary>
    public bool Measures(string goalCode) => GoalCode == goalCode || OtherGoalCodes.Contains(goalCode, StringComparer.Ordinal);

    public required string Name { get; init; }

    public string Satuan { get; init; } = "";

    public IndicatorType Type { get; init; } = IndicatorType.Unspecified;

    public Polarity Polarity { get; init; } = Polarity.HigherIsBetter;

    public TargetKind TargetKind { get; init; } = TargetKind.Number;

    /// <summary>Overrides the agency's lower-is-better method for this indicator.</summary>
    public LowerIsBetterMethod? LowerMethod { get; init; }

    public PeriodAggregation Aggregation { get; init; } = PeriodAggregation.Last;

    /// <summary>
    /// Whether a target or realisasi below zero is a real figure for this indicator (a growth rate: pertumbuhan
    /// ekonomi -2,1%). Off by default: for a count, a share or an index a minus sign is a typing error, refused at import.
    /// </summary>
    public bool AllowsNegative { get; init; }

    /// <summary>Weight in the sasaran's weighted mean; null = 1.</summary>
    public decimal? Weight { get; init; }

    public OrdinalScale? OrdinalScale { get; init; }

    public string? FormulaText { get; init; }

    /// <summary>The computable formula over data elements (e.g. <c>#{ditempatkan} / #{terdaftar} * 100</c>); see Formulas/.</summary>
    public string? FormulaExpression { get; init; }

    public string? DataSource { get; init; }

    /// <summary>Unit code of the responsible official.</summary>
    public string? OwnerUnitCode { get; init; }

    /// <summary>
    /// The programme, kegiatan or sub kegiatan that carries the indicator, as the PK prints it ("Kegiatan : Administrasi
    /// Keuangan Perangkat Daerah", seed 003 Tabel 2.3), for reports that print no official code for it; null = none given.
    /// </summary>
    public string? Activity { get; init; }
}

/// <summary>A target for one period. Quarterly targets are either cumulative ("s.d. TW") or for that quarter alone.</summary>
public sealed record Target(string IndicatorCode, Period Period, MeasuredValue Value, bool Cumulative = true, string? Document = null);

/// <summary>A measured value for one period; N/A carries its reason, a provisional figure its source.</summary>
public sealed record Realisasi(string IndicatorCode, Period Period, MeasuredValue? Value, RealisasiStatus Status = RealisasiStatus.Final, string? Note = null)
{
    /// <summary>The capaian the source report printed, kept for the consistency checks.</summary>
    public string? PrintedCapaian { get; init; }

    public bool IsNotAvailable => Status == RealisasiStatus.NotAvailable || Value is null;
}

/// <summary>The same indicator measured for the province or the nation (docs/rules.md §5 benchmarks).</summary>
/// <summary>Value is null when the source has no figure (N/A) for that region.</summary>
public sealed record Benchmark(string IndicatorCode, Period Period, string Level, string Name, MeasuredValue? Value);

public sealed record Narrative(string GoalCode, string Kind, string Text);
