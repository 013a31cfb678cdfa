using Kinerja.Domain.Cycle;

namespace Kinerja.Domain.Tests.Cycle;

public class ReminderPlanTests
{
    [Fact]
    public void Walking_the_first_quarter_day_by_day_gives_sebelum_then_lewat_then_nothing_after_it_closes()
    {
        var entry = CycleCalendar.Defaults(2026, "KL")[CycleCalendar.EntryKey(1)]; // due 10 April, closes 30 April
        var days = new Dictionary<ReminderKind, List<DateOnly>> { [ReminderKind.Sebelum] = [], [ReminderKind.Lewat] = [] };
        for (var d = new DateOnly(2026, 3, 1); d <= new DateOnly(2026, 6, 30); d = d.AddDays(1))
        {
            if (ReminderPlan.KindOn(entry.Due, entry.Closes, d) is { } kind)
                days[kind].Add(d);
        }

        // the window in which each is sent (once, by its key) or caught up after a missed run
        Assert.Equal(new DateOnly(2026, 4, 7), days[ReminderKind.Sebelum][0]);
        Assert.Equal(new DateOnly(2026, 4, 10), days[ReminderKind.Sebelum][^1]);
        Assert.Equal(4, days[ReminderKind.Sebelum].Count);
        Assert.Equal(new DateOnly(2026, 4, 11), days[ReminderKind.Lewat][0]);
        Assert.Equal(new DateOnly(2026, 4, 30), days[ReminderKind.Lewat][^1]);
        Assert.Equal(20, days[ReminderKind.Lewat].Count);
    }

    [Fact]
    public void The_key_names_the_thing_the_action_the_kind_and_the_person()
    {
        var a = ReminderPlan.Key(7, 2026, "realisasi|IKU-1|2026-TW1", "isi", ReminderKind.Sebelum, "u1");
        Assert.Equal("7|2026|realisasi|IKU-1|2026-TW1|isi|Sebelum|u1", a);
        Assert.NotEqual(a, ReminderPlan.Key(7, 2026, "realisasi|IKU-1|2026-TW1", "isi", ReminderKind.Lewat, "u1"));
        Assert.NotEqual(a, ReminderPlan.Key(7, 2026, "realisasi|IKU-1|2026-TW1", "isi", ReminderKind.Sebelum, "u2"));
    }

    [Fact]
    public void The_messages_are_in_Indonesian_with_the_date_the_days_and_the_link()
    {
        var before = ReminderPlan.Compose("k", ReminderKind.Sebelum, "Operator Dinas", "isi", "Realisasi IKU-1 TW 1 2026", "Dinas Contoh", new DateOnly(2026, 4, 10), new DateOnly(2026, 4, 7), "https://kinerja.example/instansi/1/2026/realisasi/IKU-1/2026-TW1");
        Assert.Equal("[Kinerja] Batas waktu 10 April 2026: Realisasi IKU-1 TW 1 2026", before.Subject);
        Assert.Equal("Yth. Operator Dinas,\n\nRealisasi IKU-1 TW 1 2026 pada Dinas Contoh harus diisi dan diajukan paling lambat 10 April 2026 (3 hari lagi).\n\n"
            + "Buka: https://kinerja.example/instansi/1/2026/realisasi/IKU-1/2026-TW1\n\n"
            + "Pesan ini dikirim otomatis oleh Kinerja. Pengiriman surel dapat dimatikan di halaman Akun; pemberitahuan tetap ada di aplikasi.", before.Body);

        var late = ReminderPlan.Compose("k", ReminderKind.Lewat, "Kepala Dinas", "tanda tangani", "Perjanjian Kinerja 2026", "Dinas Contoh", new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 3), "/instansi/1/2026/pk");
        Assert.Equal("[Kinerja] Terlambat 3 hari: Perjanjian Kinerja 2026", late.Subject);
        Assert.Contains("Perjanjian Kinerja 2026 pada Dinas Contoh seharusnya sudah ditandatangani paling lambat 31 Januari 2026 dan kini terlambat 3 hari.", late.Body);

        var today = ReminderPlan.Compose("k", ReminderKind.Sebelum, "Verifikator", "verifikasi", "Realisasi IKU-2 TW 2 2026", "Dinas Contoh", new DateOnly(2026, 7, 20), new DateOnly(2026, 7, 20), "/x");
        Assert.Contains("harus diverifikasi hari ini, 20 Juli 2026.", today.Body);
    }

    [Fact]
    public void A_retried_email_is_the_first_message_again_from_the_stored_title_text_and_link()
    {
        var key = ReminderPlan.Key(1, 2026, "realisasi/IKU-1/2026-TW1", "isi", ReminderKind.Lewat, "u1");
        var link = "https://kinerja.example/instansi/1/2026/realisasi/IKU-1/2026-TW1";
        var first = ReminderPlan.Compose(key, ReminderKind.Lewat, "Operator Dinas", "isi", "Realisasi IKU-1 TW 1 2026", "Dinas Contoh", new DateOnly(2026, 4, 10), new DateOnly(2026, 4, 12), link);
        // what the app stores: the subject without its prefix, the body's sentence
        var again = ReminderPlan.Resend(key, "Operator Dinas", "Terlambat 2 hari: Realisasi IKU-1 TW 1 2026",
            "Realisasi IKU-1 TW 1 2026 pada Dinas Contoh seharusnya sudah diisi dan diajukan paling lambat 10 April 2026 dan kini terlambat 2 hari.", link);
        Assert.Equal((first.Subject, first.Body, ReminderKind.Lewat), (again.Subject, again.Body, again.Kind));
    }
}
