using Kinerja.Domain.Model;

namespace Kinerja.Domain.Validation;

/// <summary>Runs every consistency check (RULEBOOK §10) and returns the findings, most severe first.</summary>
public static class DatasetValidator
{
    public static IReadOnlyList<IDatasetCheck> Checks { get; } =
    [
        new PrintedCapaianCheck(),
        new TargetChecks(),
        new Formulas.FormulaCheck(),
        new Formulas.ComputedRealisasiCheck(),
        new DataElements.DataValueChecks(),
    ];

    public static IReadOnlyList<Finding> Check(PerformanceDataset data) =>
        Checks.SelectMany(c => c.Check(data))
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Sheet, StringComparer.Ordinal)
            .ThenBy(f => f.Row ?? 0)
            .ToList();
}
