using System.Net;
using System.Text.Json;
using Kinerja.Data;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Web.Tests;

public sealed class SqliteScaleOutTests(S3Server s3) : ScaleOutTests("Sqlite", s3), IClassFixture<S3Server>;

public sealed class PostgresScaleOutTests(S3Server s3) : ScaleOutTests("Postgres", s3), IClassFixture<S3Server>
{
    /// <summary>
    /// Two servers started at the same moment on one new database: both come up, the migrations ran once (a second run
    /// would fail on tables that exist) and only one first Data Protection key was made (the startup lock serialised them).
    /// </summary>
    [SkippableFact]
    public async Task Two_servers_starting_together_on_a_fresh_database_both_come_up_and_migrate_once()
    {
        Skip.IfNot(KinerjaApp.PostgresAvailable(), AppFixture.Missing);
        using var first = new KinerjaApp("Postgres", false, new Dictionary<string, string?>());
        using (var second = new KinerjaApp("Postgres", false, new Dictionary<string, string?>(), shareWith: first))
        {
            await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));
            foreach (var app in new[] { first, second })
            {
                var ready = await app.CreateClient().GetAsync("/readyz");
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }

            var (applied, known, keys) = first.WithDb(db => (
                db.Database.GetAppliedMigrations().ToList(),
                db.GetService<IMigrationsAssembly>().Migrations.Keys.ToList(),
                db.DataProtectionKeys.Count()));
            Assert.Equal(known.Order(StringComparer.Ordinal), applied.Order(StringComparer.Ordinal));
            Assert.Equal(1, keys);
        }
    }
}

/// <summary>Several app servers on one database (issue 23, items 1, 2, 7).</summary>
public abstract class ScaleOutTests(string provider, S3Server s3)
{
    private const string Password = "RahasiaSekali1";

    private bool Available => provider == "Sqlite" || KinerjaApp.PostgresAvailable();

    private static Session On(KinerjaApp app, CookieContainer cookies) => new(app.CreateDefaultClient(new CookieContainerHandler(cookies)));

    /// <summary>
    /// The sign-in cookie and an antiforgery token that server A issued are accepted by server B on the same database;
    /// a server with a key ring of its own (another database) refuses the same cookie, so the sharing is what made B accept it.
    /// </summary>
    [SkippableFact]
    public async Task A_cookie_and_an_antiforgery_token_from_one_server_are_accepted_by_another()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        using var a = new KinerjaApp(provider, false, new Dictionary<string, string?>());
        using var b = new KinerjaApp(provider, false, new Dictionary<string, string?>(), shareWith: a);
        using var elsewhere = new KinerjaApp(provider, false, new Dictionary<string, string?>());
        var cookies = new CookieContainer();
        var onA = On(a, cookies);
        var setup = await onA.Post("/setup", "/setup", [new("DisplayName", "Administrator"), new("UserName", "admin"), new("Password", Password), new("ConfirmPassword", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);

        var onB = On(b, cookies);
        var account = await onB.Client.GetAsync("/akun");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("admin", await account.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var onElsewhere = On(elsewhere, cookies);
        var refused = await onElsewhere.Client.GetAsync("/akun");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/masuk", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // a form read on A, posted to B: B checks A's antiforgery token (signing out renews the stamp, so last)
        var token = await onA.TokenFrom("/akun");
        var forged = await onB.Client.PostAsync("/keluar", new FormUrlEncodedContent([new("__RequestVerificationToken", token[..^4] + "AAAA")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var signOut = await onB.Client.PostAsync("/keluar", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        // signed out on B: A no longer takes the session either
        Assert.Equal(HttpStatusCode.Redirect, (await onA.Client.GetAsync("/akun")).StatusCode);
    }

    /// <summary>
    /// No sticky sessions (issue 23): two servers that share only the database and the object store (each its own data
    /// folder, as on two machines). A workbook previewed on A is saved through B; a document build started on A is
    /// polled and downloaded through B.
    /// </summary>
    [SkippableFact]
    public async Task A_preview_made_on_one_server_is_saved_on_another_and_a_build_started_on_one_is_downloaded_from_another()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        Skip.IfNot(s3.Available, S3Server.Missing);
        var prefix = $"lekat-{Guid.NewGuid():N}/";
        using var a = new KinerjaApp(provider, false, s3.AppSettings(prefix));
        using var b = new KinerjaApp(provider, false, s3.AppSettings(prefix), shareWith: a, ownDataFolder: true);
        Assert.NotEqual(a.DataFolder, b.DataFolder);
        var cookies = new CookieContainer();
        var onA = On(a, cookies);
        var onB = On(b, cookies);
        var setup = await onA.Post("/setup", "/setup", [new("DisplayName", "Administrator"), new("UserName", "admin"), new("Password", Password), new("ConfirmPassword", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);

        // the preview on A: a new instansi from the clean sample workbook
        var bytes = await File.ReadAllBytesAsync(Samples.PathOf("clean-demo.xlsx"));
        var upload = new MultipartFormDataContent { { new ByteArrayContent(bytes), "berkas", "clean-demo.xlsx" } };
        var previewed = await onA.ApiContent(HttpMethod.Post, "/api/impor", upload);
        Assert.True(previewed.StatusCode == HttpStatusCode.OK, await previewed.Content.ReadAsStringAsync());
        var preview = JsonDocument.Parse(await previewed.Content.ReadAsStringAsync()).RootElement;
        Assert.True(preview.GetProperty("newAgency").GetBoolean());
        var token = preview.GetProperty("token").GetString()!;
        Assert.Equal(0, a.WithDb(db => db.Agencies.Count()));

        // the save on B
        var committed = await onB.Api(HttpMethod.Post, $"/api/impor/{token}", new { agencyId = (int?)null, expectedRevision = preview.GetProperty("expectedRevision").ValueKind == JsonValueKind.Number ? preview.GetProperty("expectedRevision").GetInt32() : (int?)null });
        Assert.True(committed.StatusCode == HttpStatusCode.OK, await committed.Content.ReadAsStringAsync());
        var (agencyId, year, indicators, pending) = a.WithDb(db => (
            db.Agencies.Select(x => x.Id).Single(), db.Years.Select(y => y.Year).Single(), db.Indicators.Count(), db.PendingUploads.Count()));
        var expected = Kinerja.Documents.Workbook.DatasetImporter.Import(Kinerja.Documents.Workbook.XlsxWorkbook.Read(Samples.PathOf("clean-demo.xlsx")));
        Assert.Equal(expected.Profile.Year, year);
        Assert.Equal(expected.Indicators.Count, indicators);
        // saved once: the kept upload is gone, a second save of the same token is refused
        Assert.Equal(0, pending);
        var again = await onA.Api(HttpMethod.Post, $"/api/impor/{token}", new { agencyId = (int?)null, expectedRevision = (int?)null });
        Assert.NotEqual(HttpStatusCode.OK, again.StatusCode);

        // a build started on A, polled and downloaded on B
        var started = await onA.Api(HttpMethod.Post, $"/api/instansi/{agencyId}/{year}/dokumen", new { jenis = "pk", format = "docx" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var statusUrl = started.Headers.Location!.OriginalString;
        JsonElement status = default;
        for (var i = 0; i < 600; i++)
        {
            status = JsonDocument.Parse(await onB.Client.GetStringAsync(statusUrl)).RootElement;
            if (status.GetProperty("selesai").GetBoolean())
                break;
            await Task.Delay(200);
        }

        Assert.True(status.GetProperty("berhasil").GetBoolean(), status.ToString());
        var file = await onB.Client.GetAsync(status.GetProperty("unduh").GetString());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var docx = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(docx[..2]));
        // the bytes B served are the object A stored, named by their SHA-256
        var sha = a.WithDb(db => db.DocumentBuilds.Select(d => d.ResultSha256).Single());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx)), sha);
    }

    [SkippableFact]
    public async Task Readyz_says_not_ready_while_a_migration_is_pending_and_healthz_stays_live()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        using var app = new KinerjaApp(provider, false, new Dictionary<string, string?>());
        var client = app.CreateClient();
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        // the newest migration taken off the history: this build now has one the database lacks, as after a deploy
        // whose migrate step has not run
        var last = app.WithDb(db => db.Database.GetAppliedMigrations().Max(StringComparer.Ordinal)!);
        var productVersion = app.WithDb(db => db.Database.SqlQuery<string>($"SELECT \"ProductVersion\" AS \"Value\" FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}").Single());
        app.WithDb(db => db.Database.ExecuteSql($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}"));
        var pending = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pending.StatusCode);
        var body = JsonDocument.Parse(await pending.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Contains(last, body.GetProperty("checks").GetProperty("migrasi").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("basis-data").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        app.WithDb(db => db.Database.ExecuteSql($"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({last}, {productVersion})"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    /// <summary>The code on an error page and in ProblemDetails is the request's W3C trace id, the one a tracing system and the log lines carry.</summary>
    [SkippableFact]
    public async Task The_correlation_id_is_the_trace_id_of_the_request()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        using var app = new KinerjaApp(provider, false, new Dictionary<string, string?>());
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/instansi");
        api.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        api.Headers.Add(FaultOnRequest.Header, "1");
        var problem = await client.SendAsync(api);
        Assert.Equal(HttpStatusCode.InternalServerError, problem.StatusCode);
        var json = JsonDocument.Parse(await problem.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(traceId, json.GetProperty("correlationId").GetString());

        var admin = await Session.SetupAdmin(app, "admin", Password);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/instansi/999999/2025/dasbor");
        page.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        var answer = await admin.Client.SendAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains($"<code id=\"kode-rujukan\">{traceId}</code>", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// Behind a known proxy the wrong sign-ins are counted per client (X-Forwarded-For): one client's ten wrong tries
    /// refuse that client, while another client behind the same proxy still signs in. Without the setting the header is not believed.
    /// </summary>
    [SkippableFact]
    public async Task Behind_a_known_proxy_the_sign_in_throttle_counts_the_forwarded_client()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        const string proxy = "10.0.0.5";
        using var app = new KinerjaApp(provider, false, new Dictionary<string, string?> { ["Kinerja:Proxy:KnownProxies"] = proxy });
        await Session.SetupAdmin(app, "admin", Password);

        async Task<HttpStatusCode> SignIn(string client, string password)
        {
            var session = new Session(app.Browser());
            var token = await session.TokenFrom("/masuk");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/masuk") { Content = new FormUrlEncodedContent([new("UserName", "admin"), new("Password", password), new("__RequestVerificationToken", token)]) };
            request.Headers.Add(TestClientAddress.Header, proxy);
            request.Headers.Add("X-Forwarded-For", client);
            return (await session.Client.SendAsync(request)).StatusCode;
        }

        for (var i = 0; i < Security.SignInThrottle.FailuresAllowed; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignIn("203.0.113.7", "salah-" + i));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignIn("203.0.113.7", Password));
        Assert.Equal(HttpStatusCode.Redirect, await SignIn("198.51.100.20", Password));
    }

    /// <summary>With the S3 backend a bukti goes to the bucket under its SHA-256 and comes back from it through the API.</summary>
    [SkippableFact]
    public async Task With_the_s3_backend_a_bukti_is_stored_in_the_bucket_and_served_from_it()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        Skip.IfNot(s3.Available, S3Server.Missing);
        var prefix = "web-" + Guid.NewGuid().ToString("N") + "/";
        using var app = new KinerjaApp(provider, true, s3.AppSettings(prefix));
        var admin = await Session.SetupAdmin(app, "admin", Password);
        var (url, agencyId) = await DraftRealisasi(app, admin);
        var pdf = EvidenceSamples.Pdf();
        var uploaded = await admin.PostFiles(url, url + "?handler=Unggah", [("Files", "rekap.pdf", pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        var evidence = app.WithDb(db => db.Evidence.AsNoTracking().Single(e => e.FileName == "rekap.pdf"));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        Assert.Equal(sha, evidence.Sha256);
        using var store = new Storage.S3FileStore(s3.Options(prefix), Microsoft.Extensions.Logging.Abstractions.NullLogger<Storage.S3FileStore>.Instance);
        Assert.True(await store.ExistsAsync(new Storage.StoredFileKey("bukti", sha)));
        Assert.False(Directory.Exists(Path.Combine(app.DataFolder, "bukti")));
        var served = await admin.Client.GetAsync($"/instansi/{agencyId}/2025/bukti/{evidence.Id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(pdf, await served.Content.ReadAsByteArrayAsync());

        // changed in the bucket behind the app's back: refused, never served
        await store.Client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = S3Server.Bucket, Key = store.ObjectKey(new Storage.StoredFileKey("bukti", sha)), ContentBody = "bukan PDF yang diunggah", UseChunkEncoding = false });
        var tampered = await admin.Client.GetAsync($"/instansi/{agencyId}/2025/bukti/{evidence.Id}");
        Assert.Equal(HttpStatusCode.InternalServerError, tampered.StatusCode);
        Assert.DoesNotContain("bukan PDF", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The store cannot be reached: the upload fails and no bukti record points at nothing.</summary>
    [SkippableFact]
    public async Task An_upload_the_store_refuses_leaves_no_record()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        var settings = new Dictionary<string, string?>
        {
            ["Kinerja:Storage:Backend"] = "S3",
            ["Kinerja:Storage:S3:Bucket"] = "tidak-ada",
            ["Kinerja:Storage:S3:ServiceUrl"] = $"http://127.0.0.1:{S3Server.FreePort()}",
            ["Kinerja:Storage:S3:AccessKey"] = "x",
            ["Kinerja:Storage:S3:SecretKey"] = "y",
        };
        using var app = new KinerjaApp(provider, true, settings);
        var admin = await Session.SetupAdmin(app, "admin", Password);
        var (url, _) = await DraftRealisasi(app, admin);
        var before = app.WithDb(db => db.Evidence.Count());
        var uploaded = await admin.PostFiles(url, url + "?handler=Unggah", [("Files", "rekap.pdf", EvidenceSamples.Pdf())]);
        Assert.Equal(HttpStatusCode.InternalServerError, uploaded.StatusCode);
        Assert.Equal(before, app.WithDb(db => db.Evidence.Count()));
    }

    /// <summary>
    /// Two files, the second refused: the first one's object was stored before the refusal and is removed again, since no
    /// record names it; nothing is recorded.
    /// </summary>
    [SkippableFact]
    public async Task A_refused_upload_removes_the_objects_it_stored()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        using var app = new KinerjaApp(provider, true, new Dictionary<string, string?>());
        var admin = await Session.SetupAdmin(app, "admin", Password);
        var (url, _) = await DraftRealisasi(app, admin);
        var good = EvidenceSamples.Png();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(good));
        var before = app.WithDb(db => db.Evidence.Count());
        var refused = await admin.PostFiles(url, url + "?handler=Unggah", [("Files", "foto.png", good), ("Files", "rusak.png", EvidenceSamples.TruncatedPng())]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(before, app.WithDb(db => db.Evidence.Count()));
        Assert.False(File.Exists(Path.Combine(app.DataFolder, "bukti", sha)));

        // the same good file alone is stored and kept
        var stored = await admin.PostFiles(url, url + "?handler=Unggah", [("Files", "foto.png", good)]);
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        Assert.True(File.Exists(Path.Combine(app.DataFolder, "bukti", sha)));
        Assert.Equal(before + 1, app.WithDb(db => db.Evidence.Count()));
    }

    /// <summary>
    /// <c>dotnet Kinerja.Web.dll migrate</c>, the deployment's schema step: on a new database it runs every migration the
    /// build carries and ends (exit 0); a second run finds nothing to do.
    /// </summary>
    [SkippableFact]
    public async Task The_migrate_command_applies_the_migrations_and_ends()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        var folder = Path.Combine(Path.GetTempPath(), "kinerja-migrate-" + Guid.NewGuid().ToString("N"));
        var database = "kinerja_test_" + Guid.NewGuid().ToString("N");
        var connection = provider == "Postgres" ? KinerjaApp.PostgresBase + ";Database=" + database : $"Data Source={Path.Combine(folder, "kinerja.db")}";
        string[] settings = [$"--Kinerja:Database={provider}", $"--ConnectionStrings:Kinerja={connection}", $"--Kinerja:DataDirectory={folder}"];
        try
        {
            var (code, output) = await Run(["migrate", .. settings]);
            Assert.Equal(0, code);
            using var db = provider == "Postgres"
                ? (KinerjaDbContext)new PostgresKinerjaDbContext(new DbContextOptionsBuilder<PostgresKinerjaDbContext>().UseNpgsql(connection).Options)
                : new SqliteKinerjaDbContext(new DbContextOptionsBuilder<SqliteKinerjaDbContext>().UseSqlite(connection).Options);
            var known = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).ToList();
            Assert.Equal(known, (await db.Database.GetAppliedMigrationsAsync()).Order(StringComparer.Ordinal).ToList());
            Assert.Contains($"{known.Count} migrasi dijalankan: {string.Join(", ", known)}", output, StringComparison.Ordinal);
            // it ended without starting the web server
            Assert.DoesNotContain("Kinerja berjalan di", output, StringComparison.Ordinal);

            var (again, secondOutput) = await Run(["migrate", .. settings]);
            Assert.Equal(0, again);
            Assert.Contains("Skema basis data sudah mutakhir", secondOutput, StringComparison.Ordinal);
            if (provider == "Postgres")
                await db.Database.EnsureDeletedAsync();
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The web app's own build beside this test project's (src/Kinerja.Web/bin/{Configuration}/net10.0), run as a process.</summary>
    private static async Task<(int Code, string Output)> Run(string[] args)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testBin.Name, testBin.Parent!.Name);
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Kinerja.sln")))
            root = root.Parent;
        var dll = Path.Combine(root!.FullName, "src", "Kinerja.Web", "bin", configuration, framework, "Kinerja.Web.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>A draft realisasi of the clean demo (IKU-2, first quarter), saved by the administrator; its page URL.</summary>
    private static async Task<(string Url, int AgencyId)> DraftRealisasi(KinerjaApp app, Session admin)
    {
        var agencyId = app.WithDb(db => db.Agencies.Single(a => a.Name.StartsWith("Dinas Contoh")).Id);
        var url = $"/instansi/{agencyId}/2025/realisasi/IKU-2/2025-TW1";
        var saved = await admin.Post(url, url + "?handler=Simpan", [new("Value", "10"), new("ValueStatus", "Final"), new("ConcurrencyVersion", "0")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return (url, agencyId);
    }
}
