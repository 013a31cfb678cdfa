using System.Diagnostics;
using System.Globalization;
using Kinerja.Data;
using Kinerja.Domain.Values;

namespace Kinerja.Web.Services;

/// <summary>
/// Operator commands of the web app (issue 23), run instead of the server with the server's own configuration
/// (ConnectionStrings:Kinerja, Kinerja:Database), so they reach the same database the servers use:
/// <c>dotnet Kinerja.Web.dll impor-massal FILE.csv</c> loads a national data set (docs/national.md);
/// <c>dotnet Kinerja.Web.dll rekap-nasional INDIKATOR PERIODE</c> computes the national roll-up once and prints it with its time.
/// </summary>
public static class ScaleCommands
{
    private static readonly string[] Names = ["impor-massal", "rekap-nasional"];

    /// <summary>Takes the command and its words from the arguments, leaving the --key=value settings for the configuration.</summary>
    public static string[]? Take(ref string[] args)
    {
        if (args.Length == 0 || !Names.Contains(args[0]))
            return null;
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        args = args[words.Length..];
        return words;
    }

    public static async Task<int> RunAsync(string[] command, IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
        // an explicit step: the schema is brought up to date by the command itself
        await DatabaseSetup.MigrateAsync(db);
        switch (command)
        {
            case ["impor-massal", var file]:
            {
                if (!File.Exists(file))
                {
                    await Console.Error.WriteLineAsync($"berkas {file} tidak ada");
                    return 2;
                }

                var result = await BulkLoader.LoadAsync(db, file, "impor-massal");
                if (!result.Ok)
                {
                    foreach (var error in result.Errors)
                        await Console.Error.WriteLineAsync(error);
                    await Console.Error.WriteLineAsync("tidak ada yang disimpan");
                    return 1;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"dimuat {result.Rows} baris realisasi, {result.Counts} nilai data, {result.Years} tahun instansi ({result.Agencies} instansi baru); pemeriksaan {result.Validation.TotalSeconds:0.00} s, penulisan {result.Writing.TotalSeconds:0.00} s"));
                foreach (var (step, seconds) in result.Steps)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {step}: {seconds:0.00} s"));
                return 0;
            }

            case ["rekap-nasional", var code, var periodText]:
            {
                if (NationalRollup.Indicator(code) is not { } indicator || Period.Parse(periodText) is not { Success: true } period)
                {
                    await Console.Error.WriteLineAsync("indikator katalog atau periode tidak dikenal");
                    return 2;
                }

                // twice: the first run includes JIT and EF's query compilation, the second is what a running server pays
                var watch = Stopwatch.StartNew();
                var result = await NationalRollup.ComputeAsync(db, indicator, period.Value, await ScaleModel.DataVersionAsync(db));
                var first = watch.Elapsed.TotalSeconds;
                watch.Restart();
                var phases = new Dictionary<string, double>();
                result = await NationalRollup.ComputeAsync(db, indicator, period.Value, await ScaleModel.DataVersionAsync(db), phases: phases);
                var seconds = watch.Elapsed.TotalSeconds;
                // where the time goes, on stderr so the benchmark's parsing of stdout is unchanged
                foreach (var (name, value) in phases)
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {name}: {value:0.000} s"));
                // invariant digits, full precision: the benchmark compares them with its own computation
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"instansi {result.Instansi} dengan_realisasi {result.WithRealisasi} detik {seconds:0.000} (pertama {first:0.000})"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nasional {result.Nation.Realisasi} dari {result.Nation.Counted}"));
                foreach (var p in result.Provinces)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"provinsi {p.Code} {p.Realisasi} dari {p.Counted} peringkat {p.Rank}"));
                return 0;
            }

            default:
                await Console.Error.WriteLineAsync("pakai: impor-massal BERKAS.csv | rekap-nasional INDIKATOR PERIODE");
                return 2;
        }
    }
}
