using BenchmarkDotNet.Attributes;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Model;

namespace Kinerja.Bench;

/// <summary>
/// The Banjar LKjIP (draft, 66 pages, 19 tables, 8 pictures) built warm in a long-lived process, as the web app's
/// document builds (src/Kinerja.Web/Services/DocumentBuilds.cs) do it on a workbook already loaded: the checks, the
/// report model with its charts and diagrams, and the .docx; the PDF adds LibreOffice's conversion (a process per
/// document, on a pooled profile). Issue 13 asks for the .docx under 1 s and the PDF under 5 s; the whole-process
/// timing of the `kinerja` command is bench/report-timing.sh, the figures of both are in bench/README.md.
///   dotnet run -c Release --project bench/Kinerja.Bench -- --filter '*ReportBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ReportBenchmarks
{
    private PerformanceDataset _banjar = null!;
    private string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        _banjar = Kinerja.Domain.Formulas.FormulaRealisasi.Apply(DataImporter.Load(Samples.Path("banjar-2025.json"), []));
        _folder = Directory.CreateTempSubdirectory("kinerja-bench-").FullName;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    private ReportDocument Prepare() => ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(_banjar, null) { Draft = true });

    /// <summary>Checks and the report model (charts and diagrams drawn), without writing a file.</summary>
    [Benchmark]
    public int BanjarLkjipModel() => Prepare().Blocks.Count;

    /// <summary>What a request for the Word document costs: checks, model, .docx written to disk.</summary>
    [Benchmark]
    public long BanjarLkjipDocx()
    {
        var path = Path.Combine(_folder, "banjar.docx");
        ReportWriter.Write(Prepare(), path);
        return new FileInfo(path).Length;
    }

    /// <summary>The same and LibreOffice's conversion to PDF.</summary>
    [Benchmark]
    public long BanjarLkjipPdf()
    {
        var path = Path.Combine(_folder, "banjar.pdf");
        ReportWriter.Write(Prepare(), path);
        return new FileInfo(path).Length;
    }
}

/// <summary>The samples folder, found by walking up from the benchmark (it runs from a generated project below bench/).</summary>
internal static class Samples
{
    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = System.IO.Path.Combine(dir.FullName, "samples", name);
            if (File.Exists(path))
                return path;
        }

        throw new FileNotFoundException("samples/" + name + " not found above " + AppContext.BaseDirectory);
    }
}
