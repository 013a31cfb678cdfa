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
        builder.ConfigureServices(s =>
        {
            // the app's clock, so the tests pass in any year (issue 21): the demo year 2025 is "last year"
            s.AddSingleton<TimeProvider>(Clock);
            // the workflow tests write to 2025, a closed year: every instansi is made with the period lock off, as if its
            // administrator had switched it off; the app has no such switch (the lock's own tests are in Kinerja.Web.Tests)
            s.ConfigureDbContext<SqliteKinerjaDbContext>(o => o.AddInterceptors(new LockOffForWorkflowTests()));
            s.ConfigureDbContext<PostgresKinerjaDbContext>(o => o.AddInterceptors(new LockOffForWorkflowTests()));
        });
    }

    /// <summary>15 June 2026, 09.00 WIB when the server starts, then running with real time (timeouts and the cookies stay natural).</summary>
    public ShiftedClock Clock { get; } = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));

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

/// <summary>A clock that starts at a fixed moment and runs at real speed.</summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly global::System.Diagnostics.Stopwatch _elapsed = global::System.Diagnostics.Stopwatch.StartNew();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + _elapsed.Elapsed;
}

/// <summary>Browser tests only: an instansi is stored with the period lock off (see <see cref="KinerjaServer"/>).</summary>
public sealed class LockOffForWorkflowTests : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
{
    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        foreach (var entry in eventData.Context?.ChangeTracker.Entries<Agency>().Where(e => e.State == EntityState.Added) ?? [])
            entry.Entity.LockPeriods = false;
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
