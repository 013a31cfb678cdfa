using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Kinerja.Data;
using Kinerja.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Web.Tests;

public abstract class PeriodLockFixture(string provider) : IAsyncLifetime
{
    public const string Password = "KataSandi2025";

    // 5 May 2025 (WIB): TW I of 2025 ended on 31 March and closed thirty days later, on 30 April
    public TestClock Clock { get; } = new(new DateTimeOffset(2025, 5, 5, 2, 0, 0, TimeSpan.Zero));

    public bool Available { get; private set; }

    public KinerjaApp App { get; private set; } = null!;

    public Session Admin { get; private set; } = null!;

    public int DemoId { get; private set; }

    public int KemnakerId { get; private set; }

    public async Task InitializeAsync()
    {
        Available = provider == "Sqlite" || KinerjaApp.PostgresAvailable();
        if (!Available)
            return;
        App = new KinerjaApp(provider, clock: Clock) { LockPeriods = true };
        Admin = await Session.SetupAdmin(App);
        DemoId = App.WithDb(db => db.Agencies.Single(a => a.Name.StartsWith("Dinas Contoh")).Id);
        KemnakerId = App.WithDb(db => db.Agencies.Single(a => a.Name == "Kementerian Ketenagakerjaan").Id);
        await Admin.AddUser(DemoId, "op-dinas", Password, "Operator", "DINAS");
        await Admin.AddUser(DemoId, "op-bidang", Password, "Operator", "BIDANG");
        await Admin.AddUser(KemnakerId, "perencana-kemnaker", Password, "Perencana");
    }

    public Task DisposeAsync()
    {
        if (Available)
            App.Dispose();
        return Task.CompletedTask;
    }

    public Task<Session> As(string user) => Session.SignIn(App, user, Password);
}

public sealed class SqlitePeriodLockFixture() : PeriodLockFixture("Sqlite");

public sealed class PostgresPeriodLockFixture() : PeriodLockFixture("Postgres");

public sealed class SqlitePeriodLockTests(SqlitePeriodLockFixture fixture) : PeriodLockTests(fixture), IClassFixture<SqlitePeriodLockFixture>;

public sealed class PostgresPeriodLockTests(PostgresPeriodLockFixture fixture) : PeriodLockTests(fixture), IClassFixture<PostgresPeriodLockFixture>;

/// <summary>Issue 21 items 4 and 5: the period lock with its reopenings, the LKjIP's list of late changes, and publication (signed scans, the public page, the ESR zip).</summary>
public abstract class PeriodLockTests(PeriodLockFixture fixture)
{
    private string Demo => $"/instansi/{fixture.DemoId}/2025";

    private int VersionOf(string indicator, string period) => fixture.App.WithDb(db =>
        db.Realisasi.Where(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == indicator && r.Period == period && r.IsCurrent).Select(r => (int?)r.ConcurrencyVersion).SingleOrDefault() ?? 0);

    private async Task<HttpResponseMessage> SaveOnPage(Session who, string indicator, string value)
    {
        var url = $"{Demo}/realisasi/{indicator}/2025-TW1";
        return await who.Post(url, url + "?handler=Simpan", [new("Value", value), new("ValueStatus", "Final"), new("Explanation", "uji kunci periode"),
            new("ConcurrencyVersion", VersionOf(indicator, "2025-TW1").ToString(CultureInfo.InvariantCulture))]);
    }

    [Fact]
    public async Task A_closed_period_changes_only_under_a_live_reopening_of_its_unit_and_the_lkjip_lists_the_change()
    {
        if (!fixture.Available)
            return;
        fixture.Clock.Set(2025, 5, 5);
        var page = $"{Demo}/pembukaan";

        // the lock is on from the start for every instansi (the samples were loaded by the explicit history import)
        Assert.All(fixture.App.WithDb(db => db.Agencies.Select(a => a.LockPeriods).ToList()), Assert.True);
        Assert.Contains("impor riwayat", fixture.App.WithDb(db => db.Audit.Where(a => a.AgencyId == fixture.DemoId && a.Entity == nameof(ReportingYear)).Select(a => a.Action).ToList()));

        // TW I closed on 30 April: the operator's save is refused, naming the date and who can reopen
        var operatorDinas = await fixture.As("op-dinas");
        var refused = await SaveOnPage(operatorDinas, "IKU-1", "12");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var text = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("periode 2025-TW1 (unit DINAS) telah ditutup pada 30 April 2025", text);
        Assert.Contains("administrator instansi membuka kembali periode", text);
        Assert.Equal(0, VersionOf("IKU-1", "2025-TW1"));

        // a reopening for unit DINAS until 10 May, with its reason
        var opened = await fixture.Admin.Post(page, page + "?handler=Buka",
            [new("Periode", "2025-TW1"), new("Unit", "DINAS"), new("Sampai", "2025-05-10"), new("Alasan", "Koreksi hasil reviu Inspektorat")]);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var reopening = fixture.App.WithDb(db => db.PeriodReopenings.Single(x => x.AgencyId == fixture.DemoId));
        Assert.Equal(("2025-TW1", "DINAS", (string?)null, new DateOnly(2025, 5, 10), "admin"), (reopening.Period, reopening.UnitCode, reopening.IndicatorCode, reopening.Until, reopening.CreatedBy));
        Assert.Equal(1, fixture.App.WithDb(db => db.Audit.Count(a => a.AgencyId == fixture.DemoId && a.Entity == nameof(PeriodReopening) && a.Action == "tambah")));

        // unit DINAS's change is accepted and audited with the reopening it was made under
        Assert.Equal(HttpStatusCode.Redirect, (await SaveOnPage(operatorDinas, "IKU-1", "12")).StatusCode);
        Assert.Equal("12", fixture.App.WithDb(db => db.Realisasi.Single(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == "IKU-1" && r.Period == "2025-TW1" && r.IsCurrent).Value));
        var late = fixture.App.WithDb(db => db.Audit.Where(a => a.AgencyId == fixture.DemoId && a.Entity == PeriodLock.LateChangeEntity).ToList());
        var entry = Assert.Single(late);
        Assert.Equal("2025|IKU-1|2025-TW1", entry.EntityKey);
        Assert.Equal("op-dinas", entry.UserName);
        using (var json = JsonDocument.Parse(entry.After!))
        {
            Assert.Equal(reopening.Id, json.RootElement.GetProperty("Pembukaan").GetInt64());
            Assert.Equal("Koreksi hasil reviu Inspektorat", json.RootElement.GetProperty("Alasan").GetString());
        }

        // unit BIDANG's change in the same period is refused through the API too: the reopening is DINAS's
        var operatorBidang = await fixture.As("op-bidang");
        var other = await operatorBidang.Api(HttpMethod.Put, $"/api{Demo}/realisasi/IKU-2/2025-TW1", new { value = "7", valueStatus = "Final", explanation = "uji", concurrencyVersion = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("unit BIDANG", await other.Content.ReadAsStringAsync());
        Assert.Equal(0, VersionOf("IKU-2", "2025-TW1"));

        // after 10 May the reopening has expired: DINAS is refused again
        fixture.Clock.Set(2025, 5, 11);
        operatorDinas = await fixture.As("op-dinas");
        var expired = await SaveOnPage(operatorDinas, "IKU-1", "13");
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("12", fixture.App.WithDb(db => db.Realisasi.Single(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == "IKU-1" && r.Period == "2025-TW1" && r.IsCurrent).Value));
        Assert.Single(fixture.App.WithDb(db => db.Audit.Where(a => a.AgencyId == fixture.DemoId && a.Entity == PeriodLock.LateChangeEntity).ToList()));

        var admin = await Session.SignIn(fixture.App, "admin", "RahasiaSekali1"); // signed in again: the cookie follows the moved clock

        // the workbook import obeys the lock too: a new TW I value of BIDANG is refused, nothing is written
        var exported = System.Text.Json.Nodes.JsonNode.Parse(await admin.Client.GetStringAsync($"{Demo}/ekspor.json"))!;
        exported["realisasi"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["indicator"] = "IKU-2", ["period"] = "2025-TW1", ["value"] = "7", ["status"] = "Final" });
        using (var content = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(exported.ToJsonString())), "berkas", "demo-tw1.json" } })
        {
            var preview = await (await admin.ApiContent(HttpMethod.Post, $"/api/impor?instansi={fixture.DemoId}", content)).Content.ReadFromJsonAsync<JsonElement>();
            var commit = await admin.Api(HttpMethod.Post, $"/api/impor/{preview.GetProperty("token").GetString()}", new { agencyId = fixture.DemoId, expectedRevision = preview.GetProperty("expectedRevision").GetInt32() });
            var answer = await commit.Content.ReadAsStringAsync();
            Assert.False(commit.IsSuccessStatusCode, answer);
            Assert.Contains("periode 2025-TW1 (unit BIDANG) telah ditutup pada 30 April 2025", answer);
            Assert.Equal(0, VersionOf("IKU-2", "2025-TW1"));
        }

        // targets an import changes obey the lock too: a TW I target of DINAS's IKU-1 is refused
        async Task<HttpResponseMessage> ImportTargets(params (string Indicator, string Value)[] added)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(await admin.Client.GetStringAsync($"{Demo}/ekspor.json"))!;
            foreach (var (indicator, value) in added)
                json["targets"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["indicator"] = indicator, ["period"] = "2025-TW1", ["value"] = value, ["document"] = "PK" });
            using var content = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString())), "berkas", "demo-target-tw1.json" } };
            var preview = await (await admin.ApiContent(HttpMethod.Post, $"/api/impor?instansi={fixture.DemoId}", content)).Content.ReadFromJsonAsync<JsonElement>();
            return await admin.Api(HttpMethod.Post, $"/api/impor/{preview.GetProperty("token").GetString()}", new { agencyId = fixture.DemoId, expectedRevision = preview.GetProperty("expectedRevision").GetInt32() });
        }

        int TargetsOf(string indicator) => fixture.App.WithDb(db => db.Targets.Count(t => t.IndicatorCode == indicator && t.Period == "2025-TW1" && db.Years.Any(y => y.Id == t.ReportingYearId && y.AgencyId == fixture.DemoId)));
        var targetRefused = await ImportTargets(("IKU-1", "20%"));
        Assert.False(targetRefused.IsSuccessStatusCode);
        Assert.Contains("impor buku kerja (target) tidak disimpan: periode 2025-TW1 (unit DINAS) telah ditutup pada 30 April 2025", await targetRefused.Content.ReadAsStringAsync());
        Assert.Equal(0, TargetsOf("IKU-1"));

        // a reopening of one indicator (BIDANG's IKU-2, through the API) lets exactly that target through until its date
        var reopenIndicator = await admin.Api(HttpMethod.Post, $"/api{Demo}/pembukaan", new { periode = "2025-TW1", unit = "BIDANG", indikator = "IKU-2", sampai = "2025-05-20", alasan = "Target triwulan PK belum dimuat" });
        Assert.True(reopenIndicator.IsSuccessStatusCode, await reopenIndicator.Content.ReadAsStringAsync());
        Assert.False((await ImportTargets(("IKU-2", "250"), ("IKU-1", "20%"))).IsSuccessStatusCode); // IKU-1 is DINAS's: the whole import is refused
        Assert.Equal((0, 0), (TargetsOf("IKU-1"), TargetsOf("IKU-2")));
        var accepted = await ImportTargets(("IKU-2", "250"));
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        Assert.Equal(1, TargetsOf("IKU-2"));
        Assert.Contains(fixture.App.WithDb(db => db.Audit.Where(a => a.AgencyId == fixture.DemoId && a.Entity == PeriodLock.LateChangeEntity).Select(a => a.After!).ToList()),
            after => after.Contains("impor buku kerja (target)", StringComparison.Ordinal) && after.Contains("Target triwulan PK belum dimuat", StringComparison.Ordinal));

        // the LKjIP of the year lists the late change with its day and the reopening's reason
        var docx = await admin.Client.GetAsync($"{Demo}/dokumen/lkjip.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("NILAI YANG DIUBAH SETELAH PERIODE DITUTUP", body);
        var annex = body[body.LastIndexOf("NILAI YANG DIUBAH SETELAH PERIODE DITUTUP", StringComparison.Ordinal)..].Replace('\u00A0', ' '); // dates keep their words together
        Assert.True(annex.Contains("5 Mei 2025", StringComparison.Ordinal) && annex.Contains("realisasi IKU-1 2025-TW1", StringComparison.Ordinal)
            && annex.Contains("Koreksi hasil reviu Inspektorat", StringComparison.Ordinal) && annex.Contains("DINAS", StringComparison.Ordinal), annex[..Math.Min(annex.Length, 1500)]);

        // the administrator may switch the lock off, with a reason, through the one write path: audited in the common log, and
        // a form read before another administrator's switch is refused
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Post(page, page + "?handler=Kunci", [new("KunciSekarang", "true"), new("Kunci", "false"), new("Alasan", "")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post(page, page + "?handler=Kunci", [new("KunciSekarang", "true"), new("Kunci", "false"), new("Alasan", "Migrasi data lama")])).StatusCode);
        Assert.False(fixture.App.WithDb(db => db.Agencies.Single(a => a.Id == fixture.DemoId).LockPeriods));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Post(page, page + "?handler=Kunci", [new("KunciSekarang", "true"), new("Kunci", "false"), new("Alasan", "lagi")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post(page, page + "?handler=Kunci", [new("KunciSekarang", "false"), new("Kunci", "true"), new("Alasan", "Migrasi selesai")])).StatusCode);
        var switches = fixture.App.WithDb(db => db.Audit.Where(a => a.AgencyId == fixture.DemoId && (a.Entity == PeriodLock.ReopeningEntity || a.Entity == nameof(Agency))).OrderBy(a => a.Id).ToList());
        Assert.Equal(["matikan kunci", "aktifkan kunci"], switches.Where(a => a.Entity == PeriodLock.ReopeningEntity).Select(a => a.Action).ToArray());
        Assert.Contains("Migrasi data lama", switches.First(a => a.Entity == PeriodLock.ReopeningEntity).After);
        Assert.All(switches, a => Assert.Equal("admin", a.UserName));
        Assert.Equal(2, switches.Count(a => a.Entity == nameof(Agency) && a.After!.Contains("LockPeriods", StringComparison.Ordinal)));
        // the lock's page shows these entries of the audit log: the switch with its reason, the reopenings, the changes under them
        var auditPage = WebUtility.HtmlDecode(await admin.Client.GetStringAsync(page));
        var history = auditPage[auditPage.IndexOf("id=\"riwayat-kunci\"", StringComparison.Ordinal)..];
        Assert.Contains("Migrasi data lama", history);
        Assert.Contains("Pembukaan periode", history);
        Assert.Contains("Target triwulan PK belum dimuat", history);
        Assert.Contains("Perubahan setelah periode ditutup", history);
    }

    [Fact]
    public async Task The_public_page_serves_a_published_pk_by_its_signed_scan_and_the_esr_zip_names_every_document_by_its_type()
    {
        if (!fixture.Available)
            return;
        var planner = await fixture.As("perencana-kemnaker");
        var api = $"/api/instansi/{fixture.KemnakerId}/2024";
        var signed = fixture.App.WithDb(db => db.PkVersions.Where(v => v.AgencyId == fixture.KemnakerId && v.SigningDate != null && v.SigningDate != "").OrderBy(v => v.Id).Select(v => v.PkVersion).First());

        // a PK version that is not signed is not published
        var unsigned = await planner.Api(HttpMethod.Post, api + "/publikasi", new { jenis = "pk", versi = "tidak-ada", format = "docx" });
        Assert.Equal((HttpStatusCode)422, unsigned.StatusCode);

        var published = await planner.Api(HttpMethod.Post, api + "/publikasi", new { jenis = "pk", versi = signed, format = "docx" });
        Assert.True(published.StatusCode == HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var pk = await published.Content.ReadFromJsonAsync<JsonElement>();
        var pkId = pk.GetProperty("id").GetInt64();
        var generated = await fixture.Admin.Client.GetByteArrayAsync($"/publik/berkas/{pkId}");
        Assert.Equal((byte)'P', generated[0]); // a .docx (zip) before the scan

        // a Renstra is published as an uploaded PDF; a file that is not a PDF is refused
        var notPdf = new MultipartFormDataContent { { new StringContent("renstra"), "jenis" }, { new ByteArrayContent("bukan pdf"u8.ToArray()), "berkas", "renstra.pdf" } };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await planner.ApiContent(HttpMethod.Post, api + "/publikasi/unggah", notPdf)).StatusCode);
        var renstraBytes = EvidenceSamples.Pdf();
        var renstra = new MultipartFormDataContent { { new StringContent("renstra"), "jenis" }, { new ByteArrayContent(renstraBytes), "berkas", "renstra-2020-2024.pdf" } };
        Assert.Equal(HttpStatusCode.Created, (await planner.ApiContent(HttpMethod.Post, api + "/publikasi/unggah", renstra)).StatusCode);

        // the signed scan needs the version read; then the public gets the scan
        var scan = EvidenceSamples.Pdf();
        var noVersion = new MultipartFormDataContent { { new ByteArrayContent(scan), "berkas", "pk-ttd.pdf" } };
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await planner.ApiContent(HttpMethod.Post, $"{api}/publikasi/{pkId}/pindaian", noVersion)).StatusCode);
        var withVersion = new MultipartFormDataContent { { new ByteArrayContent(scan), "berkas", "pk-ttd.pdf" }, { new StringContent(pk.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture)), "versi" } };
        var attached = await planner.ApiContent(HttpMethod.Post, $"{api}/publikasi/{pkId}/pindaian", withVersion);
        Assert.True(attached.StatusCode == HttpStatusCode.OK, await attached.Content.ReadAsStringAsync());
        var visitor = fixture.App.Browser();
        var served = await visitor.GetAsync($"/publik/berkas/{pkId}");
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(scan, await served.Content.ReadAsByteArrayAsync());
        Assert.Contains(fixture.App.WithDb(db => db.Audit.Where(a => a.Entity == nameof(PublishedDocument) && a.Action == "ubah").Select(a => a.After!).ToList()),
            after => after.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(scan)), StringComparison.Ordinal));

        // the transparency page: the published PK (signed) and Renstra with their dates, the missing types said so, no draft
        var html = WebUtility.HtmlDecode(await visitor.GetStringAsync("/publik"));
        var section = html[html.IndexOf($"data-instansi=\"{fixture.KemnakerId}\" data-tahun=\"2024\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains($"href=\"/publik/berkas/{pkId}\"", section);
        Assert.Contains("bertanda tangan", section);
        Assert.Contains("<tr data-jenis=\"lkjip\"><td>Laporan Kinerja (LKjIP)</td><td class=\"muted\">belum dipublikasikan</td>", section);
        Assert.Contains("Rencana Strategis (Renstra) 2024", section);
        Assert.DoesNotContain("draf", section, StringComparison.OrdinalIgnoreCase);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(section, "<tr data-jenis=\"pk\""));

        // the ESR zip: each document under its e-SAKIP Reviu type, and the list of what is missing
        var zipResponse = await planner.Client.GetAsync(api + "/esr");
        Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["DAFTAR-ISI.txt", $"PK 2024 ({signed}).pdf", "Renstra 2024.pdf"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray());
        using (var entry = new MemoryStream())
        {
            await using (var s = zip.GetEntry("Renstra 2024.pdf")!.Open())
                await s.CopyToAsync(entry);
            Assert.Equal(renstraBytes, entry.ToArray());
        }

        using var reader = new StreamReader(zip.GetEntry("DAFTAR-ISI.txt")!.Open());
        var manifest = await reader.ReadToEndAsync();
        foreach (var missing in new[] { "RPJMD", "IKU", "Renja-RKT", "Rencana Aksi", "Laporan Kinerja", "Pohon Kinerja", "LHE AKIP Internal" })
            Assert.Contains($"{missing}: TIDAK ADA (belum diterbitkan)", manifest);
        Assert.Contains($"PK: PK 2024 ({signed}).pdf", manifest);
    }

    [Fact]
    public void The_capaian_chart_draws_a_bar_per_iku_and_the_100_percent_line()
    {
        var svg = Pages.PublikModel.Chart([new("IKU-1", "Tingkat pengangguran", "5%", "4%", 125m, "125,00%"), new("IKU-2", "Lain", "10", null, null, "belum ada realisasi")], "Grafik capaian IKU");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(svg, "<rect "));
        Assert.Contains(">125,00%<", svg);
        Assert.Contains(">belum ada realisasi<", svg);
        // 125% of a 150% scale over 360 units after the 110-unit label column: 110 + 300
        Assert.Contains("width=\"300\"", svg);
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
    }
}
