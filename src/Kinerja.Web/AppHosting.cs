namespace Kinerja.Web;

/// <summary>Where the app finds its files and where it listens, wherever it is started from.</summary>
public static class AppHosting
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// The published app's own folder (it holds wwwroot and appsettings.json) when no content root is set, so
    /// <c>dotnet /srv/kinerja/Kinerja.Web.dll</c> started from any folder finds its stylesheet and settings. Null keeps
    /// ASP.NET Core's rule: an explicit --contentRoot or ASPNETCORE_CONTENTROOT, or the current folder (dotnet run in the project).
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 })
            return null;
        var appFolder = AppContext.BaseDirectory;
        return Directory.Exists(Path.Combine(appFolder, "wwwroot")) && File.Exists(Path.Combine(appFolder, "appsettings.json")) ? appFolder : null;
    }

    /// <summary>
    /// The default address, only when none is configured. A "Urls" line in appsettings.json used to sit above
    /// ASPNETCORE_URLS (appsettings come after the ASPNETCORE_ variables), so the variable was ignored; now the
    /// variable, --urls, a Urls setting, ASPNETCORE_HTTP_PORTS or Kestrel:Endpoints each win over this default.
    /// </summary>
    public static string? DefaultUrls(IConfiguration config) =>
        config["urls"] is { Length: > 0 } || config["http_ports"] is { Length: > 0 } || config["https_ports"] is { Length: > 0 } || config.GetSection("Kestrel:Endpoints").Exists()
            ? null
            : DefaultUrl;
}
