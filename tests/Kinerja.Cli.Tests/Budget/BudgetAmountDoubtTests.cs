using Kinerja.Documents.Budget;
using Kinerja.Documents.Workbook;

namespace Kinerja.Cli.Tests.Budget;

public class BudgetAmountDoubtTests
{
    [Fact]
    public void A_lone_comma_before_three_digits_in_a_budget_row_is_refused_not_read_as_decimal()
    {
        // Pasar Kerja 2021 prints sisa "1,000" for 16,651,000 - 16,650,000: a lone comma there means thousands
        const string csv = "kode;nama;pagu;realisasi\n2176.ABK.007;Analisis Kondisi Pasar Kerja;16,651,000;1,500\n";

        var error = Assert.Throws<WorkbookImportException>(() => BudgetCsv.Parse(csv, "anggaran.csv"));

        var only = Assert.Single(error.Errors);
        Assert.Equal("realisasi", only.Location.Column);
        Assert.Contains("1.500", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comma_thousands_and_Indonesian_decimals_in_a_budget_row_still_read()
    {
        const string csv = "kode;nama;pagu;realisasi\n2176.ABK.007;Analisis Kondisi Pasar Kerja;16,651,000;1.500,50\n";

        var line = Assert.Single(BudgetCsv.Parse(csv, "anggaran.csv"));

        Assert.Equal(16_651_000m, line.Pagu);
        Assert.Equal(1_500.50m, line.Realisasi);
    }

    [Fact]
    public void Workbook_budget_columns_refuse_a_lone_comma_before_three_digits_at_their_cells()
    {
        const string json = """
            { "profile": { "agency": "uji", "year": "2025" }, "plan": [], "indicators": [], "targets": [], "realisasi": [],
              "budget": [ { "code": "A", "name": "a", "pagu": "16,651,000", "blokir": "1,000", "realisasi": "1,500", "realisasiTw1": "2,500" } ] }
            """;

        var error = Assert.Throws<WorkbookImportException>(() => DatasetImporter.Import(JsonWorkbook.Read(json, "uji.json")));

        Assert.Equal(["realisasi", "blokir", "realisasiTw1"], error.Errors.Select(e => e.Location.Column));
        Assert.All(error.Errors, e => Assert.Contains("Rupiah", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Workbook_budget_columns_still_read_comma_thousands_and_Indonesian_decimals()
    {
        const string json = """
            { "profile": { "agency": "uji", "year": "2025" }, "plan": [], "indicators": [], "targets": [], "realisasi": [],
              "budget": [ { "code": "A", "name": "a", "pagu": "16,651,000", "blokir": "Rp 1.000", "realisasi": "16.650.000,50", "realisasiTw1": "1,5" } ] }
            """;

        var line = Assert.Single(DatasetImporter.Import(JsonWorkbook.Read(json, "uji.json")).Budget);

        Assert.Equal(16_651_000m, line.Pagu);
        Assert.Equal(1_000m, line.Blokir);
        Assert.Equal(16_650_000.50m, line.Realisasi);
        Assert.Equal([1.5m], line.QuarterlyRealisasi);
    }
}
