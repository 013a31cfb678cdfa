using Kinerja.Domain.Model;
using Kinerja.Domain.Values;
using Kinerja.Domain.Workflow;

namespace Kinerja.Domain.Tests;

public class RealisasiWorkflowTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly Actor Operator = new("operator.penta", Role.Operator, new HashSet<string> { "BID-PENTA" });
    private static readonly Actor OtherOperator = new("operator.hi", Role.Operator, new HashSet<string> { "BID-HI" });
    private static readonly Actor Verifikator = new("inspektorat", Role.Verifikator, new HashSet<string> { "BID-PENTA" });
    private static readonly Actor Pimpinan = new("kadis", Role.Pimpinan, new HashSet<string> { "BID-PENTA" });

    private static MeasuredValue Percent(string text) => MeasuredValueParser.Parse(text, TargetKind.Number, "Persen").Value;

    private static (RealisasiEntry Entry, FixedClock Clock) Draft()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        return (new RealisasiEntry("BID-PENTA", "IK-1", Period.OfYear(2025), Percent("50,05%"), RealisasiStatus.Final, null, Operator, clock), clock);
    }

    [Fact]
    public void A_realisasi_moves_from_draft_to_disahkan_and_every_step_is_recorded()
    {
        var (entry, clock) = Draft();
        entry.Submit(Operator);
        clock.Now = clock.Now.AddDays(2);
        entry.Verify(Verifikator);
        entry.Approve(Pimpinan);
        Assert.Equal(EntryStatus.Disahkan, entry.Status);
        Assert.Equal(["dibuat", null, null, null], entry.History.Select(h => h.Reason));
        Assert.Equal([EntryStatus.Draft, EntryStatus.Diajukan, EntryStatus.Diverifikasi, EntryStatus.Disahkan], entry.History.Select(h => h.To));
        Assert.Equal("inspektorat", entry.History[2].UserName);
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.FromHours(8)), entry.History[2].At);
    }

    [Fact]
    public void Approved_realisasi_cannot_be_edited_and_a_correction_is_a_new_version()
    {
        var (entry, _) = Draft();
        entry.Submit(Operator);
        entry.Verify(Verifikator);
        entry.Approve(Pimpinan);
        var error = Assert.Throws<WorkflowException>(() => entry.Edit(Operator, Percent("51%"), RealisasiStatus.Final, null));
        Assert.Contains("versi baru", error.Message, StringComparison.Ordinal);
        var corrected = entry.Correct(Operator, Percent("50,06%"), RealisasiStatus.Final, null, "salah ketik");
        Assert.Equal(2, corrected.Version);
        Assert.Equal(EntryStatus.Draft, corrected.Status);
        Assert.Equal("50,05%", entry.Value!.Original); // the approved version is untouched
        Assert.Contains("koreksi atas versi 1", corrected.History[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_returned_realisasi_needs_a_reason_and_can_be_fixed_and_resubmitted()
    {
        var (entry, _) = Draft();
        entry.Submit(Operator);
        Assert.Throws<WorkflowException>(() => entry.Return(Verifikator, " "));
        entry.Return(Verifikator, "bukti dukung belum lengkap");
        Assert.Equal(EntryStatus.Dikembalikan, entry.Status);
        entry.Edit(Operator, Percent("49,9%"), RealisasiStatus.Final, null);
        entry.Submit(Operator);
        Assert.Equal(EntryStatus.Diajukan, entry.Status);
    }

    [Fact]
    public void Nobody_acts_outside_their_role_or_their_units()
    {
        var (entry, _) = Draft();
        Assert.Throws<WorkflowException>(() => entry.Verify(Verifikator)); // not submitted yet
        Assert.Throws<WorkflowException>(() => entry.Submit(OtherOperator)); // another unit
        entry.Submit(Operator);
        Assert.Throws<WorkflowException>(() => entry.Approve(Pimpinan)); // not verified yet
        Assert.Throws<WorkflowException>(() => entry.Verify(Operator)); // wrong role
        Assert.Throws<WorkflowException>(() => new RealisasiEntry("BID-PENTA", "IK-1", Period.OfYear(2025), null, RealisasiStatus.NotAvailable, "x", OtherOperator, TimeProvider.System));
    }

    [Fact]
    public void Not_available_needs_its_reason_before_submission()
    {
        var entry = new RealisasiEntry("BID-PENTA", "IKU-1.4", Period.OfQuarter(2026, 1), null, RealisasiStatus.NotAvailable, null, Operator, TimeProvider.System);
        Assert.Throws<WorkflowException>(() => entry.Submit(Operator));
        entry.Edit(Operator, null, RealisasiStatus.NotAvailable, "penilaian setelah peserta magang selesai");
        entry.Submit(Operator);
        Assert.Equal(EntryStatus.Diajukan, entry.Status);
    }
}
