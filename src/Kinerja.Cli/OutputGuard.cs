using System.IO.Packaging;
using System.Text;

namespace Kinerja.Cli;

/// <summary>
/// Nothing a user made is lost: an output path that already holds a file is written only when that file is a
/// report Kinerja wrote itself (stamped, see <see cref="Stamp"/>) or when --force says so; the command's own input
/// and a read-only file are never replaced.
/// </summary>
public static class OutputGuard
{
    /// <summary>The core-property category Kinerja writes into each .docx/.xlsx report it makes.</summary>
    public const string ReportCategory = "kinerja: laporan";

    /// <summary>
    /// Checks the output path and claims it for this run (see <see cref="Claim"/>); dispose the result once the
    /// file is in place.
    /// </summary>
    internal static IDisposable Check(string output, bool force, bool reportsMayBeReplaced, params string[] inputs)
    {
        var full = Path.GetFullPath(output);
        if (Directory.Exists(full))
            throw new UsageException($"tidak dapat menulis {output}: itu sebuah folder; sebut nama berkas keluaran (mis. {Path.Combine(output, "laporan.docx")})");
        var claim = Claim(output);
        try
        {
            CheckClaimed(output, full, force, reportsMayBeReplaced, inputs);
            return claim;
        }
        catch
        {
            claim.Dispose();
            throw;
        }
    }

    /// <summary>The lock file beside <paramref name="output"/> that a run holds while it checks and writes that file.</summary>
    public static string LockPath(string output)
    {
        var full = Path.GetFullPath(output);
        return Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + ".kinerja-lock");
    }

    /// <summary>
    /// Two runs writing the same file would both check it, both write their temporary and both rename it into place,
    /// each reporting success while one result silently replaced the other. The run therefore holds an exclusive
    /// lock (a lock file opened with FileShare.None: flock on Unix, a share lock on Windows, released by the system
    /// when the process dies, so a killed run leaves no stale lock) from the check until the rename; a second run
    /// is refused at once, naming the file.
    /// </summary>
    internal static IDisposable Claim(string output)
    {
        var path = LockPath(output);
        if (!Directory.Exists(Path.GetDirectoryName(path)))
            return new Released(); // the missing folder is reported by the command itself
        for (var attempt = 0; ; attempt++)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException) when (File.Exists(path))
            {
                throw new UsageException($"{output} sedang ditulis oleh proses kinerja lain (kunci {Path.GetFileName(path)}); tunggu sampai proses itu selesai, lalu ulangi");
            }
            catch (UnauthorizedAccessException)
            {
                return new Released(); // a folder we may not write: the write itself reports it
            }

            // the holder before us removed the lock file as it finished: ours is then an orphan, so take a fresh one
            if (File.Exists(path) || attempt >= 3)
                return new Lock(stream, path);
            stream.Dispose();
        }
    }

    private sealed class Lock(FileStream stream, string path) : IDisposable
    {
        public void Dispose()
        {
            // removed while still held, so no other run can have opened this file in between
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a lock file left behind is harmless: the next run opens it and locks it
            }

            stream.Dispose();
        }
    }

    private sealed class Released : IDisposable
    {
        public void Dispose()
        {
        }
    }

    private static void CheckClaimed(string output, string full, bool force, bool reportsMayBeReplaced, string[] inputs)
    {
        foreach (var input in inputs)
        {
            if (string.Equals(Path.GetFullPath(input), full, StringComparison.Ordinal))
                throw new UsageException($"berkas keluaran {output} sama dengan berkas masukan; pilih nama lain agar data Anda tidak tertimpa");
        }

        if (!File.Exists(full))
            return;
        if (IsReadOnly(full))
            throw new UsageException($"{output} hanya-baca (read-only) dan tidak ditimpa; pilih nama lain atau buka izin tulisnya dulu");
        if (force || (reportsMayBeReplaced && IsKinerjaReport(full)))
            return;
        throw new UsageException($"{output} sudah ada dan bukan laporan yang ditulis kinerja; pilih nama lain, atau tambahkan --force untuk menimpanya");
    }

    private static bool IsReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
            return File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly);
        // root may write anything: the file's own mode says whether its owner meant it to stay as it is
        return (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;
    }

    /// <summary>A .docx/.xlsx stamped with <see cref="ReportCategory"/>, or a PDF whose keywords are the report's ("SAKIP; ...").</summary>
    public static bool IsKinerjaReport(string path)
    {
        try
        {
            if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            {
                var bytes = File.ReadAllBytes(path);
                var text = Encoding.Latin1.GetString(bytes);
                // LibreOffice carries the Word file's keywords into the PDF's Info, as text or as UTF-16 hex
                return text.StartsWith("%PDF", StringComparison.Ordinal)
                    && (text.Contains("/Keywords(SAKIP", StringComparison.Ordinal) || text.Contains("/Keywords<FEFF00530041004B00490050", StringComparison.OrdinalIgnoreCase));
            }

            using var package = Package.Open(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return package.PackageProperties.Category == ReportCategory
                || package.PackageProperties.Keywords?.StartsWith("SAKIP", StringComparison.Ordinal) == true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FileFormatException or System.Xml.XmlException or InvalidOperationException)
        {
            return false; // not a package we can read: certainly not ours
        }
    }

    /// <summary>Marks a freshly written .docx/.xlsx report as Kinerja's, so the next run may replace it without --force.</summary>
    internal static void Stamp(string path)
    {
        if (!(path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))
            return;
        using var package = Package.Open(path, FileMode.Open, FileAccess.ReadWrite);
        package.PackageProperties.Category = ReportCategory;
    }
}
