using System.Security.Cryptography;
using Kinerja.Data;
using Kinerja.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>Where the app keeps its files: the SQLite database, bukti dukung and pending imports, all outside the web root.</summary>
public sealed class StoragePaths(string dataDirectory)
{
    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    public string Evidence => Path.Combine(DataDirectory, "bukti");

    public string Uploads => Path.Combine(DataDirectory, "unggahan");

    /// <summary>Files being checked or built before they go to the file store (local or S3); always on this server.</summary>
    public string Temporary => Path.Combine(DataDirectory, "sementara");
}

/// <summary>The kind of a file judged by its first bytes, never by its name or the browser's word.</summary>
public static class FileSniffer
{
    public static string? Kind(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
            return "application/pdf";
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return "image/png";
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
            return "image/jpeg";
        if (head.StartsWith("PK\u0003\u0004"u8))
            return "application/zip";
        return null;
    }

    /// <summary>True when the first non-blank byte opens a JSON object (a UTF-8 byte order mark is allowed).</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> head)
    {
        var s = head.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? head[3..] : head;
        foreach (var b in s)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                continue;
            return b == (byte)'{';
        }

        return false;
    }
}

/// <summary>
/// Whether a file opens as what its first bytes claim: a PDF is parsed (PDFsharp reads its cross-reference table and
/// every object it lists), an image is decoded whole (SkiaSharp), an Office file is opened by the OpenXML SDK and a
/// zip's directory is read. A file that only starts with the right bytes (a PDF header before garbage, a PNG cut off
/// half way) is refused: a verifikator must be able to open every bukti he is asked to accept.
/// </summary>
public static class FileContent
{
    /// <summary>
    /// Images above this many pixels are refused before decoding: a 10 MB PNG can declare 30.000 x 30.000 pixels and
    /// take gigabytes to decode; a phone photo (50 megapixels at most) and a scanned A4 page at 600 dpi (35) fit.
    /// </summary>
    public const long MaxImagePixels = 60_000_000;

    /// <summary>Null when the file at <paramref name="path"/> opens as <paramref name="kind"/>, else why not (Indonesian).</summary>
    public static string? Problem(string path, string kind, string extension)
    {
        try
        {
            return kind switch
            {
                "application/pdf" => PdfProblem(path),
                "image/png" or "image/jpeg" => ImageProblem(path, kind == "image/png" ? "PNG" : "JPEG"),
                _ => extension switch
                {
                    ".docx" => OpenXml(() => DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false), d => d.MainDocumentPart?.Document is null, "dokumen Word"),
                    ".xlsx" => OpenXml(() => DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false), d => d.WorkbookPart?.Workbook is null, "buku kerja Excel"),
                    ".pptx" => OpenXml(() => DocumentFormat.OpenXml.Packaging.PresentationDocument.Open(path, false), d => d.PresentationPart?.Presentation is null, "presentasi PowerPoint"),
                    _ => ZipProblem(path),
                },
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // every library throws its own exception for a broken file; the file is what is wrong, not the server
            return "berkas rusak atau tidak dapat dibuka";
        }
    }

    private static string? PdfProblem(string path)
    {
        // PDFsharp repairs some damage silently; a PDF must also end as a PDF ends (startxref, then %%EOF), which a
        // file cut off in transfer does not
        using (var stream = File.OpenRead(path))
        {
            var tailLength = (int)Math.Min(stream.Length, 2048);
            stream.Seek(-tailLength, SeekOrigin.End);
            var tail = new byte[tailLength];
            stream.ReadExactly(tail);
            if (tail.AsSpan().IndexOf("%%EOF"u8) < 0 || tail.AsSpan().IndexOf("startxref"u8) < 0)
                return "berkas PDF tidak lengkap (tidak diakhiri startxref dan %%EOF); unggah ulang berkas aslinya";
        }

        try
        {
            using var document = PdfSharp.Pdf.IO.PdfReader.Open(path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            if (document.PageCount == 0)
                return "berkas PDF tidak memiliki halaman";
            // the page tree is read lazily: touching every page reads the objects a viewer needs to show them
            foreach (var page in document.Pages)
                _ = page.MediaBox;
            return null;
        }
        catch (PdfSharp.Pdf.IO.PdfReaderException e) when (e.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return "berkas PDF dikunci dengan kata sandi; unggah salinan tanpa kata sandi agar verifikator dapat membukanya";
        }
    }

    private static string? ImageProblem(string path, string what)
    {
        using var codec = SkiaSharp.SKCodec.Create(path, out var created);
        if (codec is null || created != SkiaSharp.SKCodecResult.Success)
            return $"gambar {what} tidak dapat dibaca";
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxImagePixels)
            return $"gambar {what} berukuran {info.Width} x {info.Height} piksel; paling besar {MaxImagePixels / 1_000_000} megapiksel";
        // SKBitmap.Decode accepts an image cut off half way (IncompleteInput, the rest painted grey); only Success is whole
        using var bitmap = new SkiaSharp.SKBitmap(info.WithColorType(SkiaSharp.SKColorType.Rgba8888).WithAlphaType(SkiaSharp.SKAlphaType.Premul));
        var decoded = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        return decoded == SkiaSharp.SKCodecResult.Success ? null : $"gambar {what} rusak atau terpotong ({decoded}); unggah ulang berkas aslinya";
    }

    private static string? OpenXml<T>(Func<T> open, Func<T, bool> empty, string what) where T : IDisposable
    {
        using var document = open();
        return empty(document) ? $"berkas bukan {what} yang utuh" : null;
    }

    private static string? ZipProblem(string path)
    {
        // the central directory and every entry's header are read; the entries are not unpacked (a small zip may
        // expand to gigabytes)
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        return zip.Entries.Count == 0 ? "arsip ZIP kosong" : null;
    }
}

public sealed class EvidenceRejectedException(string message) : Exception(message);

/// <summary>
/// Stores bukti dukung under their SHA-256 in the file store (the data folder or an S3 bucket); the same content is
/// stored once. The object is stored first and the record committed after (by the caller, through RecordWriter); when
/// the commit does not happen, <see cref="DiscardUnusedAsync"/> removes the objects this request stored that no record uses.
/// </summary>
public sealed class EvidenceStore(StoragePaths paths, KinerjaDbContext db, TimeProvider clock, RecordWriter writer, Storage.IFileStore files, ILogger<EvidenceStore> log)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const string Area = "bukti";

    private readonly List<Storage.StoredFileKey> _created = [];

    private static readonly Dictionary<string, string[]> Extensions = new()
    {
        ["application/pdf"] = [".pdf"],
        ["image/png"] = [".png"],
        ["image/jpeg"] = [".jpg", ".jpeg"],
        ["application/zip"] = [".docx", ".xlsx", ".pptx", ".zip"],
    };

    public static string Allowed => "PDF, PNG, JPEG, DOCX, XLSX, PPTX atau ZIP, paling besar 10 MB";

    public async Task<EvidenceFile> AddAsync(RealisasiRecord record, IFormFile file, string userName, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(file.FileName);
        if (file.Length == 0)
            throw new EvidenceRejectedException($"berkas \"{name}\" kosong");
        if (file.Length > MaxBytes)
            throw new EvidenceRejectedException($"berkas \"{name}\" terlalu besar ({file.Length / 1024 / 1024} MB); paling besar 10 MB");
        var head = new byte[8];
        int read;
        await using (var probe = file.OpenReadStream())
            read = await probe.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var kind = FileSniffer.Kind(head.AsSpan(0, read));
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (kind is null || !Extensions[kind].Contains(extension))
            throw new EvidenceRejectedException($"berkas \"{name}\" ditolak: isinya bukan {Allowed.Split(',')[0]} atau jenis lain yang diterima ({Allowed}), atau isinya tidak cocok dengan akhiran namanya");

        Directory.CreateDirectory(paths.Temporary);
        var temp = Path.Combine(paths.Temporary, "bukti-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var source = file.OpenReadStream())
            await using (var target = File.Create(temp))
                await source.CopyToAsync(target, cancellationToken);

            if (FileContent.Problem(temp, kind, extension) is { } problem)
                throw new EvidenceRejectedException($"berkas \"{name}\" ditolak: {problem}");

            // stored before the record exists: a record is never committed for bytes that are not there
            var stored = await files.PutAsync(Area, temp, null, cancellationToken);
            if (stored.Created)
                _created.Add(stored.Key);
            var evidence = new EvidenceFile
            {
                RealisasiRecordId = record.Id, AgencyId = record.AgencyId, FileName = name,
                ContentType = kind == "application/zip" ? ContentTypeOf(extension) : kind, Size = stored.Size, Sha256 = stored.Key.Sha256, UploadedBy = userName, UploadedAt = clock.GetUtcNow(),
            };
            db.Evidence.Add(evidence);
            return evidence;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// After a commit that did not happen (a refused file, a refused write, an error): removes the objects this request
    /// stored that no committed record names. An object that was already there before this request is left alone.
    /// </summary>
    public async Task DiscardUnusedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var key in _created.ToList())
        {
            var used = await db.Evidence.AsNoTracking().AnyAsync(e => e.Sha256 == key.Sha256, cancellationToken);
            if (!used)
            {
                await files.DeleteAsync(key, cancellationToken);
                if (log.IsEnabled(LogLevel.Information))
                    log.LogInformation("bukti {Key} dihapus dari penyimpanan: unggahannya tidak tersimpan", key.Path);
            }
        }

        _created.Clear();
    }

    /// <summary>The stored bytes of a bukti, checked against its SHA-256; null when missing.</summary>
    public Task<Stream?> OpenAsync(EvidenceFile evidence, CancellationToken cancellationToken = default) =>
        files.OpenReadAsync(new Storage.StoredFileKey(Area, evidence.Sha256), cancellationToken);

    /// <summary>
    /// Removes a wrong bukti from a realisasi that is still a draft (or returned to its author), read at
    /// <paramref name="expectedVersion"/>: the record's version is bumped in the same transaction, so a removal and
    /// another person's step cannot both pass, and the audit log keeps the removed file's name, size and SHA-256.
    /// The stored content stays (it is named by its hash and may back another record; the audit entry points at it).
    /// Once the record is submitted the bukti are what the verifikator is judging, and once approved they are part
    /// of the record: they change only by returning the record, or by a correction (a new version with its own bukti).
    /// The caller has checked that the user may enter realisasi for the record's unit.
    /// </summary>
    public async Task<Outcome> RemoveAsync(RealisasiRecord record, long evidenceId, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var evidence = record.Evidence.FirstOrDefault(e => e.Id == evidenceId);
        if (evidence is null)
            return Outcome.Refused("bukti dukung itu tidak ada pada realisasi ini");
        if (expectedVersion is null)
            return Outcome.VersionRequired("realisasi");
        if (!record.IsCurrent)
            return Outcome.Refused("bukti dukung versi lama tidak dapat dihapus; versi ini sudah diganti oleh koreksi");
        var refusal = record.Status switch
        {
            EntryStatus.Draft or EntryStatus.Dikembalikan => null,
            EntryStatus.Disahkan => "realisasi ini sudah disahkan: bukti dukungnya bagian dari catatan yang disahkan dan tidak dapat dihapus; buat koreksi (versi baru, dengan alasan koreksi) lalu unggah bukti yang benar pada versi itu",
            _ => $"realisasi ini sudah {RealisasiService.StatusLabel(record.Status).ToLowerInvariant()} dan buktinya sedang diperiksa; bukti hanya dapat dihapus pada draf, jadi minta verifikator mengembalikannya terlebih dahulu",
        };
        if (refusal is not null)
            return Outcome.Refused(refusal);
        if (expectedVersion != record.ConcurrencyVersion)
            return Outcome.Conflict($"realisasi ini telah diubah sejak Anda membukanya (status sekarang {RealisasiService.StatusLabel(record.Status)}); bukti tidak dihapus. Muat ulang halaman lalu ulangi.");

        // the one write path: authorised for the record's unit, saved at the version read with the year's revision raised,
        // audited (the row audit keeps the removed file's name and SHA-256), read back, in one transaction
        var year = await db.Years.SingleAsync(y => y.Id == record.ReportingYearId, cancellationToken);
        db.Evidence.Remove(evidence);
        db.Entry(record).Property(r => r.ConcurrencyVersion).OriginalValue = expectedVersion.Value;
        record.ConcurrencyVersion = expectedVersion.Value + 1;
        var saved = await writer.CommitAsync(year, new WriteRequest(Security.Operations.EnterRealisasi, record.UnitCode, $"bukti dukung {record.IndicatorCode} {record.Period}", CheckScope.ReadBack) { RecordVersioned = true });
        return saved.Ok ? Outcome.Done(record) : Outcome.Of(saved);
    }

    private static string ContentTypeOf(string extension) => extension switch
    {
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ => "application/zip",
    };

    public Task<EvidenceFile?> FindAsync(long id) => db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
}
