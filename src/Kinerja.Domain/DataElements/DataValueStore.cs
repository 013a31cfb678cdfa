using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.DataElements;

/// <summary>
/// The counts of a dataset, indexed for aggregation (docs/rules.md §4 "Period", §9). A query names an
/// element, an org unit, a period and optional breakdown options, and gets:
/// over time, the element's rule: sum of the sub-periods for flows, the value at the end of the
/// period for stocks, or their mean; over the unit tree, the sum over the unit and all its descendants
/// (enter each count at one level only: <see cref="UnitLevelCheck"/>), except for means, which are
/// averaged over the units, and stocks, which have no value unless every unit that entered something
/// in the period has its end-of-period value; over breakdowns, the entered total when there is one, else the sum of
/// the parts that match the filter. No data at all is null, never 0: the formula's missing-value
/// strategy decides what that means.
/// </summary>
public sealed class DataValueStore
{
    private readonly Dictionary<string, DataElement> _elements = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Element, string Unit, DataPeriod Period), Cell> _cells = [];
    private readonly Dictionary<string, string[]> _subtree = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _unitsByElement = new(StringComparer.Ordinal);

    public DataValueStore(IEnumerable<DataElement> elements, IEnumerable<DataValue> values, IEnumerable<OrgUnit>? units = null)
    {
        foreach (var element in elements)
            _elements[element.Code] = element;
        var unitsByElement = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!_elements.TryGetValue(value.ElementCode, out var element))
                continue; // unknown elements are reported by the importer and the checks, not counted
            var key = (element.Code, value.UnitCode, value.Period);
            if (!_cells.TryGetValue(key, out var cell))
                _cells[key] = cell = new Cell();
            cell.Add(value);
            if (!unitsByElement.TryGetValue(element.Code, out var set))
                unitsByElement[element.Code] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(value.UnitCode);
        }

        foreach (var (element, set) in unitsByElement)
            _unitsByElement[element] = [.. set];
        var list = units?.ToList() ?? [];
        var children = list.Where(u => u.ParentCode is not null).GroupBy(u => u.ParentCode!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(u => u.Code).ToList(), StringComparer.Ordinal);
        foreach (var unit in list)
            _subtree[unit.Code] = [.. Subtree(unit.Code, children, [])];
    }

    private static List<string> Subtree(string code, Dictionary<string, List<string>> children, HashSet<string> seen)
    {
        var result = new List<string>();
        if (!seen.Add(code))
            return result; // a cycle in the unit tree is the importer's finding; do not loop here
        result.Add(code);
        foreach (var child in children.GetValueOrDefault(code) ?? [])
            result.AddRange(Subtree(child, children, seen));
        return result;
    }

    public DataElement? Element(string code) => _elements.GetValueOrDefault(code);

    public IReadOnlyCollection<DataElement> Elements => _elements.Values;

    /// <summary>
    /// The value of an element for a unit (null = every unit that has data) and a period, filtered
    /// by breakdown options; null when nothing was entered, or when a stock lacks its end-of-period
    /// value at a unit that entered something in the period.
    /// </summary>
    public decimal? Value(string elementCode, string? unitCode, DataPeriod period, IReadOnlyList<BreakdownOption>? filters = null)
    {
        if (!_elements.TryGetValue(elementCode, out var element) || period.Type < element.PeriodType)
            return null;
        IReadOnlyList<string> units = unitCode is null
            ? _unitsByElement.GetValueOrDefault(element.Code) ?? []
            : _subtree.GetValueOrDefault(unitCode) ?? [unitCode];
        decimal total = 0;
        var contributing = 0;
        foreach (var unit in units)
        {
            var (entered, value) = OverTime(element, unit, period, filters);
            if (!entered)
                continue;
            if (value is not { } v)
                return null; // a stock without its end-of-period value: adding the others would understate it
            total += v;
            contributing++;
        }

        if (contributing == 0)
            return null;
        // units are added up (people placed, members), except a mean, which stays a mean: an index of 80 and one of 90 make 85
        return element.Aggregation == PeriodAggregation.Average ? total / contributing : total;
    }

    /// <summary>
    /// One unit's value computed from the counts of the element's own period type inside <paramref name="period"/>
    /// (the months of a year), leaving out totals printed for coarser periods; null when none was entered.
    /// </summary>
    public decimal? FromSubPeriods(string elementCode, string unitCode, DataPeriod period, IReadOnlyList<BreakdownOption>? filters = null)
    {
        if (!_elements.TryGetValue(elementCode, out var element) || period.Type <= element.PeriodType)
            return null;
        var (entered, value) = OverTime(element, unitCode, period, filters, printedTotals: false);
        return entered ? value : null;
    }

    /// <summary>
    /// One unit's value over the sub-periods inside <paramref name="period"/>: Entered is false when
    /// the unit entered nothing there; Value is null when it entered something but a stock has no value
    /// at the end of the period (the last sub-period; for weekly stocks, a week of the last month).
    /// </summary>
    private (bool Entered, decimal? Value) OverTime(DataElement element, string unit, DataPeriod period, IReadOnlyList<BreakdownOption>? filters, bool printedTotals = true)
    {
        // a total printed for the whole period (a yearly figure beside the monthly counts) is the figure as entered,
        // as a total beside its parts is; DataValueChecks compares it with the sum of the sub-periods
        if ((period.Type == element.PeriodType || printedTotals) && _cells.TryGetValue((element.Code, unit, period), out var only) && only.Value(filters) is { } value)
            return (true, value);
        if (period.Type == element.PeriodType)
            return (false, null);
        var subPeriods = period.Split(element.PeriodType).ToList();
        // weeks of the month vary in number (Minggu IV or V), so any week of the last month ends the period
        var endStartsAt = element.PeriodType == DataPeriodType.Week ? subPeriods.Count - DataPeriod.MaxWeeksInMonth : subPeriods.Count - 1;
        decimal sum = 0;
        decimal? end = null;
        var count = 0;
        for (var i = 0; i < subPeriods.Count; i++)
        {
            if (!_cells.TryGetValue((element.Code, unit, subPeriods[i]), out var cell) || cell.Value(filters) is not { } v)
                continue;
            sum += v;
            count++;
            if (i >= endStartsAt)
                end = v;
        }

        if (count == 0)
            return (false, null);
        return element.Aggregation switch
        {
            PeriodAggregation.Sum => (true, sum),
            PeriodAggregation.Last => (true, end),
            _ => (true, sum / count),
        };
    }

    /// <summary>The values entered for one element, unit and period: the total (if any) and the parts.</summary>
    private sealed class Cell
    {
        private decimal? _total;
        private readonly List<(BreakdownOption[] Options, decimal Value)> _parts = [];

        public void Add(DataValue value)
        {
            if (value.IsTotal)
                _total = (_total ?? 0) + value.Value;
            else
                _parts.Add((value.Options as BreakdownOption[] ?? [.. value.Options], value.Value));
        }

        public decimal? Value(IReadOnlyList<BreakdownOption>? filters)
        {
            if (filters is null || filters.Count == 0)
            {
                if (_total is not null || _parts.Count == 0)
                    return _total;
                decimal all = 0;
                foreach (var part in _parts)
                    all += part.Value;
                return all;
            }

            decimal sum = 0;
            var any = false;
            foreach (var (options, value) in _parts)
            {
                if (!MatchesAll(options, filters))
                    continue;
                sum += value;
                any = true;
            }

            return any ? sum : null;
        }

        private static bool MatchesAll(BreakdownOption[] options, IReadOnlyList<BreakdownOption> filters)
        {
            foreach (var filter in filters)
            {
                var found = false;
                foreach (var option in options)
                {
                    if (option.Matches(filter))
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                    return false;
            }

            return true;
        }
    }
}
