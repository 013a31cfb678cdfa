using Kinerja.Domain.Workflow;
using Microsoft.AspNetCore.Identity;

namespace Kinerja.Data;

/// <summary>A person who signs in. What they may do is given per instansi by <see cref="Assignment"/>.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The installation's administrator (the account made on the setup page): manages every instansi.</summary>
    public bool IsSystemAdmin { get; set; }

    /// <summary>The password was set by an administrator (a new account, a reset): every page and API call asks to change it first.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The user turned e-mail reminders off on /akun (issue 21): they still get the notification in the app.</summary>
    public bool EmailRemindersOff { get; set; }
}

/// <summary>Marks an entity whose every change is written to the audit log (who, when, before, after).</summary>
public interface IAudited
{
    int? AuditAgencyId { get; }

    string AuditKey { get; }
}

/// <summary>An instansi: an OPD of a Pemda, a ministry or one of its eselon I units. One installation holds many.</summary>
public sealed class Agency : IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>"KL" or "Pemda", as the workbook's profile says.</summary>
    public string Kind { get; set; } = "KL";

    public List<Unit> Units { get; set; } = [];

    public List<ReportingYear> Years { get; set; } = [];

    /// <summary>Separation of duties (on by default): whoever entered or submitted a value neither verifies nor approves it. A one-person office may switch it off; the change is audited.</summary>
    public bool SeparateDuties { get; set; } = true;

    /// <summary>
    /// Period lock (issue 21): after a period's closing date in the calendar its realisasi and targets change only under a
    /// <see cref="PeriodReopening"/>. On for every instansi (Perpres 29/2014: what was reported stays as reported); an
    /// administrator may switch it off with a reason (audited). Closed years an installation brings in are loaded as an
    /// explicit, audited history import, not by switching the lock off. Also the switch's concurrency token.
    /// </summary>
    public bool LockPeriods { get; set; } = true;

    /// <summary>Kemendagri code of the province ("32") or regency/city ("32.04") the instansi serves (issue 23, the national roll-up); validated against <see cref="Regions"/>.</summary>
    public string? RegionCode { get; set; }

    int? IAudited.AuditAgencyId => Id;

    string IAudited.AuditKey => Name;
}

/// <summary>An organisational unit of an instansi (from the workbook's sheet Unit); users are assigned to units.</summary>
public sealed class Unit
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? ParentCode { get; set; }
}

public enum AgencyRole
{
    AdminInstansi,
    Perencana,
    Operator,
    Verifikator,
    Pimpinan,

    /// <summary>An evaluator (APIP, Inspektorat): sees only the evaluation rounds assigned to them (issue 22).</summary>
    Evaluator,
}

/// <summary>A user's role in one instansi and, for operators and verifikator, the units they work on.</summary>
public sealed class Assignment : IAudited
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public int AgencyId { get; set; }

    public AgencyRole Role { get; set; }

    /// <summary>Unit codes separated by ";". Ignored for roles that cover the whole instansi.</summary>
    public string UnitCodes { get; set; } = "";

    public IReadOnlySet<string> UnitSet => UnitCodes.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => UserId;
}

/// <summary>
/// One instansi's workbook for one year. The sheets the web does not edit are kept as the
/// workbook's own cells (<see cref="WorkbookRow"/>), so an export gives back what was imported.
/// </summary>
public sealed class ReportingYear : IAudited
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public int Year { get; set; }

    /// <summary>The profile's cells: JSON object of key to text.</summary>
    public string ProfileJson { get; set; } = "{}";

    /// <summary>The sheets the workbook had (";"), so an absent optional sheet stays absent.</summary>
    public string SheetsPresent { get; set; } = "";

    public string SourceFile { get; set; } = "";

    /// <summary>Raised on every change of the year's data: the concurrency token of an import and the cache key.</summary>
    public int Revision { get; set; }

    /// <summary>Published: the public sees the documents of this year.</summary>
    public bool Published { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One row of a sheet the web keeps as it was imported: its cells as JSON (column key to text).</summary>
public sealed class WorkbookRow
{
    public long Id { get; set; }

    public int ReportingYearId { get; set; }

    public required string Sheet { get; set; }

    public int Ordinal { get; set; }

    public string CellsJson { get; set; } = "{}";
}

/// <summary>An indicator as the pages list it, with the unit responsible (for authorisation).</summary>
public sealed class IndicatorInfo
{
    public long Id { get; set; }

    public int ReportingYearId { get; set; }

    public int Ordinal { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public string GoalCode { get; set; } = "";

    public string Satuan { get; set; } = "";

    public required string UnitCode { get; set; }

    /// <summary>The labour catalogue indicator it measures (TPT, PENEMPATAN, ...), when its code or formula is the catalogue's; the national roll-up reads it (issue 23).</summary>
    public string? CatalogueCode { get; set; }
}

/// <summary>A row of sheet Target, editable by planners; the cells are kept as typed.</summary>
public sealed class TargetRow : IAudited
{
    public long Id { get; set; }

    public int ReportingYearId { get; set; }

    public int? AgencyId { get; set; }

    public int Ordinal { get; set; }

    public required string IndicatorCode { get; set; }

    public required string Period { get; set; }

    public required string Value { get; set; }

    public string? Cumulative { get; set; }

    public string? Document { get; set; }

    public required string UnitCode { get; set; }

    /// <summary>Optimistic concurrency: a save made from an older read is refused.</summary>
    public int ConcurrencyVersion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => $"{ReportingYearId}|{IndicatorCode}|{Period}|{Document}";
}

/// <summary>
/// One version of a realisasi (indicator, period). Its status moves only through the domain's
/// <see cref="RealisasiEntry"/>; an approved version is never changed, a correction is a new version.
/// </summary>
public sealed class RealisasiRecord : IAudited
{
    public long Id { get; set; }

    public int ReportingYearId { get; set; }

    public int? AgencyId { get; set; }

    public required string IndicatorCode { get; set; }

    public required string Period { get; set; }

    public required string UnitCode { get; set; }

    public int Version { get; set; } = 1;

    public EntryStatus Status { get; set; }

    /// <summary>The latest version of its (indicator, period); false for older versions and for rows an import removed.</summary>
    public bool IsCurrent { get; set; } = true;

    // the workbook's cells, as typed
    public string? Value { get; set; }

    public string? ValueStatus { get; set; }

    public string? Note { get; set; }

    public string? PrintedCapaian { get; set; }

    // what only the web records
    public string? Kendala { get; set; }

    public string? TindakLanjut { get; set; }

    /// <summary>Why a capaian is below the not-reached band or above 150%.</summary>
    public string? Explanation { get; set; }

    public int Ordinal { get; set; }

    /// <summary>"impor" or "web".</summary>
    public string Source { get; set; } = "web";

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public int ConcurrencyVersion { get; set; }

    public List<WorkflowEvent> Events { get; set; } = [];

    public List<EvidenceFile> Evidence { get; set; } = [];

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => RecordKey(ReportingYearId, IndicatorCode, Period, Version);

    public static string RecordKey(int yearId, string indicator, string period, int version) => $"{yearId}|{indicator}|{period}|v{version}";
}

/// <summary>A step of a realisasi's workflow, as the domain recorded it.</summary>
public sealed class WorkflowEvent
{
    public long Id { get; set; }

    public long RealisasiRecordId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string UserName { get; set; }

    public EntryStatus From { get; set; }

    public EntryStatus To { get; set; }

    public string? Value { get; set; }

    public string? Reason { get; set; }
}

/// <summary>A bukti dukung: the file lies outside the web root under its SHA-256; only its metadata is here.</summary>
public sealed class EvidenceFile : IAudited
{
    public long Id { get; set; }

    public long RealisasiRecordId { get; set; }

    public int? AgencyId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => KeyOf(RealisasiRecordId);

    public static string KeyOf(long recordId) => "realisasi:" + recordId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An append-only record of a change: who, when, what, the values before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public int? AgencyId { get; set; }

    public required string Entity { get; set; }

    public required string EntityKey { get; set; }

    /// <summary>"tambah", "ubah", "hapus", or a named action ("impor", "ajukan").</summary>
    public required string Action { get; set; }

    public required string UserName { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}

/// <summary>
/// A version of the year's Perjanjian Kinerja (sheet PK): the awal or a perubahan, with its signing date,
/// place and parties. Every cell is kept as typed so an export gives the sheet back unchanged; an older
/// version is never removed when a perubahan is added.
/// </summary>
public sealed class PkVersionRow : IAudited
{
    public long Id { get; set; }

    public int ReportingYearId { get; set; }

    public int? AgencyId { get; set; }

    public int Ordinal { get; set; }

    /// <summary>"awal", "perubahan-1", ... as typed (the domain's <c>PkVersionId.Parse</c> reads it).</summary>
    public required string PkVersion { get; set; }

    public string? SigningDate { get; set; }

    public string? Place { get; set; }

    public string? FirstPosition { get; set; }

    public string? FirstName { get; set; }

    public string? FirstNip { get; set; }

    public string? FirstRank { get; set; }

    public string? FirstActing { get; set; }

    public string? FirstPolitical { get; set; }

    public string? SecondPosition { get; set; }

    public string? SecondName { get; set; }

    public string? SecondNip { get; set; }

    public string? SecondRank { get; set; }

    public string? SecondActing { get; set; }

    public string? SecondPolitical { get; set; }

    public string? OneParty { get; set; }

    /// <summary>Optimistic concurrency: a save made from an older read is refused.</summary>
    public int ConcurrencyVersion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => $"{ReportingYearId}|{PkVersion}";
}

/// <summary>A budget line of a PK version (sheet AnggaranPK), cells as typed.</summary>
public sealed class PkBudgetRow : IAudited
{
    public long Id { get; set; }

    public int ReportingYearId { get; set; }

    public int? AgencyId { get; set; }

    public int Ordinal { get; set; }

    public required string PkVersion { get; set; }

    public required string Code { get; set; }

    public string? Name { get; set; }

    public string? Parent { get; set; }

    public string? Level { get; set; }

    public string? Pagu { get; set; }

    public string? Goals { get; set; }

    /// <summary>Pejabat Pengampu of the line as typed (issue 20 item 6).</summary>
    public string? Pengampu { get; set; }

    public int ConcurrencyVersion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    /// <summary>Keyed by the version, so a version's page finds its budget's history.</summary>
    string IAudited.AuditKey => $"{ReportingYearId}|{PkVersion}";
}

/// <summary>
/// A planned action of the Rencana Aksi (sheet RencanaAksi): for an indicator and a quarter, what will be
/// done, by whom and when, and the quarter's target as the Rencana Aksi states it. Cells kept as typed.
/// </summary>
public sealed class RencanaAksiRow : IAudited
{
    public long Id { get; set; }

    public int ReportingYearId { get; set; }

    public int? AgencyId { get; set; }

    public int Ordinal { get; set; }

    public required string IndicatorCode { get; set; }

    /// <summary>"2025-TW1" .. "2025-TW4".</summary>
    public required string Period { get; set; }

    public string? QuarterTarget { get; set; }

    public required string Action { get; set; }

    public string? Responsible { get; set; }

    public string? Schedule { get; set; }

    /// <summary>The unit responsible for the indicator (for authorisation), as for targets.</summary>
    public required string UnitCode { get; set; }

    public int ConcurrencyVersion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => $"{ReportingYearId}|{IndicatorCode}";
}

/// <summary>
/// A document an administrator, perencana or pimpinan published (Terbitkan): the final file as it was built then,
/// stored under its SHA-256 in the data folder. The public page lists only these and serves the stored bytes;
/// nothing an anonymous visitor asks for is ever built.
/// </summary>
public sealed class PublishedDocument : IAudited
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public int ReportingYearId { get; set; }

    public int Year { get; set; }

    /// <summary>"lkjip" or "pk".</summary>
    public required string Kind { get; set; }

    /// <summary>The PK version ("awal", "perubahan-1"); null for a LKjIP.</summary>
    public string? PkVersion { get; set; }

    /// <summary>"docx" or "pdf".</summary>
    public required string Format { get; set; }

    public required string Title { get; set; }

    public required string FileName { get; set; }

    public required string Sha256 { get; set; }

    public long Size { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public required string PublishedBy { get; set; }

    /// <summary>The signed scan (PDF) uploaded beside a generated PK or LKjIP; when present it is what the public page serves.</summary>
    public string? ScanSha256 { get; set; }

    public string? ScanFileName { get; set; }

    public long? ScanSize { get; set; }

    public DateTimeOffset? ScanUploadedAt { get; set; }

    public string? ScanUploadedBy { get; set; }

    /// <summary>For a LKjIP: the IKU capaian as published (JSON), so the public page shows what was published, not today's data.</summary>
    public string? CapaianJson { get; set; }

    /// <summary>Optimistic concurrency: a scan uploaded from an older read is refused.</summary>
    public int ConcurrencyVersion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => $"{Year}|{Kind}|{PkVersion}|{Format}|{Sha256}";
}

/// <summary>
/// An administrator's date for one step of an instansi's reporting calendar (issue 21), replacing the
/// regulation's default (Kinerja.Domain.Cycle.CycleCalendar). Absent rows mean the default applies.
/// </summary>
public sealed class CycleDeadlineRow : IAudited
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public int Year { get; set; }

    /// <summary>The step's key: "pk", "realisasi-tw1", "lkjip-instansi", ...</summary>
    public required string StepKey { get; set; }

    public DateOnly Opens { get; set; }

    public DateOnly Due { get; set; }

    public DateOnly Closes { get; set; }

    public string? Reason { get; set; }

    public int ConcurrencyVersion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => $"{Year}|{StepKey}";
}

/// <summary>
/// A notification in the app for one user (issue 21: a reminder before or after a due date). <see cref="Key"/> is
/// unique: inserting it is how an app server claims the reminder, so two servers never send the same one.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public int? AgencyId { get; set; }

    /// <summary>Kinerja.Domain.Cycle.ReminderPlan.Key: instansi, year, the thing, the action, the kind and the person.</summary>
    public required string Key { get; set; }

    public required string Title { get; set; }

    public required string Text { get; set; }

    /// <summary>The record's address in the app ("/instansi/3/2025/realisasi/IKU-1/2025-TW1").</summary>
    public required string Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When the e-mail went out; null when none was sent (no SMTP, no address, e-mail off, or it failed: <see cref="EmailNote"/>).</summary>
    public DateTimeOffset? EmailedAt { get; set; }

    /// <summary>Why the last e-mail attempt failed (or why none was sent); kept after a later success is recorded in <see cref="EmailedAt"/>.</summary>
    public string? EmailNote { get; set; }

    /// <summary>E-mail attempts made (each claimed by one app server before sending).</summary>
    public int EmailAttempts { get; set; }

    /// <summary>When the next e-mail attempt is due after a failure; null when none is (sent, never tried, or given up).</summary>
    public DateTimeOffset? EmailRetryAt { get; set; }
}

/// <summary>
/// An exception to the period lock (issue 21): an administrator reopens one unit's period, or one indicator of it, until a
/// date (inclusive, WIB) with a reason. Every change made under it is audited with a reference to it.
/// </summary>
public sealed class PeriodReopening : IAudited
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public int Year { get; set; }

    /// <summary>"2026-TW1", "2026-S1" or "2026".</summary>
    public required string Period { get; set; }

    public required string UnitCode { get; set; }

    /// <summary>One indicator, or null for every indicator of the unit in the period.</summary>
    public string? IndicatorCode { get; set; }

    /// <summary>The last day (WIB) changes are accepted.</summary>
    public DateOnly Until { get; set; }

    public required string Reason { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Closed before its date by an administrator.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public int ConcurrencyVersion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    string IAudited.AuditKey => $"{Year}|{Period}|{UnitCode}|{IndicatorCode ?? "*"}|{CreatedAt.UtcTicks}";

    /// <summary>Whether this reopening lets a change of <paramref name="indicator"/> of <paramref name="unit"/> in <paramref name="period"/> through.</summary>
    public bool Covers(string period, string unit, string indicator) =>
        Period == period && UnitCode == unit && (IndicatorCode is null || IndicatorCode == indicator);
}
