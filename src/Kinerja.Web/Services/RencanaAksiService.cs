using Kinerja.Data;
using Kinerja.Domain.Values;
using Kinerja.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>What a planned action is written with.</summary>
public sealed record RencanaAksiInput(string? Period, string? Target, string? Action, string? Responsible, string? Schedule, int? ConcurrencyVersion = null);

public sealed record RencanaAksiAction(long Id, string Period, string? Target, string Action, string? Responsible, string? Schedule, int ConcurrencyVersion);

/// <summary>A quarter of an indicator's Rencana Aksi beside its realisasi.</summary>
public sealed record RencanaAksiQuarter(string Period, string Label, string? Target, string TargetSource, IReadOnlyList<RencanaAksiAction> Actions, string? Realisasi, string? RealisasiStatus);

public sealed record RencanaAksiView(string Indicator, string Name, string Satuan, string Unit, IReadOnlyList<RencanaAksiQuarter> Quarters);

/// <summary>
/// The Rencana Aksi of an indicator: per quarter its target and the actions planned (what, who, when),
/// beside the quarter's realisasi. Operators and planners of the indicator's unit add, change and remove
/// actions; a change made from an older read is refused with what changed.
/// </summary>
public sealed class RencanaAksiService(KinerjaDbContext db, DatasetCache cache, RecordWriter writer)
{
    public async Task<RencanaAksiView> ViewAsync(ReportingYear year, IndicatorInfo info)
    {
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        var rows = await db.RencanaAksi.AsNoTracking().Where(a => a.ReportingYearId == year.Id && a.IndicatorCode == info.Code).OrderBy(a => a.Ordinal).ThenBy(a => a.Id).ToListAsync();
        var records = await db.Realisasi.AsNoTracking().Where(r => r.ReportingYearId == year.Id && r.IndicatorCode == info.Code && r.IsCurrent).ToListAsync();
        var quarters = new List<RencanaAksiQuarter>();
        for (var q = 1; q <= 4; q++)
        {
            var period = Period.OfQuarter(year.Year, q);
            var key = period.ToString();
            var actions = rows.Where(a => a.Period == key).Select(a => new RencanaAksiAction(a.Id, a.Period, a.QuarterTarget, a.Action, a.Responsible, a.Schedule, a.ConcurrencyVersion)).ToList();
            var own = actions.Select(a => a.Target).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
            var sheet = data.TargetFor(info.Code, period);
            var record = records.FirstOrDefault(r => r.Period == key);
            quarters.Add(new RencanaAksiQuarter(key, period.Label, own ?? sheet?.Value.Original, own is not null ? "Rencana Aksi" : sheet is not null ? "sheet Target" + (sheet.Document is { Length: > 0 } d ? $" ({d})" : "") : "",
                actions, record?.Value, record is null ? null : RealisasiService.StatusLabel(record.Status)));
        }

        return new RencanaAksiView(info.Code, info.Name, info.Satuan, info.UnitCode, quarters);
    }

    public async Task<Outcome> AddAsync(ReportingYear year, IndicatorInfo info, RencanaAksiInput input)
    {
        if (await CheckAsync(year, info, input) is { } refused)
            return refused;
        var ordinal = await db.RencanaAksi.Where(a => a.ReportingYearId == year.Id).Select(a => (int?)a.Ordinal).MaxAsync() ?? 0;
        db.RencanaAksi.Add(new RencanaAksiRow
        {
            ReportingYearId = year.Id, AgencyId = year.AgencyId, Ordinal = ordinal + 1, IndicatorCode = info.Code, Period = input.Period!.Trim(), QuarterTarget = Clean(input.Target),
            Action = input.Action!.Trim(), Responsible = Clean(input.Responsible), Schedule = Clean(input.Schedule), UnitCode = info.UnitCode,
        });
        return await SaveAsync(year, info, null);
    }

    public async Task<Outcome> UpdateAsync(ReportingYear year, IndicatorInfo info, RencanaAksiRow row, RencanaAksiInput input)
    {
        if (input.ConcurrencyVersion is null)
            return Outcome.VersionRequired("rencana aksi");
        if (input.ConcurrencyVersion != row.ConcurrencyVersion)
            return Outcome.Conflict(Changed(row));
        if (await CheckAsync(year, info, input) is { } refused)
            return refused;
        row.Period = input.Period!.Trim();
        row.QuarterTarget = Clean(input.Target);
        row.Action = input.Action!.Trim();
        row.Responsible = Clean(input.Responsible);
        row.Schedule = Clean(input.Schedule);
        db.Entry(row).Property(a => a.ConcurrencyVersion).OriginalValue = row.ConcurrencyVersion;
        row.ConcurrencyVersion++;
        return await SaveAsync(year, info, row.Id);
    }

    public async Task<Outcome> DeleteAsync(ReportingYear year, IndicatorInfo info, RencanaAksiRow row, int? expectedVersion)
    {
        if (expectedVersion is null)
            return Outcome.VersionRequired("rencana aksi");
        if (expectedVersion != row.ConcurrencyVersion)
            return Outcome.Conflict(Changed(row));
        db.RencanaAksi.Remove(row);
        return await SaveAsync(year, info, row.Id);
    }

    private async Task<Outcome?> CheckAsync(ReportingYear year, IndicatorInfo info, RencanaAksiInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Action))
            return Outcome.Refused("rencana aksi wajib diisi: apa yang akan dilakukan");
        var period = Period.Parse(input.Period);
        if (!period.Success || !period.Value.IsQuarter || period.Value.Year != year.Year)
            return Outcome.Refused($"periode \"{input.Period}\" bukan triwulan tahun {year.Year}; pilih {year.Year}-TW1 sampai {year.Year}-TW4");
        if (!string.IsNullOrWhiteSpace(input.Target))
        {
            var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
            var indicator = data.Indicators.First(i => i.Code == info.Code);
            var parsed = MeasuredValueParser.Parse(input.Target.Trim(), indicator.TargetKind, indicator.Satuan, indicator.OrdinalScale);
            if (!parsed.Success)
                return Outcome.Refused($"target triwulan \"{input.Target}\" tidak dapat dibaca: {parsed.Error}");
        }

        return null;
    }

    private async Task<Outcome> SaveAsync(ReportingYear year, IndicatorInfo info, long? id)
    {
        // an import previewed before this change is refused rather than overwriting it: the write path raises the year's revision
        var saved = await writer.CommitAsync(year, new WriteRequest(Operations.EnterRealisasi, info.UnitCode, $"rencana aksi {info.Code}", CheckScope.ReadBack) { RecordVersioned = true });
        if (saved.Status == WriteStatus.Conflict && id is not null)
        {
            var now = await db.RencanaAksi.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
            return Outcome.Conflict(now is null ? "rencana aksi ini telah dihapus orang lain sejak Anda membukanya; perubahan Anda tidak disimpan." : Changed(now));
        }

        return Outcome.Of(saved);
    }

    private static string Changed(RencanaAksiRow now) =>
        $"rencana aksi telah diubah orang lain sejak Anda membukanya; sekarang: \"{now.Action}\" ({now.Period}{(now.Responsible is null ? "" : ", " + now.Responsible)}{(now.Schedule is null ? "" : ", " + now.Schedule)}). Perubahan Anda tidak disimpan; muat ulang halaman lalu ulangi.";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
