using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Kinerja.Cli;

/// <summary>
/// The command's standard output as a writer that notices when nobody can receive it. .NET's Console.Out drops a
/// write to a closed pipe without a word (<c>kinerja compute x | head -1</c> would report success with its output cut
/// short) and an unwritable stdout (/dev/full, a closed descriptor) surfaced as an English system message; here every
/// such failure becomes <see cref="StandardOutputException"/>, which the command reports in Indonesian with exit 2.
/// </summary>
internal sealed class StandardOutput : TextWriter
{
    private readonly StreamWriter _inner;

    private StandardOutput(Stream stream) =>
        _inner = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };

    public override Encoding Encoding => _inner.Encoding;

    /// <summary>File descriptor 1 itself (a FileStream reports EPIPE and ENOSPC, the console stream hides EPIPE).</summary>
    public static TextWriter Open()
    {
        if (OperatingSystem.IsWindows())
            return new StandardOutput(Console.OpenStandardOutput());
        try
        {
            return new StandardOutput(new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // descriptor 1 closed (">&-") or not writable: the first write says so
            return new StandardOutput(new FailingStream(e));
        }
    }

    public override void Write(char value) => Guard(() => _inner.Write(value));

    public override void Write(string? value) => Guard(() => _inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => _inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => _inner.WriteLine(value));

    public override void WriteLine() => Guard(() => _inner.WriteLine());

    public override void Flush() => Guard(_inner.Flush);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                _inner.Dispose();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // reported by the Flush before; nothing more can be written
            }
        }

        base.Dispose(disposing);
    }

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw new StandardOutputException(e);
        }
    }

    /// <summary>Stands for a descriptor that could not be opened: every write fails with the reason.</summary>
    private sealed class FailingStream(Exception reason) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => 0;

        public override long Position { get => 0; set { } }

        public override void Flush() => throw new IOException(reason.Message, reason);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException(reason.Message, reason);
    }
}

/// <summary>Standard output could not take what the command printed: a closed pipe, a full disk, a closed descriptor.</summary>
public sealed class StandardOutputException(Exception inner) : Exception("keluaran standar tidak dapat ditulis", inner)
{
    /// <summary>The Indonesian sentence for the user.</summary>
    public string Describe() =>
        "keluaran standar (stdout) tidak dapat ditulis: "
        + (InnerException is UnauthorizedAccessException or ObjectDisposedException ? "tertutup atau tidak dibuka untuk ditulis (mis. >&-)" : Kinerja.Documents.Workbook.DataImporter.DescribeIoFailure(InnerException!))
        + "; hasil perintah tidak lengkap";
}
