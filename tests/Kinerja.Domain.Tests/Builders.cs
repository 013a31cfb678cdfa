using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Tests;

/// <summary>Test data builders: each test says only what it is about.</summary>
public static class A
{
    public static IndicatorBuilder Indicator(string code = "IK-1") => new(code);

    public static AgencyProfile Profile(decimal? cap = null, LowerIsBetterMethod method = LowerIsBetterMethod.A, RoundingMode rounding = RoundingMode.HalfUp, PredicateScale? scale = null, string period = "2024") => new()
    {
        Agency = "Dinas Uji",
        Year = Period.Parse(period).Value.Year,
        ReportPeriod = Period.Parse(period).Value,
        CapaianCap = cap,
        LowerIsBetterMethod = method,
        Rounding = rounding,
        PredicateScale = scale ?? PredicateScale.TwoState,
    };

    public static MeasuredValue Value(string text, Indicator indicator) =>
        MeasuredValueParser.Parse(text, indicator.TargetKind, indicator.Satuan, indicator.OrdinalScale).Value;

    public static Capaian Capaian(Indicator indicator, string target, string realisasi, AgencyProfile? profile = null) =>
        CapaianCalculator.Compute(indicator, Value(target, indicator), Value(realisasi, indicator), profile ?? Profile());
}

public sealed class IndicatorBuilder(string code)
{
    private Indicator _indicator = new() { Code = code, GoalCode = "S1", Name = "Indikator uji", Satuan = "Persen" };

    public IndicatorBuilder LowerIsBetter(LowerIsBetterMethod? method = null)
    {
        _indicator = _indicator with { Polarity = Polarity.LowerIsBetter, LowerMethod = method };
        return this;
    }

    public IndicatorBuilder Kind(TargetKind kind, OrdinalScale? scale = null)
    {
        _indicator = _indicator with { TargetKind = kind, OrdinalScale = scale };
        return this;
    }

    public IndicatorBuilder Satuan(string satuan)
    {
        _indicator = _indicator with { Satuan = satuan };
        return this;
    }

    public IndicatorBuilder Goal(string goal, decimal? weight = null)
    {
        _indicator = _indicator with { GoalCode = goal, Weight = weight };
        return this;
    }

    public IndicatorBuilder Aggregation(PeriodAggregation aggregation)
    {
        _indicator = _indicator with { Aggregation = aggregation };
        return this;
    }

    public Indicator Build() => _indicator;

    public static implicit operator Indicator(IndicatorBuilder builder) => builder.Build();
}
