using System.Globalization;
using System.Text.RegularExpressions;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Narratives;

/// <summary>
/// Live fields in narrative text: <c>{capaian:IK-5}</c>, <c>{realisasi:IK-5}</c>, <c>{target:IK-5}</c> print the
/// engine's figure of an indicator (or, for capaian, of a sasaran) in the agency's format; <c>{pagu:P1}</c> and
/// <c>{realisasiAnggaran:P1}</c> the amounts of a budget line. A narrative that quotes a figure this way can
/// never disagree with the tables.
/// </summary>
public static partial class NarrativeFields
{
    [GeneratedRegex(@"\{(?<field>capaian|realisasi|target|pagu|realisasiAnggaran)\s*:\s*(?<code>[^{}\s]+)\s*\}", RegexOptions.IgnoreCase)]
    private static partial Regex FieldPattern();

    /// <summary>The text with every field replaced by its value; a field that names nothing known stays as written (the check reports it).</summary>
    public static string Expand(string text, PerformanceDataset data, PerformanceResult result) =>
        !text.Contains('{', StringComparison.Ordinal) ? text : FieldPattern().Replace(text, m => Value(m.Groups["field"].Value, m.Groups["code"].Value, data, result) ?? m.Value);

    /// <summary>The fields of a text that name no indicator, sasaran or budget line.</summary>
    public static IEnumerable<string> Unknown(string text, PerformanceDataset data, PerformanceResult result) =>
        FieldPattern().Matches(text).Where(m => Value(m.Groups["field"].Value, m.Groups["code"].Value, data, result) is null).Select(m => m.Value);

    private static string? Value(string field, string code, PerformanceDataset data, PerformanceResult result)
    {
        var profile = data.Profile;
        var row = result.Indicators.FirstOrDefault(r => r.Indicator.Code == code);
        switch (field.ToLowerInvariant())
        {
            case "capaian":
                if (row is not null)
                    return row.Capaian.HasValue ? profile.FormatPercent(row.Capaian.Value) : "N/A";
                var goal = result.Goals.FirstOrDefault(g => g.Goal.Code == code);
                return goal is null ? null : goal.Capaian is { } c ? profile.FormatPercent(c) : "N/A";
            case "realisasi":
                return row is null ? null : row.Realisasi?.Value?.Display(profile.Decimals, profile.RealisasiRounding ?? profile.Rounding) ?? "N/A";
            case "target":
                return row is null ? null : row.Target?.Display(profile.Decimals, profile.Rounding) ?? "-";
            case "pagu":
                return data.Budget.FirstOrDefault(b => b.Code == code) is { } line ? Rupiah(profile, line.Pagu) : null;
            default:
                return data.Budget.FirstOrDefault(b => b.Code == code) is { } spent ? Rupiah(profile, spent.Realisasi) : null;
        }
    }

    private static string Rupiah(AgencyProfile profile, decimal amount) =>
        (profile.RupiahWithSpace ? "Rp\u00A0" : "Rp") + IndonesianNumber.FormatWhole(amount);
}

/// <summary>
/// A percentage typed in a narrative right after the word "capaian" must be the computed capaian of the
/// narrative's indicator (or sasaran), at the decimals the text wrote: otherwise the text and the table disagree.
/// A live field that names nothing is an error.
/// </summary>
public sealed partial class NarrativeFigureCheck : IDatasetCheck
{
    [GeneratedRegex(@"capaian[^.%0-9]{0,60}?(?<number>\d{1,4}(?:,\d+)?)\s*(?:%|persen)", RegexOptions.IgnoreCase)]
    private static partial Regex TypedCapaian();

    [GeneratedRegex(@"lebih dari|di atas|di bawah|kurang dari|melebihi|sekitar|hingga|sampai", RegexOptions.IgnoreCase)]
    private static partial Regex Comparative();

    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        if (data.Narratives.Count == 0)
            yield break;
        var result = PerformanceCalculator.Compute(data, data.Profile.ReportPeriod);
        foreach (var narrative in data.Narratives)
        {
            foreach (var unknown in NarrativeFields.Unknown(narrative.Text, data, result))
                yield return new Finding(Severity.Error, "narasi-isian-tidak-dikenal", "Narasi", narrative.GoalCode, $"isian {unknown} tidak menunjuk indikator, sasaran atau baris anggaran yang ada");
            // the figures the narrative may quote: its indicator's (or its sasaran's and their indicators') capaian,
            // realisasi and target; a number matching none of them disagrees with the tables
            var rows = result.Indicators.Where(r => r.Indicator.Code == narrative.GoalCode || r.Indicator.GoalCode == narrative.GoalCode).ToList();
            var goal = result.Goals.FirstOrDefault(g => g.Goal.Code == narrative.GoalCode || rows.Any(r => r.Indicator.Code == narrative.GoalCode && r.Indicator.GoalCode == g.Goal.Code));
            var own = rows.FirstOrDefault(r => r.Indicator.Code == narrative.GoalCode)?.Capaian is { HasValue: true } c ? c.Value : goal?.Capaian;
            if (own is not { } shown)
                continue;
            var quotable = rows.Where(r => r.Capaian.HasValue).Select(r => r.Capaian.Value)
                .Concat(rows.Select(r => r.Realisasi?.Value).OfType<NumberValue>().Select(v => v.Value))
                .Concat(rows.Select(r => r.Target).OfType<NumberValue>().Select(v => v.Value))
                .Concat(goal?.Capaian is { } g ? [g] : [])
                .Concat(EarlierYears(data, rows.Select(r => r.Indicator)))
                .Append(shown).ToList();
            foreach (Match m in TypedCapaian().Matches(narrative.Text))
            {
                if (Comparative().IsMatch(m.Value))
                    continue; // "lebih dari 100 persen" bounds a figure, it does not quote one
                var typed = m.Groups["number"].Value;
                var decimals = typed.Contains(',', StringComparison.Ordinal) ? typed.Length - typed.IndexOf(',', StringComparison.Ordinal) - 1 : 0;
                var number = decimal.Parse(typed.Replace(',', '.'), CultureInfo.InvariantCulture);
                // either rounding at the typed decimals is accepted: the text may truncate
                if (quotable.Any(v => Rounding.Apply(v, decimals, RoundingMode.HalfUp) == number || Rounding.Apply(v, decimals, RoundingMode.Truncate) == number))
                    continue;
                yield return new Finding(Severity.Warning, "narasi-angka-berbeda", "Narasi", narrative.GoalCode,
                    $"narasi menyebut capaian {typed}%, sedangkan capaian yang dihitung {data.Profile.FormatPercent(shown)}; pakai isian {{capaian:{narrative.GoalCode}}} agar selalu sama");
            }
        }
    }

    /// <summary>
    /// The realisasi and capaian of the same indicators in the years before the report year: a narrative that
    /// compares ("pada tahun 2023 capaiannya 85,2%") quotes them, and that is no mismatch.
    /// </summary>
    private static IEnumerable<decimal> EarlierYears(PerformanceDataset data, IEnumerable<Indicator> indicators)
    {
        foreach (var indicator in indicators)
        {
            foreach (var earlier in data.RealisasiOf(indicator.Code).Where(r => r.Period.Year < data.Profile.Year))
            {
                if (earlier.Value is NumberValue n)
                    yield return n.Value;
                var capaian = CapaianCalculator.Compute(indicator, PeriodValues.TargetFor(data, indicator, earlier.Period), earlier, data.Profile);
                if (capaian.HasValue)
                    yield return capaian.Value;
                if (earlier.PrintedCapaian is { } printed && IndonesianNumber.Parse(printed.Trim().TrimEnd('*').Trim().TrimEnd('%').Trim()) is { Success: true } p)
                    yield return p.Value;
            }
        }
    }
}
