using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Budget;

/// <summary>How an imported line was tied to the plan or to the budget it replaces.</summary>
public enum TieBy
{
    Code,

    /// <summary>By its name, the code being different or missing: offered, to be looked at.</summary>
    Name,
}

/// <summary>An imported line tied to the line it replaces (whose Mendanai it takes) and/or to a plan node.</summary>
public sealed record BudgetTieMatch(BudgetLine Line, BudgetLine? Previous, PlanNode? PlanNode, TieBy By);

/// <summary>The imported budget tied to the plan: the lines to keep, what matched and what did not.</summary>
public sealed record BudgetTieResult(IReadOnlyList<BudgetLine> Lines, IReadOnlyList<BudgetTieMatch> Matched, IReadOnlyList<BudgetLine> Unmatched, IReadOnlyList<BudgetLine> Kept);

/// <summary>
/// Issue 24 item 4: a budget read from a finance export replaces the workbook's budget without losing what ties it to
/// the indicators. Each imported programme, kegiatan and sub kegiatan (K/L: kegiatan to sub komponen) is matched to
/// the line it replaces and to the plan's node: by code first (either Pemda code style), else by its name at the same
/// level, in order (a name used twice matches the first line not yet taken). A matched line takes the Mendanai links of
/// the line it replaces, so efficiency per indicator needs no typing; lines matched by name are listed to be looked
/// at, lines that match nothing are listed as unmatched. The old lines by spending type (JenisBelanja) are kept when
/// the import has none: an export by programme does not give them.
/// </summary>
public static class BudgetTie
{
    private static readonly string[] TiedLevels = ["Program", "Kegiatan", "SubKegiatan", "KRO", "RO", "Komponen", "SubKomponen"];

    public static BudgetTieResult Tie(PerformanceDataset data, IReadOnlyList<BudgetLine> imported)
    {
        var previous = data.Budget.Where(l => l.Level != "JenisBelanja").ToList();
        var taken = new HashSet<BudgetLine>(ReferenceEqualityComparer.Instance);
        var plan = data.Plan.Where(n => n.Level is PlanLevel.Program or PlanLevel.Kegiatan or PlanLevel.SubKegiatan).ToList();
        var planTaken = new HashSet<PlanNode>(ReferenceEqualityComparer.Instance);
        var lines = new List<BudgetLine>(imported.Count);
        var matched = new List<BudgetTieMatch>();
        var unmatched = new List<BudgetLine>();
        foreach (var line in imported)
        {
            if (line.Level is null || !TiedLevels.Contains(line.Level, StringComparer.Ordinal))
            {
                lines.Add(line);
                continue;
            }

            var key = Key(line.Code);
            var by = TieBy.Code;
            var old = previous.FirstOrDefault(p => !taken.Contains(p) && Key(p.Code) == key);
            var node = plan.FirstOrDefault(n => !planTaken.Contains(n) && Key(n.Code) == key);
            if (old is null && node is null)
            {
                by = TieBy.Name;
                old = previous.FirstOrDefault(p => !taken.Contains(p) && p.Level == line.Level && Nomenclature.SameName(p.Name, line.Name));
            }

            node ??= plan.FirstOrDefault(n => !planTaken.Contains(n) && n.Level.ToString() == line.Level && Nomenclature.SameName(n.Name, line.Name));
            if (old is not null)
                taken.Add(old);
            if (node is not null)
                planTaken.Add(node);
            var tied = old is not null && line.Funds.Count == 0 ? line with { Funds = old.Funds } : line;
            lines.Add(tied);
            if (old is null && node is null)
                unmatched.Add(tied);
            else
                matched.Add(new BudgetTieMatch(tied, old, node, by));
        }

        var kept = imported.Any(l => l.Level == "JenisBelanja") ? [] : data.Budget.Where(l => l.Level == "JenisBelanja").ToList();
        return new BudgetTieResult([.. lines, .. kept], matched, unmatched, kept);
    }

    /// <summary>Words for the list of lines matched by name and of lines that matched nothing.</summary>
    public static IEnumerable<string> Describe(BudgetTieResult result)
    {
        foreach (var match in result.Matched.Where(m => m.By == TieBy.Name))
        {
            var to = match.Previous is { } p ? $"baris anggaran {p.Code}" : $"rencana {match.PlanNode!.Code}";
            var funds = match.Line.Funds.Count > 0 ? $" (mendanai {string.Join(", ", match.Line.Funds)})" : "";
            yield return $"{match.Line.Code} \"{match.Line.Name}\" dicocokkan menurut nama dengan {to}{funds}; periksa";
        }

        foreach (var line in result.Unmatched)
            yield return $"{line.Code} \"{line.Name}\" ({line.Level}) tidak cocok dengan program/kegiatan/sub kegiatan mana pun di rencana atau anggaran sebelumnya";
    }

    private static string Key(string code) => PemdaCodes.Normalise(code) ?? code.Trim();
}
