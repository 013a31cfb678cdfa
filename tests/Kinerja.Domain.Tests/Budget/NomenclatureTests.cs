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

    /// <summary>Official entries as public copies of the lampiran print them (pemda.tsv, asal S1 with S2/S3 where marked).</summary>
    [Theory]
    [InlineData("2.07.04.2.01.0002", "Pelayanan antar Kerja")]
    [InlineData("2.07.2.07.04.2.01.02", "Pelayanan antar Kerja")]
    [InlineData("2.07.04.2.01.0004", "Penyelenggaraan Unit Layanan Disabilitas Ketenagakerjaan")]
    [InlineData("2.07.04.2.04.03", "Pemberdayaan Pekerja Migran Indonesia Purna Penempatan")]
    [InlineData("2.07.05.2.02.0005", "Pengembangan Pelaksanaan Jaminan Sosial Tenaga Kerja dan Fasilitas Kesejahteraan Pekerja")]
    [InlineData("2.07.03.2.04", "Konsultansi Produktivitas pada Perusahaan Kecil")]
    [InlineData("3.32.04.2.01.0001", "Penguatan SDM dalam rangka Kemandirian Satuan Pemukiman")]
    [InlineData("3.32.03.2.01.0006", "Pelatihan Transmigrasi")]
    [InlineData("2.07.01.2.01.0009", "Pelaksanaan Pengumpulan Data Statistik Sektoral Daerah")]
    [InlineData("1.03.01.2.06.0005", "Penyediaan Barang Cetakan dan Penggandaan")]
    [InlineData("2.07.06", "Program Pengawasan Ketenagakerjaan")]
    public void Verified_official_entries_are_no_finding_in_either_code_style(string code, string name) =>
        Assert.Null(NomenclatureCheck.Judge(code, name, null));

    [Theory]
    // seed 003 prints these; the lampiran copies write them otherwise (docs/imports.md lists why each finding is right)
    [InlineData("2.07.01.2.06.0005", "Penyediaan Barang Cetak dan Penggandaan", "Penyediaan Barang Cetakan dan Penggandaan", 2)]
    [InlineData("2.07.03.2.04", "Konsultasi Produktivitas pada Perusahaan Kecil", "Konsultansi Produktivitas pada Perusahaan Kecil", 1)]
    [InlineData("2.07.2.07.02.2.01.02", "Fasilitasi Penyusunan Rencana Tenaga Kerja Mikro", "Penyusunan Rencana Tenaga Kerja Mikro", 10)]
    public void A_name_printed_otherwise_names_the_official_name_and_the_distance(string code, string name, string official, int distance)
    {
        var (rule, message) = NomenclatureCheck.Judge(code, name, null)!.Value;
        Assert.Equal(NomenclatureCheck.OtherNameRule, rule);
        Assert.Contains($"\"{official}\" (beda {distance} huruf)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_codes_that_were_wrong_from_memory_now_hold_their_official_names()
    {
        // the list written from memory had the Unit Layanan Disabilitas on 0002, PMI purna on 0002, the jaminan sosial
        // sub kegiatan on 0003 of 2.07.05.2.02; the lampiran copies put other sub kegiatan there
        var list = Nomenclature.Pemda;
        Assert.Equal("Pelayanan antar Kerja", list.FindPemda("2.07.04.2.01.0002")!.Name);
        Assert.Equal("Penyediaan Layanan Terpadu pada Calon Pekerja Migran", list.FindPemda("2.07.04.2.04.0002")!.Name);
        Assert.Equal("Penyelenggaraan Verifikasi dan Rekapitulasi Keanggotaan pada Organisasi Pengusaha, Federasi dan Konfederasi Serikat Pekerja/Serikat Buruh serta Non Afiliasi", list.FindPemda("2.07.05.2.02.0003")!.Name);
        // so the old code with the ULD name is found, and its official code named
        var (_, message) = NomenclatureCheck.Judge("2.07.04.2.01.0002", "Penyelenggaraan Unit Layanan Disabilitas Ketenagakerjaan", null)!.Value;
        Assert.Contains("nama ini adalah nama resmi kode 2.07.04.2.01.0004", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provincial_kegiatan_are_not_judged_by_a_kabupaten_list()
    {
        Assert.Null(NomenclatureCheck.Judge("2.07.03.1.01", "Pelaksanaan Latihan Kerja Berdasarkan Klaster Kompetensi", null));
        Assert.Null(NomenclatureCheck.Judge("2.07.03.1.01.0001", "Sembarang", null));
        // a kabupaten/kota code of the same programme that is not in the list is still unknown
        Assert.Equal(NomenclatureCheck.UnknownCodeRule, NomenclatureCheck.Judge("2.07.03.2.09", "Sembarang", null)!.Value.Rule);
    }

    [Fact]
    public void Every_row_names_a_source_and_hangs_under_its_parent()
    {
        foreach (var list in new[] { Nomenclature.Pemda, Nomenclature.KL })
        {
            Assert.All(list.Entries, e => Assert.DoesNotContain("ingatan", e.Origin, StringComparison.Ordinal));
            Assert.All(list.Entries, e => Assert.Matches("^(S[1-6]|U|K[1-4]|seed00[02])(\\+(S[1-6]|K[1-4]|seed00[02]))*$", e.Origin));
            Assert.Equal(list.Entries.Count, list.Entries.Select(e => e.Code).Distinct(StringComparer.Ordinal).Count());
        }

        var codes = Nomenclature.Pemda.Entries.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in Nomenclature.Pemda.Entries.Where(e => e.Level is "Kegiatan" or "SubKegiatan"))
            Assert.Contains(PemdaCodes.Parent(entry.Code.Replace("X.XX", "9.99", StringComparison.Ordinal))!.Replace("9.99", "X.XX", StringComparison.Ordinal), codes);
        // the labour urusan's four kabupaten programmes carry 13 kegiatan and 31 sub kegiatan in the lampiran copy S1
        Assert.Equal(13, Nomenclature.Pemda.Entries.Count(e => e.Code.StartsWith("2.07.", StringComparison.Ordinal) && e.Level == "Kegiatan"));
        Assert.Equal(31, Nomenclature.Pemda.Entries.Count(e => e.Code.StartsWith("2.07.", StringComparison.Ordinal) && e.Level == "SubKegiatan"));
    }

    [Fact]
    public void KL_names_come_from_the_reference_tables()
    {
        // BAS: 521111 is Belanja Keperluan Perkantoran (the list written from memory said "Operasional Perkantoran")
        var (rule, message) = NomenclatureCheck.Judge("2176.BAA.001.051.A.521111", "Belanja Operasional Perkantoran", "Akun")!.Value;
        Assert.Equal(NomenclatureCheck.OtherNameRule, rule);
        Assert.Contains("\"Belanja Keperluan Perkantoran\"", message, StringComparison.Ordinal);
        Assert.Null(NomenclatureCheck.Judge("026.01.WA.2158.EBA.994.002 S 524111", "Belanja Perjalanan Dinas Biasa", "Akun"));
        // seed 002 prints the KRO ABK as "UMKM": the KRO reference names it in full
        var (_, kro) = NomenclatureCheck.Judge("2176.ABK", "UMKM", "KRO")!.Value;
        Assert.Contains("\"Kebijakan Bidang Tenaga Kerja, Industri dan UMKM\"", kro, StringComparison.Ordinal);
    }
}
