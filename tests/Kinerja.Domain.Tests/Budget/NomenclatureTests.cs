using Kinerja.Domain.Budget;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests.Budget;

/// <summary>Issue 24 item 1: the official code lists, the two Pemda code styles, and the nearest official entry named.</summary>
public class NomenclatureTests
{
    [Theory]
    [InlineData("2.07.02.2.01.0003", "2.07.02.2.01.0003")]
    [InlineData("2.07.02.2.01.03", "2.07.02.2.01.0003")]
    [InlineData("2.07.2.07.02.2.01.03", "2.07.02.2.01.0003")]
    [InlineData("2.07.2.07.02.2.01", "2.07.02.2.01")]
    [InlineData("2.07.2.07.02", "2.07.02")]
    [InlineData("2.07.02.2.01", "2.07.02.2.01")]
    [InlineData(" 2.07.04 ", "2.07.04")]
    public void Both_Pemda_code_styles_read_to_the_Kepmendagri_style(string written, string normal) =>
        Assert.Equal(normal, PemdaCodes.Normalise(written));

    [Theory]
    [InlineData("P1.K1")]
    [InlineData("2176.BAA.001")]
    [InlineData("5.1.02.01.01.0024")]
    [InlineData("JB.1")]
    [InlineData("2.7.02")]
    public void Other_codes_are_not_Pemda_programme_codes(string code) => Assert.Null(PemdaCodes.Normalise(code));

    [Fact]
    public void The_lists_name_their_source_version_and_coverage()
    {
        Assert.Contains("050-5889", Nomenclature.Pemda.Source, StringComparison.Ordinal);
        Assert.Equal(["2.07", "3.32", "X.XX.01"], Nomenclature.Pemda.Coverage);
        Assert.False(string.IsNullOrEmpty(Nomenclature.KL.Version));
        // the labour urusan's programmes, the transmigration programme and the penunjang kegiatan are there
        Assert.Equal("Program Penempatan Tenaga Kerja", Nomenclature.Pemda.FindPemda("2.07.04")!.Name);
        Assert.Equal("Pengembangan Satuan Permukiman pada Tahap Kemandirian", Nomenclature.Pemda.FindPemda("3.32.04.2.01")!.Name);
        // the penunjang entries are written once for every bidang
        Assert.Equal("Administrasi Keuangan Perangkat Daerah", Nomenclature.Pemda.FindPemda("2.07.01.2.02")!.Name);
        Assert.Equal("Administrasi Keuangan Perangkat Daerah", Nomenclature.Pemda.FindPemda("1.03.01.2.02")!.Name);
        Assert.Equal("Belanja Perjalanan Dinas Biasa", Nomenclature.KL.Find("524111")!.Name);
    }

    [Fact]
    public void A_misspelt_official_name_names_the_official_one()
    {
        // seed 003 Tabel 3.11 prints "Fasilitas Kunjungan Tamu"
        var (rule, message) = NomenclatureCheck.Judge("2.07.01.2.06.0008", "Fasilitas Kunjungan Tamu", "SubKegiatan")!.Value;
        Assert.Equal(NomenclatureCheck.OtherNameRule, rule);
        Assert.Contains("kode 2.07.01.2.06.0008", message, StringComparison.Ordinal);
        Assert.Contains("\"Fasilitasi Kunjungan Tamu\" (beda 1 huruf)", message, StringComparison.Ordinal);
        // the older style is named as written and as read
        var (_, old) = NomenclatureCheck.Judge("2.07.2.07.01.2.06.08", "Fasilitas Kunjungan Tamu", "SubKegiatan")!.Value;
        Assert.Contains("kode 2.07.2.07.01.2.06.08 (= 2.07.01.2.06.0008)", old, StringComparison.Ordinal);
        // case, punctuation, spacing and the word "Program" are no difference
        Assert.Null(NomenclatureCheck.Judge("2.07.04.2.01", "Pelayanan antar Kerja di Daerah Kabupaten/Kota", "Kegiatan"));
        Assert.Null(NomenclatureCheck.Judge("2.07.04", "PROGRAM PENEMPATAN TENAGA KERJA", "Program"));
    }

    [Fact]
    public void A_name_that_belongs_to_another_code_says_which()
    {
        // Job Fair written on the code of Pelayanan dan Penyediaan Informasi Pasar Kerja Online
        var (_, message) = NomenclatureCheck.Judge("2.07.04.2.03.0002", "Job Fair/Bursa Kerja", "SubKegiatan")!.Value;
        Assert.Contains("nama ini adalah nama resmi kode 2.07.04.2.03.0003", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_sub_kegiatan_code_names_the_nearest_entry_under_its_kegiatan()
    {
        var (rule, message) = NomenclatureCheck.Judge("2.07.04.2.03.0009", "Job Fair / Bursa Kerja Daerah", "SubKegiatan")!.Value;
        Assert.Equal(NomenclatureCheck.UnknownCodeRule, rule);
        Assert.Contains("kode 2.07.04.2.03.0009 tidak ada di nomenklatur pemda.tsv versi", message, StringComparison.Ordinal);
        Assert.Contains("entri resmi terdekat: 2.07.04.2.03.0003 \"Job Fair/Bursa Kerja\"", message, StringComparison.Ordinal);
        // a penunjang sub kegiatan of another bidang: the nearest entry is named with the row's bidang
        var (_, penunjang) = NomenclatureCheck.Judge("1.03.01.2.06.0099", "Penyediaan Bahan Logistik", "SubKegiatan")!.Value;
        Assert.Contains("1.03.01.2.06.0004 \"Penyediaan Bahan Logistik Kantor\"", penunjang, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_outside_the_list_and_the_agencys_own_codes_are_not_judged()
    {
        // 1.03 (public works) is not in the list: its kegiatan are neither known nor unknown
        Assert.Null(NomenclatureCheck.Judge("1.03.02.2.01.0002", "Sembarang", "SubKegiatan"));
        Assert.Null(NomenclatureCheck.Judge("P1.K4.S6", "Fasilitas Kunjungan Tamu", "SubKegiatan"));
        Assert.Null(NomenclatureCheck.Judge("JB.1", "Belanja Operasi", "JenisBelanja"));
    }

    [Fact]
    public void Plan_rows_in_official_codes_are_checked_too()
    {
        var data = new PerformanceDataset
        {
            Profile = new AgencyProfile { Agency = "Dinas Uji", Kind = AgencyKind.Pemda, Year = 2025, ReportPeriod = Period.OfYear(2025) },
            Plan = [new PlanNode { Code = "3.32.04.2.01", Name = "Pengembangan Satuan Pemukiman pada Tahap Kemandirian", Level = PlanLevel.Kegiatan }],
        };
        var finding = Assert.Single(new NomenclatureCheck().Check(data));
        Assert.Equal(("Rencana", "3.32.04.2.01", NomenclatureCheck.OtherNameRule), (finding.Sheet, finding.Code, finding.Rule));
        Assert.Contains("Permukiman", finding.Message, StringComparison.Ordinal);
    }
}
