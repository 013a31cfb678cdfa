namespace Kinerja.Cli.Tests;

/// <summary>Finds the repository's samples folder from the test output directory.</summary>
public static class Samples
{
    public static string Root { get; } = FindRoot();

    public static string Path(string name) => System.IO.Path.Combine(Root, "samples", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Kinerja.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kinerja.sln tidak ditemukan di atas " + AppContext.BaseDirectory);
    }
}
