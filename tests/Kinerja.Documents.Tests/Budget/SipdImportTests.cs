using Kinerja.Documents.Budget;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Budget;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;

namespace Kinerja.Documents.Tests.Budget;

/// <summary>
/// Issue 24 items 2, 4 and 5: seed 003 Tabel 3.11 (Banjar, 6 programmes, 15 kegiatan, 43 sub kegiatan) written as a
/// SIPD export in the layout docs/imports.md describes (title rows, a two-row header with merged cells, the columns
/// numbered, urusan and bidang rows, a header repeated after a page break, subtotal rows, amounts as text the
/// Indonesian way and as numbers, codes in both styles) imports to the Banjar sample's tree, absorption and efficiency.
/// </summary>
public class SipdImportTests
{
    /// <summary>
    /// The sample's codes (seed 003 prints none) with the Kepmendagri code each row has in SIPD: the code whose official
    /// name (pemda.tsv, verified against public copies of the lampiran, docs/imports.md) is the row's name.
    /// </summary>
    private static readonly Dictionary<string, string> Official = new()
    {
        ["P1"] = "2.07.01", ["P1.K1"] = "2.07.01.2.01", ["P1.K2"] = "2.07.01.2.02", ["P1.K3"] = "2.07.01.2.05", ["P1.K4"] = "2.07.01.2.06", ["P1.K5"] = "2.07.01.2.08", ["P1.K6"] = "2.07.01.2.09",
        ["P1.K1.S1"] = "2.07.01.2.01.0001", ["P1.K1.S2"] = "2.07.01.2.01.0002", ["P1.K1.S3"] = "2.07.01.2.01.0003", ["P1.K1.S4"] = "2.07.01.2.01.0004", ["P1.K1.S5"] = "2.07.01.2.01.0005",
        ["P1.K1.S6"] = "2.07.01.2.01.0006", ["P1.K1.S7"] = "2.07.01.2.01.0007", ["P1.K1.S8"] = "2.07.01.2.01.0008", ["P1.K1.S9"] = "2.07.01.2.01.0009",
        ["P1.K2.S1"] = "2.07.01.2.02.0001", ["P1.K2.S2"] = "2.07.01.2.02.0003", ["P1.K2.S3"] = "2.07.01.2.02.0005", ["P1.K2.S4"] = "2.07.01.2.02.0007",
        ["P1.K3.S1"] = "2.07.01.2.05.0011",
        ["P1.K4.S1"] = "2.07.01.2.06.0001", ["P1.K4.S2"] = "2.07.01.2.06.0002", ["P1.K4.S3"] = "2.07.01.2.06.0004", ["P1.K4.S4"] = "2.07.01.2.06.0005", ["P1.K4.S5"] = "2.07.01.2.06.0006",
        ["P1.K4.S6"] = "2.07.01.2.06.0008", ["P1.K4.S7"] = "2.07.01.2.06.0009",
        ["P1.K5.S1"] = "2.07.01.2.08.0002", ["P1.K5.S2"] = "2.07.01.2.08.0003", ["P1.K5.S3"] = "2.07.01.2.08.0004",
        ["P1.K6.S1"] = "2.07.01.2.09.0001", ["P1.K6.S2"] = "2.07.01.2.09.0002", ["P1.K6.S3"] = "2.07.01.2.09.0009",
        ["P2"] = "2.07.03", ["P2.K1"] = "2.07.03.2.01", ["P2.K1.S1"] = "2.07.03.2.01.0001", ["P2.K2"] = "2.07.03.2.04", ["P2.K2.S1"] = "2.07.03.2.04.0001",
        ["P3"] = "3.32.04", ["P3.K1"] = "3.32.04.2.01", ["P3.K1.S1"] = "3.32.04.2.01.0001",
        ["P4"] = "2.07.04", ["P4.K1"] = "2.07.04.2.01", ["P4.K1.S1"] = "2.07.04.2.01.0002", ["P4.K1.S2"] = "2.07.04.2.01.0004",
        ["P4.K2"] = "2.07.04.2.03", ["P4.K2.S1"] = "2.07.04.2.03.0001", ["P4.K2.S2"] = "2.07.04.2.03.0002", ["P4.K2.S3"] = "2.07.04.2.03.0003",
        ["P4.K3"] = "2.07.04.2.04", ["P4.K3.S1"] = "2.07.04.2.04.0001", ["P4.K3.S2"] = "2.07.04.2.04.0003",
        ["P5"] = "2.07.02", ["P5.K1"] = "2.07.02.2.01", ["P5.K1.S1"] = "2.07.02.2.01.0002",
        ["P6"] = "2.07.05", ["P6.K1"] = "2.07.05.2.01", ["P6.K1.S1"] = "2.07.05.2.01.0001", ["P6.K1.S2"] = "2.07.05.2.01.0003",
        ["P6.K2"] = "2.07.05.2.02", ["P6.K2.S1"] = "2.07.05.2.02.0001", ["P6.K2.S2"] = "2.07.05.2.02.0002", ["P6.K2.S3"] = "2.07.05.2.02.0005",
    };

    /// <summary>The older style SIPD files still carry: the SKPD's urusan and bidang first, a two-digit sub kegiatan.</summary>
    private static string OldStyle(string code)
    {
        var parts = code.Split('.');
        var old = parts.Length == 6 ? [.. parts[..5], parts[5][2..]] : parts;
        return "2.07." + string.Join('.', old);
    }

    /// <summary>The Banjar budget (seed 003 Tabel 3.11) as a SIPD "Laporan Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan".</summary>
    internal static string BanjarExport(PerformanceDataset banjar, Func<BudgetLine, object?>? paguCell = null, bool withPaguColumn = true)
    {
        var rows = new List<object?[]>
        {
            new object?[] { "PEMERINTAH KABUPATEN BANJAR" },
            new object?[] { "LAPORAN REALISASI ANGGARAN PER PROGRAM, KEGIATAN DAN SUB KEGIATAN" },
            new object?[] { "SKPD : 2.07.3.32.0.00.01.0000 Dinas Tenaga Kerja dan Transmigrasi" },
            new object?[] { "Tahun Anggaran 2025" },
            Array.Empty<object?>(),
            withPaguColumn
                ? new object?[] { "Kode", "Uraian Program/Kegiatan/Sub Kegiatan", "Anggaran", null, "Realisasi (Rp)", "Persentase (%)", "Sisa Anggaran" }
                : new object?[] { "Kode", "Uraian Program/Kegiatan/Sub Kegiatan", "Keterangan", null, "Realisasi (Rp)", "Persentase (%)", "Sisa Anggaran" },
            new object?[] { null, null, "Sebelum Perubahan", "Setelah Perubahan" },
            new object?[] { "1", "2", "3", "4", "5", "6", "7" },
            new object?[] { "2", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR" },
            new object?[] { "2.07", "URUSAN PEMERINTAHAN BIDANG TENAGA KERJA", null, 12_081_204_858m },
        };
        var lines = banjar.Budget.Where(l => l.Level != "JenisBelanja").ToList();
        BudgetLine? program = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            // the second half of the file in the older code style, the amounts there as number cells
            var old = i >= lines.Count / 2;
            var code = old ? OldStyle(Official[line.Code]) : Official[line.Code];
            object? Amount(decimal value) => old ? value : ExportSheet.Rupiah(value);
            var pagu = paguCell is null ? Amount(line.Pagu) : paguCell(line);
            rows.Add([code, line.Name, Amount(line.Pagu + 1_000_000m), pagu, Amount(line.Realisasi), line.PrintedAbsorption is { } p ? Kinerja.Domain.Values.IndonesianNumber.Format(p, 2) : null, Amount(line.Sisa)]);
            if (i == 30)
            {
                // a page break: the header printed again, then the page's title
                rows.Add(["Kode", "Uraian Program/Kegiatan/Sub Kegiatan", "Anggaran", null, "Realisasi (Rp)", "Persentase (%)", "Sisa Anggaran"]);
                rows.Add([null, null, "Sebelum Perubahan", "Setelah Perubahan"]);
            }

            // the previous programme's subtotal, printed before the next programme starts
            if (line.Level == "Program")
            {
                if (program is not null)
                    rows.Insert(rows.Count - 1, [null, "Jumlah Program", null, ExportSheet.Rupiah(program.Pagu), ExportSheet.Rupiah(program.Realisasi)]);
                program = line;
            }
        }

        rows.Add([null, "JUMLAH BELANJA", null, ExportSheet.Rupiah(12_081_204_858m), ExportSheet.Rupiah(10_066_484_952m), "83,32"]);
        rows.Add([]);
        rows.Add([null, "Martapura, 31 Desember 2025", null, null, "Kepala Dinas"]);
        return ExportSheet.Write("Realisasi", rows, "A1:G1", "A2:G2", "A3:G3", "A6:A7", "B6:B7", "C6:D6", "E6:E7", "F6:F7", "G6:G7");
    }

    [Fact]
    public void Seed_003_Tabel_3_11_as_a_SIPD_export_gives_the_samples_tree_absorption_and_efficiency()
    {
        var banjar = Samples.Load("banjar-2025.xlsx");
        var path = BanjarExport(banjar);

        var export = BudgetExport.Read(path);
        Assert.Equal(BudgetExportKind.Sipd, export.Kind);
        Assert.False(export.IsPk);
        // seed 003 Tabel 3.11: 6 programmes, 15 kegiatan, 43 sub kegiatan
        Assert.Equal(6, export.Lines.Count(l => l.Level == "Program"));
        Assert.Equal(15, export.Lines.Count(l => l.Level == "Kegiatan"));
        Assert.Equal(43, export.Lines.Count(l => l.Level == "SubKegiatan"));
        // both code styles read to the Kepmendagri style; every row in place under its parent
        var sample = banjar.Budget.Where(l => l.Level != "JenisBelanja").ToList();
        Assert.Equal(sample.Select(l => Official[l.Code]), export.Lines.Select(l => l.Code));
        Assert.Equal(sample.Select(l => l.ParentCode is { } p ? Official[p] : null), export.Lines.Select(l => l.ParentCode));
        // the budget after the Perubahan, not before; amounts as printed
        Assert.Equal(sample.Select(l => (l.Pagu, l.Realisasi, l.PrintedAbsorption)), export.Lines.Select(l => (l.Pagu, l.Realisasi, l.PrintedAbsorption)));
        // rows that are not the tree are not lines: title, numbering, urusan, bidang, subtotals, signature
        Assert.DoesNotContain(export.Lines, l => l.Name.StartsWith("Jumlah", StringComparison.OrdinalIgnoreCase) || l.Code is "1" or "2" or "2.07");

        var applied = BudgetFiles.Apply(banjar, export);
        var tie = applied.Tie!;
        Assert.Empty(tie.Unmatched);
        Assert.Equal(64, tie.Matched.Count);
        // the spending-type rows (Belanja Operasi, Modal) are not in an export by programme: kept from the workbook
        Assert.Equal(5, tie.Kept.Count);

        // absorption: seed 003 prints Rp 12.081.204.858 and 10.066.484.952 (83,32%)
        var before = BudgetAnalysis.Absorption(banjar);
        var after = BudgetAnalysis.Absorption(applied.Data);
        Assert.Equal(12_081_204_858m, after.Amounts.Pagu);
        Assert.Equal(10_066_484_952m, after.Amounts.Realisasi);
        Assert.Equal("83,32", Kinerja.Domain.Values.IndonesianNumber.Format(after.OfPagu!.Value, 2));
        Assert.Equal(before, after);
        // P4 Penempatan Tenaga Kerja: 467.328.100 / 241.727.100 = 51,73%
        var p4 = BudgetRollup.Of(applied.Data.Budget).Tree.Nodes.Single(n => n.Code == "2.07.04");
        Assert.Equal(467_328_100m, p4.Line.Pagu);
        Assert.Equal(241_727_100m, p4.Line.Realisasi);

        // the efficiency table is unchanged (003 Tabel 3.7: IK-1 131,71 - 85,70 = 46,01)
        var table = BudgetAnalysis.Efficiency(banjar, PerformanceCalculator.Compute(banjar));
        var imported = BudgetAnalysis.Efficiency(applied.Data, PerformanceCalculator.Compute(applied.Data));
        Assert.NotEmpty(table.Listed);
        Assert.Equal(table.Rows.Select(r => (r with { Doubt = null }, r.Doubt is null)), imported.Rows.Select(r => (r with { Doubt = null }, r.Doubt is null)));
        var ik1 = imported.Rows.Single(r => r.Code == "IK-1");
        Assert.Equal("46,01", Kinerja.Domain.Values.IndonesianNumber.Format(ik1.Efficiency!.Value, 2));
    }

    [Fact]
    public void The_imported_tree_is_checked_against_the_official_names()
    {
        var banjar = Samples.Load("banjar-2025.xlsx");
        var findings = DatasetValidator.CheckBudget(BudgetExport.Read(BanjarExport(banjar)).Lines);
        var names = findings.Where(f => f.Rule.StartsWith("nomenklatur-", StringComparison.Ordinal)).ToList();
        // every code of the 64 lines is in the list; exactly the five names seed 003 prints differently from the official
        // ones are found (each named with the official name and how far it is; docs/imports.md says why each is right)
        Assert.DoesNotContain(findings, f => f.Rule == NomenclatureCheck.UnknownCodeRule);
        Assert.All(names, f => Assert.Equal(NomenclatureCheck.OtherNameRule, f.Rule));
        var expected = new (string Code, string Official, int Distance)[]
        {
            ("2.07.01.2.06.0005", "Penyediaan Barang Cetakan dan Penggandaan", 2),
            ("2.07.01.2.06.0008", "Fasilitasi Kunjungan Tamu", 1),
            ("2.07.02.2.01.0002", "Penyusunan Rencana Tenaga Kerja Mikro", 10),
            ("2.07.03.2.04", "Konsultansi Produktivitas pada Perusahaan Kecil", 1),
            ("2.07.05.2.02", "Pencegahan dan Penyelesaian Perselisihan Hubungan Industrial, Mogok Kerja dan Penutupan Perusahaan di Daerah Kabupaten/Kota", 5),
        };
        Assert.Equal(expected.Select(e => e.Code).Order(StringComparer.Ordinal), names.Select(f => PemdaCodes.Normalise(f.Code)!).Order(StringComparer.Ordinal));
        foreach (var (code, official, distance) in expected)
        {
            var finding = names.Single(f => PemdaCodes.Normalise(f.Code) == code);
            Assert.Contains($"\"{official}\" (beda {distance} huruf)", finding.Message, StringComparison.Ordinal);
            Assert.EndsWith(".xlsx", finding.Sheet, StringComparison.Ordinal);
            Assert.NotNull(finding.Row);
        }

        // the transmigration sub kegiatan is printed as the lampiran writes it ("Pemukiman", the kegiatan "Permukiman"): no finding
        Assert.DoesNotContain(names, f => PemdaCodes.Normalise(f.Code)!.StartsWith("3.32", StringComparison.Ordinal));
    }

    [Fact]
    public void Monthly_realisasi_give_the_quarters()
    {
        var path = ExportSheet.Write("Sheet1",
        [
            ["LAPORAN REALISASI BULANAN"],
            ["Kode", "Uraian", "Pagu", "Realisasi", null, null, null, null, null, "Jumlah Realisasi"],
            [null, null, null, "Januari", "Februari", "Maret", "April", "Mei", "Juni"],
            ["2.07.04", "Program Penempatan Tenaga Kerja", "467.328.100", "1.000", "2.000", "3.000", "4.000", "5.000", "6.000", "21.000"],
            ["2.07.04.2.03", "Pengelolaan Informasi Pasar Kerja", "207.482.000", "1.000", "2.000", "3.000", "4.000", "5.000", "6.000", "21.000"],
        ], "D2:I2");
        var export = BudgetExport.Read(path);
        Assert.True(export.HasMonths);
        var program = export.Lines[0];
        Assert.Equal([6_000m, 15_000m], program.QuarterlyRealisasi);
        Assert.Equal(21_000m, program.Realisasi);
        Assert.Equal("2.07.04", export.Lines[1].ParentCode);
    }

    [Fact]
    public void A_file_that_is_not_a_budget_export_is_refused()
    {
        var path = ExportSheet.Write("Pegawai", [["DAFTAR PEGAWAI"], ["No", "Nama Pegawai", "NIP", "Jabatan"], ["1", "Budi", "19800101", "Kepala"]]);
        var error = Assert.Single(Assert.Throws<WorkbookImportException>(() => BudgetExport.Read(path)).Errors);
        Assert.Contains("bukan ekspor anggaran yang dikenal", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pegawai", error.Message, StringComparison.Ordinal);
        Assert.Equal(Path.GetFileName(path), error.Location.File);
    }

    [Fact]
    public void A_missing_budget_column_is_refused_at_the_header_row()
    {
        var path = BanjarExport(Samples.Load("banjar-2025.xlsx"), withPaguColumn: false);
        var error = Assert.Single(Assert.Throws<WorkbookImportException>(() => BudgetExport.Read(path)).Errors);
        Assert.Equal(("Realisasi", 6, "Anggaran/Pagu"), (error.Location.Sheet, error.Location.Row, error.Location.Column));
    }

    [Fact]
    public void Text_in_an_amount_is_refused_at_its_cell()
    {
        var banjar = Samples.Load("banjar-2025.xlsx");
        var path = BanjarExport(banjar, paguCell: l => l.Code == "P4.K2.S3" ? "seratus juta" : ExportSheet.Rupiah(l.Pagu));
        var errors = Assert.Throws<WorkbookImportException>(() => BudgetExport.Read(path)).Errors;
        var error = Assert.Single(errors);
        Assert.Equal("Realisasi", error.Location.Sheet);
        Assert.Equal("anggaran setelah perubahan", error.Location.Column);
        Assert.StartsWith("D", error.Location.CellReference, StringComparison.Ordinal);
        Assert.Contains("seratus juta", error.Message, StringComparison.Ordinal);
    }
}
