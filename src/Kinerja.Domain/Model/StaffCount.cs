namespace Kinerja.Domain.Model;

/// <summary>
/// One cell of a staffing table (BAB I, Sumber Daya Manusia): how many employees fall in a category
/// of one dimension, e.g. Golongan "III" = 22. Counts are as entered; a report sums them, never edits them.
/// </summary>
/// <param name="UnitCode">The unit the count belongs to, or null for the whole agency.</param>
/// <param name="Dimension">What the table groups by: Golongan, Pendidikan, Jabatan, JenisKelamin, Status (free text).</param>
/// <param name="Category">The row of that table: "IV", "S2", "PNS", "PPPK".</param>
/// <param name="Count">Number of employees, at least 0.</param>
public sealed record StaffCount(string? UnitCode, string Dimension, string Category, int Count)
{
    /// <summary>
    /// Laki-laki ("L") or Perempuan ("P") when the count is split by sex; null = both. Counts of one dimension split
    /// by sex print as one table: the categories down, L, P and Jumlah across (staff by golongan and jenis kelamin).
    /// </summary>
    public string? Sex { get; init; }
}
