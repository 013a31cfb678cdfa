using Kinerja.Documents.Reports;
using Kinerja.Domain.Model;

namespace Kinerja.Documents.Tests;

/// <summary>BAB I of the Laporan Kinerja: staff tables from sheet Pegawai and tugas/fungsi from sheet Narasi.</summary>
public class StaffAndDutiesTests
{
    private static Docx Lkjip(PerformanceDataset data) => Docx.Render(LkjipReport.Build(new ReportRequest(data)));

    private static OpenXmlTable StaffTable(Docx docx, string dimension) =>
        docx.Tables.Single(t => t.Caption.Contains("Jumlah Pegawai menurut " + dimension, StringComparison.Ordinal));

    /// <summary>The count printed for a category (second column) of a staff table.</summary>
    private static string Count(OpenXmlTable table, string category) => table.Rows.Single(r => r[1] == category)[2];

    [Fact]
    public void Banjar_staff_tables_reproduce_the_Jumlah_row_of_the_Kepegawaian_table()
    {
        // seed 003 l.221 Jumlah row: Eselon II 1, III 4, IV 9; Golongan IV 4, III 22, II 2, I 1;
        // Pendidikan S3 0, S2 11, S1 12, D4 0, D3 1, SMA 5, SMP 0, SD 0
        var docx = Lkjip(Samples.Load("banjar-2025.json"));
        var golongan = StaffTable(docx, "Golongan");
        Assert.StartsWith("Tabel 1.", golongan.Caption);
        Assert.Equal("4", Count(golongan, "IV"));
        Assert.Equal("22", Count(golongan, "III"));
        Assert.Equal("2", Count(golongan, "II"));
        Assert.Equal("1", Count(golongan, "I"));
        Assert.Equal("29", Count(golongan, "Jumlah")); // 4 + 22 + 2 + 1: the 29 employees of the table's rows
        var pendidikan = StaffTable(docx, "Pendidikan");
        Assert.Equal("11", Count(pendidikan, "S2"));
        Assert.Equal("12", Count(pendidikan, "S1"));
        Assert.Equal("1", Count(pendidikan, "D3"));
        Assert.Equal("5", Count(pendidikan, "SMA"));
        Assert.Equal("0", Count(pendidikan, "SD"));
        Assert.Equal("29", Count(pendidikan, "Jumlah")); // 0 + 11 + 12 + 0 + 1 + 5 + 0 + 0, the same 29 people
        var eselon = StaffTable(docx, "Eselon");
        Assert.Equal("14", Count(eselon, "Jumlah")); // 1 + 4 + 9: the 14 structural positions, rows 1-14
        Assert.DoesNotContain("tabel kepegawaian tidak disajikan", docx.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Kemnaker_staff_table_shows_3544_employees_with_thousands_dot()
    {
        // seed 000 l.297: "memiliki jumlah pegawai sebanyak 3.544 orang" (ASN); the breakdown is an image (Gambar 1.2)
        var table = StaffTable(Lkjip(Samples.Load("kemnaker-2024.json")), "Status");
        Assert.Equal("3.544", Count(table, "ASN"));
        Assert.Equal("3.544", Count(table, "Jumlah"));
    }

    [Fact]
    public void Tugas_and_fungsi_come_from_the_Narasi_sheet_instead_of_the_placeholder()
    {
        // seed 003 l.123 (tugas pokok) and l.129-133 (five fungsi); l.135 the Sekretariat's tugas
        var banjar = Lkjip(Samples.Load("banjar-2025.json")).AllText;
        Assert.Contains("dipimpin oleh Kepala Dinas yang berkedudukan di bawah dan bertanggung jawab Kepada Bupati melalui Sekretaris Daerah", banjar, StringComparison.Ordinal);
        Assert.Contains("Penyelenggaraan urusan kesekretariatan", banjar, StringComparison.Ordinal);
        Assert.Contains("Sekretariat: Mempunyai tugas membantu dinas", banjar, StringComparison.Ordinal);
        Assert.DoesNotContain("Uraian tugas pokok dan fungsi belum diisi", banjar, StringComparison.Ordinal);
        // seed 000 l.208 (tugas) and l.210-216 (fungsi a-g)
        var kemnaker = Lkjip(Samples.Load("kemnaker-2024.json")).AllText;
        Assert.Contains("membantu Presiden dalam menyelenggarakan pemerintahan negara", kemnaker, StringComparison.Ordinal);
        Assert.Contains("Pengelolaan barang milik/kekayaan negara", kemnaker, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entered_Jumlah_category_is_not_counted_twice()
    {
        // Banjar golongan parts 4 + 22 + 2 + 1 = 29, with the total also entered as a category "Jumlah" = 29
        var data = Samples.Load("banjar-2025.json");
        var report = LkjipReport.Build(new ReportRequest(data with { Staff = [.. Golongan(), new StaffCount(null, "Golongan", "Jumlah", 29)] }));
        var table = report.Tables.Single(t => t.Caption.Contains("menurut Golongan", StringComparison.Ordinal));
        Assert.Equal(5, table.Rows.Count); // four categories and one Jumlah row
        Assert.Equal("29", table.Rows[^1].Cells[2].Text);
        Assert.Equal(RowKind.Total, table.Rows[^1].Kind);
        Assert.DoesNotContain(report.Blocks.OfType<ParagraphBlock>(), p => p.Text.Contains("berbeda dengan jumlah rinciannya", StringComparison.Ordinal));
    }

    [Fact]
    public void An_entered_total_that_differs_from_its_parts_shows_the_sum_and_a_placeholder_note()
    {
        // the parts 4 + 22 + 2 + 1 = 29 against a typed total of 30: the table prints 29, the note names both
        var data = Samples.Load("banjar-2025.json");
        var report = LkjipReport.Build(new ReportRequest(data with { Staff = [.. Golongan(), new StaffCount(null, "Golongan", "Total", 30)] }));
        var table = report.Tables.Single(t => t.Caption.Contains("menurut Golongan", StringComparison.Ordinal));
        Assert.Equal("29", table.Rows[^1].Cells[2].Text);
        // the difference is for the person filling the workbook: on the draft's checklist, not in the document
        var note = Assert.Single(report.Checklist, i => i.Text.Contains("berbeda dengan jumlah rinciannya", StringComparison.Ordinal));
        Assert.False(note.Required);
        Assert.Contains("(30 orang)", note.Text, StringComparison.Ordinal);
        Assert.Contains("(29 orang)", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Blocks.OfType<ParagraphBlock>(), p => p.Text.Contains("berbeda dengan jumlah rinciannya", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_staff_data_the_placeholder_stays_and_no_staff_table_is_built()
    {
        var data = Samples.Load("banjar-2025.json") with { Staff = [] };
        var report = LkjipReport.Build(new ReportRequest(data));
        Assert.DoesNotContain(report.Tables, t => t.Caption.Contains("Jumlah Pegawai", StringComparison.Ordinal));
        Assert.Contains(report.Checklist, i => !i.Required && i.Text.Contains("tabel kepegawaian tidak disajikan", StringComparison.Ordinal));
    }

    private static StaffCount[] Golongan() =>
    [
        new(null, "Golongan", "IV", 4), new(null, "Golongan", "III", 22), new(null, "Golongan", "II", 2), new(null, "Golongan", "I", 1),
    ];
}
