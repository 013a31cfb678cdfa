using Kinerja.Documents.Reports;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Tests;

/// <summary>Issue 20 items 14 and 16 in the Laporan Kinerja: the fields a real report needs, printed where it prints them.</summary>
public sealed class ReportFieldsTests
{
    private static Docx Lkjip(PerformanceDataset data) => Docx.Render(LkjipReport.Build(new ReportRequest(data)));

    [Fact]
    public void Kemnaker_prints_its_Kedudukan_and_the_supporting_programmes_of_SS_1_as_seed_000_Tabel_3_3()
    {
        var docx = Lkjip(Samples.Load("kemnaker-2024.json"));
        // sections are lettered again once empty ones are left out (Kemnaker has no Dasar Hukum): the letter is whatever
        // comes next in Bab I, so the test finds the heading by its words and checks the text prints under it, in Bab I
        var lines = docx.AllText.Split('\n').Select(l => l.Trim()).ToList();
        var bab2 = lines.FindLastIndex(l => l == "BAB II PERENCANAAN KINERJA");
        var heading = lines.FindLastIndex(bab2, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^[A-H]\\. Kedudukan, Tugas dan Fungsi$"));
        Assert.True(heading > 0, "Bab I has no section 'Kedudukan, Tugas dan Fungsi'");
        Assert.Equal("Kedudukan", lines[heading + 1]);
        Assert.StartsWith("Kedudukan Kementerian Ketenagakerjaan dipimpin oleh Menteri Ketenagakerjaan", lines[heading + 2], StringComparison.Ordinal);
        var table = docx.Tables.Single(t => t.Caption.Contains("Kinerja Program Pendukung Pencapaian SS-1", StringComparison.Ordinal));
        // printed: 1. PYB_Vokasi 136.524 119.785 142.455 114.195 80,16% -4,67%
        Assert.Equal(["1.", "PYB_Vokasi", "136.524", "119.785", "142.455", "114.195", "80,16%", "-4,67%"], table.Rows.Single(r => r[1] == "PYB_Vokasi"));
        Assert.Equal(["5.", "PYB_PHI ∩ PYB_Binwas", "(1.600.368)", "(5.071.880)", "", "(9.726.743)", "", ""], table.Rows.Single(r => r[1] == "PYB_PHI ∩ PYB_Binwas"));
        // printed Jumlah: 8.569.853 14.091.754 23.410.007 15.463.207 66,05% 9,73%
        Assert.Equal(["", "Jumlah", "8.569.853", "14.091.754", "23.410.007", "15.463.207", "66,05%", "9,73%"], table.Rows.Single(r => r[1] == "Jumlah"));
    }

    [Fact]
    public void Banjar_prints_each_indicators_kegiatan_as_Tabel_2_3_prints_it()
    {
        var docx = Lkjip(Samples.Load("banjar-2025.json"));
        var pk = docx.Tables.Single(t => t.Caption.Contains("Indikator, Formula, Program dan Penanggung Jawab", StringComparison.Ordinal));
        Assert.Contains(pk.Rows, r => r.Contains("Kegiatan : Administrasi Keuangan Perangkat Daerah"));
        Assert.Contains(pk.Rows, r => r.Contains("Program : Hubungan Industrial"));
    }

    [Fact]
    public void Staff_split_by_sex_is_one_table_with_L_P_and_Jumlah()
    {
        var data = Samples.Load("banjar-2025.json") with
        {
            Staff =
            [
                new StaffCount(null, "Golongan", "IV", 3) { Sex = "L" }, new StaffCount(null, "Golongan", "IV", 1) { Sex = "P" },
                new StaffCount(null, "Golongan", "III", 12) { Sex = "L" }, new StaffCount(null, "Golongan", "III", 10) { Sex = "P" },
            ],
        };
        var table = Lkjip(data).Tables.Single(t => t.Caption.Contains("Jumlah Pegawai menurut Golongan dan Jenis Kelamin", StringComparison.Ordinal));
        Assert.Equal(["1", "IV", "3", "1", "4"], table.Rows.Single(r => r[1] == "IV"));
        Assert.Equal(["", "Jumlah", "15", "11", "26"], table.Rows.Single(r => r[1] == "Jumlah"));
    }

    [Fact]
    public void Programme_and_kegiatan_indicators_get_their_Renstra_table_and_unmeasured_ones_no_analysis_section()
    {
        // a programme indicator of Banjar with Renstra targets and no realisasi
        var banjar = Samples.Load("banjar-2025.json");
        MeasuredValue Pct(string text) => MeasuredValueParser.Parse(text, TargetKind.Number, "Persen").Value;
        var data = banjar with
        {
            Indicators = [.. banjar.Indicators, new Indicator { Code = "IKP-1", GoalCode = "P2", Name = "Persentase lulusan pelatihan yang bekerja", Satuan = "Persen", OwnerUnitCode = "BIDANG-PELATIHAN" }],
            Targets = [.. banjar.Targets, new Target("IKP-1", Period.OfYear(2025), Pct("40%"), Document: "Renstra"), new Target("IKP-1", Period.OfYear(2026), Pct("45%"), Document: "Renstra"), new Target("IKP-1", Period.RenstraEnd, Pct("60%"))],
        };
        var docx = Lkjip(data);
        var renstra = docx.Tables.Single(t => t.Caption.Contains("Indikator Program dan Kegiatan dalam Rencana Strategis", StringComparison.Ordinal));
        Assert.Contains(renstra.Rows, r => r[0] == "Program: Pelatihan Kerja Dan Produktivitas Tenaga Kerja");
        Assert.Equal(["Persentase lulusan pelatihan yang bekerja", "Persen", "40%", "45%", "60%"], renstra.Rows.Single(r => r[0] == "Persentase lulusan pelatihan yang bekerja"));
        // the programme was not measured: named once, not counted as "belum", no empty section of its own
        Assert.Contains("Belum diukur pada 2025 karena indikatornya belum memiliki realisasi: Program P2", docx.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(". Program P2:", docx.AllText, StringComparison.Ordinal);
    }
}
