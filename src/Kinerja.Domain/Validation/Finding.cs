namespace Kinerja.Domain.Validation;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// One thing wrong with a dataset: where (sheet, row when known, code), what, and what the numbers
/// should be, in Bahasa Indonesia. Findings never change the data.
/// </summary>
public sealed record Finding(Severity Severity, string Rule, string Sheet, string Code, string Message)
{
    public int? Row { get; init; }

    public override string ToString()
    {
        var severity = Severity switch { Severity.Error => "GALAT", Severity.Warning => "PERINGATAN", _ => "INFO" };
        var row = Row is { } r ? $", baris {r}" : "";
        return $"[{severity}] {Sheet}{row}, {Code}: {Message} ({Rule})";
    }
}

/// <summary>A consistency check over a dataset. Checks are independent and listed in <see cref="DatasetValidator"/>.</summary>
public interface IDatasetCheck
{
    IEnumerable<Finding> Check(Model.PerformanceDataset data);
}
