using Kinerja.Domain.Model;

namespace Kinerja.Domain.Budget;

/// <summary>
/// What a budget code says by its shape, for sources that give codes without parents (a finance system's
/// flat export). K/L: 2176 (kegiatan) . BAA (KRO) . 001 (RO) . 051 (komponen) . A (sub-komponen).
/// Pemda (Permendagri 90/2019): 1.03.02 (program) . 2.01 (kegiatan) . 0001 (sub kegiatan).
/// </summary>
public static class BudgetCodes
{
    /// <summary>
    /// Fills missing parents with the longest dotted prefix of the code that is itself a line (the nearest
    /// preceding one when a code repeats), and missing levels from the code's shape. Lines that already
    /// have a parent or a level keep them.
    /// </summary>
    public static IReadOnlyList<BudgetLine> InferParents(IReadOnlyList<BudgetLine> lines)
    {
        var known = new HashSet<string>(lines.Select(l => l.Code), StringComparer.Ordinal);
        var result = new List<BudgetLine>(lines.Count);
        foreach (var line in lines)
        {
            var parent = line.ParentCode;
            // a printed depth places the line (BudgetTree); the code is not second-guessed then
            if (string.IsNullOrEmpty(parent) && line.Depth is null && line.Code.Length > 0)
            {
                var code = line.Code;
                for (var dot = code.LastIndexOf('.'); dot > 0; dot = code.LastIndexOf('.', dot - 1))
                {
                    var prefix = code[..dot];
                    if (known.Contains(prefix))
                    {
                        parent = prefix;
                        break;
                    }
                }
            }

            result.Add(line with { ParentCode = string.IsNullOrEmpty(parent) ? null : parent, Level = line.Level ?? (line.Code.Length > 0 ? LevelOf(line.Code) : null) });
        }

        return result;
    }

    /// <summary>The level a code's shape implies, or null when the shape is not one of the two national codings.</summary>
    public static string? LevelOf(string code)
    {
        var parts = code.Split('.');
        if (parts.Length == 0 || parts.Any(p => p.Length == 0))
            return null;
        // K/L: four-digit kegiatan, three-letter KRO
        if (parts[0].Length == 4 && parts[0].All(char.IsAsciiDigit) && (parts.Length == 1 || (parts[1].Length == 3 && parts[1].All(char.IsAsciiLetterUpper))))
        {
            return parts.Length switch
            {
                1 => "Kegiatan",
                2 => "KRO",
                3 when parts[2].All(char.IsAsciiDigit) => "RO",
                4 when parts[3].All(char.IsAsciiDigit) => "Komponen",
                5 => "SubKomponen",
                _ => null,
            };
        }

        // Pemda: urusan.bidang.program[.sub-urusan.kegiatan[.sub kegiatan]], digits only
        if (parts.All(p => p.All(char.IsAsciiDigit)) && parts[0].Length == 1)
        {
            return parts.Length switch
            {
                3 => "Program",
                5 => "Kegiatan",
                6 => "SubKegiatan",
                _ => null,
            };
        }

        return null;
    }
}
