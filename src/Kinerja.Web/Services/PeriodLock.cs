using System.Globalization;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Cycle;
using Kinerja.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>
/// The period lock of issue 21 (docs/cycle.md). When the instansi has the lock on, a period whose realisasi step has
/// closed in the calendar (<see cref="CycleStep.Closes"/>, a day in WIB) accepts changes of its realisasi and targets
/// only under a live <see cref="PeriodReopening"/> of that unit (or that indicator). It reads what a write touches from
/// the staged changes themselves, so every route that commits through <see cref="RecordWriter"/> (pages, API) and the
/// workbook import obey it without knowing of it. Each change accepted under a reopening gets an audit entry naming it.
/// </summary>
public sealed class PeriodLock(KinerjaDbContext db, TimeProvider clock)
{
    /// <summary>The audit entity of a change made after a period closed; the LKjIP of the year lists them.</summary>
    public const string LateChangeEntity = "PerubahanSetelahDitutup";

    /// <summary>The audit entity of the lock's switch (beside the row audit of <see cref="Agency"/>).</summary>
    public const string ReopeningEntity = "PembukaanPeriode";

    /// <summary>One realisasi or target a write touches.</summary>
    public sealed record Touch(string Indicator, string Period, string Unit);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(CycleService.Wib).DateTime);

    /// <summary>
    /// Null when the staged change may be saved; else the refusal in Indonesian naming the closed period and who can reopen it.
    /// Accepted changes under a reopening are recorded in the audit log on the context (saved with the change).
    /// </summary>
    public async Task<string?> CheckStagedAsync(ReportingYear year, string what, CheckScope checks)
    {
        var touches = new List<Touch>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (entry.Entity)
            {
                case RealisasiRecord r:
                    touches.Add(new Touch(r.IndicatorCode, r.Period, r.UnitCode));
                    break;
                case TargetRow t:
                    touches.Add(new Touch(t.IndicatorCode, t.Period, t.UnitCode));
                    break;
                case EvidenceFile f:
                    var record = db.ChangeTracker.Entries<RealisasiRecord>().Select(e => e.Entity).FirstOrDefault(r => r.Id == f.RealisasiRecordId)
                        ?? await db.Realisasi.AsNoTracking().SingleOrDefaultAsync(r => r.Id == f.RealisasiRecordId);
                    if (record is not null)
                        touches.Add(new Touch(record.IndicatorCode, record.Period, record.UnitCode));
                    break;
            }
        }

        // counts of a realisasi are workbook cells: the write names its indicator, period and unit
        if (checks.Kind == "about" && checks.Unit is { } unit)
            touches.Add(new Touch(checks.Indicator!, checks.Period!, unit));
        return await CheckAsync(year.AgencyId, year.Year, touches, what);
    }

    /// <summary>The workflow import's hook (<see cref="WorkbookStore.PeriodLock"/>): the realisasi and targets it would write.</summary>
    public async Task<string?> CheckImportAsync(int agencyId, int year, IReadOnlyList<LockedWrite> writes)
    {
        // targets first: a refusal names the first closed thing, and a target is the one the preview shows least
        foreach (var kind in new[] { "target", "realisasi" })
        {
            var touches = writes.Where(w => w.Kind == kind).Select(w => new Touch(w.Indicator, w.Period, w.Unit)).ToList();
            if (await CheckAsync(agencyId, year, touches, $"impor buku kerja ({kind})") is { } refused)
                return refused;
        }

        return null;
    }

    private async Task<string?> CheckAsync(int agencyId, int year, IReadOnlyList<Touch> touches, string what)
    {
        if (touches.Count == 0)
            return null;
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.LockPeriods, a.Kind }).SingleOrDefaultAsync();
        if (agency is not { LockPeriods: true })
            return null;
        var calendar = await new CycleService(db, clock).CalendarAsync(agencyId, year);
        var today = Today;
        var closed = touches.Distinct().Select(t => (Touch: t, Closes: ClosesOn(calendar, t.Period))).Where(x => x.Closes is { } c && today > c).ToList();
        if (closed.Count == 0)
            return null;
        var periods = closed.Select(c => c.Touch.Period).Distinct().ToList();
        var live = await LiveAsync(agencyId, year, today, periods);
        var under = new List<(Touch Touch, PeriodReopening Reopening)>();
        foreach (var (touch, closes) in closed)
        {
            var reopening = live.FirstOrDefault(x => x.Covers(touch.Period, touch.Unit, touch.Indicator));
            if (reopening is null)
            {
                return $"{what} tidak disimpan: periode {touch.Period} (unit {touch.Unit}) telah ditutup pada {ReminderPlan.DateText(closes!.Value)}. "
                    + "Setelah periode ditutup, realisasi dan target hanya dapat diubah bila administrator instansi membuka kembali periode unit ini "
                    + $"(halaman Pembukaan periode: /instansi/{agencyId}/{year}/pembukaan) sampai tanggal tertentu dengan alasan.";
            }

            under.Add((touch, reopening));
        }

        // only when the whole write is allowed: a refused write leaves no entry behind
        foreach (var (touch, reopening) in under)
        {
            db.Record(agencyId, LateChangeEntity, $"{year}|{touch.Indicator}|{touch.Period}", "ubah setelah ditutup", null, new Dictionary<string, object?>
            {
                ["Perubahan"] = what,
                ["Indikator"] = touch.Indicator,
                ["Periode"] = touch.Period,
                ["Unit"] = touch.Unit,
                ["Pembukaan"] = reopening.Id,
                ["Alasan"] = reopening.Reason,
                ["Sampai"] = reopening.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
        }

        return null;
    }

    /// <summary>The reopenings of a year still running on <paramref name="today"/> (not revoked, not past their date), of the given periods or all.</summary>
    public Task<List<PeriodReopening>> LiveAsync(int agencyId, int year, DateOnly today, IReadOnlyCollection<string>? periods = null) =>
        db.PeriodReopenings.AsNoTracking()
            .Where(x => x.AgencyId == agencyId && x.Year == year && (periods == null || periods.Contains(x.Period)) && x.RevokedAt == null && x.Until >= today)
            .OrderBy(x => x.Id).ToListAsync();

    public Task<List<PeriodReopening>> ListAsync(int agencyId, int year) =>
        db.PeriodReopenings.AsNoTracking().Where(x => x.AgencyId == agencyId && x.Year == year).OrderByDescending(x => x.Id).ToListAsync();

    /// <summary>The day a period closes: its realisasi step's closing date (a year or semester closes with its last quarter); null for a period of another year.</summary>
    public static DateOnly? ClosesOn(CycleCalendar calendar, string period) =>
        CycleCalendar.QuarterOf(period, calendar.Year) is { } q ? calendar[CycleCalendar.EntryKey(q)].Closes : null;

    /// <summary>The changes made after a period closed in a year, oldest first, as the audit log holds them.</summary>
    public async Task<List<LateChange>> LateChangesAsync(int agencyId, int year)
    {
        var prefix = year.ToString(CultureInfo.InvariantCulture) + "|";
        var rows = await db.Audit.AsNoTracking().Where(a => a.AgencyId == agencyId && a.Entity == LateChangeEntity && a.EntityKey.StartsWith(prefix))
            .OrderBy(a => a.Id).ToListAsync();
        var list = new List<LateChange>();
        foreach (var a in rows)
        {
            using var json = JsonDocument.Parse(a.After ?? "{}");
            var r = json.RootElement;
            string S(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            list.Add(new LateChange(S("Indikator"), S("Periode"), S("Unit"), DateOnly.FromDateTime(a.At.ToOffset(CycleService.Wib).DateTime), a.UserName, S("Perubahan"), S("Alasan")));
        }

        return list;
    }
}

/// <summary>
/// The administrator's side of the period lock (issue 21): the switch and the reopenings. Each is staged here and committed
/// through <see cref="RecordWriter.CommitAgencyAsync"/>, the one write path: authorised on the server (administrator
/// instansi), versioned (a reopening's <see cref="PeriodReopening.ConcurrencyVersion"/>; the switch's own value), audited
/// in the common audit log (the row audit and a named entry with the reason), one transaction.
/// </summary>
public sealed class PeriodLockAdmin(KinerjaDbContext db, RecordWriter writer, PeriodLock periodLock, TimeProvider clock)
{
    /// <summary>Reopens a unit's period (or one indicator of it) until a date, with a reason. The refusal, or null.</summary>
    public async Task<(int Status, string Message)?> ReopenAsync(int agencyId, int year, string period, string unit, string? indicator, DateOnly until, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return (400, "pembukaan kembali periode harus disertai alasan (mis. koreksi hasil reviu Inspektorat)");
        if (CycleCalendar.QuarterOf(period, year) is null)
            return (400, $"periode \"{period}\" bukan triwulan, semester atau tahun {year}");
        if (until < periodLock.Today)
            return (400, "tanggal akhir pembukaan tidak boleh sebelum hari ini");
        if (!await db.Units.AsNoTracking().AnyAsync(u => u.AgencyId == agencyId && u.Code == unit))
            return (400, $"unit \"{unit}\" tidak dikenal di instansi ini");
        indicator = string.IsNullOrWhiteSpace(indicator) ? null : indicator.Trim();
        if (indicator is not null && !await db.Indicators.AsNoTracking().AnyAsync(i => i.Code == indicator && i.UnitCode == unit && db.Years.Any(y => y.Id == i.ReportingYearId && y.AgencyId == agencyId && y.Year == year)))
            return (400, $"indikator \"{indicator}\" bukan indikator unit {unit} tahun {year}");
        var row = new PeriodReopening
        {
            AgencyId = agencyId, Year = year, Period = period.Trim().ToUpperInvariant(), UnitCode = unit, IndicatorCode = indicator, Until = until,
            Reason = reason.Trim(), CreatedBy = "", CreatedAt = clock.GetUtcNow(), ConcurrencyVersion = 1,
        };
        db.PeriodReopenings.Add(row);
        return Refusal(await writer.CommitAgencyAsync(agencyId, Operations.ManageUsers, $"pembukaan periode {row.Period} unit {unit}", byUser: user => row.CreatedBy = user));
    }

    /// <summary>Closes a reopening before its date; refused without the version read, or when someone changed it since.</summary>
    public async Task<(int Status, string Message)?> RevokeAsync(int agencyId, long id, int? expectedVersion)
    {
        if (expectedVersion is null)
            return (428, "versi pembukaan yang Anda baca wajib dikirim; muat ulang halaman lalu ulangi");
        var row = await db.PeriodReopenings.SingleOrDefaultAsync(x => x.Id == id && x.AgencyId == agencyId);
        if (row is null)
            return (404, "pembukaan periode tidak ditemukan");
        if (row.ConcurrencyVersion != expectedVersion)
            return (409, "pembukaan ini telah diubah orang lain sejak Anda membukanya; muat ulang halaman");
        if (row.RevokedAt is not null)
            return null;
        db.Entry(row).Property(r => r.ConcurrencyVersion).OriginalValue = row.ConcurrencyVersion;
        row.ConcurrencyVersion++;
        row.RevokedAt = clock.GetUtcNow();
        return Refusal(await writer.CommitAgencyAsync(agencyId, Operations.ManageUsers, "pembukaan periode"));
    }

    /// <summary>Switches the lock on or off for an instansi, with a reason. <paramref name="current"/> is the state the form was read at (the switch's version). The refusal, or null.</summary>
    public async Task<(int Status, string Message)?> SetLockAsync(int agencyId, bool on, bool? current, string? reason)
    {
        if (current is null)
            return (428, "keadaan kunci periode yang Anda baca wajib dikirim; muat ulang halaman");
        var agency = await db.Agencies.SingleAsync(a => a.Id == agencyId);
        if (current != agency.LockPeriods)
            return (409, "pengaturan ini telah diubah orang lain sejak Anda membukanya; muat ulang halaman lalu ulangi");
        if (on == agency.LockPeriods)
            return null;
        if (string.IsNullOrWhiteSpace(reason))
            return (400, "perubahan kunci periode harus disertai alasan");
        // the value read is the concurrency token: another administrator's switch in between refuses this one
        db.Entry(agency).Property(a => a.LockPeriods).OriginalValue = current.Value;
        agency.LockPeriods = on;
        return Refusal(await writer.CommitAgencyAsync(agencyId, Operations.ManageUsers, "kunci periode", audit: new RecordWriter.AuditNote(PeriodLock.ReopeningEntity, "kunci", on ? "aktifkan kunci" : "matikan kunci",
            new Dictionary<string, string?> { ["LockPeriods"] = (!on).ToString() }, new Dictionary<string, string?> { ["LockPeriods"] = on.ToString(), ["Alasan"] = reason.Trim() })));
    }

    private static (int Status, string Message)? Refusal(WriteResult result) =>
        result.Ok ? null : (Api.ApiResults.StatusOf(result.Status), result.Error ?? "ditolak");
}
