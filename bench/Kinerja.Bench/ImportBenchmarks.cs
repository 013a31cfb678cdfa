using BenchmarkDotNet.Attributes;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Validation;

namespace Kinerja.Bench;

/// <summary>
/// Import, compute and check of a big agency, as `kinerja compute` and `kinerja check` run them (issue 12, item 7):
/// the Banjar sample's profile, units and budget with 5.000 indicators under 100 sasaran, each with a target and a
/// realisasi for the year and for each of the four quarters (50.000 values), written as .json and as .xlsx by the
/// format's own writers. The whole-process timings of the published binary are bench/cli/run-timings.sh.
///   dotnet run -c Release --project bench/Kinerja.Bench -- --filter '*ImportBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private const int Indicators = 5000;
    private const int PerGoal = 50;
    private string _json = "";
    private string _xlsx = "";

    [GlobalSetup]
    public void Setup()
    {
        var folder = Directory.CreateTempSubdirectory("kinerja-bench-");
        _json = Path.Combine(folder.FullName, "big-agency.json");
        _xlsx = Path.Combine(folder.FullName, "big-agency.xlsx");
        var raw = BigAgency(JsonWorkbook.Read(Samples.Path("banjar-2025.json")));
        File.WriteAllText(_json, JsonWorkbook.Write(raw));
        XlsxWorkbook.Write(raw, _xlsx);
        Console.WriteLine($"// big agency: {Indicators:N0} indicators, {new FileInfo(_xlsx).Length / 1024:N0} KB as .xlsx, {new FileInfo(_json).Length / 1024:N0} KB as .json");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(Path.GetDirectoryName(_json)!, recursive: true);

    [Benchmark]
    public int ImportJson() => DatasetImporter.Load(_json).Targets.Count;

    [Benchmark]
    public int ImportXlsx() => DatasetImporter.Load(_xlsx).Targets.Count;

    /// <summary>Import and the measurement of the year, as `kinerja compute FILE` runs it (without the printing).</summary>
    [Benchmark]
    public int ComputeXlsx()
    {
        var data = Measure.Prepare(DatasetImporter.Load(_xlsx));
        return PerformanceCalculator.Compute(data, null).Indicators.Count;
    }

    /// <summary>Import and every check, as `kinerja check FILE` runs it.</summary>
    [Benchmark]
    public int CheckXlsx() => DatasetValidator.Check(DatasetImporter.Load(_xlsx)).Count;

    /// <summary>The sample with its plan, indicators, targets and realisasi replaced by a big agency's (fixed seed).</summary>
    private static RawWorkbook BigAgency(RawWorkbook sample)
    {
        var random = new Random(20250101);
        var unit = sample.Sheets["units"][0].Cells["code"].Text!;
        var raw = new RawWorkbook { FileName = "big-agency.json", IsJson = true, HasProfile = true };
        foreach (var (key, cell) in sample.Profile)
            raw.Profile[key] = cell;
        raw.Sheets["units"] = sample.Sheets["units"];
        raw.Sheets["budget"] = sample.Sheets["budget"];
        var plan = Sheet(raw, "plan");
        var indicators = Sheet(raw, "indicators");
        var targets = Sheet(raw, "targets");
        var realisasi = Sheet(raw, "realisasi");
        Add(plan, ("code", "T1"), ("level", "Tujuan"), ("name", "Meningkatnya kinerja instansi besar"), ("unit", unit));
        for (var n = 0; n < Indicators; n++)
        {
            var goal = $"S{(n / PerGoal) + 1}";
            if (n % PerGoal == 0)
                Add(plan, ("code", goal), ("level", "Sasaran"), ("name", $"Sasaran strategis nomor {(n / PerGoal) + 1}"), ("parent", "T1"), ("unit", unit));
            var code = $"IK-{n + 1}";
            var count = n % 3 == 0;
            Add(indicators, ("code", code), ("goal", goal), ("name", $"{(count ? "Jumlah" : "Persentase")} layanan yang diselesaikan tepat waktu nomor {n + 1}"),
                ("satuan", count ? "Dokumen" : "Persen"), ("polarity", n % 10 == 7 ? "Minimal" : "Maksimal"), ("targetKind", "Angka"),
                ("aggregation", count ? "Jumlah" : "Akhir"), ("owner", unit));
            // counts add up over the year, percentages are stocks read at the year end
            var quarterTargets = new decimal[4];
            var quarterValues = new decimal[4];
            for (var q = 0; q < 4; q++)
            {
                quarterTargets[q] = count ? random.Next(5, 51) : Math.Round(40m + (decimal)random.NextDouble() * 55m, 2);
                quarterValues[q] = count ? Math.Max(0, quarterTargets[q] + random.Next(-5, 9)) : Math.Round(Math.Min(100m, quarterTargets[q] + ((decimal)random.NextDouble() * 20m) - 10m), 2);
            }

            string Text(decimal value) => count ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',') + "%";
            Add(targets, ("indicator", code), ("period", "2025"), ("value", Text(count ? quarterTargets.Sum() : quarterTargets[3])), ("document", "PK"));
            Add(realisasi, ("indicator", code), ("period", "2025"), ("value", Text(count ? quarterValues.Sum() : quarterValues[3])), ("status", "Final"));
            for (var q = 0; q < 4; q++)
            {
                Add(targets, ("indicator", code), ("period", $"2025-TW{q + 1}"), ("value", Text(quarterTargets[q])), ("document", "PK"));
                Add(realisasi, ("indicator", code), ("period", $"2025-TW{q + 1}"), ("value", Text(quarterValues[q])), ("status", "Final"));
            }
        }

        return raw;
    }

    private static List<RawRow> Sheet(RawWorkbook raw, string name) => raw.Sheets[name] = [];

    private static void Add(List<RawRow> sheet, params (string Column, string Text)[] cells)
    {
        var row = new RawRow { Row = sheet.Count + 1, SheetName = "bench" };
        foreach (var (column, text) in cells)
            row.Cells[column] = new RawCell(text, new SourceLocation("big-agency", "bench", row.Row, column));
        sheet.Add(row);
    }
}
