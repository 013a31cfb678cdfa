using Kinerja.Domain.Measurement;
using Kinerja.Domain.Narratives;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests.Validation;

/// <summary>
/// Issue 20 items 12, 13 and 15: fewer false alarms, none missed. Each changed check is shown silent on the input
/// that used to raise a false alarm, and firing on the fault it exists for.
/// </summary>
public partial class EveryRuleBothWaysTests
{
    private static Target Quarter(int quarter, string value, string document) => new("IK-1", Period.OfQuarter(2025, quarter), Pct(value), Cumulative: true, Document: document);

    [Fact]
    public void A_target_lowered_by_a_PK_Perubahan_is_not_a_decreasing_cumulative_target()
    {
        // awal: TW II 30%, TW III 40%; the perubahan lowers TW III to 25% and keeps climbing to TW IV 50%
        var lowered = Clean() with { Targets = [.. Clean().Targets, Quarter(2, "30%", "PK"), Quarter(3, "40%", "PK"), Quarter(3, "25%", "PK Perubahan"), Quarter(4, "50%", "PK Perubahan")] };
        Assert.DoesNotContain(DatasetValidator.Check(lowered), f => f.Rule == "target-kumulatif-menurun");

        // within the perubahan itself TW IV 20% after TW III 25% still is a fault
        var falling = Clean() with { Targets = [.. Clean().Targets, Quarter(3, "25%", "PK Perubahan"), Quarter(4, "20%", "PK Perubahan")] };
        var finding = Assert.Single(DatasetValidator.Check(falling), f => f.Rule == "target-kumulatif-menurun");
        Assert.Equal("IK-1 2025-TW4", finding.Code);
        Assert.Contains("pada PK Perubahan", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_narrative_quoting_last_years_capaian_is_no_mismatch()
    {
        // 2024: 40 / 50 = 80%; the narrative compares this year's 100% with last year's 80%
        var withHistory = Clean() with
        {
            Targets = [.. Clean().Targets, new Target("IK-1", Period.OfYear(2024), Pct("50%"))],
            Realisasi = [.. Clean().Realisasi, new Realisasi("IK-1", Period.OfYear(2024), Pct("40%"))],
        };
        var quotesLastYear = withHistory with { Narratives = [new Narrative("IK-1", "Analisis", "Capaian sebesar 80% pada tahun 2024 naik menjadi capaian 100% pada tahun 2025.")] };
        Assert.DoesNotContain(DatasetValidator.Check(quotesLastYear), f => f.Rule == "narasi-angka-berbeda");

        var wrong = withHistory with { Narratives = [new Narrative("IK-1", "Analisis", "Capaian sebesar 70% pada tahun 2024 naik menjadi capaian 100% pada tahun 2025.")] };
        Assert.Contains("capaian 70%", Assert.Single(DatasetValidator.Check(wrong), f => f.Rule == "narasi-angka-berbeda").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PK_indicators_without_realisasi_are_one_finding_listing_them()
    {
        // a PK signed in January: three indicators with their targets and no realisasi yet
        var indicators = new[] { "IK-2", "IK-3", "IK-4" }.Select(code => Clean().Indicators[0] with { Code = code, Name = "Indikator " + code }).ToList();
        var data = Clean() with
        {
            Indicators = [.. Clean().Indicators, .. indicators],
            Targets = [.. Clean().Targets, .. indicators.Select(i => new Target(i.Code, Year, Pct("40%")))],
        };

        var finding = Assert.Single(DatasetValidator.Check(data), f => f.Rule == UncomputedCapaianCheck.Rule);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith("3 indikator sudah bertarget tetapi realisasi", finding.Message, StringComparison.Ordinal);
        Assert.Contains("IK-2 (target 40%), IK-3 (target 40%), IK-4 (target 40%)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_extreme_capaian_threshold_fits_the_kind_of_indicator_and_is_one_finding()
    {
        var count = new Indicator { Code = "IK-9", GoalCode = "S1", Name = "Jumlah pencari kerja yang mendapatkan informasi", Satuan = "Orang", Aggregation = PeriodAggregation.Sum, OwnerUnitCode = "DINAS" };
        var index = new Indicator { Code = "IK-3", GoalCode = "S1", Name = "Nilai SAKIP", Satuan = "Nilai", OwnerUnitCode = "DINAS" };
        MeasuredValue N(decimal v, string text) => new NumberValue(v, false) { Original = text };
        PerformanceDataset With(decimal countRealisasi, decimal indexRealisasi) => Clean() with
        {
            Indicators = [.. Clean().Indicators, count, index],
            Targets = [.. Clean().Targets, new Target("IK-9", Year, N(1000m, "1000 Orang")), new Target("IK-3", Year, N(80m, "80"))],
            Realisasi = [.. Clean().Realisasi, new Realisasi("IK-9", Year, N(countRealisasi, countRealisasi.ToString(System.Globalization.CultureInfo.InvariantCulture) + " Orang")), new Realisasi("IK-3", Year, N(indexRealisasi, indexRealisasi.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
        };

        // seed 003 IK-9: 1.762 / 1.000 = 176,2% is within a count's range; a value of 88 against 80 (110%) within an index's
        Assert.DoesNotContain(DatasetValidator.Check(With(1762m, 88m)), f => f.Rule == "capaian-ekstrem-tanpa-penjelasan");

        // 2.500 / 1.000 = 250% for a count, 104 / 80 = 130% for an index: both far, one finding naming both with their limits
        var finding = Assert.Single(DatasetValidator.Check(With(2500m, 104m)), f => f.Rule == "capaian-ekstrem-tanpa-penjelasan");
        Assert.StartsWith("2 indikator dengan capaian jauh dari 100%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("IK-9 250,00% (2500 Orang dari target 1000 Orang; di atas 200% untuk jumlah)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("IK-3 130,00% (104 dari target 80; di atas 120% untuk indeks/nilai)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Persen_target_typed_as_a_fraction_gets_its_own_warning_with_the_capaian_it_gives()
    {
        var data = WithRealisasi(Clean() with { Targets = [new Target("IK-1", Year, Pct("0,5")), new Target("IK-1", Period.RenstraEnd, Pct("60%"))] }, "48%", "9600%");
        var finding = Assert.Single(DatasetValidator.Check(data), f => f.Rule == "target-persen-pecahan");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("Target", finding.Sheet);
        // 48 / 0,5 x 100 = 9.600%
        Assert.Contains("(0,5 = 50%)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("capaian menjadi 9.600,00%", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_row_copied_from_its_neighbour_is_named_once()
    {
        // A 40/35, B and C repeat it: the parent prints 100 over rows that sum to 120
        var data = WithBudget(Clean(), Line("P1", 100m, 90m), Line("P1.A", 40m, 35m, "P1"), Line("P1.B", 40m, 35m, "P1"), Line("P1.C", 40m, 35m, "P1"));
        var message = Assert.Single(DatasetValidator.Check(data), f => f.Rule == "anggaran-jumlah-rincian" && f.Message.StartsWith("\"Baris P1\": pagu", StringComparison.Ordinal)).Message;
        Assert.Contains("P1.B sama persis dengan baris di atasnya P1.A", message, StringComparison.Ordinal);
        Assert.Contains("P1.C sama persis dengan baris di atasnya P1.B", message, StringComparison.Ordinal);
        Assert.Equal(2, message.Split("sama persis").Length - 1);
    }

    [Fact]
    public void A_total_row_is_never_a_copy_suspect()
    {
        // K2 totals its one sub kegiatan and so has the figures of K1's sub kegiatan just above it: no copy
        var data = WithBudget(Clean(), Line("P1", 200m, 150m), Line("P1.K1", 60m, 50m, "P1"), Line("P1.K1.S1", 60m, 50m, "P1.K1"), Line("P1.K2", 60m, 50m, "P1"), Line("P1.K2.S1", 60m, 50m, "P1.K2"));
        var findings = DatasetValidator.Check(data).Where(f => f.Rule == "anggaran-jumlah-rincian").ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.DoesNotContain("tersalin", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_PK_programme_that_is_not_the_sum_of_its_kegiatan_names_each_line_in_its_version()
    {
        // seed 000 Tabel 2.3 shape: a perubahan whose programme prints 2.055.179.582.000 over kegiatan that sum to 2.054.051.426.000
        var awal = new PkVersion { Id = PkVersionId.Awal, SignedOn = SigningDate.Of(2024, 1), Budget = [PkLine("DL", 2_054_051_426_000m), PkLine("DL.1", 2_000_000_000_000m, "DL"), PkLine("DL.2", 54_051_426_000m, "DL")] };
        var perubahan = new PkVersion
        {
            Id = PkVersionId.Perubahan(1),
            SignedOn = SigningDate.Of(2024, 6, 30),
            Budget = [.. new[] { PkLine("DL", 2_055_179_582_000m), PkLine("DL.1", 2_000_000_000_000m, "DL"), PkLine("DL.2", 54_051_426_000m, "DL") }.Select(l => l with { Version = PkVersionId.Perubahan(1), SourceRow = 7 })],
        };
        var finding = Assert.Single(DatasetValidator.Check(Clean() with { PkVersions = [awal, perubahan] }), f => f.Rule == "anggaran-pk-jumlah-rincian");
        Assert.Equal("perubahan-1 DL", finding.Code);
        Assert.Contains("Perjanjian Kinerja Perubahan: pagu DL (baris 7) tercetak 2.055.179.582.000 tidak sama dengan jumlah 2 baris rinciannya 2.054.051.426.000", finding.Message, StringComparison.Ordinal);
        Assert.Contains("DL.1 (baris 7) 2.000.000.000.000 + DL.2 (baris 7) 54.051.426.000", finding.Message, StringComparison.Ordinal);
        Assert.Contains("selisih 1.128.156.000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PK_Jumlah_printed_apart_from_its_programmes_is_flagged_with_the_programmes()
    {
        // seed 000 Tabel 2.3, PK awal: 1.517.968.550.000 + 2.528.140.532.000 + 2.054.051.426.000 = 6.100.160.508.000
        var awal = new PkVersion { Id = PkVersionId.Awal, SignedOn = SigningDate.Of(2024, 1), Budget = [PkLine("WA", 1_517_968_550_000m), PkLine("DN", 2_528_140_532_000m), PkLine("DL", 2_054_051_426_000m)] };
        PerformanceDataset Printed(string value) => Clean() with { PkVersions = [awal], PrintedFigures = [new PrintedFigure(PrintedFigureKind.AnggaranPK, "awal", Year, value, "Tabel 2.3")] };

        Assert.DoesNotContain(DatasetValidator.Check(Printed("6.100.160.508.000")), f => f.Rule == "anggaran-pk-jumlah");
        var finding = Assert.Single(DatasetValidator.Check(Printed("Rp6.101.160.508.000,-")), f => f.Rule == "anggaran-pk-jumlah");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("tidak sama dengan Rp 6.100.160.508.000 (jumlah 3 program pada sheet AnggaranPK: WA Rp 1.517.968.550.000 + DN Rp 2.528.140.532.000 + DL Rp 2.054.051.426.000); selisih Rp 1.000.000.000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rupiah_figures_printed_in_the_text_are_checked_against_the_budget()
    {
        // a line funding IK-2 with pagu 50.000.000 and realisasi 45.000.000; IK-2 placed 1.000 Orang
        var placed = new Indicator { Code = "IK-2", GoalCode = "S1", Name = "Jumlah pencari kerja ditempatkan", Satuan = "Orang", Aggregation = PeriodAggregation.Sum, OwnerUnitCode = "DINAS" };
        var data = Clean() with
        {
            Indicators = [.. Clean().Indicators, placed],
            Targets = [.. Clean().Targets, new Target("IK-2", Year, new NumberValue(1000m, false) { Original = "1.000 Orang" })],
            Realisasi = [.. Clean().Realisasi, new Realisasi("IK-2", Year, new NumberValue(1000m, false) { Original = "1.000 Orang" })],
            Budget = [Line("P1", 150m, 135m) with { Funds = ["S1"] }, Line("P1.K1", 100m, 90m, "P1"), Line("P1.K2", 50_000_000m, 45_000_000m, "P1") with { Funds = ["IK-2"] }],
        };
        // fix the programme to the sum of its two lines so only the printed figures are judged
        data = data with { Budget = [Line("P1", 50_000_100m, 45_000_090m) with { Funds = ["S1"] }, Line("P1.K1", 100m, 90m, "P1", "90%"), Line("P1.K2", 50_000_000m, 45_000_000m, "P1") with { Funds = ["IK-2"] }] };
        PrintedFigure Figure(PrintedFigureKind kind, string? code, string value) => new(kind, code, Year, value, null);

        var right = data with
        {
            PrintedFigures =
            [
                Figure(PrintedFigureKind.Pagu, null, "Rp 50.000.100"),
                Figure(PrintedFigureKind.RealisasiAnggaran, "P1.K2", "45.000.000"),
                Figure(PrintedFigureKind.Penghematan, "P1.K2", "Rp 5.000.000"),
                Figure(PrintedFigureKind.BiayaPerOutput, "IK-2", "Rp 45.000"),
            ],
        };
        Assert.DoesNotContain(DatasetValidator.Check(right), f => f.Sheet == "AngkaTercetak");

        var wrong = data with { PrintedFigures = [Figure(PrintedFigureKind.Penghematan, "P1.K2", "Rp 4.500.000"), Figure(PrintedFigureKind.BiayaPerOutput, "IK-2", "Rp 50.000")] };
        var findings = DatasetValidator.Check(wrong).Where(f => f.Rule == PrintedFigureCheck.Rule).ToList();
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Message.Contains("penghematan (pagu - realisasi) P1.K2 tercetak Rp 4.500.000 tidak sama dengan Rp 5.000.000", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("biaya per output IK-2 tercetak Rp 50.000 tidak sama dengan Rp 45.000 (realisasi anggaran Rp 45.000.000", StringComparison.Ordinal));
    }

    [Fact]
    public void The_zero_target_rule_is_the_same_in_the_code_the_check_and_docs_measurement_md()
    {
        MeasuredValue N(decimal v) => new NumberValue(v, false) { Original = v.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var profile = Clean().Profile;
        var lower = new Indicator { Code = "Z1", GoalCode = "S1", Name = "Kebocoran data", Polarity = Polarity.LowerIsBetter };
        var higherNol = new Indicator { Code = "Z2", GoalCode = "S1", Name = "Pengaduan", TargetKind = TargetKind.Zero };
        var higher = new Indicator { Code = "Z3", GoalCode = "S1", Name = "Pengaduan" };
        // seed 002 IKK 7: zero data breaches, lower is better, whatever the target kind
        Assert.Equal(100m, CapaianCalculator.Compute(lower, N(0m), N(0m), profile).Value);
        Assert.Equal(0m, CapaianCalculator.Compute(lower, N(0m), N(3m), profile).Value);
        // higher is better with kind Nol: 0 or more meets it (docs/rules.md §4's convention)
        Assert.Equal(100m, CapaianCalculator.Compute(higherNol, N(0m), N(5m), profile).Value);
        Assert.Equal(0m, CapaianCalculator.Compute(higherNol, N(0m), N(-1m), profile).Value);
        // higher is better without kind Nol: not computed, an error of check naming the way out
        var missing = CapaianCalculator.Compute(higher, N(0m), N(5m), profile);
        Assert.Equal(CapaianStatus.NotComputable, missing.Status);
        Assert.StartsWith("target 0 pada indikator maksimal tidak dapat dibagi", missing.Reason, StringComparison.Ordinal);
        Assert.Contains("isi jenis target Nol", missing.Reason, StringComparison.Ordinal);
        Assert.Contains("docs/rules.md §4", missing.Reason, StringComparison.Ordinal);
        var finding = Assert.Single(DatasetValidator.Check(Clean() with { Targets = [new Target("IK-1", Year, Pct("0%")), new Target("IK-1", Period.RenstraEnd, Pct("60%"))] }), f => f.Rule == UncomputedCapaianCheck.Rule);
        Assert.Equal(Severity.Error, finding.Severity);

        // the document says the same three things, with the source
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Kinerja.sln")))
            root = root.Parent;
        var doc = File.ReadAllText(Path.Combine(root!.FullName, "docs", "measurement.md"));
        Assert.Contains("**Target 0** (docs/rules.md §4)", doc, StringComparison.Ordinal);
        Assert.Contains("- **lower is better**, whatever the target kind: realisasi 0 or less gives 100%, anything above 0%. Source:\n  seed 002 IKK 7", doc.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("- **higher is better, target kind `Nol`**: realisasi 0 or more meets the target, 100%", doc, StringComparison.Ordinal);
        Assert.Contains("- **higher is better, any other target kind**: not computed. `check` reports it as an error", doc, StringComparison.Ordinal);
        Assert.Contains("\"target 0 pada indikator maksimal tidak dapat dibagi ...\"", doc, StringComparison.Ordinal);
    }

    /// <summary>A budget of 15.000.000.000 pagu and 12.345.678.000 realisasi over two kegiatan (sisa 2.654.322.000).</summary>
    private static PerformanceDataset WithAmounts(PerformanceDataset d) => WithBudget(d,
        Line("P1", 15_000_000_000m, 12_345_678_000m) with { Funds = ["S1"] },
        Line("P1.K1", 10_000_000_000m, 9_000_000_000m, "P1"),
        Line("P1.K2", 5_000_000_000m, 3_345_678_000m, "P1"));

    private static List<Finding> AmountFindings(string text) =>
        [.. DatasetValidator.Check(WithAmounts(Clean()) with { Narratives = [new Narrative("Instansi", "Kesimpulan", text)] }).Where(f => f.Rule == NarrativeAmountCheck.Rule)];

    [Theory]
    // whole rupiah with thousands dots, with or without a space, "Rp." and ",00"
    [InlineData("Realisasi anggaran tahun 2025 sebesar Rp 12.345.678.000 atau 82,30% dari pagu.")]
    [InlineData("Realisasi anggaran mencapai Rp. 12.345.678.000,00 dari pagu Rp15.000.000.000.")]
    // a scale word with a decimal comma, to the precision shown: half up (12,35) or cut off (12,34)
    [InlineData("Realisasi anggaran sebesar Rp12,3 miliar.")]
    [InlineData("Realisasi anggaran sebesar Rp12,35 miliar.")]
    [InlineData("Realisasi anggaran sebesar Rp12,34 miliar.")]
    [InlineData("Realisasi anggaran sebesar 12,3 miliar rupiah.")]
    [InlineData("Realisasi anggaran sebesar Rp12.345,678 juta.")]
    // sisa (efisiensi) of the total, and a kegiatan's own figures
    [InlineData("Efisiensi sebesar Rp2.654.322.000 dikembalikan ke kas negara.")]
    [InlineData("Sisa anggaran Rp2,65 miliar.")]
    [InlineData("Pagu kegiatan K2 sebesar Rp5 miliar terealisasi Rp3.345.678.000.")]
    // not a claim about this year's budget: another year, a unit cost, a sentence without budget words
    [InlineData("Pagu tahun 2024 sebesar Rp10.000.000.000.")]
    [InlineData("Realisasi anggaran pelatihan Rp3.500.000 per peserta.")]
    [InlineData("Upah minimum kabupaten sebesar Rp3.113.359.")]
    public void A_narrative_amount_that_is_a_computed_budget_figure_or_no_claim_is_no_finding(string text) =>
        Assert.Empty(AmountFindings(text));

    [Theory]
    [InlineData("Realisasi anggaran tahun 2025 sebesar Rp 12.345.679.000 atau 82,30% dari pagu.", "Rp 12.345.679.000", "Rp12.345.678.000")]
    [InlineData("Realisasi anggaran sebesar Rp12,36 miliar.", "Rp12,36 miliar", "Rp12.345.678.000")]
    [InlineData("Efisiensi sebesar Rp2,8 miliar.", "Rp2,8 miliar", "Rp2.654.322.000")]
    [InlineData("Total pagu anggaran Rp 16.000.000.000.", "Rp 16.000.000.000", "Rp15.000.000.000")]
    public void A_narrative_amount_that_differs_from_the_budget_tables_is_found(string text, string typed, string nearest)
    {
        var finding = Assert.Single(AmountFindings(text));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains($"menyebut {typed},", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"yang terdekat {nearest}", finding.Message, StringComparison.Ordinal);
    }
}
