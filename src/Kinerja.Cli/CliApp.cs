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
          kinerja report lkjip|pk|triwulan FILE --out X.docx|X.pdf|X.xlsx [--period 2024|2026-TW1] [--versi awal|perubahan] [--data ...]
              Buat Laporan Kinerja, Perjanjian Kinerja atau laporan triwulan (Word, PDF, Excel).

        FILE adalah workbook .xlsx atau .json (lihat docs/workbook-format.md).
        Kode keluar: 0 berhasil, 1 ada temuan, 2 masukan salah.
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
        return parsed.Success ? parsed.Value : throw new UsageException("--period: " + parsed.Error);
    }
}

public sealed class UsageException(string message) : Exception(message);

/// <summary>Positional arguments and --name value options.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _named = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Positional { get; } = [];

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
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
