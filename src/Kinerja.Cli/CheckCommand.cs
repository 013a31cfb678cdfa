using Kinerja.Documents.Budget;
using Kinerja.Domain.Validation;

namespace Kinerja.Cli;

public static class CheckCommand
{
    public static int Run(Options options, TextWriter output, TextWriter error)
    {
        var file = options.Argument(0, "FILE");
        var findings = BudgetFiles.IsBudgetFile(file)
            // a finance system's export alone (CSV, SIPD or SAKTI .xlsx): only the budget checks apply
            ? DatasetValidator.CheckBudget(BudgetFiles.ReadLines(file))
            : DatasetValidator.Check(CliApp.LoadDataset(options, file));
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
