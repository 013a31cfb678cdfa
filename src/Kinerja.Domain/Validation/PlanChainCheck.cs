using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Validation;

/// <summary>
/// The plan tree follows the agency's chain (docs/rules.md §2): K/L SS -> SP -> SK; Pemda Tujuan ->
/// Sasaran -> Program -> Kegiatan -> Sub Kegiatan, where sasaran may cascade under sasaran (pohon
/// kinerja). A unit's own report may start below the top (a Pusat's SK without its SP).
/// </summary>
public sealed class PlanChainCheck : IDatasetCheck
{
    private static readonly Dictionary<PlanLevel, PlanLevel[]> KlParents = new()
    {
        [PlanLevel.Tujuan] = [],
        [PlanLevel.SasaranStrategis] = [PlanLevel.Tujuan],
        [PlanLevel.SasaranProgram] = [PlanLevel.SasaranStrategis],
        [PlanLevel.SasaranKegiatan] = [PlanLevel.SasaranProgram, PlanLevel.SasaranStrategis],
    };

    private static readonly Dictionary<PlanLevel, PlanLevel[]> PemdaParents = new()
    {
        [PlanLevel.Tujuan] = [],
        [PlanLevel.Sasaran] = [PlanLevel.Tujuan, PlanLevel.Sasaran, PlanLevel.Program, PlanLevel.Kegiatan],
        [PlanLevel.Program] = [PlanLevel.Sasaran, PlanLevel.Tujuan],
        [PlanLevel.Kegiatan] = [PlanLevel.Program],
        [PlanLevel.SubKegiatan] = [PlanLevel.Kegiatan],
    };

    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        var chain = data.Profile.Kind == AgencyKind.KL ? KlParents : PemdaParents;
        var kindName = data.Profile.Kind == AgencyKind.KL ? "K/L (SS -> SP -> SK)" : "Pemda (Tujuan -> Sasaran -> Program -> Kegiatan -> Sub Kegiatan)";
        var byCode = data.Plan.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.First());
        foreach (var node in data.Plan)
        {
            if (!chain.TryGetValue(node.Level, out var allowedParents))
            {
                yield return new Finding(Severity.Warning, "rantai-rencana", "Rencana", node.Code, $"level {node.Level} bukan bagian dari rantai {kindName}");
                continue;
            }

            if (node.ParentCode is { } parentCode && byCode.TryGetValue(parentCode, out var parent) && !allowedParents.Contains(parent.Level))
            {
                yield return new Finding(Severity.Warning, "rantai-rencana", "Rencana", node.Code,
                    $"{node.Level} di bawah {parent.Level} ({parent.Code}) tidak sesuai rantai {kindName}; induk yang sah: {(allowedParents.Length == 0 ? "tidak ada (puncak)" : string.Join(", ", allowedParents))}");
            }

            if (node.ParentCode is not null && Ancestors(node, byCode).Contains(node.Code))
                yield return new Finding(Severity.Error, "rantai-rencana", "Rencana", node.Code, "pohon rencana berputar: simpul ini menjadi induk dirinya sendiri");
        }
    }

    private static IEnumerable<string> Ancestors(PlanNode node, Dictionary<string, PlanNode> byCode)
    {
        var seen = new HashSet<string>();
        for (var current = node.ParentCode; current is not null && seen.Add(current) && byCode.TryGetValue(current, out var parent); current = parent.ParentCode)
            yield return current;
    }
}
