using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using Kinerja.Documents.Workbook;

namespace Kinerja.Cli;

/// <summary>`kinerja report lkjip|pk|triwulan FILE --out X.docx|.pdf|.xlsx [--period P] [--versi awal|perubahan|perubahan-N] [--draft]`.</summary>
public static class ReportCommand
{
    public static int Run(Options options, TextWriter output, TextWriter error)
    {
        var kindText = options.Argument(0, "jenis laporan (lkjip, pk atau triwulan)");
        ReportKind kind = kindText.ToLowerInvariant() switch
        {
            "lkjip" or "lkj" => ReportKind.Lkjip,
            "pk" => ReportKind.Pk,
            "triwulan" => ReportKind.Triwulan,
            _ => throw new UsageException($"jenis laporan \"{kindText}\" tidak dikenal; pilih lkjip, pk atau triwulan"),
        };
        var file = options.Argument(1, "FILE");
        var outPath = options.Value("out") ?? throw new UsageException("--out belum disebut (mis. --out laporan.docx)");
        if (!ReportWriter.IsSupported(outPath))
            throw new UsageException($"--out \"{outPath}\": gunakan berkas .docx, .pdf atau .xlsx");
        OutputGuard.Check(outPath, options.Flag("force"), reportsMayBeReplaced: true, [file, .. CliApp.DataFiles(options)]);
        var versi = options.Value("versi");
        if (versi is not null && !Kinerja.Domain.Model.PkVersionId.Parse(versi).Success)
            throw new UsageException($"--versi \"{versi}\" tidak dikenal; pilih awal, perubahan (yang terakhir) atau perubahan-1, perubahan-2, ...");
        // a report that cannot be written is refused before the checks and the build, not after them
        if (Path.GetDirectoryName(Path.GetFullPath(outPath)) is { } folder && !Directory.Exists(folder))
        {
            error.WriteLine($"kesalahan: tidak dapat menulis {outPath}: folder tidak ada");
            return CliApp.BadInput;
        }
        var data = Kinerja.Domain.Formulas.FormulaRealisasi.Apply(CliApp.LoadDataset(options, file));
        var period = CliApp.ParsePeriod(options);
        ReportDocument report;
        try
        {
            report = ReportWriter.Prepare(kind, new ReportRequest(data, period) { Versi = versi, Draft = options.Flag("draft") });
        }
        catch (ReportRefusedException e)
        {
            foreach (var reason in e.Reasons)
                error.WriteLine("kesalahan: " + reason);
            if (e.DraftHelps)
                error.WriteLine($"laporan final tidak dibuat ({e.Reasons.Count} hal di atas); lengkapi data lalu ulangi, atau buat draf dengan --draft.");
            return CliApp.BadInput;
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter", 2)[0]);
        }

        try
        {
            CliApp.WriteFile(outPath, temporary =>
            {
                ReportWriter.Write(report, temporary);
                OutputGuard.Stamp(temporary);
            });
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine("kesalahan: " + e.Message);
            return CliApp.BadInput;
        }

        output.WriteLine($"{report.Title}: {report.Tables.Count()} tabel, {report.Figures.Count()} gambar, ditulis ke {outPath}");
        return CliApp.Ok;
    }
}
