using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Tests;

/// <summary>Files that are, or only pretend to be, what their first bytes say (issue 19, item 10).</summary>
public static class EvidenceSamples
{
    /// <summary>A real one-page PDF, written by PDFsharp (no text, so no font is needed).</summary>
    public static byte[] Pdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>A real 8 x 8 PNG, encoded by SkiaSharp.</summary>
    public static byte[] Png()
    {
        using var bitmap = new SkiaSharp.SKBitmap(8, 8);
        bitmap.Erase(SkiaSharp.SKColors.SteelBlue);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A PDF header and an end marker around text that is no PDF: the old first-bytes check took it.</summary>
    public static byte[] PdfHeaderWithGarbage() =>
        Encoding.ASCII.GetBytes("%PDF-1.7\n" + string.Concat(Enumerable.Repeat("ini bukan isi PDF, hanya teks biasa. ", 40)) + "\nstartxref\n9\n%%EOF\n");

    /// <summary>The real PNG cut off half way, as an interrupted transfer leaves it.</summary>
    public static byte[] TruncatedPng()
    {
        var whole = Png();
        return whole[..(whole.Length / 2)];
    }

    /// <summary>A real .docx with one paragraph, written by the OpenXML SDK.</summary>
    public static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Notulen rapat")))));
        }

        return stream.ToArray();
    }

    /// <summary>A zip with one text file named .docx: it starts like a .docx, but Word cannot open it.</summary>
    public static byte[] ZipNamedDocx()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("catatan.txt").Open());
            writer.Write("bukan dokumen Word");
        }

        return stream.ToArray();
    }
}

public sealed class SqliteBuktiTests(SqliteFixture fixture) : BuktiTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresBuktiTests(PostgresFixture fixture) : BuktiTests(fixture), IClassFixture<PostgresFixture>;

/// <summary>Bukti dukung: opened as what they claim, removed from a draft only (issue 19, item 10). An app of their own: the realisasi they use are free.</summary>
public abstract class BuktiTests(AppFixture fixture)
{
    private string Demo => $"/instansi/{fixture.DemoId}/2025";

    /// <summary>The version the page's form carries, read from the page as a browser reads it before it posts (0 before the first save).</summary>
    private static async Task<string> Version(Session session, string url)
    {
        var page = await session.Client.GetStringAsync(url);
        var found = System.Text.RegularExpressions.Regex.Match(page, "name=\"ConcurrencyVersion\" value=\"(\\d+)\"");
        Assert.True(found.Success, $"{url} carries no ConcurrencyVersion field");
        return found.Groups[1].Value;
    }

    private RealisasiRecord Current(string indicator, string period) =>
        fixture.App.WithDb(db => db.Realisasi.AsNoTracking().Single(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == indicator && r.Period == period && r.IsCurrent));

    [Fact]
    public async Task Evidence_must_open_as_what_it_claims_a_pdf_header_over_garbage_and_a_truncated_png_are_refused()
    {
        if (!fixture.Available)
            return;
        var url = $"{Demo}/realisasi/IKU-2/2025-TW2";
        var operatorBidang = await fixture.As("op-bidang");
        Assert.Equal(HttpStatusCode.Redirect, (await operatorBidang.Post(url, url + "?handler=Simpan", [new("Value", "300"), new("ValueStatus", "Final"), new("ConcurrencyVersion", await Version(operatorBidang, url))])).StatusCode);
        var record = Current("IKU-2", "2025-TW2");

        foreach (var (name, bytes) in new[] { ("laporan.pdf", EvidenceSamples.PdfHeaderWithGarbage()), ("foto.png", EvidenceSamples.TruncatedPng()), ("notulen.docx", EvidenceSamples.ZipNamedDocx()) })
        {
            var refused = await operatorBidang.PostFiles(url, url + "?handler=Unggah", [("Files", name, bytes)]);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"berkas \"{name}\" ditolak", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        }

        Assert.Equal(0, fixture.App.WithDb(db => db.Evidence.Count(e => e.RealisasiRecordId == record.Id)));
        // nothing of the refused files is left in the store
        Assert.Empty(Directory.Exists(Path.Combine(fixture.App.DataFolder, "bukti")) ? Directory.GetFiles(Path.Combine(fixture.App.DataFolder, "bukti"), "tmp-*") : []);
        Assert.Empty(Directory.Exists(Path.Combine(fixture.App.DataFolder, "sementara")) ? Directory.GetFiles(Path.Combine(fixture.App.DataFolder, "sementara")) : []);

        var accepted = await operatorBidang.PostFiles(url, url + "?handler=Unggah", [("Files", "laporan.pdf", EvidenceSamples.Pdf()), ("Files", "foto.png", EvidenceSamples.Png()), ("Files", "notulen.docx", EvidenceSamples.Docx())]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(["laporan.pdf", "foto.png", "notulen.docx"], fixture.App.WithDb(db => db.Evidence.Where(e => e.RealisasiRecordId == record.Id).OrderBy(e => e.Id).Select(e => e.FileName).ToList()));
    }

    [Fact]
    public async Task A_wrong_bukti_is_removed_from_a_draft_and_the_audit_names_its_file_and_hash()
    {
        if (!fixture.Available)
            return;
        var url = $"{Demo}/realisasi/IKU-2/2025-TW3";
        var operatorBidang = await fixture.As("op-bidang");
        Assert.Equal(HttpStatusCode.Redirect, (await operatorBidang.Post(url, url + "?handler=Simpan", [new("Value", "320"), new("ValueStatus", "Final"), new("ConcurrencyVersion", await Version(operatorBidang, url))])).StatusCode);
        var wrong = EvidenceSamples.Png();
        Assert.Equal(HttpStatusCode.Redirect, (await operatorBidang.PostFiles(url, url + "?handler=Unggah", [("Files", "salah-foto.png", wrong), ("Files", "daftar-hadir.pdf", EvidenceSamples.Pdf())])).StatusCode);
        var record = Current("IKU-2", "2025-TW3");
        var evidence = fixture.App.WithDb(db => db.Evidence.Single(e => e.RealisasiRecordId == record.Id && e.FileName == "salah-foto.png"));

        // the page offers the removal on a draft
        var page = WebUtility.HtmlDecode(await operatorBidang.Client.GetStringAsync(url));
        Assert.Contains("aria-label=\"Hapus bukti salah-foto.png\"", page);

        // a stale version is refused and nothing is removed
        var stale = await operatorBidang.Post(url, url + "?handler=HapusBukti", [new("buktiId", evidence.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("ConcurrencyVersion", (record.ConcurrencyVersion - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, fixture.App.WithDb(db => db.Evidence.Count(e => e.RealisasiRecordId == record.Id)));

        int Revision() => fixture.App.WithDb(db => db.Years.Single(y => y.Id == record.ReportingYearId).Revision);
        var revision = Revision();
        var removed = await operatorBidang.Post(url, url + "?handler=HapusBukti", [new("buktiId", evidence.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("ConcurrencyVersion", await Version(operatorBidang, url))]);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(["daftar-hadir.pdf"], fixture.App.WithDb(db => db.Evidence.Where(e => e.RealisasiRecordId == record.Id).Select(e => e.FileName).ToList()));
        Assert.Equal(record.ConcurrencyVersion + 1, Current("IKU-2", "2025-TW3").ConcurrencyVersion);
        // it went through the one write path: the year's revision is raised with it, so a form read before it is stale
        Assert.Equal(revision + 1, Revision());

        var audit = fixture.App.WithDb(db => db.Audit.Where(a => a.Entity == nameof(EvidenceFile) && a.EntityKey == EvidenceFile.KeyOf(record.Id) && a.Action == "hapus").ToList());
        var entry = Assert.Single(audit);
        Assert.Equal("op-bidang", entry.UserName);
        var before = JsonSerializer.Deserialize<Dictionary<string, string?>>(entry.Before!)!;
        Assert.Equal("salah-foto.png", before["FileName"]);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(wrong)), before["Sha256"]);
        // and the record's page shows the removal in its audit log
        Assert.Contains("salah-foto.png", WebUtility.HtmlDecode(await operatorBidang.Client.GetStringAsync(url)).Split("Hapus bukti")[^1]);
    }

    [Fact]
    public async Task Bukti_cannot_be_removed_once_submitted_nor_without_the_version_read()
    {
        if (!fixture.Available)
            return;
        var url = $"{Demo}/realisasi/IKU-2/2025-TW1";
        var operatorBidang = await fixture.As("op-bidang");
        Assert.Equal(HttpStatusCode.Redirect, (await operatorBidang.Post(url, url + "?handler=Simpan", [new("Value", "250"), new("ValueStatus", "Final"), new("ConcurrencyVersion", await Version(operatorBidang, url))])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorBidang.PostFiles(url, url + "?handler=Unggah", [("Files", "rekap.pdf", EvidenceSamples.Pdf())])).StatusCode);
        var record = Current("IKU-2", "2025-TW1");
        var id = fixture.App.WithDb(db => db.Evidence.Single(e => e.RealisasiRecordId == record.Id).Id);
        var api = $"/api{Demo}/realisasi/IKU-2/2025-TW1/bukti/{id}";

        // the API refuses a removal that does not say which version it read
        var unversioned = await operatorBidang.Api(HttpMethod.Delete, api);
        Assert.Equal(HttpStatusCode.PreconditionRequired, unversioned.StatusCode);
        Assert.Contains("concurrencyVersion", (await unversioned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.Redirect, (await operatorBidang.Post(url, url + "?handler=Ajukan", [new("ConcurrencyVersion", await Version(operatorBidang, url))])).StatusCode);
        var submitted = Current("IKU-2", "2025-TW1");
        Assert.Equal(EntryStatus.Diajukan, submitted.Status);

        var viaApi = await operatorBidang.Api(HttpMethod.Delete, $"{api}?concurrencyVersion={submitted.ConcurrencyVersion}");
        Assert.Equal(HttpStatusCode.BadRequest, viaApi.StatusCode);
        Assert.Contains("sudah diajukan", (await viaApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        // the version the submit left (the page offers no form to carry it any more), so only the status can refuse it
        var viaPage = await operatorBidang.Post(url, url + "?handler=HapusBukti", [new("buktiId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("ConcurrencyVersion", submitted.ConcurrencyVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, viaPage.StatusCode);
        Assert.Contains("minta verifikator mengembalikannya", WebUtility.HtmlDecode(await viaPage.Content.ReadAsStringAsync()));
        // no button is offered either, and the bukti and its version stay as they were
        Assert.DoesNotContain("Hapus bukti rekap.pdf", WebUtility.HtmlDecode(await operatorBidang.Client.GetStringAsync(url)));
        Assert.Equal(1, fixture.App.WithDb(db => db.Evidence.Count(e => e.RealisasiRecordId == record.Id)));
        Assert.Equal(submitted.ConcurrencyVersion, Current("IKU-2", "2025-TW1").ConcurrencyVersion);
        Assert.Equal(0, fixture.App.WithDb(db => db.Audit.Count(a => a.Entity == nameof(EvidenceFile) && a.EntityKey == EvidenceFile.KeyOf(record.Id) && a.Action == "hapus")));
    }
}
