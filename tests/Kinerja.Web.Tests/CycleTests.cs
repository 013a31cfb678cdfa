using System.Globalization;
using System.Net;
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
        App = new KinerjaApp(provider, clock: Clock);
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

        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Admin.Post($"{Demo}/kalender", $"{Demo}/kalender?handler=Bawaan", [new("StepKey", "pk")])).StatusCode);
        page = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync($"{Demo}/kalender"));
        Assert.Contains("<td>1 Januari 2025</td><td>31 Januari 2025</td>", page);
        Assert.Equal(["tambah", "hapus"], fixture.App.WithDb(db => db.Audit.Where(a => a.Entity == nameof(CycleDeadlineRow) && a.EntityKey == "2025|pk").OrderBy(a => a.Id).Select(a => a.Action).ToList()));
    }

    [Fact]
    public async Task Walking_the_first_quarter_the_board_and_the_home_pages_follow_the_clock()
    {
        if (!fixture.Available)
            return;
        // an indicator of unit DINAS with nothing entered for TW I 2025, as the seed left it
        var code = fixture.App.WithDb(db =>
        {
            var taken = db.Realisasi.Where(r => r.AgencyId == fixture.DemoId && r.Period == "2025-TW1" && r.IsCurrent).Select(r => r.IndicatorCode).ToHashSet();
            var year = db.Years.Single(y => y.AgencyId == fixture.DemoId && y.Year == 2025).Id;
            var codes = db.Indicators.Where(i => i.ReportingYearId == year && i.UnitCode == "DINAS").OrderBy(i => i.Ordinal).Select(i => i.Code).ToList();
            return codes.First(c => !taken.Contains(c));
        });
        var targetPeriods = fixture.App.WithDb(db => db.Targets.Where(t => t.AgencyId == fixture.DemoId && t.IndicatorCode == code).Select(t => t.Period).ToList());
        var tw1Reported = targetPeriods.Contains("2025-TW1") || !targetPeriods.Any(p => p.StartsWith("2025", StringComparison.Ordinal));

        fixture.Clock.Set(2025, 4, 5); // TW I open since 1 April, due 10 April
        var board = await Row(fixture.Admin, code);
        Assert.Equal("belum", board.Status);
        Assert.Contains("5 hari lagi", board.Html);

        var operatorDinas = await fixture.As("op-dinas");
        var home = WebUtility.HtmlDecode(await operatorDinas.Client.GetStringAsync("/"));
        if (tw1Reported)
        {
            Assert.Contains($"Realisasi {code} TW 1 2025</a>", home);
            Assert.Contains("10 April 2025", home);
        }

        fixture.Clock.Set(2025, 4, 15); // five days past the entry's due date
        board = await Row(fixture.Admin, code);
        Assert.Equal("terlambat", board.Status);
        Assert.Contains("terlambat 5 hari", board.Html);
        operatorDinas = await fixture.As("op-dinas"); // signed in again: the cookie follows the moved clock
        var filtered = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync($"{Demo}/dasbor?periode=2025-TW1&status=terlambat"));
        Assert.Contains($"data-siklus=\"{code}\"", filtered);
        Assert.DoesNotContain("data-status=\"belum\"", filtered);

        var url = $"{Demo}/realisasi/{code}/2025-TW1";
        Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(url, url + "?handler=Simpan", [new("Value", "12"), new("ValueStatus", "Final"), new("Explanation", "uji kalender")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(url, url + "?handler=Ajukan", [])).StatusCode);
        Assert.Equal(EntryStatus.Diajukan, fixture.App.WithDb(db => db.Realisasi.Single(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == code && r.Period == "2025-TW1" && r.IsCurrent).Status));

        board = await Row(fixture.Admin, code);
        Assert.Equal("diajukan", board.Status);
        Assert.Contains("<td>verifikasi</td>", board.Html);
        Assert.Contains("5 hari lagi", board.Html); // verification due 20 April
        if (tw1Reported)
        {
            Assert.DoesNotContain($"Realisasi {code} TW 1 2025</a>", WebUtility.HtmlDecode(await operatorDinas.Client.GetStringAsync("/")));
            var verifikator = await fixture.As("verif");
            var verifHome = WebUtility.HtmlDecode(await verifikator.Client.GetStringAsync("/"));
            Assert.Contains($"Realisasi {code} TW 1 2025</a>", verifHome);
            Assert.Contains("20 April 2025", verifHome);
        }

        // the export carries the same row
        var response = await fixture.Admin.Client.GetAsync($"{Demo}/dasbor?handler=Ekspor&periode=2025-TW1&unit=DINAS");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        var exported = rows.Single(r => r.Count > 2 && r[2] == code);
        Assert.Equal(["DINAS", code, "2025-TW1", "diajukan", "verifikasi", "20-04-2025", "5"], [exported[0], exported[2], exported[4], exported[5], exported[6], exported[7], exported[8]]);
        Assert.All(rows.Skip(2), r => Assert.Equal("DINAS", r[0]));
    }

    private async Task<(string Status, string Html)> Row(Session session, string code)
    {
        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"{Demo}/dasbor?periode=2025-TW1"));
        var start = html.IndexOf($"<tr data-siklus=\"{code}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no status row for {code}");
        var row = html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
        var status = row.Split("data-status=\"")[1].Split('"')[0];
        return (status, row);
    }
}
