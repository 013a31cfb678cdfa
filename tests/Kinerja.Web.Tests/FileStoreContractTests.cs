using System.Security.Cryptography;
using Amazon.S3.Model;
using Kinerja.Web.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kinerja.Web.Tests;

/// <summary>The local folder and the S3 bucket behave alike (issue 23, item 2): one suite, run against each.</summary>
public abstract class FileStoreContract : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "kinerja-kontrak-" + Guid.NewGuid().ToString("N"));

    protected FileStoreContract() => Directory.CreateDirectory(_work);

    protected abstract IFileStore Store { get; }

    protected abstract bool Ready { get; }

    /// <summary>Changes the stored bytes behind the store's back, as a person with access to the disk or bucket could.</summary>
    protected abstract Task OverwriteAsync(StoredFileKey key, byte[] bytes);

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_work, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Random(int size)
    {
        var bytes = new byte[size];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return bytes;
    }

    private static async Task<byte[]> ReadAll(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    [SkippableFact]
    public async Task Stores_under_the_sha256_of_the_bytes_and_reads_them_back()
    {
        Skip.IfNot(Ready, S3Server.Missing);
        var bytes = Random(300_000);
        var stored = await Store.PutAsync("bukti", Write(bytes), null);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Key.Sha256);
        Assert.Equal(bytes.Length, stored.Size);
        Assert.True(stored.Created);
        Assert.True(await Store.ExistsAsync(stored.Key));
        Assert.Equal(bytes, await ReadAll((await Store.OpenReadAsync(stored.Key))!));
    }

    [SkippableFact]
    public async Task The_same_bytes_are_stored_once_and_an_extension_is_part_of_the_name()
    {
        Skip.IfNot(Ready, S3Server.Missing);
        var bytes = Random(1000);
        var first = await Store.PutAsync("terbitan", Write(bytes), "pdf");
        var second = await Store.PutAsync("terbitan", Write(bytes), "pdf");
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Key, second.Key);
        Assert.Equal($"terbitan/{Convert.ToHexStringLower(SHA256.HashData(bytes))}.pdf", first.Key.Path);
        // the same content without the extension is another name
        Assert.False(await Store.ExistsAsync(new StoredFileKey("terbitan", first.Key.Sha256)));
    }

    [SkippableFact]
    public async Task A_missing_object_reads_as_null_and_a_deleted_one_is_gone()
    {
        Skip.IfNot(Ready, S3Server.Missing);
        var missing = new StoredFileKey("bukti", Convert.ToHexStringLower(SHA256.HashData(Random(10))));
        Assert.Null(await Store.OpenReadAsync(missing));
        Assert.False(await Store.ExistsAsync(missing));
        await Store.DeleteAsync(missing);

        var stored = await Store.PutAsync("bukti", Write(Random(500)), null);
        await Store.DeleteAsync(stored.Key);
        Assert.False(await Store.ExistsAsync(stored.Key));
        Assert.Null(await Store.OpenReadAsync(stored.Key));
    }

    [SkippableFact]
    public async Task Bytes_changed_after_storing_are_refused_on_read()
    {
        Skip.IfNot(Ready, S3Server.Missing);
        var bytes = Random(4000);
        var stored = await Store.PutAsync("bukti", Write(bytes), null);
        var changed = (byte[])bytes.Clone();
        changed[1234] ^= 0xFF;
        await OverwriteAsync(stored.Key, changed);
        var refused = await Assert.ThrowsAsync<StoredFileTamperedException>(() => Store.OpenReadAsync(stored.Key));
        Assert.Equal(stored.Key, refused.Key);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(changed)), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_is_a_sha256_in_a_plain_area_never_a_path()
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => new StoredFileKey("../bukti", sha));
        Assert.Throws<ArgumentException>(() => new StoredFileKey("bukti", "../../etc/passwd"));
        Assert.Throws<ArgumentException>(() => new StoredFileKey("bukti", sha.ToUpperInvariant()));
        Assert.Throws<ArgumentException>(() => new StoredFileKey("bukti", sha, "p/df"));
    }

    public void Dispose()
    {
        Directory.Delete(_work, recursive: true);
        GC.SuppressFinalize(this);
    }
}

public sealed class LocalFileStoreContractTests : FileStoreContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kinerja-lokal-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFileStore _store;

    public LocalFileStoreContractTests() => _store = new LocalFileStore(_root, NullLogger<LocalFileStore>.Instance);

    protected override IFileStore Store => _store;

    protected override bool Ready => true;

    protected override Task OverwriteAsync(StoredFileKey key, byte[] bytes) => File.WriteAllBytesAsync(_store.PathOf(key), bytes);

    [Fact]
    public async Task Keeps_the_folder_layout_the_app_always_had()
    {
        var path = Path.Combine(_root, "x");
        Directory.CreateDirectory(_root);
        await File.WriteAllBytesAsync(path, [7, 7, 7]);
        var sha = Convert.ToHexStringLower(SHA256.HashData([7, 7, 7]));
        await _store.PutAsync("bukti", path, null);
        await _store.PutAsync("terbitan", path, "docx");
        Assert.True(File.Exists(Path.Combine(_root, "bukti", sha)));
        Assert.True(File.Exists(Path.Combine(_root, "terbitan", sha + ".docx")));
    }
}

public sealed class S3FileStoreContractTests(S3Server server) : FileStoreContract, IClassFixture<S3Server>
{
    // each test class instance writes under its own prefix, so tests do not see each other's objects
    private readonly S3FileStore? _store = server.Available ? new S3FileStore(server.Options("kontrak-" + Guid.NewGuid().ToString("N") + "/"), NullLogger<S3FileStore>.Instance) : null;

    protected override IFileStore Store => _store!;

    protected override bool Ready => server.Available;

    protected override async Task OverwriteAsync(StoredFileKey key, byte[] bytes)
    {
        using var content = new MemoryStream(bytes);
        await _store!.Client.PutObjectAsync(new PutObjectRequest { BucketName = S3Server.Bucket, Key = _store.ObjectKey(key), InputStream = content, UseChunkEncoding = false });
    }

    [SkippableFact]
    public async Task The_object_is_in_the_bucket_under_the_prefix_and_sha256()
    {
        Skip.IfNot(Ready, S3Server.Missing);
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, [1, 2, 3, 4]);
        var stored = await Store.PutAsync("bukti", path, null);
        File.Delete(path);
        var listed = await _store!.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = S3Server.Bucket, Prefix = _store.ObjectKey(stored.Key) });
        var entry = Assert.Single(listed.S3Objects);
        Assert.Equal(4, entry.Size);
        Assert.EndsWith("/bukti/" + Convert.ToHexStringLower(SHA256.HashData([1, 2, 3, 4])), entry.Key, StringComparison.Ordinal);
    }
}
