using Kinerja.Domain.Measurement;
using Kinerja.Domain.Measurement.Bulk;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests;

public class BulkCapaianTests
{
    private static (long Micro, BulkStatus Status) One(long target, long realisasi, BulkRule rule, long? cap = null)
    {
        Span<long> result = stackalloc long[1];
        Span<BulkStatus> status = stackalloc BulkStatus[1];
        BulkCapaian.Compute([target], [realisasi], [rule], cap, result, status);
        return (result[0], status[0]);
    }

    [Fact]
    public void Bulk_path_reproduces_the_seed_figures()
    {
        // hundredths: 78,73 / 81,75 = 96,31% (000); 2,71 / 2,76 method B = 98,19% (003); 1.040.746 / 2.000.000 = 52,04% (002)
        Assert.Equal(96.31m, BulkCapaian.Round(One(8175, 7873, BulkRule.HigherIsBetter).Micro, 2, RoundingMode.HalfUp));
        Assert.Equal(98.19m, BulkCapaian.Round(One(271, 276, BulkRule.LowerB).Micro, 2, RoundingMode.HalfUp));
        Assert.Equal(98.15m, BulkCapaian.Round(One(271, 276, BulkRule.LowerA).Micro, 2, RoundingMode.HalfUp));
        Assert.Equal(52.04m, BulkCapaian.Round(One(2_000_000, 1_040_746, BulkRule.HigherIsBetter).Micro, 2, RoundingMode.HalfUp));
        // 3,65 / 3 capped at 120 (001)
        Assert.Equal(120_000_000, One(300, 365, BulkRule.HigherIsBetter, 120_000_000).Micro);
    }

    [Fact]
    public void Bulk_path_marks_not_available_and_not_computable_rows()
    {
        Assert.Equal(BulkStatus.NotAvailable, One(100, BulkCapaian.NotAvailable, BulkRule.HigherIsBetter).Status);
        Assert.Equal(BulkStatus.NotComputable, One(0, 5, BulkRule.HigherIsBetter).Status);
        Assert.Equal(BulkStatus.NotComputable, One(5, 0, BulkRule.LowerB).Status);
        Assert.Equal((100_000_000L, BulkStatus.Computed), One(0, 0, BulkRule.Zero));
        Assert.Equal((0L, BulkStatus.Computed), One(0, 3, BulkRule.Zero));
        Assert.Equal(0L, One(5, 12, BulkRule.LowerA).Micro); // floor at zero
    }

    [Fact]
    public void Bulk_path_agrees_exactly_with_the_decimal_engine_on_random_and_edge_values()
    {
        var random = new Random(20241231);
        var rules = new[] { BulkRule.HigherIsBetter, BulkRule.LowerA, BulkRule.LowerB };
        var n = 200_000;
        var targets = new long[n];
        var reals = new long[n];
        var rule = new BulkRule[n];
        for (var i = 0; i < n; i++)
        {
            // a mix of small rates (hundredths), people counts and huge values that take the 128-bit path
            var magnitude = (i % 3) switch { 0 => 10_000L, 1 => 100_000_000L, _ => 4_000_000_000_000_000L };
            targets[i] = random.NextInt64(1, magnitude);
            reals[i] = i % 97 == 0 ? targets[i] : random.NextInt64(0, magnitude);
            rule[i] = rules[i % 3];
        }

        // exact midpoints: 1 / 8 = 12,5% -> 12,50; 1 / 1600 = 0,0625% -> half-up 0,063 at 3 decimals
        targets[0] = 8; reals[0] = 1; rule[0] = BulkRule.HigherIsBetter;
        targets[1] = 1600; reals[1] = 1; rule[1] = BulkRule.HigherIsBetter;
        var micro = new long[n];
        var status = new BulkStatus[n];
        BulkCapaian.Compute(targets, reals, rule, null, micro, status);
        for (var i = 0; i < n; i++)
        {
            var polarity = rule[i] == BulkRule.HigherIsBetter ? Polarity.HigherIsBetter : Polarity.LowerIsBetter;
            var method = rule[i] == BulkRule.LowerB ? LowerIsBetterMethod.B : LowerIsBetterMethod.A;
            var expected = CapaianCalculator.Number(targets[i], reals[i], polarity, method, null);
            if (!expected.HasValue)
            {
                Assert.NotEqual(BulkStatus.Computed, status[i]);
                continue;
            }

            foreach (var decimals in new[] { 0, 2, 3, 5 })
            {
                foreach (var mode in new[] { RoundingMode.HalfUp, RoundingMode.Truncate })
                {
                    var want = Rounding.Apply(expected.Value, decimals, mode);
                    if (want > 9_000_000_000_000m)
                        continue; // beyond the micro-percent range; never a real capaian
                    Assert.Equal(want, BulkCapaian.Round(micro[i], decimals, mode));
                }
            }
        }

        Assert.Equal(12.5m, BulkCapaian.Round(micro[0], 2, RoundingMode.HalfUp));
        Assert.Equal(0.063m, BulkCapaian.Round(micro[1], 3, RoundingMode.HalfUp));
        Assert.Equal(0.062m, BulkCapaian.Round(micro[1], 3, RoundingMode.Truncate));
    }

    [Fact]
    public void Scaling_refuses_values_that_do_not_fit_the_scale()
    {
        Assert.True(BulkCapaian.TryScale(78.73m, 2, out var scaled));
        Assert.Equal(7873, scaled);
        Assert.False(BulkCapaian.TryScale(34.7864596809m, 2, out _));
    }
}
