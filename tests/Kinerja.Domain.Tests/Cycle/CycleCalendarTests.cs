using Kinerja.Domain.Cycle;
using Kinerja.Domain.Workflow;

namespace Kinerja.Domain.Tests.Cycle;

public class CycleCalendarTests
{
    [Fact]
    public void Defaults_follow_the_regulations_for_a_ministry_and_a_pemda()
    {
        var kl = CycleCalendar.Defaults(2026, "KL");
        var pemda = CycleCalendar.Defaults(2026, "Pemda");

        // PK: one month after a DIPA/DPA that takes effect on 1 January
        Assert.Equal(new DateOnly(2026, 1, 31), kl[CycleCalendar.Pk].Due);
        // LKjIP to KemenPANRB: two months after the year (K/L), three months (Pemda); 2027 is not a leap year
        Assert.Equal(new DateOnly(2027, 2, 28), kl[CycleCalendar.LkjipInstansi].Due);
        Assert.Equal(new DateOnly(2027, 3, 31), pemda[CycleCalendar.LkjipInstansi].Due);
        Assert.Equal(new DateOnly(2027, 1, 31), kl[CycleCalendar.LkjipUnit].Due);
        Assert.Equal(new DateOnly(2027, 2, 28), pemda[CycleCalendar.LkjipUnit].Due);
        // a leap year's February
        Assert.Equal(new DateOnly(2028, 2, 29), CycleCalendar.Defaults(2027, "KL")[CycleCalendar.LkjipInstansi].Due);
    }

    [Theory]
    [InlineData(1, "2026-04-01", "2026-04-10", "2026-04-20", "2026-04-30")]
    [InlineData(2, "2026-07-01", "2026-07-10", "2026-07-20", "2026-07-30")]
    [InlineData(3, "2026-10-01", "2026-10-10", "2026-10-20", "2026-10-30")]
    [InlineData(4, "2027-01-01", "2027-01-10", "2027-01-20", "2027-01-30")]
    public void Every_quarter_opens_the_day_after_it_ends_and_is_due_ten_days_later(int quarter, string opens, string entryDue, string verificationDue, string closes)
    {
        var c = CycleCalendar.Defaults(2026, "Pemda");
        var entry = c[CycleCalendar.EntryKey(quarter)];
        Assert.Equal(DateOnly.Parse(opens, System.Globalization.CultureInfo.InvariantCulture), entry.Opens);
        Assert.Equal(DateOnly.Parse(entryDue, System.Globalization.CultureInfo.InvariantCulture), entry.Due);
        Assert.Equal(DateOnly.Parse(closes, System.Globalization.CultureInfo.InvariantCulture), entry.Closes);
        Assert.Equal(DateOnly.Parse(verificationDue, System.Globalization.CultureInfo.InvariantCulture), c[CycleCalendar.VerificationKey(quarter)].Due);
        Assert.Equal($"2026-TW{quarter}", entry.Period);
    }

    [Fact]
    public void Steps_are_listed_by_due_date_and_every_default_names_its_rule()
    {
        var c = CycleCalendar.Defaults(2026, "KL");
        Assert.Equal(13, c.Steps.Count);
        Assert.Equal(CycleCalendar.Pk, c.Steps[0].Key);
        Assert.True(c.Steps.Zip(c.Steps.Skip(1)).All(p => p.First.Due <= p.Second.Due));
        Assert.All(c.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Rule)));
        Assert.All(c.Steps, s => Assert.True(s.Opens <= s.Due && s.Due <= s.Closes, s.Key));
    }

    [Fact]
    public void An_override_replaces_one_step_and_says_who_set_it()
    {
        var c = CycleCalendar.For(2026, "KL", [new CycleOverride(CycleCalendar.Pk, new(2026, 1, 5), new(2026, 2, 15), new(2026, 3, 31)), new CycleOverride("tidak-ada", new(2026, 1, 1), new(2026, 1, 1), new(2026, 1, 1))]);
        Assert.Equal(new DateOnly(2026, 2, 15), c[CycleCalendar.Pk].Due);
        Assert.Equal("Ditetapkan administrator instansi", c[CycleCalendar.Pk].Rule);
        Assert.Equal(new DateOnly(2026, 4, 10), c[CycleCalendar.EntryKey(1)].Due);
        Assert.False(c.TryGet("tidak-ada", out _));
        Assert.NotNull(CycleCalendar.Problem(new CycleOverride(CycleCalendar.Pk, new(2026, 2, 1), new(2026, 1, 1), new(2026, 3, 1))));
        Assert.NotNull(CycleCalendar.Problem(new CycleOverride(CycleCalendar.Pk, new(2026, 1, 1), new(2026, 4, 1), new(2026, 3, 1))));
        Assert.Null(CycleCalendar.Problem(new CycleOverride(CycleCalendar.Pk, new(2026, 1, 1), new(2026, 1, 1), new(2026, 1, 1))));
    }

    [Theory]
    [InlineData("2026-TW1", 1)]
    [InlineData("2026-tw3", 3)]
    [InlineData("2026", 4)]
    [InlineData("2026-S1", 2)]
    [InlineData("2026-S2", 4)]
    [InlineData("2025-TW1", null)]
    [InlineData("2026-TW5", null)]
    public void A_period_reports_with_its_quarter(string period, int? quarter) => Assert.Equal(quarter, CycleCalendar.QuarterOf(period, 2026));

    [Fact]
    public void Walking_the_first_quarter_belum_then_terlambat_then_waiting_for_verification_then_done()
    {
        var c = CycleCalendar.Defaults(2026, "KL");
        var beforeOpen = CycleStatus.Of(c, 1, null, new DateOnly(2026, 3, 20));
        Assert.Equal(CycleState.Belum, beforeOpen.State);
        Assert.False(beforeOpen.Open);
        Assert.Equal(21, beforeOpen.Days); // 20 March to 10 April

        var dueDay = CycleStatus.Of(c, 1, EntryStatus.Draft, new DateOnly(2026, 4, 10));
        Assert.Equal((CycleState.Belum, 0, "hari ini"), (dueDay.State, dueDay.Days!.Value, dueDay.DaysText));
        Assert.True(dueDay.Open);

        var late = CycleStatus.Of(c, 1, EntryStatus.Dikembalikan, new DateOnly(2026, 4, 15));
        Assert.Equal((CycleState.Terlambat, -5, "terlambat 5 hari"), (late.State, late.Days!.Value, late.DaysText));
        Assert.True(late.IsLate);

        var submitted = CycleStatus.Of(c, 1, EntryStatus.Diajukan, new DateOnly(2026, 4, 15));
        Assert.Equal((CycleState.Diajukan, "verifikasi", 5, "5 hari lagi"), (submitted.State, submitted.WaitingFor, submitted.Days!.Value, submitted.DaysText));

        var verified = CycleStatus.Of(c, 1, EntryStatus.Diverifikasi, new DateOnly(2026, 5, 2));
        Assert.Equal((CycleState.Diverifikasi, "sahkan", -2), (verified.State, verified.WaitingFor, verified.Days!.Value));

        var done = CycleStatus.Of(c, 1, EntryStatus.Disahkan, new DateOnly(2026, 12, 31));
        Assert.Equal((CycleState.Disahkan, "", false), (done.State, done.DaysText, done.IsLate));
    }

    [Fact]
    public void The_pk_is_due_then_late_then_signed_late()
    {
        var pk = CycleCalendar.Defaults(2026, "Pemda")[CycleCalendar.Pk];
        Assert.Equal(CycleState.Belum, CycleStatus.OfStep(pk, null, new DateOnly(2026, 1, 20)).State);
        Assert.Equal(11, CycleStatus.OfStep(pk, null, new DateOnly(2026, 1, 20)).Days);
        var late = CycleStatus.OfStep(pk, null, new DateOnly(2026, 2, 3));
        Assert.Equal((CycleState.Terlambat, -3), (late.State, late.Days!.Value));
        var signedLate = CycleStatus.OfStep(pk, new DateOnly(2026, 2, 3), new DateOnly(2026, 6, 1));
        Assert.Equal((CycleState.Disahkan, -3), (signedLate.State, signedLate.Days!.Value));
    }
}
