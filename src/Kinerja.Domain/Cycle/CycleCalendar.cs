namespace Kinerja.Domain.Cycle;

/// <summary>
/// One step of the SAKIP year with its window: it may be done from <see cref="Opens"/>, is due on
/// <see cref="Due"/> (late after it) and closes on <see cref="Closes"/> (the period lock reads this).
/// <see cref="Rule"/> says where the default comes from, so a planner can see why the date is what it is.
/// </summary>
public sealed record CycleStep(string Key, string Label, string Period, DateOnly Opens, DateOnly Due, DateOnly Closes, string Rule)
{
    /// <summary>Days from <paramref name="today"/> to the due date: positive left, zero today, negative late.</summary>
    public int DaysToDue(DateOnly today) => Due.DayNumber - today.DayNumber;

    public bool IsOpen(DateOnly today) => today >= Opens;
}

/// <summary>A date an administrator set for one step of one instansi's year, replacing the default.</summary>
public sealed record CycleOverride(string Key, DateOnly Opens, DateOnly Due, DateOnly Closes);

/// <summary>The schedule of one instansi's year: every step with its window, defaults from the regulations, overrides applied.</summary>
public sealed class CycleCalendar
{
    public const string Pk = "pk";
    public const string PkPerubahan = "pk-perubahan";
    public const string LkjipUnit = "lkjip-unit";
    public const string LkjipInstansi = "lkjip-instansi";
    public const string Publikasi = "publikasi";

    private readonly Dictionary<string, CycleStep> _steps;

    private CycleCalendar(int year, IEnumerable<CycleStep> steps)
    {
        Year = year;
        _steps = steps.ToDictionary(s => s.Key, StringComparer.Ordinal);
        Steps = [.. _steps.Values.OrderBy(s => s.Due).ThenBy(s => s.Key, StringComparer.Ordinal)];
    }

    public int Year { get; }

    /// <summary>The steps in order of their due date.</summary>
    public IReadOnlyList<CycleStep> Steps { get; }

    public CycleStep this[string key] => _steps[key];

    public bool TryGet(string key, out CycleStep step) => _steps.TryGetValue(key, out step!);

    public static string EntryKey(int quarter) => $"realisasi-tw{Check(quarter)}";

    public static string VerificationKey(int quarter) => $"verifikasi-tw{Check(quarter)}";

    /// <summary>The quarter whose realisasi a period ("2026-TW2", "2026-S1", "2026") is entered with; a year or semester reports with its last quarter.</summary>
    public static int? QuarterOf(string period, int year)
    {
        var p = period.Trim().ToUpperInvariant();
        var y = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (p == y)
            return 4;
        if (p.StartsWith(y + "-TW", StringComparison.Ordinal) && p.Length == y.Length + 4 && p[^1] is >= '1' and <= '4')
            return p[^1] - '0';
        if (p == y + "-S1")
            return 2;
        if (p == y + "-S2")
            return 4;
        return null;
    }

    /// <summary>
    /// The defaults for a year: <paramref name="kind"/> "KL" (a ministry or its unit) or "Pemda".
    /// Which rule gives each date, and how sure we are of it, is written in docs/cycle.md.
    /// </summary>
    public static CycleCalendar Defaults(int year, string kind)
    {
        var pemda = string.Equals(kind, "Pemda", StringComparison.OrdinalIgnoreCase);
        var steps = new List<CycleStep>
        {
            new(Pk, "Penandatanganan Perjanjian Kinerja", Y(year), new(year, 1, 1), new(year, 1, 31), new(year, 12, 31),
                "PermenPANRB 53/2014: PK ditetapkan paling lambat satu bulan setelah DIPA/DPA disahkan (DIPA/DPA berlaku 1 Januari)"),
            new(PkPerubahan, "Perjanjian Kinerja Perubahan", Y(year), new(year, 7, 1), new(year, 10, 31), new(year, 12, 31),
                "PermenPANRB 53/2014 (PK disesuaikan bila anggaran berubah) dengan perubahan APBD/revisi DIPA paling lambat akhir September; satu bulan sesudahnya"),
        };
        for (var q = 1; q <= 4; q++)
        {
            var end = new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1);
            var period = $"{year}-TW{q}";
            steps.Add(new(EntryKey(q), $"Pengisian realisasi TW {Roman(q)}", period, end.AddDays(1), end.AddDays(10), end.AddDays(30),
                "Tidak ada tanggal nasional; kebiasaan pemantauan triwulanan (Permendagri 86/2017, PP 8/2006): 10 hari setelah triwulan berakhir"));
            steps.Add(new(VerificationKey(q), $"Verifikasi realisasi TW {Roman(q)}", period, end.AddDays(1), end.AddDays(20), end.AddDays(30),
                "Tidak ada tanggal nasional; 10 hari sesudah batas pengisian, sebelum periode ditutup 30 hari setelah triwulan berakhir"));
        }

        var lkjipDue = pemda ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 3, 1).AddDays(-1);
        var unitDue = pemda ? new DateOnly(year + 1, 3, 1).AddDays(-1) : new DateOnly(year + 1, 1, 31);
        steps.Add(new(LkjipUnit, "Laporan Kinerja unit kerja kepada pimpinan", Y(year), new(year + 1, 1, 1), unitDue, lkjipDue,
            pemda ? "PermenPANRB 53/2014: LKjIP perangkat daerah kepada kepala daerah paling lambat 2 bulan setelah tahun anggaran berakhir"
                  : "PermenPANRB 53/2014: LKj unit kerja (eselon I/satker) kepada pimpinan paling lambat 1 bulan setelah tahun anggaran berakhir"));
        steps.Add(new(LkjipInstansi, pemda ? "LKjIP Pemda kepada Presiden melalui MenPANRB" : "LKj K/L kepada Presiden melalui MenPANRB", Y(year), new(year + 1, 1, 1), lkjipDue, lkjipDue.AddMonths(1),
            pemda ? "Perpres 29/2014 Pasal 19 dan PermenPANRB 53/2014: paling lambat 3 bulan (31 Maret) setelah tahun anggaran berakhir"
                  : "Perpres 29/2014 Pasal 19 dan PermenPANRB 53/2014: paling lambat 2 bulan (akhir Februari) setelah tahun anggaran berakhir"));
        steps.Add(new(Publikasi, "Publikasi PK dan LKjIP di situs instansi", Y(year), new(year, 1, 1), lkjipDue, new(year + 1, 12, 31),
            "PermenPANRB 53/2014 (PK dan Laporan Kinerja dipublikasikan) dan LKE PermenPANRB 88/2021 (tepat waktu): paling lambat saat LKjIP disampaikan"));
        return new CycleCalendar(year, steps);
    }

    /// <summary>The defaults with an administrator's dates in place of the default ones; an override for an unknown step is ignored.</summary>
    public static CycleCalendar For(int year, string kind, IEnumerable<CycleOverride> overrides)
    {
        var defaults = Defaults(year, kind);
        var set = overrides.ToDictionary(o => o.Key, StringComparer.Ordinal);
        return new CycleCalendar(year, defaults.Steps.Select(s => set.TryGetValue(s.Key, out var o)
            ? s with { Opens = o.Opens, Due = o.Due, Closes = o.Closes, Rule = "Ditetapkan administrator instansi" }
            : s));
    }

    /// <summary>Why an override cannot be saved, in Bahasa Indonesia; null when it is valid.</summary>
    public static string? Problem(CycleOverride o) =>
        o.Opens > o.Due ? "tanggal dibuka harus sebelum atau sama dengan batas waktu"
        : o.Due > o.Closes ? "batas waktu harus sebelum atau sama dengan tanggal ditutup"
        : null;

    public static string Roman(int quarter) => Check(quarter) switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };

    private static int Check(int quarter) => quarter is >= 1 and <= 4 ? quarter : throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "triwulan 1 sampai 4");

    private static string Y(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
