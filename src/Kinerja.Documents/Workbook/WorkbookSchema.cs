namespace Kinerja.Documents.Workbook;

/// <summary>A column of a workbook sheet: its JSON name, its Indonesian header, what it means and its allowed values.</summary>
public sealed record ColumnSpec(string Json, string Header, string Note, IReadOnlyList<string>? Allowed = null, bool Required = false);

public sealed record SheetSpec(string Json, string Sheet, string Note, IReadOnlyList<ColumnSpec> Columns)
{
    public ColumnSpec? ByHeader(string header) =>
        Columns.FirstOrDefault(c => string.Equals(c.Header, header.Trim(), StringComparison.OrdinalIgnoreCase)
                                    || string.Equals(c.Json, header.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>The Kinerja workbook format v1 (docs/workbook-format.md), in one place for reader, writer and template.</summary>
public static class WorkbookSchema
{
    public const string ProfileSheet = "Profil";

    public static readonly IReadOnlyList<string> PolarityValues = ["Maksimal", "Minimal"];
    public static readonly IReadOnlyList<string> TargetKindValues = ["Angka", "Rentang", "Ordinal", "Skala", "Nol", "Teks"];
    public static readonly IReadOnlyList<string> AggregationValues = ["Jumlah", "Akhir", "RataRata"];
    public static readonly IReadOnlyList<string> StatusValues = ["Final", "Sementara", "NA"];

    /// <summary>
    /// The workflow state a realisasi row is in (column Persetujuan). Empty or "Disahkan" = an approved figure, the only
    /// kind `kinerja compute` counts; the others are carried by an export with drafts so the importer can read them back.
    /// </summary>
    public static readonly IReadOnlyList<string> ApprovalValues = ["Disahkan", "Draf", "Diajukan", "Diverifikasi", "Dikembalikan"];

    public const string Approved = "Disahkan";
    public static readonly IReadOnlyList<string> ActingValues = ["Definitif", "Plt", "Plh"];
    public static readonly IReadOnlyList<string> YesNo = ["Ya", "Tidak"];
    public static readonly IReadOnlyList<string> PrintedFigureKinds = ["Sasaran", "Instansi", "Kemajuan", "Efisiensi", "Pagu", "RealisasiAnggaran", "Penghematan", "BiayaPerOutput", "AnggaranPK"];
    public static readonly IReadOnlyList<string> PlanLevels = ["Tujuan", "SasaranStrategis", "SasaranProgram", "SasaranKegiatan", "Sasaran", "Program", "Kegiatan", "SubKegiatan"];

    /// <summary>Profile keys: JSON name, Indonesian key, note, allowed values.</summary>
    public static readonly IReadOnlyList<ColumnSpec> ProfileKeys =
    [
        new("agency", "Instansi", "Nama instansi/unit yang melapor", Required: true),
        new("agencyKind", "Jenis Instansi", "KL (SS->SP->SK) atau Pemda (Tujuan->Sasaran->Program->Kegiatan->Sub Kegiatan)", ["KL", "Pemda"]),
        new("year", "Tahun", "Tahun pelaporan, mis. 2024", Required: true),
        new("reportPeriod", "Periode Laporan", "2024 (tahunan) atau 2026-TW1 (triwulan)"),
        new("renstraStart", "Renstra Awal", "Tahun awal Renstra"),
        new("renstraEnd", "Renstra Akhir", "Tahun akhir Renstra"),
        new("lowerIsBetterMethod", "Metode Polaritas Negatif", "A = (2T-R)/T (baku), B = T/R", ["A", "B"]),
        new("capaianCap", "Batas Atas Capaian", "Kosong = tanpa batas; mis. 120"),
        new("rounding", "Pembulatan", "SetengahKeAtas (baku) atau Potong; juga HalfUp, Truncate", ["SetengahKeAtas", "Potong", "HalfUp", "Truncate"]),
        new("realisasiRounding", "Pembulatan Realisasi", "Pembulatan realisasi yang dihitung dari data dasar, bila berbeda dari pembulatan capaian: SetengahKeAtas atau Potong (juga HalfUp, Truncate)", ["SetengahKeAtas", "Potong", "HalfUp", "Truncate"]),
        new("progressRounding", "Pembulatan Kemajuan", "Pembulatan kemajuan terhadap target akhir Renstra, bila berbeda dari pembulatan capaian: SetengahKeAtas atau Potong (juga HalfUp, Truncate)", ["SetengahKeAtas", "Potong", "HalfUp", "Truncate"]),
        new("decimals", "Desimal", "Jumlah desimal persen yang ditampilkan (baku 2)"),
        new("predicateScale", "Skala Predikat", "Permendagri86, DuaStatus, LampuLalin, atau nama skala di sheet Predikat"),
        new("statusColumn", "Kolom Status", "Ya = tampilkan status Tercapai / Tidak Tercapai tetapi Meningkat / Tidak Tercapai di samping kategori; meningkat = realisasi lebih baik dari tahun lalu menurut polaritas", YesNo),
        new("sasaranAggregation", "Agregasi Sasaran", "RataRata (baku) atau Berbobot (tertimbang bobot); juga Mean, Weighted", ["RataRata", "Berbobot", "Mean", "Weighted"]),
        new("efficiencyMethod", "Metode Efisiensi", "Rasio, Selisih atau Penghematan; juga Ratio, Difference, Savings", ["Rasio", "Selisih", "Penghematan", "Ratio", "Difference", "Savings"]),
        new("superiorPosition", "Jabatan Atasan", "Jabatan atasan langsung pimpinan (pihak kedua Perjanjian Kinerja), mis. Bupati Banjar"),
        new("superiorName", "Nama Atasan", "Nama atasan langsung"),
        new("superiorNip", "NIP Atasan", "NIP atasan langsung (18 digit), bila ada"),
        new("superiorRank", "Pangkat Atasan", "Pangkat/golongan atasan langsung, bila ada"),
        new("superiorActing", "Status Atasan", "Definitif, Plt atau Plh", ActingValues),
        new("signingPlace", "Tempat Penandatanganan", "Kota tempat dokumen ditandatangani, mis. Martapura"),
        new("absorptionTarget", "Target Penyerapan", "Target penyerapan anggaran (persen), opsional"),
        new("superiorPolitical", "Atasan Pejabat Politik", "Ya bila atasan pejabat politik (Presiden, Menteri, Gubernur, Bupati, Wali Kota): tanpa NIP dan pangkat; kosong = ditentukan dari jabatan", YesNo),
        new("signingDate", "Tanggal Penandatanganan", "Tanggal laporan ditandatangani: 2026-02-02, 2 Februari 2026 atau Februari 2026"),
        new("parentBody", "Instansi Induk", "Baris di atas nama instansi pada sampul, mis. PEMERINTAH KABUPATEN BANJAR"),
        new("negativeAmounts", "Angka Negatif", "Cara menulis jumlah negatif (sisa minus): Minus (-3.625.000, baku) atau Kurung ((3.625.000))", ["Minus", "Kurung"]),
        new("rupiahSpace", "Spasi Rupiah", "Ya = \"Rp 12.081.204.858\" (baku), Tidak = \"Rp12.081.204.858\"", YesNo),
        new("amountsInWords", "Terbilang", "Ya = jumlah anggaran PK ditulis juga dengan huruf (terbilang)", YesNo),
        new("reviewerPosition", "Jabatan Pereviu", "Jabatan pejabat APIP yang mereviu laporan kinerja (Pernyataan Telah Direviu), mis. Inspektur Kabupaten Banjar"),
        new("reviewerName", "Nama Pereviu", "Nama pejabat APIP yang menandatangani Pernyataan Telah Direviu"),
        new("reviewerNip", "NIP Pereviu", "NIP pejabat APIP (18 digit)"),
        new("reviewerRank", "Pangkat Pereviu", "Pangkat/golongan pejabat APIP, bila ada"),
        new("reviewDate", "Tanggal Reviu", "Tanggal Pernyataan Telah Direviu: 2026-02-24, 24 Februari 2026"),
        new("logo", "Logo", "Logo pada sampul: gambar PNG atau JPEG (paling besar 1 MB) yang diletakkan di sheet Profil; pada JSON \"data:image/png;base64,...\""),
    ];

    public static readonly IReadOnlyList<string> DataPeriodTypeValues = ["Mingguan", "Bulanan", "Triwulanan", "Tahunan"];

    /// <summary>Optional sheets for counts and computable formulas (issue 6); also the whole content of a data file.</summary>
    public static readonly IReadOnlyList<SheetSpec> DataSheets =
    [
        new("dataElements", "DataElemen", "Elemen data: hitungan yang dikumpulkan",
        [
            new("code", "Kode", "Kode elemen, unik, dipakai dalam rumus sebagai #{kode}", Required: true),
            new("name", "Nama", "Nama elemen, dipakai saat rumus ditulis dengan kata-kata", Required: true),
            new("satuan", "Satuan", "Orang, Perusahaan, Perkara, Rupiah, Persen, ..."),
            new("periodType", "Jenis Periode", "Mingguan, Bulanan, Triwulanan, Tahunan", DataPeriodTypeValues, Required: true),
            new("aggregation", "Agregasi", "Jumlah (arus: dijumlahkan), Akhir (stok: nilai terakhir), RataRata", AggregationValues, Required: true),
            new("breakdowns", "Rincian", "Kategori rincian dan opsinya, mis. saluran: AKL, AKAD, AKAN; hubungan_kerja: PKWT, PKWTT"),
            new("description", "Keterangan", "Definisi elemen"),
        ]),
        new("dataValues", "NilaiData", "Nilai elemen data per unit, periode dan rincian",
        [
            new("element", "Elemen", "Kode elemen data", Required: true),
            new("unit", "Unit", "Kode unit organisasi", Required: true),
            new("period", "Periode", "2021 (tahun), 2021-TW1, 2021-03 (bulan), 2021-03-W2 (minggu ke-2 bulan Maret)", Required: true),
            new("breakdown", "Rincian", "Opsi rincian, mis. saluran:AKL; hubungan_kerja:PKWT; kosong = jumlah"),
            new("value", "Nilai", "Angka seperti tercetak (1.762); \"-\" dibaca 0", Required: true),
            new("note", "Keterangan", "Sumber angka (tabel, baris); tidak dihitung"),
        ]),
        new("formulas", "RumusHitung", "Rumus hitung untuk indikator yang sudah ada (alternatif kolom Rumus Hitung)",
        [
            new("indicator", "Indikator", "Kode indikator", Required: true),
            new("expression", "Rumus", "Rumus hitung", Required: true),
        ]),
    ];

    /// <summary>The Perjanjian Kinerja versions of the year and the budget each promised (issue 13 item 5, issue 11 item 6).</summary>
    public static readonly IReadOnlyList<SheetSpec> PkSheets =
    [
        new("pkVersions", "PK", "Versi Perjanjian Kinerja: awal dan setiap perubahan, dengan tanggal dan penandatangan",
        [
            new("version", "Versi", "awal, perubahan-1, perubahan-2, ...", Required: true),
            new("date", "Tanggal", "Tanggal penandatanganan: 2024-06-30, 30 Juni 2024 atau Januari 2024"),
            new("place", "Tempat", "Tempat penandatanganan; kosong = Tempat Penandatanganan di Profil"),
            new("firstPosition", "Jabatan Pihak Pertama", "Jabatan yang berjanji; kosong = pimpinan unit teratas di sheet Unit"),
            new("firstName", "Nama Pihak Pertama", "Nama pejabat pihak pertama"),
            new("firstNip", "NIP Pihak Pertama", "NIP 18 angka; kosong untuk pejabat politik"),
            new("firstRank", "Pangkat Pihak Pertama", "Pangkat/golongan, mis. Pembina Utama Muda (IV/c)"),
            new("firstActing", "Status Pihak Pertama", "Definitif, Plt atau Plh", ActingValues),
            new("firstPolitical", "Pihak Pertama Pejabat Politik", "Ya/Tidak; kosong = ditentukan dari jabatan", YesNo),
            new("secondPosition", "Jabatan Pihak Kedua", "Jabatan atasan; kosong = Jabatan Atasan di Profil"),
            new("secondName", "Nama Pihak Kedua", "Nama atasan"),
            new("secondNip", "NIP Pihak Kedua", "NIP 18 angka; kosong untuk pejabat politik"),
            new("secondRank", "Pangkat Pihak Kedua", "Pangkat/golongan"),
            new("secondActing", "Status Pihak Kedua", "Definitif, Plt atau Plh", ActingValues),
            new("secondPolitical", "Pihak Kedua Pejabat Politik", "Ya/Tidak; kosong = ditentukan dari jabatan", YesNo),
            new("oneParty", "Satu Pihak", "Ya = pernyataan satu pihak (pimpinan K/L, Kepala Daerah); kosong = Ya bila pihak pertama pejabat politik", YesNo),
        ]),
        new("pkBudget", "AnggaranPK", "Anggaran yang tercantum pada setiap versi Perjanjian Kinerja (terpisah dari realisasi anggaran)",
        [
            new("version", "Versi", "Versi PK: awal, perubahan-1, ...", Required: true),
            new("code", "Kode", "Kode program/kegiatan/sub kegiatan", Required: true),
            new("name", "Nama", "Uraian", Required: true),
            new("parent", "Induk", "Kode baris induk pada versi yang sama"),
            new("level", "Level", "Program, Kegiatan, SubKegiatan, ..."),
            new("pagu", "Pagu", "Pagu (Rp) seperti tercetak pada PK versi itu", Required: true),
            new("goals", "Mendanai", "Kode sasaran/indikator yang didanai, dipisah ;"),
            new("pengampu", "Pejabat Pengampu", "Jabatan pejabat yang mengampu program/kegiatan ini, bila PK mencantumkannya (kolom dicetak bila ada baris yang mengisinya)"),
        ]),
    ];

    public static readonly IReadOnlyList<SheetSpec> Sheets =
    [
        new("units", "Unit", "Unit organisasi dan pejabatnya",
        [
            new("code", "Kode", "Kode unit, unik", Required: true),
            new("name", "Nama", "Nama unit", Required: true),
            new("parent", "Induk", "Kode unit induk"),
            new("level", "Eselon", "Instansi, I, II, III, IV, UPT"),
            new("position", "Jabatan", "Jabatan pimpinan, mis. Kepala Dinas"),
            new("official", "Nama Pejabat", "Nama pejabat"),
            new("nip", "NIP", "NIP 18 digit"),
            new("rank", "Pangkat", "Pangkat/golongan"),
            new("acting", "Status", "Definitif, Plt atau Plh", ActingValues),
            new("political", "Pejabat Politik", "Ya untuk Menteri, Gubernur, Bupati, Wali Kota (tanpa NIP); kosong = ditentukan dari jabatan", YesNo),
        ]),
        new("plan", "Rencana", "Pohon rencana: tujuan, sasaran, program, kegiatan",
        [
            new("code", "Kode", "Kode simpul, unik (mis. SS-1, T1, S1)", Required: true),
            new("level", "Level", string.Join(", ", PlanLevels), PlanLevels, Required: true),
            new("name", "Nama", "Uraian tujuan/sasaran", Required: true),
            new("parent", "Induk", "Kode simpul induk"),
            new("unit", "Unit", "Kode unit penanggung jawab"),
        ]),
        new("indicators", "Indikator", "Indikator kinerja",
        [
            new("code", "Kode", "Kode indikator, unik (mis. IKU-1.1)", Required: true),
            new("goal", "Sasaran", "Kode tujuan/sasaran pada sheet Rencana; bila satu indikator mengukur beberapa simpul (IKU yang sama di tujuan dan sasaran), pisahkan dengan ; (T1; S1)", Required: true),
            new("name", "Nama", "Nama indikator", Required: true),
            new("satuan", "Satuan", "Persen, Orang, Indeks, Nilai, Dokumen, ..."),
            new("type", "Tipe", "Input, Output, Outcome, Impact", ["Input", "Output", "Outcome", "Impact"]),
            new("polarity", "Polaritas", "Maksimal (makin tinggi makin baik) atau Minimal", PolarityValues, Required: true),
            new("targetKind", "Jenis Target", "Angka, Rentang, Ordinal, Skala (3 dari 4), Nol, Teks", TargetKindValues),
            new("lowerMethod", "Metode Minimal", "A atau B; kosong = ikut profil", ["A", "B"]),
            new("aggregation", "Agregasi Periode", "Jumlah (arus), Akhir (stok/rasio/indeks), RataRata", AggregationValues),
            new("weight", "Bobot", "Bobot dalam rata-rata tertimbang sasaran"),
            new("ordinalScale", "Skala Ordinal", "OpiniBPK atau NilaiSAKIP", ["OpiniBPK", "NilaiSAKIP"]),
            new("formula", "Formula", "Rumus sebagaimana dipublikasikan"),
            new("formulaExpr", "Rumus Hitung", "Rumus yang dihitung dari NilaiData, mis. safediv(#{pencaker_ditempatkan}, #{pencaker_terdaftar}) * 100"),
            new("source", "Sumber Data", "Sumber data"),
            new("owner", "Penanggung Jawab", "Kode unit penanggung jawab"),
            new("activity", "Program/Kegiatan", "Program, kegiatan atau sub kegiatan yang menjalankan indikator, seperti tercetak pada PK, bila tidak berkode resmi: mis. Kegiatan : Administrasi Keuangan Perangkat Daerah"),
            new("allowNegative", "Boleh Negatif", "Ya = target dan realisasi boleh di bawah nol (laju pertumbuhan, mis. pertumbuhan ekonomi -2,1%); kosong atau Tidak = angka negatif ditolak", YesNo),
        ]),
        new("targets", "Target", "Target per periode",
        [
            new("indicator", "Indikator", "Kode indikator", Required: true),
            new("period", "Periode", "2024, 2026-TW1, atau Renstra (target akhir Renstra)", Required: true),
            new("value", "Nilai", "Nilai seperti tercetak: 2,71%, 1.762, 56,40-59,32 %, 3 dari 4, WTP", Required: true),
            new("cumulative", "Kumulatif", "Untuk target triwulan: Ya = s.d. triwulan", YesNo),
            new("document", "Dokumen", "Renstra, PK (versi awal), PK Perubahan, PK Perubahan 2 (sesuai sheet PK)"),
        ]),
        new("realisasi", "Realisasi", "Realisasi per periode",
        [
            new("indicator", "Indikator", "Kode indikator", Required: true),
            new("period", "Periode", "2024 atau 2026-TW1", Required: true),
            new("value", "Nilai", "Nilai seperti tercetak; N/A bila belum dapat diukur"),
            new("status", "Status", "Final, Sementara, NA", StatusValues),
            new("note", "Keterangan", "Dicetak di laporan: alasan N/A, sumber angka sementara, atau keterangan tahun sebelumnya (di bawah tabel perbandingan antar tahun)"),
            new("printedCapaian", "Capaian Tercetak", "Capaian yang tercetak di laporan sumber (untuk pemeriksaan)"),
            new("approval", "Persetujuan", "Tahap alur kerja: kosong atau Disahkan = angka yang disahkan (dihitung); Draf, Diajukan, Diverifikasi, Dikembalikan = belum disahkan (dibaca, tidak dihitung)", ApprovalValues),
        ]),
        new("printedFigures", "AngkaTercetak", "Angka agregat yang tercetak di laporan sumber, untuk diperiksa: capaian sasaran, capaian instansi, kemajuan Renstra, efisiensi, dan jumlah rupiah yang tercetak di teks (pagu, realisasi, penghematan, biaya per output, jumlah anggaran PK)",
        [
            new("kind", "Jenis", "Sasaran (capaian simpul rencana), Instansi (capaian instansi), Kemajuan (realisasi / target akhir Renstra per indikator), Efisiensi (per indikator, atau per sasaran untuk metode Ratio); rupiah: Pagu, RealisasiAnggaran, Penghematan (pagu - realisasi) per baris anggaran atau seluruh anggaran, BiayaPerOutput (realisasi anggaran yang mendanai indikator / realisasi indikator), AnggaranPK (Jumlah yang tercetak pada PK)", PrintedFigureKinds, Required: true),
            new("code", "Kode", "Kode sasaran (Sasaran, Efisiensi Ratio) atau indikator (Kemajuan, Efisiensi, BiayaPerOutput); kode baris anggaran (Pagu, RealisasiAnggaran, Penghematan; kosong = seluruh anggaran); versi PK (AnggaranPK: awal, perubahan-1, ...; kosong = versi yang berlaku); kosong untuk Instansi"),
            new("period", "Periode", "Periode angka itu; kosong = periode laporan"),
            new("value", "Nilai", "Angka seperti tercetak, mis. 93,93%, 1,12 atau Rp 12.081.204.858", Required: true),
            new("source", "Sumber", "Tempat angka tercetak, mis. Tabel 3.5; tidak dihitung"),
            new("knownError", "Kesalahan Publikasi", "Alasan bila angka ini kesalahan publikasi yang diketahui (laporan terbit mencetaknya keliru): temuannya tetap dilaporkan sebagai peringatan dengan alasan ini dan tidak lagi menahan laporan final; kosong = belum ditandai"),
        ]),
        new("benchmarks", "Pembanding", "Indikator yang sama untuk provinsi/nasional",
        [
            new("indicator", "Indikator", "Kode indikator", Required: true),
            new("period", "Periode", "Tahun", Required: true),
            new("level", "Tingkat", "Provinsi atau Nasional", Required: true),
            new("name", "Nama", "Nama wilayah"),
            new("value", "Nilai", "Nilai", Required: true),
        ]),
        new("budget", "Anggaran", "Baris anggaran sesuai kode",
        [
            new("code", "Kode", "Kode anggaran (2176.BAA.001 atau 2.07.01.2.02.0001); wajib kecuali pada baris judul"),
            new("name", "Nama", "Uraian", Required: true),
            new("parent", "Induk", "Kode baris induk"),
            new("depth", "Tingkat", "Tingkat baris seperti tercetak: 1 = baris teratas, 2 = di bawah baris 1 terdekat di atasnya, ...; dipakai bila Induk kosong"),
            new("level", "Level", "Program, Kegiatan, KRO, RO, Komponen, SubKomponen, SubKegiatan, JenisBelanja"),
            new("pagu", "Pagu", "Pagu (Rp); pagu dan realisasi kosong = baris judul (Dinas, UPTD, judul program) yang angkanya jumlah baris di bawahnya; selain itu wajib"),
            new("blokir", "Blokir", "Anggaran diblokir (Rp)"),
            new("realisasi", "Realisasi", "Realisasi (Rp); wajib kecuali pada baris judul"),
            new("realisasiTw1", "Realisasi TW I", "Realisasi triwulan I saja (Rp), opsional"),
            new("realisasiTw2", "Realisasi TW II", "Realisasi triwulan II saja (Rp), opsional"),
            new("realisasiTw3", "Realisasi TW III", "Realisasi triwulan III saja (Rp), opsional"),
            new("realisasiTw4", "Realisasi TW IV", "Realisasi triwulan IV saja (Rp), opsional"),
            new("printedAbsorption", "Penyerapan Tercetak", "Persentase penyerapan tercetak"),
            new("goals", "Mendanai", "Kode sasaran/indikator yang didanai, dipisah ;"),
        ]),
        new("predicateScales", "Predikat", "Skala predikat milik instansi (selain Permendagri86, DuaStatus, LampuLalin); urutkan dari kategori terbaik",
        [
            new("scale", "Skala", "Nama skala, dipakai di Profil > Skala Predikat", Required: true),
            new("threshold", "Batas Bawah", "Capaian minimum (persen); kosong untuk kategori terakhir"),
            new("inclusive", "Termasuk Batas", "Ya = capaian sama dengan batas masuk kategori ini", YesNo),
            new("label", "Kategori", "Nama kategori, mis. Sangat Baik", Required: true),
            new("color", "Warna", "Warna heksadesimal, mis. #1b7f3b"),
        ]),
        new("narratives", "Narasi", "Teks analisis per sasaran/indikator",
        [
            new("goal", "Sasaran", "Kode sasaran atau indikator (kode unit untuk Tugas dan Fungsi; Instansi untuk teks bab laporan)", Required: true),
            new("kind", "Jenis", "Analisis, Pendorong, Penghambat, Upaya, LatarBelakang, Kendala; Tugas dan Fungsi dengan kode unit; teks bab dengan kode Instansi: KataPengantar, IkhtisarEksekutif, LatarBelakang, Maksud, Tujuan, DasarHukum, IsuStrategis, Permasalahan, Kesimpulan, Saran", Required: true),
            new("text", "Teks", "Teks", Required: true),
        ]),
        new("staff", "Pegawai", "Jumlah pegawai per dimensi dan kategori (Bab I, Sumber Daya Manusia)",
        [
            new("unit", "Unit", "Kode unit; kosong = seluruh instansi"),
            new("dimension", "Dimensi", "Golongan, Pendidikan, Jabatan, Eselon, JenisKelamin, Status, ...", Required: true),
            new("category", "Kategori", "Mis. IV, S2, PNS, PPPK", Required: true),
            new("count", "Jumlah", "Jumlah pegawai, bilangan bulat 0 atau lebih", Required: true),
            new("sex", "Jenis Kelamin", "L (laki-laki) atau P (perempuan) bila jumlah dirinci menurut jenis kelamin; kosong = seluruhnya. Dimensi yang dirinci dicetak satu tabel: kategori ke bawah, L, P dan Jumlah ke samping", ["L", "P"]),
        ]),
        new("supportingPrograms", "ProgramPendukung", "Kinerja program pendukung sasaran strategis (K/L): realisasi per tahun dan target tahun laporan setiap program, dicetak sebagai tabel di bawah analisis sasarannya",
        [
            new("goal", "Sasaran", "Kode sasaran strategis pada sheet Rencana", Required: true),
            new("name", "Program", "Kinerja program seperti tercetak, mis. PYB_Vokasi", Required: true),
            new("satuan", "Satuan", "Satuan, mis. Orang"),
            new("year", "Tahun", "Tahun angka itu, mis. 2024; tahun-tahun sebelumnya menjadi kolom perbandingan", Required: true),
            new("target", "Target", "Target tahun itu seperti tercetak"),
            new("realisasi", "Realisasi", "Realisasi tahun itu seperti tercetak; (9.726.743) boleh untuk baris pengurang"),
            new("subtract", "Pengurang", "Ya = dikurangkan dari jumlah (irisan dua program yang terhitung dua kali)", YesNo),
        ]),
        .. PkSheets,
        .. ChapterSheets.Sheets,
        new("actionPlan", "RencanaAksi", "Rencana Aksi: per indikator dan triwulan, target triwulan dan aksi yang direncanakan (apa, siapa, kapan)",
        [
            new("indicator", "Indikator", "Kode indikator", Required: true),
            new("period", "Periode", "Triwulan tahun ini: 2025-TW1 sampai 2025-TW4", Required: true),
            new("target", "Target Triwulan", "Target triwulan menurut Rencana Aksi; kosong = target triwulan di sheet Target"),
            new("action", "Rencana Aksi", "Aksi yang direncanakan", Required: true),
            new("responsible", "Penanggung Jawab", "Siapa yang melaksanakan: jabatan, unit atau nama"),
            new("schedule", "Waktu", "Kapan: mis. Januari-Maret, minggu ke-2 Februari"),
        ]),
        .. DataSheets,
    ];


    public static SheetSpec Sheet(string json) => Sheets.Single(s => s.Json == json);
}
