using Kinerja.Domain.Values;

namespace Kinerja.Domain.Model;

/// <summary>An organisational unit (the instansi itself, Eselon I-IV, UPT) and the official who heads it.</summary>
public sealed record OrgUnit
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? ParentCode { get; init; }

    public string? Level { get; init; }

    public Official? Head { get; init; }
}

/// <summary>The holder of a position; Plt/Plh must show on PK and signature blocks.</summary>
public sealed record Official(string Position, string Name, string? Nip, string? Rank, ActingStatus Acting)
{
    /// <summary>"Plt. Kepala Dinas" for an acting holder, the plain position otherwise.</summary>
    public string SigningPosition => Acting switch
    {
        ActingStatus.Plt => "Plt. " + Position,
        ActingStatus.Plh => "Plh. " + Position,
        _ => Position,
    };
}

/// <summary>A node of the plan chain: Tujuan, Sasaran Strategis/Program/Kegiatan, Sasaran, Program, Kegiatan, Sub Kegiatan.</summary>
public sealed record PlanNode
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required PlanLevel Level { get; init; }

    public string? ParentCode { get; init; }

    public string? UnitCode { get; init; }
}
