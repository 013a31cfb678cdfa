using Kinerja.Documents.Workbook;
using Kinerja.Domain.Formulas;
using Kinerja.Domain.Values;

namespace Kinerja.Cli.Tests;

public class DataImportTests
{
    private const string Workbook = """
        {
          "profile": { "agency": "Disnaker Contoh", "year": "2025", "rounding": "Truncate" },
          "units": [ { "code": "DINAS", "name": "Dinas" }, { "code": "SEKSI", "name": "Seksi Penempatan", "parent": "DINAS" } ],
          "plan": [ { "code": "S1", "level": "Sasaran", "name": "Meningkatnya penempatan" } ],
          "indicators": [ { "code": "IK-1", "goal": "S1", "name": "Persentase pencari kerja ditempatkan", "satuan": "Persen", "polarity": "Maksimal", "formulaExpr": "FORMULA" } ],
          "targets": [ { "indicator": "IK-1", "period": "2025", "value": "38%" } ],
          "realisasi": [],
          "dataElements": [
            { "code": "ditempatkan", "name": "Pencari kerja ditempatkan", "satuan": "Orang", "periodType": "Triwulanan", "aggregation": "Jumlah", "breakdowns": "saluran: AKL, AKAD, AKAN" },
            { "code": "terdaftar", "name": "Pencari kerja terdaftar", "satuan": "Orang", "periodType": "Triwulanan", "aggregation": "Jumlah" }
          ],
          "dataValues": [
            { "element": "ditempatkan", "unit": "SEKSI", "period": "2025-TW1", "breakdown": "saluran:AKL", "value": "200" },
            { "element": "ditempatkan", "unit": "SEKSI", "period": "2025-TW2", "breakdown": "saluran:AKL", "value": "300" },
            { "element": "ditempatkan", "unit": "SEKSI", "period": "2025-TW3", "breakdown": "saluran:AKAD", "value": "182" },
            { "element": "ditempatkan", "unit": "SEKSI", "period": "2025-TW4", "breakdown": "saluran:AKAN", "value": "200" },
            { "element": "terdaftar", "unit": "SEKSI", "period": "2025-TW1", "value": "400" },
            { "element": "terdaftar", "unit": "SEKSI", "period": "2025-TW2", "value": "462" },
            { "element": "terdaftar", "unit": "SEKSI", "period": "2025-TW3", "value": "500" },
            { "element": "terdaftar", "unit": "SEKSI", "period": "2025-TW4", "value": "400" }
          ]
        }
        """;

    private static Kinerja.Domain.Model.PerformanceDataset Import(string formula) =>
        DatasetImporter.Import(JsonWorkbook.Read(Workbook.Replace("FORMULA", formula, StringComparison.Ordinal), "contoh.json"));

    [Fact]
    public void A_workbook_can_carry_its_counts_and_the_formula_in_its_own_sheets()
    {
        // quarters of a year add up: 200 + 300 + 182 + 200 = 882 placed of 400 + 462 + 500 + 400 = 1.762 registered (as 003)
        var data = Import("safediv(#{ditempatkan}, #{terdaftar}) * 100");

        var computed = Assert.Single(FormulaRealisasi.Derive(data));
        Assert.Equal(882m / 1762m * 100m, computed.Outcome.Value);
        Assert.Equal("50,05%", data.Profile.FormatPercent(computed.Outcome.Value));
    }

    [Fact]
    public void A_quarter_uses_only_its_own_counts()
    {
        // TW II alone: 300 placed in-region (AKL) of 462 registered
        var imported = Import("#{ditempatkan|saluran:AKL} / #{terdaftar} * 100");
        var data = imported with { Profile = imported.Profile with { ReportPeriod = Period.OfQuarter(2025, 2) } };

        var computed = Assert.Single(FormulaRealisasi.Derive(data));

        Assert.Equal(300m / 462m * 100m, computed.Outcome.Value);
    }

    [Fact]
    public void A_formula_in_the_indicator_sheet_naming_an_unknown_element_is_refused_at_its_cell()
    {
        var error = Assert.Throws<WorkbookImportException>(() => Import("#{ditempatkan} / #{pencaker} * 100"));

        var only = Assert.Single(error.Errors);
        Assert.Equal("contoh.json, indicators[0].formulaExpr: rumus hitung IK-1 \"#{ditempatkan} / #{pencaker} * 100\" ditolak: elemen data \"pencaker\" tidak dikenal (posisi 18)", only.ToString());
    }

    [Fact]
    public void A_percent_indicator_whose_formula_computes_a_count_is_refused()
    {
        var error = Assert.Throws<WorkbookImportException>(() => Import("#{ditempatkan} + 5"));

        Assert.Contains("hasil rumus bersatuan Orang, padahal indikator bersatuan Persen", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_values_in_the_wrong_period_type_or_with_unknown_options_are_refused_with_their_cell()
    {
        var data = Import("safediv(#{ditempatkan}, #{terdaftar}) * 100");
        var csv = DataImporter.ReadCsv("Elemen;Unit;Periode;Rincian;Nilai\nditempatkan;SEKSI;2025-03;saluran:AKL;5\nditempatkan;SEKSI;2025-TW1;saluran:LUAR;5\nterdaftar;GUDANG;2025-TW1;;1.762\n", "nilai.csv");

        var error = Assert.Throws<WorkbookImportException>(() => DataImporter.Attach(data, csv));

        Assert.Equal(
        [
            "nilai.csv, sheet csv, baris 2, kolom Periode: elemen ditempatkan dikumpulkan per triwulan, bukan per bulan (2025-03)",
            "nilai.csv, sheet csv, baris 3, kolom Rincian: rincian \"saluran\" tidak punya opsi \"LUAR\"; yang ada: AKL, AKAD, AKAN",
            "nilai.csv, sheet csv, baris 4, kolom Unit: unit \"GUDANG\" tidak ada di sheet Unit",
        ], error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_csv_with_an_unknown_column_is_refused()
    {
        var error = Assert.Throws<WorkbookImportException>(() => DataImporter.ReadCsv("Elemen,Unit,Periode,Jumlah\nx,y,2025,1\n", "nilai.csv"));

        Assert.StartsWith("nilai.csv, sheet csv, baris 1, kolom Jumlah: kolom \"Jumlah\" tidak dikenal", Assert.Single(error.Errors).ToString(), StringComparison.Ordinal);
    }
}
