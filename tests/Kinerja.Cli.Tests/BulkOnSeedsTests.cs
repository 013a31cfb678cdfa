using Kinerja.Documents.Workbook;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Measurement.Bulk;

namespace Kinerja.Cli.Tests;

public class BulkOnSeedsTests
{
    [Theory]
    [InlineData("banjar-2025.json")]
    [InlineData("kemnaker-2024.json")]
    [InlineData("kemenko-tw1-2026.json")]
    [InlineData("pasar-kerja-2021.json")]
    [InlineData("clean-demo.json")]
    public void The_bulk_path_displays_every_seed_capaian_exactly_as_the_decimal_engine(string sample)
    {
        var data = DatasetImporter.Load(Samples.Path(sample));
        var result = PerformanceCalculator.Compute(data);
        var rows = result.Indicators.Select(r => new CapaianInput(r.Indicator, r.Target, r.Realisasi)).ToList();
        var columns = CapaianColumns.Compute(rows, data.Profile);
        for (var i = 0; i < rows.Count; i++)
            Assert.Equal(CapaianDisplay.Text(data.Profile, result.Indicators[i].Capaian), columns.Display(i, data.Profile));
        // only ranges, grades, scores, N/A and the like leave the integer path
        Assert.True(columns.FallbackCount < rows.Count);
    }

    [Fact]
    public void Banjar_numbers_go_through_the_integer_path_and_the_Kemenko_range_and_score_do_not()
    {
        var banjar = DatasetImporter.Load(Samples.Path("banjar-2025.json"));
        var b = PerformanceCalculator.Compute(banjar);
        var bColumns = CapaianColumns.Compute(b.Indicators.Select(r => new CapaianInput(r.Indicator, r.Target, r.Realisasi)).ToList(), banjar.Profile);
        Assert.Equal(0, bColumns.FallbackCount);
        var ik1 = b.Indicators.ToList().FindIndex(r => r.Indicator.Code == "IK-1");
        Assert.Equal("131,71%", bColumns.Display(ik1, banjar.Profile));

        var kemenko = DatasetImporter.Load(Samples.Path("kemenko-tw1-2026.json"));
        var k = PerformanceCalculator.Compute(kemenko);
        var kColumns = CapaianColumns.Compute(k.Indicators.Select(r => new CapaianInput(r.Indicator, r.Target, r.Realisasi)).ToList(), kemenko.Profile);
        // IKU-1.2 (range), 1.4 (N/A) and 3.1 (score) fall back; 1.3 as printed (34,79%) takes the integer path
        Assert.Equal(3, kColumns.FallbackCount);
        // the counts give the 10-decimal realisasi, beyond the integer path
        var measured = Measure.Prepare(DataImporter.Load(Samples.Path("kemenko-tw1-2026.json"), [Samples.Path("data/kemenko-tw1-2026.json")]));
        var m = PerformanceCalculator.Compute(measured);
        Assert.Equal(4, CapaianColumns.Compute(m.Indicators.Select(r => new CapaianInput(r.Indicator, r.Target, r.Realisasi)).ToList(), measured.Profile).FallbackCount);
    }
}
