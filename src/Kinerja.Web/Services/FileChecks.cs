using System.Security.Cryptography;
using Kinerja.Data;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>Where the app keeps its files: the SQLite database, bukti dukung and pending imports, all outside the web root.</summary>
public sealed class StoragePaths(string dataDirectory)
{
    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    public string Evidence => Path.Combine(DataDirectory, "bukti");

    public string Uploads => Path.Combine(DataDirectory, "unggahan");
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

public sealed class EvidenceRejectedException(string message) : Exception(message);

/// <summary>Stores bukti dukung under their SHA-256 outside the web root; the same content is stored once.</summary>
public sealed class EvidenceStore(StoragePaths paths, KinerjaDbContext db, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;

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

        Directory.CreateDirectory(paths.Evidence);
        var temp = Path.Combine(paths.Evidence, "tmp-" + Guid.NewGuid().ToString("N"));
        string hash;
        await using (var source = file.OpenReadStream())
        await using (var target = File.Create(temp))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int n;
            while ((n = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, n);
                await target.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            }

            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }

        var stored = PathOf(hash);
        if (File.Exists(stored))
            File.Delete(temp);
        else
            File.Move(temp, stored);

        var evidence = new EvidenceFile
        {
            RealisasiRecordId = record.Id, AgencyId = record.AgencyId, FileName = name,
            ContentType = kind == "application/zip" ? ContentTypeOf(extension) : kind, Size = file.Length, Sha256 = hash, UploadedBy = userName, UploadedAt = clock.GetUtcNow(),
        };
        db.Evidence.Add(evidence);
        return evidence;
    }

    public string PathOf(string sha256) => Path.Combine(paths.Evidence, sha256);

    private static string ContentTypeOf(string extension) => extension switch
    {
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ => "application/zip",
    };

    public Task<EvidenceFile?> FindAsync(long id) => db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
}
