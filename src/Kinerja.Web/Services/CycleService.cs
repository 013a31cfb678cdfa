using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Data;
using Kinerja.Domain.Cycle;
using Kinerja.Domain.Workflow;
using Kinerja.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>
/// The reporting calendar of issue 21 for the web: an instansi's schedule (defaults with the
/// administrator's dates), each indicator's status against it, and every person's next tasks.
/// </summary>
public sealed class CycleService(KinerjaDbContext db, TimeProvider clock)
{
    /// <summary>Deadlines are days in Indonesia; WIB (UTC+7) decides when a day has passed, whatever the server's zone.</summary>
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public sealed record BoardRow(string UnitCode, string UnitName, string IndicatorCode, string IndicatorName, string Period, CycleStanding Standing);

    public sealed record TaskRow(int AgencyId, string AgencyName, int Year, string Action, string What, string Unit, DateOnly Due, int Days, string Link);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Wib).DateTime);

    public async Task<CycleCalendar> CalendarAsync(int agencyId, int year)
    {
        var kind = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Kind).SingleAsync();
        var overrides = await db.CycleDeadlines.AsNoTracking().Where(d => d.AgencyId == agencyId && d.Year == year)
            .Select(d => new CycleOverride(d.StepKey, d.Opens, d.Due, d.Closes)).ToListAsync();
        return CycleCalendar.For(year, kind, overrides);
    }

    public Task<List<CycleDeadlineRow>> OverridesAsync(int agencyId, int year) =>
        db.CycleDeadlines.AsNoTracking().Where(d => d.AgencyId == agencyId && d.Year == year).ToListAsync();

    /// <summary>Sets one step's dates (audited through the entity); the message of a refusal, or null when saved.</summary>
    public async Task<(int Status, string Message)?> SaveAsync(int agencyId, int year, string key, DateOnly opens, DateOnly due, DateOnly closes, string? reason, int? expectedVersion, string userName)
    {
        var kind = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Kind).SingleAsync();
        if (!CycleCalendar.Defaults(year, kind).TryGet(key, out var step))
            return (404, $"tahap \"{key}\" tidak dikenal");
        if (expectedVersion is null)
            return (428, VersionRequired);
        var wanted = new CycleOverride(key, opens, due, closes);
        if (CycleCalendar.Problem(wanted) is { } problem)
            return (400, $"{step.Label}: {problem}");
        db.AuditUser = userName;
        var row = await db.CycleDeadlines.SingleOrDefaultAsync(d => d.AgencyId == agencyId && d.Year == year && d.StepKey == key);
        if (row is null)
        {
            if (expectedVersion is > 0)
                return (409, Changed(step.Label));
            row = new CycleDeadlineRow { AgencyId = agencyId, Year = year, StepKey = key, ConcurrencyVersion = 1 }; // 0 is "no override yet" on the page
            db.CycleDeadlines.Add(row);
        }
        else
        {
            if (expectedVersion is { } v && v != row.ConcurrencyVersion)
                return (409, Changed(step.Label));
            db.Entry(row).Property(r => r.ConcurrencyVersion).OriginalValue = row.ConcurrencyVersion;
            row.ConcurrencyVersion++;
        }

        (row.Opens, row.Due, row.Closes, row.Reason) = (opens, due, closes, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // a concurrent save of the same step (version or unique index): the other one stands
            db.ChangeTracker.Clear();
            return (409, Changed(step.Label));
        }

        return null;
    }

    /// <summary>Back to the regulation's default: the override is removed (the audit log keeps it).</summary>
    /// <summary>The refusal of a write that does not say which version it was read at (as every write of the app).</summary>
    public const string VersionRequired = "versi jadwal yang Anda baca wajib dikirim (Version; 0 bila tahap belum pernah diubah) agar perubahan orang lain tidak tertimpa; muat ulang kalender lalu ulangi";

    /// <summary>Puts a step back to its default; refused without the version read, or when someone changed it since.</summary>
    public async Task<(int Status, string Message)?> ResetAsync(int agencyId, int year, string key, int? expectedVersion, string userName)
    {
        if (expectedVersion is null)
            return (428, VersionRequired);
        db.AuditUser = userName;
        var row = await db.CycleDeadlines.SingleOrDefaultAsync(d => d.AgencyId == agencyId && d.Year == year && d.StepKey == key);
        if (row is null)
            return expectedVersion is > 0 ? (409, "jadwal tahap ini telah dikembalikan orang lain sejak Anda membukanya; muat ulang kalender") : null;
        if (expectedVersion != row.ConcurrencyVersion)
            return (409, "jadwal tahap ini telah diubah orang lain sejak Anda membukanya; muat ulang kalender lalu ulangi");
        db.CycleDeadlines.Remove(row);
        await db.SaveChangesAsync();
        return null;
    }

    /// <summary>Each visible indicator's status for a period; the period must be one of the year's quarters, semesters or the year.</summary>
    public async Task<List<BoardRow>> BoardAsync(ReportingYear year, string period, UserScope scope, YearSnapshot? snapshot = null, KinerjaDbContext? read = null)
    {
        var rows = new List<BoardRow>();
        if (CycleCalendar.QuarterOf(period, year.Year) is not { } quarter)
            return rows;
        var calendar = await CalendarAsync(year.AgencyId, year.Year);
        IReadOnlyList<IndicatorInfo> indicators;
        IReadOnlyDictionary<string, EntryStatus> status;
        IReadOnlyDictionary<string, string> units;
        if (snapshot is not null)
        {
            // the read cache (issue 23): the year's indicators, units and current records at the revision just read
            indicators = snapshot.Indicators;
            status = (await snapshot.RecordsAsync(read ?? db, period)).ToDictionary(r => r.IndicatorCode, r => r.Status);
            units = snapshot.UnitNames;
        }
        else
        {
            indicators = await db.Indicators.AsNoTracking().Where(i => i.ReportingYearId == year.Id).OrderBy(i => i.Ordinal).ToListAsync();
            status = await db.Realisasi.AsNoTracking().Where(r => r.ReportingYearId == year.Id && r.IsCurrent && r.Period == period)
                .Select(r => new { r.IndicatorCode, r.Status }).ToDictionaryAsync(r => r.IndicatorCode, r => r.Status);
            units = await db.Units.AsNoTracking().Where(u => u.AgencyId == year.AgencyId).ToDictionaryAsync(u => u.Code, u => u.Name);
        }

        var today = Today;
        foreach (var i in indicators.Where(i => scope.CoversUnit(year.AgencyId, i.UnitCode)))
        {
            EntryStatus? s = status.TryGetValue(i.Code, out var x) ? x : null;
            rows.Add(new BoardRow(i.UnitCode, units.GetValueOrDefault(i.UnitCode) ?? i.UnitCode, i.Code, i.Name, period, CycleStatus.Of(calendar, quarter, s, today)));
        }

        return rows;
    }

    /// <summary>
    /// What the signed-in person must do next across their instansi: enter (operator), verify
    /// (verifikator), approve (pimpinan) the realisasi of opened quarters of the current and last year,
    /// and sign the PK (pimpinan, perencana). Most urgent (latest) first.
    /// </summary>
    public async Task<List<TaskRow>> TasksAsync(UserScope scope)
    {
        var tasks = new List<TaskRow>();
        if (!scope.IsSignedIn)
            return tasks;
        var today = Today;
        foreach (var (agencyId, assignment) in scope.Assignments)
        {
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.Name, a.LockPeriods }).SingleAsync();
            var years = await db.Years.AsNoTracking().Where(y => y.AgencyId == agencyId && y.Year >= today.Year - 1 && y.Year <= today.Year).ToListAsync();
            foreach (var year in years)
            {
                var calendar = await CalendarAsync(agencyId, year.Year);
                var link = $"/instansi/{agencyId}/{year.Year}";
                if (assignment.Role is AgencyRole.Pimpinan or AgencyRole.Perencana)
                {
                    var pk = calendar[CycleCalendar.Pk];
                    var signed = await db.PkVersions.AsNoTracking().AnyAsync(v => v.ReportingYearId == year.Id && v.SigningDate != null && v.SigningDate != "");
                    if (!signed && pk.IsOpen(today))
                        tasks.Add(new TaskRow(agencyId, agency.Name, year.Year, "tanda tangani", "Perjanjian Kinerja " + year.Year, "", pk.Due, pk.DaysToDue(today), link + "/pk"));
                }

                var (action, wanted) = assignment.Role switch
                {
                    AgencyRole.Operator => ("isi", (EntryStatus?)null),
                    AgencyRole.Verifikator => ("verifikasi", EntryStatus.Diajukan),
                    AgencyRole.Pimpinan => ("sahkan", EntryStatus.Diverifikasi),
                    _ => ("", (EntryStatus?)null),
                };
                if (action == "")
                    continue;
                var indicators = await db.Indicators.AsNoTracking().Where(i => i.ReportingYearId == year.Id).OrderBy(i => i.Ordinal).ToListAsync();
                var mine = indicators.Where(i => scope.CoversUnit(agencyId, i.UnitCode)).ToList();
                var records = await db.Realisasi.AsNoTracking().Where(r => r.ReportingYearId == year.Id && r.IsCurrent)
                    .Select(r => new { r.IndicatorCode, r.Period, r.Status }).ToListAsync();
                var status = records.GroupBy(r => (r.IndicatorCode, r.Period)).ToDictionary(g => g.Key, g => g.First().Status);
                // an entry of a closed period is no longer the operator's to do (the lock refuses it) unless it was reopened
                var reopened = agency.LockPeriods && action == "isi" ? await new PeriodLock(db, clock).LiveAsync(agencyId, year.Year, today) : [];
                foreach (var indicator in mine)
                {
                    foreach (var period in PeriodsToReport(year.Year))
                    {
                        var quarter = CycleCalendar.QuarterOf(period, year.Year)!.Value;
                        var entryStep = calendar[CycleCalendar.EntryKey(quarter)];
                        if (!entryStep.IsOpen(today))
                            continue;
                        if (agency.LockPeriods && action == "isi" && today > entryStep.Closes
                            && !reopened.Any(x => x.Covers(period, indicator.UnitCode, indicator.Code)))
                            continue;
                        EntryStatus? s = status.TryGetValue((indicator.Code, period), out var x) ? x : null;
                        var due = (action, s) switch
                        {
                            ("isi", null or EntryStatus.Draft or EntryStatus.Dikembalikan) => calendar[CycleCalendar.EntryKey(quarter)].Due,
                            ("verifikasi", EntryStatus.Diajukan) => calendar[CycleCalendar.VerificationKey(quarter)].Due,
                            ("sahkan", EntryStatus.Diverifikasi) => calendar[CycleCalendar.VerificationKey(quarter)].Closes,
                            _ => (DateOnly?)null,
                        };
                        if (due is { } d)
                            tasks.Add(new TaskRow(agencyId, agency.Name, year.Year, action, $"Realisasi {indicator.Code} {YearPeriodLabel(period)}", indicator.UnitCode, d,
                                d.DayNumber - today.DayNumber, $"{link}/realisasi/{Uri.EscapeDataString(indicator.Code)}/{Uri.EscapeDataString(period)}"));
                    }
                }
            }
        }

        return [.. tasks.OrderBy(t => t.Due).ThenBy(t => t.AgencyName, StringComparer.Ordinal).ThenBy(t => t.What, StringComparer.Ordinal)];
    }

    public sealed record OutstandingRow(int AgencyId, string AgencyName, int Year, string Unit, string What, CycleStanding Standing, string Link);

    /// <summary>
    /// A unit head's view (issue 21 item 2): for each instansi where the person is pimpinan, every realisasi of their units
    /// (the units their assignment names; none named: the whole instansi) in an opened period that is not yet approved:
    /// not entered, late, awaiting verification or approval. Most urgent (latest) first.
    /// </summary>
    public async Task<List<OutstandingRow>> OutstandingAsync(UserScope scope)
    {
        var rows = new List<OutstandingRow>();
        var today = Today;
        foreach (var (agencyId, assignment) in scope.Assignments.Where(a => a.Value.Role == AgencyRole.Pimpinan))
        {
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync();
            var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId).ToDictionaryAsync(u => u.Code, u => u.Name);
            var mine = assignment.UnitSet.Count > 0 ? assignment.UnitSet : units.Keys.ToHashSet(StringComparer.Ordinal);
            var years = await db.Years.AsNoTracking().Where(y => y.AgencyId == agencyId && y.Year >= today.Year - 1 && y.Year <= today.Year).ToListAsync();
            foreach (var year in years)
            {
                var calendar = await CalendarAsync(agencyId, year.Year);
                var indicators = await db.Indicators.AsNoTracking().Where(i => i.ReportingYearId == year.Id).OrderBy(i => i.Ordinal).ToListAsync();
                var records = await db.Realisasi.AsNoTracking().Where(r => r.ReportingYearId == year.Id && r.IsCurrent)
                    .Select(r => new { r.IndicatorCode, r.Period, r.Status }).ToListAsync();
                var status = records.GroupBy(r => (r.IndicatorCode, r.Period)).ToDictionary(g => g.Key, g => g.First().Status);
                foreach (var indicator in indicators.Where(i => mine.Contains(i.UnitCode)))
                {
                    foreach (var period in PeriodsToReport(year.Year))
                    {
                        var quarter = CycleCalendar.QuarterOf(period, year.Year)!.Value;
                        EntryStatus? s = status.TryGetValue((indicator.Code, period), out var x) ? x : null;
                        var standing = CycleStatus.Of(calendar, quarter, s, today);
                        if (!standing.Open || standing.State == CycleState.Disahkan)
                            continue;
                        rows.Add(new OutstandingRow(agencyId, agency, year.Year, units.GetValueOrDefault(indicator.UnitCode) ?? indicator.UnitCode,
                            $"Realisasi {indicator.Code} {YearPeriodLabel(period)}", standing,
                            $"/instansi/{agencyId}/{year.Year}/realisasi/{Uri.EscapeDataString(indicator.Code)}/{Uri.EscapeDataString(period)}"));
                    }
                }
            }
        }

        return [.. rows.OrderBy(r => r.Standing.Days ?? int.MaxValue).ThenBy(r => r.Unit, StringComparer.Ordinal).ThenBy(r => r.What, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The periods every indicator is reported in: the four quarters and the year. SAKIP monitors the PK every quarter
    /// (PermenPANRB 53/2014) whether or not the workbook gives quarterly targets, so the targets do not narrow it.
    /// </summary>
    public static IEnumerable<string> PeriodsToReport(int year) =>
        [.. Enumerable.Range(1, 4).Select(q => $"{year}-TW{q}"), year.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    public static string YearPeriodLabel(string period) =>
        period.Length > 5 ? period[5..].Replace("TW", "TW ", StringComparison.Ordinal) + " " + period[..4] : period;

    /// <summary>The board as a workbook: one sheet, one row per indicator, as shown on the dashboard.</summary>
    public static byte[] BoardXlsx(string title, IReadOnlyList<BoardRow> rows)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var r = 0u;
            void Row(params object?[] cells)
            {
                r++;
                var row = new Row { RowIndex = r };
                for (var c = 0; c < cells.Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r}";
                    row.Append(cells[c] switch
                    {
                        int n => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n) },
                        null => new Cell { CellReference = reference },
                        var v => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v.ToString() ?? "")) },
                    });
                }

                data.Append(row);
            }

            Row(title);
            Row("Kode unit", "Unit", "Kode indikator", "Indikator", "Periode", "Status", "Menunggu", "Batas waktu", "Sisa hari (negatif: terlambat)");
            foreach (var b in rows)
            {
                var s = b.Standing;
                Row(b.UnitCode, b.UnitName, b.IndicatorCode, b.IndicatorName, b.Period, CycleStanding.Label(s.State), s.WaitingFor,
                    s.Due?.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), s.State == CycleState.Disahkan ? null : s.Days);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Status" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static string Changed(string label) =>
        $"jadwal {label} telah diubah orang lain sejak Anda membukanya; perubahan Anda tidak disimpan. Muat ulang halaman lalu ulangi.";
}
