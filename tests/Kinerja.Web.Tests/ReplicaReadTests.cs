using System.Net;
using Kinerja.Data;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Tests;

public sealed class SqliteReplicaReadTests() : ReplicaReadTests("Sqlite");

public sealed class PostgresReplicaReadTests() : ReplicaReadTests("Postgres");

/// <summary>
/// Document builds and the public page read the replica when one is configured (issue 23 item 3), with read-your-writes
/// kept: just after a user's own write they read the primary. The "replica" is a second database loaded from the same
/// samples (so the same ids) that differs from the primary by one published document only it holds.
/// </summary>
public abstract class ReplicaReadTests(string provider)
{
    private bool Available => provider == "Sqlite" || KinerjaApp.PostgresAvailable();

    [SkippableFact]
    public async Task Document_builds_and_the_public_page_read_the_replica_and_a_users_own_write_the_primary()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        using var replica = new KinerjaApp(provider);
        var replicaDemo = replica.WithDb(db => db.Agencies.Single(a => a.Name.StartsWith("Dinas Contoh")).Id);
        var yearId = replica.WithDb(db => db.Years.Single(y => y.AgencyId == replicaDemo && y.Year == 2025).Id);
        replica.WithDb(db =>
        {
            db.PublishedDocuments.Add(new PublishedDocument
            {
                AgencyId = replicaDemo, ReportingYearId = yearId, Year = 2025, Kind = "renstra", Format = "pdf", Title = "Renstra hanya di replika",
                FileName = "renstra.pdf", Sha256 = new string('a', 64), Size = 1, PublishedAt = DateTimeOffset.UtcNow, PublishedBy = "uji",
            });
            return db.SaveChanges();
        });

        const int window = 8;
        using var app = new KinerjaApp(provider, seedSamples: true, environment: "Production", settings: new Dictionary<string, string>
        {
            ["ConnectionStrings:KinerjaRead"] = replica.ConnectionString,
            ["Kinerja:ReadYourWritesSeconds"] = window.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var admin = await Session.SetupAdmin(app);
        var demo = app.WithDb(db => db.Agencies.Single(a => a.Name.StartsWith("Dinas Contoh")).Id);
        // the samples load in the same order on both databases: the ids the primary gives are the replica's
        Assert.Equal((replicaDemo, yearId), (demo, app.WithDb(db => db.Years.Single(y => y.AgencyId == demo && y.Year == 2025).Id)));
        Assert.Equal(0, app.WithDb(db => db.PublishedDocuments.Count()));

        // the public page: an anonymous visitor never wrote, so the replica answers, with the document only it holds
        var visitor = app.Browser();
        var page = await visitor.GetAsync("/publik");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("replika", page.Headers.GetValues("X-Kinerja-Baca").Single());
        Assert.Contains("Renstra hanya di replika", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // the administrator's setup was a write: within the window their document build reads the primary
        var early = await admin.Client.GetAsync($"/instansi/{demo}/2025/dokumen/lkjip.docx");
        Assert.True(early.StatusCode == HttpStatusCode.OK, $"{(int)early.StatusCode} {await early.Content.ReadAsStringAsync()}");
        Assert.Equal("utama", early.Headers.GetValues("X-Kinerja-Baca").Single());
        await Task.Delay(TimeSpan.FromSeconds(window + 0.5));
        // once it has passed (the "replica" here is no standby, so its replay position never says it caught up), the replica builds it
        var built = await admin.Client.GetAsync($"/instansi/{demo}/2025/dokumen/lkjip.docx");
        Assert.True(built.StatusCode == HttpStatusCode.OK, $"{(int)built.StatusCode} {await built.Content.ReadAsStringAsync()}");
        Assert.Equal("replika", built.Headers.GetValues("X-Kinerja-Baca").Single());
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await built.Content.ReadAsByteArrayAsync())[..2]));
        var started = await admin.Api(HttpMethod.Post, $"/api/instansi/{demo}/2025/dokumen", new { jenis = "lkjip", format = "docx" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        // a POST is a write for read-your-writes only when it succeeds; the build was read before the answer, from the replica
        Assert.Equal("replika", started.Headers.GetValues("X-Kinerja-Baca").Single());
        // and the public page of a user who has just written reads the primary, which has no published document
        var own = await admin.Client.GetAsync("/publik");
        Assert.Equal("utama", own.Headers.GetValues("X-Kinerja-Baca").Single());
        Assert.DoesNotContain("Renstra hanya di replika", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
