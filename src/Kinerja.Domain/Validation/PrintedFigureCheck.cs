using Kinerja.Domain.Budget;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Validation;

/// <summary>
/// Printed aggregates (sheet AngkaTercetak) against what the engine computes from the same dataset, measured
/// as `compute` measures it (docs/rules.md §10): a sasaran's capaian, the agency capaian, Renstra progress, and
/// efficiency. A figure is reproduced when either rounding mode gives it at the decimals printed; one that
/// only the other rounding mode gives is an info finding (rule pembulatan, as for an indicator's capaian:
/// seed 000 SS-2 93,9353 printed 93,93 in a half-up report); one that neither gives is an error naming the
/// computed figure (seed 003 Tabel 3.5 "800%" for 1.762 / 800 = 220,25%; efficiency "1,12" for 100 - 88,88 =
/// 11,12). An efficiency the engine does not compute because its budget figure is marked wrong is compared
/// with the efficiency from the line's printed penyerapan, and the finding says so.
/// </summary>
public sealed class PrintedFigureCheck : IDatasetCheck
{
    public const string Rule = "angka-tercetak";
    public const string PkTotalRule = "anggaran-pk-jumlah";

    /// <summary>A printed figure that does not reproduce and that a planner marked as a known publication error, with the reason.</summary>
    public const string KnownRule = "angka-tercetak-diketahui";
    private const string Sheet = "AngkaTercetak";

    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        if (data.PrintedFigures.Count == 0)
            yield break;
        var measured = Measure.Prepare(data);
        foreach (var figure in data.PrintedFigures)
        {
            if (figure.IsAmount)
            {
                if (JudgeAmount(measured, figure) is { } amountFinding)
                    yield return Known(amountFinding, figure) with { Row = figure.SourceRow > 0 ? figure.SourceRow : null };
                continue;
            }

            var finding = Judge(measured, figure, PerformanceCalculator.Compute(measured, figure.Period));
            if (finding is { Severity: Severity.Error } && !ReferenceEquals(measured, data) && Judge(data, figure, PerformanceCalculator.Compute(data, figure.Period)) is null)
            {
                // the counts change a realisasi; the printed aggregate is what the rounded realisasi as typed give (Kemnaker SS-1 40,71 from 4,01)
                finding = finding with
                {
                    Severity = Severity.Warning,
                    Message = finding.Message.Replace("tidak dapat dihasilkan dari data; seharusnya", "dihitung dari realisasi tertulis yang sudah dibulatkan; dari data hitungnya", StringComparison.Ordinal),
                };
            }

            if (finding is not null)
                yield return Known(finding, figure) with { Row = figure.SourceRow > 0 ? figure.SourceRow : null };
        }
    }

    /// <summary>
    /// A mismatch the planner marked as a known publication error stays reported, as a warning that carries the reason:
    /// the report that printed it is published and cannot change, and the documents print the computed figure anyway.
    /// </summary>
    private static Finding Known(Finding finding, PrintedFigure figure) =>
        figure.KnownError is { } reason && !string.IsNullOrWhiteSpace(reason) && finding.Severity == Severity.Error
            ? finding with { Severity = Severity.Warning, Rule = KnownRule, Message = $"{finding.Message}; ditandai kesalahan publikasi yang diketahui: {reason.Trim()}" }
            : finding;

    /// <summary>
    /// The figure the engine computes for <paramref name="figure"/> as the check compares it ("220,25%", "Rp 12.081.204.858"),
    /// or null when it cannot be computed; for the Angka Tercetak page.
    /// </summary>
    public static string? Computed(PerformanceDataset data, PrintedFigure figure)
    {
        var measured = Measure.Prepare(data);
        if (figure.IsAmount)
        {
            var (_, amount, _) = ExpectedAmount(measured, figure);
            return amount is { } a ? "Rp " + IndonesianNumber.Format(a, a == decimal.Truncate(a) ? 0 : 2) : null;
        }

        var (_, value, rounding, _) = Expected(measured, figure, PerformanceCalculator.Compute(measured, figure.Period));
        if (value is not { } v)
            return null;
        return IndonesianNumber.Format(v, measured.Profile.Decimals, rounding) + (figure.Value.TrimEnd().TrimEnd('*').EndsWith('%') ? "%" : "");
    }

    private static Finding? Judge(PerformanceDataset data, PrintedFigure figure, PerformanceResult result)
    {
        var profile = data.Profile;
        var where = figure.Kind == PrintedFigureKind.Instansi ? $"instansi {figure.Period}" : $"{figure.Code} {figure.Period}";
        var body = figure.Value.Trim().TrimEnd('*').Trim().TrimEnd('%').Trim();
        var parsed = IndonesianNumber.Parse(body);
        if (!parsed.Success)
            return new Finding(Severity.Warning, Rule, Sheet, where, $"angka tercetak \"{figure.Value}\" tidak terbaca sebagai angka");
        var printed = parsed.Value;
        var (what, computed, rounding, explain) = Expected(data, figure, result);
        if (computed is not { } value)
            return new Finding(Severity.Warning, Rule, Sheet, where, $"{what} tercetak {figure.Value} tidak dapat diperiksa: {explain}");
        var decimals = PrintedPercent.DecimalsOf(printed);
        var shown = IndonesianNumber.Format(value, Math.Max(decimals, profile.Decimals), rounding) + (figure.Value.TrimEnd().TrimEnd('*').EndsWith('%') ? "%" : "");
        var source = figure.Source is { } s ? $" ({s})" : "";
        if (Rounding.Apply(value, decimals, rounding) == printed)
            return null;
        var other = rounding == RoundingMode.HalfUp ? RoundingMode.Truncate : RoundingMode.HalfUp;
        if (Rounding.Apply(value, decimals, other) == printed)
        {
            return new Finding(Severity.Info, "pembulatan", Sheet, where,
                $"{what} tercetak {figure.Value}{source} memakai pembulatan {Words(other)}, sedangkan pengaturan instansi {Words(rounding)}; hasil hitung {shown} ({explain})");
        }

        return new Finding(Severity.Error, Rule, Sheet, where,
            $"{what} tercetak {figure.Value}{source} tidak dapat dihasilkan dari data; seharusnya {shown} ({explain})");
    }

    private static (string What, decimal? Value, RoundingMode Rounding, string Explain) Expected(PerformanceDataset data, PrintedFigure figure, PerformanceResult result)
    {
        var profile = data.Profile;
        string P(decimal v) => IndonesianNumber.Format(v, profile.Decimals, profile.Rounding);
        switch (figure.Kind)
        {
            case PrintedFigureKind.Sasaran:
            {
                var goal = result.Goals.FirstOrDefault(g => g.Goal.Code == figure.Code);
                if (goal?.Capaian is not { } capaian)
                    return ($"capaian sasaran {figure.Code}", null, profile.Rounding, goal is null ? "sasaran ini tidak punya indikator" : "tidak ada indikatornya yang dapat diukur");
                var parts = goal.Indicators.Where(i => i.Capaian.HasValue).Select(i => P(i.Capaian.Value)).ToList();
                return ($"capaian sasaran {figure.Code}", capaian, profile.Rounding, $"rata-rata ({string.Join(" + ", parts)}) / {parts.Count}");
            }

            case PrintedFigureKind.Instansi:
            {
                var top = result.TopGoals.Where(g => g.Capaian is not null).ToList();
                return ("capaian instansi", result.AgencyCapaian, profile.Rounding,
                    top.Count == 0 ? "tidak ada sasaran yang dapat diukur" : $"rata-rata sasaran teratas {string.Join(", ", top.Select(g => $"{g.Goal.Code} {P(g.Capaian!.Value)}"))}");
            }

            case PrintedFigureKind.Kemajuan:
            {
                var rounding = profile.ProgressRounding ?? profile.Rounding;
                var progress = ProgressCalculator.Renstra(data, figure.Period.YearPeriod).FirstOrDefault(p => p.Indicator.Code == figure.Code);
                if (progress is null)
                    return ($"kemajuan Renstra {figure.Code}", null, rounding, "target akhir Renstra belum diisi");
                return progress.Progress.HasValue
                    ? ($"kemajuan Renstra {figure.Code}", progress.Progress.Value, rounding, $"realisasi {progress.Realisasi?.Value?.Original} / target akhir {progress.RenstraTarget?.Original}")
                    : ($"kemajuan Renstra {figure.Code}", null, rounding, progress.Progress.Reason ?? "tidak dapat dihitung");
            }

            default:
                return Efficiency(data, figure, result);
        }
    }

    private static (string What, decimal? Value, RoundingMode Rounding, string Explain) Efficiency(PerformanceDataset data, PrintedFigure figure, PerformanceResult result)
    {
        var profile = data.Profile;
        var what = $"efisiensi {figure.Code}";
        var row = BudgetAnalysis.Efficiency(data, result).Rows.FirstOrDefault(r => r.Code == figure.Code);
        if (row is null)
            return (what, null, profile.Rounding, $"tidak ada baris efisiensi untuk {figure.Code} (metode {profile.EfficiencyMethod}: indikator dengan capaian dan anggaran yang didanai)");
        string P(decimal v) => IndonesianNumber.Format(v, profile.Decimals, profile.Rounding);
        if (row.Efficiency is { } efficiency)
            return (what, efficiency, profile.Rounding, Formula(profile.EfficiencyMethod, row.Capaian, row.Absorption, P));

        // the budget figure behind it is marked wrong: the printed penyerapan of its one line is the report's own figure
        var indicator = data.Indicators.FirstOrDefault(i => i.Code == figure.Code);
        var budget = indicator is null ? BudgetAnalysis.ForSasaran(data, figure.Code!) : BudgetAnalysis.ForIndicator(data, indicator);
        if (budget.Lines.Count == 1 && budget.Lines[0].Line.PrintedAbsorption is { } printedAbsorption)
        {
            var fromPrinted = EfficiencyCalculator.Compute(profile.EfficiencyMethod, row.Code, row.Name, row.Capaian, 100m, printedAbsorption).Efficiency;
            if (fromPrinted is { } value)
                return (what, value, profile.Rounding, Formula(profile.EfficiencyMethod, row.Capaian, printedAbsorption, P) + $", dari penyerapan tercetak {budget.Lines[0].Label}, karena pagu atau realisasinya ditandai galat");
        }

        return (what, null, profile.Rounding, row.Doubt is { } doubt ? $"angka anggaran yang dipakai ditandai galat ({doubt.Code})" : "penyerapan tidak dapat dihitung");
    }

    private static string Formula(EfficiencyMethod method, decimal capaian, decimal? absorption, Func<decimal, string> p) => method switch
    {
        EfficiencyMethod.Ratio => $"capaian {p(capaian)} / penyerapan {(absorption is { } a ? p(a) : "-")}",
        EfficiencyMethod.Difference => $"capaian {p(capaian)} - penyerapan {(absorption is { } a ? p(a) : "-")}",
        _ => $"(pagu - realisasi) / pagu, penyerapan {(absorption is { } a ? p(a) : "-")}",
    };

    private static string Words(RoundingMode mode) => mode == RoundingMode.HalfUp ? "setengah ke atas" : "dipotong";

    /// <summary>
    /// An amount a report prints in its text or under a table (pagu, realisasi, savings, cost per output, a PK's
    /// Jumlah) against the same amount from the budget sheets: equal to the rupiah, or to the decimals printed for
    /// a cost per output. A PK's Jumlah that is not the sum of its programmes has its own rule (anggaran-pk-jumlah).
    /// </summary>
    private static Finding? JudgeAmount(PerformanceDataset data, PrintedFigure figure)
    {
        var where = figure.Code is { } code ? $"{code} {figure.Period}" : $"instansi {figure.Period}";
        var rule = figure.Kind == PrintedFigureKind.AnggaranPK ? PkTotalRule : Rule;
        var text = figure.Value.Trim().TrimEnd('*').Trim();
        if (text.EndsWith(",-", StringComparison.Ordinal))
            text = text[..^2];
        var parsed = IndonesianNumber.ParseAmount(text.Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Trim());
        if (!parsed.Success)
            return new Finding(Severity.Warning, rule, Sheet, where, $"angka tercetak \"{figure.Value}\" tidak terbaca sebagai jumlah rupiah (mis. Rp 12.081.204.858)");
        var printed = parsed.Value;
        var (what, computed, explain) = ExpectedAmount(data, figure);
        var source = figure.Source is { } s ? $" ({s})" : "";
        if (computed is not { } value)
            return new Finding(Severity.Warning, rule, Sheet, where, $"{what} tercetak {figure.Value}{source} tidak dapat diperiksa: {explain}");
        var decimals = PrintedPercent.DecimalsOf(printed);
        if (Rounding.Apply(value, decimals, RoundingMode.HalfUp) == printed || Rounding.Apply(value, decimals, RoundingMode.Truncate) == printed)
            return null;
        var shown = "Rp " + IndonesianNumber.Format(value, value == decimal.Truncate(value) ? 0 : Math.Max(decimals, 2));
        return new Finding(Severity.Error, rule, Sheet, where,
            $"{what} tercetak {figure.Value}{source} tidak sama dengan {shown} ({explain}); selisih Rp {IndonesianNumber.Format(Math.Abs(Rounding.Apply(value, decimals, RoundingMode.HalfUp) - printed), decimals)}");
    }

    private static (string What, decimal? Value, string Explain) ExpectedAmount(PerformanceDataset data, PrintedFigure figure)
    {
        string Rp(decimal v) => "Rp " + IndonesianNumber.Format(v, v == decimal.Truncate(v) ? 0 : 2);
        switch (figure.Kind)
        {
            case PrintedFigureKind.AnggaranPK:
            {
                var version = figure.Code is null ? PerjanjianKinerja.InForce(data) : PerjanjianKinerja.Find(data, figure.Code);
                var what = $"jumlah anggaran {(version?.Id.Title ?? "Perjanjian Kinerja " + figure.Code)}";
                if (version is null)
                    return (what, null, $"versi PK \"{figure.Code}\" tidak ada di sheet PK");
                var top = PkBudgetCheck.Top(version);
                if (top.Count == 0)
                    return (what, null, $"baris anggaran versi {version.Id.Code} belum diisi (sheet AnggaranPK)");
                return (what, PkBudgetCheck.Total(version), $"jumlah {top.Count} program pada sheet AnggaranPK: {string.Join(" + ", top.Select(l => $"{PkBudgetCheck.Label(l)} {Rp(l.Pagu)}"))}");
            }

            case PrintedFigureKind.BiayaPerOutput:
            {
                var what = $"biaya per output {figure.Code}";
                var indicator = data.Indicators.FirstOrDefault(i => i.Code == figure.Code);
                if (indicator is null)
                    return (what, null, "indikator tidak ada di sheet Indikator");
                var budget = BudgetAnalysis.ForIndicator(data, indicator);
                if (!budget.HasBudget)
                    return (what, null, "tidak ada baris anggaran yang mendanai indikator ini (kolom Mendanai)");
                if (PeriodValues.RealisasiFor(data, indicator, figure.Period)?.Value is not NumberValue output || output.Value <= 0)
                    return (what, null, $"realisasi {figure.Period} indikator ini bukan angka di atas 0");
                return (what, budget.Amounts.Realisasi / output.Value, $"realisasi anggaran {Rp(budget.Amounts.Realisasi)} ({string.Join(", ", budget.Lines.Select(l => l.Label))}) / realisasi {output.Original}");
            }

            default:
            {
                var field = figure.Kind switch { PrintedFigureKind.Pagu => "pagu", PrintedFigureKind.RealisasiAnggaran => "realisasi anggaran", _ => "penghematan (pagu - realisasi)" };
                var what = figure.Code is null ? $"total {field}" : $"{field} {figure.Code}";
                if (data.Budget.Count == 0)
                    return (what, null, "sheet Anggaran belum diisi");
                Amounts amounts;
                string of;
                if (figure.Code is null)
                {
                    amounts = BudgetAnalysis.Absorption(data).Amounts;
                    of = "jumlah baris teratas sheet Anggaran";
                }
                else
                {
                    var rollup = BudgetRollup.Of(data.Budget);
                    var node = rollup.Tree.Nodes.FirstOrDefault(n => n.Code == figure.Code && n.RepeatOf is null);
                    if (node is null)
                        return (what, null, "kode tidak ada di sheet Anggaran");
                    amounts = rollup.Own(node);
                    of = $"baris {node.Label}";
                }

                return figure.Kind switch
                {
                    PrintedFigureKind.Pagu => (what, amounts.Pagu, $"pagu {of}"),
                    PrintedFigureKind.RealisasiAnggaran => (what, amounts.Realisasi, $"realisasi {of}"),
                    _ => (what, amounts.Sisa, $"pagu {Rp(amounts.Pagu)} - realisasi {Rp(amounts.Realisasi)}, {of}"),
                };
            }
        }
    }
}
