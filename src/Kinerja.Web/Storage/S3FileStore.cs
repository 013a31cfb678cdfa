using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Kinerja.Web.Storage;

/// <summary>The S3 settings (<c>Kinerja:Storage:S3:*</c>); any S3-compatible store (MinIO, Ceph, a cloud's S3).</summary>
public sealed class S3StorageOptions
{
    public string Bucket { get; set; } = "";

    /// <summary>The store's address, e.g. http://minio.internal:9000; empty for AWS itself (then <see cref="Region"/> chooses it).</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    /// <summary>Empty: the SDK's own chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, an instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>http://host/bucket/key instead of http://bucket.host/key; most self-hosted stores need it.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>A folder inside the bucket, e.g. "kinerja/" when the bucket is shared.</summary>
    public string Prefix { get; set; } = "";
}

/// <summary>Files in an S3-compatible bucket, so every app server sees every bukti and published document.</summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private readonly IAmazonS3 _s3;
    private readonly S3StorageOptions _options;
    private readonly ILogger<S3FileStore> _log;

    public S3FileStore(S3StorageOptions options, ILogger<S3FileStore> log)
    {
        if (string.IsNullOrWhiteSpace(options.Bucket))
            throw new InvalidOperationException("Kinerja:Storage:S3:Bucket harus diisi untuk penyimpanan S3");
        _options = options;
        _log = log;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // checksums only where S3 requires them: self-hosted stores do not all understand the SDK's trailing checksums;
            // the content is checked here against its SHA-256 anyway
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is { Length: > 0 } url)
            config.ServiceURL = url;
        else
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        _s3 = options.AccessKey is { Length: > 0 } access
            ? new AmazonS3Client(new BasicAWSCredentials(access, options.SecretKey ?? ""), config)
            : new AmazonS3Client(config);
    }

    public string Backend => "s3";

    public IAmazonS3 Client => _s3;

    public string ObjectKey(StoredFileKey key) => _options.Prefix + key.Path;

    public async Task<StoredFile> PutAsync(string area, string localPath, string? extension, CancellationToken cancellationToken = default)
    {
        var (sha, size) = await FileHashing.HashFileAsync(localPath, cancellationToken);
        var key = new StoredFileKey(area, sha, extension);
        if (await ExistsAsync(key, cancellationToken))
            return new StoredFile(key, size, Created: false);
        var request = new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = ObjectKey(key),
            FilePath = localPath,
            ContentType = "application/octet-stream",
            UseChunkEncoding = false,
        };
        request.Metadata["sha256"] = sha;
        await _s3.PutObjectAsync(request, cancellationToken);
        return new StoredFile(key, size, Created: true);
    }

    public async Task<Stream?> OpenReadAsync(StoredFileKey key, CancellationToken cancellationToken = default)
    {
        GetObjectResponse response;
        try
        {
            response = await _s3.GetObjectAsync(_options.Bucket, ObjectKey(key), cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        using (response)
        {
            // read whole before a byte is served: a changed object is refused, never half sent
            var (copy, actual) = await FileHashing.BufferAsync(response.ResponseStream, cancellationToken);
            if (actual == key.Sha256)
                return copy;
            await copy.DisposeAsync();
            _log.LogError("objek {Bucket}/{Object} telah berubah: SHA-256 terbaca {Actual}; ditolak", _options.Bucket, ObjectKey(key), actual);
            throw new StoredFileTamperedException(key, actual);
        }
    }

    public async Task<bool> ExistsAsync(StoredFileKey key, CancellationToken cancellationToken = default)
    {
        try
        {
            await _s3.GetObjectMetadataAsync(_options.Bucket, ObjectKey(key), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task DeleteAsync(StoredFileKey key, CancellationToken cancellationToken = default) =>
        await _s3.DeleteObjectAsync(_options.Bucket, ObjectKey(key), cancellationToken);

    public void Dispose() => _s3.Dispose();
}

public static class FileStoreSetup
{
    /// <summary><c>Kinerja:Storage:Backend</c>: <c>Local</c> (default, the data folder) or <c>S3</c> (<c>Kinerja:Storage:S3:*</c>).</summary>
    public static IServiceCollection AddKinerjaFileStore(this IServiceCollection services, IConfiguration config, string dataDirectory)
    {
        var backend = config["Kinerja:Storage:Backend"]?.Trim().ToLowerInvariant();
        switch (backend)
        {
            case null or "" or "local" or "lokal":
                services.AddSingleton<IFileStore>(sp => new LocalFileStore(dataDirectory, sp.GetRequiredService<ILogger<LocalFileStore>>()));
                break;
            case "s3":
                var options = config.GetSection("Kinerja:Storage:S3").Get<S3StorageOptions>() ?? new S3StorageOptions();
                services.AddSingleton<IFileStore>(sp => new S3FileStore(options, sp.GetRequiredService<ILogger<S3FileStore>>()));
                break;
            default:
                throw new InvalidOperationException($"Kinerja:Storage:Backend \"{backend}\" tidak dikenal; gunakan Local atau S3");
        }

        return services;
    }
}
