using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kinerja.Web.Tests;

/// <summary>
/// A real S3-compatible server for the storage tests: s3rver from npm (tests/tooling/s3rver, installed by test.sh with
/// npm ci from its lock file), started on 127.0.0.1 at a free port with a bucket, stopped and removed at the end.
/// Missing node_modules make the tests report themselves skipped, which test.sh turns into a failure in CI.
/// </summary>
public sealed class S3Server : IAsyncLifetime
{
    public const string Bucket = "kinerja-uji";

    /// <summary>s3rver's fixed test credentials.</summary>
    public const string AccessKey = "S3RVER";

    public const string SecretKey = "S3RVER";

    public const string Missing = "s3rver tidak terpasang: jalankan npm ci di tests/tooling/s3rver (test.sh melakukannya)";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kinerja-s3-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public bool Available { get; private set; }

    public string ServiceUrl { get; private set; } = "";

    public static string? Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "tooling", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The settings that point an app at this server.</summary>
    public Dictionary<string, string?> AppSettings(string prefix = "") => new()
    {
        ["Kinerja:Storage:Backend"] = "S3",
        ["Kinerja:Storage:S3:Bucket"] = Bucket,
        ["Kinerja:Storage:S3:ServiceUrl"] = ServiceUrl,
        ["Kinerja:Storage:S3:AccessKey"] = AccessKey,
        ["Kinerja:Storage:S3:SecretKey"] = SecretKey,
        ["Kinerja:Storage:S3:ForcePathStyle"] = "true",
        ["Kinerja:Storage:S3:Prefix"] = prefix,
    };

    public Storage.S3StorageOptions Options(string prefix = "") => new()
    {
        Bucket = Bucket, ServiceUrl = ServiceUrl, AccessKey = AccessKey, SecretKey = SecretKey, ForcePathStyle = true, Prefix = prefix,
    };

    public async Task InitializeAsync()
    {
        var script = Script();
        if (script is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException("CI=true but " + Missing);
            return;
        }

        Directory.CreateDirectory(_folder);
        var port = FreePort();
        ServiceUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, "-d", _folder, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-s", "--configure-bucket", Bucket })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // ready when the port answers
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }

        Available = true;
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
