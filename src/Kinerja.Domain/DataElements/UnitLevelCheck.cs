using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.DataElements;

/// <summary>
/// A count entered at a unit and again at one of its sub-units for the same period: the store adds a
/// unit's subtree up (DINAS 7 + BIDANG 5 = 12), so the same people would be counted twice. Each count
/// is entered at one level only; the finding names the nearest ancestor that also has a value.
/// </summary>
public sealed class UnitLevelCheck : IDatasetCheck
{
    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        if (data.DataValues.Count == 0 || data.Units.Count == 0)
            yield break;
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in data.Units)
        {
            if (unit.ParentCode is not null)
                parents.TryAdd(unit.Code, unit.ParentCode);
        }

        var elements = data.DataElements.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var cell in data.DataValues.GroupBy(v => (Element: v.ElementCode.ToUpperInvariant(), v.Period)))
        {
            var byUnit = cell.GroupBy(v => v.UnitCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            if (byUnit.Count < 2)
                continue;
            foreach (var (unit, values) in byUnit)
            {
                if (NearestAncestorWithValues(unit, parents, byUnit) is not { } ancestor)
                    continue;
                var first = values[0];
                var element = elements.GetValueOrDefault(first.ElementCode);
                var name = element?.Name ?? first.ElementCode;
                var effect = element?.Aggregation == PeriodAggregation.Average
                    ? "nilai unit dirata-rata ke atas sehingga unit induk dan bawahannya tercampur"
                    : "nilai unit dijumlahkan ke atas sehingga terhitung dua kali";
                yield return new Finding(Severity.Error, "nilai-dua-tingkat", "NilaiData", $"{first.ElementCode} {ancestor} {cell.Key.Period}",
                    $"{name} {cell.Key.Period} diisi di {ancestor} ({Entered(byUnit[ancestor])}) dan juga di unit bawahannya {unit} ({Entered(values)}); {effect}. Isi setiap data di satu tingkat saja")
                { Row = first.SourceRow };
            }
        }
    }

    private static string? NearestAncestorWithValues(string unit, Dictionary<string, string> parents, Dictionary<string, List<DataValue>> byUnit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { unit };
        var current = unit;
        while (parents.TryGetValue(current, out var parent) && seen.Add(parent))
        {
            if (byUnit.ContainsKey(parent))
                return parent;
            current = parent;
        }

        return null; // a cycle in the unit tree is the importer's finding
    }

    /// <summary>What a unit entered: its total, or else the sum of its parts.</summary>
    private static string Entered(List<DataValue> values)
    {
        var totals = values.Where(v => v.IsTotal).ToList();
        var value = totals.Count > 0 ? totals.Sum(v => v.Value) : values.Sum(v => v.Value);
        return IndonesianNumber.FormatAsWritten(value, 4);
    }
}
