using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Data;
using Kinerja.Domain.Workflow;

namespace Kinerja.Web.Tests;

/// <summary>A clock the test moves; the app reads it through TimeProvider.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Nine in the morning WIB on a day.</summary>
    public void Set(int year, int month, int day) => Now = new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();
}

public abstract class CycleFixture(string provider) : IAsyncLifetime
{
    public const string Password = "KataSandi2025";

    public TestClock Clock { get; } = new(new DateTimeOffset(2025, 4, 5, 2, 0, 0, TimeSpan.Zero));

    public bool Available { get; private set; }

    public KinerjaApp App { get; private set; } = null!;

    public Session Admin { get; private set; } = null!;

    public int DemoId { get; private set; }

    public async Task InitializeAsync()
    {
        Available = provider == "Sqlite" || KinerjaApp.PostgresAvailable();
        if (!Available)
            return;
        App = new KinerjaApp(provider, clock: Clock) { LockPeriods = true };
        Admin = await Session.SetupAdmin(App);
        DemoId = App.WithDb(db => db.Agencies.Single(a => a.Name.StartsWith("Dinas Contoh")).Id);
        await Admin.AddUser(DemoId, "op-dinas", Password, "Operator", "DINAS");
        await Admin.AddUser(DemoId, "verif", Password, "Verifikator", "DINAS", "BIDANG");
    }

    public Task DisposeAsync()
    {
        if (Available)
            App.Dispose();
        return Task.CompletedTask;
    }

    public Task<Session> As(string user) => Session.SignIn(App, user, Password);
}

public sealed class SqliteCycleFixture() : CycleFixture("Sqlite");

public sealed class PostgresCycleFixture() : CycleFixture("Postgres");

public sealed class SqliteCycleTests(SqliteCycleFixture fixture) : CycleTests(fixture), IClassFixture<SqliteCycleFixture>;

public sealed class PostgresCycleTests(PostgresCycleFixture fixture) : CycleTests(fixture), IClassFixture<PostgresCycleFixture>;

/// <summary>Issue 21: the reporting calendar, the status against it on the dashboard (and its xlsx), and "Tugas saya", with the clock moved by the test.</summary>
public abstract class CycleTests(CycleFixture fixture)
{
    private string Demo => $"/instansi/{fixture.DemoId}/2025";

    [Fact]
    public async Task The_calendar_shows_the_defaults_and_only_the_administrator_changes_a_date_audited()
    {
        if (!fixture.Available)
            return;
        var kind = fixture.App.WithDb(db => db.Agencies.Single(a => a.Id == fixture.DemoId).Kind);
        var page = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync($"{Demo}/kalender"));
        Assert.Contains("<td>Penandatanganan Perjanjian Kinerja</td><td>2025</td><td>1 Januari 2025</td><td>31 Januari 2025</td>", page);
        // LKjIP of the instansi: three months after the year for a Pemda, two for a K/L (2026 is no leap year)
        Assert.Contains(kind == "Pemda" ? "<td>31 Maret 2026</td>" : "<td>28 Februari 2026</td>", page);

        var operatorDinas = await fixture.As("op-dinas");
        Assert.DoesNotContain("Ubah jadwal", await operatorDinas.Client.GetStringAsync($"{Demo}/kalender"));
        var fields = new List<KeyValuePair<string, string>> { new("StepKey", "pk"), new("Opens", "2025-01-02"), new("Due", "2025-02-14"), new("Closes", "2025-12-31"), new("Reason", "DPA disahkan 14 Januari"), new("Version", "0") };
        var refused = await operatorDinas.Post($"{Demo}/kalender", $"{Demo}/kalender?handler=Simpan", fields);
        Assert.StartsWith("/ditolak", refused.Headers.Location!.PathAndQuery);
        Assert.False(fixture.App.WithDb(db => db.CycleDeadlines.Any(d => d.AgencyId == fixture.DemoId)));

        var wrong = await fixture.Admin.Post($"{Demo}/kalender", $"{Demo}/kalender?handler=Simpan", [new("StepKey", "pk"), new("Opens", "2025-01-02"), new("Due", "2026-02-14"), new("Closes", "2025-12-31"), new("Version", "0")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("batas waktu harus sebelum atau sama dengan tanggal ditutup", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Admin.Post($"{Demo}/kalender", $"{Demo}/kalender?handler=Simpan", fields)).StatusCode);
        page = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync($"{Demo}/kalender"));
        Assert.Contains("<td>2 Januari 2025</td><td>14 Februari 2025</td>", page);
        Assert.Contains("Ditetapkan administrator instansi", page);
        Assert.Contains("Alasan: DPA disahkan 14 Januari", page);
        var audit = fixture.App.WithDb(db => db.Audit.Where(a => a.AgencyId == fixture.DemoId && a.Entity == nameof(CycleDeadlineRow) && a.EntityKey == "2025|pk").ToList());
        Assert.Single(audit);
        Assert.Equal(("tambah", "admin"), (audit[0].Action, audit[0].UserName));
        Assert.Contains("02/14/2025", audit[0].After); // the audit log writes dates in the invariant culture

        // a second save from the page read before the first one is refused (version 0 is stale now)
        Assert.Equal(HttpStatusCode.Conflict, (await fixture.Admin.Post($"{Demo}/kalender", $"{Demo}/kalender?handler=Simpan", fields)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Admin.Post($"{Demo}/kalender", $"{Demo}/kalender?handler=Bawaan", [new("StepKey", "pk"), new("Version", fixture.App.WithDb(db => db.CycleDeadlines.Single(d => d.AgencyId == fixture.DemoId && d.StepKey == "pk").ConcurrencyVersion).ToString(System.Globalization.CultureInfo.InvariantCulture))])).StatusCode);
        page = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync($"{Demo}/kalender"));
        Assert.Contains("<td>1 Januari 2025</td><td>31 Januari 2025</td>", page);
        Assert.Equal(["tambah", "hapus"], fixture.App.WithDb(db => db.Audit.Where(a => a.Entity == nameof(CycleDeadlineRow) && a.EntityKey == "2025|pk").OrderBy(a => a.Id).Select(a => a.Action).ToList()));
    }

    [Fact]
    public async Task Walking_a_quarter_the_board_and_the_home_pages_follow_the_clock()
    {
        if (!fixture.Available)
            return;
        // an indicator of unit DINAS with nothing entered for a quarter, as the seed left it (every indicator is monitored quarterly)
        var (code, quarter) = fixture.App.WithDb(db =>
        {
            var year = db.Years.Single(y => y.AgencyId == fixture.DemoId && y.Year == 2025).Id;
            var dinas = db.Indicators.Where(i => i.ReportingYearId == year && i.UnitCode == "DINAS").OrderBy(i => i.Ordinal).Select(i => i.Code).ToList();
            var entered = db.Realisasi.Where(r => r.ReportingYearId == year && r.IsCurrent).Select(r => r.IndicatorCode + "|" + r.Period).ToHashSet();
            return (from q in Enumerable.Range(1, 4) from c in dinas where !entered.Contains($"{c}|2025-TW{q}") select (c, q)).First();
        });
        var period = $"2025-TW{quarter}";
        var label = $"TW {quarter} 2025";
        var end = new DateOnly(2025, quarter * 3, 1).AddMonths(1).AddDays(-1); // the quarter's last day
        string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"));

        Set(end.AddDays(5)); // the quarter is open since the day after it ended; entry due ten days after its end
        var board = await Row(fixture.Admin, code, period);
        Assert.Equal("belum", board.Status);
        Assert.Contains("5 hari lagi", board.Html);
        var operatorDinas = await fixture.As("op-dinas");
        var home = WebUtility.HtmlDecode(await operatorDinas.Client.GetStringAsync("/"));
        Assert.Contains($"Realisasi {code} {label}</a>", home);
        Assert.Contains(Day(end.AddDays(10)), home);

        Set(end.AddDays(15)); // five days past the entry's due date
        board = await Row(fixture.Admin, code, period);
        Assert.Equal("terlambat", board.Status);
        Assert.Contains("terlambat 5 hari", board.Html);
        operatorDinas = await fixture.As("op-dinas"); // signed in again: the cookie follows the moved clock
        Assert.Contains("terlambat 5 hari", WebUtility.HtmlDecode(await operatorDinas.Client.GetStringAsync("/")));
        var filtered = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync($"{Demo}/dasbor?periode={period}&status=terlambat"));
        Assert.Contains($"data-siklus=\"{code}\"", filtered);
        Assert.DoesNotContain("data-status=\"belum\"", filtered);

        var url = $"{Demo}/realisasi/{code}/{period}";
        Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(url, url + "?handler=Simpan", [new("Value", "12"), new("ValueStatus", "Final"), new("Explanation", "uji kalender"), new("ConcurrencyVersion", "0")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(url, url + "?handler=Ajukan", [new("ConcurrencyVersion", fixture.App.WithDb(db => db.Realisasi.Single(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == code && r.Period == period && r.IsCurrent).ConcurrencyVersion).ToString(System.Globalization.CultureInfo.InvariantCulture))])).StatusCode);
        Assert.Equal(EntryStatus.Diajukan, fixture.App.WithDb(db => db.Realisasi.Single(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == code && r.Period == period && r.IsCurrent).Status));

        board = await Row(fixture.Admin, code, period);
        Assert.Equal("diajukan", board.Status);
        Assert.Contains("<td>verifikasi</td>", board.Html);
        Assert.Contains("5 hari lagi", board.Html); // verification due twenty days after the quarter's end
        Assert.DoesNotContain($"Realisasi {code} {label}</a>", WebUtility.HtmlDecode(await operatorDinas.Client.GetStringAsync("/")));
        var verifikator = await fixture.As("verif");
        var verifHome = WebUtility.HtmlDecode(await verifikator.Client.GetStringAsync("/"));
        Assert.Contains($"Realisasi {code} {label}</a>", verifHome);
        Assert.Contains(Day(end.AddDays(20)), verifHome);

        // the export carries the same row, filtered to the unit
        var response = await fixture.Admin.Client.GetAsync($"{Demo}/dasbor?handler=Ekspor&periode={period}&unit=DINAS");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        var exported = rows.Single(r => r.Count > 2 && r[2] == code);
        var verificationDue = end.AddDays(20).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        Assert.Equal(["DINAS", code, period, "diajukan", "verifikasi", verificationDue, "5"], [exported[0], exported[2], exported[4], exported[5], exported[6], exported[7], exported[8]]);
        Assert.All(rows.Skip(2), r => Assert.Equal("DINAS", r[0]));
    }

    [Fact]
    public async Task The_api_gives_the_calendar_statuses_and_tasks_and_changes_a_step_with_the_csrf_token()
    {
        if (!fixture.Available)
            return;
        var api = $"/api{Demo}";
        var steps = await fixture.Admin.Client.GetFromJsonAsync<JsonElement>($"{api}/kalender");
        var lkjip = steps.EnumerateArray().Single(s => s.GetProperty("key").GetString() == "lkjip-unit");
        var kind = fixture.App.WithDb(db => db.Agencies.Single(a => a.Id == fixture.DemoId).Kind);
        Assert.Equal(kind == "Pemda" ? "2026-02-28" : "2026-01-31", lkjip.GetProperty("due").GetString());

        var body = new { opens = "2026-01-01", due = "2026-02-20", closes = "2026-03-31", reason = "surat edaran sekda", version = 0 };
        // no CSRF header: refused before anything is written
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Admin.Client.PutAsJsonAsync($"{api}/kalender/lkjip-unit", body)).StatusCode);
        var operatorDinas = await fixture.As("op-dinas");
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorDinas.Api(HttpMethod.Put, $"{api}/kalender/lkjip-unit", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.Api(HttpMethod.Put, $"{api}/kalender/tidak-ada", body)).StatusCode);
        var saved = await fixture.Admin.Api(HttpMethod.Put, $"{api}/kalender/lkjip-unit", body);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = (await saved.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(s => s.GetProperty("key").GetString() == "lkjip-unit");
        Assert.Equal(("2026-02-20", true, 1), (after.GetProperty("due").GetString(), after.GetProperty("overridden").GetBoolean(), after.GetProperty("version").GetInt32()));
        // every write names the version it was read at: a reset without it is refused (428), with it done
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await fixture.Admin.Api(HttpMethod.Delete, $"{api}/kalender/lkjip-unit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.Api(HttpMethod.Delete, $"{api}/kalender/lkjip-unit?concurrencyVersion=1")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Admin.Client.GetAsync($"{api}/status?periode=2025-TW9")).StatusCode);
        var statuses = await operatorDinas.Client.GetFromJsonAsync<JsonElement>($"{api}/status?periode=2025");
        Assert.All(statuses.EnumerateArray(), s => Assert.Equal("DINAS", s.GetProperty("unitCode").GetString()));
        Assert.NotEmpty(statuses.EnumerateArray());
        var tasks = await operatorDinas.Client.GetFromJsonAsync<JsonElement>("/api/tugas");
        var dues = tasks.EnumerateArray().Select(t => t.GetProperty("due").GetString()!).ToList();
        Assert.Equal(dues.Order(StringComparer.Ordinal), dues);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.Browser().GetAsync("/api/tugas")).StatusCode);

        var openApi = await fixture.Admin.Client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/instansi/{agencyId}/{year}/kalender", "/api/instansi/{agencyId}/{year}/kalender/{key}", "/api/instansi/{agencyId}/{year}/status", "/api/tugas" })
            Assert.Contains($"\"{path}\"", openApi);
    }

    private void Set(DateOnly day) => fixture.Clock.Set(day.Year, day.Month, day.Day);

    private async Task<(string Status, string Html)> Row(Session session, string code, string period)
    {
        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"{Demo}/dasbor?periode={period}"));
        var start = html.IndexOf($"<tr data-siklus=\"{code}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no status row for {code}");
        var row = html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
        var status = row.Split("data-status=\"")[1].Split('"')[0];
        return (status, row);
    }
}
