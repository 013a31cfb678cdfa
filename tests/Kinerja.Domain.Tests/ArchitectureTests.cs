namespace Kinerja.Domain.Tests;

public class ArchitectureTests
{
    [Fact]
    public void The_domain_depends_on_nothing_but_the_base_library()
    {
        var references = typeof(Model.PerformanceDataset).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", $"Kinerja.Domain references {name}"));
    }
}
