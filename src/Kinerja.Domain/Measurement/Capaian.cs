namespace Kinerja.Domain.Measurement;

public enum CapaianStatus
{
    Computed,

    /// <summary>Realisasi is N/A: shown with its reason, excluded from means.</summary>
    NotAvailable,

    NoTarget,

    NoRealisasi,

    /// <summary>Target and realisasi exist but no rule gives a capaian (e.g. target 0 with higher-is-better).</summary>
    NotComputable,
}

/// <summary>The achievement of one indicator in one period, at full precision.</summary>
public readonly record struct Capaian(CapaianStatus Status, decimal Value, decimal Uncapped, string? Reason)
{
    public bool HasValue => Status == CapaianStatus.Computed;

    public bool WasCapped => HasValue && Value != Uncapped;

    public static Capaian Of(decimal value, decimal? cap)
    {
        var floored = value < 0 ? 0 : value;
        var capped = cap is { } c && floored > c ? c : floored;
        return new(CapaianStatus.Computed, capped, floored, null);
    }

    public static Capaian Missing(CapaianStatus status, string reason) => new(status, 0, 0, reason);
}
