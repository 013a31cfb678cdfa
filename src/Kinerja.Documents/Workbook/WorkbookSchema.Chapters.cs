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
