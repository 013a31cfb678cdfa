using Kinerja.Documents.Workbook;
using Kinerja.Domain.Model;

namespace Kinerja.Documents.Tests;

/// <summary>Finds the repository's samples folder from the test output directory, and a scratch folder for outputs.</summary>
public static class Samples
{
    public static string Root { get; } = FindRoot();

    public static string Path(string name) => System.IO.Path.Combine(Root, "samples", name);

    public static PerformanceDataset Load(string name) => DatasetImporter.Load(Path(name));

    /// <summary>The sample with its counts (samples/data/NAME) measured as `kinerja report --data` does.</summary>
    public static PerformanceDataset LoadWithCounts(string name) =>
        Kinerja.Domain.Measurement.Measure.Prepare(DataImporter.Load(Path(name), [Path(System.IO.Path.Combine("data", name))]));

    /// <summary>Page images and documents kept for people to look at (TestResults is git-ignored).</summary>
    public static string Artefacts
    {
        get
        {
            var dir = System.IO.Path.Combine(Root, "TestResults", "artefacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static string TempFile(string extension) =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kinerja-test-" + Guid.NewGuid().ToString("N") + extension);

    /// <summary>The same dataset with another profile (e.g. a different rounding setting).</summary>
    public static PerformanceDataset WithProfile(PerformanceDataset data, AgencyProfile profile) => new()
    {
        Profile = profile,
        Units = data.Units,
        Plan = data.Plan,
        Indicators = data.Indicators,
        Targets = data.Targets,
        Realisasi = data.Realisasi,
        Benchmarks = data.Benchmarks,
        Budget = data.Budget,
        Narratives = data.Narratives,
    };

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Kinerja.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kinerja.sln tidak ditemukan di atas " + AppContext.BaseDirectory);
    }
}
