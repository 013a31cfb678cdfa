using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Values;

namespace Kinerja.Web.Tests;

public sealed class SqlitePlanEditTests(SqliteFixture fixture) : PlanEditTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresPlanEditTests(PostgresFixture fixture) : PlanEditTests(fixture), IClassFixture<PostgresFixture>;

/// <summary>Editing the plan on the web (nodes, indicators, targets), the PK Perubahan's own rows, and the dashboard measuring computed realisasi.</summary>
public abstract class PlanEditTests(AppFixture fixture)
{
    private string Demo => $"/instansi/{fixture.DemoId}/2025";

    private async Task<Session> Planner()
    {
        if (!fixture.App.WithDb(db => db.Users.Any(u => u.UserName == "perencana")))
            await fixture.Admin.AddUser(fixture.DemoId, "perencana", AppFixture.Password, "Perencana");
        return await fixture.As("perencana");
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    [SkippableFact]
    public async Task A_planner_adds_changes_and_removes_a_node_and_an_indicator_audited_checked_and_exported_unchanged()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var planner = await Planner();
        var node = await planner.Api(HttpMethod.Post, $"/api{Demo}/rencana/simpul", new { cells = new Dictionary<string, string> { ["code"] = "S3", ["level"] = "Sasaran", ["name"] = "Meningkatnya produktivitas tenaga kerja", ["parent"] = "T1", ["unit"] = "BIDANG" } });
        Assert.Equal(HttpStatusCode.Created, node.StatusCode);
        var indicator = await planner.Api(HttpMethod.Post, $"/api{Demo}/rencana/indikator", new
        {
            cells = new Dictionary<string, string>
            {
                ["code"] = "IKU-9", ["goal"] = "S3", ["name"] = "Persentase tenaga kerja bersertifikat", ["satuan"] = "Persen", ["type"] = "Outcome", ["polarity"] = "Maksimal",
                ["targetKind"] = "Angka", ["lowerMethod"] = "B", ["aggregation"] = "Akhir", ["formula"] = "bersertifikat / dilatih x 100", ["source"] = "LSP", ["allowNegative"] = "Tidak",
            },
        });
        Assert.Equal(HttpStatusCode.Created, indicator.StatusCode);
        var item = (await Json(indicator)).GetProperty("item");
        var id = item.GetProperty("id").GetInt64();
        // no owner given: the unit responsible is the node's (BIDANG), so BIDANG's operator sees it and DINAS's does not
        Assert.Equal("BIDANG", fixture.App.WithDb(db => db.Indicators.Single(i => i.ReportingYearId == db.Years.Single(y => y.AgencyId == fixture.DemoId && y.Year == 2025).Id && i.Code == "IKU-9").UnitCode));

        var revision = (await planner.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/rencana")).GetProperty("revision").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await planner.Api(HttpMethod.Post, $"/api{Demo}/target", new { indicator = "IKU-9", period = "Renstra", value = "80%", document = "Renstra", expectedRevision = revision })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await planner.Api(HttpMethod.Post, $"/api{Demo}/target", new { indicator = "IKU-9", period = "2025", value = "50%", document = "Renstra", expectedRevision = revision })).StatusCode);

        // a change with the version read: saved; the same version again (a stale form): 409 naming the column and its value now
        var cells = item.GetProperty("cells").Deserialize<Dictionary<string, string>>()!;
        cells["name"] = "Persentase tenaga kerja yang bersertifikat kompetensi";
        var changed = await planner.Api(HttpMethod.Put, $"/api{Demo}/rencana/indikator/{id}", new { cells, versi = item.GetProperty("versi").GetString() });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        cells["name"] = "Nama lain dari formulir lama";
        var stale = await planner.Api(HttpMethod.Put, $"/api{Demo}/rencana/indikator/{id}", new { cells, versi = item.GetProperty("versi").GetString() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Persentase tenaga kerja yang bersertifikat kompetensi", Detail(await Json(stale)));
        Assert.DoesNotContain(fixture.App.WithDb(db => db.WorkbookRows.Where(r => r.Sheet == "indicators").Select(r => r.CellsJson).ToList()), c => c.Contains("formulir lama", StringComparison.Ordinal));

        // the audit log: who, what, before and after, shown on the indicator's page in Indonesian
        var audit = fixture.App.WithDb(db => db.Audit.Where(a => a.AgencyId == fixture.DemoId && a.Entity == "IndicatorDef" && a.EntityKey.EndsWith("|IKU-9")).OrderBy(a => a.Id).ToList());
        Assert.Equal(["tambah", "ubah"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("perencana", a.UserName));
        Assert.Contains("Persentase tenaga kerja bersertifikat\"", audit[1].Before);
        Assert.Contains("bersertifikat kompetensi", audit[1].After);
        var page = WebUtility.HtmlDecode(await planner.Client.GetStringAsync($"{Demo}/rencana/indikator/{id}"));
        Assert.Contains("<strong>Nama</strong>: <span class=\"before\">Persentase tenaga kerja bersertifikat</span> → <span class=\"after\">Persentase tenaga kerja yang bersertifikat kompetensi</span>", page);
        Assert.Contains("Diubah · Indikator IKU-9", page);

        // the pohon kinerja draws the new node with its indicator
        var tree = await planner.Client.GetStringAsync($"{Demo}/pohon.svg");
        Assert.Contains("S3", tree);
        Assert.Contains("IKU-9", tree);

        // export -> import: nothing to add, change or remove
        var exported = await planner.Client.GetByteArrayAsync($"{Demo}/ekspor.json");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(exported), "berkas", "ekspor.json" } };
        var preview = await fixture.Admin.ApiContent(HttpMethod.Post, $"/api/impor?instansi={fixture.DemoId}", content);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Empty((await Json(preview)).GetProperty("sheets").EnumerateArray());
        Assert.Contains("\"IKU-9\"", System.Text.Encoding.UTF8.GetString(exported));

        // the node cannot go while its indicator hangs on it; the indicator (no realisasi) goes with its targets, then the node
        var plan = await planner.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/rencana");
        var s3 = plan.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "S3");
        var blocked = await planner.Api(HttpMethod.Delete, $"/api{Demo}/rencana/simpul/{s3.GetProperty("id").GetInt64()}?versi={s3.GetProperty("versi").GetString()}");
        Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
        Assert.Contains("IKU-9", Detail(await Json(blocked)));
        var iku9 = plan.GetProperty("indicators").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "IKU-9");
        Assert.Equal(HttpStatusCode.OK, (await planner.Api(HttpMethod.Delete, $"/api{Demo}/rencana/indikator/{id}?versi={iku9.GetProperty("versi").GetString()}")).StatusCode);
        Assert.False(fixture.App.WithDb(db => db.Targets.Any(t => t.AgencyId == fixture.DemoId && t.IndicatorCode == "IKU-9")));
        Assert.Equal(HttpStatusCode.OK, (await planner.Api(HttpMethod.Delete, $"/api{Demo}/rencana/simpul/{s3.GetProperty("id").GetInt64()}?versi={s3.GetProperty("versi").GetString()}")).StatusCode);
    }

    [SkippableFact]
    public async Task A_save_the_checks_refuse_is_not_stored_and_an_indicator_with_realisasi_is_not_removed()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var planner = await Planner();
        // an indicator measuring a node that does not exist: the workbook's own error, located, and nothing written
        var count = (await planner.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/rencana")).GetProperty("indicators").GetArrayLength();
        var wrong = await planner.Api(HttpMethod.Post, $"/api{Demo}/rencana/indikator", new { cells = new Dictionary<string, string> { ["code"] = "IKU-8", ["goal"] = "S99", ["name"] = "Indikator salah sasaran", ["polarity"] = "Maksimal" } });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var detail = Detail(await Json(wrong));
        // the row as the workbook numbers it: the header is row 1, the indicators there before it rows 2 .. count + 1
        Assert.Contains($"sheet Indikator, baris {count + 2}, kolom Sasaran: sasaran \"S99\" tidak ada di sheet Rencana", detail);
        Assert.DoesNotContain((await planner.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/rencana")).GetProperty("indicators").EnumerateArray(), i => i.GetProperty("code").GetString() == "IKU-8");
        Assert.Equal(HttpStatusCode.BadRequest, (await planner.Api(HttpMethod.Post, $"/api{Demo}/rencana/indikator", new { cells = new Dictionary<string, string> { ["code"] = "IKU-8", ["goal"] = "S1", ["name"] = "Tanpa polaritas" } })).StatusCode);

        var plan = await planner.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/rencana");
        var iku1 = plan.GetProperty("indicators").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "IKU-1");
        var refused = await planner.Api(HttpMethod.Delete, $"/api{Demo}/rencana/indikator/{iku1.GetProperty("id").GetInt64()}?versi={iku1.GetProperty("versi").GetString()}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("sudah ada realisasinya (2025)", Detail(await Json(refused)));
        // a code is the key others refer to: it does not change on an edit
        var cells = iku1.GetProperty("cells").Deserialize<Dictionary<string, string>>()!;
        cells["code"] = "IKU-1X";
        Assert.Equal(HttpStatusCode.BadRequest, (await planner.Api(HttpMethod.Put, $"/api{Demo}/rencana/indikator/{iku1.GetProperty("id").GetInt64()}", new { cells, versi = iku1.GetProperty("versi").GetString() })).StatusCode);
    }

    [SkippableFact]
    public async Task Another_units_operator_is_refused_the_plan_editor_page_its_form_post_and_the_api()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var plan = await fixture.Admin.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/rencana");
        var iku1 = plan.GetProperty("indicators").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "IKU-1");
        var id = iku1.GetProperty("id").GetInt64();
        var operatorBidang = await fixture.As("op-bidang");
        var page = await operatorBidang.Client.GetAsync($"{Demo}/rencana/indikator/{id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/ditolak", page.Headers.Location!.PathAndQuery);
        var post = await operatorBidang.Post($"{Demo}/rencana", $"{Demo}/rencana/indikator/{id}?handler=Simpan", [new("Cells[code]", "IKU-1"), new("Cells[name]", "diubah operator"), new("Versi", iku1.GetProperty("versi").GetString()!)]);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/ditolak", post.Headers.Location!.PathAndQuery);
        var cells = iku1.GetProperty("cells").Deserialize<Dictionary<string, string>>()!;
        cells["name"] = "diubah operator";
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorBidang.Api(HttpMethod.Put, $"/api{Demo}/rencana/indikator/{id}", new { cells, versi = iku1.GetProperty("versi").GetString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorBidang.Api(HttpMethod.Delete, $"/api{Demo}/rencana/indikator/{id}?versi={iku1.GetProperty("versi").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorBidang.Api(HttpMethod.Post, $"/api{Demo}/rencana/simpul", new { cells = new Dictionary<string, string> { ["code"] = "X", ["level"] = "Sasaran", ["name"] = "x" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorBidang.Api(HttpMethod.Post, $"/api{Demo}/pk/perubahan-1/target", new { indicator = "IKU-2", period = "2025", value = "1", expectedRevision = 0 })).StatusCode);
        Assert.DoesNotContain("diubah operator", fixture.App.WithDb(db => string.Join("", db.WorkbookRows.Select(r => r.CellsJson))));
        // the endpoints are in the OpenAPI document, with their summaries
        var openApi = await operatorBidang.Client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/instansi/{agencyId}/{year}/rencana", "/api/instansi/{agencyId}/{year}/rencana/indikator/{id}", "/api/instansi/{agencyId}/{year}/rencana/simpul", "/api/instansi/{agencyId}/{year}/pk/{versi}/anggaran/{id}" })
            Assert.Contains($"\"{path}\"", openApi);
        // the rencana page offers no edit link to them
        Assert.DoesNotContain("/rencana/indikator/", await operatorBidang.Client.GetStringAsync($"{Demo}/rencana"));
    }

    [SkippableFact]
    public async Task A_stale_form_on_the_page_is_refused_with_what_changed()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var planner = await Planner();
        var plan = await planner.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/rencana");
        var s2 = plan.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "S2");
        var url = $"{Demo}/rencana/simpul/{s2.GetProperty("id").GetInt64()}";
        var cells = s2.GetProperty("cells").Deserialize<Dictionary<string, string>>()!;
        var asal = JsonSerializer.Serialize(cells);
        List<KeyValuePair<string, string>> Form(string name) =>
            [new("Cells[code]", "S2"), new("Cells[level]", cells["level"]), new("Cells[name]", name), new("Cells[parent]", cells["parent"]), new("Cells[unit]", cells["unit"]), new("Versi", s2.GetProperty("versi").GetString()!), new("Asal", asal)];
        var first = await planner.Post(url, url + "?handler=Simpan", Form("Meningkatnya pencari kerja yang dilatih dan bersertifikat"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await planner.Post(url, url + "?handler=Simpan", Form("Meningkatnya pelatihan kerja"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Contains("Nama: \"Meningkatnya pencari kerja yang dilatih\" → \"Meningkatnya pencari kerja yang dilatih dan bersertifikat\"", html);
        Assert.Contains("perubahan Anda tidak disimpan", html);
        // what the second person typed is still in the form
        Assert.Contains("Meningkatnya pelatihan kerja", html);
        Assert.Contains("dilatih dan bersertifikat", (await planner.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/rencana")).GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "S2").GetProperty("cells").GetProperty("name").GetString());
    }

    [SkippableFact]
    public async Task Targets_of_a_signed_pk_are_locked_and_a_pk_perubahan_gets_its_own_target_rows_and_budget()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        // Kemnaker: the PK sheet dates every version (the awal "Januari 2024"): its targets change only through a PK Perubahan
        var kemnaker = fixture.App.WithDb(db => db.Agencies.Single(a => a.Name == "Kementerian Ketenagakerjaan").Id);
        var targets = await fixture.Admin.Client.GetFromJsonAsync<JsonElement>($"/api/instansi/{kemnaker}/2024/target");
        var pkTarget = targets.EnumerateArray().First(t => t.GetProperty("document").GetString() == "PK");
        var put = await fixture.Admin.Api(HttpMethod.Put, $"/api/instansi/{kemnaker}/2024/target/{pkTarget.GetProperty("id").GetInt64()}", new { value = "99", concurrencyVersion = pkTarget.GetProperty("concurrencyVersion").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("sudah ditandatangani (Januari 2024); perubahan target memerlukan PK Perubahan", Detail(await Json(put)));
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Admin.Api(HttpMethod.Delete, $"/api/instansi/{kemnaker}/2024/target/{pkTarget.GetProperty("id").GetInt64()}?concurrencyVersion={pkTarget.GetProperty("concurrencyVersion").GetInt32()}")).StatusCode);
        Assert.Equal(pkTarget.GetProperty("value").GetString(), fixture.App.WithDb(db => db.Targets.Single(t => t.Id == pkTarget.GetProperty("id").GetInt64()).Value));
        // the Target page shows it without a form, with the reason
        var targetPage = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync($"/instansi/{kemnaker}/2024/target"));
        Assert.DoesNotContain($"id=\"nilai-{pkTarget.GetProperty("id").GetInt64()}\"", targetPage);
        Assert.Contains("terkunci: target ini bagian dari Perjanjian Kinerja yang sudah ditandatangani (Januari 2024)", targetPage);

        // the demo (no PK sheet: its awal carries no date): a PK Perubahan drafted on the web gets its own target rows on the PK page
        var planner = await Planner();
        var pk = await planner.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/pk");
        var added = await planner.Api(HttpMethod.Post, $"/api{Demo}/pk/perubahan", new { place = "Demo", firstPosition = "Kepala Dinas", firstName = "Nama Contoh, S.E.", expectedRevision = pk.GetProperty("revision").GetInt32() });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var plan = await planner.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/rencana");
        var iku2 = plan.GetProperty("indicators").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "IKU-2");
        // IKU-2 has approved realisasi: not removed
        Assert.Equal(HttpStatusCode.BadRequest, (await planner.Api(HttpMethod.Delete, $"/api{Demo}/rencana/indikator/{iku2.GetProperty("id").GetInt64()}?versi={iku2.GetProperty("versi").GetString()}")).StatusCode);

        var revision = plan.GetProperty("revision").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await planner.Api(HttpMethod.Post, $"{"/api" + Demo}/pk/awal/target", new { indicator = "IKU-2", period = "2025-TW2", value = "400", expectedRevision = revision })).StatusCode);
        // a draft's target measures nothing yet: a year's target that would leave the approved realisasi's printed
        // capaian (95% of 1.000) unexplained is kept in the draft, and refuses the signing until it goes
        var contradicts = await planner.Api(HttpMethod.Post, $"/api{Demo}/pk/perubahan-1/target", new { indicator = "IKU-2", period = "2025", value = "1.100", expectedRevision = revision });
        Assert.Equal(HttpStatusCode.OK, contradicts.StatusCode);
        var early = await planner.Api(HttpMethod.Post, $"/api{Demo}/pk/perubahan-1/tandatangani", new { date = "30 Juni 2025", expectedRevision = revision + 1 });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("capaian tercetak 95% tidak dapat dihasilkan dari target 1.100 dan realisasi 950", Detail(await Json(early)));
        Assert.Null(fixture.App.WithDb(db => db.PkVersions.Single(v => v.AgencyId == fixture.DemoId && v.PkVersion == "perubahan-1").SigningDate));
        var yearRow = fixture.App.WithDb(db => db.Targets.Single(t => t.AgencyId == fixture.DemoId && t.IndicatorCode == "IKU-2" && t.Period == "2025" && t.Document == "PK Perubahan"));
        Assert.Equal(HttpStatusCode.OK, (await planner.Api(HttpMethod.Delete, $"/api{Demo}/pk/perubahan-1/target/{yearRow.Id}?concurrencyVersion={yearRow.ConcurrencyVersion}")).StatusCode);
        revision += 2;
        var newTarget = await planner.Api(HttpMethod.Post, $"/api{Demo}/pk/perubahan-1/target", new { indicator = "IKU-2", period = "2025-TW2", value = "400", expectedRevision = revision });
        Assert.True(newTarget.StatusCode == HttpStatusCode.OK, await newTarget.Content.ReadAsStringAsync());
        var view = await planner.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/pk?versi=perubahan-1");
        Assert.Equal("400", Cell(view, "IKU-2", "2025-TW2"));
        Assert.Equal("1.000", Cell(view, "IKU-2", "2025"));
        // the old version is kept as it was: no quarter target there
        Assert.Null(Cell(await planner.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/pk?versi=awal"), "IKU-2", "2025-TW2"));

        // the page: a budget line of the new version, and the new target changed
        var page = $"{Demo}/pk?versi=perubahan-1";
        var html = WebUtility.HtmlDecode(await planner.Client.GetStringAsync(page));
        Assert.Contains("id=\"target-versi\"", html);
        var budget = await planner.Post(page, page + "&handler=TambahAnggaran", [new("code", "1.02.01"), new("name", "Program Pelatihan Kerja"), new("level", "Program"), new("pagu", "1.250.000.000")]);
        Assert.Equal(HttpStatusCode.Redirect, budget.StatusCode);
        Assert.True(fixture.App.WithDb(db => db.PkBudget.Any(b => b.AgencyId == fixture.DemoId && b.PkVersion == "perubahan-1" && b.Code == "1.02.01" && b.Pagu == "1.250.000.000")));
        var row = fixture.App.WithDb(db => db.Targets.Single(t => t.AgencyId == fixture.DemoId && t.IndicatorCode == "IKU-2" && t.Document == "PK Perubahan"));
        var change = await planner.Post(page, page + "&handler=UbahTarget", [new("targetId", row.Id.ToString(CultureInfo.InvariantCulture)), new("targetVersion", row.ConcurrencyVersion.ToString(CultureInfo.InvariantCulture)), new("value", "450")]);
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        var stale = await planner.Post(page, page + "&handler=UbahTarget", [new("targetId", row.Id.ToString(CultureInfo.InvariantCulture)), new("targetVersion", row.ConcurrencyVersion.ToString(CultureInfo.InvariantCulture)), new("value", "500")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("nilainya sekarang \"450\"", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        var audit = fixture.App.WithDb(db => db.Audit.Where(a => a.AgencyId == fixture.DemoId && a.Entity == "TargetRow" && a.EntityKey.Contains("|IKU-2|2025-TW2|PK Perubahan")).OrderBy(a => a.Id).ToList());

        // an indicator without realisasi but with a target in the signed perubahan: not removed either
        var iku7 = await planner.Api(HttpMethod.Post, $"/api{Demo}/rencana/indikator", new { cells = new Dictionary<string, string> { ["code"] = "IKU-7", ["goal"] = "S1", ["name"] = "Jumlah perusahaan mitra penempatan", ["satuan"] = "Perusahaan", ["polarity"] = "Maksimal" } });
        Assert.Equal(HttpStatusCode.Created, iku7.StatusCode);
        var iku7Item = (await Json(iku7)).GetProperty("item");
        var revisionNow = (await planner.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/rencana")).GetProperty("revision").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await planner.Api(HttpMethod.Post, $"/api{Demo}/pk/perubahan-1/target", new { indicator = "IKU-7", period = "2025", value = "12", expectedRevision = revisionNow })).StatusCode);
        // signed on 30 Juni 2025: in force, and the Target page, the PK page and the API leave it alone
        var signRevision = (await planner.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/pk")).GetProperty("revision").GetInt32();
        var signed = await planner.Api(HttpMethod.Post, $"/api{Demo}/pk/perubahan-1/tandatangani", new { date = "30 Juni 2025", expectedRevision = signRevision });
        Assert.True(signed.StatusCode == HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());
        var signedRow = fixture.App.WithDb(db => db.Targets.Single(t => t.AgencyId == fixture.DemoId && t.IndicatorCode == "IKU-2" && t.Document == "PK Perubahan"));
        var locked = await planner.Api(HttpMethod.Put, $"/api{Demo}/target/{signedRow.Id}", new { value = "500", concurrencyVersion = signedRow.ConcurrencyVersion });
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("sudah ditandatangani (30 Juni 2025)", Detail(await Json(locked)));
        var lockedForm = await planner.Post(page, page + "&handler=UbahTarget", [new("targetId", signedRow.Id.ToString(CultureInfo.InvariantCulture)), new("targetVersion", signedRow.ConcurrencyVersion.ToString(CultureInfo.InvariantCulture)), new("value", "500")]);
        Assert.Equal(HttpStatusCode.BadRequest, lockedForm.StatusCode);
        Assert.Contains("Perjanjian Kinerja Perubahan sudah ditandatangani (30 Juni 2025)", WebUtility.HtmlDecode(await lockedForm.Content.ReadAsStringAsync()));
        Assert.Equal("450", fixture.App.WithDb(db => db.Targets.Single(t => t.Id == signedRow.Id).Value));
        var keep = await planner.Api(HttpMethod.Delete, $"/api{Demo}/rencana/indikator/{iku7Item.GetProperty("id").GetInt64()}?versi={iku7Item.GetProperty("versi").GetString()}");
        Assert.Equal(HttpStatusCode.BadRequest, keep.StatusCode);
        Assert.Contains("indikator IKU-7 tidak dapat dihapus: target 2025 (PK Perubahan)", Detail(await Json(keep)));
        Assert.Equal(["tambah", "ubah"], audit.Select(a => a.Action));
        Assert.Contains("\"Value\":\"400\"", audit[1].Before);
        Assert.Contains("\"Value\":\"450\"", audit[1].After);
    }

    private static string? Cell(JsonElement pkAnswer, string indicator, string period) =>
        pkAnswer.GetProperty("pk").GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("indicator").GetString() == indicator)
            .GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("period").GetString() == period).GetProperty("value").GetString();

    [SkippableFact]
    public async Task The_dashboard_measures_a_formula_indicator_from_its_counts_as_the_engine_does()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        // the clean demo as another agency: IKU-1 computed from two yearly counts, 45 placed of 60 registered = 75% (typed: 63%)
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await File.ReadAllTextAsync(Samples.PathOf("clean-demo.json")))!;
        var profile = JsonSerializer.Deserialize<Dictionary<string, string>>(json["profile"].GetRawText())!;
        profile["agency"] = "Dinas Uji Dasbor";
        json["profile"] = JsonSerializer.SerializeToElement(profile);
        json["dataElements"] = JsonDocument.Parse("""[{"code": "ditempatkan", "name": "Pencari kerja ditempatkan", "satuan": "Orang", "periodType": "Tahunan", "aggregation": "Jumlah"}, {"code": "terdaftar", "name": "Pencari kerja terdaftar", "satuan": "Orang", "periodType": "Tahunan", "aggregation": "Jumlah"}]""").RootElement;
        json["dataValues"] = JsonDocument.Parse("""[{"element": "ditempatkan", "unit": "DINAS", "period": "2025", "value": "45"}, {"element": "terdaftar", "unit": "DINAS", "period": "2025", "value": "60"}]""").RootElement;
        json["formulas"] = JsonDocument.Parse("""[{"indicator": "IKU-1", "expression": "#{ditempatkan} / #{terdaftar} * 100"}]""").RootElement;
        var bytes = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(json));
        using var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "berkas", "uji-dasbor.json" } };
        // loaded as the approved history of a closed year (an ordinary import would bring its realisasi as drafts)
        var preview = await fixture.Admin.ApiContent(HttpMethod.Post, "/api/impor?riwayat=true", content);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var token = (await Json(preview)).GetProperty("token").GetString();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.Api(HttpMethod.Post, $"/api/impor/{token}", new { agencyId = (int?)null, expectedRevision = (int?)null, riwayat = true, alasan = "LKjIP 2025 yang sudah diterbitkan" })).StatusCode);
        var agencyId = fixture.App.WithDb(db => db.Agencies.Single(a => a.Name == "Dinas Uji Dasbor").Id);

        var capaian = await fixture.Admin.Client.GetFromJsonAsync<JsonElement>($"/api/instansi/{agencyId}/2025/capaian?periode=2025");
        var iku1 = capaian.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "IKU-1");
        Assert.Equal("75,00%", iku1.GetProperty("realisasi").GetString());
        // 75% against the target of 60%: 125%
        Assert.Equal(125m, iku1.GetProperty("capaian").GetDecimal());
        // the same figure the engine gives on the same workbook (what `kinerja compute` prints)
        var engine = Measure.Compute(DatasetImporter.Import(JsonWorkbook.Read(System.Text.Encoding.UTF8.GetString(bytes), "uji-dasbor.json")), Period.OfYear(2025));
        Assert.Equal(engine.Indicators.Single(i => i.Indicator.Code == "IKU-1").Capaian.Value, iku1.GetProperty("capaian").GetDecimal());
        Assert.Equal(engine.AgencyCapaian, capaian.GetProperty("agencyCapaian").GetDecimal());

        // the page: the traffic-light table, the ranking and the trend use it too
        var page = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync($"/instansi/{agencyId}/2025/dasbor?periode=2025"));
        Assert.Contains("75,00%", page);
        Assert.Contains("125,00%", page);
        Assert.DoesNotContain(">63%<", page);
    }
}
