namespace Kinerja.Domain.Cycle;

/// <summary>
/// A realisasi or target changed after its period closed, under an administrator's reopening (issue 21). The Laporan
/// Kinerja of the year lists every one of them ("diubah setelah periode ditutup"), so that no value changed after
/// closing reaches the report without saying so.
/// </summary>
/// <param name="ChangedOn">the day (WIB) of the change.</param>
/// <param name="What">the change in words ("realisasi IK-1 2025-TW1").</param>
/// <param name="Reason">the reason the period was reopened.</param>
public sealed record LateChange(string Indicator, string Period, string Unit, DateOnly ChangedOn, string User, string What, string Reason);
