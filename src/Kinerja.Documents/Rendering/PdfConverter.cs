using System.Diagnostics;

namespace Kinerja.Documents.Rendering;

/// <summary>
/// Makes the PDF from the .docx with LibreOffice in headless mode (Debian package
/// libreoffice-writer-nogui): the PDF then has exactly the Word document's content, and page
/// numbers in the table of contents are computed by a real layout engine. Each run uses its own
/// LibreOffice profile folder so parallel conversions do not block each other.
/// </summary>
public static class PdfConverter
{
    public static string? FindSoffice()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin").Append("/usr/lib/libreoffice/program"))
        {
            var candidate = Path.Combine(dir, "soffice");
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }

    /// <summary>The default limit on one conversion; `kinerja report --pdf-timeout` changes it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    /// <param name="progress">Told the time elapsed every 10 seconds while LibreOffice still works, so a long run is not silent.</param>
    public static void Convert(string docxPath, string pdfPath, TimeSpan? timeout = null, Action<TimeSpan>? progress = null)
    {
        var soffice = FindSoffice() ?? throw new InvalidOperationException("LibreOffice (soffice) tidak ditemukan; pasang paket libreoffice-writer-nogui untuk membuat PDF");
        var work = Directory.CreateTempSubdirectory("kinerja-pdf-");
        try
        {
            var profile = Path.Combine(work.FullName, "profile");
            var outDir = Path.Combine(work.FullName, "out");
            Directory.CreateDirectory(outDir);
            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-env:UserInstallation=" + new Uri(profile + "/").AbsoluteUri);
            start.ArgumentList.Add("--headless");
            start.ArgumentList.Add("--norestore");
            start.ArgumentList.Add("--convert-to");
            start.ArgumentList.Add("pdf:writer_pdf_Export");
            start.ArgumentList.Add("--outdir");
            start.ArgumentList.Add(outDir);
            start.ArgumentList.Add(Path.GetFullPath(docxPath));
            using var process = Process.Start(start) ?? throw new InvalidOperationException("LibreOffice tidak dapat dijalankan");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var limit = timeout ?? DefaultTimeout;
            var clock = Stopwatch.StartNew();
            var finished = false;
            while (!finished && clock.Elapsed < limit)
            {
                var wait = limit - clock.Elapsed;
                finished = process.WaitForExit(wait < TimeSpan.FromSeconds(10) ? wait : TimeSpan.FromSeconds(10));
                if (!finished && clock.Elapsed < limit)
                    progress?.Invoke(clock.Elapsed);
            }

            if (!finished)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"konversi PDF oleh LibreOffice melewati batas waktu {limit.TotalSeconds:0} detik; perpanjang dengan --pdf-timeout DETIK");
            }

            var produced = Path.Combine(outDir, Path.GetFileNameWithoutExtension(docxPath) + ".pdf");
            if (process.ExitCode != 0 || !File.Exists(produced))
                throw new InvalidOperationException($"LibreOffice gagal membuat PDF (kode {process.ExitCode}): {stderr.Result}{stdout.Result}".Trim());
            File.Copy(produced, pdfPath, overwrite: true);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // a leftover temp folder is harmless
            }
        }
    }
}
