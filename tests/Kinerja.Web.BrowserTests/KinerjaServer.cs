using System.Net;
using Kinerja.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Web.BrowserTests;

/// <summary>
/// The real web app on Kestrel, listening on 127.0.0.1 on a free port, against a fresh database of
/// one provider: a new SQLite file, or a new PostgreSQL database on the server named by
/// KINERJA_TEST_POSTGRES (scripts/start-postgres.sh starts one and test.sh exports it), dropped at
/// the end. Nothing is seeded: the browser imports the workbooks itself.
/// </summary>
public sealed class KinerjaServer : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "KINERJA_TEST_POSTGRES";

    private readonly string _provider;
    private readonly string _connection;

    public KinerjaServer(string provider)
    {
        _provider = provider;
        Directory.CreateDirectory(DataFolder);
        _connection = provider == "Postgres"
            ? PostgresBase + $";Database=kinerja_browser_{Guid.NewGuid():N}"
            : $"Data Source={Path.Combine(DataFolder, "kinerja.db")}";
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
    }

    public string BaseUrl { get; }

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "kinerja-browser-" + Guid.NewGuid().ToString("N"));

    public static string? PostgresBase => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>In CI PostgreSQL must be there: a missing server fails the run instead of passing it by.</summary>
    public static bool PostgresAvailable()
    {
        if (PostgresBase is not null)
            return true;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"CI=true but {PostgresVariable} is not set: the browser tests must run on PostgreSQL in CI (scripts/start-postgres.sh)");
        return false;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Kinerja:Database", _provider);
        builder.UseSetting("ConnectionStrings:Kinerja", _connection);
        builder.UseSetting("Kinerja:DataDirectory", DataFolder);
        builder.UseSetting("Kinerja:SeedSamples", "false");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _provider == "Postgres")
        {
            try
            {
                using var scope = Services.CreateScope();
                scope.ServiceProvider.GetRequiredService<KinerjaDbContext>().Database.EnsureDeleted();
            }
            catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException)
            {
                // the server may already be stopped at the end of a run
            }
        }

        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Files of the repository the tests read (samples) or write (screenshots, ignored by git).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kinerja.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("Kinerja.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    public static string Screenshots(string provider)
    {
        var folder = Path.Combine(Root, "artifacts", "screenshots", provider.ToLowerInvariant());
        Directory.CreateDirectory(folder);
        return folder;
    }
}
