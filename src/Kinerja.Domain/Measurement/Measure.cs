using Kinerja.Domain.Formulas;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Measurement;

/// <summary>
/// The one way a dataset is measured, shared by <c>compute</c>, <c>check</c> and the reports: realisasi
/// computed from counts wherever the counts give one (<see cref="FormulaRealisasi.Apply"/>), typed realisasi
/// elsewhere; then the capaian table. A printed capaian is judged against exactly these figures.
/// </summary>
public static class Measure
{
    /// <summary>The dataset as measured: computed realisasi in place of typed ones where the counts give a value.</summary>
    public static PerformanceDataset Prepare(PerformanceDataset typed) => FormulaRealisasi.Apply(typed);

    public static PerformanceResult Compute(PerformanceDataset typed, Period? period = null) =>
        PerformanceCalculator.Compute(Prepare(typed), period);
}
