using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Workbook;

/// <summary>Sheet RencanaAksi: checked on import (the web keeps it; the reports do not print it yet).</summary>
public sealed partial class DatasetImporter
{
    private void CheckActionPlan(Dictionary<string, Indicator> indicators, int? year)
    {
        foreach (var row in Rows("actionPlan"))
        {
            if (row.IsEmpty)
                continue;
            var code = Required(row, "indicator");
            Indicator? indicator = null;
            if (code is not null && !indicators.TryGetValue(code, out indicator))
                Error(Where(row, "indicator"), $"indikator \"{code}\" tidak ada di sheet Indikator");
            Required(row, "action");
            if (Required(row, "period") is { } periodText)
            {
                var parsed = Period.Parse(periodText);
                if (!parsed.Success)
                    Error(Where(row, "period"), parsed.Error!);
                else if (!parsed.Value.IsQuarter || (year is { } y && parsed.Value.Year != y))
                    Error(Where(row, "period"), $"\"{periodText}\" bukan triwulan tahun {year}; tulis {year}-TW1 sampai {year}-TW4");
            }

            if (indicator is not null && Text(row, "target") is { } target)
            {
                var value = MeasuredValueParser.Parse(target, indicator.TargetKind, indicator.Satuan, indicator.OrdinalScale);
                if (!value.Success)
                    Error(Where(row, "target"), value.Error!);
            }
        }
    }
}
