using Kinerja.Domain.Model;

namespace Kinerja.Domain.Tests;

public sealed class IndicatorsMeasuringTests
{
    [Fact]
    public void An_indicator_under_two_plan_nodes_is_listed_under_both_in_workbook_order()
    {
        Indicator first = A.Indicator("IK-1").Goal("S1");
        var shared = A.Indicator("IK-2").Goal("S2").Build() with { OtherGoalCodes = ["S1", "S2"] };
        Indicator third = A.Indicator("IK-3").Goal("S1");
        var data = new PerformanceDataset { Profile = A.Profile(), Indicators = [first, shared, third] };

        Assert.Equal(["IK-1", "IK-2", "IK-3"], data.IndicatorsMeasuring("S1").Select(i => i.Code));
        Assert.Equal(["IK-2"], data.IndicatorsMeasuring("S2").Select(i => i.Code));
        Assert.Empty(data.IndicatorsMeasuring("S9"));
        // the same answer as asking every indicator, for every node
        foreach (var node in new[] { "S1", "S2", "S9" })
            Assert.Equal(data.Indicators.Where(i => i.Measures(node)), data.IndicatorsMeasuring(node));
    }

    [Fact]
    public void A_copy_with_other_indicators_is_indexed_again()
    {
        var data = new PerformanceDataset { Profile = A.Profile(), Indicators = [A.Indicator("IK-1").Goal("S1")] };
        Assert.Single(data.IndicatorsMeasuring("S1"));
        var moved = data with { Indicators = [A.Indicator("IK-1").Goal("S2")] };
        Assert.Empty(moved.IndicatorsMeasuring("S1"));
        Assert.Equal(["IK-1"], moved.IndicatorsMeasuring("S2").Select(i => i.Code));
    }
}
