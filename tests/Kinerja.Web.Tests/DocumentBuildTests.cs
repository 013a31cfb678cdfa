using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kinerja.Web.Tests;

/// <summary>Documents built in the background with a progress page: the page and the API, who may see a build, a refused final.</summary>
public abstract partial class WebAppTests
{
    [SkippableFact]
    public async Task A_document_build_shows_its_progress_then_offers_the_download_only_to_who_asked()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var started = await fixture.Admin.Post($"{Demo}/dokumen", $"{Demo}/dokumen", [new("Jenis", "lkjip"), new("Format", "docx"), new("Final", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var progress = started.Headers.Location!.OriginalString;
        Assert.Matches($"^{Regex.Escape(Demo)}/dokumen/proses/[0-9a-f]{{32}}$", progress);

        var page = await WaitUntilDone(fixture.Admin, progress);
        Assert.True(page.Contains("id=\"unduh\"", StringComparison.Ordinal), page);
        Assert.Contains("Laporan Kinerja (draf), Word", page);
        Assert.DoesNotContain("http-equiv=\"refresh\"", page);
        var file = await fixture.Admin.Client.GetAsync(progress + "?handler=Unduh");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("lkjip-2025-draf.docx", file.Content.Headers.ContentDisposition!.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Equal("PK", Encoding.ASCII.GetString((await file.Content.ReadAsByteArrayAsync())[..2]));

        // another account of the same instansi does not see the admin's build, by page or by download
        var pimpinan = await fixture.As("pimpinan");
        Assert.Equal(HttpStatusCode.NotFound, (await pimpinan.Client.GetAsync(progress)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pimpinan.Client.GetAsync(progress + "?handler=Unduh")).StatusCode);
        // an operator of one unit may not build the whole instansi's documents
        var operatorBidang = await fixture.As("op-bidang");
        var refused = await operatorBidang.Api(HttpMethod.Post, $"/api{Demo}/dokumen", new { jenis = "lkjip", format = "docx" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [SkippableFact]
    public async Task A_final_document_with_check_errors_is_refused_with_its_reasons_through_the_api()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        // Banjar's workbook keeps its printed budget slips (the 1 miliar typo): a final LKjIP is refused, a draft is built
        var banjar = fixture.App.WithDb(db => db.Agencies.Where(a => a.Name.Contains("Banjar")).Select(a => a.Id).Single());
        var final = await fixture.Admin.Api(HttpMethod.Post, $"/api/instansi/{banjar}/2025/dokumen", new { jenis = "lkjip", format = "docx", final = true });
        Assert.Equal(HttpStatusCode.Accepted, final.StatusCode);
        var status = await WaitUntilDoneApi(fixture.Admin, final.Headers.Location!.OriginalString);
        Assert.False(status.GetProperty("berhasil").GetBoolean());
        var reasons = status.GetProperty("alasan").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.NotEmpty(reasons);
        Assert.Contains(reasons, r => r.Contains("anggaran", StringComparison.OrdinalIgnoreCase) || r.Contains("pagu", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(JsonValueKind.Null, status.GetProperty("unduh").ValueKind);

        var draft = await fixture.Admin.Api(HttpMethod.Post, $"/api/instansi/{banjar}/2025/dokumen", new { jenis = "lkjip", format = "docx" });
        var done = await WaitUntilDoneApi(fixture.Admin, draft.Headers.Location!.OriginalString);
        Assert.True(done.GetProperty("berhasil").GetBoolean(), done.ToString());
        var bytes = await fixture.Admin.Client.GetByteArrayAsync(done.GetProperty("unduh").GetString());
        Assert.Equal("PK", Encoding.ASCII.GetString(bytes[..2]));
    }

    private static async Task<string> WaitUntilDone(Session session, string url)
    {
        for (var i = 0; i < 600; i++)
        {
            var html = await session.Client.GetStringAsync(url);
            if (!html.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal))
                return html;
            await Task.Delay(200);
        }

        throw new TimeoutException("the document was not built in 2 minutes");
    }

    private static async Task<JsonElement> WaitUntilDoneApi(Session session, string url)
    {
        for (var i = 0; i < 600; i++)
        {
            var status = await session.Client.GetFromJsonAsync<JsonElement>(url);
            if (status.GetProperty("selesai").GetBoolean())
                return status;
            await Task.Delay(200);
        }

        throw new TimeoutException("the document was not built in 2 minutes");
    }
}
