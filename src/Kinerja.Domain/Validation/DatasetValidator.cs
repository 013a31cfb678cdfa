using Kinerja.Domain.Model;

namespace Kinerja.Domain.Validation;

/// <summary>Runs every consistency check (docs/rules.md §10) and returns the findings, most severe first.</summary>
public static class DatasetValidator
{
    public static IReadOnlyList<IDatasetCheck> Checks { get; } =
    [
        new PrintedCapaianCheck(),
        new UncomputedCapaianCheck(),
        new PrintedFigureCheck(),
        new TargetChecks(),
        new QuarterlyRealisasiCheck(),
        new PlanChainCheck(),
        new RenstraTrajectoryCheck(),
        new UnexplainedCapaianCheck(),
        new BudgetStructureCheck(),
        new BudgetSumCheck(),
        new BudgetAmountCheck(),
        new BudgetClassificationCheck(),
        new PkBudgetCheck(),
        new Formulas.FormulaCheck(),
        new Formulas.ComputedRealisasiCheck(),
        new DataElements.DataValueChecks(),
        new DataElements.UnitLevelCheck(),
        new Narratives.NarrativeFigureCheck(),
        new Narratives.NarrativeAmountCheck(),
        new SigningDateCheck(),
        new NomenclatureCheck(),
    ];

    public static IReadOnlyList<Finding> Check(PerformanceDataset data) => Sort(Checks.SelectMany(c => c.Check(data)));

    /// <summary>The checks that need only budget lines (a finance system's export without the rest of the workbook).</summary>
    public static IReadOnlyList<Finding> CheckBudget(IReadOnlyList<BudgetLine> lines) =>
        Sort(BudgetStructureCheck.Check(lines).Concat(BudgetSumCheck.Check(lines)).Concat(BudgetAmountCheck.Check(lines)).Concat(NomenclatureCheck.Check(lines)));

    private static List<Finding> Sort(IEnumerable<Finding> findings) =>
        findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Sheet, StringComparer.Ordinal)
            .ThenBy(f => f.Row ?? 0)
            .ToList();
}
