using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Tests;

public sealed class SqlitePejabatPengampuWebTests(SqliteFixture fixture) : PejabatPengampuWebTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresPejabatPengampuWebTests(PostgresFixture fixture) : PejabatPengampuWebTests(fixture), IClassFixture<PostgresFixture>;

/// <summary>
/// Issue 20 item 6: the Pejabat Pengampu of a PK budget line (sheet AnggaranPK) is edited on the web PK page and through
/// the API, like the line's other fields: through the one write path, with the line's version, audited, refused for a
/// signed version; the page shows it and the PK document prints it.
/// </summary>
public abstract class PejabatPengampuWebTests(AppFixture fixture)
{
    private int KemnakerId => fixture.App.WithDb(db => db.Agencies.Single(a => a.Name == "Kementerian Ketenagakerjaan").Id);

    private string Revision(int agencyId) =>
        fixture.App.WithDb(db => db.Years.Single(y => y.AgencyId == agencyId && y.Year == 2024).Revision).ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task The_pengampu_of_a_draft_line_is_saved_audited_shown_and_printed_and_a_signed_version_refuses_it()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var agencyId = KemnakerId;
        var page = $"/instansi/{agencyId}/2024/pk";
        var api = $"/api/instansi/{agencyId}/2024/pk";

        // a signed version (perubahan-3, in force) refuses a Pejabat Pengampu on the page and the API, and keeps its line
        var signedLine = fixture.App.WithDb(db => db.PkBudget.AsNoTracking().Single(b => b.AgencyId == agencyId && b.PkVersion == "perubahan-3" && b.Code == "WA"));
        var signedPage = page + "?versi=perubahan-3";
        var refusedForm = await fixture.Admin.Post(signedPage, signedPage + "&handler=UbahAnggaran",
            [new("lineId", signedLine.Id.ToString(CultureInfo.InvariantCulture)), new("lineVersion", Invariant(signedLine.ConcurrencyVersion)), new("code", "WA"), new("name", signedLine.Name ?? ""), new("pagu", signedLine.Pagu ?? ""), new("pengampu", "Sekretaris Jenderal")]);
        Assert.Equal(HttpStatusCode.BadRequest, refusedForm.StatusCode);
        Assert.Contains("sudah ditandatangani", WebUtility.HtmlDecode(await refusedForm.Content.ReadAsStringAsync()));
        var refusedApi = await fixture.Admin.Api(HttpMethod.Put, $"{api}/perubahan-3/anggaran/{signedLine.Id}",
            new { code = "WA", name = signedLine.Name, pagu = signedLine.Pagu, pengampu = "Sekretaris Jenderal", concurrencyVersion = signedLine.ConcurrencyVersion });
        Assert.Equal(HttpStatusCode.BadRequest, refusedApi.StatusCode);
        Assert.Null(fixture.App.WithDb(db => db.PkBudget.AsNoTracking().Single(b => b.Id == signedLine.Id).Pengampu));

        // a PK Perubahan drafted: it starts with the budget of the version in force, no line with a Pejabat Pengampu
        var added = await fixture.Admin.Post(page, page + "?handler=Perubahan",
            [new("Place", "Jakarta"), new("FirstPosition", "Menteri Ketenagakerjaan Republik Indonesia"), new("FirstName", "Prof. Yassierli"), new("Revision", Revision(agencyId))]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var draftPage = page + "?versi=perubahan-4";
        var before = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync(draftPage));
        Assert.DoesNotContain("<th scope=\"col\">Pejabat Pengampu</th>", before);
        Assert.Contains("id=\"ag-pengampu\"", before);

        // the page's form: the programme WA gets its Pejabat Pengampu
        var wa = fixture.App.WithDb(db => db.PkBudget.AsNoTracking().Single(b => b.AgencyId == agencyId && b.PkVersion == "perubahan-4" && b.Code == "WA"));
        var saved = await fixture.Admin.Post(draftPage, draftPage + "&handler=UbahAnggaran",
            [new("lineId", wa.Id.ToString(CultureInfo.InvariantCulture)), new("lineVersion", Invariant(wa.ConcurrencyVersion)), new("code", "WA"), new("name", wa.Name ?? ""), new("level", wa.Level ?? ""), new("pagu", wa.Pagu ?? ""), new("goals", wa.Goals ?? ""), new("pengampu", "  Sekretaris Jenderal ")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var waAfter = fixture.App.WithDb(db => db.PkBudget.AsNoTracking().Single(b => b.Id == wa.Id));
        Assert.Equal(("Sekretaris Jenderal", wa.Pagu, wa.ConcurrencyVersion + 1), (waAfter.Pengampu, waAfter.Pagu, waAfter.ConcurrencyVersion));
        // the form sent with the version it was read at a second time: refused, nothing changed
        var stale = await fixture.Admin.Post(draftPage, draftPage + "&handler=UbahAnggaran",
            [new("lineId", wa.Id.ToString(CultureInfo.InvariantCulture)), new("lineVersion", Invariant(wa.ConcurrencyVersion)), new("code", "WA"), new("name", wa.Name ?? ""), new("pagu", wa.Pagu ?? ""), new("pengampu", "Inspektur Jenderal")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Sekretaris Jenderal", fixture.App.WithDb(db => db.PkBudget.AsNoTracking().Single(b => b.Id == wa.Id).Pengampu));

        // the API: DL gets one, with the line's version; without it the change is refused
        var dl = fixture.App.WithDb(db => db.PkBudget.AsNoTracking().Single(b => b.AgencyId == agencyId && b.PkVersion == "perubahan-4" && b.Code == "DL"));
        const string vokasi = "Direktur Jenderal Pembinaan Pelatihan Vokasi dan Produktivitas";
        var noVersion = await fixture.Admin.Api(HttpMethod.Put, $"{api}/perubahan-4/anggaran/{dl.Id}", new { code = "DL", name = dl.Name, pagu = dl.Pagu, pengampu = vokasi });
        Assert.Equal((HttpStatusCode)428, noVersion.StatusCode);
        var put = await fixture.Admin.Api(HttpMethod.Put, $"{api}/perubahan-4/anggaran/{dl.Id}", new { code = "DL", name = dl.Name, level = dl.Level, pagu = dl.Pagu, goals = dl.Goals, pengampu = vokasi, concurrencyVersion = dl.ConcurrencyVersion });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var view = await fixture.Admin.Client.GetFromJsonAsync<JsonElement>($"{api}?versi=perubahan-4");
        var pengampu = view.GetProperty("pk").GetProperty("budget").EnumerateArray().ToDictionary(l => l.GetProperty("code").GetString()!, l => l.GetProperty("pengampu").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["WA"] = "Sekretaris Jenderal", ["DN"] = null, ["DL"] = vokasi }, pengampu);

        // audited: the line's change with the Pejabat Pengampu before and after
        var audit = fixture.App.WithDb(db => db.Audit.AsNoTracking().Where(a => a.AgencyId == agencyId && a.Entity == "PkBudgetRow").OrderBy(a => a.Id).ToList());
        var waChange = audit.Last(a => a.After != null && a.After.Contains("\"Pengampu\":\"Sekretaris Jenderal\"", StringComparison.Ordinal));
        Assert.Equal("ubah", waChange.Action);
        Assert.DoesNotContain("Sekretaris Jenderal", waChange.Before ?? "", StringComparison.Ordinal);
        Assert.Contains(audit, a => a.Action == "ubah" && a.After!.Contains(vokasi, StringComparison.Ordinal));

        // the page: the column as the PK prints it, the value on its line, and the audit log naming the field
        var html = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync(draftPage));
        Assert.Contains("<th scope=\"col\">Pejabat Pengampu</th>", html);
        Assert.Contains("<td class=\"pengampu\">Sekretaris Jenderal</td>", html);
        Assert.Contains("value=\"Sekretaris Jenderal\"", html);
        Assert.Contains("Pejabat Pengampu", html[html.IndexOf("id=\"log-audit\"", StringComparison.Ordinal)..]);
        // the signed version the draft started from shows no such column
        Assert.DoesNotContain("<th scope=\"col\">Pejabat Pengampu</th>", WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync(signedPage)));

        // the draft's PK document prints the column and both names
        var docx = await fixture.Admin.Client.GetByteArrayAsync($"/instansi/{agencyId}/2024/dokumen/pk.docx?versi=perubahan-4");
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("Pejabat Pengampu", xml, StringComparison.Ordinal);
        Assert.Contains("Sekretaris Jenderal", xml, StringComparison.Ordinal);
        Assert.Contains(vokasi, xml, StringComparison.Ordinal);

        // signed: from then on the Pejabat Pengampu of the version is locked too
        var signed = await fixture.Admin.Post(draftPage, draftPage + "&handler=Tandatangani", [new("date", "15 Desember 2024"), new("revision", Revision(agencyId))]);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var lockedLine = fixture.App.WithDb(db => db.PkBudget.AsNoTracking().Single(b => b.Id == wa.Id));
        var locked = await fixture.Admin.Api(HttpMethod.Put, $"{api}/perubahan-4/anggaran/{wa.Id}", new { code = "WA", name = wa.Name, pagu = wa.Pagu, pengampu = "Inspektur Jenderal", concurrencyVersion = lockedLine.ConcurrencyVersion });
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Equal("Sekretaris Jenderal", fixture.App.WithDb(db => db.PkBudget.AsNoTracking().Single(b => b.Id == wa.Id).Pengampu));
    }
}
