using Kinerja.Domain.DataElements;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;
using static Kinerja.Domain.Tests.Formulas.FormulaTestData;

namespace Kinerja.Domain.Tests.Formulas;

/// <summary>How counts entered at several units of the tree combine, per aggregation rule.</summary>
public class UnitTreeAggregationTests
{
    private static readonly OrgUnit[] Units =
    [
        new() { Code = "DINAS", Name = "Dinas" },
        new() { Code = "BIDANG", Name = "Bidang", ParentCode = "DINAS" },
        new() { Code = "UPT", Name = "UPT", ParentCode = "DINAS" },
    ];

    private static DataPeriod P(string text) => DataPeriod.Parse(text).Value;

    [Fact]
    public void An_average_entered_at_two_units_is_their_mean_not_their_sum()
    {
        // satisfaction index: DINAS 80 in January and February, BIDANG 90: the agency's index is 85, not 170
        var element = Element("indeks", "Indeks kepuasan", "Indeks", type: DataPeriodType.Month, aggregation: PeriodAggregation.Average);
        var store = new DataValueStore([element],
            [Value("indeks", "2025-01", 80m), Value("indeks", "2025-02", 80m), Value("indeks", "2025-01", 90m, unit: "BIDANG"), Value("indeks", "2025-02", 90m, unit: "BIDANG")],
            Units);

        Assert.Equal(85m, store.Value("indeks", "DINAS", P("2025-TW1")));
        Assert.Equal(85m, store.Value("indeks", null, P("2025")));
        Assert.Equal(90m, store.Value("indeks", "BIDANG", P("2025")));
    }

    [Fact]
    public void A_stock_adds_each_units_value_at_the_end_of_the_period()
    {
        // members at the end of March: BIDANG 20 + UPT 30 = 50 (not UPT's February 31, nor BIDANG's January 10)
        var element = Element("peserta", "Peserta", type: DataPeriodType.Month, aggregation: PeriodAggregation.Last);
        var store = new DataValueStore([element],
            [Value("peserta", "2025-01", 10m, unit: "BIDANG"), Value("peserta", "2025-03", 20m, unit: "BIDANG"), Value("peserta", "2025-02", 31m, unit: "UPT"), Value("peserta", "2025-03", 30m, unit: "UPT")],
            Units);

        Assert.Equal(50m, store.Value("peserta", "DINAS", P("2025-TW1")));
        Assert.Equal(31m, store.Value("peserta", "DINAS", P("2025-02"))); // BIDANG entered nothing in February: only UPT contributes
    }

    [Fact]
    public void A_stock_without_an_end_of_period_value_at_a_contributing_unit_has_no_value()
    {
        // /tmp/t/d2.json: DINAS last entered November (111), BIDANG December (120): not 231 for the year
        var element = Element("stok", "Stok", type: DataPeriodType.Month, aggregation: PeriodAggregation.Last);
        var store = new DataValueStore([element],
            [Value("stok", "2025-01", 101m), Value("stok", "2025-03", 103m), Value("stok", "2025-11", 111m), Value("stok", "2025-01", 10m, unit: "BIDANG"), Value("stok", "2025-02", 20m, unit: "BIDANG"), Value("stok", "2025-12", 120m, unit: "BIDANG")],
            Units);

        Assert.Null(store.Value("stok", "DINAS", P("2025")));
        Assert.Null(store.Value("stok", null, P("2025")));
        Assert.Null(store.Value("stok", "DINAS", P("2025-TW1"))); // BIDANG has January and February, not March
        Assert.Equal(120m, store.Value("stok", "BIDANG", P("2025")));
        Assert.Equal(111m, store.Value("stok", "DINAS", P("2025-01"))); // January: 101 + 10
    }

    [Fact]
    public void A_count_entered_at_a_unit_and_at_its_sub_unit_is_reported_with_both_values()
    {
        // /tmp/t/d2.json: 7 at DINAS and 5 at BIDANG for January are summed to 12 for the agency
        var data = new PerformanceDataset
        {
            Profile = new AgencyProfile { Agency = "Dinas", Year = 2025, ReportPeriod = Period.OfYear(2025) },
            Units = Units,
            DataElements = [Element("a", "Pencari kerja ditempatkan", type: DataPeriodType.Month)],
            DataValues = [Value("a", "2025-01", 7m), Value("a", "2025-01", 5m, unit: "BIDANG"), Value("a", "2025-02", 4m, unit: "BIDANG"), Value("a", "2025-02", 6m, unit: "UPT")],
        };

        var finding = Assert.Single(DatasetValidator.Check(data), f => f.Rule == "nilai-dua-tingkat");

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("a DINAS 2025-01", finding.Code);
        Assert.Equal("Pencari kerja ditempatkan 2025-01 diisi di DINAS (7) dan juga di unit bawahannya BIDANG (5); nilai unit dijumlahkan ke atas sehingga terhitung dua kali. Isi setiap data di satu tingkat saja", finding.Message);
    }
}
