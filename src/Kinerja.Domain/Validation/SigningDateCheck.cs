using Kinerja.Domain.Model;

namespace Kinerja.Domain.Validation;

/// <summary>
/// A report is signed after the period it reports on: an annual report dated inside its own year (seed 002 prints
/// "Jakarta, Januari 2021" under the 2021 report), or a quarterly one dated before its quarter ends, is a date the
/// signer would not put there. A warning: the date is what the source printed, and only the agency can correct it.
/// </summary>
public sealed class SigningDateCheck : IDatasetCheck
{
    public IEnumerable<Finding> Check(PerformanceDataset data)
    {
        if (data.Profile.SigningDate is not { } signed)
            yield break;
        var period = data.Profile.ReportPeriod;
        // the first month the report can be signed in: the month after the year or the quarter
        var (year, month) = period.IsQuarter ? (period.Year, period.Quarter * 3 + 1) : (period.Year + 1, 1);
        if (month > 12)
            (year, month) = (year + 1, 1);
        if (signed.Year > year || (signed.Year == year && signed.Month >= month))
            yield break;
        yield return new Finding(Severity.Warning, "tanggal-penandatanganan", "Profil", "Tanggal Penandatanganan",
            $"laporan {(period.IsQuarter ? period.Label : "tahun " + period.Label)} bertanggal {signed}, sebelum periodenya berakhir; laporan ditandatangani paling cepat {Values.SigningDate.MonthNames[month - 1]} {year}");
    }
}
