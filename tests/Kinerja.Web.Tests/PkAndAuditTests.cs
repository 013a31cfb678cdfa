using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Tests;

public sealed class SqlitePkAndAuditTests(SqliteFixture fixture) : PkAndAuditTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresPkAndAuditTests(PostgresFixture fixture) : PkAndAuditTests(fixture), IClassFixture<PostgresFixture>;

/// <summary>The Perjanjian Kinerja page and API, the audit log as a person reads it, and the workflow section of a returned entry.</summary>
public abstract class PkAndAuditTests(AppFixture fixture)
{
    private static readonly string[] Months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private string Demo => $"/instansi/{fixture.DemoId}/2025";

    private int KemnakerId => fixture.App.WithDb(db => db.Agencies.Single(a => a.Name == "Kementerian Ketenagakerjaan").Id);

    [SkippableFact]
    public async Task Audit_log_shows_Indonesian_labels_statuses_and_dates_with_before_and_after()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var url = $"{Demo}/realisasi/IKU-1/2025-TW1";
        var operatorDinas = await fixture.As("op-dinas");
        Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(url, url + "?handler=Simpan", [new("Value", "20%"), new("ValueStatus", "Final"), new("ConcurrencyVersion", fixture.App.VersionOf(url).ToString(CultureInfo.InvariantCulture))])).StatusCode);
        var version = fixture.App.WithDb(db => db.Realisasi.Single(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == "IKU-1" && r.Period == "2025-TW1" && r.IsCurrent).ConcurrencyVersion);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(url, url + "?handler=Simpan", [new("Value", "25%"), new("ValueStatus", "Final"), new("Kendala", "data kabupaten terlambat"), new("ConcurrencyVersion", version.ToString(CultureInfo.InvariantCulture))])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(url, url + "?handler=Ajukan", [new("ConcurrencyVersion", fixture.App.VersionOf(url).ToString(CultureInfo.InvariantCulture))])).StatusCode);

        var log = Section(await operatorDinas.Client.GetStringAsync(url), "id=\"log-audit\"", "</table>");
        Assert.Contains("<strong>Nilai</strong>: <span class=\"before\">20%</span> → <span class=\"after\">25%</span>", log);
        Assert.Contains("<strong>Kendala</strong>: <span class=\"after\">data kabupaten terlambat</span>", log);
        Assert.Contains("<strong>Status</strong>: <span class=\"before\">Draf</span> → <span class=\"after\">Diajukan</span>", log);
        Assert.Contains("Ditambah · Realisasi versi 1", log);
        // the time of the first save, in WIB with the Indonesian month name
        var created = fixture.App.WithDb(db => db.Audit.Where(a => a.AgencyId == fixture.DemoId && a.Entity == "RealisasiRecord" && a.EntityKey.Contains("|IKU-1|2025-TW1|")).OrderBy(a => a.Id).First().At);
        var wib = created.ToUniversalTime().AddHours(7);
        Assert.Contains($"{wib.Day} {Months[wib.Month - 1]} {wib.Year} {wib.Hour:00}.{wib.Minute:00}", log);
        foreach (var raw in new[] { "IndicatorCode", "ValueStatus", "Kendala:", "Draft", "AgencyId", "+00:00", "True" })
            Assert.DoesNotContain(raw, log);
    }

    [SkippableFact]
    public async Task A_verifikator_sees_who_returned_an_entry_and_why_in_the_workflow_section()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var url = $"{Demo}/realisasi/IKU-1/2025-TW2";
        var operatorDinas = await fixture.As("op-dinas");
        Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(url, url + "?handler=Simpan", [new("Value", "35%"), new("ValueStatus", "Final"), new("ConcurrencyVersion", fixture.App.VersionOf(url).ToString(CultureInfo.InvariantCulture))])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(url, url + "?handler=Ajukan", [new("ConcurrencyVersion", fixture.App.VersionOf(url).ToString(CultureInfo.InvariantCulture))])).StatusCode);
        var verifikator = await fixture.As("verif");
        Assert.Equal(HttpStatusCode.Redirect, (await verifikator.Post(url, url + "?handler=Kembalikan", [new("Reason", "daftar hadir pelatihan belum dilampirkan"), new("ConcurrencyVersion", fixture.App.VersionOf(url).ToString(CultureInfo.InvariantCulture))])).StatusCode);

        var page = WebUtility.HtmlDecode(await verifikator.Client.GetStringAsync(url));
        var flow = Section(page, "id=\"h-alur\"", "<h3>");
        Assert.Contains("Dikembalikan: menunggu diperbaiki dan diajukan kembali oleh operator unit DINAS.", flow);
        Assert.Contains("Tidak ada langkah alur yang dapat Anda lakukan pada status ini.", flow);
        Assert.Contains("Dikembalikan oleh verif", flow);
        Assert.Contains("Alasan: daftar hadir pelatihan belum dilampirkan", flow);
        // the operator, who can act, gets the step and no "nothing to do"
        var own = WebUtility.HtmlDecode(await operatorDinas.Client.GetStringAsync(url));
        Assert.Contains("id=\"ajukan\"", own);
        Assert.DoesNotContain("Tidak ada langkah alur", Section(own, "id=\"h-alur\"", "<h3>"));
    }

    [SkippableFact]
    public async Task A_checks_error_blocks_the_submit_and_a_warning_is_shown_after_it()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        // a target of 0 on a higher-is-better indicator: DatasetValidator.Check finds the capaian cannot be computed
        var targets = await fixture.Admin.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/target");
        var yearTarget = targets.EnumerateArray().Single(t => t.GetProperty("indicator").GetString() == "IKU-2" && t.GetProperty("period").GetString() == "2025");
        // through the write path such a target is refused (it brings a new error of the checks) ...
        var refused = await fixture.Admin.Api(HttpMethod.Put, $"/api{Demo}/target/{yearTarget.GetProperty("id").GetInt64()}", new { value = "0", concurrencyVersion = yearTarget.GetProperty("concurrencyVersion").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("target 0 pada indikator maksimal", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        // ... so the year is put in that state directly, as an old database could hold it
        var targetId = yearTarget.GetProperty("id").GetInt64();
        SetTarget(targetId, "0");

        var url = $"{Demo}/realisasi/IKU-2/2025";
        var operatorBidang = await fixture.As("op-bidang");
        var approved = fixture.App.WithDb(db => db.Realisasi.Single(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == "IKU-2" && r.Period == "2025" && r.IsCurrent));
        Assert.Equal(EntryStatus.Disahkan, approved.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorBidang.Post(url, url + "?handler=Simpan", [new("Value", "900"), new("ValueStatus", "Final"), new("CorrectionReason", "angka pelatihan bulan Desember terlewat"), new("ConcurrencyVersion", approved.ConcurrencyVersion.ToString(CultureInfo.InvariantCulture))])).StatusCode);
        var blocked = await operatorBidang.Post(url, url + "?handler=Ajukan", [new("ConcurrencyVersion", fixture.App.VersionOf(url).ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
        var html = WebUtility.HtmlDecode(await blocked.Content.ReadAsStringAsync());
        Assert.Contains("pemeriksaan data menemukan galat", Section(html, "id=\"galat\"", "</div>"));
        Assert.Contains("capaian tidak dapat dihitung: target 0 pada indikator maksimal", html);
        Assert.Equal(EntryStatus.Draft, fixture.App.WithDb(db => db.Realisasi.Single(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == "IKU-2" && r.Period == "2025" && r.IsCurrent).Status));

        // a warning only (another indicator, a quarter without a target): the submit goes through and the page shows it
        var quarter = $"{Demo}/realisasi/IKU-1/2025-TW3";
        var operatorDinas = await fixture.As("op-dinas");
        Assert.Equal(HttpStatusCode.Redirect, (await operatorDinas.Post(quarter, quarter + "?handler=Simpan", [new("Value", "45%"), new("ValueStatus", "Final"), new("ConcurrencyVersion", fixture.App.VersionOf(quarter).ToString(CultureInfo.InvariantCulture))])).StatusCode);
        var submitted = await operatorDinas.Post(quarter, quarter + "?handler=Ajukan", [new("ConcurrencyVersion", fixture.App.VersionOf(quarter).ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var after = WebUtility.HtmlDecode(await operatorDinas.Client.GetStringAsync(submitted.Headers.Location!.OriginalString));
        Assert.Contains("realisasi diisi tetapi target periode ini belum ditetapkan", Section(after, "id=\"peringatan\"", "</div>"));
        Assert.Contains("data-status=\"Diajukan\"", after);

        // the target back as it was, for the other tests of this app
        SetTarget(targetId, yearTarget.GetProperty("value").GetString()!);
    }

    /// <summary>Sets a target's value in the database behind the app's back (a state the write path refuses to produce), raising the year's revision.</summary>
    private void SetTarget(long id, string value) =>
        fixture.App.WithDb(db =>
        {
            var target = db.Targets.Single(t => t.Id == id);
            target.Value = value;
            target.ConcurrencyVersion++;
            db.Years.Single(y => y.Id == target.ReportingYearId).Revision++;
            return db.SaveChanges();
        });

    [SkippableFact]
    public async Task Pk_page_shows_every_version_with_its_budget_and_a_perubahan_is_added_as_a_new_version()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var agencyId = KemnakerId;
        var page = $"/instansi/{agencyId}/2024/pk";
        var sample = JsonDocument.Parse(await File.ReadAllTextAsync(Samples.PathOf("kemnaker-2024.json"))).RootElement;
        var awalLines = sample.GetProperty("pkBudget").EnumerateArray().Where(r => r.GetProperty("version").GetString() == "awal").ToList();
        var awalTotal = awalLines.Where(r => !r.TryGetProperty("parent", out _)).Sum(r => decimal.Parse(r.GetProperty("pagu").GetString()!.Replace(".", ""), CultureInfo.InvariantCulture));

        var awal = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync(page + "?versi=awal"));
        Assert.Contains("Rp" + awalTotal.ToString("#,0", CultureInfo.GetCultureInfo("id-ID")), Section(awal, "id=\"anggaran-pk\"", "</table>"));
        Assert.Contains($"href=\"/instansi/{agencyId}/2024/dokumen/pk.docx?versi=awal\"", awal);
        var versions = Section(awal, "id=\"versi-pk\"", "</table>");
        Assert.Equal(sample.GetProperty("pkVersions").GetArrayLength(), versions.Split("<tr data-versi=").Length - 1);
        Assert.Contains("data-versi=\"perubahan-3\"", versions);

        // the imported perubahan-3 is signed (Desember 2024): locked like every signed version, on the page and the API
        var signedPage = page + "?versi=perubahan-3";
        var lockedForm = await fixture.Admin.Post(signedPage, signedPage + "&handler=TambahTarget", [new("indicator", "IKSS-2.3"), new("period", "2024"), new("value", "5"), new("revision", Revision(agencyId))]);
        Assert.Equal(HttpStatusCode.BadRequest, lockedForm.StatusCode);
        Assert.Contains("Perjanjian Kinerja Perubahan Ke-3 sudah ditandatangani (Desember 2024)", WebUtility.HtmlDecode(await lockedForm.Content.ReadAsStringAsync()));
        var lockedApi = await fixture.Admin.Api(HttpMethod.Post, $"/api/instansi/{agencyId}/2024/pk/perubahan-3/target", new { indicator = "IKSS-2.3", period = "2024", value = "5", expectedRevision = int.Parse(Revision(agencyId), CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, lockedApi.StatusCode);
        Assert.Contains("sudah ditandatangani (Desember 2024)", await lockedApi.Content.ReadAsStringAsync());
        Assert.DoesNotContain("id=\"form-target-versi\"", WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync(signedPage)));
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Admin.Api(HttpMethod.Post, $"/api/instansi/{agencyId}/2024/pk/perubahan-3/tandatangani", new { date = "31 Desember 2024", expectedRevision = int.Parse(Revision(agencyId), CultureInfo.InvariantCulture) })).StatusCode);

        // a stale read is refused; nothing is written
        var revision = fixture.App.WithDb(db => db.Years.Single(y => y.AgencyId == agencyId && y.Year == 2024).Revision);
        var stale = await fixture.Admin.Post(page, page + "?handler=Perubahan", [new("FirstName", "Prof. Yassierli"), new("FirstPosition", "Menteri Ketenagakerjaan Republik Indonesia"), new("Revision", (revision - 1).ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(4, fixture.App.WithDb(db => db.PkVersions.Count(v => v.AgencyId == agencyId)));

        // the perubahan is added without a date: a draft
        var added = await fixture.Admin.Post(page, page + "?handler=Perubahan",
            [new("Place", "Jakarta"), new("FirstPosition", "Menteri Ketenagakerjaan Republik Indonesia"), new("FirstName", "Prof. Yassierli"), new("Revision", revision.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.EndsWith("pk?versi=perubahan-4", added.Headers.Location!.OriginalString);
        var rows = fixture.App.WithDb(db => db.PkVersions.AsNoTracking().Where(v => v.AgencyId == agencyId).OrderBy(v => v.Ordinal).ToList());
        Assert.Equal(["awal", "perubahan-1", "perubahan-2", "perubahan-3", "perubahan-4"], rows.Select(r => r.PkVersion));
        Assert.Equal((null, "Prof. Yassierli"), (rows[^1].SigningDate, rows[^1].FirstName));
        // the earlier versions are untouched and the new one starts from the budget of the one in force
        Assert.Equal("Ida Fauziyah", rows[0].FirstName);
        var budget = fixture.App.WithDb(db => db.PkBudget.AsNoTracking().Where(b => b.AgencyId == agencyId).ToList());
        var before = budget.Where(b => b.PkVersion == "perubahan-3").Select(b => (b.Code, b.Pagu)).ToList();
        Assert.Equal(before, budget.Where(b => b.PkVersion == "perubahan-4").Select(b => (b.Code, b.Pagu)).ToList());
        Assert.Equal(awalLines.Count, budget.Count(b => b.PkVersion == "awal"));

        // shown as a draft, not in force: perubahan-3 still is
        var draftPage = page + "?versi=perubahan-4";
        var now = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync(draftPage));
        Assert.Contains("Draf (belum ditandatangani)", Section(now, "data-versi=\"perubahan-4\"", "</tr>"));
        Assert.Contains("Berlaku", Section(now, "data-versi=\"perubahan-3\"", "</tr>"));
        Assert.Contains("id=\"form-tandatangani\"", now);
        Assert.Contains("Ditambah · Perjanjian Kinerja perubahan-4", Section(now, "id=\"log-audit\"", "</table>"));
        var inForce = await fixture.Admin.Client.GetFromJsonAsync<JsonElement>($"/api/instansi/{agencyId}/2024/pk");
        Assert.Equal("perubahan-3", inForce.GetProperty("pk").GetProperty("selected").GetProperty("code").GetString());
        Assert.Equal("perubahan-4", inForce.GetProperty("pk").GetProperty("draftCode").GetString());

        // one draft at a time
        var second = await fixture.Admin.Post(page, page + "?handler=Perubahan", [new("FirstPosition", "Menteri Ketenagakerjaan Republik Indonesia"), new("FirstName", "Prof. Yassierli"), new("Revision", Revision(agencyId))]);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("Perjanjian Kinerja Perubahan Ke-4 masih draf (belum ditandatangani)", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()));
        Assert.Equal(5, fixture.App.WithDb(db => db.PkVersions.Count(v => v.AgencyId == agencyId)));

        // the draft is composed: a target row and its signatory's NIP
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Admin.Post(draftPage, draftPage + "&handler=TambahTarget", [new("indicator", "IKSS-2.3"), new("period", "2024"), new("value", "5"), new("revision", Revision(agencyId))])).StatusCode);
        var signatories = await fixture.Admin.Post(draftPage, draftPage + "&handler=Penandatangan",
            [new("Place", "Jakarta"), new("FirstPosition", "Menteri Ketenagakerjaan Republik Indonesia"), new("FirstName", "Prof. Yassierli"), new("FirstNip", "196801011990031001"), new("Revision", Revision(agencyId))]);
        Assert.Equal(HttpStatusCode.Redirect, signatories.StatusCode);
        Assert.Equal("196801011990031001", fixture.App.WithDb(db => db.PkVersions.Single(v => v.AgencyId == agencyId && v.PkVersion == "perubahan-4").FirstNip));

        // the draft measures nothing: the year's target of IKSS-2.3 stays the signed 4, the draft's 5 is only its own
        var exported = await fixture.Admin.Client.GetStringAsync($"/instansi/{agencyId}/2024/ekspor.json");
        var path = Path.Combine(fixture.App.DataFolder, "pk-ekspor.json");
        await File.WriteAllTextAsync(path, exported);
        var reread = JsonWorkbook.Read(path);
        var data = DatasetImporter.Import(reread);
        Assert.Equal(5, data.PkVersions.Count);
        Assert.Equal("perubahan-4", Kinerja.Domain.Model.PerjanjianKinerja.Draft(data)?.Id.Code);
        Assert.Equal("4", data.TargetFor("IKSS-2.3", Kinerja.Domain.Values.Period.OfYear(2024))?.Value.Original);
        Assert.Equal("5", Kinerja.Domain.Model.PerjanjianKinerja.TargetOf(data, "IKSS-2.3", Kinerja.Domain.Values.Period.OfYear(2024), Kinerja.Domain.Model.PkVersionId.Perubahan(4))?.Value.Original);
        // the export round trip holds with the draft (a PK sheet row without a date)
        Assert.Equal(exported, JsonWorkbook.Write(reread));

        // the draft's document builds as a draft; a final one needs the signing date
        var document = await fixture.Admin.Client.GetAsync($"/instansi/{agencyId}/2024/dokumen/pk.docx?versi=perubahan-4");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", document.Content.Headers.ContentType!.MediaType);
        var final = await fixture.Admin.Client.GetAsync($"/instansi/{agencyId}/2024/dokumen/pk.docx?versi=perubahan-4&final=true");
        Assert.Equal((HttpStatusCode)422, final.StatusCode);
        Assert.Contains("Tanggal penandatanganan Perjanjian Kinerja Perubahan Ke-4 belum diisi", await final.Content.ReadAsStringAsync());

        // signing: a date that cannot be read, one earlier than perubahan-3's, and a stale read are refused
        var unreadable = await fixture.Admin.Post(draftPage, draftPage + "&handler=Tandatangani", [new("date", "minggu depan"), new("revision", Revision(agencyId))]);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("tanggal \"minggu depan\" tidak dapat dibaca", WebUtility.HtmlDecode(await unreadable.Content.ReadAsStringAsync()));
        var early = await fixture.Admin.Api(HttpMethod.Post, $"/api/instansi/{agencyId}/2024/pk/perubahan-4/tandatangani", new { date = "30 November 2024", expectedRevision = int.Parse(Revision(agencyId), CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("lebih awal dari tanggal Perjanjian Kinerja Perubahan Ke-3 (Desember 2024)", await early.Content.ReadAsStringAsync());
        var staleSign = await fixture.Admin.Post(draftPage, draftPage + "&handler=Tandatangani", [new("date", "15 Desember 2024"), new("revision", (int.Parse(Revision(agencyId), CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Conflict, staleSign.StatusCode);
        Assert.Null(fixture.App.WithDb(db => db.PkVersions.Single(v => v.AgencyId == agencyId && v.PkVersion == "perubahan-4").SigningDate));

        // the draft's own target goes (the signed version keeps the earlier target), then it is signed
        var draftTarget = fixture.App.WithDb(db => db.Targets.Single(t => t.AgencyId == agencyId && t.Document == "PK Perubahan 4"));
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Admin.Post(draftPage, draftPage + "&handler=HapusTarget", [new("targetId", draftTarget.Id.ToString(CultureInfo.InvariantCulture)), new("targetVersion", draftTarget.ConcurrencyVersion.ToString(CultureInfo.InvariantCulture))])).StatusCode);
        var signed = await fixture.Admin.Post(draftPage, draftPage + "&handler=Tandatangani", [new("date", "15 Desember 2024"), new("revision", Revision(agencyId))]);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Equal("15 Desember 2024", fixture.App.WithDb(db => db.PkVersions.Single(v => v.AgencyId == agencyId && v.PkVersion == "perubahan-4").SigningDate));
        var audit = fixture.App.WithDb(db => db.Audit.Where(a => a.AgencyId == agencyId && a.Entity == "PkVersionRow" && a.EntityKey.EndsWith("|perubahan-4")).OrderBy(a => a.Id).ToList());
        Assert.Equal(["tambah", "ubah", "ubah"], audit.Select(a => a.Action));
        Assert.DoesNotContain("15 Desember 2024", audit[2].Before);
        Assert.Contains("\"SigningDate\":\"15 Desember 2024\"", audit[2].After);

        // signed: in force, and locked on the page and the API
        var after = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync(draftPage));
        Assert.Contains("Berlaku", Section(after, "data-versi=\"perubahan-4\"", "</tr>"));
        Assert.Contains("Diganti versi berikutnya", Section(after, "data-versi=\"perubahan-3\"", "</tr>"));
        Assert.Contains("15 Desember 2024", Section(after, "id=\"tanggal-pk\"", "</strong>"));
        Assert.DoesNotContain("id=\"form-tandatangani\"", after);
        var refusedTarget = await fixture.Admin.Post(draftPage, draftPage + "&handler=TambahTarget", [new("indicator", "IKSS-2.3"), new("period", "2024"), new("value", "6"), new("revision", Revision(agencyId))]);
        Assert.Equal(HttpStatusCode.BadRequest, refusedTarget.StatusCode);
        Assert.Contains("Perjanjian Kinerja Perubahan Ke-4 sudah ditandatangani (15 Desember 2024)", WebUtility.HtmlDecode(await refusedTarget.Content.ReadAsStringAsync()));
        var line = fixture.App.WithDb(db => db.PkBudget.First(b => b.AgencyId == agencyId && b.PkVersion == "perubahan-4"));
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Admin.Api(HttpMethod.Put, $"/api/instansi/{agencyId}/2024/pk/perubahan-4/anggaran/{line.Id}", new { code = line.Code, name = line.Name, pagu = "1", concurrencyVersion = line.ConcurrencyVersion })).StatusCode);
        var refusedParties = await fixture.Admin.Api(HttpMethod.Put, $"/api/instansi/{agencyId}/2024/pk/perubahan-4/penandatangan", new { firstPosition = "Menteri", firstName = "Orang Lain", expectedRevision = int.Parse(Revision(agencyId), CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, refusedParties.StatusCode);
        Assert.Contains("sudah ditandatangani (15 Desember 2024)", await refusedParties.Content.ReadAsStringAsync());
        Assert.Equal("Prof. Yassierli", fixture.App.WithDb(db => db.PkVersions.Single(v => v.AgencyId == agencyId && v.PkVersion == "perubahan-4").FirstName));
        Assert.Equal(line.Pagu, fixture.App.WithDb(db => db.PkBudget.Single(b => b.Id == line.Id).Pagu));
    }

    private string Revision(int agencyId) =>
        fixture.App.WithDb(db => db.Years.Single(y => y.AgencyId == agencyId && y.Year == 2024).Revision).ToString(CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Pk_api_lists_versions_adds_a_perubahan_and_refuses_an_operator()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        // the clean demo has no PK sheet: its awal is implied by the target rows and gets its own row when a perubahan is added
        var api = $"/api{Demo}/pk";
        var answer = await fixture.Admin.Client.GetFromJsonAsync<JsonElement>(api);
        Assert.Equal(["awal"], answer.GetProperty("pk").GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("code").GetString()));
        var revision = answer.GetProperty("revision").GetInt32();

        var operatorDinas = await fixture.As("op-dinas");
        var request = new { date = "2025-07-01", firstName = "Kepala Dinas Contoh", firstPosition = "Kepala Dinas", expectedRevision = revision };
        // the form starts from the parties of the version in force: here the head of the top unit in sheet Unit
        var suggested = answer.GetProperty("pk").GetProperty("suggested");
        Assert.Equal(("Kepala Dinas", "Nama Contoh, S.E."), (suggested.GetProperty("firstPosition").GetString(), suggested.GetProperty("firstName").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorDinas.Api(HttpMethod.Post, api + "/perubahan", request)).StatusCode);
        var page = $"{Demo}/pk";
        var refused = await operatorDinas.Post(page, page + "?handler=Perubahan", [new("Date", "1 Juli 2025"), new("FirstName", "X"), new("Revision", revision.ToString(CultureInfo.InvariantCulture))]);
        Assert.StartsWith("/ditolak", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(0, fixture.App.WithDb(db => db.PkVersions.Count(v => v.AgencyId == fixture.DemoId)));

        var created = await fixture.Admin.Api(HttpMethod.Post, api + "/perubahan", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["awal", "perubahan-1"], body.GetProperty("pk").GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("code").GetString()));
        Assert.Equal("perubahan-1", body.GetProperty("pk").GetProperty("selected").GetProperty("code").GetString());
        // a draft: the awal stays in force until it is signed
        Assert.False(body.GetProperty("pk").GetProperty("selected").GetProperty("inForce").GetBoolean());
        Assert.True(body.GetProperty("pk").GetProperty("selected").GetProperty("draft").GetBoolean());
        // the same request again was read before the change: refused
        var again = await fixture.Admin.Api(HttpMethod.Post, api + "/perubahan", request);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(["awal", "perubahan-1"], fixture.App.WithDb(db => db.PkVersions.Where(v => v.AgencyId == fixture.DemoId).OrderBy(v => v.Ordinal).Select(v => v.PkVersion).ToList()));
        // the awal's targets stay the targets of the perubahan until one is changed
        var awalTarget = body.GetProperty("pk").GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("indicator").GetString() == "IKU-1").GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("period").GetString() == "2025");
        Assert.Equal(("60%", false), (awalTarget.GetProperty("value").GetString(), awalTarget.GetProperty("setHere").GetBoolean()));

        // signed through the API by a planner (an operator is refused): now in force
        var current = (await fixture.Admin.Client.GetFromJsonAsync<JsonElement>(api)).GetProperty("revision").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorDinas.Api(HttpMethod.Post, api + "/perubahan-1/tandatangani", new { date = "1 Juli 2025", expectedRevision = current })).StatusCode);
        var sign = await fixture.Admin.Api(HttpMethod.Post, api + "/perubahan-1/tandatangani", new { date = "1 Juli 2025", expectedRevision = current });
        Assert.Equal(HttpStatusCode.OK, sign.StatusCode);
        var signedView = (await sign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pk");
        Assert.Equal(("perubahan-1", "1 Juli 2025"), (signedView.GetProperty("selected").GetProperty("code").GetString(), signedView.GetProperty("selected").GetProperty("signedOn").GetString()));
        Assert.Equal(JsonValueKind.Null, signedView.GetProperty("draftCode").ValueKind);
    }

    [SkippableFact]
    public async Task Pohon_kinerja_downloads_as_png_of_the_svgs_size_and_is_refused_to_another_agencys_operator()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var agencyId = KemnakerId;
        var svg = await fixture.Admin.Client.GetStringAsync($"/instansi/{agencyId}/2024/pohon.svg");
        var width = int.Parse(System.Text.RegularExpressions.Regex.Match(svg, "width=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        var height = int.Parse(System.Text.RegularExpressions.Regex.Match(svg, "height=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        var response = await fixture.Admin.Client.GetAsync($"/instansi/{agencyId}/2024/pohon.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        // IHDR: width and height, big-endian, at twice the SVG's size
        Assert.Equal((2 * width, 2 * height), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        var operatorDinas = await fixture.As("op-dinas");
        var refused = await operatorDinas.Client.GetAsync($"/instansi/{agencyId}/2024/pohon.png");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [SkippableFact]
    public async Task Rencana_aksi_is_edited_by_the_units_operator_beside_the_realisasi_and_exported_with_the_workbook()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var page = $"{Demo}/rencana-aksi?indikator=IKU-1";
        var post = $"{Demo}/rencana-aksi?indikator=IKU-1&handler=";
        var operatorDinas = await fixture.As("op-dinas");
        var added = await operatorDinas.Post(page, post + "Tambah", [new("Period", "2025-TW2"), new("Action", "Bursa kerja kabupaten bersama 20 perusahaan"), new("Responsible", "Seksi Penempatan"), new("Schedule", "Mei"), new("Target", "30%")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var badTarget = await operatorDinas.Post(page, post + "Tambah", [new("Period", "2025-TW2"), new("Action", "Pelatihan"), new("Target", "tiga puluh")]);
        Assert.Equal(HttpStatusCode.BadRequest, badTarget.StatusCode);
        Assert.Contains("target triwulan \"tiga puluh\" tidak dapat dibaca", WebUtility.HtmlDecode(await badTarget.Content.ReadAsStringAsync()));

        var html = WebUtility.HtmlDecode(await operatorDinas.Client.GetStringAsync(page));
        var quarter = Section(html, "data-periode=\"2025-TW2\"", "</tr>");
        Assert.Contains("<strong>Bursa kerja kabupaten bersama 20 perusahaan</strong> · Seksi Penempatan · Mei", quarter);
        Assert.Contains("30%", quarter);
        Assert.Contains("Rencana Aksi", quarter);
        // the quarter with no action of its own shows the Target sheet's quarter target or says there is none
        Assert.Contains("belum ditetapkan", Section(html, "data-periode=\"2025-TW4\"", "</tr>"));
        Assert.Contains("Ditambah · Rencana aksi IKU-1", Section(html, "id=\"log-audit\"", "</table>"));

        // another unit's operator: refused on the page, the form post and the API
        var operatorBidang = await fixture.As("op-bidang");
        Assert.StartsWith("/ditolak", (await operatorBidang.Client.GetAsync(page)).Headers.Location!.PathAndQuery);
        var ownPage = $"{Demo}/rencana-aksi?indikator=IKU-2";
        var foreignPost = await operatorBidang.Post(ownPage, post + "Tambah", [new("Period", "2025-TW1"), new("Action", "X")]);
        Assert.StartsWith("/ditolak", foreignPost.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorBidang.Api(HttpMethod.Post, $"/api{Demo}/rencana-aksi/IKU-1", new { period = "2025-TW1", action = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorBidang.Client.GetAsync($"/api{Demo}/rencana-aksi/IKU-1")).StatusCode);

        // the API: read, change from a stale read (refused with what changed), a period outside the year, delete
        var view = await operatorDinas.Client.GetFromJsonAsync<JsonElement>($"/api{Demo}/rencana-aksi/IKU-1");
        var action = view.GetProperty("quarters").EnumerateArray().Single(q => q.GetProperty("period").GetString() == "2025-TW2").GetProperty("actions").EnumerateArray().Single();
        var id = action.GetProperty("id").GetInt64();
        var version = action.GetProperty("concurrencyVersion").GetInt32();
        var changed = await operatorDinas.Api(HttpMethod.Put, $"/api{Demo}/rencana-aksi/IKU-1/{id}", new { period = "2025-TW2", action = "Bursa kerja bersama 25 perusahaan", responsible = "Seksi Penempatan", schedule = "Juni", target = "30%", concurrencyVersion = version });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var stale = await fixture.Admin.Api(HttpMethod.Put, $"/api{Demo}/rencana-aksi/IKU-1/{id}", new { period = "2025-TW2", action = "Bursa kerja", concurrencyVersion = version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Bursa kerja bersama 25 perusahaan", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var outside = await operatorDinas.Api(HttpMethod.Post, $"/api{Demo}/rencana-aksi/IKU-1", new { period = "2024-TW1", action = "Rapat koordinasi" });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await operatorDinas.Api(HttpMethod.Post, $"/api{Demo}/rencana-aksi/IKU-1", new { period = "2025-TW3", action = "Rapat koordinasi penempatan", schedule = "Juli" })).StatusCode);

        // the export carries the sheet; the exported workbook imports and writes back the same
        var exported = await fixture.Admin.Client.GetStringAsync($"{Demo}/ekspor.json");
        var path = Path.Combine(fixture.App.DataFolder, "rencana-aksi-ekspor.json");
        await File.WriteAllTextAsync(path, exported);
        var reread = JsonWorkbook.Read(path);
        DatasetImporter.Import(reread);
        Assert.Equal(["Bursa kerja bersama 25 perusahaan", "Rapat koordinasi penempatan"], reread.Sheets["actionPlan"].Select(r => r.Cells["action"].Text));
        Assert.Equal(exported, JsonWorkbook.Write(reread));
        var xlsx = await fixture.Admin.Client.GetByteArrayAsync($"{Demo}/ekspor.xlsx");
        var xlsxPath = Path.Combine(fixture.App.DataFolder, "rencana-aksi-ekspor.xlsx");
        await File.WriteAllBytesAsync(xlsxPath, xlsx);
        Assert.Equal(exported, JsonWorkbook.Write(XlsxWorkbook.Read(xlsxPath)));

        var deleted = await operatorDinas.Api(HttpMethod.Delete, $"/api{Demo}/rencana-aksi/IKU-1/{id}?concurrencyVersion={version + 1}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(["Rapat koordinasi penempatan"], fixture.App.WithDb(db => db.RencanaAksi.Where(a => a.AgencyId == fixture.DemoId).Select(a => a.Action).ToList()));
    }

    [SkippableFact]
    public void A_rencana_aksi_row_outside_the_years_quarters_or_of_an_unknown_indicator_is_refused_on_import()
    {
        var good = Workbook("""[{"indicator": "IKU-1", "period": "2025-TW1", "target": "15%", "action": "Verifikasi data pencari kerja"}]""");
        Assert.Equal(["Verifikasi data pencari kerja"], good.Sheets["actionPlan"].Select(r => r.Cells["action"].Text));
        DatasetImporter.Import(good);

        var bad = Workbook("""[{"indicator": "IKU-9", "period": "2025-TW1", "action": "A"}, {"indicator": "IKU-1", "period": "2025", "action": "B"}, {"indicator": "IKU-1", "period": "2025-TW2"}]""");
        var errors = Assert.Throws<WorkbookImportException>(() => DatasetImporter.Import(bad)).Errors.Select(e => e.ToString()).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("actionPlan[0]") && e.Contains("indikator \"IKU-9\" tidak ada di sheet Indikator"));
        Assert.Contains(errors, e => e.Contains("actionPlan[1]") && e.Contains("bukan triwulan tahun 2025"));
        Assert.Contains(errors, e => e.Contains("actionPlan[2]") && e.Contains("wajib diisi"));

        static RawWorkbook Workbook(string rows)
        {
            var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(Samples.PathOf("clean-demo.json")))!;
            json["actionPlan"] = JsonDocument.Parse(rows).RootElement;
            return JsonWorkbook.Read(JsonSerializer.Serialize(json), "demo.json");
        }
    }

    [SkippableFact]
    public async Task Counts_entered_on_the_realisasi_page_give_the_computed_realisasi_and_capaian()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        // the clean demo as another agency, with two quarterly counts and the formula of IKU-1 over them
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await File.ReadAllTextAsync(Samples.PathOf("clean-demo.json")))!;
        var profile = JsonSerializer.Deserialize<Dictionary<string, string>>(json["profile"].GetRawText())!;
        profile["agency"] = "Dinas Uji Hitungan";
        json["profile"] = JsonSerializer.SerializeToElement(profile);
        json["dataElements"] = JsonDocument.Parse("""[{"code": "ditempatkan", "name": "Pencari kerja ditempatkan", "satuan": "Orang", "periodType": "Triwulanan", "aggregation": "Jumlah"}, {"code": "terdaftar", "name": "Pencari kerja terdaftar", "satuan": "Orang", "periodType": "Triwulanan", "aggregation": "Jumlah"}]""").RootElement;
        json["formulas"] = JsonDocument.Parse("""[{"indicator": "IKU-1", "expression": "#{ditempatkan} / #{terdaftar} * 100"}]""").RootElement;
        var targets = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(json["targets"].GetRawText())!;
        targets.Add(new() { ["indicator"] = "IKU-1", ["period"] = "2025-TW1", ["value"] = "20%", ["document"] = "PK" });
        json["targets"] = JsonSerializer.SerializeToElement(targets);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(json))), "berkas", "uji-hitungan.json" } };
        var preview = await fixture.Admin.ApiContent(HttpMethod.Post, "/api/impor", content);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var token = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.Api(HttpMethod.Post, $"/api/impor/{token}", new { agencyId = (int?)null, expectedRevision = (int?)null })).StatusCode);
        var agencyId = fixture.App.WithDb(db => db.Agencies.Single(a => a.Name == "Dinas Uji Hitungan").Id);

        var url = $"/instansi/{agencyId}/2025/realisasi/IKU-1/2025-TW1";
        var before = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync(url));
        Assert.Contains("#{ditempatkan} / #{terdaftar} * 100", Section(before, "id=\"h-hitungan\"", "</section>"));
        var revision = fixture.App.WithDb(db => db.Years.Single(y => y.AgencyId == agencyId).Revision);
        var bad = await fixture.Admin.Post(url, url + "?handler=Hitungan", [new("hitungan[ditempatkan]", "tiga puluh"), new("hitungan[terdaftar]", "120"), new("revision", revision.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var saved = await fixture.Admin.Post(url, url + "?handler=Hitungan", [new("hitungan[ditempatkan]", "30"), new("hitungan[terdaftar]", "120"), new("revision", revision.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // 30 placed of 120 registered = 25%; against the quarter's target of 20% the capaian is 125% (two decimals, as the profile says)
        var after = WebUtility.HtmlDecode(await fixture.Admin.Client.GetStringAsync(url));
        Assert.Contains("<strong id=\"realisasi-hitung\">25%</strong>", after);
        Assert.Contains("<strong id=\"capaian-hitung\">125,00%</strong>", after);
        Assert.Contains("Diubah · Hitungan data elemen", Section(after, "id=\"log-audit\"", "</table>"));
        Assert.Contains("<strong>ditempatkan</strong>: <span class=\"after\">30</span>", Section(after, "id=\"log-audit\"", "</table>"));

        // the API: a stale revision is refused; a new count recomputes; the counts go out with the workbook
        var api = $"/api/instansi/{agencyId}/2025/realisasi/IKU-1/2025-TW1/hitungan";
        var stale = await fixture.Admin.Api(HttpMethod.Put, api, new { counts = new Dictionary<string, string> { ["ditempatkan"] = "60" }, revision });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = await fixture.Admin.Client.GetFromJsonAsync<JsonElement>(api);
        var changed = await fixture.Admin.Api(HttpMethod.Put, api, new { counts = new Dictionary<string, string> { ["ditempatkan"] = "60" }, revision = current.GetProperty("revision").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("50%", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counts").GetProperty("computed").GetString());
        var exported = JsonWorkbook.Read(await fixture.Admin.Client.GetStringAsync($"/instansi/{agencyId}/2025/ekspor.json"), "ekspor.json");
        Assert.Equal([("ditempatkan", "60"), ("terdaftar", "120")], exported.Sheets["dataValues"].Select(r => (r.Cells["element"].Text, r.Cells["value"].Text)));
        var operatorDinas = await fixture.As("op-dinas");
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorDinas.Api(HttpMethod.Put, api, new { counts = new Dictionary<string, string> { ["ditempatkan"] = "1" }, revision = 0 })).StatusCode);
    }

    private static string Section(string html, string start, string end)
    {
        var i = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(i >= 0, $"{start} not on the page");
        var j = html.IndexOf(end, i + start.Length, StringComparison.Ordinal);
        return html[i..(j < 0 ? html.Length : j)];
    }
}

public sealed class PublicPageTests
{
    [Fact]
    public async Task Public_page_says_clearly_when_nothing_is_published()
    {
        using (var empty = new KinerjaApp("Sqlite", seedSamples: false))
        {
            var html = WebUtility.HtmlDecode(await empty.Browser().GetStringAsync("/publik"));
            Assert.Contains("Belum ada dokumen kinerja yang dipublikasikan.", html);
            Assert.DoesNotContain("<table", html);
        }

        // issue 19: loading the samples publishes nothing; a document appears once someone publishes it (Terbitkan, PublicationTests)
        using var seeded = new KinerjaApp("Sqlite");
        var published = WebUtility.HtmlDecode(await seeded.Browser().GetStringAsync("/publik"));
        Assert.Contains("Belum ada dokumen kinerja yang dipublikasikan.", published);
    }
}
