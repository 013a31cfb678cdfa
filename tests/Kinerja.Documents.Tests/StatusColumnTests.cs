using Kinerja.Documents.Reports;

namespace Kinerja.Documents.Tests;

/// <summary>Issue 11 item 5: the LKjIP capaian table has a status column beside the category when the profile asks for it.</summary>
public class StatusColumnTests
{
    [Fact]
    public void Banjar_capaian_table_shows_IK_15_not_reached_but_improved_in_its_status_cell()
    {
        var data = Samples.Load("banjar-2025.json");
        data = data with { Profile = data.Profile with { ShowStatus = true } };
        var table = Docx.Render(LkjipReport.Build(new ReportRequest(data))).Tables.Single(t => t.Caption.Contains("Capaian Indikator Kinerja Tahun", StringComparison.Ordinal));
        // 37% against 40%, after 36,18% in 2024 (Tabel 3.4)
        Assert.Equal("Tidak Tercapai tetapi Meningkat", table.Cell("IK-15", "Status"));
        Assert.Equal("Sangat Tinggi", table.Cell("IK-15", "Kategori"));
        Assert.Equal("Tercapai", table.Cell("IK-1", "Status"));
    }

    [Fact]
    public void Without_the_setting_the_table_has_no_status_column()
    {
        var table = Docx.Render(LkjipReport.Build(new ReportRequest(Samples.Load("banjar-2025.json")))).Tables.Single(t => t.Caption.Contains("Capaian Indikator Kinerja Tahun", StringComparison.Ordinal));
        Assert.DoesNotContain("Status", table.Header);
    }
}
