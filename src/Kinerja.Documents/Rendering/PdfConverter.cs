using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kinerja.Documents.Rendering;

/// <summary>
/// Makes the PDF from the .docx with LibreOffice in headless mode (Debian package
/// libreoffice-writer-nogui): the PDF then has exactly the Word document's content, and page
/// numbers in the table of contents are computed by a real layout engine.
/// </summary>
/// <remarks>
/// LibreOffice needs a profile folder of its own per running conversion (two instances on one profile block each
/// other). Creating one costs LibreOffice about 3-4 seconds on every start: a fresh profile has no
/// <c>ooSetupLastVersion</c>, so LibreOffice takes the start for the first one after an upgrade and runs its ~66
/// "GraphicsRenderTests" (and in --convert-to mode it never saves the version, so it would run them again next
/// time). Each profile is therefore seeded with the installed version before LibreOffice first sees it, and kept
/// in a small pool under the user's cache folder (<see cref="PooledProfile"/>), one lock file per profile so that
/// parallel conversions never share one; when all are busy a fresh seeded profile is used and removed afterwards.
/// Measured in bench/README.md.
/// </remarks>
public static partial class PdfConverter
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
    public static void Convert(string docxPath, string pdfPath, TimeSpan? timeout = null, Action<TimeSpan>? progress = null) =>
        Convert(docxPath, pdfPath, timeout, progress, CancellationToken.None);

    /// <param name="cancel">Ctrl-C in <c>kinerja report</c>: LibreOffice and its children are killed, the work folder is
    /// removed and <see cref="OperationCanceledException"/> is thrown; no PDF is written.</param>
    public static void Convert(string docxPath, string pdfPath, TimeSpan? timeout, Action<TimeSpan>? progress, CancellationToken cancel) =>
        Convert(docxPath, pdfPath, timeout ?? DefaultTimeout, Stopwatch.StartNew(), progress, destinations: false, cancel);

    /// <summary>The soffice to run, or the message that says it is missing.</summary>
    internal static string RequireSoffice() =>
        FindSoffice() ?? throw new InvalidOperationException("LibreOffice (soffice) tidak ditemukan; pasang paket libreoffice-writer-nogui untuk membuat PDF");

    /// <summary>
    /// One conversion within <paramref name="limit"/> counted on <paramref name="clock"/> (a conversion in parts shares
    /// one limit among its parts); <paramref name="destinations"/> writes Word's bookmarks as the PDF's named
    /// destinations, where a conversion in parts finds the page of each heading, table and figure.
    /// </summary>
    internal static void Convert(string docxPath, string pdfPath, TimeSpan limit, Stopwatch clock, Action<TimeSpan>? progress, bool destinations, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        var soffice = RequireSoffice();
        var version = InstalledVersion(soffice);
        var work = Directory.CreateTempSubdirectory("kinerja-pdf-");
        try
        {
            using (var pooled = PooledProfile.Take(PooledProfile.DefaultRoot(), version))
            {
                if (pooled is not null)
                {
                    string? attempt;
                    try
                    {
                        attempt = Run(soffice, version, pooled.Folder, docxPath, pdfPath, Path.Combine(work.FullName, "out-1"), limit, clock, progress, destinations, cancel);
                    }
                    catch (OperationCanceledException)
                    {
                        // LibreOffice was killed mid-run: its profile may be half-written, so it is not given back
                        pooled.Discard();
                        throw;
                    }

                    if (attempt is null)
                        return;
                    // a profile LibreOffice cannot start with (left broken by a killed run, an odd upgrade) is not
                    // kept: the conversion is tried once more on a fresh one before the user is told it failed
                    pooled.Discard();
                    if (clock.Elapsed >= limit)
                        throw new InvalidOperationException(attempt);
                }
            }

            var fresh = Path.Combine(work.FullName, "profile");
            cancel.ThrowIfCancellationRequested();
            PooledProfile.Seed(fresh, version);
            if (Run(soffice, version, fresh, docxPath, pdfPath, Path.Combine(work.FullName, "out-2"), limit, clock, progress, destinations, cancel) is { } failure)
                throw new InvalidOperationException(failure);
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

    /// <summary>One LibreOffice run on <paramref name="profile"/>; null when the PDF was written, else why not.</summary>
    private static string? Run(string soffice, string? version, string profile, string docxPath, string pdfPath, string outDir, TimeSpan limit, Stopwatch clock, Action<TimeSpan>? progress, bool destinations, CancellationToken cancel)
    {
        Directory.CreateDirectory(outDir);
        var start = new ProcessStartInfo(soffice)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-env:UserInstallation=" + new Uri(profile + "/").AbsoluteUri);
        // no backup copy of the profile packed on every exit (user/pack): nothing in it is worth restoring
        start.ArgumentList.Add("-env:SecureUserConfig=false");
        start.ArgumentList.Add("--headless");
        start.ArgumentList.Add("--norestore");
        start.ArgumentList.Add("--convert-to");
        start.ArgumentList.Add(ExportFilter(version, destinations));
        start.ArgumentList.Add("--outdir");
        start.ArgumentList.Add(outDir);
        start.ArgumentList.Add(Path.GetFullPath(docxPath));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("LibreOffice tidak dapat dijalankan");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var finished = false;
        while (!finished && clock.Elapsed < limit)
        {
            var wait = limit - clock.Elapsed;
            finished = WaitForExit(process, wait < TimeSpan.FromSeconds(10) ? wait : TimeSpan.FromSeconds(10), cancel);
            if (!finished && clock.Elapsed < limit)
                progress?.Invoke(clock.Elapsed);
        }

        if (!finished)
        {
            process.Kill(entireProcessTree: true);
            return $"konversi PDF oleh LibreOffice melewati batas waktu {limit.TotalSeconds:0} detik; perpanjang dengan --pdf-timeout DETIK";
        }

        var produced = Path.Combine(outDir, Path.GetFileNameWithoutExtension(docxPath) + ".pdf");
        if (process.ExitCode != 0 || !File.Exists(produced))
            return $"LibreOffice gagal membuat PDF (kode {process.ExitCode}): {stderr.Result}{stdout.Result}".Trim();
        File.Copy(produced, pdfPath, overwrite: true);
        return null;
    }

    /// <summary>
    /// Waits up to <paramref name="wait"/> for LibreOffice, looking at <paramref name="cancel"/> five times a second; on
    /// cancellation the whole process tree (soffice, oosplash, soffice.bin) is killed before the exception leaves, so
    /// nothing keeps running or writing once the command has ended. A Ctrl-C at the terminal also reaches LibreOffice
    /// itself: its exit is then the cancellation too, never a failure to retry on a fresh profile.
    /// </summary>
    private static bool WaitForExit(Process process, TimeSpan wait, CancellationToken cancel)
    {
        var until = Stopwatch.StartNew();
        while (true)
        {
            var left = wait - until.Elapsed;
            var slice = left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200);
            var exited = process.WaitForExit(slice < TimeSpan.Zero ? TimeSpan.Zero : slice);
            if (cancel.IsCancellationRequested)
            {
                if (!exited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                }

                cancel.ThrowIfCancellationRequested();
            }

            if (exited || until.Elapsed >= wait)
                return exited;
        }
    }

    /// <summary>
    /// The PDF export filter. From LibreOffice 7.4 on (which reads filter options written as JSON) images are
    /// written losslessly without first trying each as JPEG: the charts and diagrams are flat-colour PNG, which
    /// LibreOffice writes deflated anyway after deflating and JPEG-encoding each one to compare the sizes.
    /// </summary>
    private static string ExportFilter(string? version, bool destinations) =>
        !ReadsJsonOptions(version) ? "pdf:writer_pdf_Export"
        : destinations ? """pdf:writer_pdf_Export:{"UseLosslessCompression":{"type":"boolean","value":"true"},"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}"""
        : """pdf:writer_pdf_Export:{"UseLosslessCompression":{"type":"boolean","value":"true"}}""";

    /// <summary>Whether this LibreOffice takes the export filter's options as JSON (7.4 and later).</summary>
    internal static bool ReadsJsonOptions(string? version) => version is not null && VersionNumber(version) >= 74;

    /// <summary>major * 10 + minor, as LibreOffice compares versions (utl::isProductVersionUpgraded).</summary>
    internal static int VersionNumber(string version)
    {
        var parts = version.Split('.');
        return int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 10 + int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly Dictionary<string, string?> Versions = [];

    /// <summary>
    /// The installed LibreOffice's "major.minor" (7.4), read once per process from the setting LibreOffice itself
    /// compares with the profile's last version (ooSetupVersion in share/registry/main.xcd beside program/);
    /// null when it cannot be read. Reading the file costs milliseconds, <c>soffice --version</c> half a second.
    /// </summary>
    internal static string? InstalledVersion(string soffice)
    {
        lock (Versions)
        {
            if (!Versions.TryGetValue(soffice, out var version))
                Versions[soffice] = version = ReadVersion(soffice);
            return version;
        }
    }

    private static string? ReadVersion(string soffice)
    {
        try
        {
            var program = Path.GetDirectoryName(File.ResolveLinkTarget(soffice, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(soffice))!;
            var registry = Path.Combine(program, "..", "share", "registry", "main.xcd");
            if (!File.Exists(registry))
                return null;
            var match = SetupVersion().Match(File.ReadAllText(registry));
            return match.Success ? match.Groups[1].Value : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<prop oor:name="ooSetupVersion">\s*<value>(\d+\.\d+)</value>""")]
    private static partial Regex SetupVersion();
}
