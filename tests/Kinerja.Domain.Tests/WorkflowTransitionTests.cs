using Kinerja.Domain.Model;
using Kinerja.Domain.Values;
using Kinerja.Domain.Workflow;

namespace Kinerja.Domain.Tests;

/// <summary>
/// Every step of the realisasi workflow from every state by every role: allowed exactly where the rules say
/// (draft -> diajukan -> diverifikasi -> disahkan, kembalikan from diajukan or diverifikasi, a correction of an
/// approved value), refused with an Indonesian reason everywhere else; and separation of duties for every role.
/// </summary>
public class WorkflowTransitionTests
{
    private const string Unit = "BID-PENTA";

    private static readonly TimeProvider Clock = TimeProvider.System;

    private static Actor Someone(Role role, string? name = null) => new(name ?? "lain." + role.ToString().ToLowerInvariant(), role, new HashSet<string> { Unit });

    private static MeasuredValue Percent(string text) => MeasuredValueParser.Parse(text, TargetKind.Number, "Persen").Value;

    /// <summary>An entry in <paramref name="state"/> whose value was entered and submitted by "penginput" (an operator).</summary>
    private static RealisasiEntry In(EntryStatus state, WorkflowRules? rules = null)
    {
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var history = new List<EntryEvent> { new(at, "penginput", EntryStatus.Draft, EntryStatus.Draft, "50%", "dibuat") };
        if (state != EntryStatus.Draft)
            history.Add(new(at, "penginput", EntryStatus.Draft, EntryStatus.Diajukan, "50%", null));
        if (state is EntryStatus.Diverifikasi or EntryStatus.Disahkan)
            history.Add(new(at, "pemeriksa", EntryStatus.Diajukan, EntryStatus.Diverifikasi, "50%", null));
        if (state == EntryStatus.Disahkan)
            history.Add(new(at, "kepala", EntryStatus.Diverifikasi, EntryStatus.Disahkan, "50%", null));
        if (state == EntryStatus.Dikembalikan)
            history.Add(new(at, "pemeriksa", EntryStatus.Diajukan, EntryStatus.Dikembalikan, "50%", "data kurang"));
        return RealisasiEntry.Restore(Unit, "IK-1", Period.OfYear(2025), Percent("50%"), RealisasiStatus.Final, null, 1, state, history, Clock, rules: rules);
    }

    public static TheoryData<string, EntryStatus, Role> Cases()
    {
        var data = new TheoryData<string, EntryStatus, Role>();
        foreach (var step in Steps.Keys)
        {
            foreach (var state in Enum.GetValues<EntryStatus>())
            {
                foreach (var role in Enum.GetValues<Role>())
                    data.Add(step, state, role);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, Action<RealisasiEntry, Actor>> Steps = new()
    {
        ["ubah"] = (e, a) => e.Edit(a, Percent("60%"), RealisasiStatus.Final, null),
        ["ajukan"] = (e, a) => e.Submit(a),
        ["verifikasi"] = (e, a) => e.Verify(a),
        ["sahkan"] = (e, a) => e.Approve(a),
        ["kembalikan"] = (e, a) => e.Return(a, "angka tidak sesuai bukti"),
        ["koreksi"] = (e, a) => e.Correct(a, Percent("61%"), RealisasiStatus.Final, null, "salah ketik"),
    };

    /// <summary>The rules as the handbook states them (who may do what from which state), written out independently of the code.</summary>
    private static bool Allowed(string step, EntryStatus state, Role role) => step switch
    {
        "ubah" or "ajukan" => state is EntryStatus.Draft or EntryStatus.Dikembalikan && role is Role.Operator or Role.Perencana or Role.Administrator,
        "verifikasi" => state == EntryStatus.Diajukan && role == Role.Verifikator,
        "sahkan" => state == EntryStatus.Diverifikasi && role is Role.Pimpinan or Role.Administrator,
        "kembalikan" => state is EntryStatus.Diajukan or EntryStatus.Diverifikasi && role is Role.Verifikator or Role.Pimpinan or Role.Administrator,
        "koreksi" => state == EntryStatus.Disahkan && role is Role.Operator or Role.Perencana or Role.Administrator,
        _ => false,
    };

    private static readonly Dictionary<string, EntryStatus?> After = new()
    {
        ["ubah"] = null,
        ["ajukan"] = EntryStatus.Diajukan,
        ["verifikasi"] = EntryStatus.Diverifikasi,
        ["sahkan"] = EntryStatus.Disahkan,
        ["kembalikan"] = EntryStatus.Dikembalikan,
        ["koreksi"] = null,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_step_from_every_state_by_every_role_is_allowed_only_where_the_rules_say(string step, EntryStatus state, Role role)
    {
        var entry = In(state);
        var before = entry.History.Count;
        var act = () => Steps[step](entry, Someone(role));
        if (Allowed(step, state, role))
        {
            act();
            Assert.Equal(After[step] ?? state, entry.Status);
            if (step != "koreksi")
                Assert.Equal(before + 1, entry.History.Count);
        }
        else
        {
            var error = Assert.Throws<WorkflowException>(act);
            // the reason is the domain's Indonesian sentence, and nothing moved
            Assert.Matches("(tidak|hanya|belum|harus)", error.Message);
            Assert.DoesNotContain("Draft", error.Message, StringComparison.Ordinal);
            Assert.Equal(state, entry.Status);
            Assert.Equal(before, entry.History.Count);
        }
    }

    [Fact]
    public void Sahkan_straight_from_draft_or_diajukan_is_refused_with_the_reason()
    {
        foreach (var state in new[] { EntryStatus.Draft, EntryStatus.Diajukan, EntryStatus.Dikembalikan })
        {
            var error = Assert.Throws<WorkflowException>(() => In(state).Approve(Someone(Role.Pimpinan)));
            Assert.Contains("belum diverifikasi", error.Message, StringComparison.Ordinal);
        }
    }

    public static TheoryData<Role> EveryRole() => [.. Enum.GetValues<Role>()];

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void Whoever_entered_a_value_cannot_verify_or_approve_it_whatever_their_role(Role role)
    {
        // the same user name holds the role at each step: they entered (or changed, or submitted) the value
        var me = Someone(role, "orang.sama");
        var entered = new[]
        {
            // created it
            Restored(EntryStatus.Diajukan, ("orang.sama", EntryStatus.Draft, EntryStatus.Draft), ("lain", EntryStatus.Draft, EntryStatus.Diajukan)),
            // changed it after someone else created it
            Restored(EntryStatus.Diajukan, ("lain", EntryStatus.Draft, EntryStatus.Draft), ("orang.sama", EntryStatus.Draft, EntryStatus.Draft), ("lain", EntryStatus.Draft, EntryStatus.Diajukan)),
            // submitted it
            Restored(EntryStatus.Diajukan, ("lain", EntryStatus.Draft, EntryStatus.Draft), ("orang.sama", EntryStatus.Draft, EntryStatus.Diajukan)),
        };
        foreach (var entry in entered)
        {
            var verify = Assert.Throws<WorkflowException>(() => entry.Verify(me));
            Assert.Equal(EntryStatus.Diajukan, entry.Status);
            if (role == Role.Verifikator)
                Assert.Contains("pemisahan tugas", verify.Message, StringComparison.Ordinal);

            // verified by someone else: still not theirs to approve
            entry.Verify(Someone(Role.Verifikator, "pemeriksa"));
            var approve = Assert.Throws<WorkflowException>(() => entry.Approve(me));
            Assert.Equal(EntryStatus.Diverifikasi, entry.Status);
            if (role is Role.Pimpinan or Role.Administrator)
                Assert.Contains("pemisahan tugas", approve.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_administrator_who_entered_and_submitted_a_value_cannot_approve_it()
    {
        var admin = Someone(Role.Administrator, "admin");
        var entry = new RealisasiEntry(Unit, "IK-8", Period.OfYear(2025), Percent("20%"), RealisasiStatus.Final, null, admin, Clock);
        entry.Submit(admin);
        entry.Verify(Someone(Role.Verifikator, "inspektorat"));
        var error = Assert.Throws<WorkflowException>(() => entry.Approve(admin));
        Assert.Contains("admin mengisi, mengubah atau mengajukan nilai ini", error.Message, StringComparison.Ordinal);
        entry.Approve(Someone(Role.Pimpinan, "kadis"));
        Assert.Equal(EntryStatus.Disahkan, entry.Status);
    }

    [Fact]
    public void An_imported_value_without_history_is_still_its_creators()
    {
        var entry = RealisasiEntry.Restore(Unit, "IK-1", Period.OfYear(2025), Percent("50%"), RealisasiStatus.Final, null, 1, EntryStatus.Diajukan, [], Clock, createdBy: "perencana.impor");
        Assert.Throws<WorkflowException>(() => entry.Verify(Someone(Role.Verifikator, "perencana.impor")));
        entry.Verify(Someone(Role.Verifikator, "pemeriksa"));
        Assert.Equal(EntryStatus.Diverifikasi, entry.Status);
    }

    [Fact]
    public void A_one_person_office_that_switched_separation_off_may_enter_verify_and_approve()
    {
        var admin = Someone(Role.Administrator, "satu.orang");
        var rules = new WorkflowRules(SeparateDuties: false);
        var entry = new RealisasiEntry(Unit, "IK-1", Period.OfYear(2025), Percent("50%"), RealisasiStatus.Final, null, admin, Clock) { Rules = rules };
        entry.Submit(admin);
        entry.Verify(admin);
        entry.Approve(admin);
        Assert.Equal(EntryStatus.Disahkan, entry.Status);
        Assert.All(entry.History, e => Assert.Equal("satu.orang", e.UserName));

        // with separation on, an administrator does not verify at all (that is the verifikator's step)
        var guarded = new RealisasiEntry(Unit, "IK-1", Period.OfYear(2025), Percent("50%"), RealisasiStatus.Final, null, Someone(Role.Operator), Clock);
        guarded.Submit(Someone(Role.Operator));
        var error = Assert.Throws<WorkflowException>(() => guarded.Verify(Someone(Role.Administrator, "admin.lain")));
        Assert.Contains("pemisahan tugas dimatikan", error.Message, StringComparison.Ordinal);
        // and still no step is skipped: sahkan only from diverifikasi
        Assert.Throws<WorkflowException>(() => In(EntryStatus.Diajukan, rules).Approve(admin));
    }

    private static RealisasiEntry Restored(EntryStatus state, params (string User, EntryStatus From, EntryStatus To)[] events) =>
        RealisasiEntry.Restore(Unit, "IK-1", Period.OfYear(2025), Percent("50%"), RealisasiStatus.Final, null, 1, state,
            events.Select(e => new EntryEvent(DateTimeOffset.UnixEpoch, e.User, e.From, e.To, "50%", e.From == e.To ? "diubah" : null)), Clock);
}
