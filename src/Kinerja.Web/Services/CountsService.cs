using System.Text.Json;
using Kinerja.Data;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.DataElements;
using Kinerja.Domain.Formulas;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;
using Kinerja.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>A data element a computed indicator's formula uses, with its count for the unit and period; editable when the element is counted per such period.</summary>
public sealed record CountField(string Code, string Name, string Satuan, string? Value, bool Editable, string? Why);

/// <summary>The counts of a computed indicator for one period and what the domain computes from them.</summary>
public sealed record CountsView(string Formula, IReadOnlyList<CountField> Fields, string? Computed, string? Capaian, string? Problem);

/// <summary>
/// The data elements (counts) that feed an indicator computed by a formula, entered per period on its
/// realisasi page. They are the workbook's sheet NilaiData (kept as its cells, so an export gives them
/// back); the realisasi and capaian are computed from them by the domain's formula evaluator.
/// </summary>
public sealed class CountsService(KinerjaDbContext db, DatasetCache cache, RecordWriter writer)
{
    private const string Sheet = "dataValues";

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<CountsView?> ViewAsync(ReportingYear year, IndicatorInfo info, string periodText)
    {
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        var indicator = data.Indicators.FirstOrDefault(i => i.Code == info.Code);
        if (indicator is null || string.IsNullOrWhiteSpace(indicator.FormulaExpression))
            return null;
        var period = Period.Parse(periodText).Value;
        var parsed = Formula.Parse(indicator.FormulaExpression);
        if (!parsed.Success)
            return new CountsView(indicator.FormulaExpression, [], null, null, "rumus hitung tidak sah: " + parsed.Error);
        var fields = new List<CountField>();
        foreach (var code in parsed.Value.Elements.Select(e => e.Code).Distinct(StringComparer.Ordinal))
        {
            var element = data.DataElements.FirstOrDefault(e => e.Code == code);
            if (element is null)
                continue;
            var value = data.DataValues.FirstOrDefault(v => v.ElementCode == code && v.UnitCode == info.UnitCode && v.Period == DataPeriod.From(period) && v.IsTotal);
            var editable = Fits(element.PeriodType, period);
            fields.Add(new CountField(code, element.Name, element.Satuan, value is null ? null : IndonesianNumber.Format(value.Value, 4, RoundingMode.HalfUp, trimZeroDecimals: true),
                editable, editable ? null : "dihitung per " + PeriodName(element.PeriodType) + "; isi lewat buku kerja (sheet NilaiData)"));
        }

        var (computed, capaian, problem) = Compute(data, indicator, parsed.Value, period);
        return new CountsView(indicator.FormulaExpression, fields, computed, capaian, problem);
    }

    /// <summary>The realisasi the counts give and its capaian against the period's target, as the engine measures it.</summary>
    private static (string? Computed, string? Capaian, string? Problem) Compute(PerformanceDataset data, Indicator indicator, Formula formula, Period period)
    {
        var scope = FormulaScope.Of(data);
        var errors = FormulaValidator.Validate(formula, scope, indicator.Code, indicator.Satuan);
        if (errors.Count > 0)
            return (null, null, "rumus hitung tidak sah: " + string.Join("; ", errors));
        var store = new DataValueStore(data.DataElements, data.DataValues, data.Units);
        var outcome = new FormulaEvaluator(MissingValueStrategy.Skip, scope).Evaluate(formula, new StoreValues(store, null, DataPeriod.From(period)));
        var realisasi = new ComputedRealisasi(indicator, period, outcome, FormulaDescriber.Describe(formula, scope)).ToRealisasi(null, data.Profile);
        if (realisasi is null)
            return (null, null, "belum dapat dihitung: hitungan belum lengkap");
        var withComputed = data with { Realisasi = data.Realisasi.Where(r => !(r.IndicatorCode == indicator.Code && r.Period == period)).Append(realisasi).ToList() };
        var row = PerformanceCalculator.Compute(withComputed, period).Indicators.First(i => i.Indicator.Code == indicator.Code);
        return (realisasi.Value?.Original, row.Capaian.HasValue ? data.Profile.FormatPercent(row.Capaian.Value) : Dashboard.CapaianText(row.Capaian), null);
    }

    private static bool Fits(DataPeriodType type, Period period) =>
        (type == DataPeriodType.Quarter && period.IsQuarter) || (type == DataPeriodType.Year && period.IsYear);

    private static string PeriodName(DataPeriodType type) => type switch
    {
        DataPeriodType.Week => "minggu",
        DataPeriodType.Month => "bulan",
        DataPeriodType.Quarter => "triwulan",
        _ => "tahun",
    };

    /// <summary>
    /// Writes the counts of one unit and period (an empty one removes its row), all or nothing: the year's
    /// revision the page read guards against two people saving at once, and the workbook checks run on the result.
    /// </summary>
    public async Task<Outcome> SaveAsync(ReportingYear year, IndicatorInfo info, string periodText, IReadOnlyDictionary<string, string?> counts, int expectedRevision)
    {
        if (year.Revision != expectedRevision)
            return Outcome.Conflict("data tahun ini telah diubah sejak Anda membuka halaman; hitungan Anda tidak disimpan. Muat ulang halaman lalu ulangi.");
        var view = await ViewAsync(year, info, periodText);
        if (view is null)
            return Outcome.Refused("indikator ini tidak dihitung dari data elemen");
        var editable = view.Fields.Where(f => f.Editable).ToDictionary(f => f.Code, StringComparer.Ordinal);
        foreach (var (code, text) in counts)
        {
            if (!editable.ContainsKey(code))
                return Outcome.Refused($"elemen data \"{code}\" tidak dapat diisi pada periode ini");
            if (!string.IsNullOrWhiteSpace(text) && IndonesianNumber.Parse(text.Trim()) is { Success: false } bad)
                return Outcome.Refused($"hitungan {code} \"{text}\": {bad.Error}");
        }

        var rows = await db.WorkbookRows.Where(r => r.ReportingYearId == year.Id && r.Sheet == Sheet).OrderBy(r => r.Ordinal).ToListAsync();
        var ordinal = rows.Select(r => r.Ordinal).DefaultIfEmpty(0).Max();
        var before = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var after = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (code, text) in counts)
        {
            var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            var row = rows.FirstOrDefault(r => Same(r, code, info.UnitCode, periodText));
            var old = row is null ? null : Cells(row).GetValueOrDefault("value");
            if (old == value)
                continue;
            (before[code], after[code]) = (old, value);
            if (row is null)
                db.WorkbookRows.Add(new WorkbookRow { ReportingYearId = year.Id, Sheet = Sheet, Ordinal = ++ordinal, CellsJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["element"] = code, ["unit"] = info.UnitCode, ["period"] = periodText, ["value"] = value! }, Json) });
            else if (value is null)
                db.WorkbookRows.Remove(row);
            else
            {
                var cells = Cells(row);
                cells["value"] = value;
                row.CellsJson = JsonSerializer.Serialize(cells, Json);
            }
        }

        if (after.Count == 0)
            return Outcome.Done(null);
        if (!year.SheetsPresent.Split(';').Contains(Sheet))
            year.SheetsPresent = string.Join(';', year.SheetsPresent.Split(';', StringSplitOptions.RemoveEmptyEntries).Append(Sheet).Order(StringComparer.Ordinal));
        // counts are a draft's inputs: they must read back as sheet NilaiData; the checks about them run when the value is submitted
        var saved = await writer.CommitAsync(year, new WriteRequest(Operations.EnterRealisasi, info.UnitCode, $"hitungan {info.Code} {periodText}", CheckScope.ReadBack),
            new RecordWriter.AuditNote("DataValue", $"{year.Id}|{info.Code}|{periodText}", "ubah", before, after));
        return Outcome.Of(saved);
    }

    private static bool Same(WorkbookRow row, string code, string unit, string period)
    {
        var cells = Cells(row);
        return cells.GetValueOrDefault("element") == code && cells.GetValueOrDefault("unit") == unit && cells.GetValueOrDefault("period") == period && string.IsNullOrEmpty(cells.GetValueOrDefault("breakdown"));
    }

    private static Dictionary<string, string> Cells(WorkbookRow row) => JsonSerializer.Deserialize<Dictionary<string, string>>(row.CellsJson) ?? [];
}
