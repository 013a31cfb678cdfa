using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kinerja.Domain.Workflow;

namespace Kinerja.Web.Tests;

public sealed class SqliteCycleYearTests(SqliteCycleFixture fixture) : CycleYearTests(fixture), IClassFixture<SqliteCycleFixture>;

public sealed class PostgresCycleYearTests(PostgresCycleFixture fixture) : CycleYearTests(fixture), IClassFixture<PostgresCycleFixture>;

/// <summary>
/// Issue 21, "a fake clock walking a year": the PK falls due and late in January-February, then each quarter opens, falls
/// due, is entered (or not) and closes; a closed quarter refuses a late entry. The clock is the app's TimeProvider, moved
/// by the test; the dates come from the default calendar (docs/cycle.md): realisasi due ten days after the quarter's end,
/// closed thirty days after it.
/// </summary>
public abstract class CycleYearTests(CycleFixture fixture)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private string Demo => $"/instansi/{fixture.DemoId}/2025";

    [Fact]
    public async Task Walking_a_year_the_pk_falls_due_and_late_and_each_quarter_opens_falls_due_and_closes_refusing_a_late_entry()
    {
        if (!fixture.Available)
            return;
        // the year as it stood on 1 January: no PK signed yet, and one DINAS indicator with nothing entered in any quarter
        var code = fixture.App.WithDb(db =>
        {
            var year = db.Years.Single(y => y.AgencyId == fixture.DemoId && y.Year == 2025);
            foreach (var version in db.PkVersions.Where(v => v.ReportingYearId == year.Id))
                version.SigningDate = null;
            var first = db.Indicators.Where(i => i.ReportingYearId == year.Id && i.UnitCode == "DINAS").OrderBy(i => i.Ordinal).Select(i => i.Code).First();
            db.Realisasi.RemoveRange(db.Realisasi.Where(r => r.ReportingYearId == year.Id && r.IndicatorCode == first));
            db.SaveChanges();
            return first;
        });
        await fixture.Admin.AddUser(fixture.DemoId, "perencana", CycleFixture.Password, "Perencana");

        // January: the PK is to be signed by 31 January
        fixture.Clock.Set(2025, 1, 10);
        var pk = await TaskFor(await fixture.As("perencana"), "Perjanjian Kinerja 2025");
        Assert.Equal(("tanda tangani", "2025-01-31", 21), (pk.GetProperty("action").GetString(), pk.GetProperty("due").GetString(), pk.GetProperty("days").GetInt32()));
        // 5 February: still unsigned, five days late
        fixture.Clock.Set(2025, 2, 5);
        pk = await TaskFor(await fixture.As("perencana"), "Perjanjian Kinerja 2025");
        Assert.Equal(-5, pk.GetProperty("days").GetInt32());
        Assert.Contains("terlambat 5 hari", WebUtility.HtmlDecode(await (await fixture.As("perencana")).Client.GetStringAsync("/")));

        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var period = $"2025-TW{quarter}";
            var what = $"Realisasi {code} TW {quarter} 2025";
            var end = new DateOnly(2025, quarter * 3, 1).AddMonths(1).AddDays(-1);

            // five days after the quarter's end: open, due in five days, "belum" on the board
            Set(end.AddDays(5));
            var entry = await TaskFor(await fixture.As("op-dinas"), what);
            Assert.Equal((Iso(end.AddDays(10)), 5), (entry.GetProperty("due").GetString(), entry.GetProperty("days").GetInt32()));
            Assert.Equal("belum", await Status(code, period));

            // fifteen days after: five days late
            Set(end.AddDays(15));
            var operatorDinas = await fixture.As("op-dinas");
            Assert.Equal(-5, (await TaskFor(operatorDinas, what)).GetProperty("days").GetInt32());
            Assert.Equal("terlambat", await Status(code, period));

            // the odd quarters are entered late but before closing; the even ones are not entered at all
            var url = $"{Demo}/realisasi/{code}/{period}";
            if (quarter % 2 == 1)
            {
                Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(url, url + "?handler=Simpan", Fields("7", 0))).StatusCode);
                Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(url, url + "?handler=Ajukan", [new("ConcurrencyVersion", Version(code, period).ToString(CultureInfo.InvariantCulture))])).StatusCode);
                Assert.Equal("diajukan", await Status(code, period));
                Assert.DoesNotContain(await Tasks(operatorDinas), t => t.GetProperty("what").GetString() == what);
            }

            // thirty-one days after: the quarter has closed; nothing is asked any more and a late entry is refused
            Set(end.AddDays(31));
            operatorDinas = await fixture.As("op-dinas");
            Assert.DoesNotContain(await Tasks(operatorDinas), t => t.GetProperty("what").GetString() == what);
            var stored = fixture.App.WithDb(db => db.Realisasi.Where(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == code && r.Period == period && r.IsCurrent).Select(r => new { r.Value, r.Status }).SingleOrDefault());
            if (quarter % 2 == 1)
            {
                Assert.Equal(("7", EntryStatus.Diajukan), (stored!.Value, stored.Status));
                continue;
            }

            var late = await operatorDinas.Post(url, url + "?handler=Simpan", Fields("9", 0));
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Contains($"periode {period} (unit DINAS) telah ditutup pada {end.AddDays(30).ToString("d MMMM yyyy", Indonesian)}", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()));
            Assert.Null(stored);
            Assert.Equal(0, Version(code, period));
            Assert.Equal("terlambat", await Status(code, period));
        }

        // the year's LKjIP of the units and of the instansi fall due after the year, by the instansi's kind
        var kind = fixture.App.WithDb(db => db.Agencies.Single(a => a.Id == fixture.DemoId).Kind);
        var steps = (await (await Session.SignIn(fixture.App, "admin", "RahasiaSekali1")).Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/kalender")).EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("due").GetString());
        Assert.Equal(kind == "Pemda" ? ("2026-02-28", "2026-03-31") : ("2026-01-31", "2026-02-28"), (steps["lkjip-unit"], steps["lkjip-instansi"]));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void Set(DateOnly day) => fixture.Clock.Set(day.Year, day.Month, day.Day);

    private static List<KeyValuePair<string, string>> Fields(string value, int version) =>
        [new("Value", value), new("ValueStatus", "Final"), new("Explanation", "uji setahun"), new("ConcurrencyVersion", version.ToString(CultureInfo.InvariantCulture))];

    private int Version(string code, string period) => fixture.App.WithDb(db =>
        db.Realisasi.Where(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == code && r.Period == period && r.IsCurrent).Select(r => (int?)r.ConcurrencyVersion).SingleOrDefault() ?? 0);

    private static async Task<List<JsonElement>> Tasks(Session session) =>
        [.. (await session.Client.GetFromJsonAsync<JsonElement>("/api/tugas")).EnumerateArray()];

    private static async Task<JsonElement> TaskFor(Session session, string what)
    {
        var tasks = await Tasks(session);
        return Assert.Single(tasks, t => t.GetProperty("what").GetString() == what);
    }

    private async Task<string> Status(string code, string period)
    {
        // signed in again at each step: the cookie follows the moved clock
        var admin = await Session.SignIn(fixture.App, "admin", "RahasiaSekali1");
        var html = WebUtility.HtmlDecode(await admin.Client.GetStringAsync($"{Demo}/dasbor?periode={period}"));
        var start = html.IndexOf($"<tr data-siklus=\"{code}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no status row for {code}");
        return html[start..].Split("data-status=\"")[1].Split('"')[0];
    }
}
