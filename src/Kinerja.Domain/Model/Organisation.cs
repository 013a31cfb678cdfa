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
    private static readonly string[] PoliticalPositions =
        ["Presiden", "Wakil Presiden", "Menteri", "Wakil Menteri", "Gubernur", "Wakil Gubernur", "Bupati", "Wakil Bupati", "Wali Kota", "Walikota", "Wakil Wali Kota", "Wakil Walikota", "Kepala Daerah"];

    /// <summary>Whether the workbook says the holder is a political office holder; null = decided from the position.</summary>
    public bool? PoliticalOfficeEntered { get; init; }

    /// <summary>
    /// A political office holder (Presiden, Menteri, Gubernur, Bupati, Wali Kota): no NIP and no pangkat on the
    /// signature block. Decided from the position when the workbook does not say; a Penjabat (Pj.) Bupati is a
    /// civil servant and says so by its position.
    /// </summary>
    public bool IsPoliticalOffice => PoliticalOfficeEntered ?? IsPoliticalPosition(Position);

    public static bool IsPoliticalPosition(string position)
    {
        var text = position.Trim();
        return PoliticalPositions.Any(p => text.StartsWith(p + " ", StringComparison.OrdinalIgnoreCase) || string.Equals(text, p, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The NIP in its groups ("19751108 199903 2 005"); null for a political office or when not entered.</summary>
    public string? PrintedNip => IsPoliticalOffice || string.IsNullOrWhiteSpace(Nip) ? null : Signing.Nip.Format(Nip);

    /// <summary>Pangkat with golongan ("Pembina Utama Muda (IV/c)"); null for a political office or when not entered.</summary>
    public string? PrintedRank => IsPoliticalOffice ? null : Signing.CivilServiceRank.Format(Rank);

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
