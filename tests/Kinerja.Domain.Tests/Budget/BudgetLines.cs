using Kinerja.Domain.Model;

namespace Kinerja.Domain.Tests.Budget;

/// <summary>Builders for budget lines as a seed prints them: code, parent, pagu, realisasi, optional printed penyerapan.</summary>
internal static class BudgetLines
{
    public static BudgetLine Line(string code, string? parent, decimal pagu, decimal realisasi, decimal? printedAbsorption = null, string? name = null, int row = 0, string? level = null, params string[] funds) =>
        new()
        {
            Code = code,
            Name = name ?? code,
            ParentCode = parent,
            Pagu = pagu,
            Realisasi = realisasi,
            PrintedAbsorption = printedAbsorption,
            SourceRow = row,
            Level = level,
            Funds = funds,
        };

    /// <summary>Seed 002 Tabel 3.6 (lines 674-683), kegiatan 2176 with its KRO ABK in full and the other four KRO as printed totals.</summary>
    public static List<BudgetLine> PasarKerjaAbk() =>
    [
        Line("2176", null, 9_090_838_000m, 8_690_035_417m, 95.59m, "Peningkatan Pengembangan Pasar Kerja", 1),
        Line("2176.ABK", "2176", 16_651_000m, 16_650_000m, 99.99m, "UMKM", 2),
        Line("2176.ABK.007", "2176.ABK", 16_651_000m, 16_650_000m, 99.99m, "Analisis Kondisi Pasar Kerja", 3),
        Line("2176.ABK.007.051", "2176.ABK.007", 16_651_000m, 16_650_000m, 99.99m, "Analisis Kondisi Pasar Kerja", 4),
        Line("2176.ABK.007.051.A", "2176.ABK.007.051", 14_611_000m, 14_610_750m, 100.00m, "Analisis Kondisi Pasar Kerja Indonesia", 5),
        Line("2176.ABK.007.051.B", "2176.ABK.007.051", 2_040_000m, 2_039_250m, 99.96m, "Analisis Pasar Kerja Luar Negeri", 6),
        Line("2176.ABK.007", "2176.ABK", 16_650_000m, 16_650_000m, 100.00m, "Norma, Standard, Prosedur dan Kriteria", 7),
        Line("2176.ABK.007.051", "2176.ABK.007", 16_650_000m, 16_650_000m, 100.00m, "NSPK Penyuluhan dan Bimbingan Jabatan", 8),
        Line("2176.ABK.007.051.A", "2176.ABK.007.051", 10_200_000m, 10_200_000m, 100.00m, "Pengumpulan Bahan", 9),
        Line("2176.ABK.007.051.B", "2176.ABK.007.051", 6_450_000m, 6_450_000m, 100.00m, "Perumusan Materi dan Metodologi PBJ", 10),
        Line("2176.BAA", "2176", 6_274_668_000m, 6_040_128_839m, 96.26m, "Pelayanan Publik kepada Masyarakat", 11),
        Line("2176.BIF", "2176", 148_910_000m, 146_618_000m, null, "Pengawasan dan Pengendalian Layanan", 12),
        Line("2176.BMA", "2176", 1_447_644_000m, 1_386_900_997m, null, "Data dan Informasi Publik", 13),
        Line("2176.EAH", "2176", 1_186_315_000m, 1_083_087_581m, null, "Layanan Organisasi dan Tata Kelola Internal", 14),
    ];

    /// <summary>Seed 003 Tabel 3.11 (l.2415-2452): Program Penunjang P1 with its six kegiatan; P1.K2 and P1.K4 in full, the others as printed totals.</summary>
    public static List<BudgetLine> BanjarPenunjang() =>
    [
        Line("P1", null, 6_771_413_758m, 5_847_942_483m, 86.36m, "Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 1, "Program", "S3", "S18"),
        Line("P1.K1", "P1", 93_319_200m, 86_269_200m, 92.45m, "Perencanaan, Penganggaran Dan Evaluasi Kinerja Perangkat Daerah", 2, "Kegiatan"),
        Line("P1.K2", "P1", 5_954_732_500m, 4_403_619_363m, 88.88m, "Administrasi Keuangan Perangkat Daerah", 3, "Kegiatan", "S20"),
        Line("P1.K2.S1", "P1.K2", 4_754_500_000m, 4_208_617_863m, 88.52m, "Penyediaan Gaji dan Tunjangan ASN", 4, "SubKegiatan"),
        Line("P1.K2.S2", "P1.K2", 166_400_000m, 170_025_000m, 97.87m, "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", 5, "SubKegiatan"),
        Line("P1.K2.S3", "P1.K2", 7_822_000m, 7_591_000m, 97.05m, "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", 6, "SubKegiatan"),
        Line("P1.K2.S4", "P1.K2", 22_385_500m, 21_010_500m, 93.86m, "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/ Triwulanan/ Semesteran SKPD", 7, "SubKegiatan"),
        Line("P1.K3", "P1", 80_000_000m, 79_990_000m, 99.99m, "Administrasi Kepegawaian Perangkat Daerah", 8, "Kegiatan"),
        Line("P1.K4", "P1", 513_952_220m, 457_266_512m, 88.97m, "Administrasi Umum Perangkat Daerah", 9, "Kegiatan"),
        Line("P1.K4.S1", "P1.K4", 14_567_500m, 14_567_500m, 100m, "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", 10, "SubKegiatan"),
        Line("P1.K4.S2", "P1.K4", 156_027_720m, 106_084_160m, 67.99m, "Penyediaan Peralatan dan Perlengkapan Kantor", 11, "SubKegiatan"),
        Line("P1.K4.S3", "P1.K4", 44_368_000m, 42_550_288m, 95.90m, "Penyediaan Bahan Logistik Kantor", 12, "SubKegiatan"),
        Line("P1.K4.S4", "P1.K4", 22_532_000m, 18_101_000m, 80.33m, "Penyediaan Barang Cetak dan Penggandaan", 13, "SubKegiatan"),
        Line("P1.K4.S5", "P1.K4", 1_498_000m, 1_080_000m, 72.10m, "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", 14, "SubKegiatan"),
        Line("P1.K4.S6", "P1.K4", 29_999_000m, 29_952_000m, 99.84m, "Fasilitas Kunjungan Tamu", 15, "SubKegiatan"),
        Line("P1.K4.S7", "P1.K4", 244_960_000m, 244_831_564m, 99.99m, "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", 16, "SubKegiatan"),
        Line("P1.K5", "P1", 757_673_838m, 525_201_908m, 69.32m, "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", 17, "Kegiatan"),
        Line("P1.K6", "P1", 371_736_000m, 295_595_500m, 79.52m, "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", 18, "Kegiatan"),
    ];
}
