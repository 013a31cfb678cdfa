using Kinerja.Documents.Reports;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Tests;

public class TriwulanAndPkTests
{
    [Fact]
    public void Kemenko_TW_I_summary_table_reproduces_Tabel_1()
    {
        // seed 001 Tabel 1: 60,66 / 62,97 = 96,33%; 56,63 inside 56,30-58,80 = 100%; 47.951.794 / 137.846.146 = 34,7865% / 33,67 = 103,32%;
        // IKU 1.4 not measurable yet (N/A); 3,65 of 4 against 3 of 4 = 121,67% capped at 120%; 30 / 20 = 150% capped at 120%
        // IKU-1.3 is computed from the counts (samples/data), as the report did; the sample holds the printed 34,79%
        var docx = Docx.Render(TriwulanReport.Build(new ReportRequest(Samples.LoadWithCounts("kemenko-tw1-2026.json"))));
        var table = docx.Table("Tabel 1");
        Assert.Contains("s.d. TW I Tahun 2026", table.Caption, StringComparison.Ordinal);
        Assert.Equal("96,33%", table.Cell("IKU-1.1", "Capaian"));
        Assert.Equal("100,00%", table.Cell("IKU-1.2", "Capaian"));
        Assert.Equal("56,30-58,80%", table.Cell("IKU-1.2", "Target TW I"));
        Assert.Equal("103,32%", table.Cell("IKU-1.3", "Capaian"));
        Assert.Equal("N/A", table.Cell("IKU-1.4", "Capaian"));
        Assert.Equal("120,00%", table.Cell("IKU-3.1", "Capaian"));
        Assert.Equal("120,00%", table.Cell("IKU-4.1", "Capaian"));
        Assert.Equal("63,61%", table.Cell("IKU-1.1", "Target Tahunan"));
        Assert.Equal("62,97%", table.Cell("IKU-1.1", "Target TW I"));
        Assert.Equal("60,66%*", table.Cell("IKU-1.1", "Realisasi s.d. TW I"));
        Assert.Equal("34,79%", table.Cell("IKU-1.3", "Realisasi s.d. TW I"));
    }

    [Fact]
    public void Kemenko_indicator_sections_list_the_planned_actions_with_their_status()
    {
        // seed 001 IKU 1.1, TW I: two actions, both "Terlaksana"
        var report = TriwulanReport.Build(new ReportRequest(Samples.Load("kemenko-tw1-2026.json")));
        var actions = report.Tables.Single(t => t.Caption == "Rencana Aksi IKU-1.1 Triwulan I");
        Assert.Equal(2, actions.Rows.Count);
        Assert.All(actions.Rows, r => Assert.Equal("Terlaksana", r.Cells[2].Text));
        Assert.StartsWith("Pemetaan Link and Match", actions.Rows[0].Cells[1].Text, StringComparison.Ordinal);
        Assert.Contains(report.Blocks.OfType<HeadingBlock>(), h => h.Text.StartsWith("IKU-1.4 ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_triwulan_report_needs_a_quarter()
    {
        var data = Samples.Load("kemnaker-2024.json");
        var error = Assert.Throws<ArgumentException>(() => TriwulanReport.Build(new ReportRequest(data)));
        Assert.Contains("periode triwulan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Banjar_PK_annex_lists_targets_and_the_head_signs_with_NIP()
    {
        var docx = Docx.Render(PerjanjianKinerjaReport.Build(new ReportRequest(Samples.Load("banjar-2025.json"))));
        var annex = docx.Table("Tabel 1");
        // the PK prints the indicator as its text, without the workbook code
        var ik1 = annex.Rows.Single(r => r[2] == Samples.Load("banjar-2025.json").Indicators.Single(i => i.Code == "IK-1").Name);
        Assert.Equal("38%", ik1[annex.Header.IndexOf("Target")]);
        Assert.Contains("Hi ST Mahmudah, SH.MH", docx.AllText, StringComparison.Ordinal);
        // NIP in its groups, pangkat with golongan (seed 003 l.29: NIP. 19751108 199903 2 005)
        Assert.Contains("NIP.\u00A019751108\u00A0199903\u00A02\u00A0005", docx.AllText, StringComparison.Ordinal);
        Assert.Contains("Pembina Utama Muda (IV/c)", docx.AllText, StringComparison.Ordinal);
        Assert.Contains("PERJANJIAN KINERJA TAHUN 2025", docx.AllText, StringComparison.Ordinal);
        // the programme table totals the six Pemda programmes' pagu
        var programs = docx.Table("Tabel 2");
        Assert.Equal(7, programs.Rows.Count - 1);
    }

    [Fact]
    public void An_acting_head_signs_as_Plt_on_the_PK()
    {
        var data = Samples.Load("banjar-2025.json");
        var units = data.Units.Select(u => u.Code == "DISNAKERTRANS" ? u with { Head = u.Head! with { Acting = ActingStatus.Plt } } : u).ToList();
        var acting = data with { Units = units };
        var withPerubahan = acting with { PkVersions = [new PkVersion { Id = PkVersionId.Awal }, new PkVersion { Id = PkVersionId.Perubahan(1), SignedOn = SigningDate.Of(2025, 7, 1) }] };
        var docx = Docx.Render(PerjanjianKinerjaReport.Build(new ReportRequest(withPerubahan, Perubahan: true)));
        Assert.Contains("Plt. Kepala Dinas", docx.AllText, StringComparison.Ordinal);
        Assert.Contains("PERJANJIAN KINERJA PERUBAHAN TAHUN 2025", docx.AllText, StringComparison.Ordinal);
        Assert.Contains("Martapura, 1 Juli 2025", docx.AllText, StringComparison.Ordinal);
        // the perubahan sets no target of its own: the awal's targets carry over
        Assert.Contains(docx.Table("Tabel 1").Rows, r => r[4] == "38%");
    }

    [Fact]
    public void The_superior_from_the_profile_signs_as_the_second_party_and_may_be_acting_too()
    {
        // Banjar's Kepala Dinas reports to the Bupati (003 l.123); the profile names the position, the name is not printed
        var data = Samples.Load("banjar-2025.json");
        var docx = Docx.Render(PerjanjianKinerjaReport.Build(new ReportRequest(data)));
        Assert.Contains(": Bupati Banjar\nselaku atasan pihak pertama", docx.AllText, StringComparison.Ordinal);
        Assert.Contains("Martapura, ", docx.AllText, StringComparison.Ordinal);
        var named = data with { Profile = data.Profile with { Superior = new Official("Bupati Banjar", "Nama Bupati Uji", null, null, ActingStatus.Plh) } };
        var text = Docx.Render(PerjanjianKinerjaReport.Build(new ReportRequest(named))).AllText;
        Assert.Contains("Plh. Bupati Banjar", text, StringComparison.Ordinal);
        Assert.Contains("Nama Bupati Uji", text, StringComparison.Ordinal);
    }
}
