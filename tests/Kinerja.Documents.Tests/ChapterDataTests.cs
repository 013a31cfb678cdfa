using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Kinerja.Documents.Reports;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Model;
using SkiaSharp;

namespace Kinerja.Documents.Tests;

/// <summary>Issue 13 items 3, 4, 7 and 9: chapters from workbook data, the cover logo, the draft watermark, chart labels.</summary>
public class ChapterDataTests
{
    private static Docx Lkjip(PerformanceDataset data) => Docx.Render(LkjipReport.Build(new ReportRequest(data)));

    private static PerformanceDataset FromJson(JsonObject json) => DatasetImporter.Import(JsonWorkbook.Read(json.ToJsonString(), "uji.json"));

    private static JsonObject Sample(string name) => JsonNode.Parse(File.ReadAllText(Samples.Path(name)))!.AsObject();

    [Fact]
    public void Banjar_prints_the_LHE_AKIP_follow_up_as_seed_003_Tabel_3_8()
    {
        var docx = Lkjip(Samples.Load("banjar-2025.json"));
        var table = docx.Tables.Single(t => t.Caption.Contains("Rekomendasi dan Tindak Lanjut LHE AKIP Tahun 2025", StringComparison.Ordinal));
        Assert.Equal(["No", "Rekomendasi", "Tindak Lanjut"], table.Rows[0]);
        Assert.Equal(7, table.Rows.Count); // header and the six recommendations of 003 l.2371-2380
        Assert.Equal(["4", "Memanfaatkan hasil pengukuran kinerja sebagai dasar dalam pemberian Reward dan Punishment",
            "Memanfaatkan hasil pengukuran kinerja sebagai dasar dalam pemberian reward dan punishment guna mendorong peningkatan kinerja, akuntabilitas, serta kedisiplinan pegawai"], table.Rows[4]);
        // row 5 runs over a page in the source: its two halves are one recommendation
        Assert.StartsWith("Melakukan Reviu berjenjang terhadap pelaporan kinerja untuk meningkatkan pemahaman dan kepedulian serta memastikan", table.Rows[5][1], StringComparison.Ordinal);
    }

    [Fact]
    public void Banjar_prints_its_problem_and_strategic_issue_tables_in_Bab_I_as_the_seed_prints_them()
    {
        var report = LkjipReport.Build(new ReportRequest(Samples.Load("banjar-2025.json")));
        var docx = Docx.Render(report);
        var problems = docx.Tables.Single(t => t.Caption.Contains("Permasalahan Dinas Tenaga Kerja", StringComparison.Ordinal));
        Assert.StartsWith("Tabel 1.", problems.Caption, StringComparison.Ordinal);
        Assert.Equal(["No", "Masalah Pokok", "Masalah", "Akar Masalah"], problems.Rows[0]);
        Assert.Equal(12, problems.Rows.Count); // header and the 11 lines of 003 Tabel I (l.231-241)
        Assert.Equal(["1", "Belum optimalnya tingkat kesempatan kerja", "Belum optimalnya kualitas rencana tenaga kerja", "Akses informasi lowongan kerja belum memadai"], problems.Rows[1]);
        // a continuation line keeps its cells where the seed puts them, the merged ones empty
        Assert.Equal(["", "", "Jaringan pemasaran dan penempatan tenaga kerja belum memadai", "Belum semua perusahaan memiliki RTK mikro"], problems.Rows[2]);
        Assert.Equal(["3", "Masih Rendahnya Perlindungan Tenaga Kerja", "Terbatasnya kepesertaan perlindungan sosial", "Terbatasnya sosialisasi dan edukasi perlindungan sosial tenaga kerja"], problems.Rows[10]);

        var issues = docx.Tables.Single(t => t.Caption.Contains("Isu Strategis Dinas Tenaga Kerja", StringComparison.Ordinal));
        Assert.Equal(["Potensi Daerah yang Menjadi Kewenangan", "Permasalahan", "Isu KLHS yang Relevan", "Isu Lingkungan Dinamis Global", "Isu Lingkungan Dinamis Nasional", "Isu Lingkungan Dinamis Regional", "Isu Strategis"], issues.Rows[0]);
        Assert.Equal("Penurunan Tingkat Pengangguran Terbuka Belum Optimal", issues.Rows[1][6]);
        // the KLHS cell runs over a page in the seed (l.262 and l.266): one cell
        Assert.EndsWith("meningkatkan dua kali lipat proporsinya di negara berkembang", issues.Rows[1][2], StringComparison.Ordinal);
        Assert.Equal(6, issues.Rows.Count);

        // the section holds the texts and the tables, problems first
        var text = docx.AllText;
        var section = text.IndexOf("Permasalahan dan Isu Strategis", text.IndexOf("BAB I PENDAHULUAN", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(section > 0);
        Assert.True(text.IndexOf("masih menghadapi permasalahan yaitu masih Belum Optimalnya Tingkat Kesempatan Kerja", section, StringComparison.Ordinal)
                    < text.IndexOf("Dalam rangka menjawab berbagai tantangan", section, StringComparison.Ordinal));
    }

    [Fact]
    public void A_plain_list_of_issues_prints_numbered_and_without_texts_or_rows_the_section_is_left_out()
    {
        var json = Sample("pasar-kerja-2021.json");
        json["strategicIssues"] = new JsonArray(new JsonObject { ["issue"] = "Rendahnya pemanfaatan layanan pasar kerja daring" }, new JsonObject { ["issue"] = "Ancaman kebocoran data" });
        var docx = Lkjip(FromJson(json));
        var issues = docx.Tables.Single(t => t.Caption.Contains("Isu Strategis Pusat Pasar Kerja", StringComparison.Ordinal));
        Assert.Equal([["No", "Isu Strategis"], ["1", "Rendahnya pemanfaatan layanan pasar kerja daring"], ["2", "Ancaman kebocoran data"]], issues.Rows);
        Assert.DoesNotContain(docx.Tables, t => t.Caption.Contains("Permasalahan", StringComparison.Ordinal));

        var none = LkjipReport.Build(new ReportRequest(Samples.Load("pasar-kerja-2021.json")));
        none.RemoveEmptySections();
        Assert.DoesNotContain(none.Blocks.OfType<HeadingBlock>(), h => h.Text.Contains("Isu Strategis", StringComparison.Ordinal));
    }

    [Fact]
    public void Chapter_texts_print_where_they_belong_and_absent_ones_leave_their_section_out()
    {
        var banjar = Lkjip(Samples.Load("banjar-2025.json")).AllText;
        Assert.Contains("Puji dan syukur kami panjatkan kehadirat Allah SWT", banjar, StringComparison.Ordinal);
        Assert.Contains("C. Dasar Hukum", banjar, StringComparison.Ordinal);
        Assert.Contains("Surat Keputusan Kepala Dinas Tenaga Kerja Dan Transmigrasi Kabupaten Banjar Nomor 82 Tahun 2025", banjar, StringComparison.Ordinal);
        Assert.Contains("B. Saran", banjar, StringComparison.Ordinal);
        Assert.Contains("LAMPIRAN: POHON KINERJA", banjar, StringComparison.Ordinal);

        // Pasar Kerja has no chapter texts, no awards, one unit: those parts are not printed at all
        var pasar = LkjipReport.Build(new ReportRequest(Samples.Load("pasar-kerja-2021.json")));
        pasar.RemoveEmptySections();
        var text = Docx.Render(pasar).AllText;
        foreach (var absent in new[] { "Dasar Hukum", "Maksud dan Tujuan", "Penghargaan", "Inovasi", "Tindak Lanjut", "Struktur Organisasi Pusat", "POHON KINERJA" })
            Assert.DoesNotContain(absent, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Awards_and_innovations_print_as_entered_and_the_organisation_is_drawn_from_the_units()
    {
        var json = Sample("banjar-2025.json");
        json["awards"] = new JsonArray(new JsonObject { ["year"] = "2025", ["name"] = "Perangkat Daerah Terbaik Pelayanan Publik", ["giver"] = "Bupati Banjar", ["level"] = "Kabupaten" });
        json["innovations"] = new JsonArray(new JsonObject { ["name"] = "Bursa Kerja Daring", ["description"] = "Lowongan dipertemukan dengan pencari kerja", ["unit"] = "BIDANG-TK", ["year"] = "2024" });
        var report = LkjipReport.Build(new ReportRequest(FromJson(json)));
        var docx = Docx.Render(report);
        var awards = docx.Tables.Single(t => t.Caption.Contains("Penghargaan yang Diterima", StringComparison.Ordinal));
        Assert.Equal(["1", "2025", "Perangkat Daerah Terbaik Pelayanan Publik", "Bupati Banjar", "Kabupaten", "-"], awards.Rows[1]);
        var innovations = docx.Tables.Single(t => t.Caption.EndsWith("Inovasi", StringComparison.Ordinal));
        Assert.Equal("Bidang Tenaga Kerja", innovations.Rows[1][3]); // the unit's name, not its code
        var chart = Assert.Single(report.Figures, f => f.Caption.StartsWith("Struktur Organisasi", StringComparison.Ordinal));
        using var bitmap = SKBitmap.Decode(chart.Png);
        Assert.Equal(chart.WidthPixels, bitmap.Width);
        // three levels of units (dinas, bidang/sekretariat, seksi): three columns of boxes
        Assert.True(bitmap.Width > 3 * 330, $"{bitmap.Width} px");
    }

    [Fact]
    public void An_innovation_of_an_unknown_unit_and_a_malformed_award_year_are_refused_with_their_cells()
    {
        var json = Sample("banjar-2025.json");
        json["awards"] = new JsonArray(new JsonObject { ["year"] = "25", ["name"] = "Penghargaan" });
        json["innovations"] = new JsonArray(new JsonObject { ["name"] = "Inovasi", ["unit"] = "TIDAK-ADA" });
        var error = Assert.Throws<WorkbookImportException>(() => FromJson(json));
        Assert.Contains(error.Errors, e => e.Message.Contains("tahun \"25\"", StringComparison.Ordinal) && e.Location.Sheet == "awards");
        Assert.Contains(error.Errors, e => e.Message.Contains("unit \"TIDAK-ADA\"", StringComparison.Ordinal) && e.Location.Sheet == "innovations");
    }

    [Fact]
    public void The_trend_table_shows_NA_for_a_year_without_capaian_and_the_Renstra_end_target()
    {
        var docx = Lkjip(Samples.Load("banjar-2025.json"));
        var trend = docx.Tables.Single(t => t.Caption.Contains("Perbandingan Realisasi dan Capaian dengan Tahun Sebelumnya", StringComparison.Ordinal));
        Assert.Equal("Target Akhir Renstra", trend.Rows[0][^1]);
        var capaian = trend.Rows[0].Select((h, i) => (h, i)).Where(x => x.h.StartsWith("Capaian", StringComparison.Ordinal)).Select(x => x.i).ToList();
        var cells = trend.Rows.Skip(1).SelectMany(r => capaian.Select(i => r[i])).ToList();
        Assert.DoesNotContain("-", cells);
        Assert.Contains("N/A", cells);
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static JsonObject WithLogo(string value)
    {
        var json = Sample("kemnaker-2024.json");
        json["profile"]!["logo"] = value;
        return json;
    }

    [Fact]
    public void A_PNG_logo_is_taken_with_its_size_and_printed_on_the_cover_and_kept_through_xlsx()
    {
        var png = Png(200, 100);
        var data = FromJson(WithLogo("data:image/png;base64," + Convert.ToBase64String(png)));
        Assert.Equal((200, 100, true), (data.Profile.Logo!.Width, data.Profile.Logo.Height, data.Profile.Logo.IsPng));

        var docx = Docx.Render(LkjipReport.Build(new ReportRequest(data)));
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx.Bytes), false))
        {
            var images = word.MainDocumentPart!.ImageParts.Select(p => { using var s = p.GetStream(); using var m = new MemoryStream(); s.CopyTo(m); return m.ToArray(); }).ToList();
            Assert.Contains(images, i => i.SequenceEqual(png));
        }

        var xlsx = Samples.TempFile(".xlsx");
        try
        {
            XlsxWorkbook.Write(JsonWorkbook.Read(WithLogo("data:image/png;base64," + Convert.ToBase64String(png)).ToJsonString(), "uji.json"), xlsx);
            var back = DatasetImporter.Import(XlsxWorkbook.Read(xlsx));
            Assert.Equal(png, back.Profile.Logo!.Bytes);
        }
        finally
        {
            File.Delete(xlsx);
        }
    }

    [Theory]
    [InlineData("R0lGODlhAQABAAAAACw=", "bukan gambar PNG atau JPEG")] // a GIF, whatever the URI says
    [InlineData("bukan-base64!!", "bukan base64")]
    [InlineData(null, "harus gambar PNG atau JPEG")]
    public void A_logo_that_is_not_a_PNG_or_JPEG_is_refused_at_the_profile(string? base64, string message)
    {
        var value = base64 is null ? "logo.png" : "data:image/png;base64," + base64;
        var error = Assert.Throws<WorkbookImportException>(() => FromJson(WithLogo(value)));
        var e = Assert.Single(error.Errors);
        Assert.Equal(("profile", "logo"), (e.Location.Sheet, e.Location.Column));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_logo_over_1_MB_is_refused()
    {
        var big = new byte[DatasetImporter.MaxLogoBytes + 1];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(big, 0);
        var error = Assert.Throws<WorkbookImportException>(() => FromJson(WithLogo("data:image/png;base64," + Convert.ToBase64String(big))));
        Assert.Contains("melebihi batas 1 MB", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_carries_the_diagonal_DRAF_watermark_in_its_header_and_a_final_none()
    {
        var data = Samples.Load("kemnaker-2024.json");
        static List<string> Headers(ReportDocument report)
        {
            using var word = WordprocessingDocument.Open(new MemoryStream(Docx.Render(report).Bytes), false);
            return word.MainDocumentPart!.HeaderParts.Select(h => h.Header!.OuterXml).ToList();
        }

        var draft = Assert.Single(Headers(LkjipReport.Build(new ReportRequest(data) with { Draft = true })));
        Assert.Contains("string=\"DRAF\"", draft, StringComparison.Ordinal);
        Assert.Contains("rotation:315", draft, StringComparison.Ordinal);
        Assert.Empty(Headers(LkjipReport.Build(new ReportRequest(data))));
    }

    [Theory]
    [InlineData("SS-1", "Meningkatnya Tata Kelola Pemerintahan yang Baik", 2, "SS-1\nMeningkatnya Tata Kelola\nPemerintahan yang Baik")]
    [InlineData("P1", "Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 6, "P1\nPenunjang Urusan\nPemerintahan Daerah…")]
    [InlineData("P1", "Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 25, "P1 Penunjang Urusan Pemerintahan Daerah…")]
    public void Bar_labels_carry_the_code_and_a_short_name_that_fits_under_the_bar(string code, string name, int bars, string expected)
    {
        Assert.Equal(expected, Charts.BarLabel(code, name, bars));
    }
}
