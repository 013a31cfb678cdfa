namespace Kinerja.Documents.Workbook;

/// <summary>
/// Sheets for the Laporan Kinerja chapters that are not figures (issue 13 item 7): awards, innovations and the
/// follow-up of the last evaluation's recommendations. Kept apart from <see cref="WorkbookSchema"/> so its static
/// lists are built before the schema's own list takes them in.
/// </summary>
public static class ChapterSheets
{
    public static readonly IReadOnlyList<SheetSpec> Sheets =
    [
        new("problems", "Permasalahan", "Tabel permasalahan (Bab I): masalah pokok, masalah dan akar masalah, baris demi baris seperti tercetak; sel kosong = lanjutan baris di atasnya",
        [
            new("number", "No", "Nomor masalah pokok, mis. 1; kosong pada baris lanjutan"),
            new("mainProblem", "Masalah Pokok", "Masalah pokok"),
            new("problem", "Masalah", "Masalah"),
            new("rootCause", "Akar Masalah", "Akar masalah"),
        ]),
        new("strategicIssues", "IsuStrategis", "Tabel isu strategis (Bab I), kolom Renstra Perangkat Daerah; kolom yang kosong di semua baris tidak dicetak",
        [
            new("potential", "Potensi Daerah", "Potensi daerah yang menjadi kewenangan instansi"),
            new("problem", "Permasalahan", "Permasalahan instansi"),
            new("klhs", "Isu KLHS", "Isu KLHS (Kajian Lingkungan Hidup Strategis) yang relevan"),
            new("global", "Isu Global", "Isu lingkungan dinamis tingkat global"),
            new("national", "Isu Nasional", "Isu lingkungan dinamis tingkat nasional"),
            new("regional", "Isu Regional", "Isu lingkungan dinamis tingkat regional"),
            new("issue", "Isu Strategis", "Isu strategis instansi"),
        ]),
        new("awards", "Penghargaan", "Penghargaan yang diterima instansi (Bab III)",
        [
            new("year", "Tahun", "Tahun penghargaan diterima"),
            new("name", "Penghargaan", "Nama penghargaan seperti tercetak", Required: true),
            new("giver", "Pemberi", "Instansi/lembaga pemberi penghargaan"),
            new("level", "Tingkat", "Nasional, Provinsi, Kabupaten/Kota, ..."),
            new("note", "Keterangan", "Keterangan singkat, mis. kategori atau peringkat"),
        ]),
        new("innovations", "Inovasi", "Inovasi yang dijalankan instansi (Bab III)",
        [
            new("name", "Nama", "Nama inovasi", Required: true),
            new("description", "Uraian", "Apa yang dilakukan inovasi itu dan hasilnya"),
            new("unit", "Unit", "Kode unit pelaksana pada sheet Unit"),
            new("year", "Tahun", "Tahun inovasi mulai dijalankan"),
        ]),
        new("followUps", "TindakLanjut", "Rekomendasi hasil evaluasi terakhir (LHE AKIP) dan tindak lanjutnya (Bab III)",
        [
            new("source", "Sumber", "Evaluasi asal rekomendasi, mis. LHE AKIP Tahun 2025; baris dengan sumber yang sama membentuk satu tabel"),
            new("recommendation", "Rekomendasi", "Rekomendasi seperti tercetak", Required: true),
            new("action", "Tindak Lanjut", "Tindak lanjut yang dilakukan"),
            new("status", "Status", "Mis. Sudah ditindaklanjuti, Dalam proses; kosong = tidak dicetak"),
        ]),
    ];
}
