using System.Text.RegularExpressions;
using Kinerja.Domain.DataElements;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;
using static Kinerja.Domain.Tests.Formulas.FormulaTestData;

namespace Kinerja.Domain.Tests.Validation;

/// <summary>
/// Issue 11 item 12: every rule `check` can report is shown to fire on a minimal workbook, and to stay silent
/// on the same workbook without the fault (a near miss where one exists). The list of rules is read from the
/// source, so a new rule without a case here fails <see cref="Every_rule_in_the_source_has_a_case_here"/>.
/// </summary>
public partial class EveryRuleBothWaysTests
{
    private static readonly Period Year = Period.OfYear(2025);

    private static MeasuredValue Pct(string text) => MeasuredValueParser.Parse(text, TargetKind.Number, "Persen").Value;

    private static BudgetLine Line(string code, decimal pagu, decimal realisasi, string? parent = null, string? printed = null) => new()
    {
        Code = code,
        Name = "Baris " + code,
        ParentCode = parent,
        Level = parent is null ? "Program" : "Kegiatan",
        Pagu = pagu,
        Realisasi = realisasi,
        PrintedAbsorption = printed is null ? null : IndonesianNumber.Parse(printed.TrimEnd('%')).Value,
    };

    /// <summary>A small, consistent Pemda workbook: no rule fires on it.</summary>
    private static PerformanceDataset Clean() => new()
    {
        Profile = new AgencyProfile
        {
            Agency = "Dinas Uji",
            Kind = AgencyKind.Pemda,
            Year = 2025,
            ReportPeriod = Year,
            RenstraStart = 2025,
            RenstraEnd = 2029,
            PredicateScale = PredicateScale.Permendagri86,
            EfficiencyMethod = EfficiencyMethod.Difference,
        },
        Units = [new OrgUnit { Code = "DINAS", Name = "Dinas" }, new OrgUnit { Code = "BIDANG", Name = "Bidang", ParentCode = "DINAS" }],
        Plan =
        [
            new PlanNode { Code = "T1", Name = "Tujuan", Level = PlanLevel.Tujuan },
            new PlanNode { Code = "S1", Name = "Sasaran", Level = PlanLevel.Sasaran, ParentCode = "T1" },
        ],
        Indicators = [new Indicator { Code = "IK-1", GoalCode = "S1", Name = "Persentase uji", Satuan = "Persen", OwnerUnitCode = "DINAS" }],
        Targets = [new Target("IK-1", Year, Pct("50%")), new Target("IK-1", Period.RenstraEnd, Pct("60%"))],
        Realisasi = [new Realisasi("IK-1", Year, Pct("50%")) { PrintedCapaian = "100%" }],
        Budget = [Line("P1", 100m, 90m) with { Funds = ["S1"] }, Line("P1.K1", 100m, 90m, "P1", "90%")],
        DataElements = [Element("terdaftar", "Pencari kerja terdaftar", breakdowns: "jalur: a, b")],
        DataValues = [Value("terdaftar", "2025", 10m), Value("terdaftar", "2025", 4m, "jalur:a"), Value("terdaftar", "2025", 6m, "jalur:b")],
    };

    private static PerformanceDataset WithRealisasi(PerformanceDataset d, string value, string printed = "100%") =>
        d with { Realisasi = [new Realisasi("IK-1", Year, Pct(value)) { PrintedCapaian = printed }] };

    private static PerformanceDataset WithQuarters(PerformanceDataset d, params string[] quarters) =>
        d with { Realisasi = [.. d.Realisasi, .. quarters.Select((v, i) => new Realisasi("IK-1", Period.OfQuarter(2025, i + 1), Pct(v)))] };

    private static PerformanceDataset WithBudget(PerformanceDataset d, params BudgetLine[] lines) => d with { Budget = lines };

    private static PkBudgetLine PkLine(string code, decimal pagu, string? parent = null) =>
        new() { Version = PkVersionId.Awal, Code = code, Name = "Baris " + code, ParentCode = parent, Level = parent is null ? "Program" : "Kegiatan", Pagu = pagu };

    private static PerformanceDataset WithPkBudget(PerformanceDataset d, params PkBudgetLine[] lines) =>
        d with { PkVersions = [new PkVersion { Id = PkVersionId.Awal, SignedOn = SigningDate.Of(2025, 1), Budget = lines }] };

    private static PerformanceDataset WithValues(PerformanceDataset d, params DataValue[] values) => d with { DataValues = values };

    private static PerformanceDataset WithFormula(PerformanceDataset d, string formula) =>
        d with { Indicators = [d.Indicators[0] with { FormulaExpression = formula }] };

    private static PerformanceDataset AllowingNegative(PerformanceDataset d) =>
        d with { Indicators = [d.Indicators[0] with { AllowsNegative = true }] };

    /// <summary>Rule -> (the workbook where it fires, the near miss where it stays silent).</summary>
    private static readonly Dictionary<string, (Func<PerformanceDataset> Fires, Func<PerformanceDataset> Silent)> Cases = new()
    {
        // --- measurement (docs/rules.md §4-6, §10)
        ["capaian-tercetak"] = (() => WithRealisasi(Clean(), "50%", "90%"), () => WithRealisasi(Clean(), "50%", "100,00%")),
        // 49,999 / 50 = 99,998: half-up 100,00, truncated 99,99
        ["pembulatan"] = (() => WithRealisasi(Clean(), "49,999%", "99,99%"), () => WithRealisasi(Clean(), "49,999%", "100,00%")),
        ["capaian-tidak-dihitung"] = (() => Clean() with { Targets = [new Target("IK-1", Year, Pct("0%")), new Target("IK-1", Period.RenstraEnd, Pct("60%"))] }, Clean),
        // --- narratives (issue 13 item 4): a typed figure must agree with the computed one; a live field must name something
        ["narasi-angka-berbeda"] = (() => Clean() with { Narratives = [new Narrative("IK-1", "Analisis", "Capaian indikator ini sebesar 90% dari target.")] },
            () => Clean() with { Narratives = [new Narrative("IK-1", "Analisis", "Capaian indikator ini sebesar 100% dari target.")] }),
        // issue 20 item 3: 12.345.678.000 written "Rp12,3 miliar" agrees, "Rp12,4 miliar" does not
        ["narasi-rupiah-berbeda"] = (() => WithAmounts(Clean()) with { Narratives = [new Narrative("Instansi", "Kesimpulan", "Realisasi anggaran tahun 2025 sebesar Rp12,4 miliar.")] },
            () => WithAmounts(Clean()) with { Narratives = [new Narrative("Instansi", "Kesimpulan", "Realisasi anggaran tahun 2025 sebesar Rp12,3 miliar.")] }),
        ["narasi-isian-tidak-dikenal"] = (() => Clean() with { Narratives = [new Narrative("IK-1", "Analisis", "Capaian {capaian:IK-9}.")] },
            () => Clean() with { Narratives = [new Narrative("IK-1", "Analisis", "Capaian {capaian:IK-1}.")] }),
        ["angka-tercetak"] = (() => Clean() with { PrintedFigures = [new PrintedFigure(PrintedFigureKind.Sasaran, "S1", Year, "90%", null)] },
            () => Clean() with { PrintedFigures = [new PrintedFigure(PrintedFigureKind.Sasaran, "S1", Year, "100%", null)] }),
        // the same 90% marked by the planner as a known publication error: a warning with the reason, no longer the error;
        // a mark on a figure that reproduces says nothing
        ["angka-tercetak-diketahui"] = (() => Clean() with { PrintedFigures = [new PrintedFigure(PrintedFigureKind.Sasaran, "S1", Year, "90%", null) { KnownError = "salah ketik di Ringkasan Eksekutif" }] },
            () => Clean() with { PrintedFigures = [new PrintedFigure(PrintedFigureKind.Sasaran, "S1", Year, "100%", null) { KnownError = "salah ketik di Ringkasan Eksekutif" }] }),
        // seed 002 dates its 2021 report "Januari 2021": a report is signed after its period
        ["tanggal-penandatanganan"] = (() => Clean() with { Profile = Clean().Profile with { SigningDate = SigningDate.Of(2025, 12, 31) } },
            () => Clean() with { Profile = Clean().Profile with { SigningDate = SigningDate.Of(2026, 1) } }),
        ["realisasi-tanpa-target"] = (() => Clean() with { Targets = [new Target("IK-1", Period.RenstraEnd, Pct("60%"))] }, Clean),
        ["target-kumulatif-menurun"] = (
            () => Clean() with { Targets = [.. Clean().Targets, new Target("IK-1", Period.OfQuarter(2025, 1), Pct("30%")), new Target("IK-1", Period.OfQuarter(2025, 2), Pct("20%"))] },
            () => Clean() with { Targets = [.. Clean().Targets, new Target("IK-1", Period.OfQuarter(2025, 1), Pct("20%")), new Target("IK-1", Period.OfQuarter(2025, 2), Pct("30%"))] }),
        // a stock (Akhir) ends the year at TW IV: 60% beside an annual 50% is two figures for one thing
        ["realisasi-triwulan-tahunan"] = (() => WithQuarters(Clean(), "20%", "30%", "40%", "60%"), () => WithQuarters(Clean(), "20%", "30%", "40%", "50,00%")),
        ["indikator-tanpa-penanggung-jawab"] = (() => Clean() with { Indicators = [Clean().Indicators[0] with { OwnerUnitCode = null }] }, Clean),
        ["rantai-rencana"] = (
            () => Clean() with { Plan = [.. Clean().Plan, new PlanNode { Code = "K1", Name = "Kegiatan", Level = PlanLevel.Kegiatan, ParentCode = "T1" }] },
            () => Clean() with { Plan = [.. Clean().Plan, new PlanNode { Code = "P1", Name = "Program", Level = PlanLevel.Program, ParentCode = "S1" }] }),
        ["target-di-luar-lintasan-renstra"] = (
            () => WithRealisasi(Clean() with { Targets = [new Target("IK-1", Year, Pct("70%")), new Target("IK-1", Period.RenstraEnd, Pct("60%"))] }, "70%"),
            () => WithRealisasi(Clean() with { Targets = [new Target("IK-1", Year, Pct("60%")), new Target("IK-1", Period.RenstraEnd, Pct("60%"))] }, "60%")),
        // 48% against a target typed 0,5 (meant as 50%): capaian 9.600%
        ["target-persen-pecahan"] = (() => WithRealisasi(Clean() with { Targets = [new Target("IK-1", Year, Pct("0,5")), new Target("IK-1", Period.RenstraEnd, Pct("60%"))] }, "48%", "9600%"),
            () => WithRealisasi(Clean() with { Targets = [new Target("IK-1", Year, Pct("50%")), new Target("IK-1", Period.RenstraEnd, Pct("60%"))] }, "48%", "96%")),
        ["capaian-ekstrem-tanpa-penjelasan"] = (() => WithRealisasi(Clean(), "20%", "40%"),
            () => WithRealisasi(Clean(), "20%", "40%") with { Narratives = [new Narrative("IK-1", "Penghambat", "Anggaran pelatihan dipotong pada triwulan II.")] }),

        // --- budget (docs/rules.md §7, §10)
        ["anggaran-baris-berulang"] = (() => WithBudget(Clean(), Line("P1", 100m, 90m), Line("P1.K1", 100m, 90m, "P1"), Line("P1.K1", 100m, 90m, "P1")),
            () => WithBudget(Clean(), Line("P1", 100m, 90m), Line("P1.K1", 100m, 90m, "P1"))),
        ["anggaran-kode-ganda"] = (() => WithBudget(Clean(), Line("P1", 100m, 90m), Line("P1.K1", 60m, 50m, "P1"), Line("P1.K1", 40m, 40m, "P1") with { Name = "Baris lain" }),
            () => WithBudget(Clean(), Line("P1", 100m, 90m), Line("P1.K1", 60m, 50m, "P1"), Line("P1.K2", 40m, 40m, "P1"))),
        ["anggaran-induk-tidak-ada"] = (() => WithBudget(Clean(), Line("P1", 100m, 90m), Line("P1.K1", 100m, 90m, "P9")), () => WithBudget(Clean(), Line("P1", 100m, 90m), Line("P1.K1", 100m, 90m, "P1"))),
        ["anggaran-induk-melingkar"] = (() => WithBudget(Clean(), Line("A", 100m, 90m, "B"), Line("B", 100m, 90m, "A")), () => WithBudget(Clean(), Line("A", 100m, 90m), Line("B", 100m, 90m, "A"))),
        // P1 prints the bottom sum 100 while its kegiatan prints 150 over a 100 sub kegiatan: P1's gap is the kegiatan's echo
        ["anggaran-selisih-ikutan"] = (() => WithBudget(Clean(), Line("P1", 100m, 90m), Line("P1.K1", 150m, 90m, "P1"), Line("P1.K1.S1", 100m, 90m, "P1.K1")),
            () => WithBudget(Clean(), Line("P1", 100m, 90m), Line("P1.K1", 100m, 90m, "P1"), Line("P1.K1.S1", 100m, 90m, "P1.K1"))),
        ["anggaran-jumlah-rincian"] = (() => WithBudget(Clean(), Line("P1", 120m, 90m), Line("P1.K1", 100m, 90m, "P1")), () => WithBudget(Clean(), Line("P1", 100m, 90m), Line("P1.K1", 100m, 90m, "P1"))),
        ["anggaran-angka-negatif"] = (() => WithBudget(Clean(), Line("P1", 100m, -90m)), () => WithBudget(Clean(), Line("P1", 100m, 0m))),
        // printed 90% = 90 / 100: the pagu and realisasi columns were swapped (003 Penatausahaan)
        ["anggaran-kolom-tertukar"] = (() => WithBudget(Clean(), Line("P1", 100m, 90m), Line("P1.K1", 90m, 100m, "P1", "90%")), () => WithBudget(Clean(), Line("P1", 100m, 90m), Line("P1.K1", 100m, 90m, "P1", "90%"))),
        ["anggaran-realisasi-melebihi-pagu"] = (() => WithBudget(Clean(), Line("P1", 100m, 110m)), () => WithBudget(Clean(), Line("P1", 100m, 100m))),
        ["anggaran-blokir-melebihi-pagu"] = (() => WithBudget(Clean(), Line("P1", 100m, 90m) with { Blokir = 120m }), () => WithBudget(Clean(), Line("P1", 100m, 90m) with { Blokir = 100m })),
        ["anggaran-penyerapan-tercetak"] = (() => WithBudget(Clean(), Line("P1", 100m, 90m, printed: "80%")), () => WithBudget(Clean(), Line("P1", 100m, 90m, printed: "90,00%"))),
        ["anggaran-realisasi-triwulan"] = (() => WithBudget(Clean(), Line("P1", 100m, 90m) with { QuarterlyRealisasi = [20m, 20m, 20m, 20m] }),
            () => WithBudget(Clean(), Line("P1", 100m, 90m) with { QuarterlyRealisasi = [20m, 20m, 20m, 30m] })),
        ["anggaran-total-klasifikasi"] = (() => WithBudget(Clean(), Line("P1", 100m, 90m), Line("JB", 100m, 80m) with { Level = "JenisBelanja" }),
            () => WithBudget(Clean(), Line("P1", 100m, 90m), Line("JB", 100m, 90m) with { Level = "JenisBelanja" })),
        ["anggaran-tautan"] = (() => WithBudget(Clean(), Line("P1", 100m, 90m) with { Funds = ["S9"] }), () => WithBudget(Clean(), Line("P1", 100m, 90m) with { Funds = ["S1", "IK-1"] })),
        ["anggaran-tingkat"] = (() => WithBudget(Clean(), Line("A", 100m, 90m) with { Depth = 1 }, Line("B", 100m, 90m) with { Depth = 3 }),
            () => WithBudget(Clean(), Line("A", 100m, 90m) with { Depth = 1 }, Line("B", 100m, 90m) with { Depth = 2 })),
        // --- official nomenclature (issue 24 item 1): Kepmendagri 050-5889 codes and names
        // official entries verified against public copies of the lampiran (pemda.tsv asal S1+S3), in both code styles
        ["nomenklatur-nama-berbeda"] = (() => WithBudget(Clean(), Line("2.07.04", 100m, 90m) with { Name = "Penempatan Tenaga Kerja" }, Line("2.07.2.07.04.2.01.04", 100m, 90m, "2.07.04") with { Name = "Penyelenggaraan Unit Layanan Disabilitas Ketenagakerja" }),
            () => WithBudget(Clean(), Line("2.07.04", 100m, 90m) with { Name = "PROGRAM PENEMPATAN TENAGA KERJA" }, Line("2.07.2.07.04.2.01.04", 100m, 90m, "2.07.04") with { Name = "Penyelenggaraan Unit Layanan Disabilitas Ketenagakerjaan" })),
        ["nomenklatur-kode-tidak-dikenal"] = (() => WithBudget(Clean(), Line("2.07.04", 100m, 90m) with { Name = "Penempatan Tenaga Kerja" }, Line("2.07.04.2.01.0006", 100m, 90m, "2.07.04") with { Name = "Perluasan Kesempatan Kerja" }),
            () => WithBudget(Clean(), Line("2.07.04", 100m, 90m) with { Name = "Penempatan Tenaga Kerja" }, Line("2.07.04.2.01.0005", 100m, 90m, "2.07.04") with { Name = "Perluasan Kesempatan Kerja" })),
        ["anggaran-judul-tanpa-rincian"] = (() => WithBudget(Clean(), Line("P1", 100m, 90m), Line("H", 0m, 0m) with { IsHeading = true }),
            () => WithBudget(Clean(), Line("H", 0m, 0m) with { IsHeading = true }, Line("P1", 100m, 90m, "H"))),

        // --- the budget of each PK version (sheet AnggaranPK; issue 20 item 12)
        ["anggaran-pk-jumlah-rincian"] = (() => WithPkBudget(Clean(), PkLine("P1", 100m), PkLine("K1", 60m, "P1"), PkLine("K2", 30m, "P1")),
            () => WithPkBudget(Clean(), PkLine("P1", 100m), PkLine("K1", 60m, "P1"), PkLine("K2", 40m, "P1"))),
        ["anggaran-pk-kode-ganda"] = (() => WithPkBudget(Clean(), PkLine("P1", 100m), PkLine("K1", 60m, "P1"), PkLine("K1", 40m, "P1")),
            () => WithPkBudget(Clean(), PkLine("P1", 100m), PkLine("K1", 60m, "P1"), PkLine("K2", 40m, "P1"))),
        ["anggaran-pk-induk-tidak-ada"] = (() => WithPkBudget(Clean(), PkLine("P1", 100m), PkLine("K1", 100m, "P9")),
            () => WithPkBudget(Clean(), PkLine("P1", 100m), PkLine("K1", 100m, "P1"))),
        // the PK prints Jumlah Rp 110 over programmes of 100
        ["anggaran-pk-jumlah"] = (() => WithPkBudget(Clean(), PkLine("P1", 100m)) with { PrintedFigures = [new PrintedFigure(PrintedFigureKind.AnggaranPK, "awal", Year, "Rp 110", "Tabel 2.3")] },
            () => WithPkBudget(Clean(), PkLine("P1", 100m)) with { PrintedFigures = [new PrintedFigure(PrintedFigureKind.AnggaranPK, "awal", Year, "Rp 100", "Tabel 2.3")] }),

        // --- formulas and counts (docs/rules.md §9, §10)
        ["rumus-hitung"] = (() => WithFormula(Clean(), "#{tidak_ada} * 100"), () => WithFormula(Clean(), "#{terdaftar|jalur:a} / #{terdaftar} * 500 / 4")),
        // 4 / 10 x 100 = 40% against the typed 50%
        ["realisasi-dihitung"] = (() => WithFormula(Clean(), "#{terdaftar|jalur:a} / #{terdaftar} * 100"), () => WithFormula(Clean(), "#{terdaftar|jalur:a} / #{terdaftar} * 125")),
        // (4 - 6) / 10 x 100 = -20%: a negative share unless the indicator allows figures below zero
        ["realisasi-dihitung-negatif"] = (() => WithFormula(Clean(), "(#{terdaftar|jalur:a} - #{terdaftar|jalur:b}) / #{terdaftar} * 100"),
            () => AllowingNegative(WithFormula(Clean(), "(#{terdaftar|jalur:a} - #{terdaftar|jalur:b}) / #{terdaftar} * 100"))),
        ["elemen-data"] = (() => WithValues(Clean(), [.. Clean().DataValues, Value("tidak_ada", "2025", 1m)]), Clean),
        ["periode-data"] = (() => WithValues(Clean(), [.. Clean().DataValues, Value("terdaftar", "2024-03", 1m)]), () => WithValues(Clean(), [.. Clean().DataValues, Value("terdaftar", "2024", 1m)])),
        ["rincian-data"] = (() => WithValues(Clean(), Value("terdaftar", "2025", 10m), Value("terdaftar", "2025", 4m, "jalur:a"), Value("terdaftar", "2025", 6m, "jalur:c")), Clean),
        ["nilai-ganda"] = (() => WithValues(Clean(), [.. Clean().DataValues, Value("terdaftar", "2025", 10m)]), Clean),
        ["rincian-tidak-sama-jumlah"] = (() => WithValues(Clean(), Value("terdaftar", "2025", 10m), Value("terdaftar", "2025", 4m, "jalur:a"), Value("terdaftar", "2025", 5m, "jalur:b")), Clean),
        ["jumlah-periode"] = (
            () => Clean() with { DataElements = [Element("bulanan", "Hitungan bulanan", type: DataPeriodType.Month)], DataValues = [Value("bulanan", "2025-01", 3m), Value("bulanan", "2025-02", 4m), Value("bulanan", "2025", 10m)] },
            () => Clean() with { DataElements = [Element("bulanan", "Hitungan bulanan", type: DataPeriodType.Month)], DataValues = [Value("bulanan", "2025-01", 3m), Value("bulanan", "2025-02", 4m), Value("bulanan", "2025", 7m)] }),
        ["nilai-dua-tingkat"] = (() => WithValues(Clean(), [.. Clean().DataValues, Value("terdaftar", "2025", 3m, unit: "BIDANG")]),
            () => WithValues(Clean(), Value("terdaftar", "2025", 3m, unit: "BIDANG"), Value("terdaftar", "2024", 10m))),
    };

    public static TheoryData<string> Rules() => new(Cases.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void The_clean_workbook_gives_no_finding() => Assert.Empty(DatasetValidator.Check(Clean()));

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_fires_on_its_fault(string rule)
    {
        var findings = DatasetValidator.Check(Cases[rule].Fires());
        Assert.Contains(findings, f => f.Rule == rule);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_stays_silent_without_its_fault(string rule)
    {
        var findings = DatasetValidator.Check(Cases[rule].Silent());
        Assert.DoesNotContain(findings, f => f.Rule == rule);
    }

    [Fact]
    public void A_printed_figure_marked_as_a_known_publication_error_is_a_warning_with_its_reason_not_an_error()
    {
        // S1's capaian is 50 / 50 = 100%: the report printed 90%
        var figure = new PrintedFigure(PrintedFigureKind.Sasaran, "S1", Year, "90%", "Tabel 3.1");
        var unmarked = Assert.Single(DatasetValidator.Check(Clean() with { PrintedFigures = [figure] }));
        Assert.Equal((Severity.Error, PrintedFigureCheck.Rule), (unmarked.Severity, unmarked.Rule));
        var marked = Assert.Single(DatasetValidator.Check(Clean() with { PrintedFigures = [figure with { KnownError = "salah ketik, ralat dimuat di situs" }] }));
        Assert.Equal((Severity.Warning, PrintedFigureCheck.KnownRule), (marked.Severity, marked.Rule));
        Assert.Contains("seharusnya 100,00%", marked.Message, StringComparison.Ordinal);
        Assert.EndsWith("ditandai kesalahan publikasi yang diketahui: salah ketik, ralat dimuat di situs", marked.Message, StringComparison.Ordinal);
        Assert.Equal("100,00%", PrintedFigureCheck.Computed(Clean(), figure));
    }

    [Fact]
    public void Every_rule_in_the_source_has_a_case_here()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Kinerja.sln")))
            root = root.Parent;
        Assert.NotNull(root);
        var rules = Directory.EnumerateFiles(Path.Combine(root.FullName, "src", "Kinerja.Domain"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => RuleCode().Matches(File.ReadAllText(file)).Select(m => m.Groups["rule"].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(rules.Count >= 30, $"only {rules.Count} rules found; has the way findings are written changed?");
        Assert.Empty(rules.Except(Cases.Keys).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parts_against_the_total_are_reported_with_the_decimals_they_were_written_with()
    {
        // seed 003 LKE components: 25,03 + 23,65 + 12,01 + 19,63 = 80,32, printed 80,33
        var data = Clean() with
        {
            DataElements = [Element("lke", "Nilai LKE", satuan: "Nilai", breakdowns: "komponen: a, b, c, d")],
            DataValues = [Value("lke", "2025", 80.33m), Value("lke", "2025", 25.03m, "komponen:a"), Value("lke", "2025", 23.65m, "komponen:b"), Value("lke", "2025", 12.01m, "komponen:c"), Value("lke", "2025", 19.63m, "komponen:d")],
        };
        var finding = Assert.Single(DatasetValidator.Check(data), f => f.Rule == "rincian-tidak-sama-jumlah");
        Assert.Contains("berjumlah 80,32 (25,03 + 23,65 + 12,01 + 19,63), tidak sama dengan jumlah 80,33 (selisih 0,01)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_printed_capaian_is_always_an_error_naming_the_computed_figure()
    {
        // docs/rules.md §10: a printed capaian neither rounding reproduces; 45 / 50 = 90%, printed 95%
        var finding = Assert.Single(DatasetValidator.Check(WithRealisasi(Clean(), "45%", "95%")), f => f.Rule == "capaian-tercetak");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("IK-1 2025", finding.Code);
        Assert.EndsWith("seharusnya 90,00%", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_realisasi_computed_from_counts_is_located_and_names_the_figure()
    {
        // (4 - 6) / 10 x 100 = -20%
        var data = WithFormula(Clean(), "(#{terdaftar|jalur:a} - #{terdaftar|jalur:b}) / #{terdaftar} * 100");
        var finding = Assert.Single(DatasetValidator.Check(data), f => f.Rule == "realisasi-dihitung-negatif");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("NilaiData", finding.Sheet);
        Assert.Equal("IK-1 2025", finding.Code);
        Assert.Contains("bernilai negatif (-20%;", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Boleh Negatif = Ya", finding.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("""(?:new Finding\(Severity\.\w+, |\bAt\(Severity\.\w+, |const string \w*Rule = )"(?<rule>[a-z]+(?:-[a-z]+)*)"|Rule = "(?<rule>[a-z]+(?:-[a-z]+)*)";""")]
    private static partial Regex RuleCode();
}
