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

    public static void Convert(string docxPath, string pdfPath, TimeSpan? timeout = null)
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
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("konversi PDF oleh LibreOffice melewati batas waktu");
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
