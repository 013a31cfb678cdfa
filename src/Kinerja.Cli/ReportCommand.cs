using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using System.Runtime.InteropServices;
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
        TimeSpan? pdfTimeout = null;
        if (options.Value("pdf-timeout") is { } timeoutText)
        {
            pdfTimeout = int.TryParse(timeoutText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 86400
                ? TimeSpan.FromSeconds(seconds)
                : throw new UsageException($"--pdf-timeout \"{timeoutText}\": tulis jumlah detik, 1 sampai 86400 (mis. 600)");
        }

        var period = CliApp.ParsePeriod(options);
        RefuseUnusedOptions(kind, kindText.ToLowerInvariant(), options, outPath, period);
        using var claim = OutputGuard.Check(outPath, options.Flag("force"), reportsMayBeReplaced: true, [file, .. CliApp.DataFiles(options)]);
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

        // from here on temporary files exist and LibreOffice may run: Ctrl-C (SIGINT) and SIGTERM no longer end the
        // process on the spot but cancel the write, which kills LibreOffice and removes every temporary
        using var cancel = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        try
        {
            CliApp.WriteFile(
                outPath,
                temporary =>
                {
                    ReportWriter.Write(report, temporary, pdfTimeout, elapsed => error.WriteLine($"konversi PDF masih berjalan ({elapsed.TotalSeconds:0} detik)..."), cancel.Token);
                    OutputGuard.Stamp(temporary);
                },
                cancel.Token);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine("kesalahan: " + e.Message);
            return CliApp.BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"dibatalkan: {outPath} tidak ditulis (LibreOffice dihentikan, berkas sementara dihapus)");
            return CliApp.Cancelled;
        }

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            cancel.Cancel();
        }

        output.WriteLine($"{report.Title}: {report.Tables.Count()} tabel, {report.Figures.Count()} gambar, ditulis ke {outPath}");
        return CliApp.Ok;
    }

    /// <summary>
    /// An option the report kind does not use is refused with the reason, never ignored (docs/reports.md lists them):
    /// <list type="bullet">
    /// <item>--versi chooses a Perjanjian Kinerja version: pk only (an LKjIP and a triwulan report measure against the
    /// PK in force for each period).</item>
    /// <item>--period on lkjip and pk is a year: both are annual documents, so a quarter (2026-TW1) would silently
    /// become its year; triwulan needs a quarter (refused by the report itself).</item>
    /// <item>--pdf-timeout limits the LibreOffice conversion: only with --out X.pdf.</item>
    /// </list>
    /// --draft, --data and --force apply to every kind.
    /// </summary>
    private static void RefuseUnusedOptions(ReportKind kind, string kindText, Options options, string outPath, Kinerja.Domain.Values.Period? period)
    {
        if (kind != ReportKind.Pk && options.Value("versi") is { } versi)
        {
            throw new UsageException($"--versi \"{versi}\" tidak dipakai oleh report {kindText}: versi Perjanjian Kinerja hanya dipilih untuk report pk "
                + "(LKjIP dan laporan triwulan mengukur terhadap PK yang berlaku pada tiap periode); hapus --versi");
        }

        if (kind != ReportKind.Triwulan && period is { IsQuarter: true } quarter)
        {
            var what = kind == ReportKind.Lkjip ? "LKjIP adalah laporan tahunan" : "Perjanjian Kinerja berlaku setahun";
            throw new UsageException($"--period {quarter} tidak dipakai oleh report {kindText}: {what}, jadi triwulan tidak dapat dipilih; "
                + $"sebut tahunnya (--period {quarter.Year}) atau buat laporan triwulan (kinerja report triwulan ... --period {quarter})");
        }

        if (options.Value("pdf-timeout") is not null && !outPath.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--pdf-timeout hanya berlaku untuk --out berkas .pdf (konversi LibreOffice); {Path.GetExtension(outPath)} ditulis tanpa LibreOffice: hapus --pdf-timeout");
    }
}
