using System.CommandLine;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Values;

namespace Kinerja.Cli;

/// <summary>The `kinerja` command. Thin: it reads arguments, calls the importer and the engine, prints.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int BadInput = 2;

    /// <summary>A defect in Kinerja itself, reported on one line instead of a stack trace.</summary>
    public const int Unexpected = 3;

    /// <summary>Stopped by Ctrl-C (SIGINT) or SIGTERM while writing: nothing was written (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var root = CommandTree.Build();
            if (args.Length == 0)
            {
                HelpText.Write(root, output);
                return Task.FromResult(BadInput);
            }

            // "kinerja help [PERINTAH]" as well as --help
            if (args[0] == "help")
                args = [.. args.Skip(1).Take(1), "--help"];

            // a file named "@x" is a file, not a response file of arguments
            var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parsed.Action is not null and not System.CommandLine.Invocation.ParseErrorAction)
                return Task.FromResult(parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }));
            var parseErrors = ParseErrors.Describe(parsed);
            if (parseErrors.Count > 0)
            {
                foreach (var message in parseErrors)
                    error.WriteLine("kesalahan: " + message);
                return Task.FromResult(BadInput);
            }

            var command = parsed.CommandResult.Command;
            var options = Options.From(parsed);
            return Task.FromResult(command.Name switch
            {
                "compute" => ComputeCommand.Run(options, output, error),
                "template" => TemplateCommand.Run(options, output, error),
                "convert" => ConvertCommand.Run(options, output, error),
                "check" => CheckCommand.Run(options, output, error),
                "budget" => BudgetCommand.Run(options, output, error),
                "report" => ReportCommand.Run(options, output, error),
                "completion" => CompletionCommand.Run(options, output, error),
                _ => Fail(error, "perintah belum disebut; lihat kinerja --help"),
            });
        }
        catch (WorkbookImportException e)
        {
            // a few located errors per column and row, the rest counted: one bad header must not print 16.000 lines
            foreach (var line in ImportErrorDigest.Lines(e.Errors))
                error.WriteLine("kesalahan: " + line);
            return Task.FromResult(BadInput);
        }
        catch (UsageException e)
        {
            error.WriteLine("kesalahan: " + e.Message);
            return Task.FromResult(BadInput);
        }
        catch (StandardOutputException e)
        {
            return Task.FromResult(ReportStandardOutputFailure(e, error));
        }
        catch (OutputFileException e)
        {
            error.WriteLine($"kesalahan: tidak dapat menulis {e.Path}: {DataImporter.DescribeIoFailure(e.InnerException!)}");
            return Task.FromResult(BadInput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a read the importers did not wrap (e.g. a budget CSV): the system message names the path
            error.WriteLine($"kesalahan: tidak dapat membaca atau menulis berkas: {OneLine(DataImporter.DescribeIoFailure(e))}");
            return Task.FromResult(BadInput);
        }
        catch (OverflowException)
        {
            // the importer refuses the sums and ratios it can foresee, at their rows; whatever else still overflows
            // comes from figures too large or too small to compute with, which is bad input, not a defect
            error.WriteLine($"kesalahan: ada angka yang terlalu besar atau terlalu kecil untuk dihitung (hasilnya melebihi {Kinerja.Domain.Values.IndonesianNumber.Largest}); periksa angka yang sangat besar atau sangat kecil di workbook");
            return Task.FromResult(BadInput);
        }
#pragma warning disable CA1031 // the last resort: whatever slipped through becomes one line, never a stack trace
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"kesalahan tak terduga: {e.GetType().Name}: {OneLine(e.Message)}");
            return Task.FromResult(Unexpected);
        }
    }

    /// <summary>Says on stderr that stdout failed (when stderr itself still takes it) and gives exit 2.</summary>
    internal static int ReportStandardOutputFailure(StandardOutputException e, TextWriter error)
    {
        try
        {
            error.WriteLine("kesalahan: " + e.Describe());
            error.Flush();
        }
        catch (Exception again) when (again is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // stderr is gone too: the exit code is all that is left to tell
        }

        return BadInput;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// Writes <paramref name="path"/> through a temporary file beside it (same extension, so writers that choose
    /// their format by it still work): a failed write leaves neither a half-written file nor the temporary.
    /// </summary>
    internal static void WriteFile(string path, Action<string> write, CancellationToken cancel = default)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}{Path.GetExtension(full)}");
        try
        {
            write(temporary);
            // a Ctrl-C while writing leaves the target as it was: the temporary is removed below
            cancel.ThrowIfCancellationRequested();
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException(path, e);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    internal static int Fail(TextWriter error, string message)
    {
        error.WriteLine("kesalahan: " + message);
        return BadInput;
    }

    /// <summary>The dataset of FILE with the data files of --data (comma-separated) attached.</summary>
    /// <summary>Loads a workbook with its --data files (counts, formulas) and --budget-csv (finance export).</summary>
    internal static Kinerja.Domain.Model.PerformanceDataset LoadDataset(Options options, string file)
    {
        var dataFiles = DataFiles(options);
        var data = DataImporter.Load(file, dataFiles);
        // a finance system's export replaces the workbook's budget sheet (a SIPD/SAKTI .xlsx is tied to the plan first)
        return options.Value("budget-csv") is { } csv ? Kinerja.Documents.Budget.BudgetFiles.Apply(data, csv).Data : data;
    }

    internal static string[] DataFiles(Options options) =>
        (options.Value("data") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static Period? ParsePeriod(Options options)
    {
        var text = options.Value("period");
        if (text is null)
            return null;
        var parsed = Period.Parse(text);
        // the parser's own message offers "Renstra", which is no period to measure: say only what --period takes
        if (!parsed.Success)
            throw new UsageException($"--period \"{text}\" tidak dikenal; sebut tahun atau triwulan (mis. 2024, 2026-TW1)");
        // the Renstra end is a target horizon, not a reporting period: nothing is measured against it here
        return parsed.Value.IsRenstraEnd
            ? throw new UsageException($"--period \"{text}\": periode Renstra tidak dapat diukur; sebut tahun atau triwulan (mis. 2024, 2026-TW1)")
            : parsed.Value;
    }
}

public sealed class UsageException(string message) : Exception(message);

/// <summary>An output file that could not be written; <see cref="Exception.InnerException"/> says why.</summary>
public sealed class OutputFileException(string path, Exception inner) : Exception($"tidak dapat menulis {path}", inner)
{
    public string Path { get; } = path;
}

/// <summary>
/// What System.CommandLine parsed for one command, read by name: the positional arguments in order and each given
/// option by its first name without dashes (an alias such as --periode reads as "period").
/// </summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _named = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _flags = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Positional { get; } = [];

    internal static Options From(ParseResult parsed)
    {
        var options = new Options();
        var command = parsed.CommandResult.Command;
        foreach (var argument in command.Arguments)
        {
            if (parsed.GetResult(argument) is { Tokens.Count: > 0 } result)
                options.Positional.AddRange(result.Tokens.Select(t => t.Value));
        }

        foreach (var option in command.Options)
        {
            if (parsed.GetResult(option) is not { Implicit: false } result)
                continue;
            var name = option.Name.TrimStart('-');
            if (option.ValueType == typeof(bool))
            {
                if (parsed.GetValue<bool>(option.Name))
                    options._flags.Add(name);
            }
            else if (result.Tokens.Count > 0)
            {
                options._named[name] = result.Tokens[^1].Value;
            }
        }

        return options;
    }

    public string? Value(string name) => _named.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    public string Argument(int index, string what) =>
        index < Positional.Count ? Positional[index] : throw new UsageException($"{what} belum disebut");
}
