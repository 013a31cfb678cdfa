using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kinerja.Data;
using Microsoft.AspNetCore.Hosting;
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

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kinerja-web-" + Guid.NewGuid().ToString("N"));
    private readonly string _provider;
    private readonly string _connection;
    private readonly bool _seedSamples;

    private readonly TimeProvider? _clock;

    /// <summary><paramref name="clock"/> replaces the system clock (deadline tests walk the year with it).</summary>
    public KinerjaApp(string provider, bool seedSamples = true, TimeProvider? clock = null)
    {
        _clock = clock;
        _provider = provider;
        _seedSamples = seedSamples;
        Directory.CreateDirectory(_folder);
        _connection = provider == "Postgres"
            ? PostgresConnection() + $";Database=kinerja_test_{Guid.NewGuid():N}"
            : $"Data Source={Path.Combine(_folder, "kinerja.db")}";
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Kinerja:Database", _provider);
        builder.UseSetting("ConnectionStrings:Kinerja", _connection);
        builder.UseSetting("Kinerja:DataDirectory", _folder);
        builder.UseSetting("Kinerja:SamplesDirectory", Samples.Folder);
        builder.UseSetting("Kinerja:SeedSamples", _seedSamples ? "true" : "false");
        if (_clock is not null)
            builder.ConfigureTestServices(s => s.AddSingleton(_clock));
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public T WithDb<T>(Func<KinerjaDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<KinerjaDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
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

    public static async Task<Session> SignIn(KinerjaApp app, string userName, string password)
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
