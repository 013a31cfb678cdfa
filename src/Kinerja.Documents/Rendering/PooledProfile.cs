namespace Kinerja.Documents.Rendering;

/// <summary>
/// A LibreOffice profile folder kept between conversions (see <see cref="PdfConverter"/>), one of a small pool of
/// numbered folders, each guarded by a lock file held for the whole conversion, so that parallel conversions (several
/// commands, or the web app's builds on one machine) never run on the same profile. A reused profile saves
/// LibreOffice the creation of its user folder (a few tenths of a second a run); the seeding saves the graphics tests.
/// </summary>
public sealed class PooledProfile : IDisposable
{
    /// <summary>How many conversions at once may reuse a profile; one more gets a fresh profile for its run.</summary>
    public const int Size = 4;

    /// <summary>
    /// Stored as the profile's last LibreOffice version when the installed one cannot be read. LibreOffice runs its
    /// first-start-after-upgrade work only when the installed major*10+minor is greater than the stored one, and in a
    /// profile used only for conversions that work is the graphics tests, the "what's new" bar and the tip of the
    /// day: none of it changes a PDF, so a version above any release keeps it from running.
    /// </summary>
    public const string UnknownVersion = "99.9";

    private const string SeedMarker = "kinerja-seed";

    private readonly FileStream _lock;

    private PooledProfile(string folder, FileStream lockFile)
    {
        Folder = folder;
        _lock = lockFile;
    }

    /// <summary>The profile folder (LibreOffice's UserInstallation).</summary>
    public string Folder { get; }

    /// <summary>
    /// The pool's place: $XDG_CACHE_HOME/kinerja/libreoffice, else ~/.cache/kinerja/libreoffice; null without a home
    /// folder (a service account), and then every conversion seeds a fresh profile. A local cache folder rather than
    /// the web app's data folder, which several servers may share over the network: a profile is per machine.
    /// </summary>
    public static string? DefaultRoot()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache) || !Path.IsPathRooted(cache))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home) || !Directory.Exists(home))
                return null;
            cache = Path.Combine(home, ".cache");
        }

        return Path.Combine(cache, "kinerja", "libreoffice");
    }

    /// <summary>
    /// A free profile of the pool under <paramref name="root"/>, seeded for <paramref name="version"/>, held until
    /// disposed; null when the root is null or cannot be written, or every profile is in use.
    /// </summary>
    public static PooledProfile? Take(string? root, string? version)
    {
        if (root is null)
            return null;
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        for (var slot = 1; slot <= Size; slot++)
        {
            var folder = Path.Combine(root, "profil-" + slot.ToString(System.Globalization.CultureInfo.InvariantCulture));
            FileStream lockFile;
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) that the system drops if the process dies
                lockFile = new FileStream(folder + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                continue; // in use by another conversion
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }

            try
            {
                Prepare(folder, version);
                return new PooledProfile(folder, lockFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                lockFile.Dispose();
                return null;
            }
        }

        return null;
    }

    /// <summary>Makes the held folder ready: reseeded when it was seeded for another LibreOffice version or not at all.</summary>
    private static void Prepare(string folder, string? version)
    {
        var seed = version ?? UnknownVersion;
        var marker = Path.Combine(folder, SeedMarker);
        if (File.Exists(marker) && File.ReadAllText(marker) == seed)
        {
            // LibreOffice's own lock, left by a run that was killed; the pool's lock says no one else is using it
            File.Delete(Path.Combine(folder, ".lock"));
            return;
        }

        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        Seed(folder, version);
        File.WriteAllText(marker, seed);
    }

    /// <summary>
    /// Writes a profile that LibreOffice takes as already started once with this version (ooSetupLastVersion) and
    /// not as a first run: without it, every start on a new profile runs the graphics tests (about 3,6 s).
    /// </summary>
    public static void Seed(string folder, string? version)
    {
        var user = Path.Combine(folder, "user");
        Directory.CreateDirectory(user);
        File.WriteAllText(Path.Combine(user, "registrymodifications.xcu"),
            $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>{version ?? UnknownVersion}</value></prop></item>
            <item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
            </oor:items>

            """);
    }

    /// <summary>Removes the profile (a run on it failed): the next conversion on this slot starts from a fresh seed.</summary>
    public void Discard()
    {
        try
        {
            File.Delete(Path.Combine(Folder, SeedMarker));
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // the missing marker is enough for the next run to rebuild it
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose() => _lock.Dispose();
}
