using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kinerja.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Web.Tests;

public sealed class SqlitePublicAndErrorTests(SqliteFixture fixture) : PublicAndErrorTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresPublicAndErrorTests(PostgresFixture fixture) : PublicAndErrorTests(fixture), IClassFixture<PostgresFixture>;

/// <summary>Issue 19 items 8 and 9: the public gets published files only and never starts a build; every error reads in Indonesian with a correlation id.</summary>
public abstract class PublicAndErrorTests(AppFixture fixture)
{
    private string Demo => $"/instansi/{fixture.DemoId}/2025";

    private DocumentBuilds Builds => fixture.App.Services.GetRequiredService<DocumentBuilds>();

    [Fact]
    public async Task An_anonymous_visitor_cannot_start_a_build_and_downloads_only_the_published_bytes()
    {
        if (!fixture.Available)
            return;
        var anonymous = fixture.App.Browser();
        var before = Builds.Built;
        foreach (var url in new[] { $"{Demo}/dokumen/lkjip.docx", $"{Demo}/dokumen/pk.pdf", $"{Demo}/dokumen/lkjip.pdf?final=true", $"{Demo}/dokumen/triwulan.xlsx" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/masuk", response.Headers.Location!.PathAndQuery);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api{Demo}/dokumen", new StringContent("""{"jenis":"lkjip"}""", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(before, Builds.Built);
        // the same address signed in does build: the counter sees builds (the check above can fail)
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.Client.GetAsync($"{Demo}/dokumen/lkjip.docx")).StatusCode);
        Assert.Equal(before + 1, Builds.Built);

        // Terbitkan: the final of Kemnaker's signed PK awal 2024 is built once and stored under its SHA-256
        var kemnaker = fixture.App.WithDb(db => db.Years.Single(y => y.Year == 2024).AgencyId);
        var terbitkan = $"/instansi/{kemnaker}/2024/terbitkan";
        var published = await fixture.Admin.Post(terbitkan, terbitkan, [new("Jenis", "pk:awal"), new("Format", "docx")]);
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await published.Content.ReadAsStringAsync()));
        var row = fixture.App.WithDb(db => db.PublishedDocuments.AsNoTracking().Single(d => d.AgencyId == kemnaker && d.Kind == "pk"));
        Assert.Equal(("admin", "awal", 2024), (row.PublishedBy, row.PkVersion, row.Year));
        Assert.Contains(fixture.App.WithDb(db => db.Audit.Where(a => a.Entity == "PublishedDocument" && a.AgencyId == kemnaker).Select(a => a.Action).ToList()), a => a == "tambah");
        var builtAfterPublishing = Builds.Built;

        var list = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/publik"));
        Assert.Contains("Kementerian Ketenagakerjaan", list);
        Assert.Contains($"/publik/berkas/{row.Id}", list);
        Assert.DoesNotContain("draf", list, StringComparison.OrdinalIgnoreCase);
        var file = await anonymous.GetAsync($"/publik/berkas/{row.Id}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal(row.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(row.Size, bytes.Length);
        // a final, not a DRAF: no watermark text in the Word body
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        using (var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open()))
            Assert.DoesNotContain(">DRAF", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        // downloading it built nothing
        Assert.Equal(builtAfterPublishing, Builds.Built);
    }

    [Fact]
    public async Task An_anonymous_address_is_limited_and_told_so_in_indonesian()
    {
        if (!fixture.Available)
            return;
        using var flood = fixture.App.Browser();
        flood.DefaultRequestHeaders.Add(TestClientAddress.Header, "192.0.2.55");
        for (var i = 0; i < Kinerja.Web.Security.RateLimits.AnonymousPerMinute; i++)
            Assert.Equal(HttpStatusCode.OK, (await flood.GetAsync("/publik")).StatusCode);
        var refused = await flood.GetAsync("/publik");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("<h1 id=\"judul\">Terlalu banyak permintaan</h1>", await refused.Content.ReadAsStringAsync());
        // another address is not affected
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.Browser().GetAsync("/publik")).StatusCode);
    }

    [Fact]
    public async Task Publishing_a_final_that_is_refused_stores_nothing_and_says_why()
    {
        if (!fixture.Available)
            return;
        // Banjar keeps its printed budget slips: a final LKjIP is refused (as in DocumentBuildTests)
        var banjar = fixture.App.WithDb(db => db.Agencies.Single(a => a.Name.Contains("Banjar")).Id);
        var refused = await fixture.Admin.Post($"/instansi/{banjar}/2025/terbitkan", $"/instansi/{banjar}/2025/terbitkan", [new("Jenis", "lkjip"), new("Format", "docx")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Dokumen tidak diterbitkan", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(fixture.App.WithDb(db => db.PublishedDocuments.Any(d => d.AgencyId == banjar)));
        // an operator (who sees only a unit) may not publish
        var op = await fixture.As("op-bidang");
        var forbidden = await op.Client.GetAsync($"{Demo}/terbitkan");
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.StartsWith("/ditolak", forbidden.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Browser_errors_are_indonesian_pages_in_the_layout_with_a_correlation_id()
    {
        if (!fixture.Available)
            return;
        var notFound = await fixture.Admin.Client.GetAsync("/instansi/999999/2025/dasbor");
        await AssertErrorPage(notFound, HttpStatusCode.NotFound, "Halaman tidak ditemukan");

        // a form post to a page that has no such handler: a plain 400, not a 500
        var noHandler = await fixture.Admin.Post($"{Demo}/dasbor", $"{Demo}/dasbor?handler=TidakAda", [new("x", "1")]);
        await AssertErrorPage(noHandler, HttpStatusCode.BadRequest, "Permintaan tidak dapat diproses");
        // a form without its antiforgery token
        var forged = await fixture.Admin.Client.PostAsync($"/instansi/{fixture.DemoId}/pengguna?handler=Simpan", new FormUrlEncodedContent([new("UserName", "x")]));
        await AssertErrorPage(forged, HttpStatusCode.BadRequest, "Permintaan tidak dapat diproses");

        // an upload over the limit
        var big = await fixture.Admin.PostFiles("/impor", "/impor", [("Upload", "besar.xlsx", new byte[ImportService.MaxBytes + 2 * 1024 * 1024])]);
        var page = await AssertErrorPage(big, HttpStatusCode.RequestEntityTooLarge, "Berkas terlalu besar");
        Assert.Contains($"Buku kerja paling besar <strong>{ImportService.MaxBytes / (1024 * 1024)} MB</strong>", page);

        // a defect: the page says so without its details, and gives the id of the log line
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Demo}/dasbor");
        request.Headers.Add(FaultOnRequest.Header, "1");
        var crash = await fixture.Admin.Client.SendAsync(request);
        var text = await AssertErrorPage(crash, HttpStatusCode.InternalServerError, "Terjadi galat");
        Assert.DoesNotContain(FaultOnRequest.Secret, text);
        Assert.DoesNotContain("InvalidOperationException", text);
    }

    [Fact]
    public async Task The_api_answers_problem_details_in_indonesian_with_a_correlation_id_and_no_stack_trace()
    {
        if (!fixture.Available)
            return;
        var notFound = await fixture.Admin.Client.GetAsync("/api/tidak-ada");
        var problem = await AssertProblem(notFound, HttpStatusCode.NotFound);
        Assert.Equal("Tidak ditemukan", problem.GetProperty("title").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instansi");
        request.Headers.Add(FaultOnRequest.Header, "1");
        var crash = await fixture.Admin.Client.SendAsync(request);
        var body = await crash.Content.ReadAsStringAsync();
        var fault = await AssertProblem(crash, HttpStatusCode.InternalServerError);
        Assert.Equal("Galat", fault.GetProperty("title").GetString());
        Assert.DoesNotContain(FaultOnRequest.Secret, body);
        Assert.DoesNotContain(" at ", body);

        // a refusal from the app keeps its own Indonesian message and gains the id
        var anonymous = await fixture.App.Browser().GetAsync($"/api{Demo}/capaian");
        var unauthorised = await AssertProblem(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal("Belum masuk", unauthorised.GetProperty("title").GetString());
    }

    private static async Task<string> AssertErrorPage(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"id\">", html);
        Assert.Contains("<header class=\"top\">", html);
        Assert.Contains($"<h1 id=\"judul\">{title}</h1>", html);
        Assert.Matches("kode rujukan <code id=\"kode-rujukan\">[0-9a-f-]{20,}</code>", html);
        return html;
    }

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Matches("^[0-9a-f-]{20,}$", json.GetProperty("correlationId").GetString()!);
        Assert.Equal(json.GetProperty("correlationId").GetString(), json.GetProperty("traceId").GetString());
        return json;
    }
}

/// <summary>Issue 19 items 8 and 12: what an installation does by default.</summary>
public sealed class InstallationDefaultsTests
{
    [Fact]
    public async Task A_production_install_does_not_load_the_sample_agencies_unless_asked()
    {
        using (var production = new KinerjaApp("Sqlite", seedSamples: null))
        {
            await production.Browser().GetAsync("/publik");
            Assert.Equal(0, production.WithDb(db => db.Agencies.Count()));
        }

        using var development = new KinerjaApp("Sqlite", seedSamples: null, environment: "Development");
        await development.Browser().GetAsync("/publik");
        Assert.Equal(5, development.WithDb(db => db.Agencies.Count()));
    }

    [Fact]
    public void The_default_address_gives_way_to_aspnetcore_urls_and_the_command_line()
    {
        static IConfiguration Config(params (string Key, string Value)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

        Assert.Equal("http://localhost:5080", AppHosting.DefaultUrls(Config()));
        Assert.Null(AppHosting.DefaultUrls(Config(("urls", "http://0.0.0.0:8080"))));
        Assert.Null(AppHosting.DefaultUrls(Config(("http_ports", "8080"))));
        Assert.Null(AppHosting.DefaultUrls(Config(("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8080"))));
        // the shipped settings no longer name an address (it sat above ASPNETCORE_URLS)
        var settings = File.ReadAllText(Path.Combine(Samples.Folder, "..", "src", "Kinerja.Web", "appsettings.json"));
        Assert.DoesNotContain("\"Urls\"", settings);
        Assert.DoesNotContain("SeedSamples", settings);
    }

    [Fact]
    public void No_page_has_inline_script_or_event_attributes()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(Samples.Folder, "..", "src", "Kinerja.Web", "Pages"), "*.cshtml", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", text);
            Assert.DoesNotMatch("\\s on[a-z]+\\s*=", text);
        }
    }
}
