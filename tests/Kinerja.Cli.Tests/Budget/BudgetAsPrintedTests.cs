using Kinerja.Documents.Workbook;
using Kinerja.Domain.Budget;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Validation;

namespace Kinerja.Cli.Tests.Budget;

/// <summary>Issue 11 item 6: the budget as real reports print it (headings, depth, penyerapan in the CSV, copy-paste suspects, no efficiency from a wrong figure).</summary>
public sealed class BudgetAsPrintedTests : WithTempFolder
{
    /// <summary>The clean demo workbook with its Anggaran sheet replaced, written as .xlsx through the OpenXML SDK.</summary>
    private string Workbook(params (string Code, string Name, string? Parent, string? Depth, string? Pagu, string? Realisasi, string? Goals)[] rows)
    {
        var raw = XlsxWorkbook.Read(Samples.Path("clean-demo.xlsx"));
        var budget = new List<RawRow>();
        var spec = WorkbookSchema.Sheet("budget");
        for (var i = 0; i < rows.Length; i++)
        {
            var row = new RawRow { Row = i + 2, SheetName = spec.Sheet };
            void Set(string column, string? text) => row.Cells[column] = new RawCell(text, new SourceLocation("t.xlsx", spec.Sheet, i + 2, column));
            var (code, name, parent, depth, pagu, realisasi, goals) = rows[i];
            Set("code", code);
            Set("name", name);
            Set("parent", parent);
            Set("depth", depth);
            Set("pagu", pagu);
            Set("realisasi", realisasi);
            Set("goals", goals);
            budget.Add(row);
        }

        raw.Sheets["budget"] = budget;
        var path = Path.Combine(Folder, "anggaran-bertingkat.xlsx");
        XlsxWorkbook.Write(raw, path);
        return path;
    }

    [Fact]
    public async Task Dinas_and_UPTD_headings_without_amounts_carry_their_rows_and_the_depth_column_places_them()
    {
        // Dinas = 300.000.000 + 200.000.000 = 500.000.000 (realisasi 285 + 185 = 470 juta); UPTD = 100.000.000 / 60.000.000;
        // total 600.000.000 / 530.000.000 = 88,33%
        var path = Workbook(
            ("", "Dinas", null, "1", null, null, null),
            ("1.03.02", "Program Penempatan Tenaga Kerja", null, "2", null, null, null),
            ("1.03.02.2.01", "Pelayanan Antar Kerja", null, "3", "300.000.000", "285.000.000", "IKU-1"),
            ("1.03.02.2.02", "Pelatihan Pencari Kerja", "1.03.02", "3", "200.000.000", "185.000.000", "S2"),
            ("", "UPTD", null, "1", null, null, null),
            ("1.03.03", "Program Pelatihan UPTD", null, "2", "100.000.000", "60.000.000", null));

        var (budgetCode, budget, budgetError) = await CliHarness.Run("budget", path);
        var (_, check, _) = await CliHarness.Run("check", path);

        Assert.True(budgetCode == CliApp.Ok, budgetError);
        Assert.Contains("Total: pagu 600.000.000, realisasi 530.000.000", budget, StringComparison.Ordinal);
        Assert.Contains("Penyerapan terhadap pagu: 88,33%", budget, StringComparison.Ordinal);
        // the heading row shows no amounts of its own, only the sums of its rows (pagu, realisasi), and is marked as a heading
        var dinas = budget.Split('\n').Single(l => l.Contains("Dinas", StringComparison.Ordinal));
        Assert.Matches(@"^Dinas\s+500\.000\.000\s+470\.000\.000\s+judul", dinas.Trim());
        var uptd = budget.Split('\n').Single(l => l.Contains("UPTD", StringComparison.Ordinal) && !l.Contains("Program", StringComparison.Ordinal));
        Assert.Matches(@"^UPTD\s+100\.000\.000\s+60\.000\.000\s+judul", uptd.Trim());
        Assert.Contains("tidak ada temuan", check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_two_levels_below_the_last_row_and_a_heading_without_rows_are_reported()
    {
        var path = Workbook(
            ("1.03.02", "Program Penempatan Tenaga Kerja", null, "1", "300.000.000", "285.000.000", null),
            ("1.03.02.2.01.0001", "Sub kegiatan tanpa kegiatan", null, "3", "300.000.000", "285.000.000", null),
            ("", "UPTD", null, "1", null, null, null));

        var (code, check, _) = await CliHarness.Run("check", path);

        Assert.Equal(CliApp.Findings, code);
        Assert.Contains("baris bertingkat 3 tetapi tidak ada baris bertingkat 2 di atasnya", check, StringComparison.Ordinal);
        Assert.Contains("(anggaran-tingkat)", check, StringComparison.Ordinal);
        Assert.Contains("Anggaran, baris 4, UPTD", check, StringComparison.Ordinal);
        Assert.Contains("(anggaran-judul-tanpa-rincian)", check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_penyerapan_column_is_checked_and_the_finding_names_the_csv()
    {
        // 171.000.000 / 180.000.000 = 95,00% (printed 95,00: silent); 114.000.000 / 120.000.000 = 95,00% printed 97,50: a finding
        var csv = Path.Combine(Folder, "realisasi-keuangan.csv");
        await File.WriteAllTextAsync(csv, """
            Kode;Uraian;Pagu;Realisasi;Penyerapan (%)
            1.03.02.2.01;Pelayanan Antar Kerja;300.000.000;285.000.000;95,00
            1.03.02.2.01.0001;Pelayanan Antar Kerja di Daerah;180.000.000;171.000.000;95,00
            1.03.02.2.01.0002;Bursa Kerja;120.000.000;114.000.000;97,50
            """);

        var (code, output, _) = await CliHarness.Run("check", csv);

        Assert.Equal(CliApp.Findings, code);
        var finding = Assert.Single(output.Split('\n'), l => l.Contains("(anggaran-", StringComparison.Ordinal));
        Assert.Contains("[GALAT] realisasi-keuangan.csv, baris 4, 1.03.02.2.01.0002", finding, StringComparison.Ordinal);
        Assert.Contains("penyerapan tercetak 97,50% tidak dapat dihasilkan dari realisasi 114.000.000 / pagu 120.000.000; seharusnya 95,00%", finding, StringComparison.Ordinal);
        // `budget` shows the printed penyerapan beside the computed one
        var (_, budget, _) = await CliHarness.Run("budget", csv);
        Assert.Matches(@"Bursa Kerja\s+120\.000\.000\s+114\.000\.000\s+6\.000\.000\s+95,00%\s+97,50%", budget);
    }

    [Fact]
    public async Task A_csv_with_a_heading_and_depths_totals_the_heading_from_its_rows()
    {
        var csv = Path.Combine(Folder, "bertingkat.csv");
        await File.WriteAllTextAsync(csv, """
            Tingkat;Kode;Uraian;Pagu;Realisasi
            1;;Dinas;;
            2;1.03.02.2.01;Pelayanan Antar Kerja;300.000.000;285.000.000
            2;1.03.02.2.02;Pelatihan Pencari Kerja;200.000.000;185.000.000
            """);

        var (code, output, error) = await CliHarness.Run("budget", csv);
        var (checkCode, _, _) = await CliHarness.Run("check", csv);

        Assert.True(code == CliApp.Ok, error);
        Assert.Contains("Total: pagu 500.000.000, realisasi 470.000.000", output, StringComparison.Ordinal);
        Assert.Equal(CliApp.Ok, checkCode);
    }

    [Fact]
    public async Task A_total_that_rows_do_not_reach_names_the_row_that_repeats_its_neighbour_and_not_every_row()
    {
        // Bursa Kerja repeats Pelayanan Antar Kerja di Daerah (180.000.000 / 171.000.000) where 120.000.000 / 114.000.000 was printed:
        // rows 180 + 180 + 50 = 410 juta against the printed 350 juta
        var csv = Path.Combine(Folder, "salin.csv");
        await File.WriteAllTextAsync(csv, """
            Kode;Uraian;Pagu;Realisasi
            1.03.02.2.01;Pelayanan Antar Kerja;350.000.000;330.000.000
            1.03.02.2.01.0001;Pelayanan Antar Kerja di Daerah;180.000.000;171.000.000
            1.03.02.2.01.0002;Bursa Kerja;180.000.000;171.000.000
            1.03.02.2.01.0003;Job Fair;50.000.000;45.000.000
            """);

        var (_, output, _) = await CliHarness.Run("check", csv);

        var pagu = Assert.Single(output.Split('\n'), l => l.Contains("pagu tercetak 350.000.000", StringComparison.Ordinal));
        Assert.Contains("tidak sama dengan jumlah 3 baris rinciannya 410.000.000, selisih 60.000.000", pagu, StringComparison.Ordinal);
        Assert.Contains("periksa 1.03.02.2.01.0002 (baris 4) sama persis dengan baris di atasnya 1.03.02.2.01.0001 (baris 3) (pagu 180.000.000, realisasi 171.000.000)", pagu, StringComparison.Ordinal);
        Assert.DoesNotContain("seharusnya", pagu, StringComparison.Ordinal);
        Assert.DoesNotContain("0003", pagu, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_total_that_rows_do_not_reach_without_a_copied_row_names_no_suspect()
    {
        var csv = Path.Combine(Folder, "tanpa-salin.csv");
        await File.WriteAllTextAsync(csv, """
            Kode;Uraian;Pagu;Realisasi
            1.03.02.2.01;Pelayanan Antar Kerja;350.000.000;330.000.000
            1.03.02.2.01.0001;Pelayanan Antar Kerja di Daerah;180.000.000;171.000.000
            1.03.02.2.01.0002;Bursa Kerja;130.000.000;114.000.000
            1.03.02.2.01.0003;Job Fair;50.000.000;45.000.000
            """);

        var (_, output, _) = await CliHarness.Run("check", csv);

        var pagu = Assert.Single(output.Split('\n'), l => l.Contains("pagu tercetak 350.000.000", StringComparison.Ordinal));
        Assert.Contains("jumlah 3 baris rinciannya 360.000.000, selisih 10.000.000", pagu, StringComparison.Ordinal);
        Assert.DoesNotContain("tersalin", output, StringComparison.Ordinal);
        Assert.DoesNotContain("seharusnya", pagu, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("banjar-2025.xlsx")]
    [InlineData("banjar-2025.json")]
    public void Banjar_IK_20_gets_no_efficiency_from_the_one_miliar_typo_but_the_finding(string sample)
    {
        var data = DatasetImporter.Load(Samples.Path(sample));

        var table = BudgetAnalysis.Efficiency(data, PerformanceCalculator.Compute(data));

        var ik20 = Assert.Single(table.Listed, r => r.Code == "IK-20");
        Assert.Null(ik20.Efficiency);
        Assert.Null(ik20.Absorption);
        Assert.Equal(5_954_732_500m, ik20.Pagu);
        Assert.Equal("P1.K2", ik20.Doubt!.Code);
        Assert.Equal("anggaran-jumlah-rincian", ik20.Doubt.Rule);
        // IK-22 rests on P1.K4, whose printed realisasi its program confirms: 100 - 457.266.512 / 513.952.220 = 11,03
        var ik22 = Assert.Single(table.Listed, r => r.Code == "IK-22");
        Assert.Null(ik22.Doubt);
        Assert.Equal(11.03m, Math.Round(ik22.Efficiency!.Value, 2));
    }

    [Fact]
    public void Banjar_IK_20_with_the_kegiatan_pagu_corrected_gives_the_reports_own_11_12()
    {
        var data = DatasetImporter.Load(Samples.Path("banjar-2025.xlsx"));
        var corrected = data with { Budget = data.Budget.Select(l => l.Code == "P1.K2" ? l with { Pagu = 4_954_732_500m } : l).ToList() };

        var table = BudgetAnalysis.Efficiency(corrected, PerformanceCalculator.Compute(corrected));

        // 100 - 4.403.619.363 / 4.954.732.500 = 100 - 88,88 = 11,12
        var ik20 = Assert.Single(table.Listed, r => r.Code == "IK-20");
        Assert.Null(ik20.Doubt);
        Assert.Equal(11.12m, Math.Round(ik20.Efficiency!.Value, 2));
        Assert.DoesNotContain(BudgetFigureDoubts.Of(corrected.Budget).Keys, n => n.Code == "P1.K2");
    }

    [Fact]
    public async Task Budget_on_Banjar_prints_the_finding_in_place_of_IK_20_efficiency()
    {
        var (_, output, _) = await CliHarness.Run("budget", Samples.Path("banjar-2025.xlsx"));

        var row = Assert.Single(output.Split('\n'), l => l.StartsWith("IK-20 ", StringComparison.Ordinal));
        Assert.Contains("tidak dihitung*", row, StringComparison.Ordinal);
        Assert.DoesNotContain("26,05", output, StringComparison.Ordinal);
        Assert.Contains("* IK-20: efisiensi tidak dihitung karena angka anggaran yang dipakai ditandai galat oleh pemeriksaan: Anggaran, baris 18, P1.K2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_prints_no_blokir_when_none_was_given_and_prints_it_when_one_was()
    {
        var without = Path.Combine(Folder, "tanpa-blokir.csv");
        await File.WriteAllTextAsync(without, "1.03.02.2.01;Pelayanan Antar Kerja;300.000.000;285.000.000\n");
        var with = Path.Combine(Folder, "dengan-blokir.csv");
        await File.WriteAllTextAsync(with, "Kode;Uraian;Pagu;Blokir;Realisasi\n1.03.02.2.01;Pelayanan Antar Kerja;300.000.000;0;285.000.000\n");

        var (_, none, _) = await CliHarness.Run("budget", without);
        var (_, zero, _) = await CliHarness.Run("budget", with);

        Assert.Contains("Total: pagu 300.000.000, realisasi 285.000.000", none, StringComparison.Ordinal);
        Assert.DoesNotContain("blokir", none, StringComparison.Ordinal);
        Assert.Contains("Total: pagu 300.000.000, blokir 0, realisasi 285.000.000", zero, StringComparison.Ordinal);
        Assert.Contains("terhadap pagu tanpa blokir (300.000.000): 95,00%", zero, StringComparison.Ordinal);
    }
}
