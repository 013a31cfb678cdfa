using System.Globalization;
using System.Text.RegularExpressions;
using Kinerja.Domain.Budget;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Narratives;

/// <summary>
/// One figure, one value for amounts (issue 20 item 3; docs/rules.md §10): a Rupiah amount a narrative states in a
/// sentence about this year's budget (one that names pagu, anggaran, realisasi, sisa, blokir, efisiensi or
/// penghematan and no other year) must be one of the amounts the budget tables compute: the total pagu, blokir,
/// pagu without blokir, realisasi and sisa, or those of any budget line or PK budget line (as entered or as the sum
/// of its children). The amount is compared at the precision written: "Rp5.500.436.965.043" to the rupiah,
/// "Rp12,3 miliar" to a tenth of a milliard, rounded half up or cut off as reports do. An amount in a sentence that
/// names another year, or that is a unit cost ("per orang"), is not a claim about this year's budget and is left
/// alone. The Laporan Kinerja refuses a final while one differs; a draft lists it.
/// </summary>
public sealed partial class NarrativeAmountCheck : IDatasetCheck
{
    public const string Rule = "narasi-rupiah-berbeda";

    /// <summary>"Rp 12.345.678.000", "Rp12,3 miliar", "Rp. 1.500.000,00", "12,3 miliar rupiah".</summary>
    [GeneratedRegex(@"(?:\bRp\.?\s*(?<number>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?<fraction>\d+))?(?:,-)?(?:\s*(?<scale>ribu|juta|miliar|milyar|triliun)\b)?)|(?:\b(?<number>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?<fraction>\d+))?\s*(?<scale>ribu|juta|miliar|milyar|triliun)?\s+rupiah\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    /// <summary>The words that make a sentence a statement about the budget.</summary>
    [GeneratedRegex(@"\b(?:pagu|anggaran|realisasi|sisa|blokir|efisiensi|penghematan|belanja|serapan|penyerapan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BudgetWords();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex YearNumber();

    /// <summary>A unit cost: the amount is followed by "per ..." or "/".</summary>
    [GeneratedRegex(@"^\s*(?:per\b|/)", RegexOptions.IgnoreCase)]
    private static partial Regex PerUnit();

    /// <summary>Sentence ends: a full stop, "!" or "?" followed by a space or the end (a thousands dot is followed by a digit).</summary>
    [GeneratedRegex(@"(?<=[.!?;])\s+|\n+")]
    private static partial Regex SentenceEnd();

    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        if (data.Narratives.Count == 0 || (data.Budget.Count == 0 && data.PkVersions.All(v => v.Budget.Count == 0)))
            yield break;
        var computed = ComputedAmounts(data);
        var year = data.Profile.Year.ToString(CultureInfo.InvariantCulture);
        var result = Measurement.PerformanceCalculator.Compute(data, data.Profile.ReportPeriod);
        foreach (var narrative in data.Narratives)
        {
            // "Rp." before a number would end a sentence for the splitter: read it as "Rp"
            var text = NarrativeFields.Expand(narrative.Text, data, result);
            text = RpWithDot().Replace(text, "Rp ");
            foreach (var sentence in SentenceEnd().Split(text))
            {
                if (!BudgetWords().IsMatch(sentence) || YearNumber().Matches(sentence).Any(m => m.Value != year))
                    continue;
                foreach (Match m in Amount().Matches(sentence))
                {
                    if (PerUnit().IsMatch(sentence[(m.Index + m.Length)..]))
                        continue;
                    if (Read(m) is not { } typed || typed.Value == 0)
                        continue;
                    if (computed.Any(typed.Matches))
                        continue;
                    var nearest = computed.OrderBy(v => Math.Abs(v - typed.Value)).First();
                    yield return new Finding(Severity.Warning, Rule, "Narasi", narrative.GoalCode,
                        $"narasi ({narrative.Kind}) menyebut {m.Value.Trim()}, sedangkan tabel anggaran tahun {year} tidak memuat jumlah itu (yang terdekat Rp{IndonesianNumber.FormatWhole(nearest)}); satu angka harus satu nilai: tulis jumlah seperti tabel atau pakai isian {{pagu:KODE}} / {{realisasiAnggaran:KODE}}");
                }
            }
        }
    }

    [GeneratedRegex(@"\bRp\.\s*(?=\d)", RegexOptions.IgnoreCase)]
    private static partial Regex RpWithDot();

    /// <summary>An amount as typed: its value, and the step it was written to (1 for whole rupiah, 0,1 miliar for "12,3 miliar").</summary>
    private sealed record TypedAmount(decimal Value, decimal Scale, int Decimals)
    {
        public bool Matches(decimal amount)
        {
            if (Scale == 1m && Decimals == 0)
                return decimal.Round(amount, 0, MidpointRounding.AwayFromZero) == Value || decimal.Truncate(amount) == Value;
            var written = Value / Scale;
            var inScale = amount / Scale;
            return Rounding.Apply(inScale, Decimals, RoundingMode.HalfUp) == written || Rounding.Apply(inScale, Decimals, RoundingMode.Truncate) == written;
        }
    }

    private static TypedAmount? Read(Match m)
    {
        var digits = m.Groups["number"].Value.Replace(".", "", StringComparison.Ordinal);
        var fraction = m.Groups["fraction"].Success ? m.Groups["fraction"].Value : "";
        var scale = m.Groups["scale"].Success ? m.Groups["scale"].Value.ToLowerInvariant() switch
        {
            "ribu" => 1_000m,
            "juta" => 1_000_000m,
            "miliar" or "milyar" => 1_000_000_000m,
            _ => 1_000_000_000_000m,
        } : 1m;
        if (!decimal.TryParse(digits + (fraction.Length > 0 ? "." + fraction : ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return null;
        // "Rp 1.500.000,00": sen written as zeros say nothing about precision beyond the rupiah
        var decimals = scale == 1m && fraction.TrimEnd('0').Length == 0 ? 0 : fraction.Length;
        return new TypedAmount(number * scale, scale, decimals);
    }

    /// <summary>Every amount the budget tables compute or print for this year.</summary>
    private static List<decimal> ComputedAmounts(PerformanceDataset data)
    {
        var amounts = new HashSet<decimal>();
        void Add(Amounts a)
        {
            amounts.Add(a.Pagu);
            amounts.Add(a.Realisasi);
            amounts.Add(a.Sisa);
            if (a.Blokir != 0)
            {
                amounts.Add(a.Blokir);
                amounts.Add(a.Pagu - a.Blokir);
                amounts.Add(a.Pagu - a.Blokir - a.Realisasi);
            }
        }

        if (data.Budget.Count > 0)
        {
            var rollup = BudgetRollup.Of(data.Budget);
            foreach (var node in rollup.Tree.Nodes)
            {
                Add(Amounts.Of(node.Line));
                Add(rollup.Computed(node));
            }

            Add(rollup.Tree.TotalRoots.Aggregate(default(Amounts), (sum, root) => sum + rollup.Computed(root)));
        }

        foreach (var version in data.PkVersions)
        {
            foreach (var line in version.Budget)
                amounts.Add(line.Pagu);
            amounts.Add(version.Budget.Where(l => l.ParentCode is null || version.Budget.All(p => p.Code != l.ParentCode)).Sum(l => l.Pagu));
        }

        amounts.Remove(0m);
        return [.. amounts];
    }
}
