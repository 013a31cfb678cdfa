using Kinerja.Domain.Model;

namespace Kinerja.Domain.Validation;

/// <summary>
/// The budget of each Perjanjian Kinerja version (sheet AnggaranPK) checked as the realisasi budget is
/// (docs/rules.md §7: every parent equals the sum of its children): within one version, a programme's pagu equals
/// the sum of its kegiatan, a kegiatan's the sum of its sub kegiatan; a code is used once; a parent exists. The
/// PK's own printed Jumlah is checked against the sum of its programmes through sheet AngkaTercetak (kind
/// AnggaranPK, <see cref="PrintedFigureCheck"/>). Versions are never compared with each other: a PK Perubahan
/// exists to change the amounts (seed 000 Tabel 2.3: 6.100.160.508.000 in January, 6.144.346.237.000 in December).
/// </summary>
public sealed class PkBudgetCheck : IDatasetCheck
{
    public const string Sheet = "AnggaranPK";

    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        foreach (var version in data.PkVersions.OrderBy(v => v.Id))
        {
            foreach (var finding in Check(version))
                yield return finding;
        }
    }

    public static IEnumerable<Finding> Check(PkVersion version)
    {
        var lines = version.Budget;
        if (lines.Count == 0)
            yield break;
        var label = version.Id.Title;
        foreach (var duplicate in lines.GroupBy(l => l.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = duplicate.First();
            yield return At(Severity.Error, "anggaran-pk-kode-ganda", first,
                $"{label}: kode {first.Code} dipakai oleh {duplicate.Count()} baris ({string.Join(", ", duplicate.Select(Label))}); setiap baris anggaran PK harus berkode unik dalam satu versi");
        }

        var byCode = lines.GroupBy(l => l.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var orphan in lines.Where(l => !string.IsNullOrWhiteSpace(l.ParentCode) && !byCode.ContainsKey(l.ParentCode!)))
        {
            yield return At(Severity.Error, "anggaran-pk-induk-tidak-ada", orphan,
                $"{label}: induk \"{orphan.ParentCode}\" tidak ada di antara baris anggaran {version.Id.Code}; baris ini dihitung sebagai program");
        }

        var children = lines.Where(l => !string.IsNullOrWhiteSpace(l.ParentCode) && byCode.ContainsKey(l.ParentCode!))
            .ToLookup(l => l.ParentCode!, StringComparer.Ordinal);
        foreach (var parent in byCode.Values)
        {
            var below = children[parent.Code].ToList();
            if (below.Count == 0)
                continue;
            var sum = below.Sum(l => l.Pagu);
            if (sum == parent.Pagu)
                continue;
            var parts = string.Join(" + ", below.Select(l => $"{Label(l)} {BudgetWords.Rp(l.Pagu)}"));
            yield return At(Severity.Error, "anggaran-pk-jumlah-rincian", parent,
                $"{label}: pagu {Label(parent)} tercetak {BudgetWords.Rp(parent.Pagu)} tidak sama dengan jumlah {below.Count} baris rinciannya {BudgetWords.Rp(sum)} ({parts}), selisih {BudgetWords.Rp(Math.Abs(parent.Pagu - sum))} (tercetak {(parent.Pagu < sum ? "lebih kecil" : "lebih besar")}); angka baris ini atau salah satu baris rinciannya salah");
        }
    }

    /// <summary>The PK's total as the engine sums it: its top lines (programmes; lines whose parent is missing count as top lines).</summary>
    public static decimal Total(PkVersion version)
    {
        var codes = version.Budget.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        return version.Budget.Where(l => string.IsNullOrWhiteSpace(l.ParentCode) || !codes.Contains(l.ParentCode!)).Sum(l => l.Pagu);
    }

    /// <summary>The top lines of a version, for findings that name them.</summary>
    public static IReadOnlyList<PkBudgetLine> Top(PkVersion version)
    {
        var codes = version.Budget.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        return version.Budget.Where(l => string.IsNullOrWhiteSpace(l.ParentCode) || !codes.Contains(l.ParentCode!)).ToList();
    }

    internal static string Label(PkBudgetLine line) => line.SourceRow > 0 ? $"{line.Code} (baris {line.SourceRow})" : line.Code;

    private static Finding At(Severity severity, string rule, PkBudgetLine line, string message) =>
        new(severity, rule, Sheet, $"{line.Version.Code} {line.Code}", $"\"{line.Name}\": {message}") { Row = line.SourceRow > 0 ? line.SourceRow : null };
}
