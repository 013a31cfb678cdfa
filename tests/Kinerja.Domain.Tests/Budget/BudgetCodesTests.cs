using Kinerja.Domain.Budget;
using static Kinerja.Domain.Tests.Budget.BudgetLines;

namespace Kinerja.Domain.Tests.Budget;

public class BudgetCodesTests
{
    [Theory]
    [InlineData("2176", "Kegiatan")]
    [InlineData("2176.BAA", "KRO")]
    [InlineData("2176.BAA.001", "RO")]
    [InlineData("2176.BAA.001.051", "Komponen")]
    [InlineData("2176.BAA.001.051.A", "SubKomponen")]
    [InlineData("1.03.02", "Program")]
    [InlineData("1.03.02.2.01", "Kegiatan")]
    [InlineData("1.03.02.2.01.0001", "SubKegiatan")]
    [InlineData("P1.K2", null)]
    public void A_code_shape_tells_its_level(string code, string? level) => Assert.Equal(level, BudgetCodes.LevelOf(code));

    [Fact]
    public void Parents_of_a_flat_export_come_from_the_longest_existing_prefix()
    {
        var lines = BudgetCodes.InferParents(
        [
            Line("2176", null, 1m, 1m),
            Line("2176.BAA", null, 1m, 1m),
            Line("2176.BAA.001.051", null, 1m, 1m), // RO 2176.BAA.001 missing from the export
            Line("1.03.02.2.01.0001", null, 1m, 1m),
        ]);

        Assert.Equal([null, "2176", "2176.BAA", null], lines.Select(l => l.ParentCode));
        Assert.Equal(["Kegiatan", "KRO", "Komponen", "SubKegiatan"], lines.Select(l => l.Level));
    }
}
