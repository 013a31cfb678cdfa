using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kinerja.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Web.Tests;

/// <summary>
/// The web app on a fresh database of one provider, seeded with the samples. PostgreSQL comes from
/// KINERJA_TEST_POSTGRES (scripts/start-postgres.sh starts a cluster and test.sh exports it); each
/// app gets its own database, dropped at the end.
/// </summary>
public sealed class KinerjaApp : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "KINERJA_TEST_POSTGRES";

    private string _folder = Path.Combine(Path.GetTempPath(), "kinerja-web-" + Guid.NewGuid().ToString("N"));
    private readonly string _provider;
    private string _connection;
    private readonly bool? _seedSamples;
    private readonly string _environment;

    private readonly TimeProvider? _clock;

    // a second app server on the first one's database and data folder (issue 21 reminders, issue 23): the first one owns and removes them
    private readonly bool _shared;

    private readonly bool _ownFolder;
    private readonly IReadOnlyDictionary<string, string?> _settings = new Dictionary<string, string?>();

    /// <summary>The primary's connection string (issue 23 tests build a second, "replica" database beside it).</summary>
    public string ConnectionString => _connection;

    public string Provider => _provider;

    /// <param name="seedSamples">null leaves Kinerja:SeedSamples unset, as an installation that never mentions it</param>
    /// <param name="clock">replaces the system clock (deadline tests walk the year with it).</param>
    /// <param name="settings">more configuration keys (the reminder tests set the SMTP server and the scheduler).</param>
    /// <param name="sameDatabaseAs">a second app server on another app's database (the reminder tests run two at once).</param>
    public KinerjaApp(string provider, bool? seedSamples = true, string environment = "Production", TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null, KinerjaApp? sameDatabaseAs = null)
    {
        _settings = settings is null ? new Dictionary<string, string?>() : settings.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        _clock = clock;
        _provider = provider;
        _seedSamples = seedSamples;
        _environment = environment;
        Directory.CreateDirectory(_folder);
        _connection = provider == "Postgres"
            ? PostgresConnection() + $";Database=kinerja_test_{Guid.NewGuid():N}"
            : $"Data Source={Path.Combine(_folder, "kinerja.db")}";
        if (sameDatabaseAs is not null)
        {
            Directory.Delete(_folder);
            (_connection, _folder) = (sameDatabaseAs._connection, sameDatabaseAs._folder);
        }

        _shared = sameDatabaseAs is not null;
    }

    /// <summary>An app of its own settings (<paramref name="settings"/>), or a second server beside <paramref name="shareWith"/> (same database and data folder).</summary>
    /// <param name="ownDataFolder">with <paramref name="shareWith"/>: share the database only, not the data folder, as two servers on two machines</param>
    public KinerjaApp(string provider, bool? seedSamples, IReadOnlyDictionary<string, string?> settings, KinerjaApp? shareWith = null, bool ownDataFolder = false)
        : this(provider, seedSamples)
    {
        _settings = settings;
        if (shareWith is not null)
        {
            if (!ownDataFolder)
            {
                Directory.Delete(_folder);
                _folder = shareWith._folder;
            }

            _connection = shareWith._connection;
            _shared = true;
            _ownFolder = ownDataFolder;
        }
    }


    public static string? PostgresBase => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>In CI PostgreSQL must be there: a missing server fails the run instead of skipping the tests.</summary>
    public static bool PostgresAvailable()
    {
        if (PostgresBase is not null)
            return true;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"CI=true but {PostgresVariable} is not set: PostgreSQL tests must run in CI (scripts/start-postgres.sh)");
        return false;
    }

    private static string PostgresConnection() => PostgresBase ?? throw new InvalidOperationException($"{PostgresVariable} is not set");

    public string DataFolder => _folder;

    /// <summary>
    /// The period lock (issue 21) as it ships: on for every instansi. The tests written for the workflow on the samples
    /// (closed years: 2021, 2024, 2025, TW I 2026, with the machine's date) leave it false: every instansi is made with the lock
    /// off, as if its administrator had switched it off (<see cref="LockOffForWorkflowTests"/>). The lock's own tests
    /// (PeriodLockTests, the cycle and reminder tests on a fake clock) set it true.
    /// </summary>
    public bool LockPeriods { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Kinerja:Database", _provider);
        builder.UseSetting("ConnectionStrings:Kinerja", _connection);
        builder.UseSetting("Kinerja:DataDirectory", _folder);
        builder.UseSetting("Kinerja:SamplesDirectory", Samples.Folder);
        if (_seedSamples is { } seed)
            builder.UseSetting("Kinerja:SeedSamples", seed ? "true" : "false");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestClientAddress>();
            services.AddScoped<IAuthorizationHandler, FaultOnRequest>();
        });
        if (_clock is not null)
            builder.ConfigureTestServices(s => s.AddSingleton(_clock));
        if (!LockPeriods)
        {
            builder.ConfigureTestServices(s =>
            {
                s.ConfigureDbContext<SqliteKinerjaDbContext>(o => o.AddInterceptors(new LockOffForWorkflowTests()));
                s.ConfigureDbContext<PostgresKinerjaDbContext>(o => o.AddInterceptors(new LockOffForWorkflowTests()));
            });
        }
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public T WithDb<T>(Func<KinerjaDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<KinerjaDbContext>());
    }

    /// <summary>
    /// The version a realisasi page or API call reads for <paramref name="url"/> (".../realisasi/{indicator}/{period}"):
    /// the current record's concurrency version, or 0 when there is none yet; what a browser's form carries.
    /// </summary>
    public int VersionOf(string url)
    {
        var parts = url.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(parts, "realisasi");
        var (agencyId, year, indicator, period) = (int.Parse(parts[at - 2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[at - 1], System.Globalization.CultureInfo.InvariantCulture), parts[at + 1], parts[at + 2]);
        return WithDb(db => db.Realisasi.Where(r => r.AgencyId == agencyId && db.Years.Any(y => y.Id == r.ReportingYearId && y.Year == year) && r.IndicatorCode == indicator && r.Period == period && r.IsCurrent)
            .Select(r => (int?)r.ConcurrencyVersion).SingleOrDefault() ?? 0);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _shared)
        {
            // the first app owns the database and the folder
            base.Dispose(disposing);
            if (_ownFolder && Directory.Exists(_folder))
                Directory.Delete(_folder, recursive: true);
            return;
        }

        if (disposing && _provider == "Postgres")
        {
            try
            {
                WithDb(db => db.Database.EnsureDeleted());
            }
            catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException)
            {
                // the server may already be gone at the end of a run
            }
        }

        base.Dispose(disposing);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The client address of a test request: the X-Test-Address header, else the loopback (a TestServer request has none).</summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            http.Connection.RemoteIpAddress = http.Request.Headers.TryGetValue(Header, out var address) ? IPAddress.Parse(address.ToString()) : IPAddress.Loopback;
            return nextMiddleware(http);
        });
        next(app);
    };
}

/// <summary>A defect on demand: a request with the X-Test-Fault header throws inside the app (during authorisation), as a bug would.</summary>
public sealed class FaultOnRequest(IHttpContextAccessor http) : IAuthorizationHandler
{
    public const string Header = "X-Test-Fault";

    public const string Secret = "rahasia-internal-tumpukan";

    public Task HandleAsync(AuthorizationHandlerContext context) =>
        http.HttpContext?.Request.Headers.ContainsKey(Header) == true
            ? throw new InvalidOperationException(Secret)
            : Task.CompletedTask;
}

public static class Samples
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (File.Exists(Path.Combine(candidate, "clean-demo.xlsx")))
                return candidate;
        }

        throw new DirectoryNotFoundException("samples/ not found above " + AppContext.BaseDirectory);
    }

    public static string PathOf(string name) => Path.Combine(Folder, name);
}

/// <summary>A signed-in browser: forms are posted with their antiforgery token, as a browser would.</summary>
public sealed partial class Session(HttpClient client)
{
    public HttpClient Client { get; } = client;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public async Task<string> TokenFrom(string url)
    {
        var html = await Client.GetStringAsync(url);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {url}");
        return match.Groups[1].Value;
    }

    public async Task<HttpResponseMessage> Post(string formUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await TokenFrom(formUrl);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await Client.PostAsync(postUrl, content);
    }

    public async Task<HttpResponseMessage> PostFiles(string formUrl, string postUrl, IEnumerable<(string Field, string FileName, byte[] Bytes)> files, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var token = await TokenFrom(formUrl);
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields ?? [])
            content.Add(new StringContent(value), key);
        foreach (var (field, name, bytes) in files)
            content.Add(new ByteArrayContent(bytes), field, name);
        return await Client.PostAsync(postUrl, content);
    }

    public async Task<HttpResponseMessage> Api(HttpMethod method, string url, object? body = null)
    {
        var token = (await Client.GetFromJsonAsync<AntiforgeryAnswer>("/api/antiforgery"))!.Token;
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> ApiContent(HttpMethod method, string url, HttpContent content)
    {
        var token = (await Client.GetFromJsonAsync<AntiforgeryAnswer>("/api/antiforgery"))!.Token;
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await Client.SendAsync(request);
    }

    private sealed record AntiforgeryAnswer(string Header, string Token);

    /// <summary>Makes the first administrator on the setup page; the browser is then signed in.</summary>
    public static async Task<Session> SetupAdmin(KinerjaApp app, string userName = "admin", string password = "RahasiaSekali1")
    {
        var session = new Session(app.Browser());
        var response = await session.Post("/setup", "/setup", [new("DisplayName", "Administrator"), new("UserName", userName), new("Password", password), new("ConfirmPassword", password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>
    /// Signs in as a user the administrator made. An administrator-set password must be changed at the first sign-in
    /// (issue 19): the tests that are not about that act as if the owner had already chosen it; AccountTests use
    /// <see cref="SignInAsIs"/> to see the change being enforced.
    /// </summary>
    public static async Task<Session> SignIn(KinerjaApp app, string userName, string password)
    {
        app.WithDb(db =>
        {
            var user = db.Users.Single(u => u.UserName == userName);
            user.MustChangePassword = false;
            return db.SaveChanges();
        });
        return await SignInAsIs(app, userName, password);
    }

    public static async Task<Session> SignInAsIs(KinerjaApp app, string userName, string password)
    {
        var session = new Session(app.Browser());
        var response = await session.Post("/masuk", "/masuk", [new("UserName", userName), new("Password", password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>The admin gives a new account a role in an instansi.</summary>
    public async Task AddUser(int agencyId, string userName, string password, string role, params string[] units)
    {
        var fields = new List<KeyValuePair<string, string>> { new("UserName", userName), new("DisplayName", userName), new("Password", password), new("Role", role) };
        fields.AddRange(units.Select(u => new KeyValuePair<string, string>("UnitCodes", u)));
        var response = await Post($"/instansi/{agencyId}/pengguna", $"/instansi/{agencyId}/pengguna?handler=Simpan", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

/// <summary>
/// Test harness only (<see cref="KinerjaApp.LockPeriods"/> false): an instansi is stored with the period lock off, so the
/// workflow tests can write to the samples' closed years with the machine's date. The app itself has no such switch.
/// </summary>
public sealed class LockOffForWorkflowTests : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
{
    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Unlock(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> SavingChanges(Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result)
    {
        Unlock(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private static void Unlock(DbContext? context)
    {
        foreach (var entry in context?.ChangeTracker.Entries<Agency>().Where(e => e.State == EntityState.Added) ?? [])
            entry.Entity.LockPeriods = false;
    }
}
