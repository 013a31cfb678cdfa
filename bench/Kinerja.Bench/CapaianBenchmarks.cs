using BenchmarkDotNet.Attributes;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Measurement.Bulk;
using Kinerja.Domain.Values;

namespace Kinerja.Bench;

/// <summary>
/// Capaian over a synthetic national dataset: 548 regions x 40 offices x 50 indicators x 4 quarters
/// = 4.384.000 values, in memory, on one thread. Values/s = 4.384.000 / mean time.
/// </summary>
[MemoryDiagnoser]
public class CapaianBenchmarks
{
    public const int Regions = 548;
    public const int Offices = 40;
    public const int Indicators = 50;
    public const int Quarters = 4;
    public const int Count = Regions * Offices * Indicators * Quarters;

    private long[] _target = [];
    private long[] _realisasi = [];
    private BulkRule[] _rule = [];
    private long[] _micro = [];
    private BulkStatus[] _status = [];
    private decimal[] _targetDecimal = [];
    private decimal[] _realisasiDecimal = [];
    private decimal[] _capaianDecimal = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(548);
        _target = new long[Count];
        _realisasi = new long[Count];
        _rule = new BulkRule[Count];
        _micro = new long[Count];
        _status = new BulkStatus[Count];
        _targetDecimal = new decimal[Count];
        _realisasiDecimal = new decimal[Count];
        _capaianDecimal = new decimal[Count];
        for (var i = 0; i < Count; i++)
        {
            var indicator = i / Quarters % Indicators;
            // every tenth indicator is lower-is-better (TPT-like); rates in hundredths, counts as whole numbers
            _rule[i] = indicator % 10 == 0 ? BulkRule.LowerB : indicator % 10 == 5 ? BulkRule.LowerA : BulkRule.HigherIsBetter;
            var isCount = indicator % 3 == 0;
            var target = isCount ? random.NextInt64(100, 2_000_000) : random.NextInt64(100, 10_000);
            _target[i] = target;
            _realisasi[i] = i % 211 == 0 ? BulkCapaian.NotAvailable : Math.Max(1, target * random.Next(50, 150) / 100);
            _targetDecimal[i] = isCount ? target : target / 100m;
            _realisasiDecimal[i] = _realisasi[i] == BulkCapaian.NotAvailable ? -1m : isCount ? _realisasi[i] : _realisasi[i] / 100m;
        }
    }

    [Benchmark(Description = "bulk: scaled integers, columns (exact)", OperationsPerInvoke = 1)]
    public int Bulk() => BulkCapaian.Compute(_target, _realisasi, _rule, 120_000_000, _micro, _status);

    [Benchmark(Baseline = true, Description = "decimal engine per value (CapaianCalculator.Number)")]
    public int DecimalEngine()
    {
        var computed = 0;
        for (var i = 0; i < Count; i++)
        {
            if (_realisasiDecimal[i] < 0)
                continue;
            var polarity = _rule[i] == BulkRule.HigherIsBetter ? Polarity.HigherIsBetter : Polarity.LowerIsBetter;
            var method = _rule[i] == BulkRule.LowerB ? LowerIsBetterMethod.B : LowerIsBetterMethod.A;
            var c = CapaianCalculator.Number(_targetDecimal[i], _realisasiDecimal[i], polarity, method, 120m);
            _capaianDecimal[i] = c.Value;
            computed++;
        }

        return computed;
    }
}
