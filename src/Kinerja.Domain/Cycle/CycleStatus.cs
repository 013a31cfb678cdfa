using Kinerja.Domain.Workflow;

namespace Kinerja.Domain.Cycle;

public enum CycleState
{
    Belum,
    Terlambat,
    Diajukan,
    Diverifikasi,
    Disahkan,
}

/// <summary>
/// Where one unit's indicator stands for a period against the calendar: its state, the step that is
/// waiting (entry, verification or approval), that step's due date and the days left (positive) or late (negative).
/// </summary>
public sealed record CycleStanding(CycleState State, string WaitingFor, DateOnly? Due, int? Days, bool Open)
{
    public bool IsLate => Days < 0 && State != CycleState.Disahkan;

    /// <summary>"3 hari lagi", "hari ini", "terlambat 5 hari", or "" when nothing waits.</summary>
    public string DaysText => Days switch
    {
        null => "",
        _ when State == CycleState.Disahkan => "",
        0 => "hari ini",
        > 0 and var d => $"{d} hari lagi",
        var d => $"terlambat {-d} hari",
    };

    public static string Label(CycleState state) => state switch
    {
        CycleState.Belum => "belum",
        CycleState.Terlambat => "terlambat",
        CycleState.Diajukan => "diajukan",
        CycleState.Diverifikasi => "diverifikasi",
        _ => "disahkan",
    };
}

/// <summary>The status of a realisasi against the calendar, computed from its workflow status and today's date.</summary>
public static class CycleStatus
{
    /// <summary>
    /// <paramref name="status"/> is the current version's workflow status, null when nothing was entered.
    /// A draft or a returned entry is not yet submitted: it is "belum", or "terlambat" once the entry is past due.
    /// A submitted entry waits for verification (due at the verification step), a verified one for approval
    /// (due when the period closes); they keep their state but carry the days late of the step that waits.
    /// </summary>
    public static CycleStanding Of(CycleCalendar calendar, int quarter, EntryStatus? status, DateOnly today)
    {
        var entry = calendar[CycleCalendar.EntryKey(quarter)];
        var verification = calendar[CycleCalendar.VerificationKey(quarter)];
        var open = entry.IsOpen(today);
        return status switch
        {
            EntryStatus.Disahkan => new CycleStanding(CycleState.Disahkan, "", null, null, open),
            EntryStatus.Diverifikasi => new CycleStanding(CycleState.Diverifikasi, "sahkan", verification.Closes, verification.Closes.DayNumber - today.DayNumber, open),
            EntryStatus.Diajukan => new CycleStanding(CycleState.Diajukan, "verifikasi", verification.Due, verification.DaysToDue(today), open),
            _ => new CycleStanding(entry.DaysToDue(today) < 0 ? CycleState.Terlambat : CycleState.Belum, "isi", entry.Due, entry.DaysToDue(today), open),
        };
    }

    /// <summary>A step done once for the year (PK signing, LKjIP, publication): done on a date, or waiting with days left or late.</summary>
    public static CycleStanding OfStep(CycleStep step, DateOnly? doneOn, DateOnly today) =>
        doneOn is { } done
            ? new CycleStanding(CycleState.Disahkan, "", step.Due, step.Due.DayNumber - done.DayNumber, step.IsOpen(today))
            : new CycleStanding(step.DaysToDue(today) < 0 ? CycleState.Terlambat : CycleState.Belum, "tanda tangani", step.Due, step.DaysToDue(today), step.IsOpen(today));
}
