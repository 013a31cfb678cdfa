using Kinerja.Domain.DataElements;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;
using static Kinerja.Domain.Tests.Formulas.FormulaTestData;

namespace Kinerja.Domain.Tests.Formulas;

public class DataValueStoreTests
{
    private static readonly OrgUnit[] Units =
    [
        new() { Code = "DINAS", Name = "Dinas" },
        new() { Code = "BIDANG-TK", Name = "Bidang Tenaga Kerja", ParentCode = "DINAS" },
        new() { Code = "SEKSI-PENEMPATAN", Name = "Seksi Penempatan", ParentCode = "BIDANG-TK" },
        new() { Code = "UPT-BLK", Name = "UPT BLK", ParentCode = "DINAS" },
    ];

    private static DataPeriod P(string text) => DataPeriod.Parse(text).Value;

    [Fact]
    public void Weekly_flows_add_up_to_the_month_the_quarter_and_the_year()
    {
        // 002 Tabel 3.3: Januari 3.770 + 3.142 + 1.985 + 2.237 = 11.134; Februari 7.232; Maret 15.846
        var element = Element("pencaker_aktif", "Pencari kerja aktif", type: DataPeriodType.Week);
        decimal[][] weeks = [[3770, 3142, 1985, 2237], [1354, 1558, 1993, 2327], [4200, 2731, 3636, 5279]];
        var values = weeks.SelectMany((w, m) => w.Select((v, i) => Value("pencaker_aktif", $"2021-{m + 1:00}-W{i + 1}", v, unit: "PUSAT"))).ToList();
        var store = new DataValueStore([element], values);

        Assert.Equal(11_134m, store.Value("pencaker_aktif", "PUSAT", P("2021-01")));
        Assert.Equal(11_134m + 7_232m + 15_846m, store.Value("pencaker_aktif", "PUSAT", P("2021-TW1")));
        Assert.Equal(34_212m, store.Value("pencaker_aktif", "PUSAT", P("2021")));
        Assert.Null(store.Value("pencaker_aktif", "PUSAT", P("2021-TW2")));
    }

    [Fact]
    public void A_stock_takes_the_latest_value_of_the_period()
    {
        var element = Element("peserta", "Peserta BPJS", type: DataPeriodType.Month, aggregation: PeriodAggregation.Last);
        var store = new DataValueStore([element], [Value("peserta", "2026-01", 47_000_000m), Value("peserta", "2026-03", 47_951_794m), Value("peserta", "2026-02", 47_500_000m)]);

        Assert.Equal(47_951_794m, store.Value("peserta", "DINAS", P("2026-TW1")));
        Assert.Equal(47_500_000m, store.Value("peserta", "DINAS", P("2026-02")));
    }

    [Fact]
    public void A_unit_holds_the_sum_of_its_subtree()
    {
        var element = Element("ditempatkan", "Ditempatkan", breakdowns: "jalur: PKWT, penempatan");
        var store = new DataValueStore([element],
            [Value("ditempatkan", "2025", 338m, "jalur:PKWT", "SEKSI-PENEMPATAN"), Value("ditempatkan", "2025", 544m, "jalur:penempatan", "SEKSI-PENEMPATAN"), Value("ditempatkan", "2025", 10m, "jalur:PKWT", "UPT-BLK")],
            Units);

        Assert.Equal(892m, store.Value("ditempatkan", "DINAS", P("2025")));
        Assert.Equal(882m, store.Value("ditempatkan", "BIDANG-TK", P("2025")));
        Assert.Equal(348m, store.Value("ditempatkan", "DINAS", P("2025"), [new BreakdownOption("jalur", "PKWT")]));
        Assert.Equal(892m, store.Value("ditempatkan", null, P("2025")));
    }

    [Fact]
    public void An_entered_total_wins_over_parts_that_do_not_add_up_and_filters_read_the_parts()
    {
        // 003 l.478-480: 515 + 1.274 = 1.789 but the total printed and used is 1.762
        var element = Element("terdaftar", "Terdaftar", breakdowns: "jalur: pelatihan_kerja, antar_kerja");
        var store = new DataValueStore([element], [Value("terdaftar", "2025", 515m, "jalur:pelatihan_kerja"), Value("terdaftar", "2025", 1274m, "jalur:antar_kerja"), Value("terdaftar", "2025", 1762m)]);

        Assert.Equal(1_762m, store.Value("terdaftar", "DINAS", P("2025")));
        Assert.Equal(1_274m, store.Value("terdaftar", "DINAS", P("2025"), [new BreakdownOption("jalur", "antar_kerja")]));
    }

    [Fact]
    public void A_period_finer_than_the_collection_has_no_value()
    {
        var store = new DataValueStore([Element("x", "X", type: DataPeriodType.Year)], [Value("x", "2025", 5m)]);

        Assert.Null(store.Value("x", "DINAS", P("2025-TW1")));
        Assert.Equal(5m, store.Value("x", "DINAS", P("2025")));
    }
}

public class DataPeriodTests
{
    [Theory]
    [InlineData("2021", DataPeriodType.Year, "2021", "2021")]
    [InlineData("2021-TW2", DataPeriodType.Quarter, "2021-TW2", "Triwulan II 2021")]
    [InlineData("2021-q2", DataPeriodType.Quarter, "2021-TW2", "Triwulan II 2021")]
    [InlineData("2021-03", DataPeriodType.Month, "2021-03", "Maret 2021")]
    [InlineData("2021-03-W2", DataPeriodType.Week, "2021-03-W2", "Minggu II Maret 2021")]
    [InlineData("2021-03-M2", DataPeriodType.Week, "2021-03-W2", "Minggu II Maret 2021")]
    public void Periods_parse_and_print_the_indonesian_way(string text, DataPeriodType type, string canonical, string label)
    {
        var period = DataPeriod.Parse(text).Value;

        Assert.Equal(type, period.Type);
        Assert.Equal(canonical, period.ToString());
        Assert.Equal(label, period.Label);
    }

    [Theory]
    [InlineData("2021-13")]
    [InlineData("2021-03-W6")]
    [InlineData("21-03")]
    [InlineData("Maret 2021")]
    public void Doubtful_periods_are_refused(string text)
    {
        Assert.False(DataPeriod.Parse(text).Success);
    }

    [Fact]
    public void A_quarter_splits_into_its_months_and_weeks_of_those_months()
    {
        var quarter = DataPeriod.OfQuarter(2021, 2);

        Assert.Equal(["2021-04", "2021-05", "2021-06"], quarter.Split(DataPeriodType.Month).Select(p => p.ToString()));
        Assert.Equal(15, quarter.Split(DataPeriodType.Week).Count());
        Assert.True(DataPeriod.OfWeek(2021, 5, 3).IsWithin(quarter));
        Assert.False(DataPeriod.OfMonth(2021, 7).IsWithin(quarter));
    }
}
