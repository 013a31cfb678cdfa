using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Workflow;

public enum EntryStatus
{
    Draft,
    Diajukan,
    Diverifikasi,
    Disahkan,
    Dikembalikan,
}

public enum Role
{
    Operator,
    Perencana,
    Verifikator,
    Pimpinan,
    Administrator,

    /// <summary>Evaluator (APIP) of an evaluation round (issue 22); takes no step of the realisasi workflow.</summary>
    Evaluator,
}

/// <summary>Who acts, in which role, for which units (per-unit authorisation is checked here, not only in the UI).</summary>
public sealed record Actor(string UserName, Role Role, IReadOnlySet<string> UnitCodes)
{
    public bool Covers(string unitCode) => Role == Role.Administrator || UnitCodes.Contains(unitCode);
}

/// <summary>One entry of the audit trail: who, when, from which state to which, with what value.</summary>
public sealed record EntryEvent(DateTimeOffset At, string UserName, EntryStatus From, EntryStatus To, string? Value, string? Reason);

public sealed class WorkflowException(string message) : InvalidOperationException(message);

/// <summary>
/// The instansi's workflow rules. <c>SeparateDuties</c> (the default): whoever entered (created or changed) or
/// submitted a value may not verify or approve it, whatever their role. A one-person office may switch it off
/// (an audited setting of the instansi); an administrator may then also verify.
/// </summary>
public sealed record WorkflowRules(bool SeparateDuties)
{
    public static readonly WorkflowRules Default = new(true);
}

/// <summary>
/// A realisasi as it moves draft -> diajukan -> diverifikasi -> disahkan (or is returned with a reason).
/// The status changes only through these methods, each checking the current state and the actor's
/// role and units. An approved value is immutable: a correction is a new version, the old one stays.
/// </summary>
public sealed class RealisasiEntry
{
    private readonly List<EntryEvent> _history = [];
    private readonly HashSet<string> _enteredBy = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _clock;

    public RealisasiEntry(string unitCode, string indicatorCode, Period period, MeasuredValue? value, RealisasiStatus status, string? note, Actor author, TimeProvider clock, int version = 1)
    {
        Require(author.Covers(unitCode), $"{author.UserName} tidak berwenang atas unit {unitCode}");
        Require(author.Role is Role.Operator or Role.Perencana or Role.Administrator, $"peran {author.Role} tidak dapat mengisi realisasi");
        UnitCode = unitCode;
        IndicatorCode = indicatorCode;
        Period = period;
        Value = value;
        ValueStatus = status;
        Note = note;
        Version = version;
        _clock = clock;
        _enteredBy.Add(author.UserName);
        _history.Add(new EntryEvent(clock.GetUtcNow(), author.UserName, EntryStatus.Draft, EntryStatus.Draft, value?.Original, "dibuat"));
    }

    private RealisasiEntry(string unitCode, string indicatorCode, Period period, MeasuredValue? value, RealisasiStatus status, string? note, int version, EntryStatus entryStatus, IEnumerable<EntryEvent> history, TimeProvider clock, string? createdBy)
    {
        UnitCode = unitCode;
        IndicatorCode = indicatorCode;
        Period = period;
        Value = value;
        ValueStatus = status;
        Note = note;
        Version = version;
        Status = entryStatus;
        _clock = clock;
        _history.AddRange(history);
        if (!string.IsNullOrWhiteSpace(createdBy))
            _enteredBy.Add(createdBy);
        // every event that set the value (created, changed) or submitted it names someone who may not check it
        foreach (var e in _history.Where(e => e.From == e.To || e.To == EntryStatus.Diajukan))
            _enteredBy.Add(e.UserName);
    }

    /// <summary>
    /// An entry read back from storage in the state and with the history it was saved with; past steps are not
    /// checked again. <paramref name="createdBy"/>: who made the record when its history does not say (an import);
    /// <paramref name="rules"/>: the instansi's workflow rules.
    /// </summary>
    public static RealisasiEntry Restore(string unitCode, string indicatorCode, Period period, MeasuredValue? value, RealisasiStatus status, string? note, int version, EntryStatus entryStatus, IEnumerable<EntryEvent> history, TimeProvider clock, string? createdBy = null, WorkflowRules? rules = null) =>
        new(unitCode, indicatorCode, period, value, status, note, version, entryStatus, history, clock, createdBy) { Rules = rules ?? WorkflowRules.Default };

    /// <summary>The instansi's rules (separation of duties on unless the instansi switched it off).</summary>
    public WorkflowRules Rules { get; init; } = WorkflowRules.Default;

    /// <summary>Who entered (created or changed) or submitted this version's value: under separation of duties none of them verifies or approves it.</summary>
    public IReadOnlySet<string> EnteredBy => _enteredBy;

    public string UnitCode { get; }

    public string IndicatorCode { get; }

    public Period Period { get; }

    public MeasuredValue? Value { get; private set; }

    public RealisasiStatus ValueStatus { get; private set; }

    public string? Note { get; private set; }

    public int Version { get; }

    public EntryStatus Status { get; private set; } = EntryStatus.Draft;

    public IReadOnlyList<EntryEvent> History => _history;

    public Realisasi ToRealisasi() => new(IndicatorCode, Period, Value, ValueStatus, Note);

    /// <summary>Changes the value while it is still a draft or returned.</summary>
    public void Edit(Actor actor, MeasuredValue? value, RealisasiStatus status, string? note)
    {
        RequireUnit(actor);
        Require(Status is EntryStatus.Draft or EntryStatus.Dikembalikan, $"realisasi berstatus {Label(Status)} tidak dapat diubah; {(Status == EntryStatus.Disahkan ? "buat koreksi sebagai versi baru" : "tunggu hasil verifikasi")}");
        Require(actor.Role is Role.Operator or Role.Perencana or Role.Administrator, $"peran {actor.Role} tidak dapat mengubah realisasi");
        Value = value;
        ValueStatus = status;
        Note = note;
        _enteredBy.Add(actor.UserName);
        Record(actor, Status, Status, "diubah");
    }

    public void Submit(Actor actor)
    {
        RequireUnit(actor);
        Require(actor.Role is Role.Operator or Role.Perencana or Role.Administrator, $"peran {actor.Role} tidak dapat mengajukan realisasi");
        Require(Status is EntryStatus.Draft or EntryStatus.Dikembalikan, $"hanya draf atau realisasi yang dikembalikan yang dapat diajukan (status sekarang {Label(Status)})");
        Require(Value is not null || ValueStatus == RealisasiStatus.NotAvailable, "realisasi kosong tidak dapat diajukan");
        Require(ValueStatus != RealisasiStatus.NotAvailable || !string.IsNullOrWhiteSpace(Note), "realisasi N/A harus disertai alasan");
        _enteredBy.Add(actor.UserName);
        Move(actor, EntryStatus.Diajukan, null);
    }

    public void Verify(Actor actor)
    {
        RequireUnit(actor);
        Require(actor.Role is Role.Verifikator || (actor.Role is Role.Administrator && !Rules.SeparateDuties),
            actor.Role is Role.Administrator ? "administrator hanya dapat memverifikasi bila pemisahan tugas dimatikan untuk instansi ini (kantor satu orang); verifikasi dilakukan verifikator" : "hanya verifikator yang dapat memverifikasi");
        Require(Status == EntryStatus.Diajukan, $"hanya realisasi yang diajukan yang dapat diverifikasi (status sekarang {Label(Status)})");
        RequireSeparation(actor, "memverifikasi", "verifikasi");
        Move(actor, EntryStatus.Diverifikasi, null);
    }

    public void Approve(Actor actor)
    {
        RequireUnit(actor);
        Require(actor.Role is Role.Pimpinan or Role.Administrator, "hanya pimpinan atau administrator instansi yang dapat mengesahkan");
        Require(Status == EntryStatus.Diverifikasi, Status is EntryStatus.Draft or EntryStatus.Diajukan or EntryStatus.Dikembalikan
            ? $"realisasi berstatus {Label(Status)} belum diverifikasi; pengesahan hanya dari status Diverifikasi"
            : $"hanya realisasi terverifikasi yang dapat disahkan (status sekarang {Label(Status)})");
        RequireSeparation(actor, "mengesahkan", "pengesahan");
        Move(actor, EntryStatus.Disahkan, null);
    }

    /// <summary>Separation of duties: nobody checks their own entry, administrators included.</summary>
    private void RequireSeparation(Actor actor, string verb, string noun) =>
        Require(!Rules.SeparateDuties || !_enteredBy.Contains(actor.UserName),
            $"{actor.UserName} mengisi, mengubah atau mengajukan nilai ini, jadi tidak boleh {verb} nilai itu sendiri (pemisahan tugas); {noun} dilakukan oleh orang lain");

    private static string Label(EntryStatus status) => status switch
    {
        EntryStatus.Draft => "Draf",
        EntryStatus.Diajukan => "Diajukan",
        EntryStatus.Diverifikasi => "Diverifikasi",
        EntryStatus.Disahkan => "Disahkan",
        _ => "Dikembalikan",
    };

    public void Return(Actor actor, string reason)
    {
        RequireUnit(actor);
        Require(actor.Role is Role.Verifikator or Role.Pimpinan or Role.Administrator, $"peran {actor.Role} tidak dapat mengembalikan realisasi");
        Require(Status is EntryStatus.Diajukan or EntryStatus.Diverifikasi, $"realisasi berstatus {Label(Status)} tidak dapat dikembalikan");
        Require(!string.IsNullOrWhiteSpace(reason), "pengembalian harus disertai alasan");
        Move(actor, EntryStatus.Dikembalikan, reason);
    }

    /// <summary>A correction of an approved value: a new draft version; this one stays as it was.</summary>
    public RealisasiEntry Correct(Actor actor, MeasuredValue? value, RealisasiStatus status, string? note, string reason)
    {
        RequireUnit(actor);
        Require(Status == EntryStatus.Disahkan, "koreksi hanya untuk realisasi yang sudah disahkan; ubah draf secara langsung");
        Require(!string.IsNullOrWhiteSpace(reason), "koreksi harus disertai alasan");
        var next = new RealisasiEntry(UnitCode, IndicatorCode, Period, value, status, note, actor, _clock, Version + 1) { Rules = Rules };
        next._history[0] = next._history[0] with { Reason = $"koreksi atas versi {Version}: {reason}" };
        return next;
    }

    private void Move(Actor actor, EntryStatus to, string? reason)
    {
        var from = Status;
        Status = to;
        Record(actor, from, to, reason);
    }

    private void Record(Actor actor, EntryStatus from, EntryStatus to, string? reason) =>
        _history.Add(new EntryEvent(_clock.GetUtcNow(), actor.UserName, from, to, Value?.Original, reason));

    private void RequireUnit(Actor actor) => Require(actor.Covers(UnitCode), $"{actor.UserName} tidak berwenang atas unit {UnitCode}");

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new WorkflowException(message);
    }
}
