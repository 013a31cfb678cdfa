using System.Globalization;

namespace Kinerja.Domain.Cycle;

public enum ReminderKind
{
    /// <summary>A few days before the due date.</summary>
    Sebelum,

    /// <summary>The due date has passed and the step is not done.</summary>
    Lewat,
}

/// <summary>A reminder to send for one person and one thing to do; <see cref="Key"/> is unique, so it is sent once.</summary>
public sealed record ReminderMessage(string Key, ReminderKind Kind, string Subject, string Body, string Link);

/// <summary>
/// When reminders fall due and what they say. A run on any day sends what is due that day and what a
/// missed run would have sent that still matters: "sebelum" from <see cref="DaysBefore"/> days before the
/// due date until the due date, "lewat" from the day after until the step closes. The unique key keeps
/// each reminder to one sending, however many runs and app servers see it.
/// </summary>
public static class ReminderPlan
{
    public const int DaysBefore = 3;

    // spelled out here: the domain runs in globalization-invariant mode, where no id-ID culture exists
    private static readonly string[] Months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    /// <summary>"10 April 2026".</summary>
    public static string DateText(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Day} {Months[d.Month - 1]} {d.Year}");

    /// <summary>Which reminder a step wants today, if any.</summary>
    public static ReminderKind? KindOn(DateOnly due, DateOnly closes, DateOnly today) =>
        today > due && today <= closes ? ReminderKind.Lewat
        : today <= due && today.DayNumber >= due.DayNumber - DaysBefore ? ReminderKind.Sebelum
        : null;

    /// <summary>The unique key: instansi, year, the thing (e.g. "realisasi|IKU-1|2026-TW1"), the action, the kind and the person.</summary>
    public static string Key(int agencyId, int year, string thing, string action, ReminderKind kind, string userId) =>
        string.Create(CultureInfo.InvariantCulture, $"{agencyId}|{year}|{thing}|{action}|{kind}|{userId}");

    /// <summary>The message in Bahasa Indonesia, with the link to the record.</summary>
    public static ReminderMessage Compose(string key, ReminderKind kind, string person, string action, string what, string agency, DateOnly due, DateOnly today, string link)
    {
        var date = DateText(due);
        var verb = action switch
        {
            "isi" => "diisi dan diajukan",
            "verifikasi" => "diverifikasi",
            "sahkan" => "disahkan",
            "tanda tangani" => "ditandatangani",
            _ => "diselesaikan",
        };
        var late = today.DayNumber - due.DayNumber;
        var subject = kind == ReminderKind.Lewat
            ? $"[Kinerja] Terlambat {late} hari: {what}"
            : $"[Kinerja] Batas waktu {date}: {what}";
        var when = kind == ReminderKind.Lewat
            ? $"seharusnya sudah {verb} paling lambat {date} dan kini terlambat {late} hari"
            : due == today ? $"harus {verb} hari ini, {date}" : $"harus {verb} paling lambat {date} ({due.DayNumber - today.DayNumber} hari lagi)";
        return new ReminderMessage(key, kind, subject, Body(person, $"{what} pada {agency} {when}.", link), link);
    }

    /// <summary>
    /// The e-mail of a reminder sent again after a failed attempt, from what the app stored (its title and sentence, as
    /// first composed: a late reminder still says the days late of its first day).
    /// </summary>
    public static ReminderMessage Resend(string key, string person, string title, string text, string link) =>
        new(key, key.Contains($"|{ReminderKind.Lewat}|", StringComparison.Ordinal) ? ReminderKind.Lewat : ReminderKind.Sebelum, "[Kinerja] " + title, Body(person, text, link), link);

    private static string Body(string person, string sentence, string link) =>
        $"Yth. {person},\n\n{sentence}\n\nBuka: {link}\n\n"
            + "Pesan ini dikirim otomatis oleh Kinerja. Pengiriman surel dapat dimatikan di halaman Akun; pemberitahuan tetap ada di aplikasi.";
}
