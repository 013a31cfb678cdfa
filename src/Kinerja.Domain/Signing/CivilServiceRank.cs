namespace Kinerja.Domain.Signing;

/// <summary>
/// Pangkat and golongan/ruang of a civil servant (PNS), printed together as signature blocks have
/// them: "Pembina Utama Muda (IV/c)". Either half alone is completed from the other.
/// </summary>
public static class CivilServiceRank
{
    private static readonly (string Golongan, string Pangkat)[] Table =
    [
        ("I/a", "Juru Muda"), ("I/b", "Juru Muda Tingkat I"), ("I/c", "Juru"), ("I/d", "Juru Tingkat I"),
        ("II/a", "Pengatur Muda"), ("II/b", "Pengatur Muda Tingkat I"), ("II/c", "Pengatur"), ("II/d", "Pengatur Tingkat I"),
        ("III/a", "Penata Muda"), ("III/b", "Penata Muda Tingkat I"), ("III/c", "Penata"), ("III/d", "Penata Tingkat I"),
        ("IV/a", "Pembina"), ("IV/b", "Pembina Tingkat I"), ("IV/c", "Pembina Utama Muda"), ("IV/d", "Pembina Utama Madya"), ("IV/e", "Pembina Utama"),
    ];

    /// <summary>
    /// "Pembina Utama Muda" -> "Pembina Utama Muda (IV/c)"; "IV/c" -> "Pembina Utama Muda (IV/c)"; a rank that
    /// already carries its golongan, or one not in the PNS table (a PPPK grade, a TNI rank), is kept as written.
    /// </summary>
    public static string? Format(string? rank)
    {
        if (string.IsNullOrWhiteSpace(rank))
            return null;
        var text = rank.Trim();
        if (text.Contains('/', StringComparison.Ordinal) && text.Any(char.IsLetter) && text.Contains(' ', StringComparison.Ordinal))
            return text; // "Pembina (IV/a)", "Pembina, IV/a": already both
        foreach (var (golongan, pangkat) in Table)
        {
            if (string.Equals(text, pangkat, StringComparison.OrdinalIgnoreCase) || string.Equals(text, pangkat.Replace("Tingkat I", "Tk. I", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
                return $"{text} ({golongan})";
            if (string.Equals(text, golongan, StringComparison.OrdinalIgnoreCase))
                return $"{pangkat} ({golongan})";
        }

        return text;
    }
}
