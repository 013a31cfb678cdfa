using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kinerja.Data;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Values;
using Kinerja.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Tests;

/// <summary>Each provider's import tests get an app of their own: they change the demo year's workflow.</summary>
public sealed class ImportSqliteFixture() : AppFixture("Sqlite");

public sealed class ImportPostgresFixture() : AppFixture("Postgres");

public sealed class SqliteImportWorkflowTests(ImportSqliteFixture fixture) : ImportWorkflowTests(fixture), IClassFixture<ImportSqliteFixture>;

public sealed class PostgresImportWorkflowTests(ImportPostgresFixture fixture) : ImportWorkflowTests(fixture), IClassFixture<ImportPostgresFixture>;

/// <summary>
/// Issue 19 items 2 and 3: an import respects the workflow (approved, submitted and worked-on values are never
/// changed or deleted, new values arrive as drafts), history of closed years is loaded only by an administrator,
/// and the export holds what the dashboard measures and imports back as a no-op.
/// </summary>
public abstract class ImportWorkflowTests(AppFixture fixture)
{
    private string Demo => $"/instansi/{fixture.DemoId}/2025";

    [Fact]
    public async Task A_planners_import_never_changes_or_deletes_what_the_workflow_holds_and_new_values_arrive_as_drafts()
    {
        if (!fixture.Available)
            return;
        await fixture.Admin.AddUser(fixture.DemoId, "perencana", AppFixture.Password, "Perencana");
        var perencana = await fixture.As("perencana");
        var opDinas = await fixture.As("op-dinas");
        var opBidang = await fixture.As("op-bidang");
        var verif = await fixture.As("verif");
        var pimpinan = await fixture.As("pimpinan");

        // the year's workflow: IKU-1 TW I approved at 37%, IKU-2 TW I submitted, IKU-2 TW II a draft with bukti, IKU-1 TW II a plain draft
        await Save(opDinas, "IKU-1", "2025-TW1", "37%");
        await Step(opDinas, "IKU-1", "2025-TW1", "ajukan");
        await Step(verif, "IKU-1", "2025-TW1", "verifikasi");
        await Step(pimpinan, "IKU-1", "2025-TW1", "sahkan");
        await Save(opBidang, "IKU-2", "2025-TW1", "200");
        await Step(opBidang, "IKU-2", "2025-TW1", "ajukan");
        await Save(opBidang, "IKU-2", "2025-TW2", "300");
        AddEvidence("IKU-2", "2025-TW2");
        await Save(opDinas, "IKU-1", "2025-TW2", "40%");
        Assert.Equal(EntryStatus.Disahkan, Current("IKU-1", "2025-TW1").Status);

        // the planner exports the year (approved values only) and changes the approved 37% to 99%
        var exported = JsonNode.Parse(await perencana.Client.GetStringAsync($"{Demo}/ekspor.json"))!;
        var rows = exported["realisasi"]!.AsArray();
        Assert.Equal(["IKU-1|2025", "IKU-2|2025", "IKU-1|2025-TW1"], rows.Select(r => $"{r!["indicator"]}|{r["period"]}").ToList());
        Row(rows, "IKU-1", "2025-TW1")["value"] = "99%";
        // a different value for the submitted one, a new TW III value, the plain draft changed, the approved annual IKU-1 dropped
        rows.Add(new JsonObject { ["indicator"] = "IKU-2", ["period"] = "2025-TW1", ["value"] = "250", ["status"] = "Final" });
        rows.Add(new JsonObject { ["indicator"] = "IKU-2", ["period"] = "2025-TW3", ["value"] = "100", ["status"] = "Final" });
        rows.Add(new JsonObject { ["indicator"] = "IKU-1", ["period"] = "2025-TW2", ["value"] = "45%", ["status"] = "Final" });
        rows.Remove(Row(rows, "IKU-1", "2025"));
        var revision = Revision();
        var twoApproved = ApprovedTw1Id();

        var preview = await Preview(perencana, exported.ToJsonString(), "demo-diubah.json");
        Assert.Null(preview.GetProperty("ditolak").GetString());
        var items = preview.GetProperty("realisasi").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
        // the preview names each record's state and what the import does with it
        Assert.Equal("Disahkan, dilindungi", items["IKU-1 | 2025-TW1"].GetProperty("state").GetString());
        Assert.Contains("nilai yang disahkan tetap berlaku; nilai berkas menjadi draf koreksi versi 2 unit DINAS", items["IKU-1 | 2025-TW1"].GetProperty("what").GetString());
        Assert.Equal(("Diajukan, dilindungi", true), (items["IKU-2 | 2025-TW1"].GetProperty("state").GetString(), items["IKU-2 | 2025-TW1"].GetProperty("isProtected").GetBoolean()));
        Assert.Equal("tidak ada di berkas; dilindungi (draf dengan 1 bukti dukung), tidak dihapus", items["IKU-2 | 2025-TW2"].GetProperty("what").GetString());
        Assert.Equal("tidak ada di berkas; dilindungi (berstatus Disahkan), tidak dihapus", items["IKU-1 | 2025"].GetProperty("what").GetString());
        Assert.Equal(("baru", "draf baru unit BIDANG, menunggu diajukan dan diverifikasi"), (items["IKU-2 | 2025-TW3"].GetProperty("state").GetString(), items["IKU-2 | 2025-TW3"].GetProperty("what").GetString()));
        Assert.Equal(("Draf", "DraftChanged"), (items["IKU-1 | 2025-TW2"].GetProperty("state").GetString(), items["IKU-1 | 2025-TW2"].GetProperty("action").GetString()));
        // the data checks ran on the year as the import would leave it: no quarter target is set in the demo
        Assert.Contains(preview.GetProperty("temuan").EnumerateArray(), f => f.GetProperty("message").GetString()!.Contains("target periode ini belum ditetapkan", StringComparison.Ordinal));
        Assert.Equal(revision, Revision());

        var commit = await Commit(perencana, preview);
        Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        Assert.Equal(revision + 1, Revision());

        // the approved 37% is untouched and still what the dashboard measures; 99% waits as a correction draft of DINAS by the planner
        var approved = fixture.App.WithDb(db => db.Realisasi.AsNoTracking().Single(r => r.Id == twoApproved));
        Assert.Equal((EntryStatus.Disahkan, "37%", 1), (approved.Status, approved.Value, approved.Version));
        var correction = Current("IKU-1", "2025-TW1");
        Assert.Equal((EntryStatus.Draft, "99%", 2, "DINAS", "perencana", "impor"), (correction.Status, correction.Value, correction.Version, correction.UnitCode, correction.CreatedBy, correction.Source));
        var tw1 = await Capaian("2025-TW1");
        Assert.Equal("37%", Indicator(tw1, "IKU-1").GetProperty("realisasi").GetString());
        // the submitted value, the draft with bukti and the approved annual value are as they were
        Assert.Equal((EntryStatus.Diajukan, "200", 1), (Current("IKU-2", "2025-TW1").Status, Current("IKU-2", "2025-TW1").Value, Versions("IKU-2", "2025-TW1")));
        Assert.Equal((EntryStatus.Draft, "300"), (Current("IKU-2", "2025-TW2").Status, Current("IKU-2", "2025-TW2").Value));
        Assert.Equal(1, fixture.App.WithDb(db => db.Evidence.Count(e => e.RealisasiRecordId == Current("IKU-2", "2025-TW2").Id)));
        Assert.Equal((EntryStatus.Disahkan, "63%"), (Current("IKU-1", "2025").Status, Current("IKU-1", "2025").Value));
        Assert.Equal("63%", Indicator(await Capaian("2025"), "IKU-1").GetProperty("realisasi").GetString());
        // the new value is a draft of BIDANG; the plain draft took the workbook's value in place
        Assert.Equal((EntryStatus.Draft, "100", "BIDANG", 1), (Current("IKU-2", "2025-TW3").Status, Current("IKU-2", "2025-TW3").Value, Current("IKU-2", "2025-TW3").UnitCode, Versions("IKU-2", "2025-TW3")));
        Assert.Equal((EntryStatus.Draft, "45%", 1), (Current("IKU-1", "2025-TW2").Status, Current("IKU-1", "2025-TW2").Value, Versions("IKU-1", "2025-TW2")));

        // audited: one entry for the import with its list, and each written record on its own
        var audit = fixture.App.WithDb(db => db.Audit.AsNoTracking().Where(a => a.AgencyId == fixture.DemoId && a.Action == "impor").OrderBy(a => a.Id).ToList());
        var summary = JsonDocument.Parse(audit[^1].After!).RootElement;
        Assert.Equal("demo-diubah.json", summary.GetProperty("berkas").GetString());
        Assert.Equal(["IKU-2 | 2025-TW3"], summary.GetProperty("draf baru").EnumerateArray().Select(e => e.GetString()).ToList());
        Assert.Equal(["IKU-1 | 2025-TW1"], summary.GetProperty("koreksi sebagai draf").EnumerateArray().Select(e => e.GetString()).ToList());
        Assert.Equal(["IKU-2 | 2025-TW1"], summary.GetProperty("dilindungi, tidak diubah").EnumerateArray().Select(e => e.GetString()).ToList());
        var newKey = RealisasiRecord.RecordKey(YearId(), "IKU-2", "2025-TW3", 1);
        Assert.True(fixture.App.WithDb(db => db.Audit.Any(a => a.Entity == nameof(RealisasiRecord) && a.EntityKey == newKey)), "the new draft has its own audit entry");

        // the imported draft goes through the workflow like a typed one: the unit submits, the verifikator verifies, the pimpinan approves
        await Step(opBidang, "IKU-2", "2025-TW3", "ajukan");
        await Step(verif, "IKU-2", "2025-TW3", "verifikasi");
        await Step(pimpinan, "IKU-2", "2025-TW3", "sahkan");
        Assert.Equal(EntryStatus.Disahkan, Current("IKU-2", "2025-TW3").Status);

        // re-importing the sample workbook itself deletes nothing: the TW I values and the draft with bukti stay, listed as protected
        var current = fixture.App.WithDb(db => db.Realisasi.Where(r => r.AgencyId == fixture.DemoId && r.IsCurrent).Select(r => new { r.Id, r.Value, r.Status }).OrderBy(r => r.Id).ToList());
        var page = await perencana.PostFiles("/impor", "/impor?handler=Pratinjau", [("Upload", "clean-demo.xlsx", await File.ReadAllBytesAsync(Samples.PathOf("clean-demo.xlsx")))], [new("AgencyId", fixture.DemoId.ToString())]);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-realisasi=\"IKU-2 | 2025-TW2\" data-aksi=\"ProtectedAbsent\" class=\"dilindungi\"", html);
        Assert.Contains("tidak ada di berkas; dilindungi (draf dengan 1 bukti dukung), tidak dihapus", html);
        Assert.Contains("data-realisasi=\"IKU-1 | 2025-TW1\" data-aksi=\"ProtectedAbsent\"", html);
        Assert.Contains("data-realisasi=\"IKU-2 | 2025-TW3\" data-aksi=\"ProtectedAbsent\"", html);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"Token\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        var saved = await perencana.Post("/impor", "/impor?handler=Simpan", [new("Token", token), new("AgencyId", fixture.DemoId.ToString()), new("ExpectedRevision", Revision().ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(current.Select(c => (c.Id, c.Value, c.Status)), fixture.App.WithDb(db => db.Realisasi.Where(r => r.AgencyId == fixture.DemoId && r.IsCurrent).OrderBy(r => r.Id).Select(r => new { r.Id, r.Value, r.Status }).ToList()).Select(c => (c.Id, c.Value, c.Status)));
    }

    [Fact]
    public async Task History_of_a_closed_year_is_loaded_only_by_an_administrator_marked_with_its_file_and_refused_once_the_year_has_workflow()
    {
        if (!fixture.Available)
            return;
        var agencyId = fixture.App.WithDb(db => db.Agencies.Single(a => a.Name == "Pusat Pasar Kerja").Id);
        await fixture.Admin.AddUser(agencyId, "perencana-ppk", AppFixture.Password, "Perencana");
        var perencana = await fixture.As("perencana-ppk");
        var json = JsonWorkbook.Write(XlsxWorkbook.Read(Samples.PathOf("pasar-kerja-2021.xlsx")));
        var node = JsonNode.Parse(json)!;
        Row(node["realisasi"]!.AsArray(), "IKK-2", "2021")["value"] = "52%";
        var changed = node.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(changed);

        // a planner may not load history
        using (var content = Multipart(bytes, "riwayat-2021.json"))
            Assert.Equal(HttpStatusCode.Forbidden, (await perencana.ApiContent(HttpMethod.Post, $"/api/impor?instansi={agencyId}&riwayat=true", content)).StatusCode);
        // the installation's administrator may: the changed value is loaded as approved history
        JsonElement preview;
        using (var content = Multipart(bytes, "riwayat-2021.json"))
            preview = await (await fixture.Admin.ApiContent(HttpMethod.Post, $"/api/impor?instansi={agencyId}&riwayat=true", content)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(preview.GetProperty("riwayat").GetBoolean());
        Assert.True(preview.GetProperty("realisasi").GetArrayLength() == 1, preview.GetProperty("realisasi").ToString());
        var item = preview.GetProperty("realisasi").EnumerateArray().Single();
        Assert.Equal(("IKK-2 | 2021", "50%", "52%"), (item.GetProperty("key").GetString(), item.GetProperty("before").GetString(), item.GetProperty("after").GetString()));
        var refused = await perencana.Api(HttpMethod.Post, $"/api/impor/{preview.GetProperty("token").GetString()}", new { agencyId, expectedRevision = preview.GetProperty("expectedRevision").GetInt32(), riwayat = true });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        // history passes the period lock: it needs the administrator's reason, which the audit keeps
        var noReason = await fixture.Admin.Api(HttpMethod.Post, $"/api/impor/{preview.GetProperty("token").GetString()}", new { agencyId, expectedRevision = preview.GetProperty("expectedRevision").GetInt32(), riwayat = true });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("impor riwayat harus disertai alasan", await noReason.Content.ReadAsStringAsync());
        var commit = await fixture.Admin.Api(HttpMethod.Post, $"/api/impor/{preview.GetProperty("token").GetString()}", new { agencyId, expectedRevision = preview.GetProperty("expectedRevision").GetInt32(), riwayat = true, alasan = "Koreksi LKjIP 2021 yang diterbitkan ulang" });
        Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        var record = fixture.App.WithDb(db => db.Realisasi.AsNoTracking().Include(r => r.Events).Single(r => r.AgencyId == agencyId && r.IndicatorCode == "IKK-2" && r.Period == "2021" && r.IsCurrent));
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal((EntryStatus.Disahkan, "52%", WorkbookStore.HistorySource), (record.Status, record.Value, record.Source));
        Assert.Equal($"riwayat tahun yang sudah ditutup, diimpor dari riwayat-2021.json (SHA-256 {sha})", record.Events.Single().Reason);
        // the samples themselves were loaded as history at first start, and this load follows with its own entry
        var audit = fixture.App.WithDb(db => db.Audit.AsNoTracking().Where(a => a.AgencyId == agencyId && a.Action == "impor riwayat").OrderBy(a => a.Id).ToList());
        Assert.Equal(["pasar-kerja-2021.xlsx", "riwayat-2021.json"], audit.Select(a => JsonDocument.Parse(a.After!).RootElement.GetProperty("berkas").GetString()).ToList());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Samples.PathOf("pasar-kerja-2021.xlsx")))), JsonDocument.Parse(audit[0].After!).RootElement.GetProperty("sha256").GetString());
        Assert.Equal(sha, JsonDocument.Parse(audit[1].After!).RootElement.GetProperty("sha256").GetString());
        Assert.Equal("Koreksi LKjIP 2021 yang diterbitkan ulang", JsonDocument.Parse(audit[1].After!).RootElement.GetProperty("alasan").GetString());
        Assert.StartsWith("contoh awal", JsonDocument.Parse(audit[0].After!).RootElement.GetProperty("alasan").GetString());

        // once the year has a value in the workflow (a planner's import makes it a draft), history is refused and nothing is written
        Row(node["realisasi"]!.AsArray(), "IKK-2", "2021")["value"] = "53%";
        var draft = node.ToJsonString();
        using (var content = Multipart(Encoding.UTF8.GetBytes(draft), "usulan.json"))
        {
            var planned = await (await perencana.ApiContent(HttpMethod.Post, $"/api/impor?instansi={agencyId}", content)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.OK, (await Commit(perencana, planned, agencyId)).StatusCode);
        }

        Assert.Equal((EntryStatus.Draft, "53%"), fixture.App.WithDb(db => db.Realisasi.Where(r => r.AgencyId == agencyId && r.IndicatorCode == "IKK-2" && r.Period == "2021" && r.IsCurrent).Select(r => new { r.Status, r.Value }).AsEnumerable().Select(r => (r.Status, r.Value)).Single()));
        var before = fixture.App.WithDb(db => db.Years.Single(y => y.AgencyId == agencyId).Revision);
        using (var content = Multipart(Encoding.UTF8.GetBytes(json), "riwayat-lagi.json"))
        {
            var again = await (await fixture.Admin.ApiContent(HttpMethod.Post, $"/api/impor?instansi={agencyId}&riwayat=true", content)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.StartsWith("impor riwayat ditolak: tahun ini sudah memiliki realisasi dalam alur kerja (mis. IKK-2 2021, Draf)", again.GetProperty("ditolak").GetString());
            var no = await fixture.Admin.Api(HttpMethod.Post, $"/api/impor/{again.GetProperty("token").GetString()}", new { agencyId, expectedRevision = again.GetProperty("expectedRevision").GetInt32(), riwayat = true, alasan = "uji" });
            Assert.Equal(HttpStatusCode.BadRequest, no.StatusCode);
        }

        Assert.Equal(before, fixture.App.WithDb(db => db.Years.Single(y => y.AgencyId == agencyId).Revision));
        Assert.Equal("53%", fixture.App.WithDb(db => db.Realisasi.Single(r => r.AgencyId == agencyId && r.IndicatorCode == "IKK-2" && r.Period == "2021" && r.IsCurrent).Value));
    }

    [Theory]
    [InlineData("Kementerian Ketenagakerjaan", "IKSS-1.1")]
    [InlineData("Dinas Tenaga Kerja dan Transmigrasi Kabupaten Banjar", null)]
    [InlineData("Asisten Deputi Peningkatan Produktivitas", null)]
    public async Task The_export_holds_what_the_dashboard_measures_and_imports_back_as_a_no_op(string agencyPrefix, string? correct)
    {
        if (!fixture.Available)
            return;
        var year = fixture.App.WithDb(db => db.Years.AsNoTracking().Include(y => y.Agency).Single(y => y.Agency!.Name.StartsWith(agencyPrefix)));
        var basePath = $"/instansi/{year.AgencyId}/{year.Year}";
        if (correct is not null)
        {
            // an approved value with a pending correction: the dashboard keeps measuring the approved one
            var approved = fixture.App.WithDb(db => db.Realisasi.AsNoTracking().First(r => r.ReportingYearId == year.Id && r.IndicatorCode == correct && r.Period == year.Year.ToString() && r.IsCurrent && r.Status == EntryStatus.Disahkan));
            var saved = await fixture.Admin.Api(HttpMethod.Put, $"/api{basePath}/realisasi/{correct}/{approved.Period}", new { value = "1%", valueStatus = "Final", correctionReason = "uji ekspor", concurrencyVersion = approved.ConcurrencyVersion });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var exported = await fixture.Admin.Client.GetStringAsync($"{basePath}/ekspor.json");
        var withDrafts = await fixture.Admin.Client.GetStringAsync($"{basePath}/ekspor.json?draf=true");
        var data = DatasetImporter.Import(JsonWorkbook.Read(exported, "ekspor.json"));
        var fromDrafts = DatasetImporter.Import(JsonWorkbook.Read(withDrafts, "ekspor-draf.json"));
        if (correct is not null)
        {
            Assert.DoesNotContain("\"approval\"", exported, StringComparison.Ordinal);
            Assert.Contains("\"approval\": \"Draf\"", withDrafts, StringComparison.Ordinal);
            Assert.Contains("\"value\": \"1%\"", withDrafts, StringComparison.Ordinal);
        }

        // every period the year reports: the dashboard's capaian equals the domain's computation on the exported workbook (as `kinerja compute`)
        var periods = new[] { Period.OfYear(year.Year), data.Profile.ReportPeriod }.Concat(Enumerable.Range(1, 4).Select(q => Period.Parse($"{year.Year}-TW{q}").Value)).Where(p => p.Year == year.Year && !p.IsRenstraEnd).Distinct();
        var compared = 0;
        foreach (var period in periods)
        {
            var dashboard = await fixture.Admin.Client.GetFromJsonAsync<JsonElement>($"/api{basePath}/capaian?periode={period}");
            foreach (var computed in new[] { Measure.Compute(data, period), Measure.Compute(fromDrafts, period) })
            {
                foreach (var row in computed.Indicators)
                {
                    var shown = Indicator(dashboard, row.Indicator.Code).GetProperty("capaian");
                    decimal? expected = row.Capaian.HasValue ? row.Capaian.Value : null;
                    Assert.True(expected == (shown.ValueKind == JsonValueKind.Null ? null : shown.GetDecimal()), $"{row.Indicator.Code} {period}: dashboard {shown}, computed {expected}");
                    compared++;
                }
            }
        }

        Assert.True(compared > 10, $"only {compared} capaian compared");

        // export -> import of an unchanged year changes nothing: no row, no revision, only the audit of the no-op
        foreach (var (text, name) in new[] { (exported, "ekspor.json"), (withDrafts, "ekspor-draf.json") })
        {
            var revision = fixture.App.WithDb(db => db.Years.Single(y => y.Id == year.Id).Revision);
            var realisasi = fixture.App.WithDb(db => db.Realisasi.Count(r => r.ReportingYearId == year.Id));
            using var content = Multipart(Encoding.UTF8.GetBytes(text), name);
            var preview = await (await fixture.Admin.ApiContent(HttpMethod.Post, $"/api/impor?instansi={year.AgencyId}", content)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(0, preview.GetProperty("sheets").GetArrayLength());
            Assert.DoesNotContain(preview.GetProperty("realisasi").EnumerateArray(), i => i.GetProperty("writes").GetBoolean());
            var commit = await Commit(fixture.Admin, preview, year.AgencyId);
            Assert.False((await commit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
            Assert.Equal((revision, realisasi), (fixture.App.WithDb(db => db.Years.Single(y => y.Id == year.Id).Revision), fixture.App.WithDb(db => db.Realisasi.Count(r => r.ReportingYearId == year.Id))));
            var last = fixture.App.WithDb(db => db.Audit.AsNoTracking().Where(a => a.AgencyId == year.AgencyId).OrderByDescending(a => a.Id).First());
            Assert.Equal(("impor", "tanpa perubahan"), (last.Action, JsonDocument.Parse(last.After!).RootElement.GetProperty("hasil").GetString()));
        }
    }

    [SkippableFact]
    public async Task An_import_commits_through_the_write_path_a_stale_preview_is_refused_and_the_audit_entry_names_the_revisions()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        // two workbooks, each the year as exported with one printed figure more (a sheet the web keeps as cells)
        var exported = await fixture.Admin.Client.GetStringAsync($"{Demo}/ekspor.json");
        string With(string source)
        {
            var workbook = JsonNode.Parse(exported)!.AsObject();
            var printed = workbook["printedFigures"] as JsonArray ?? [];
            printed.Add(new JsonObject { ["kind"] = "Instansi", ["period"] = "2025", ["value"] = "100%", ["source"] = source });
            workbook["printedFigures"] = printed;
            return workbook.ToJsonString();
        }

        var revision = Revision();
        var first = await Preview(fixture.Admin, With("Ringkasan Eksekutif"), "pertama.json");
        var second = await Preview(fixture.Admin, With("Bab III"), "kedua.json");
        Assert.Equal(revision, first.GetProperty("expectedRevision").GetInt32());
        int ImportAudits() => fixture.App.WithDb(db => db.Audit.Count(a => a.AgencyId == fixture.DemoId && a.Entity == nameof(ReportingYear) && a.Action == "impor"));
        var audits = ImportAudits();

        var saved = await Commit(fixture.Admin, second);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        Assert.Equal(revision + 1, Revision());
        // the writer's audit entry: who, the file and its SHA-256, and the revision it checked and the one it wrote
        Assert.Equal(audits + 1, ImportAudits());
        var entry = fixture.App.WithDb(db => db.Audit.Where(a => a.AgencyId == fixture.DemoId && a.Entity == nameof(ReportingYear) && a.Action == "impor").OrderByDescending(a => a.Id).First());
        Assert.Equal("admin", entry.UserName);
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.Equal("kedua.json", after.GetProperty("berkas").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(With("Bab III")))), after.GetProperty("sha256").GetString());
        Assert.Equal(revision, after.GetProperty("revisi sebelum").GetInt32());
        Assert.Equal(revision + 1, after.GetProperty("revisi sesudah").GetInt32());

        // the first preview was made on the revision before: the writer refuses it, and nothing is written
        var stale = await Commit(fixture.Admin, first);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var detail = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Equal($"data tahun 2025 telah berubah sejak pratinjau (pratinjau pada revisi {revision}, kini revisi {revision + 1}); ulangi pratinjau sebelum menyimpan", detail);
        Assert.Equal(revision + 1, Revision());
        Assert.Equal(audits + 1, ImportAudits());
        Assert.DoesNotContain(fixture.App.WithDb(db => db.WorkbookRows.Where(r => r.Sheet == "printedFigures" && db.Years.Any(y => y.Id == r.ReportingYearId && y.AgencyId == fixture.DemoId)).Select(r => r.CellsJson).ToList()),
            cells => cells.Contains("Ringkasan Eksekutif", StringComparison.Ordinal));
        // a role without the import right is refused by the writer as by the page
        await fixture.Admin.AddUser(fixture.DemoId, "pimpinan-impor", AppFixture.Password, "Pimpinan");
        var third = await Preview(fixture.Admin, With("Lampiran"), "ketiga.json");
        var leader = await fixture.As("pimpinan-impor");
        Assert.Equal(HttpStatusCode.Forbidden, (await Commit(leader, third)).StatusCode);
        Assert.Equal(revision + 1, Revision());
    }

    // ---------- helpers ----------

    private static MultipartFormDataContent Multipart(byte[] bytes, string name) => new() { { new ByteArrayContent(bytes), "berkas", name } };

    private async Task<JsonElement> Preview(Session who, string json, string name)
    {
        using var content = Multipart(Encoding.UTF8.GetBytes(json), name);
        var response = await who.ApiContent(HttpMethod.Post, $"/api/impor?instansi={fixture.DemoId}", content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> Commit(Session who, JsonElement preview, int? agencyId = null) =>
        await who.Api(HttpMethod.Post, $"/api/impor/{preview.GetProperty("token").GetString()}", new { agencyId = agencyId ?? fixture.DemoId, expectedRevision = preview.GetProperty("expectedRevision").GetInt32() });

    private async Task Save(Session who, string indicator, string period, string value)
    {
        var current = fixture.App.WithDb(db => db.Realisasi.AsNoTracking().SingleOrDefault(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == indicator && r.Period == period && r.IsCurrent));
        var response = await who.Api(HttpMethod.Put, $"/api{Demo}/realisasi/{indicator}/{period}", new { value, valueStatus = "Final", concurrencyVersion = current?.ConcurrencyVersion ?? 0 });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"save {indicator} {period}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task Step(Session who, string indicator, string period, string step)
    {
        var response = await who.Api(HttpMethod.Post, $"/api{Demo}/realisasi/{indicator}/{period}/{step}", new { concurrencyVersion = Current(indicator, period).ConcurrencyVersion });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step} {indicator} {period}: {await response.Content.ReadAsStringAsync()}");
    }

    private void AddEvidence(string indicator, string period)
    {
        var record = Current(indicator, period);
        fixture.App.WithDb(db =>
        {
            db.Evidence.Add(new EvidenceFile { RealisasiRecordId = record.Id, AgencyId = fixture.DemoId, FileName = "daftar-hadir.pdf", ContentType = "application/pdf", Size = 1, Sha256 = new string('0', 64), UploadedBy = "op-bidang", UploadedAt = DateTimeOffset.UtcNow });
            return db.SaveChanges();
        });
    }

    private async Task<JsonElement> Capaian(string period) => await fixture.Admin.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/capaian?periode={period}");

    private static JsonObject Row(JsonArray rows, string indicator, string period) =>
        rows.Select(r => r!.AsObject()).Single(r => r["indicator"]!.GetValue<string>() == indicator && r["period"]!.GetValue<string>() == period);

    private RealisasiRecord Current(string indicator, string period) =>
        fixture.App.WithDb(db => db.Realisasi.AsNoTracking().Single(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == indicator && r.Period == period && r.IsCurrent));

    private int Versions(string indicator, string period) =>
        fixture.App.WithDb(db => db.Realisasi.Count(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == indicator && r.Period == period));

    private long ApprovedTw1Id() => Current("IKU-1", "2025-TW1").Id;

    private int Revision() => fixture.App.WithDb(db => db.Years.Single(y => y.AgencyId == fixture.DemoId).Revision);

    private int YearId() => fixture.App.WithDb(db => db.Years.Single(y => y.AgencyId == fixture.DemoId).Id);

    private static JsonElement Indicator(JsonElement capaian, string code) =>
        capaian.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
}
