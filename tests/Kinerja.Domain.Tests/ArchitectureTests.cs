using System.Xml.Linq;

namespace Kinerja.Domain.Tests;

/// <summary>
/// Dependencies point inward (docs/rules.md is the domain; STYLE: Clean Architecture). The domain's own assembly is
/// checked by reflection; every project of the solution, tests included, by its project file, so that a reference
/// added tomorrow to any of them fails here today, whichever project it is in.
/// </summary>
public class ArchitectureTests
{
    [Fact]
    public void The_domain_depends_on_nothing_but_the_base_library()
    {
        var references = typeof(Model.PerformanceDataset).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", $"Kinerja.Domain references {name}"));
    }

    // declared before Allowed, which uses it: static fields are initialised in the order they are written
    private static readonly string[] TestPackages = ["Microsoft.NET.Test.Sdk", "xunit", "coverlet"];

    /// <summary>
    /// What each project may reference directly: projects; packages as an allow-list where the layer is pure
    /// (<c>null</c> = any package but the <see cref="Framework"/> ones the layer must not know); frameworks.
    /// </summary>
    private static readonly Dictionary<string, (string[] Projects, string[]? Packages, bool FrameworkPackages, string[] Frameworks)> Allowed = new()
    {
        // pure C#: no project, no package, no framework beyond the base library
        ["src/Kinerja.Domain"] = ([], [], false, []),
        // the workbook format and the report renderers: the domain and libraries for files, never a host or a database
        ["src/Kinerja.Documents"] = (["Kinerja.Domain"], null, false, []),
        // the database; the workbook store reads and writes workbooks through Documents; Identity's EF store needs
        // the ASP.NET Core framework
        ["src/Kinerja.Data"] = (["Kinerja.Domain", "Kinerja.Documents"], null, true, ["Microsoft.AspNetCore.App"]),
        // the command line: one file at a time, never the database or the web app
        ["src/Kinerja.Cli"] = (["Kinerja.Domain", "Kinerja.Documents"], null, false, []),
        // the web app: everything but the command line
        ["src/Kinerja.Web"] = (["Kinerja.Domain", "Kinerja.Documents", "Kinerja.Data"], null, true, []),
        // each test project references what it tests (the report command's tests run `kinerja report`)
        ["tests/Kinerja.Domain.Tests"] = (["Kinerja.Domain"], TestPackages, false, []),
        ["tests/Kinerja.Documents.Tests"] = (["Kinerja.Documents", "Kinerja.Cli"], [.. TestPackages, "DocumentFormat.OpenXml"], false, []),
        ["tests/Kinerja.Cli.Tests"] = (["Kinerja.Cli", "Kinerja.Documents"], TestPackages, false, []),
        ["tests/Kinerja.Web.Tests"] = (["Kinerja.Web"], null, true, []),
        ["tests/Kinerja.Web.BrowserTests"] = (["Kinerja.Web"], null, true, []),
    };

    /// <summary>Packages of a host or a database: only the data and web layers (and their tests) may take them.</summary>
    private static readonly string[] Framework = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Extensions.Hosting"];

    /// <summary>Projects that must never be reached, not even through another project.</summary>
    private static readonly Dictionary<string, string[]> NeverReached = new()
    {
        ["Kinerja.Domain"] = ["Kinerja.Documents", "Kinerja.Data", "Kinerja.Web", "Kinerja.Cli"],
        ["Kinerja.Documents"] = ["Kinerja.Data", "Kinerja.Web", "Kinerja.Cli"],
        ["Kinerja.Data"] = ["Kinerja.Web", "Kinerja.Cli"],
        ["Kinerja.Cli"] = ["Kinerja.Data", "Kinerja.Web"],
        ["Kinerja.Web"] = ["Kinerja.Cli"],
    };

    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kinerja.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kinerja.sln not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> ProjectFiles() =>
        new[] { "src", "tests" }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Key(string csproj) => Path.GetRelativePath(Root, Path.GetDirectoryName(csproj)!).Replace('\\', '/');

    private static List<string> Items(string csproj, string item) =>
        XDocument.Load(csproj).Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>().ToList();

    private static List<string> ProjectReferences(string csproj) =>
        Items(csproj, "ProjectReference").Select(p => Path.GetFileNameWithoutExtension(p.Replace('\\', '/'))).ToList();

    [Fact]
    public void Every_project_of_the_solution_has_its_dependency_rule()
    {
        var projects = ProjectFiles().Select(Key).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("src/Kinerja.Domain", projects);
        Assert.All(projects, p => Assert.True(Allowed.ContainsKey(p), $"{p} has no entry in ArchitectureTests.Allowed: say what it may depend on"));
    }

    [Fact]
    public void Each_project_references_only_the_projects_packages_and_frameworks_its_layer_allows()
    {
        foreach (var csproj in ProjectFiles())
        {
            if (!Allowed.TryGetValue(Key(csproj), out var allowed))
                continue; // reported by the test above
            foreach (var project in ProjectReferences(csproj))
                Assert.True(allowed.Projects.Contains(project), $"{Key(csproj)} references project {project}; allowed: {string.Join(", ", allowed.Projects)}");
            foreach (var package in Items(csproj, "PackageReference"))
            {
                if (allowed.Packages is { } packages)
                    Assert.True(packages.Any(p => package.StartsWith(p, StringComparison.Ordinal)), $"{Key(csproj)} references package {package}; allowed: {string.Join(", ", packages)}");
                if (!allowed.FrameworkPackages)
                    Assert.False(Framework.Any(p => package.StartsWith(p, StringComparison.Ordinal)), $"{Key(csproj)} references the host/database package {package}");
            }

            foreach (var framework in Items(csproj, "FrameworkReference"))
                Assert.True(allowed.Frameworks.Contains(framework), $"{Key(csproj)} references framework {framework}");
        }
    }

    [Fact]
    public void No_project_reaches_a_forbidden_one_through_another()
    {
        var graph = ProjectFiles().ToDictionary(p => Path.GetFileNameWithoutExtension(p), ProjectReferences);
        foreach (var (project, forbidden) in NeverReached)
        {
            var reached = new HashSet<string>();
            var queue = new Queue<string>(graph.GetValueOrDefault(project) ?? []);
            while (queue.TryDequeue(out var next))
            {
                if (reached.Add(next))
                {
                    foreach (var further in graph.GetValueOrDefault(next) ?? [])
                        queue.Enqueue(further);
                }
            }

            Assert.True(graph.ContainsKey(project), project + " not found");
            Assert.Empty(reached.Intersect(forbidden));
        }
    }

    [Fact]
    public void The_web_sdk_is_used_by_the_web_app_alone()
    {
        foreach (var csproj in ProjectFiles())
        {
            var sdk = (string?)XDocument.Load(csproj).Root!.Attribute("Sdk") ?? "";
            Assert.True(sdk == "Microsoft.NET.Sdk" || (sdk == "Microsoft.NET.Sdk.Web" && Key(csproj) == "src/Kinerja.Web"), $"{Key(csproj)} uses SDK {sdk}");
        }
    }
}
