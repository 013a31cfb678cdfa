using Kinerja.Domain.Budget;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Validation;

/// <summary>
/// Issue 24 item 1: plan and budget rows written in the official codes are checked against the official lists
/// (<see cref="Nomenclature"/>): a Pemda code the list covers but does not hold, or a name that is not the official
/// name of its code, is a warning naming the nearest official entry. Codes of the agency's own making (P1.K1) and
/// codes outside the list's coverage are not judged.
/// </summary>
public sealed class NomenclatureCheck : IDatasetCheck
{
    public const string UnknownCodeRule = "nomenklatur-kode-tidak-dikenal";

    public const string OtherNameRule = "nomenklatur-nama-berbeda";

    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        foreach (var finding in Check(data.Budget))
            yield return finding;
        foreach (var version in data.PkVersions)
        {
            foreach (var line in version.Budget)
            {
                if (Judge(line.Code, line.Name, line.Level) is { } verdict)
                    yield return new Finding(Severity.Warning, verdict.Rule, "AnggaranPK", line.Code, $"\"{line.Name}\" (PK {version.Id}): {verdict.Message}") { Row = line.SourceRow > 0 ? line.SourceRow : null };
            }
        }

        foreach (var node in data.Plan.Where(n => n.Level is PlanLevel.Program or PlanLevel.Kegiatan or PlanLevel.SubKegiatan))
        {
            if (Judge(node.Code, node.Name, node.Level.ToString()) is { } verdict)
                yield return new Finding(Severity.Warning, verdict.Rule, "Rencana", node.Code, $"\"{node.Name}\": {verdict.Message}");
        }
    }

    public static IEnumerable<Finding> Check(IReadOnlyList<BudgetLine> lines)
    {
        foreach (var line in lines)
        {
            if (Judge(line.Code, line.Name, line.Level) is { } verdict)
                yield return new Finding(Severity.Warning, verdict.Rule, line.Source ?? BudgetWords.Sheet, line.Code, $"\"{line.Name}\": {verdict.Message}") { Row = line.SourceRow > 0 ? line.SourceRow : null };
        }
    }

    /// <summary>The rule and message for one coded row, or null when the row is official or not judged.</summary>
    public static (string Rule, string Message)? Judge(string code, string name, string? level)
    {
        if (string.IsNullOrWhiteSpace(code) || level == "JenisBelanja")
            return null;
        if (PemdaCodes.Normalise(code) is { } pemda)
            return JudgePemda(code, pemda, name);
        if (KlCodes.Parse(code) is { } kl)
            return JudgeKl(kl, name);
        return null;
    }

    private static (string, string)? JudgePemda(string written, string code, string name)
    {
        var list = Nomenclature.Pemda;
        var shown = written == code ? code : $"{written} (= {code})";
        if (list.FindPemda(code) is { } entry)
        {
            if (Nomenclature.SameName(name, entry.Name))
                return null;
            // a name that is exactly another entry's: the code was taken from the wrong row
            var elsewhere = list.NearestByName(entry.Level, name) is { Distance: 0 } other && other.Entry != entry ? $"; nama ini adalah nama resmi kode {Concrete(other.Entry.Code, code)}" : "";
            return (OtherNameRule, $"nama berbeda dari nama resmi kode {shown} menurut {list.Label}: \"{entry.Name}\" (beda {Nomenclature.Distance(name, entry.Name)} huruf){elsewhere}");
        }

        if (!list.CoversPemda(code))
            return null;
        var nearest = list.NearestPemda(code, name);
        var hint = nearest is null ? "" : $"; entri resmi terdekat: {Concrete(nearest.Entry.Code, code)} \"{nearest.Entry.Name}\"";
        return (UnknownCodeRule, $"kode {shown} tidak ada di {list.Label}{hint}");
    }

    private static (string, string)? JudgeKl(KlCode code, string name)
    {
        var list = Nomenclature.KL;
        // the most specific part that is a national code: the akun, else the KRO of a KRO line, the kegiatan, the programme
        var parts = code.Path.Length == 0 ? [] : code.Path.Split('.');
        var key = code.Akun ?? parts.Length switch
        {
            0 => code.Program,
            1 => parts[0],
            2 => parts[1],
            _ => null,
        };
        if (key is null || list.Find(key) is not { } entry || Nomenclature.SameName(name, entry.Name))
            return null;
        return (OtherNameRule, $"nama berbeda dari nama {entry.Level} {entry.Code} menurut {list.Label}: \"{entry.Name}\" (beda {Nomenclature.Distance(name, entry.Name)} huruf)");
    }

    // X.XX.01.2.02 shown with the bidang of the row it is compared with: 2.07.01.2.02
    private static string Concrete(string entryCode, string rowCode) =>
        entryCode.StartsWith("X.XX.", StringComparison.Ordinal) && rowCode.Split('.') is { Length: >= 2 } parts ? $"{parts[0]}.{parts[1]}.{entryCode[5..]}" : entryCode;
}
