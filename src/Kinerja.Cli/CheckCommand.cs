using Kinerja.Documents.Budget;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;

namespace Kinerja.Cli;

public static class CheckCommand
{
    public static int Run(Options options, TextWriter output, TextWriter error)
    {
        var file = options.Argument(0, "FILE");
        IReadOnlyList<Finding> findings;
        if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            // a finance system's flat export alone: only the budget checks apply
            findings = DatasetValidator.CheckBudget(BudgetCsv.Read(file));
        }
        else
        {
            findings = DatasetValidator.Check(BudgetInput.Load(file, options));
        }

        if (findings.Count == 0)
        {
            output.WriteLine($"{Path.GetFileName(file)}: tidak ada temuan.");
            return CliApp.Ok;
        }

        foreach (var finding in findings)
            output.WriteLine($"{Path.GetFileName(file)}: {finding}");
        output.WriteLine();
        output.WriteLine($"{findings.Count} temuan: {findings.Count(f => f.Severity == Severity.Error)} galat, {findings.Count(f => f.Severity == Severity.Warning)} peringatan, {findings.Count(f => f.Severity == Severity.Info)} info.");
        return CliApp.Findings;
    }
}

/// <summary>Loads a workbook, with its budget replaced by a finance CSV when --budget-csv names one.</summary>
internal static class BudgetInput
{
    public static PerformanceDataset Load(string file, Options options)
    {
        var data = DatasetImporter.Load(file);
        if (options.Value("budget-csv") is not { } csv)
            return data;
        return new PerformanceDataset
        {
            Profile = data.Profile,
            Units = data.Units,
            Plan = data.Plan,
            Indicators = data.Indicators,
            Targets = data.Targets,
            Realisasi = data.Realisasi,
            Benchmarks = data.Benchmarks,
            Budget = BudgetCsv.Read(csv),
            Narratives = data.Narratives,
        };
    }
}
