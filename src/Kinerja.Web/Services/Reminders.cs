using Kinerja.Data;
using Kinerja.Domain.Cycle;
using Kinerja.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>The scheduler's settings (section Kinerja:Reminders).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Kinerja:Reminders";

    /// <summary>false stops the scheduler of this app server (another server, or none, sends the reminders).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Minutes between runs; a run at start catches up what was missed while the app was down.</summary>
    public int IntervalMinutes { get; set; } = 15;

    /// <summary>The app's address as people open it ("https://kinerja.example.go.id"): e-mails carry absolute links to the record.</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>One reminder for one person, not yet claimed.</summary>
public sealed record PlannedReminder(string UserId, int AgencyId, string Person, string Action, string What, string AgencyName, DateOnly Due, ReminderKind Kind, string Key, string Link);

/// <summary>What a run did: reminders due, claimed by this run (the rest were already sent, by an earlier run or another server), e-mails sent.</summary>
public sealed record ReminderRunResult(int Due, int Claimed, int Emailed);

/// <summary>
/// One pass of the reminders (issue 21 item 3): from the calendar and the statuses of every instansi's current and
/// previous year, who must act on what (docs/cycle.md "Reminders"), each reminder claimed by inserting its unique key,
/// then in the app and, for those with an address and e-mail on, by SMTP.
/// </summary>
public sealed class ReminderRun(KinerjaDbContext db, CycleService cycle, ReminderMailer mailer, ReminderOptions options, TimeProvider clock, ILogger<ReminderRun> log)
{
    private sealed record Person(string Id, string Name, string? Email, bool EmailOff);

    public async Task<ReminderRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = cycle.Today;
        var planned = await PlanAsync(today, cancellationToken);
        var people = await db.Users.AsNoTracking().Select(u => new Person(u.Id, u.DisplayName != "" ? u.DisplayName : u.UserName ?? "", u.Email, u.EmailRemindersOff))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var claimed = new List<(PlannedReminder Reminder, long Id)>();
        foreach (var r in planned)
        {
            var message = ReminderPlan.Compose(r.Key, r.Kind, r.Person, r.Action, r.What, r.AgencyName, r.Due, today, r.Link);
            // the text in the app is the message's sentence; the greeting and the e-mail footer are for the e-mail
            var text = message.Body.Split("\n\n")[1];
            var title = message.Subject.Replace("[Kinerja] ", "", StringComparison.Ordinal);
            if (await ClaimAsync(r, title, text, now, cancellationToken) is { } id)
                claimed.Add((r, id));
        }

        var emailed = 0;
        if (mailer.Enabled)
        {
            var mails = new List<(long Id, OutgoingMail Mail)>();
            foreach (var (r, id) in claimed)
            {
                var person = people.GetValueOrDefault(r.UserId);
                if (person is null || person.EmailOff || string.IsNullOrWhiteSpace(person.Email))
                    continue;
                var message = ReminderPlan.Compose(r.Key, r.Kind, r.Person, r.Action, r.What, r.AgencyName, r.Due, today, Absolute(r.Link));
                mails.Add((id, new OutgoingMail(r.Key, person.Email, person.Name, message.Subject, message.Body)));
            }

            // the first attempt: the insert of the key was its claim
            foreach (var (id, _) in mails)
                await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailAttempts, 1), cancellationToken);
            emailed += await SendAndRecordAsync(mails, 1, cancellationToken);
            emailed += await RetryAsync(people, cancellationToken);
        }

        if (claimed.Count > 0 && log.IsEnabled(LogLevel.Information))
            log.LogInformation("pengingat {Today}: {Due} jatuh tempo, {Claimed} baru dikirim, {Emailed} lewat surel", today, planned.Count, claimed.Count, emailed);
        return new ReminderRunResult(planned.Count, claimed.Count, emailed);
    }

    /// <summary>Sends the mails of attempt <paramref name="attempt"/> and records each outcome: sent, or the error and when the next attempt is due (none after the last).</summary>
    private async Task<int> SendAndRecordAsync(List<(long Id, OutgoingMail Mail)> mails, int attempt, CancellationToken cancellationToken)
    {
        if (mails.Count == 0)
            return 0;
        var sent = await mailer.SendAsync([.. mails.Select(m => m.Mail)], cancellationToken);
        var emailed = 0;
        foreach (var (id, mail) in mails)
        {
            var failure = sent.GetValueOrDefault(mail.Key);
            var at = clock.GetUtcNow();
            if (failure is null)
            {
                await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, at).SetProperty(n => n.EmailRetryAt, (DateTimeOffset?)null), cancellationToken);
                emailed++;
                continue;
            }

            var retry = mailer.Options.RetryAfter(attempt, at);
            var note = $"percobaan {attempt} dari {mailer.Options.MaxAttempts} gagal: {failure}" + (retry is null ? "; surel tidak dicoba lagi (pemberitahuan tetap ada di aplikasi)" : "");
            if (note.Length > 500)
                note = note[..500];
            await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailNote, note).SetProperty(n => n.EmailRetryAt, retry), cancellationToken);
            if (retry is null)
                log.LogWarning("pengingat {Key}: surel gagal {Attempts} kali, tidak dicoba lagi", mail.Key, attempt);
        }

        return emailed;
    }

    /// <summary>
    /// The e-mails that failed and whose next attempt is due. Each attempt is claimed before sending by one conditional
    /// UPDATE (attempts still what was read, retry still pending; the claim clears the retry time), so of two servers
    /// exactly one makes it; a server that dies between the claim and the record leaves the mail unsent rather than sent twice.
    /// </summary>
    private async Task<int> RetryAsync(Dictionary<string, Person> people, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // the due time is compared here: SQLite cannot compare DateTimeOffset in SQL, and the pending retries are few
        var pending = (await db.Notifications.AsNoTracking().Where(n => n.EmailRetryAt != null && n.EmailedAt == null).ToListAsync(cancellationToken))
            .Where(n => n.EmailRetryAt <= now).ToList();
        var emailed = 0;
        foreach (var group in pending.GroupBy(n => n.EmailAttempts))
        {
            var mails = new List<(long Id, OutgoingMail Mail)>();
            foreach (var n in group)
            {
                var person = people.GetValueOrDefault(n.UserId);
                var attempts = n.EmailAttempts;
                var claimed = await db.Notifications.Where(x => x.Id == n.Id && x.EmailAttempts == attempts && x.EmailRetryAt != null && x.EmailedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.EmailAttempts, attempts + 1).SetProperty(x => x.EmailRetryAt, (DateTimeOffset?)null), cancellationToken);
                if (claimed == 0)
                    continue;
                if (person is null || person.EmailOff || string.IsNullOrWhiteSpace(person.Email))
                {
                    await db.Notifications.Where(x => x.Id == n.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.EmailNote, "surel tidak dicoba lagi: pengguna mematikan surel atau tidak memiliki alamat"), cancellationToken);
                    continue;
                }

                var message = ReminderPlan.Resend(n.Key, person.Name, n.Title, n.Text, Absolute(n.Link));
                mails.Add((n.Id, new OutgoingMail(n.Key, person.Email, person.Name, message.Subject, message.Body)));
            }

            emailed += await SendAndRecordAsync(mails, group.Key + 1, cancellationToken);
        }

        return emailed;
    }

    /// <summary>
    /// Inserts the notification unless its key exists (INSERT ... ON CONFLICT DO NOTHING, the same statement on SQLite
    /// and PostgreSQL): the insert is the claim, so of two servers running at once exactly one gets each reminder.
    /// The id of the new row, or null when another run has it.
    /// </summary>
    private async Task<long?> ClaimAsync(PlannedReminder r, string title, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "Notifications" ("UserId", "AgencyId", "Key", "Title", "Text", "Link", "CreatedAt") VALUES ({r.UserId}, {r.AgencyId}, {r.Key}, {title}, {text}, {r.Link}, {now}) ON CONFLICT ("Key") DO NOTHING""",
            cancellationToken);
        if (inserted == 0)
            return null;
        return await db.Notifications.Where(n => n.Key == r.Key).Select(n => n.Id).SingleAsync(cancellationToken);
    }

    private string Absolute(string link) =>
        options.BaseUrl is { Length: > 0 } b ? b.TrimEnd('/') + link : link;

    /// <summary>
    /// Every reminder due on <paramref name="today"/> that was not sent yet (keys already stored are left out before any
    /// insert is tried). Who is reminded of what (docs/cycle.md):
    /// - an unsubmitted realisasi: the operators of its unit; once late also the unit's head;
    /// - a submitted one: the verifikator of its unit; once late also the unit's head;
    /// - a verified one: the unit's head, before the period closes;
    /// - the PK while unsigned: the instansi's pimpinan and the perencana;
    /// - the perencana, who runs the cycle for all units, one summary per late step rather than one per indicator.
    /// The unit's head is a pimpinan whose assignment names the unit, else the pimpinan of the whole instansi.
    /// </summary>
    public async Task<List<PlannedReminder>> PlanAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var result = new List<PlannedReminder>();
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name }).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.UserName ?? "", cancellationToken);
        foreach (var agency in agencies)
        {
            var assignments = await db.Assignments.AsNoTracking().Where(a => a.AgencyId == agency.Id).ToListAsync(cancellationToken);
            if (assignments.Count == 0)
                continue;
            var years = await db.Years.AsNoTracking().Where(y => y.AgencyId == agency.Id && y.Year >= today.Year - 1 && y.Year <= today.Year).ToListAsync(cancellationToken);
            foreach (var year in years)
            {
                var prefix = $"{agency.Id}|{year.Year}|";
                var sent = (await db.Notifications.AsNoTracking().Where(n => n.Key.StartsWith(prefix)).Select(n => n.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
                var calendar = await cycle.CalendarAsync(agency.Id, year.Year);
                var link = $"/instansi/{agency.Id}/{year.Year}";
                void Add(Assignment to, string thing, string action, string what, DateOnly due, ReminderKind kind, string target)
                {
                    var key = ReminderPlan.Key(agency.Id, year.Year, thing, action, kind, to.UserId);
                    if (sent.Add(key))
                        result.Add(new PlannedReminder(to.UserId, agency.Id, names.GetValueOrDefault(to.UserId) ?? "", action, what, agency.Name, due, kind, key, target));
                }

                var pimpinan = assignments.Where(a => a.Role == AgencyRole.Pimpinan).ToList();
                var perencana = assignments.Where(a => a.Role == AgencyRole.Perencana).ToList();
                IEnumerable<Assignment> Heads(string unit)
                {
                    var named = pimpinan.Where(p => p.UnitSet.Contains(unit)).ToList();
                    return named.Count > 0 ? named : pimpinan.Where(p => p.UnitSet.Count == 0);
                }

                var pk = calendar[CycleCalendar.Pk];
                if (pk.IsOpen(today) && ReminderPlan.KindOn(pk.Due, pk.Closes, today) is { } pkKind
                    && !await db.PkVersions.AsNoTracking().AnyAsync(v => v.ReportingYearId == year.Id && v.SigningDate != null && v.SigningDate != "", cancellationToken))
                {
                    foreach (var a in pimpinan.Where(p => p.UnitSet.Count == 0).Concat(perencana))
                        Add(a, "pk", "tanda tangani", $"Perjanjian Kinerja {year.Year}", pk.Due, pkKind, link + "/pk");
                }

                var indicators = await db.Indicators.AsNoTracking().Where(i => i.ReportingYearId == year.Id).OrderBy(i => i.Ordinal).ToListAsync(cancellationToken);
                var records = await db.Realisasi.AsNoTracking().Where(r => r.ReportingYearId == year.Id && r.IsCurrent)
                    .Select(r => new { r.IndicatorCode, r.Period, r.Status }).ToListAsync(cancellationToken);
                var status = records.GroupBy(r => (r.IndicatorCode, r.Period)).ToDictionary(g => g.Key, g => g.First().Status);
                var late = new Dictionary<(string Step, string Action), (CycleStep Step, int Quarter, HashSet<string> Indicators, HashSet<string> Units)>();
                foreach (var indicator in indicators)
                {
                    foreach (var period in CycleService.PeriodsToReport(year.Year))
                    {
                        var quarter = CycleCalendar.QuarterOf(period, year.Year)!.Value;
                        var entry = calendar[CycleCalendar.EntryKey(quarter)];
                        var verification = calendar[CycleCalendar.VerificationKey(quarter)];
                        EntryStatus? s = status.TryGetValue((indicator.Code, period), out var x) ? x : null;
                        var (action, step, due, closes, actors) = s switch
                        {
                            null or EntryStatus.Draft or EntryStatus.Dikembalikan => ("isi", entry, entry.Due, entry.Closes, assignments.Where(a => a.Role == AgencyRole.Operator && a.UnitSet.Contains(indicator.UnitCode))),
                            EntryStatus.Diajukan => ("verifikasi", verification, verification.Due, verification.Closes, assignments.Where(a => a.Role == AgencyRole.Verifikator && a.UnitSet.Contains(indicator.UnitCode))),
                            EntryStatus.Diverifikasi => ("sahkan", verification, verification.Closes, verification.Closes, Heads(indicator.UnitCode)),
                            _ => ("", entry, entry.Due, entry.Closes, []),
                        };
                        if (action == "" || !step.IsOpen(today) || ReminderPlan.KindOn(due, closes, today) is not { } kind)
                            continue;
                        var what = $"Realisasi {indicator.Code} {CycleService.YearPeriodLabel(period)}";
                        var target = $"{link}/realisasi/{Uri.EscapeDataString(indicator.Code)}/{Uri.EscapeDataString(period)}";
                        var thing = $"realisasi|{indicator.Code}|{period}";
                        var to = actors.ToList();
                        if (kind == ReminderKind.Lewat && action != "sahkan")
                        {
                            to.AddRange(Heads(indicator.UnitCode).Where(h => to.All(a => a.UserId != h.UserId)));
                            var group = late.TryGetValue((step.Key, action), out var g) ? g : late[(step.Key, action)] = (step, quarter, new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
                            group.Indicators.Add(indicator.Code);
                            group.Units.Add(indicator.UnitCode);
                        }

                        foreach (var a in to)
                            Add(a, thing, action, what, due, kind, target);
                    }
                }

                foreach (var ((stepKey, action), group) in late.OrderBy(l => l.Value.Step.Due).ThenBy(l => l.Key.Step, StringComparer.Ordinal))
                {
                    var periods = group.Quarter == 4 ? $"TW IV dan tahunan {year.Year}" : $"TW {CycleCalendar.Roman(group.Quarter)} {year.Year}";
                    var what = $"Realisasi {periods} dari {group.Indicators.Count} indikator ({group.Units.Count} unit)";
                    var period = $"{year.Year}-TW{group.Quarter}";
                    var target = $"{link}/dasbor?periode={period}&status=" + (action == "isi" ? "terlambat" : "diajukan");
                    foreach (var a in perencana)
                        Add(a, $"ringkasan|{stepKey}", action, what, group.Step.Due, ReminderKind.Lewat, target);
                }
            }
        }

        return result;
    }
}

/// <summary>
/// Runs <see cref="ReminderRun"/> at start (catching up what a stopped app missed) and then every interval, on the
/// injected clock. Several app servers may run it at once: the unique key decides who sends each reminder.
/// </summary>
public sealed class ReminderScheduler(IServiceScopeFactory scopes, ReminderOptions options, TimeProvider clock, ILogger<ReminderScheduler> log) : BackgroundService
{
    private int _runs;

    /// <summary>Runs finished since start (tests wait on it).</summary>
    public int Runs => Volatile.Read(ref _runs);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
            return;
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.IntervalMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ReminderRun>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                // a failed run is retried at the next interval; the keys already claimed stay sent
                log.LogError(e, "putaran pengingat gagal; dicoba lagi pada putaran berikutnya");
            }

            Interlocked.Increment(ref _runs);
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

public static class ReminderSetup
{
    /// <summary>Notifications, e-mail and the reminder scheduler (issue 21 item 3), from Kinerja:Reminders and Kinerja:Email.</summary>
    public static IServiceCollection AddKinerjaReminders(this IServiceCollection services, IConfiguration configuration)
    {
        var reminders = configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>() ?? new ReminderOptions();
        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        email.Validate();
        services.AddSingleton(reminders);
        services.AddSingleton(email);
        services.AddSingleton<ReminderMailer>();
        services.AddScoped<NotificationCenter>();
        services.AddScoped<ReminderRun>();
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        return services;
    }
}
