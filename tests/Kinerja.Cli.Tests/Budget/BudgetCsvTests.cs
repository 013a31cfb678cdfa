using Kinerja.Documents.Budget;
using Kinerja.Documents.Workbook;

namespace Kinerja.Cli.Tests.Budget;

public class BudgetCsvTests
{
    [Fact]
    public void Semicolon_export_with_header_and_Indonesian_amounts_reads_into_a_tree()
    {
        // 002 Tabel 3.6, first lines, as a finance system exports them
        const string csv = """
            Kode;Uraian;Pagu;Realisasi
            2176;Peningkatan Pengembangan Pasar Kerja;9.090.838.000;8.690.035.417
            2176.BAA;Pelayanan Publik kepada Masyarakat;Rp 6.274.668.000;6.040.128.839
            2176.BAA.001;Tenaga Kerja yang difasilitasi layanan pasar kerja;1.353.340.000;1.302.656.664
            """;

        var lines = BudgetCsv.Parse(csv, "anggaran.csv");

        Assert.Equal([9_090_838_000m, 6_274_668_000m, 1_353_340_000m], lines.Select(l => l.Pagu));
        Assert.Equal(8_690_035_417m, lines[0].Realisasi);
        Assert.Equal([null, "2176", "2176.BAA"], lines.Select(l => l.ParentCode));
        Assert.Equal(["Kegiatan", "KRO", "RO"], lines.Select(l => l.Level));
        Assert.Equal([2, 3, 4], lines.Select(l => l.SourceRow));
    }

    [Fact]
    public void Comma_export_without_header_accepts_quoted_comma_thousands()
    {
        const string csv = "2176.ABK,UMKM,\"16,651,000\",\"16,650,000\"\n2176.ABK.007,Analisis Kondisi Pasar Kerja,16651000,16650000\n";

        var lines = BudgetCsv.Parse(csv, "anggaran.csv");

        Assert.Equal([16_651_000m, 16_651_000m], lines.Select(l => l.Pagu));
        Assert.Equal("2176.ABK", lines[1].ParentCode);
    }

    [Fact]
    public void Errors_name_file_row_and_column_and_are_all_collected()
    {
        const string csv = "kode;nama;pagu;realisasi\nA;satu;1.2.3;10\nB;dua;100\nC;tiga;100;\n";

        var error = Assert.Throws<WorkbookImportException>(() => BudgetCsv.Parse(csv, "keuangan.csv"));

        Assert.Equal(3, error.Errors.Count);
        Assert.Equal("keuangan.csv, sheet CSV, baris 2, kolom pagu (C2)", error.Errors[0].Location.ToString());
        Assert.Contains("3 kolom, seharusnya 4", error.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Errors[1].Location.Row);
        Assert.Equal("realisasi", error.Errors[2].Location.Column);
        Assert.Equal("wajib diisi", error.Errors[2].Message);
    }

    [Fact]
    public void Unknown_header_is_refused()
    {
        var error = Assert.Throws<WorkbookImportException>(() => BudgetCsv.Parse("kode;nama;jumlah;realisasi\nA;a;1;1\n", "x.csv"));

        Assert.Contains(error.Errors, e => e.Message.Contains("\"jumlah\" tidak dikenal", StringComparison.Ordinal));
    }
}
