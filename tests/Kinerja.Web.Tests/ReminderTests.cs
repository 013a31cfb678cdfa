using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Workflow;
using Kinerja.Web.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;

namespace Kinerja.Web.Tests;

/// <summary>The app with an in-process SMTP server, on a clock the test moves; the scheduler is driven by the test (its own loop is tested apart).</summary>
public abstract class ReminderFixture(string provider) : IAsyncLifetime
{
    public const string Password = "KataSandi2025";

    public const string BaseUrl = "https://kinerja.contoh.go.id";

    public string Provider => provider;

    public TestClock Clock { get; } = new(new DateTimeOffset(2025, 4, 5, 2, 0, 0, TimeSpan.Zero));

    public SimpleSmtpServer Smtp { get; private set; } = null!;

    public int SmtpPort { get; private set; }

    public bool Available { get; private set; }

    public KinerjaApp App { get; private set; } = null!;

    public Session Admin { get; private set; } = null!;

    public int DemoId { get; private set; }

    public Dictionary<string, string> Settings(bool scheduler) => new()
    {
        ["Kinerja:Email:Host"] = "127.0.0.1",
        ["Kinerja:Email:Port"] = SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Kinerja:Email:Tls"] = "None",
        ["Kinerja:Email:SenderAddress"] = "kinerja@contoh.go.id",
        ["Kinerja:Email:SenderName"] = "Kinerja Dinas Contoh",
        ["Kinerja:Reminders:Enabled"] = scheduler ? "true" : "false",
        ["Kinerja:Reminders:BaseUrl"] = BaseUrl,
    };

    public async Task InitializeAsync()
    {
        Available = provider == "Sqlite" || KinerjaApp.PostgresAvailable();
        if (!Available)
            return;
        var free = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        free.Start();
        SmtpPort = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        Smtp = SimpleSmtpServer.Start(SmtpPort);
        App = new KinerjaApp(provider, clock: Clock, settings: Settings(scheduler: false)) { LockPeriods = true };
        Admin = await Session.SetupAdmin(App);
        DemoId = App.WithDb(db => db.Agencies.Single(a => a.Name.StartsWith("Dinas Contoh")).Id);
        await Admin.AddUser(DemoId, "op-dinas", Password, "Operator", "DINAS");
        await Admin.AddUser(DemoId, "op-mati", Password, "Operator", "DINAS");
        await Admin.AddUser(DemoId, "verif", Password, "Verifikator", "DINAS");
        await Admin.AddUser(DemoId, "pimpinan", Password, "Pimpinan");
        // the head of unit DINAS: its late items go to them rather than to the instansi's pimpinan
        await Admin.AddUser(DemoId, "kepala-dinas", Password, "Pimpinan", "DINAS");
        await Admin.AddUser(DemoId, "perencana", Password, "Perencana");
        App.WithDb(db =>
        {
            foreach (var u in db.Users.Where(u => u.UserName != "admin").ToList())
                u.Email = u.UserName + "@contoh.go.id";
            return db.SaveChanges();
        });
    }

    public Task DisposeAsync()
    {
        if (Available)
        {
            App.Dispose();
            Smtp.Dispose();
        }

        return Task.CompletedTask;
    }

    public Task<Session> As(string user) => Session.SignIn(App, user, Password);

    /// <summary>One pass of the scheduler, as the hosted service does it.</summary>
    public static async Task<ReminderRunResult> Run(KinerjaApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderRun>().RunAsync();
    }

    /// <summary>The messages received since the last call, parsed, by recipient address.</summary>
    public List<(string To, MimeMessage Message)> TakeMail()
    {
        var received = Smtp.ReceivedEmail.ToList();
        Smtp.ClearReceivedEmail();
        return [.. received.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
            .SelectMany(m => m.To.Mailboxes.Select(to => (to.Address, m)))];
    }
}

public sealed class SqliteReminderFixture() : ReminderFixture("Sqlite");

public sealed class PostgresReminderFixture() : ReminderFixture("Postgres");

public sealed class SqliteReminderTests(SqliteReminderFixture fixture) : ReminderTests(fixture), IClassFixture<SqliteReminderFixture>;

public sealed class PostgresReminderTests(PostgresReminderFixture fixture) : ReminderTests(fixture), IClassFixture<PostgresReminderFixture>;

/// <summary>Issue 21 item 3: reminders before and after a due date, once each, in the app and by e-mail, with the clock walking a quarter.</summary>
public abstract class ReminderTests(ReminderFixture fixture)
{
    private string Demo => $"/instansi/{fixture.DemoId}/2025";

    /// <summary>The indicators of the instansi's 2025 (with their units) whose realisasi of a period is not submitted: what an operator still has to enter.</summary>
    private List<(string Code, string Unit)> Unsubmitted(string period) => fixture.App.WithDb(db =>
    {
        var year = db.Years.Single(y => y.AgencyId == fixture.DemoId && y.Year == 2025).Id;
        var submitted = db.Realisasi.Where(r => r.ReportingYearId == year && r.Period == period && r.IsCurrent
            && r.Status != EntryStatus.Draft && r.Status != EntryStatus.Dikembalikan).Select(r => r.IndicatorCode).ToHashSet();
        return db.Indicators.Where(i => i.ReportingYearId == year).OrderBy(i => i.Ordinal).Select(i => new { i.Code, i.UnitCode }).ToList()
            .Where(i => !submitted.Contains(i.Code)).Select(i => (i.Code, i.UnitCode)).ToList();
    });

    private static List<string> Subjects(IEnumerable<(string To, MimeMessage Message)> mail, string to) =>
        [.. mail.Where(m => m.To == to + "@contoh.go.id").Select(m => m.Message.Subject ?? "").Order(StringComparer.Ordinal)];

    private static List<string> Sorted(IEnumerable<string> items) => [.. items.Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Walking_a_quarter_each_reminder_goes_once_before_the_due_date_and_once_after_in_the_app_and_by_email()
    {
        if (!fixture.Available)
            return;
        fixture.Clock.Set(2025, 4, 5);
        await ReminderFixture.Run(fixture.App);
        fixture.TakeMail();

        // op-mati turns e-mail off on the account page (audited)
        var off = await fixture.As("op-mati");
        var akun = WebUtility.HtmlDecode(await off.Client.GetStringAsync("/akun"));
        var stamp = System.Text.RegularExpressions.Regex.Match(akun, "name=\"Stamp\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await off.Post("/akun", "/akun?handler=Surel", [new("Email", "op-mati@contoh.go.id")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await off.Post("/akun", "/akun?handler=Surel", [new("Email", "op-mati@contoh.go.id"), new("Stamp", stamp)])).StatusCode);
        Assert.True(fixture.App.WithDb(db => db.Users.Single(u => u.UserName == "op-mati").EmailRemindersOff));
        var audit = fixture.App.WithDb(db => db.Audit.Single(a => a.Entity == nameof(AppUser) && a.EntityKey == "op-mati" && a.Action == "surel"));
        Assert.Contains("\"pengingatSurel\":true", audit.Before);
        Assert.Contains("\"pengingatSurel\":false", audit.After);

        // 5 April: the quarter's entry is open (due 10 April), the "before" reminder starts three days ahead: nothing yet for the operators
        var tw1 = Unsubmitted("2025-TW1");
        var dinas = tw1.Where(i => i.Unit == "DINAS").Select(i => i.Code).ToList();
        Assert.NotEmpty(dinas);
        fixture.Clock.Set(2025, 4, 6);
        await ReminderFixture.Run(fixture.App);
        Assert.Empty(Subjects(fixture.TakeMail(), "op-dinas"));

        // 8 April: one "before" reminder per unsubmitted indicator of the operator's unit, with the link to the record
        fixture.Clock.Set(2025, 4, 8);
        await ReminderFixture.Run(fixture.App);
        var mail = fixture.TakeMail();
        Assert.Equal(Sorted(dinas.Select(c => $"[Kinerja] Batas waktu 10 April 2025: Realisasi {c} TW 1 2025")), Subjects(mail, "op-dinas"));
        var first = mail.First(m => m.To == "op-dinas@contoh.go.id" && (m.Message.Subject ?? "").EndsWith($"Realisasi {dinas[0]} TW 1 2025", StringComparison.Ordinal)).Message;
        Assert.Equal("kinerja@contoh.go.id", first.From.Mailboxes.Single().Address);
        var agency = fixture.App.WithDb(db => db.Agencies.Single(a => a.Id == fixture.DemoId).Name);
        Assert.Contains($"Yth. op-dinas,", first.TextBody);
        Assert.Contains($"Realisasi {dinas[0]} TW 1 2025 pada {agency} harus diisi dan diajukan paling lambat 10 April 2025 (2 hari lagi).", first.TextBody);
        Assert.Contains($"Buka: {ReminderFixture.BaseUrl}{Demo}/realisasi/{dinas[0]}/2025-TW1", first.TextBody);
        // e-mail off: the notifications are in the app, no e-mail
        Assert.Empty(Subjects(mail, "op-mati"));
        var opMati = fixture.App.WithDb(db => db.Users.Single(u => u.UserName == "op-mati").Id);
        Assert.Equal(dinas.Count, fixture.App.WithDb(db => db.Notifications.Count(n => n.UserId == opMati && n.Key.Contains("2025-TW1") && n.EmailedAt == null)));

        // the same day again and the due date itself: nothing is sent twice
        Assert.Equal(0, (await ReminderFixture.Run(fixture.App)).Claimed);
        fixture.Clock.Set(2025, 4, 10);
        await ReminderFixture.Run(fixture.App);
        Assert.Empty(Subjects(fixture.TakeMail(), "op-dinas"));

        // the operator submits one indicator on the due date; it is not reminded as late
        var done = dinas[0];
        var operatorDinas = await fixture.As("op-dinas");
        var url = $"{Demo}/realisasi/{done}/2025-TW1";
        Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(url, url + "?handler=Simpan", [new("Value", "12"), new("ValueStatus", "Final"), new("Explanation", "uji pengingat"), new("ConcurrencyVersion", fixture.App.VersionOf(url).ToString(CultureInfo.InvariantCulture))])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(url, url + "?handler=Ajukan", [new("ConcurrencyVersion", fixture.App.VersionOf(url).ToString(CultureInfo.InvariantCulture))])).StatusCode);

        // 11 April, one day late: the operator for each still unsubmitted, the head (the instansi's pimpinan: no unit head is named)
        // for every unit's, the perencana one summary
        fixture.Clock.Set(2025, 4, 11);
        await ReminderFixture.Run(fixture.App);
        mail = fixture.TakeMail();
        var late = tw1.Where(i => i.Code != done).ToList();
        Assert.Equal(Sorted(late.Where(i => i.Unit == "DINAS").Select(i => $"[Kinerja] Terlambat 1 hari: Realisasi {i.Code} TW 1 2025")), Subjects(mail, "op-dinas"));
        Assert.NotEmpty(late);
        bool LateTw1(string s) => s.StartsWith("[Kinerja] Terlambat 1 hari: Realisasi", StringComparison.Ordinal) && s.EndsWith("TW 1 2025", StringComparison.Ordinal);
        Assert.Equal(Sorted(late.Where(i => i.Unit == "DINAS").Select(i => $"[Kinerja] Terlambat 1 hari: Realisasi {i.Code} TW 1 2025")), Subjects(mail, "kepala-dinas").Where(LateTw1).ToList());
        Assert.Equal(Sorted(late.Where(i => i.Unit != "DINAS").Select(i => $"[Kinerja] Terlambat 1 hari: Realisasi {i.Code} TW 1 2025")),
            Subjects(mail, "pimpinan").Where(s => s.StartsWith("[Kinerja] Terlambat 1 hari: Realisasi", StringComparison.Ordinal) && s.EndsWith("TW 1 2025", StringComparison.Ordinal)).ToList());
        var units = late.Select(i => i.Unit).Distinct().Count();
        Assert.Equal([$"[Kinerja] Terlambat 1 hari: Realisasi TW I 2025 dari {late.Count} indikator ({units} unit)"], Subjects(mail, "perencana").Where(s => s.Contains("TW I 2025", StringComparison.Ordinal)).ToList());
        var lateOne = late.First(i => i.Unit != "DINAS").Code;
        var lateText = mail.First(m => m.To == "pimpinan@contoh.go.id" && (m.Message.Subject ?? "").EndsWith($"Realisasi {lateOne} TW 1 2025", StringComparison.Ordinal)).Message.TextBody;
        Assert.Contains("Yth. pimpinan,", lateText);
        Assert.Contains("seharusnya sudah diisi dan diajukan paling lambat 10 April 2025 dan kini terlambat 1 hari", lateText);
        Assert.Empty(Subjects(mail, "verif"));

        // 17 April: the submitted one waits for verification (due 20 April): the verifikator is reminded
        fixture.Clock.Set(2025, 4, 17);
        await ReminderFixture.Run(fixture.App);
        Assert.Equal([$"[Kinerja] Batas waktu 20 April 2025: Realisasi {done} TW 1 2025"], Subjects(fixture.TakeMail(), "verif"));

        // the app is down from 18 to 24 April; the first run on 25 April catches up: the missed "late" reminder goes once and says how late
        fixture.Clock.Set(2025, 4, 25);
        await ReminderFixture.Run(fixture.App);
        await ReminderFixture.Run(fixture.App);
        mail = fixture.TakeMail();
        Assert.Equal([$"[Kinerja] Terlambat 5 hari: Realisasi {done} TW 1 2025"], Subjects(mail, "verif"));
        Assert.Contains("seharusnya sudah diverifikasi paling lambat 20 April 2025 dan kini terlambat 5 hari", mail.Single(m => m.To == "verif@contoh.go.id").Message.TextBody);
        Assert.Empty(Subjects(mail, "op-dinas"));

        // every notification of the walk was e-mailed once at most: no key twice, every e-mail matches one notification
        var keys = fixture.App.WithDb(db => db.Notifications.Select(n => n.Key).ToList());
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task The_notification_list_counts_unread_marks_read_and_keeps_to_its_owner_on_the_page_and_the_api()
    {
        if (!fixture.Available)
            return;
        fixture.Clock.Set(2025, 7, 8); // TW2: entry due 10 July
        await ReminderFixture.Run(fixture.App);
        fixture.TakeMail();
        var operatorId = fixture.App.WithDb(db => db.Users.Single(u => u.UserName == "op-dinas").Id);
        var mine = fixture.App.WithDb(db => db.Notifications.Where(n => n.UserId == operatorId && n.ReadAt == null).OrderByDescending(n => n.Id).ToList());
        Assert.NotEmpty(mine);
        var operatorDinas = await fixture.As("op-dinas");
        var page = WebUtility.HtmlDecode(await operatorDinas.Client.GetStringAsync("/notifikasi"));
        Assert.Contains($"<span class=\"badge\" id=\"jumlah-notifikasi\">{mine.Count}</span>", page);
        Assert.Contains($"Belum dibaca: <strong>{mine.Count}</strong>", page);
        Assert.Contains(mine[0].Text, page);
        var count = await operatorDinas.Client.GetFromJsonAsync<JsonElement>("/api/notifikasi/jumlah");
        Assert.Equal(mine.Count, count.GetProperty("unread").GetInt32());

        // opening one marks it read and goes to its record
        var opened = await operatorDinas.Post("/notifikasi", $"/notifikasi?handler=Baca&id={mine[0].Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(mine[0].Link, opened.Headers.Location!.OriginalString);
        Assert.Equal(mine.Count - 1, (await operatorDinas.Client.GetFromJsonAsync<JsonElement>("/api/notifikasi/jumlah")).GetProperty("unread").GetInt32());

        // another user cannot read or mark it: it answers as missing
        var verif = await fixture.As("verif");
        Assert.Equal(HttpStatusCode.NotFound, (await verif.Api(HttpMethod.Post, $"/api/notifikasi/{mine[1].Id}/dibaca")).StatusCode);
        Assert.DoesNotContain((await verif.Client.GetFromJsonAsync<JsonElement>("/api/notifikasi")).EnumerateArray(), n => n.GetProperty("id").GetInt64() == mine[1].Id);
        Assert.Null(fixture.App.WithDb(db => db.Notifications.Single(n => n.Id == mine[1].Id).ReadAt));

        // the API: the list, one marked, then all
        var list = await operatorDinas.Client.GetFromJsonAsync<JsonElement>("/api/notifikasi?belumDibaca=true");
        Assert.Equal(mine.Count - 1, list.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await operatorDinas.Api(HttpMethod.Post, $"/api/notifikasi/{mine[1].Id}/dibaca")).StatusCode);
        var all = await operatorDinas.Api(HttpMethod.Post, "/api/notifikasi/dibaca");
        Assert.Equal(mine.Count - 2, (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
        Assert.Equal(0, (await operatorDinas.Client.GetFromJsonAsync<JsonElement>("/api/notifikasi/jumlah")).GetProperty("unread").GetInt32());
        Assert.DoesNotContain("id=\"jumlah-notifikasi\"", await operatorDinas.Client.GetStringAsync("/notifikasi"));
        var doc = await fixture.Admin.Client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/notifikasi/jumlah", doc);
        Assert.Contains("/api/notifikasi/{id}/dibaca", doc);
    }

    [Fact]
    public async Task A_unit_head_sees_what_is_outstanding_in_their_units_most_urgent_first()
    {
        if (!fixture.Available)
            return;
        fixture.Clock.Set(2025, 4, 25); // TW I: entry due 10 April, verification 20 April, closes 30 April
        var expected = fixture.App.WithDb(db =>
        {
            var year = db.Years.Single(y => y.AgencyId == fixture.DemoId && y.Year == 2025).Id;
            var approved = db.Realisasi.Where(r => r.ReportingYearId == year && r.Period == "2025-TW1" && r.IsCurrent && r.Status == EntryStatus.Disahkan).Select(r => r.IndicatorCode).ToHashSet();
            return db.Indicators.Where(i => i.ReportingYearId == year && i.UnitCode == "DINAS").Select(i => i.Code).ToList().Where(c => !approved.Contains(c)).ToList();
        });
        Assert.NotEmpty(expected);
        var head = await fixture.As("kepala-dinas");
        var home = WebUtility.HtmlDecode(await head.Client.GetStringAsync("/"));
        Assert.Contains("Yang belum selesai di unit Anda", home);
        var table = home[home.IndexOf("id=\"daftar-unit\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        foreach (var code in expected)
            Assert.Contains($"Realisasi {code} TW 1 2025</a>", table);
        // 2025 rows are TW I only (the other quarters have not opened), of unit DINAS only
        var rows = System.Text.RegularExpressions.Regex.Matches(table, "<tr data-status=\"([a-z]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(expected.Count, System.Text.RegularExpressions.Regex.Count(table, "TW 1 2025</a>"));
        Assert.DoesNotContain("TW 2 2025", table);
        var bidang = fixture.App.WithDb(db => db.Units.Single(u => u.AgencyId == fixture.DemoId && u.Code == "BIDANG").Name);
        Assert.DoesNotContain($"<td>{bidang}</td>", table);
        // most urgent first: the late ones (entry 15 days late) before those waiting for verification (5 days late) or approval (5 days left)
        var order = rows.Select(r => r switch { "terlambat" => 0, "diajukan" => 1, "diverifikasi" => 2, _ => 3 }).ToList();
        Assert.Equal(order.Order().ToList(), order);
        // an operator is not a head: no such section
        Assert.DoesNotContain("Yang belum selesai di unit Anda", await (await fixture.As("op-dinas")).Client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Two_app_servers_running_the_scheduler_at_once_send_each_reminder_once()
    {
        if (!fixture.Available)
            return;
        using var second = new KinerjaApp(fixture.Provider, seedSamples: false, clock: fixture.Clock, settings: fixture.Settings(scheduler: false), sameDatabaseAs: fixture.App);
        fixture.Clock.Set(2025, 10, 8); // TW3: entry due 10 October
        fixture.TakeMail();
        var tw3 = Unsubmitted("2025-TW3").Where(i => i.Unit == "DINAS").Select(i => i.Code).ToList();
        var before = fixture.App.WithDb(db => db.Notifications.Count());
        var results = await Task.WhenAll(ReminderFixture.Run(fixture.App), ReminderFixture.Run(second), ReminderFixture.Run(fixture.App), ReminderFixture.Run(second));
        var mail = fixture.TakeMail();
        Assert.Equal(Sorted(tw3.Select(c => $"[Kinerja] Batas waktu 10 Oktober 2025: Realisasi {c} TW 3 2025")), Subjects(mail, "op-dinas"));
        // every reminder claimed by exactly one of the four runs, and every e-mail sent belongs to one claim
        Assert.Equal(fixture.App.WithDb(db => db.Notifications.Count()) - before, results.Sum(r => r.Claimed));
        Assert.True(results.Sum(r => r.Claimed) >= tw3.Count * 2, "op-dinas and op-mati each have one per indicator");
        Assert.Equal(results.Sum(r => r.Emailed), mail.Count);
        var keys = fixture.App.WithDb(db => db.Notifications.Select(n => n.Key).ToList());
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_failed_email_is_retried_with_backoff_and_sent_once_by_one_of_two_servers_when_the_smtp_server_accepts()
    {
        if (!fixture.Available)
            return;
        // an SMTP port where nothing listens yet: the first attempt fails to connect
        var free = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        var settings = fixture.Settings(scheduler: false);
        settings["Kinerja:Email:Port"] = port.ToString(CultureInfo.InvariantCulture);
        using var first = new KinerjaApp(fixture.Provider, seedSamples: false, clock: fixture.Clock, settings: settings, sameDatabaseAs: fixture.App);
        using var second = new KinerjaApp(fixture.Provider, seedSamples: false, clock: fixture.Clock, settings: settings, sameDatabaseAs: fixture.App);
        fixture.Clock.Set(2026, 1, 8); // TW IV of 2025: entry due 10 January 2026
        var failedAt = fixture.Clock.Now;
        fixture.TakeMail();
        var run = await ReminderFixture.Run(first);
        Assert.True(run.Claimed > 0);
        Assert.Equal(0, run.Emailed);
        // this run's reminders (TW IV and the year 2025) of the people with an address and e-mail on
        var mailed = fixture.App.WithDb(db => db.Users.Where(u => u.Email != null && !u.EmailRemindersOff).Select(u => u.Id).ToList());
        List<Notification> Tw4() => fixture.App.WithDb(db => db.Notifications.ToList()).Where(n => n.CreatedAt == failedAt).ToList();
        var emailable = Tw4().Where(n => mailed.Contains(n.UserId)).ToList();
        Assert.Contains(emailable, n => n.Key.Contains("2025-TW4", StringComparison.Ordinal));
        Assert.NotEmpty(emailable);
        foreach (var n in emailable)
        {
            Assert.Equal(1, n.EmailAttempts);
            Assert.Null(n.EmailedAt);
            Assert.StartsWith("percobaan 1 dari 4 gagal: server surel tidak dapat dihubungi", n.EmailNote);
            // the second attempt waits five minutes (Kinerja:Email:RetryMinutes)
            Assert.Equal(failedAt.AddMinutes(5), n.EmailRetryAt);
        }

        // the system administrator sees the failures with their attempts and the next attempt
        var admin = await Session.SignIn(fixture.App, "admin", "RahasiaSekali1"); // signed in again: the cookie follows the moved clock
        var page = WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/notifikasi"));
        Assert.Contains("Surel pengingat yang gagal", page);
        Assert.Contains($"data-surel-gagal=\"{emailable[0].Id}\"", page);

        // before the wait is over nothing is tried
        await ReminderFixture.Run(first);
        Assert.All(Tw4().Where(n => emailable.Any(e => e.Id == n.Id)), n => Assert.Equal(1, n.EmailAttempts));

        // the server accepts now; six minutes later both app servers run at once: each e-mail goes exactly once
        using var smtp = SimpleSmtpServer.Start(port);
        fixture.Clock.Now = failedAt.AddMinutes(6);
        var results = await Task.WhenAll(ReminderFixture.Run(first), ReminderFixture.Run(second), ReminderFixture.Run(first), ReminderFixture.Run(second));
        var received = smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();
        Assert.Equal(emailable.Count, received.Count);
        Assert.Equal(emailable.Count, results.Sum(r => r.Emailed));
        Assert.Equal(Sorted(emailable.Select(n => n.Key)), Sorted(received.Select(m => m.Headers["X-Kinerja-Pengingat"] ?? "")));
        var message = received.First(m => m.To.Mailboxes.Single().Address == "op-dinas@contoh.go.id");
        Assert.StartsWith("[Kinerja] Batas waktu 10 Januari 2026: Realisasi ", message.Subject);
        Assert.Contains($"Buka: {ReminderFixture.BaseUrl}/instansi/{fixture.DemoId}/2025/realisasi/", message.TextBody);
        foreach (var n in Tw4().Where(n => emailable.Any(e => e.Id == n.Id)))
        {
            Assert.Equal(2, n.EmailAttempts);
            Assert.Equal(failedAt.AddMinutes(6), n.EmailedAt);
            Assert.Null(n.EmailRetryAt);
        }

        Assert.Empty(fixture.TakeMail()); // the fixture's own SMTP server got none of them
    }

    [Fact]
    public void The_email_backoff_doubles_and_gives_up_after_the_last_attempt()
    {
        var options = new EmailOptions { MaxAttempts = 4, RetryMinutes = 5 };
        var t = new DateTimeOffset(2026, 1, 8, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal([t.AddMinutes(5), t.AddMinutes(10), t.AddMinutes(20), null], new[] { 1, 2, 3, 4 }.Select(a => options.RetryAfter(a, t)).ToArray());
    }
}

/// <summary>The hosted service itself: a run at start, then one every interval of the injected clock (a fake one the test advances).</summary>
public abstract class ReminderSchedulerTests(string provider)
{
    [SkippableFact]
    public async Task The_scheduler_runs_at_start_and_again_when_the_clock_passes_the_interval()
    {
        Skip.IfNot(provider == "Sqlite" || KinerjaApp.PostgresAvailable(), AppFixture.Missing);
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 4, 8, 2, 0, 0, TimeSpan.Zero));
        using var app = new KinerjaApp(provider, clock: clock, settings: new Dictionary<string, string> { ["Kinerja:Reminders:IntervalMinutes"] = "30" });
        var admin = await Session.SetupAdmin(app);
        var scheduler = app.Services.GetRequiredService<ReminderScheduler>();
        await WaitFor(() => scheduler.Runs >= 1);
        var demo = app.WithDb(db => db.Agencies.Single(a => a.Name.StartsWith("Dinas Contoh")).Id);
        await admin.AddUser(demo, "op-dinas", "KataSandi2025", "Operator", "DINAS");
        // no run until the interval has passed on the app's clock
        clock.Advance(TimeSpan.FromMinutes(29));
        await Task.Delay(300);
        Assert.Equal(1, scheduler.Runs);
        Assert.False(app.WithDb(db => db.Notifications.Any()));
        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitFor(() => scheduler.Runs >= 2);
        var user = app.WithDb(db => db.Users.Single(u => u.UserName == "op-dinas").Id);
        var titles = app.WithDb(db => db.Notifications.Where(n => n.UserId == user).Select(n => n.Title).ToList());
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.StartsWith("Batas waktu 10 April 2025: Realisasi ", t));
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
            await Task.Delay(100);
        Assert.True(condition(), "penjadwal tidak berjalan dalam 30 detik");
    }
}

public sealed class SqliteReminderSchedulerTests() : ReminderSchedulerTests("Sqlite");

public sealed class PostgresReminderSchedulerTests() : ReminderSchedulerTests("Postgres");
