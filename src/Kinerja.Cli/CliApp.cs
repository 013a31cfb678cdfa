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

    private const string Usage = """
        kinerja: pengukuran dan pelaporan kinerja (SAKIP)

        Perintah:
          kinerja compute FILE [--period 2024|2026-TW1] [--format table|csv|json] [--data DATA.json,NILAI.csv]
              Hitung capaian setiap indikator, sasaran dan instansi; indikator dengan rumus hitung
              dihitung dari NilaiData (dalam FILE atau berkas --data).
          kinerja template OUT.xlsx
              Tulis workbook kosong yang menjelaskan dirinya sendiri.
          kinerja convert IN.json|IN.xlsx OUT.xlsx|OUT.json
              Ubah bentuk workbook tanpa kehilangan isi.
          kinerja check FILE [--budget-csv ANGGARAN.csv] [--data DATA.json,NILAI.csv]
              Periksa konsistensi data (capaian tercetak, target, realisasi, anggaran, rumus hitung, rincian data).
              FILE boleh berupa CSV anggaran saja (kode;nama;pagu;realisasi).
          kinerja budget FILE [--budget-csv ANGGARAN.csv]
              Tampilkan pohon anggaran dengan jumlah rinciannya, penyerapan dan tabel efisiensi.
          kinerja report lkjip|pk|triwulan FILE --out X.docx|X.pdf|X.xlsx [--period 2024|2026-TW1] [--versi awal|perubahan|perubahan-2] [--draft] [--data ...]
              Buat Laporan Kinerja, Perjanjian Kinerja atau laporan triwulan (Word, PDF, Excel). Laporan final
              ditolak bila pemeriksaan menemukan galat atau isian wajib kosong; --draft membuat draf bertanda DRAF
              dengan daftar periksa di halaman terakhir.

        FILE adalah workbook .xlsx atau .json (lihat docs/workbook-format.md).
        Kode keluar: 0 berhasil, 1 ada temuan, 2 masukan salah, 3 kesalahan tak terduga.
        """;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                output.WriteLine(Usage);
                return Task.FromResult(args.Length == 0 ? BadInput : Ok);
            }

            var options = Options.Parse(args.Skip(1).ToArray());
            return Task.FromResult(args[0] switch
            {
                "compute" => ComputeCommand.Run(options, output, error),
                "template" => TemplateCommand.Run(options, output, error),
                "convert" => ConvertCommand.Run(options, output, error),
                "check" => CheckCommand.Run(options, output, error),
                "budget" => BudgetCommand.Run(options, output, error),
                "report" => ReportCommand.Run(options, output, error),
                _ => Fail(error, $"perintah \"{args[0]}\" tidak dikenal; lihat kinerja --help"),
            });
        }
        catch (WorkbookImportException e)
        {
            foreach (var item in e.Errors)
                error.WriteLine("kesalahan: " + item);
            return Task.FromResult(BadInput);
        }
        catch (UsageException e)
        {
            error.WriteLine("kesalahan: " + e.Message);
            return Task.FromResult(BadInput);
        }
        catch (OutputFileException e)
        {
            error.WriteLine($"kesalahan: tidak dapat menulis {e.Path}: {DataImporter.DescribeIoFailure(e.InnerException!)}");
            return Task.FromResult(BadInput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a read the importers did not wrap (e.g. a budget CSV): the system message names the path
            error.WriteLine($"kesalahan: tidak dapat membaca atau menulis berkas: {OneLine(e.Message)}");
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

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// Writes <paramref name="path"/> through a temporary file beside it (same extension, so writers that choose
    /// their format by it still work): a failed write leaves neither a half-written file nor the temporary.
    /// </summary>
    internal static void WriteFile(string path, Action<string> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}{Path.GetExtension(full)}");
        try
        {
            write(temporary);
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
        var dataFiles = (options.Value("data") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var data = DataImporter.Load(file, dataFiles);
        // a finance system's export replaces the workbook's budget sheet
        return options.Value("budget-csv") is { } csv ? data with { Budget = Kinerja.Documents.Budget.BudgetCsv.Read(csv) } : data;
    }

    internal static Period? ParsePeriod(Options options)
    {
        var text = options.Value("period");
        if (text is null)
            return null;
        var parsed = Period.Parse(text);
        if (!parsed.Success)
            throw new UsageException("--period: " + parsed.Error);
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

/// <summary>Positional arguments and --name value options.</summary>
public sealed class Options
{
    // options that take no value
    private static readonly HashSet<string> Flags = new(["draft"], StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, string> _named = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _flags = new(StringComparer.OrdinalIgnoreCase);

    public bool Flag(string name) => _flags.Contains(name);

    public List<string> Positional { get; } = [];

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && Flags.Contains(args[i][2..]))
            {
                options._flags.Add(args[i][2..]);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    options._named[name[..eq]] = name[(eq + 1)..];
                }
                else
                {
                    if (i + 1 >= args.Length)
                        throw new UsageException($"--{name} memerlukan nilai");
                    options._named[name] = args[++i];
                }
            }
            else
            {
                options.Positional.Add(args[i]);
            }
        }

        return options;
    }

    public string? Value(string name) => _named.GetValueOrDefault(name);

    public string Argument(int index, string what) =>
        index < Positional.Count ? Positional[index] : throw new UsageException($"{what} belum disebut");
}
