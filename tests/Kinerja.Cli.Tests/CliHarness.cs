namespace Kinerja.Cli.Tests;

/// <summary>Runs the `kinerja` command in process and captures what it prints.</summary>
public static class CliHarness
{
    public static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}

/// <summary>A test class with its own temporary folder, removed afterwards.</summary>
public abstract class WithTempFolder : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("kinerja-test-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
