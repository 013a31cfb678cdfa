using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kinerja.Data;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Tests;

public sealed class SqliteWriteContentionTests(SqliteFixture fixture) : WriteContentionTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresWriteContentionTests(PostgresFixture fixture) : WriteContentionTests(fixture), IClassFixture<PostgresFixture>;

/// <summary>
/// Writes of one instansi-year at the same moment (issue 23, found by the scale rig): operators saving different records
/// do not refuse each other, while the year's revision still rises on every write (an import previewed before any of them
/// is refused) and two saves of one record from the same version still give one refusal.
/// </summary>
public abstract class WriteContentionTests(AppFixture fixture)
{
    private string Demo => $"/instansi/{fixture.DemoId}/2025";

    private int Revision() => fixture.App.WithDb(db => db.Years.AsNoTracking().Single(y => y.AgencyId == fixture.DemoId && y.Year == 2025).Revision);

    private static async Task<string> Body(HttpResponseMessage response) => $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";

    [SkippableFact]
    public async Task Two_operators_saving_different_indicators_of_one_year_at_the_same_moment_both_succeed_and_the_revision_rises_for_each()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var dinas = await fixture.As("op-dinas");
        var bidang = await fixture.As("op-bidang");
        var first = $"/api{Demo}/realisasi/IKU-1/2025-TW4";
        var second = $"/api{Demo}/realisasi/IKU-2/2025-TW4";
        const int rounds = 8;
        var revision = Revision();
        for (var round = 0; round < rounds; round++)
        {
            // both requests are in flight together: each reads the year, saves its own record and raises the revision
            var (v1, v2) = (fixture.App.VersionOf(first), fixture.App.VersionOf(second));
            var saves = await Task.WhenAll(
                dinas.Api(HttpMethod.Put, first, new { value = $"{40 + round}%", valueStatus = "Final", concurrencyVersion = v1 }),
                bidang.Api(HttpMethod.Put, second, new { value = $"{700 + round}", valueStatus = "Final", concurrencyVersion = v2 }));
            foreach (var save in saves)
                Assert.True(save.StatusCode == HttpStatusCode.OK, $"round {round}: {await Body(save)}");
        }

        // every save raised the year's revision once (none lost to the other), and both records hold the last round's values
        Assert.Equal(revision + (2 * rounds), Revision());
        var values = fixture.App.WithDb(db => db.Realisasi.AsNoTracking()
            .Where(r => r.AgencyId == fixture.DemoId && r.Period == "2025-TW4" && r.IsCurrent && (r.IndicatorCode == "IKU-1" || r.IndicatorCode == "IKU-2"))
            .OrderBy(r => r.IndicatorCode).Select(r => r.Value).ToList());
        Assert.Equal([$"{40 + rounds - 1}%", $"{700 + rounds - 1}"], values);
    }

    [SkippableFact]
    public async Task Two_saves_of_one_record_from_the_same_version_at_the_same_moment_give_one_save_and_one_refusal()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var api = $"/api{Demo}/realisasi/IKU-1/2025-TW3";
        var dinas = await fixture.As("op-dinas");
        Assert.Equal(HttpStatusCode.OK, (await dinas.Api(HttpMethod.Put, api, new { value = "30%", valueStatus = "Final", concurrencyVersion = fixture.App.VersionOf(api) })).StatusCode);
        for (var round = 0; round < 4; round++)
        {
            var version = fixture.App.VersionOf(api);
            var revision = Revision();
            var saves = await Task.WhenAll(
                dinas.Api(HttpMethod.Put, api, new { value = $"{50 + round}%", valueStatus = "Final", concurrencyVersion = version }),
                fixture.Admin.Api(HttpMethod.Put, api, new { value = $"{60 + round}%", valueStatus = "Final", concurrencyVersion = version }));
            var codes = saves.Select(s => s.StatusCode).Order().ToList();
            Assert.True(codes.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]), $"round {round}: {await Body(saves[0])} / {await Body(saves[1])}");
            // the record moved one version, the year one revision: the refused save left nothing
            Assert.Equal((version + 1, revision + 1), (fixture.App.VersionOf(api), Revision()));
            var winner = saves[0].StatusCode == HttpStatusCode.OK ? $"{50 + round}%" : $"{60 + round}%";
            Assert.Equal(winner, fixture.App.WithDb(db => db.Realisasi.AsNoTracking().Single(r => r.AgencyId == fixture.DemoId && r.IndicatorCode == "IKU-1" && r.Period == "2025-TW3" && r.IsCurrent).Value));
        }
    }

    [SkippableFact]
    public async Task An_import_previewed_before_an_operators_save_is_refused_as_stale()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var exported = await fixture.Admin.Client.GetStringAsync($"{Demo}/ekspor.json");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(exported)), "berkas", "tahun.json" } };
        var previewed = await fixture.Admin.ApiContent(HttpMethod.Post, $"/api/impor?instansi={fixture.DemoId}", content);
        Assert.True(previewed.StatusCode == HttpStatusCode.OK, await Body(previewed));
        var preview = await previewed.Content.ReadFromJsonAsync<JsonElement>();
        var at = preview.GetProperty("expectedRevision").GetInt32();
        Assert.Equal(Revision(), at);

        // an operator saves a record of their own (the record-versioned path, which no longer compares the year's revision)
        var api = $"/api{Demo}/realisasi/IKU-2/2025-TW1";
        var bidang = await fixture.As("op-bidang");
        var saved = await bidang.Api(HttpMethod.Put, api, new { value = "150", valueStatus = "Final", concurrencyVersion = fixture.App.VersionOf(api) });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await Body(saved));
        Assert.Equal(at + 1, Revision());

        var commit = await fixture.Admin.Api(HttpMethod.Post, $"/api/impor/{preview.GetProperty("token").GetString()}", new { agencyId = fixture.DemoId, expectedRevision = at });
        Assert.Equal(HttpStatusCode.Conflict, commit.StatusCode);
        Assert.Contains($"pratinjau pada revisi {at}, kini revisi {at + 1}", (await commit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(at + 1, Revision());
    }

    [SkippableFact]
    public async Task A_cached_capaian_read_on_one_server_shows_a_write_made_through_another_server_at_the_next_read()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        // server B beside the fixture's server A, on the same database: each keeps its own read cache in memory
        using var second = new KinerjaApp(fixture.App.Provider, seedSamples: null, new Dictionary<string, string?>(), shareWith: fixture.App);
        var adminB = await Session.SignIn(second, "admin", "RahasiaSekali1");
        const string indicator = "IKU-1";
        async Task<JsonElement> Row(Session who)
        {
            var response = await who.Client.GetAsync($"/api{Demo}/capaian?periode=2025-TW4");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == indicator);
        }

        // B reads twice (the second from its cache), then A adds the quarter's target (a plan change, guarded by the year's
        // revision): B's next read has it
        var before = await Row(adminB);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("target").ValueKind);
        Assert.Equal(before.GetRawText(), (await Row(adminB)).GetRawText());
        var revision = Revision();
        var changed = await fixture.Admin.Api(HttpMethod.Post, $"/api{Demo}/target", new { indicator, period = "2025-TW4", value = "57,5%", expectedRevision = revision });
        Assert.True(changed.IsSuccessStatusCode, await Body(changed));
        Assert.Equal(revision + 1, Revision());
        var after = await Row(adminB);
        Assert.Contains("57,5", after.GetProperty("target").GetString()!, StringComparison.Ordinal);
        // and A, which wrote, sees the same
        Assert.Equal(after.GetRawText(), (await Row(fixture.Admin)).GetRawText());
    }
}
