using Kinerja.Documents.Rendering;

namespace Kinerja.Documents.Tests;

/// <summary>The LibreOffice profiles the PDF conversion reuses (<see cref="PooledProfile"/>).</summary>
public sealed class PdfProfileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kinerja-profile-test-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string LastVersion(string profile) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(profile, "user", "registrymodifications.xcu")).Descendants()
            .Single(e => e.Name.LocalName == "prop" && (string?)e.Attributes().SingleOrDefault(a => a.Name.LocalName == "name") == "ooSetupLastVersion")
            .Value;

    [Fact]
    public void A_profile_is_seeded_with_the_installed_version_so_LibreOffice_skips_its_first_start_tests()
    {
        using var profile = PooledProfile.Take(_root, "7.4");
        Assert.NotNull(profile);
        Assert.Equal("7.4", LastVersion(profile.Folder));
    }

    [Fact]
    public void An_unknown_version_is_seeded_above_any_release()
    {
        using var profile = PooledProfile.Take(_root, null);
        Assert.Equal(PooledProfile.UnknownVersion, LastVersion(profile!.Folder));
    }

    [Fact]
    public void Conversions_at_the_same_time_never_share_a_profile_and_one_past_the_pool_gets_none()
    {
        var held = Enumerable.Range(0, PooledProfile.Size).Select(_ => PooledProfile.Take(_root, "7.4")!).ToList();
        try
        {
            Assert.Equal(PooledProfile.Size, held.Select(p => p.Folder).Distinct().Count());
            Assert.Null(PooledProfile.Take(_root, "7.4"));
        }
        finally
        {
            held.ForEach(p => p.Dispose());
        }
    }

    [Fact]
    public void A_released_profile_is_reused_with_what_LibreOffice_wrote_into_it()
    {
        string folder;
        using (var first = PooledProfile.Take(_root, "7.4")!)
        {
            folder = first.Folder;
            File.WriteAllText(Path.Combine(folder, "user", "kept.txt"), "from LibreOffice");
            File.WriteAllText(Path.Combine(folder, ".lock"), "left by a killed run");
        }

        using var second = PooledProfile.Take(_root, "7.4")!;
        Assert.Equal(folder, second.Folder);
        Assert.True(File.Exists(Path.Combine(folder, "user", "kept.txt")));
        Assert.False(File.Exists(Path.Combine(folder, ".lock")));
    }

    [Fact]
    public void After_a_LibreOffice_upgrade_or_a_failed_run_the_profile_is_made_anew()
    {
        string folder;
        using (var old = PooledProfile.Take(_root, "7.4")!)
        {
            folder = old.Folder;
            File.WriteAllText(Path.Combine(folder, "user", "kept.txt"), "from 7.4");
        }

        using (var upgraded = PooledProfile.Take(_root, "7.5")!)
        {
            Assert.Equal(folder, upgraded.Folder);
            Assert.Equal("7.5", LastVersion(folder));
            Assert.False(File.Exists(Path.Combine(folder, "user", "kept.txt")));
            File.WriteAllText(Path.Combine(folder, "user", "kept.txt"), "from 7.5");
            upgraded.Discard();
        }

        using var fresh = PooledProfile.Take(_root, "7.5")!;
        Assert.Equal("7.5", LastVersion(fresh.Folder));
        Assert.False(File.Exists(Path.Combine(fresh.Folder, "user", "kept.txt")));
    }

    [Fact]
    public void No_pool_without_a_writable_place()
    {
        Assert.Null(PooledProfile.Take(null, "7.4"));
        File.WriteAllText(Path.Combine(_root, "a-file"), "");
        Assert.Null(PooledProfile.Take(Path.Combine(_root, "a-file", "pool"), "7.4"));
    }
}
