using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Workflow;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Web.Tests;

public sealed class SqliteNationalTests : NationalTests
{
    public SqliteNationalTests() : base("Sqlite")
    {
    }
}

public sealed class PostgresNationalTests : NationalTests
{
    public PostgresNationalTests() : base("Postgres")
    {
    }
}

/// <summary>
/// Issue 23 items 3 and 4: the national roll-up (region aggregates by the indicator's rule, ranking, change from last
/// year, cache invalidated by approval, who may see it) and reads from a replica with read-your-writes.
/// </summary>
public abstract class NationalTests(string provider)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>One Disnaker's PENEMPATAN for a year: its region, target, and the counts (terdaftar, ditempatkan) of December.</summary>
    public sealed record Office(string Name, string Region, string Target, decimal Registered, decimal Placed, decimal? RegisteredLastYear = null, decimal? PlacedLastYear = null);

    // Jawa Barat: two regencies; Jawa Timur: one city; the province office of Jawa Barat counts alone
    public static readonly Office[] Offices =
    [
        new("Disnaker Kabupaten Bandung", "32.04", "60", 1000, 500, 800, 400),
        new("Disnaker Kabupaten Garut", "32.05", "25", 3000, 600),
        new("Disnaker Kota Surabaya", "35.78", "70", 200, 150, 100, 90),
        new("Disnakertrans Provinsi Jawa Barat", "32", "20", 5000, 1000),
    ];

    private bool Available => provider == "Sqlite" || KinerjaApp.PostgresAvailable();

    /// <summary>Writes the offices (instansi, years, the indicator, targets, approved realisasi, counts) into a database.</summary>
    public static void Seed(KinerjaDbContext db, IEnumerable<Office> offices, EntryStatus status = EntryStatus.Disahkan)
    {
        foreach (var o in offices)
        {
            var agency = db.Agencies.FirstOrDefault(a => a.Name == o.Name) ?? db.Agencies.Add(new Agency { Name = o.Name, Kind = "Pemda", RegionCode = o.Region }).Entity;
            db.SaveChanges();
            foreach (var (year, registered, placed) in new[] { (2025, (decimal?)o.Registered, (decimal?)o.Placed), (2024, o.RegisteredLastYear, o.PlacedLastYear) })
            {
                if (registered is null)
                    continue;
                var row = new ReportingYear { AgencyId = agency.Id, Year = year, ProfileJson = """{"predicateScale":"DuaStatus"}""" };
                db.Years.Add(row);
                db.SaveChanges();
                db.Indicators.Add(new IndicatorInfo { ReportingYearId = row.Id, Ordinal = 1, Code = "IK-1", Name = "Penempatan", UnitCode = "DINAS", CatalogueCode = ScaleModel.CatalogueCodeOf("IK-1", "safediv( #{pencaker_ditempatkan}, #{pencaker_terdaftar} ) * 100") });
                db.Targets.Add(new TargetRow { ReportingYearId = row.Id, AgencyId = agency.Id, IndicatorCode = "IK-1", Period = year.ToString(System.Globalization.CultureInfo.InvariantCulture), Value = o.Target, Document = "PK", UnitCode = "DINAS" });
                db.Realisasi.Add(new RealisasiRecord { ReportingYearId = row.Id, AgencyId = agency.Id, IndicatorCode = "IK-1", Period = year.ToString(System.Globalization.CultureInfo.InvariantCulture), UnitCode = "DINAS", Status = status, Value = "1" });
                foreach (var (element, value) in new[] { ("pencaker_terdaftar", registered.Value), ("pencaker_ditempatkan", placed!.Value) })
                {
                    db.WorkbookRows.Add(new WorkbookRow
                    {
                        ReportingYearId = row.Id, Sheet = ScaleModel.CountsSheet, Ordinal = 1,
                        CellsJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["element"] = element, ["unit"] = "DINAS", ["period"] = $"{year}-12", ["value"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                    });
                }

                db.SaveChanges();
            }
        }
    }

    private static async Task<NationalRollupDto> Rollup(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/nasional/PENEMPATAN/2025" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<NationalRollupDto>(Web))!;
    }

    // the indicator's rule, computed here without the app: the counts added up, then safediv(placed, registered) x 100
    private static decimal Rule(IEnumerable<Office> offices, Func<Office, decimal?> registered, Func<Office, decimal?> placed)
    {
        var list = offices.Where(o => registered(o) is not null && o.Region.Contains('.', StringComparison.Ordinal)).ToList();
        return list.Sum(o => placed(o)!.Value) / list.Sum(o => registered(o)!.Value) * 100m;
    }

    [SkippableFact]
    public async Task Regions_aggregate_by_the_indicators_rule_rank_compare_with_last_year_and_cache_until_an_approval()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        using var app = new KinerjaApp(provider, seedSamples: false);
        var admin = await Session.SetupAdmin(app);
        app.WithDb(db =>
        {
            Seed(db, Offices);
            return 0;
        });

        var result = await Rollup(admin.Client);
        Assert.Equal(4, result.Instansi);
        var jabar = result.Provinces.Single(p => p.Code == "32");
        var jatim = result.Provinces.Single(p => p.Code == "35");
        // (500 + 600) / (1.000 + 3.000) x 100 = 27,5: the counts summed, not the mean of 50% and 20% (35%)
        var expectedJabar = Rule(Offices.Where(o => o.Region.StartsWith("32", StringComparison.Ordinal)), o => o.Registered, o => o.Placed);
        Assert.Equal(27.5m, expectedJabar);
        Assert.Equal(expectedJabar, jabar.Realisasi);
        Assert.NotEqual((50m + 20m) / 2, jabar.Realisasi);
        Assert.Equal(2, jabar.Counted);
        Assert.Equal(3, jabar.Instansi);
        Assert.Equal(Rule(Offices, o => o.Registered, o => o.Placed), result.Nation.Realisasi);
        // last year only Bandung had counts in Jawa Barat: 400 / 800 = 50
        var jabarLastYear = Rule(Offices.Where(o => o.Region.StartsWith("32", StringComparison.Ordinal)), o => o.RegisteredLastYear, o => o.PlacedLastYear);
        Assert.Equal(jabarLastYear, jabar.LastYear);
        Assert.Equal(expectedJabar - jabarLastYear, jabar.Change);
        // higher is better: Jawa Timur's 75% ranks first
        Assert.Equal((1, 2), (jatim.Rank!.Value, jabar.Rank!.Value));
        Assert.Equal(150m / 200m * 100m, jatim.Realisasi);

        // each instansi: realisasi from its own counts, capaian against its target, kategori on the two-state scale
        var garut = result.Rows.Single(r => r.Agency == "Disnaker Kabupaten Garut");
        Assert.Equal(600m / 3000m * 100m, garut.RealisasiValue);
        Assert.True(garut.FromCounts);
        Assert.Equal(Math.Round(20m / 25m * 100m, 2), garut.Capaian);
        Assert.Equal("Tidak Tercapai", garut.Kategori);
        var surabaya = result.Rows.Single(r => r.Agency == "Disnaker Kota Surabaya");
        Assert.Equal(Math.Round(75m / 70m * 100m, 2, MidpointRounding.AwayFromZero), surabaya.Capaian);
        Assert.Equal(("Tercapai", "Kota Surabaya", "Jawa Timur"), (surabaya.Kategori, surabaya.Regency, surabaya.Province));
        Assert.Equal(75m - 90m, surabaya.Change);
        Assert.Equal(2, result.Distribution.Single(d => d.Kategori == "Tercapai").Count);
        Assert.Equal(2, result.Distribution.Single(d => d.Kategori == "Tidak Tercapai").Count);

        // drill-down to Jawa Barat: its regencies ranked, its instansi only
        var drill = await Rollup(admin.Client, "?provinsi=32");
        Assert.Equal(["32.04", "32.05"], drill.Regencies.Select(r => r.Code).ToArray());
        Assert.Equal(3, drill.Rows.Count);
        var page = WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/nasional?indikator=PENEMPATAN&periode=2025&provinsi=32"));
        Assert.Contains("Kabupaten/kota di Jawa Barat", page);
        Assert.Contains("27,50", page);

        // cached under the data version: the same read computes nothing; an approval raises the version and is seen
        var rollup = app.Services.GetRequiredService<NationalRollup>();
        var computed = rollup.Computations;
        await Rollup(admin.Client);
        Assert.Equal(computed, rollup.Computations);
        app.WithDb(db =>
        {
            Seed(db, [new Office("Disnaker Kabupaten Bogor", "32.01", "50", 1000, 900)], EntryStatus.Diajukan);
            return 0;
        });
        var afterSubmit = await Rollup(admin.Client);
        app.WithDb(db =>
        {
            var record = db.Realisasi.Single(r => r.AgencyId == db.Agencies.Single(a => a.Name == "Disnaker Kabupaten Bogor").Id);
            record.Status = EntryStatus.Disahkan;
            return db.SaveChanges();
        });
        var afterApproval = await Rollup(admin.Client);
        Assert.True(afterApproval.DataVersion > afterSubmit.DataVersion);
        Assert.Equal(Rule(Offices.Append(new Office("Bogor", "32.01", "50", 1000, 900)), o => o.Registered, o => o.Placed), afterApproval.Nation.Realisasi);
    }

    [SkippableFact]
    public async Task Only_the_installation_administrator_and_a_national_viewer_see_the_rollup()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        using var app = new KinerjaApp(provider, seedSamples: false);
        var admin = await Session.SetupAdmin(app);
        app.WithDb(db =>
        {
            Seed(db, Offices.Take(1));
            return 0;
        });
        var agencyId = app.WithDb(db => db.Agencies.Single().Id);
        await admin.AddUser(agencyId, "perencana", AppFixture.Password, "Perencana");
        await admin.AddUser(agencyId, "pemantau", AppFixture.Password, "Pimpinan");
        var planner = await Session.SignIn(app, "perencana", AppFixture.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.Client.GetAsync("/api/nasional/PENEMPATAN/2025")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await planner.Client.GetAsync("/nasional")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync("/api/nasional/PENEMPATAN/2025")).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            await roles.CreateAsync(new IdentityRole(NationalRollup.ViewerRole));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByNameAsync("pemantau"))!, NationalRollup.ViewerRole)).Succeeded);
        }

        var viewer = await Session.SignIn(app, "pemantau", AppFixture.Password);
        Assert.Equal(1, (await Rollup(viewer.Client)).Instansi);
        Assert.Equal(HttpStatusCode.OK, (await viewer.Client.GetAsync("/nasional?indikator=PENEMPATAN&periode=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.Client.GetAsync("/api/nasional/TIDAKADA/2025")).StatusCode);
    }

    [SkippableFact]
    public async Task Reads_go_to_the_replica_except_a_users_reads_just_after_their_own_write()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        var folder = Path.Combine(Path.GetTempPath(), "kinerja-replica-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var replica = provider == "Postgres"
            ? KinerjaApp.PostgresBase + $";Database=kinerja_replica_{Guid.NewGuid():N}"
            : $"Data Source={Path.Combine(folder, "replica.db")}";
        var window = 8;
        using var app = new KinerjaApp(provider, seedSamples: false, environment: "Production", settings: new Dictionary<string, string>
        {
            ["ConnectionStrings:KinerjaRead"] = replica,
            ["Kinerja:ReadYourWritesSeconds"] = window.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var admin = await Session.SetupAdmin(app);
        // the "replica": a separate database that lags behind: it holds only the first office
        var databases = app.Services.GetRequiredService<ReadDatabase>();
        await using (var stale = provider == "Postgres"
            ? (KinerjaDbContext)new PostgresKinerjaDbContext(new DbContextOptionsBuilder<PostgresKinerjaDbContext>().UseNpgsql(replica).Options)
            : new SqliteKinerjaDbContext(new DbContextOptionsBuilder<SqliteKinerjaDbContext>().UseSqlite(replica).Options))
        {
            await DatabaseSetup.MigrateAsync(stale);
            Seed(stale, Offices.Take(1));
        }

        app.WithDb(db =>
        {
            Seed(db, Offices);
            return 0;
        });

        try
        {
            // the setup form was this user's last write: once the window after it has passed, the replica serves, stale as it is
            await Task.Delay(TimeSpan.FromSeconds(window + 0.5));
            var later = await admin.Client.GetAsync("/api/nasional/PENEMPATAN/2025");
            Assert.Equal("replika", later.Headers.GetValues("X-Kinerja-Baca").Single());
            Assert.Equal(1, (await later.Content.ReadFromJsonAsync<NationalRollupDto>(Web))!.Instansi);

            // a write of this user (a password change): their next reads go to the primary
            var wrote = await admin.Post("/akun/sandi", "/akun/sandi", [new("CurrentPassword", "RahasiaSekali1"), new("NewPassword", "BaruLagiAman42"), new("ConfirmPassword", "BaruLagiAman42")]);
            Assert.Equal(HttpStatusCode.Redirect, wrote.StatusCode);
            var afterWrite = await admin.Client.GetAsync("/api/nasional/PENEMPATAN/2025");
            // within the window, the replica's replay position unknown (not a standby) or behind: the primary answers
            Assert.Equal("utama", afterWrite.Headers.GetValues("X-Kinerja-Baca").Single());
            Assert.Equal(4, (await afterWrite.Content.ReadFromJsonAsync<NationalRollupDto>(Web))!.Instansi);

            // the read side refuses to save
            await using var readOnly = databases.Create(replica: true);
            readOnly.Agencies.Add(new Agency { Name = "tidak boleh" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => readOnly.SaveChangesAsync());
        }
        finally
        {
            if (provider == "Postgres")
            {
                await using var drop = new PostgresKinerjaDbContext(new DbContextOptionsBuilder<PostgresKinerjaDbContext>().UseNpgsql(replica).Options);
                await drop.Database.EnsureDeletedAsync();
            }
        }
    }

    [SkippableFact]
    public async Task Without_a_replica_every_read_uses_the_primary()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        using var app = new KinerjaApp(provider, seedSamples: false);
        var admin = await Session.SetupAdmin(app);
        app.WithDb(db =>
        {
            Seed(db, Offices);
            return 0;
        });
        var response = await admin.Client.GetAsync("/api/nasional/PENEMPATAN/2025");
        Assert.Equal("utama", response.Headers.GetValues("X-Kinerja-Baca").Single());
        Assert.False(app.Services.GetRequiredService<ReadDatabase>().HasReplica);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(ReadRouting.CookieName, StringComparison.Ordinal));
    }

    [Fact]
    public void Region_codes_and_wal_positions_read_as_expected()
    {
        Assert.Equal("Jawa Barat", Regions.Find("32")!.Name);
        Assert.Equal("Kabupaten Bandung", Regions.Find("32.04")!.Name);
        Assert.Equal("Jawa Barat", Regions.ProvinceOf("32.04")!.Name);
        Assert.Null(Regions.Invalid("32.04"));
        Assert.NotNull(Regions.Invalid("99.99"));
        Assert.Equal(38, Regions.List.Count(r => r.IsProvince));
        Assert.Equal((0x16UL << 32) | 0xB374D848UL, ReadDatabase.ParseLsn("16/B374D848"));
        Assert.True(ReadDatabase.ParseLsn("0/3000060") > ReadDatabase.ParseLsn("0/3000028"));
        Assert.Null(ReadDatabase.ParseLsn(null));
        Assert.Equal("PENEMPATAN", ScaleModel.CatalogueCodeOf("IK-1", "safediv(#{pencaker_ditempatkan},#{pencaker_terdaftar})*100"));
        Assert.Equal("TPT", ScaleModel.CatalogueCodeOf("tpt", null));
        Assert.Null(ScaleModel.CatalogueCodeOf("IK-9", "#{a} / #{b}"));
    }
}

public sealed class SqliteBulkLoadTests : BulkLoadTests
{
    public SqliteBulkLoadTests() : base("Sqlite")
    {
    }
}

public sealed class PostgresBulkLoadTests : BulkLoadTests
{
    public PostgresBulkLoadTests() : base("Postgres")
    {
    }
}

/// <summary>Issue 23 item 5: a national data set loaded in one transaction after every row is checked (COPY on PostgreSQL).</summary>
public abstract class BulkLoadTests(string provider)
{
    private bool Available => provider == "Sqlite" || KinerjaApp.PostgresAvailable();

    private static string Csv(IEnumerable<NationalTests.Office> offices) =>
        "instansi,kode_wilayah,tahun,indikator,periode,target,realisasi,data\n" + string.Concat(offices.Select(o =>
            $"\"{o.Name}\",{o.Region},2025,PENEMPATAN,2025,{o.Target},\"{(o.Placed / o.Registered * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',')}\",pencaker_terdaftar={o.Registered};pencaker_ditempatkan={o.Placed}\n"));

    [SkippableFact]
    public async Task A_national_data_set_loads_whole_or_not_at_all_and_the_rollup_reads_it()
    {
        Skip.IfNot(Available, AppFixture.Missing);
        using var app = new KinerjaApp(provider, seedSamples: false);
        var admin = await Session.SetupAdmin(app);
        var file = Path.Combine(app.DataFolder, "nasional.csv");

        // a wrong region, an unreadable realisasi and a row given twice: nothing is written, each error located
        await File.WriteAllTextAsync(file, Csv(NationalTests.Offices) + "\"Disnaker Kabupaten Bandung\",32.04,2025,PENEMPATAN,2025,60,\"lima\",\n\"Disnaker X\",99.99,2025,PENEMPATAN,2025,60,50,\n");
        using (var scope = app.Services.CreateScope())
        {
            var refused = await BulkLoader.LoadAsync(scope.ServiceProvider.GetRequiredService<KinerjaDbContext>(), file, "uji");
            Assert.False(refused.Ok);
            Assert.Contains(refused.Errors, e => e.StartsWith("nasional.csv, baris 6, kolom realisasi", StringComparison.Ordinal));
            Assert.Contains(refused.Errors, e => e.StartsWith("nasional.csv, baris 6, kolom periode", StringComparison.Ordinal) && e.Contains("sudah ada", StringComparison.Ordinal));
            Assert.Contains(refused.Errors, e => e.StartsWith("nasional.csv, baris 7, kolom kode_wilayah", StringComparison.Ordinal));
        }

        Assert.Equal(0, app.WithDb(db => db.Realisasi.Count() + db.Agencies.Count()));

        await File.WriteAllTextAsync(file, Csv(NationalTests.Offices));
        using (var scope = app.Services.CreateScope())
        {
            var loaded = await BulkLoader.LoadAsync(scope.ServiceProvider.GetRequiredService<KinerjaDbContext>(), file, "uji");
            Assert.True(loaded.Ok, string.Join("; ", loaded.Errors));
            Assert.Equal((4, 4, 4, 8), (loaded.Rows, loaded.Agencies, loaded.Years, loaded.Counts));
        }

        Assert.Equal(4, app.WithDb(db => db.Realisasi.Count(r => r.Status == Domain.Workflow.EntryStatus.Disahkan && r.Source == "massal")));
        Assert.Equal("32.04", app.WithDb(db => db.Agencies.Single(a => a.Name == "Disnaker Kabupaten Bandung").RegionCode));
        Assert.Equal(4, app.WithDb(db => db.Audit.Count(a => a.Action == "impor-massal")));
        var result = (await (await admin.Client.GetAsync("/api/nasional/PENEMPATAN/2025")).Content.ReadFromJsonAsync<NationalRollupDto>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        Assert.Equal(1250m / 4200m * 100m, result.Nation.Realisasi);
        Assert.Equal(1100m / 4000m * 100m, result.Provinces.Single(p => p.Code == "32").Realisasi);

        // the same instansi-year again is refused: a closed year is loaded once
        using (var scope = app.Services.CreateScope())
        {
            var again = await BulkLoader.LoadAsync(scope.ServiceProvider.GetRequiredService<KinerjaDbContext>(), file, "uji");
            Assert.False(again.Ok);
            Assert.Contains("sudah ada di basis data", again.Errors[0], StringComparison.Ordinal);
        }

        // identities continue after the explicit ids of the load: the app adds an instansi of its own afterwards
        app.WithDb(db =>
        {
            db.Agencies.Add(new Agency { Name = "Instansi baru" });
            return db.SaveChanges();
        });
        Assert.Equal(5, app.WithDb(db => db.Agencies.Count()));
    }
}
