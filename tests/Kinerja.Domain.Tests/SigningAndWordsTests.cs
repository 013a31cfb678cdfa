using Kinerja.Domain.Model;
using Kinerja.Domain.Narratives;
using Kinerja.Domain.Signing;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests;

public class SigningAndWordsTests
{
    [Theory]
    [InlineData(11, "sebelas")]
    [InlineData(100, "seratus")]
    [InlineData(1000, "seribu")]
    [InlineData(111, "seratus sebelas")]
    [InlineData(19, "sembilan belas")]
    [InlineData(1_001_000, "satu juta seribu")]
    [InlineData(2_011_000, "dua juta sebelas ribu")]
    [InlineData(100_000, "seratus ribu")]
    [InlineData(0, "nol")]
    public void Terbilang_spells_the_hard_cases(long number, string words) =>
        Assert.Equal(words, Terbilang.Words(number));

    [Fact]
    public void Terbilang_spells_a_trillion_and_skips_zeros_inside()
    {
        Assert.Equal("satu triliun", Terbilang.Words(1_000_000_000_000m));
        Assert.Equal("satu triliun lima", Terbilang.Words(1_000_000_000_005m));
        // seed 002 l.52: Rp. 9.090.838.000,- (sembilan milyar sembilan puluh juta delapan ratus tiga puluh delapan ribu rupiah)
        Assert.Equal("sembilan milyar sembilan puluh juta delapan ratus tiga puluh delapan ribu rupiah", Terbilang.Rupiah(9_090_838_000m));
        // and its realisasi: Rp 8.690.035.417,- (delapan milyar enam ratus sembilan puluh juta tiga puluh lima ribu empat ratus tujuh belas rupiah)
        Assert.Equal("delapan milyar enam ratus sembilan puluh juta tiga puluh lima ribu empat ratus tujuh belas rupiah", Terbilang.Rupiah(8_690_035_417m));
    }

    [Theory]
    [InlineData("2025-01-02", "2 Januari 2025")]
    [InlineData("2 Januari 2025", "2 Januari 2025")]
    [InlineData("Januari 2024", "Januari 2024")]
    [InlineData("2024-06", "Juni 2024")]
    [InlineData("30 juni 2024", "30 Juni 2024")]
    public void A_signing_date_prints_the_Indonesian_way(string text, string printed) =>
        Assert.Equal(printed, SigningDate.Parse(text).Value.ToString());

    [Theory]
    [InlineData("31 Juni 2024")]
    [InlineData("2024-13")]
    [InlineData("Juny 2024")]
    [InlineData("besok")]
    public void An_impossible_signing_date_is_refused(string text) =>
        Assert.False(SigningDate.Parse(text).Success);

    [Fact]
    public void A_NIP_prints_in_its_groups_and_pangkat_with_golongan()
    {
        Assert.Equal("19751108 199903 2 005", Nip.Format("197511081999032005"));
        Assert.Equal("Pembina Utama Muda (IV/c)", CivilServiceRank.Format("Pembina Utama Muda"));
        Assert.Equal("Penata Tingkat I (III/d)", CivilServiceRank.Format("III/d"));
        Assert.Equal("Pembina (IV/a)", CivilServiceRank.Format("Pembina (IV/a)"));
    }

    [Theory]
    [InlineData("Menteri Ketenagakerjaan Republik Indonesia", true)]
    [InlineData("Bupati Banjar", true)]
    [InlineData("Wali Kota Banjarmasin", true)]
    [InlineData("Penjabat Bupati Banjar", false)]
    [InlineData("Kepala Dinas", false)]
    [InlineData("Sekretaris Jenderal Kementerian Ketenagakerjaan", false)]
    public void A_political_office_is_recognised_from_the_position_and_prints_no_NIP(string position, bool political)
    {
        var official = new Official(position, "Nama", "197511081999032005", "Pembina", ActingStatus.Definitive);
        Assert.Equal(political, official.IsPoliticalOffice);
        Assert.Equal(political, official.PrintedNip is null);
        // the workbook may say otherwise
        Assert.Equal(!political, (official with { PoliticalOfficeEntered = !political }).IsPoliticalOffice);
    }

    [Theory]
    [InlineData("awal", PkVersionKind.Awal, 0)]
    [InlineData("PK", PkVersionKind.Awal, 0)]
    [InlineData("perubahan", PkVersionKind.Perubahan, 1)]
    [InlineData("PK Perubahan", PkVersionKind.Perubahan, 1)]
    [InlineData("perubahan-2", PkVersionKind.Perubahan, 2)]
    [InlineData("PK Perubahan Ke-3", PkVersionKind.Perubahan, 3)]
    [InlineData("Perubahan II", PkVersionKind.Perubahan, 2)]
    public void PK_versions_are_read_as_people_write_them(string text, PkVersionKind kind, int number) =>
        Assert.Equal(new PkVersionId(kind, number), PkVersionId.Parse(text).Value);

    [Fact]
    public void A_perubahan_that_sets_no_target_keeps_the_awal_target_and_one_that_does_wins()
    {
        var data = new PerformanceDataset
        {
            Profile = new AgencyProfile { Agency = "Uji", Year = 2024, ReportPeriod = Period.OfYear(2024) },
            Targets =
            [
                new Target("IK-1", Period.OfYear(2024), new NumberValue(10m, false) { Original = "10" }, Document: "PK"),
                new Target("IK-1", Period.OfYear(2024), new NumberValue(12m, false) { Original = "12" }, Document: "PK Perubahan 2"),
            ],
        };
        Assert.Equal(10m, ((NumberValue)PerjanjianKinerja.TargetOf(data, "IK-1", Period.OfYear(2024), PkVersionId.Perubahan(1))!.Value).Value);
        Assert.Equal(12m, ((NumberValue)PerjanjianKinerja.TargetOf(data, "IK-1", Period.OfYear(2024), PkVersionId.Perubahan(2))!.Value).Value);
        Assert.Equal([PkVersionId.Awal, PkVersionId.Perubahan(2)], PerjanjianKinerja.Versions(data).Select(v => v.Id));
    }
}

public class NarrativeFigureCheckTests
{
    private static PerformanceDataset Dataset(string narrative)
    {
        var indicator = A.Indicator("IK-1").Build();
        return new PerformanceDataset
        {
            Profile = A.Profile(),
            Plan = [new PlanNode { Code = "S1", Name = "Sasaran uji", Level = PlanLevel.Sasaran }],
            Indicators = [indicator],
            // 50,05 / 38 = 131,71%
            Targets = [new Target("IK-1", Period.OfYear(2024), new NumberValue(38m, true) { Original = "38%" })],
            Realisasi = [new Realisasi("IK-1", Period.OfYear(2024), new NumberValue(50.05m, true) { Original = "50,05%" })],
            Narratives = [new Narrative("IK-1", "Analisis", narrative)],
        };
    }

    [Fact]
    public void A_typed_capaian_that_disagrees_with_the_computed_one_is_a_finding()
    {
        // fewer decimals than the table prints is another figure too: "131 persen" where the table says 131,71%
        Assert.Contains("131,71%", Assert.Single(new NarrativeFigureCheck().Check(Dataset("Capaian indikator ini sebesar 131 persen."))).Message, StringComparison.Ordinal);
        var finding = Assert.Single(new NarrativeFigureCheck().Check(Dataset("Capaian indikator ini sebesar 113,71% dari target.")));
        Assert.Equal("narasi-angka-berbeda", finding.Rule);
        Assert.Contains("131,71%", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Capaian indikator ini sebesar 131,71% dari target.")]
    [InlineData("Realisasi 50,05% dengan capaian lebih dari 100 persen.")]
    [InlineData("Capaian indikator ini {capaian:IK-1}.")]
    public void A_typed_capaian_that_agrees_or_a_live_field_gives_no_finding(string narrative) =>
        Assert.Empty(new NarrativeFigureCheck().Check(Dataset(narrative)));

    [Fact]
    public void A_live_field_that_names_nothing_is_an_error_and_a_known_one_expands()
    {
        var data = Dataset("Capaian {capaian:IK-9}.");
        var finding = Assert.Single(new NarrativeFigureCheck().Check(data));
        Assert.Equal("narasi-isian-tidak-dikenal", finding.Rule);
        var result = Measurement.PerformanceCalculator.Compute(data, Period.OfYear(2024));
        Assert.Equal("Capaian 131,71% dari realisasi 50,05%.", NarrativeFields.Expand("Capaian {capaian:IK-1} dari realisasi {realisasi:IK-1}.", data, result));
    }

    [Fact]
    public void A_report_dated_before_its_period_ends_is_a_warning_naming_the_first_possible_month()
    {
        var annual = new PerformanceDataset { Profile = new AgencyProfile { Agency = "Pusat Pasar Kerja", Year = 2021, ReportPeriod = Period.OfYear(2021), SigningDate = SigningDate.Of(2021, 1) } };
        var finding = Assert.Single(new SigningDateCheck().Check(annual));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("laporan tahun 2021 bertanggal Januari 2021, sebelum periodenya berakhir; laporan ditandatangani paling cepat Januari 2022", finding.Message);

        // a fourth quarter is signed from January of the next year; seed 001 signs TW I 2026 on 10 April 2026
        var q4 = annual with { Profile = annual.Profile with { Year = 2025, ReportPeriod = Period.OfQuarter(2025, 4), SigningDate = SigningDate.Of(2025, 12, 30) } };
        Assert.EndsWith("paling cepat Januari 2026", Assert.Single(new SigningDateCheck().Check(q4)).Message, StringComparison.Ordinal);
        var q1 = annual with { Profile = annual.Profile with { Year = 2026, ReportPeriod = Period.OfQuarter(2026, 1), SigningDate = SigningDate.Of(2026, 4, 10) } };
        Assert.Empty(new SigningDateCheck().Check(q1));
    }
}
