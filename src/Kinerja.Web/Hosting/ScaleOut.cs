using System.Net;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Web.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kinerja.Web.Hosting;

/// <summary>
/// What lets several app servers stand behind one load balancer on one database (issue 23): Data Protection keys in
/// the database, forwarded headers from known proxies, health endpoints, a shutdown that lets requests finish, the
/// file store, JSON logs and OpenTelemetry. Program.cs calls these; every setting is in the README's table.
/// </summary>
public static class ScaleOut
{
    /// <summary>Fixed, so every server (and every version after an upgrade) reads the others' cookies and antiforgery tokens.</summary>
    public const string ApplicationName = "Kinerja";

    public const string LiveEndpoint = "/healthz";

    public const string ReadyEndpoint = "/readyz";

    private const string ReadyTag = "siap";

    public static WebApplicationBuilder AddKinerjaScaleOut(this WebApplicationBuilder builder, DatabaseProvider provider, string connection, string dataDirectory)
    {
        var config = builder.Configuration;
        var services = builder.Services;

        // the key ring lives in the database every server shares
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<KinerjaDbContext>();

        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(config.GetValue("Kinerja:ShutdownTimeoutSeconds", 30)));
        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwarding(o, config));

        var health = services.AddHealthChecks()
            .AddCheck<MigrationsHealthCheck>("migrasi", tags: [ReadyTag])
            .AddCheck<StoppingHealthCheck>("berhenti", tags: [ReadyTag]);
        if (provider == DatabaseProvider.Postgres)
            health.AddNpgSql(connection, name: "basis-data", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        else
            health.AddDbContextCheck<KinerjaDbContext>("basis-data", tags: [ReadyTag]);

        services.AddKinerjaFileStore(config, dataDirectory);
        builder.AddKinerjaObservability();
        return builder;
    }

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies named in Kinerja:Proxy:KnownProxies and
    /// Kinerja:Proxy:KnownNetworks (besides the loopback): then the sign-in throttle and the limits count the client's
    /// address, not the balancer's, and redirects keep https.
    /// </summary>
    public static bool ForwardingConfigured(IConfiguration config) =>
        config["Kinerja:Proxy:KnownProxies"] is { Length: > 0 } || config["Kinerja:Proxy:KnownNetworks"] is { Length: > 0 };

    private static void ConfigureForwarding(ForwardedHeadersOptions o, IConfiguration config)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.ForwardLimit = config.GetValue("Kinerja:Proxy:ForwardLimit", 1);
        foreach (var address in List(config["Kinerja:Proxy:KnownProxies"]))
            o.KnownProxies.Add(IPAddress.Parse(address));
        foreach (var network in List(config["Kinerja:Proxy:KnownNetworks"]))
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }

    private static string[] List(string? value) => (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>First in the pipeline, so every later step (limits, sign-in throttle, logs) sees the client's address.</summary>
    public static WebApplication UseKinerjaForwardedHeaders(this WebApplication app)
    {
        if (ForwardingConfigured(app.Configuration))
            app.UseForwardedHeaders();
        return app;
    }

    /// <summary>
    /// /healthz: the process answers (liveness, nothing else checked). /readyz: the database answers, no migration is
    /// pending and the server is not stopping (readiness: the balancer sends requests here). Anonymous, never rate limited.
    /// </summary>
    public static WebApplication MapKinerjaHealth(this WebApplication app)
    {
        app.MapHealthChecks(LiveEndpoint, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(ReadyEndpoint, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync }).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    /// <summary>
    /// <c>dotnet Kinerja.Web.dll migrate</c>: applies the migrations (under the database lock) and ends; the deployment's
    /// one explicit schema step before new servers start. True when a command ran (the caller returns).
    /// </summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal)) is not "migrate")
            return false;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
        await using (await DatabaseLock.AcquireAsync(db))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            await DatabaseSetup.MigrateAsync(db);
            Console.WriteLine(pending.Count == 0
                ? "Skema basis data sudah mutakhir; tidak ada migrasi yang dijalankan."
                : $"{pending.Count} migrasi dijalankan: {string.Join(", ", pending)}");
        }

        return true;
    }

    /// <summary>
    /// The database lock held while a starting server migrates, seeds and creates the first key: a second server starting
    /// at the same moment waits, then finds the work done. Released at the end of the start block.
    /// </summary>
    public static Task<IAsyncDisposable> StartupLockAsync(this WebApplication app, KinerjaDbContext db) => DatabaseLock.AcquireAsync(db);

    /// <summary>
    /// Kinerja:MigrateAtStart (default true): the migrations run here, under the startup lock. Set to false in production
    /// to leave them to the <c>migrate</c> step; a server then waits here until the schema is current (it would fail
    /// on an older one), and /readyz says not ready while a migration is pending. Also creates the first Data
    /// Protection key under the lock, so two servers never start with two different first keys.
    /// </summary>
    public static async Task MigrateAtStartAsync(this WebApplication app, KinerjaDbContext db)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Kinerja.Migrasi");
        if (app.Configuration.GetValue("Kinerja:MigrateAtStart", true))
        {
            await DatabaseSetup.MigrateAsync(db);
        }
        else
        {
            var stopping = app.Lifetime.ApplicationStopping;
            while ((await db.Database.GetPendingMigrationsAsync(stopping)).ToList() is { Count: > 0 } pending)
            {
                log.LogWarning("menunggu langkah migrate: {Count} migrasi belum dijalankan ({Pending}); Kinerja:MigrateAtStart=false", pending.Count, string.Join(", ", pending));
                await Task.Delay(TimeSpan.FromSeconds(5), stopping);
            }
        }

        // the first key is made now, under the lock; later keys are made ahead of their use by whichever server is first
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Kinerja.Mulai").Protect("siap");
    }
}

/// <summary>
/// One server at a time migrates: a PostgreSQL advisory lock on the application's database (a fresh database is created
/// first, the loser of that race simply finding it there). SQLite is one file on one server; EF Core's own migration
/// lock covers it.
/// </summary>
public static class DatabaseLock
{
    /// <summary>An arbitrary constant, the same in every Kinerja server ("KNRJ").</summary>
    public const long Key = 0x4B4E524A;

    public static async Task<IAsyncDisposable> AcquireAsync(KinerjaDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
            return new Nothing();
        var creator = ((Microsoft.EntityFrameworkCore.Infrastructure.IInfrastructure<IServiceProvider>)db.Database).Instance.GetRequiredService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // another server created it a moment ago
            }
        }

        // a connection of its own: the lock belongs to the session and stays while the context migrates on its own
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", Key);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new Held(connection);
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", Key);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                // closing the session releases the lock anyway; the explicit unlock returns the pooled connection clean
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>Not ready while a migration in this build is not applied to the database (a server newer than its schema).</summary>
public sealed class MigrationsHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("skema mutakhir")
            : HealthCheckResult.Unhealthy($"{pending.Count} migrasi belum dijalankan: {string.Join(", ", pending)}");
    }
}

/// <summary>Not ready once the server is stopping: the balancer stops sending new requests while those in flight finish.</summary>
public sealed class StoppingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("server sedang berhenti") : HealthCheckResult.Healthy("berjalan"));
}

/// <summary>JSON logs and OpenTelemetry (issue 23, item 7).</summary>
public static class Observability
{
    public const string ServiceName = "kinerja";

    /// <summary>
    /// Kinerja:Logging:Format = json: one JSON object per log line on the console (Microsoft's JsonConsole formatter),
    /// with the scopes, so every line carries the TraceId that error pages and ProblemDetails show.
    /// OTLP: traces and metrics of ASP.NET Core (the request duration histogram http.server.request.duration), HttpClient
    /// and Npgsql go to Kinerja:Otlp:Endpoint (or the standard OTEL_EXPORTER_OTLP_ENDPOINT); nothing is set up without one.
    /// </summary>
    public static WebApplicationBuilder AddKinerjaObservability(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (string.Equals(config["Kinerja:Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }

        var endpoint = config["Kinerja:Otlp:Endpoint"] is { Length: > 0 } e ? e : config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
            return builder;
        var protocol = string.Equals(config["Kinerja:Otlp:Protocol"], "http", StringComparison.OrdinalIgnoreCase)
            ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf
            : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
        // gRPC takes the collector's address as it is; http/protobuf needs each signal's own path on it
        Action<OpenTelemetry.Exporter.OtlpExporterOptions> Exporter(string signal) => o =>
        {
            o.Protocol = protocol;
            o.Endpoint = protocol == OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf
                ? new Uri(endpoint.TrimEnd('/') + "/v1/" + signal)
                : new Uri(endpoint);
        };

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["Kinerja:Otlp:ServiceName"] is { Length: > 0 } name ? name : ServiceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(ScaleOut.LiveEndpoint) && !http.Request.Path.StartsWithSegments(ScaleOut.ReadyEndpoint))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(Exporter("traces")))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter(Exporter("metrics")));
        return builder;
    }
}
