using System.Text.RegularExpressions;

namespace Kinerja.Cli.Tests;

/// <summary>
/// The compiled assemblies the command line is made of, by reflection (the project files of the whole solution are
/// checked in Kinerja.Domain.Tests.ArchitectureTests), and the rule citations of the repository.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string[] HostOrDatabase = ["Kinerja.Data", "Kinerja.Web", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql"];

    [Fact]
    public void The_command_references_the_domain_and_documents_but_no_database_or_web_assembly()
    {
        var references = typeof(CliApp).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("Kinerja.Domain", references);
        Assert.Contains("Kinerja.Documents", references);
        Assert.All(references, name => Assert.False(HostOrDatabase.Any(h => name.StartsWith(h, StringComparison.Ordinal)), $"kinerja references {name}"));
    }

    [Fact]
    public void Documents_references_the_domain_alone_among_the_projects_and_no_host_or_database()
    {
        var references = typeof(Kinerja.Documents.Workbook.RawWorkbook).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("Kinerja.Domain", references);
        Assert.All(references.Where(n => n.StartsWith("Kinerja.", StringComparison.Ordinal)), name => Assert.Equal("Kinerja.Domain", name));
        Assert.All(references, name => Assert.False(HostOrDatabase.Any(h => name.StartsWith(h, StringComparison.Ordinal)), $"Kinerja.Documents references {name}"));
    }

    [GeneratedRegex(@"docs/rules\.md (§\d+(?:[-/]§?\d+|,\s*§\d+)*)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^## §(\d+)\. ", RegexOptions.Multiline)]
    private static partial Regex Section();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    /// <summary>Citations of the old rulebook outside the repository that are in another branch's area at this commit.</summary>
    private static readonly string[] NotYetMoved = [];

    private static IEnumerable<string> SourceAndDocs() =>
        new[] { "src", "tests", "docs", "samples", "bench" }.Select(f => Path.Combine(Samples.Root, f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal) || p.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .Append(Path.Combine(Samples.Root, "README.md"));

    [Fact]
    public void Every_rule_citation_names_a_section_of_docs_rules_md()
    {
        var sections = Section().Matches(File.ReadAllText(Path.Combine(Samples.Root, "docs", "rules.md"))).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // one section per number, 1 to 12, in order
        Assert.Equal(Enumerable.Range(1, 12), sections);
        var cited = 0;
        foreach (var file in SourceAndDocs())
        {
            var text = File.ReadAllText(file);
            foreach (Match citation in Citation().Matches(text))
            {
                foreach (Match number in Number().Matches(citation.Groups[1].Value))
                {
                    cited++;
                    Assert.True(sections.Contains(int.Parse(number.Value, System.Globalization.CultureInfo.InvariantCulture)), $"{Path.GetRelativePath(Samples.Root, file)} cites docs/rules.md §{number.Value}, which does not exist");
                }
            }
        }

        Assert.True(cited > 50, $"only {cited} citations found");
    }

    [Fact]
    public void No_citation_points_at_a_rulebook_outside_the_repository()
    {
        var stale = SourceAndDocs().Where(f => File.ReadAllText(f).Contains("RULE" + "BOOK", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Samples.Root, f).Replace('\\', '/'))
            .Where(f => !NotYetMoved.Contains(f)).ToList();
        Assert.Empty(stale);
    }
}
