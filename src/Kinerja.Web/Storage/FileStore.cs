using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Kinerja.Web.Storage;

/// <summary>
/// The name of a stored file: its area (<c>bukti</c>, <c>terbitan</c>), its SHA-256 and an optional extension. The content
/// names itself, so the same bytes are stored once and a changed byte is noticed on every read.
/// </summary>
public sealed partial record StoredFileKey
{
    public StoredFileKey(string area, string sha256, string? extension = null)
    {
        if (!AreaPattern().IsMatch(area))
            throw new ArgumentException($"area \"{area}\" tidak sah", nameof(area));
        if (!ShaPattern().IsMatch(sha256))
            throw new ArgumentException($"SHA-256 \"{sha256}\" tidak sah", nameof(sha256));
        if (extension is not null && !AreaPattern().IsMatch(extension))
            throw new ArgumentException($"akhiran \"{extension}\" tidak sah", nameof(extension));
        Area = area;
        Sha256 = sha256;
        Extension = extension;
    }

    public string Area { get; }

    public string Sha256 { get; }

    public string? Extension { get; }

    /// <summary>The file's name inside its area: the layout the local folder always had (bukti/{sha}, terbitan/{sha}.pdf).</summary>
    public string Name => Extension is null ? Sha256 : Sha256 + "." + Extension;

    public string Path => Area + "/" + Name;

    public override string ToString() => Path;

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex ShaPattern();

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex AreaPattern();
}

/// <summary>What <see cref="IFileStore.PutAsync"/> stored: the key, the size, and whether this call wrote it (false: the same bytes were there).</summary>
public sealed record StoredFile(StoredFileKey Key, long Size, bool Created);

/// <summary>A stored file whose bytes no longer give its SHA-256: changed on disk or in the bucket. It is never served.</summary>
public sealed class StoredFileTamperedException(StoredFileKey key, string actual)
    : Exception($"isi berkas tersimpan {key} tidak cocok dengan SHA-256-nya (terbaca {actual}); berkas tidak disajikan")
{
    public StoredFileKey Key { get; } = key;
}

/// <summary>
/// Where bukti dukung and published documents are kept: a local folder (the default) or an S3-compatible bucket shared
/// by every app server. Content-addressed by SHA-256 and checked on every read. A caller stores the object first and
/// commits its database record after; when the commit fails it removes the object again unless a record uses it, so a
/// record never points at nothing and an object nobody names does not stay.
/// </summary>
public interface IFileStore
{
    /// <summary>"lokal" or "s3", for the log and the start line.</summary>
    string Backend { get; }

    /// <summary>Stores the file at <paramref name="localPath"/> (left in place) under its SHA-256, computed here; the same bytes are stored once.</summary>
    Task<StoredFile> PutAsync(string area, string localPath, string? extension, CancellationToken cancellationToken = default);

    /// <summary>The stored bytes, checked against the key's SHA-256 before anything is returned; null when missing.</summary>
    /// <exception cref="StoredFileTamperedException">the bytes changed since they were stored (logged)</exception>
    Task<Stream?> OpenReadAsync(StoredFileKey key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(StoredFileKey key, CancellationToken cancellationToken = default);

    /// <summary>Removes the object; nothing happens when it is not there.</summary>
    Task DeleteAsync(StoredFileKey key, CancellationToken cancellationToken = default);
}

public static class FileHashing
{
    public static async Task<(string Sha256, long Size)> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        return (sha, stream.Length);
    }

    /// <summary>Copies <paramref name="source"/> to a temporary file that is deleted when closed, hashing on the way; the copy is positioned at 0.</summary>
    public static async Task<(FileStream Copy, string Sha256)> BufferAsync(Stream source, CancellationToken cancellationToken)
    {
        var copy = new FileStream(Path.Combine(Path.GetTempPath(), "kinerja-baca-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int n;
            while ((n = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, n);
                await copy.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            }

            copy.Position = 0;
            return (copy, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }
}

/// <summary>The default: files in the data folder, in the layout the app always used (bukti/{sha}, terbitan/{sha}.{format}).</summary>
public sealed class LocalFileStore(string root, ILogger<LocalFileStore> log) : IFileStore
{
    public string Backend => "lokal";

    public string Root { get; } = Path.GetFullPath(root);

    public string PathOf(StoredFileKey key) => Path.Combine(Root, key.Area, key.Name);

    public async Task<StoredFile> PutAsync(string area, string localPath, string? extension, CancellationToken cancellationToken = default)
    {
        var (sha, size) = await FileHashing.HashFileAsync(localPath, cancellationToken);
        var key = new StoredFileKey(area, sha, extension);
        var target = PathOf(key);
        if (File.Exists(target))
            return new StoredFile(key, size, Created: false);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // copied beside the target and renamed into place: a reader never sees half a file
        var temp = target + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.Copy(localPath, temp);
            try
            {
                File.Move(temp, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // another request stored the same bytes a moment ago
                return new StoredFile(key, size, Created: false);
            }

            return new StoredFile(key, size, Created: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<Stream?> OpenReadAsync(StoredFileKey key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
            return null;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            if (actual != key.Sha256)
            {
                log.LogError("berkas tersimpan {Key} di {Path} telah berubah: SHA-256 terbaca {Actual}; ditolak", key.Path, path, actual);
                throw new StoredFileTamperedException(key, actual);
            }

            stream.Position = 0;
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public Task<bool> ExistsAsync(StoredFileKey key, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(StoredFileKey key, CancellationToken cancellationToken = default)
    {
        // File.Delete ignores a missing file but not a missing folder (an area nothing was stored in yet)
        var path = PathOf(key);
        if (File.Exists(path))
            File.Delete(path);
        return Task.CompletedTask;
    }
}
