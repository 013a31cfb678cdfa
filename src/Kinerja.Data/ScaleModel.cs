using Kinerja.Domain.Formulas;
using Kinerja.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kinerja.Data;

/// <summary>
/// The installation's data version (one row): raised in the same save as every change an approved figure depends on
/// (an approval or its reversal, a target, an indicator's catalogue link, an instansi's region). Caches of derived
/// figures (the national roll-up, the capaian reads) key on it, so several app servers stay correct without talking
/// to each other: each reads the number (one indexed row) and recomputes only when it moved.
/// </summary>
public sealed class DataVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}

/// <summary>The model additions of issue 23 (region codes, catalogue links, the data version), kept apart from the rest.</summary>
public static class ScaleModel
{
    public static void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<DataVersion>(e =>
        {
            e.Property(v => v.Id).ValueGeneratedNever();
            e.HasData(new DataVersion { Id = DataVersion.SingletonId, Value = 0 });
        });
        builder.Entity<Agency>(e =>
        {
            e.Property(a => a.RegionCode).HasMaxLength(5);
            e.HasIndex(a => a.RegionCode);
        });
        builder.Entity<IndicatorInfo>(e =>
        {
            e.Property(i => i.CatalogueCode).HasMaxLength(60);
            e.HasIndex(i => new { i.CatalogueCode, i.ReportingYearId });
        });
    }

    /// <summary>Whether the pending save changes something an approved figure or the roll-up reads.</summary>
    public static bool ChangesApprovedData(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            switch (entry.Entity)
            {
                case RealisasiRecord record:
                    var was = entry.State == EntityState.Added ? (EntryStatus?)null : (EntryStatus)entry.Property(nameof(RealisasiRecord.Status)).OriginalValue!;
                    if (record.Status == EntryStatus.Disahkan || was == EntryStatus.Disahkan)
                        return true;
                    break;
                case TargetRow or IndicatorInfo:
                    return true;
                // every write raises a year's revision; only a year added or removed changes what the roll-up lists
                case ReportingYear when entry.State != EntityState.Modified:
                    return true;
                case Agency when entry.State != EntityState.Modified || entry.Property(nameof(Agency.RegionCode)).IsModified:
                    return true;
                case WorkbookRow row when row.Sheet == CountsSheet:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The sheet of the counts (NilaiData) in <see cref="WorkbookRow"/>: the roll-up's regions are sums of them.</summary>
    public const string CountsSheet = "dataValues";

    public static void RaiseDataVersion(KinerjaDbContext db) =>
        db.DataVersions.Where(v => v.Id == DataVersion.SingletonId).ExecuteUpdate(s => s.SetProperty(v => v.Value, v => v.Value + 1));

    public static Task RaiseDataVersionAsync(KinerjaDbContext db, CancellationToken cancellationToken = default) =>
        db.DataVersions.Where(v => v.Id == DataVersion.SingletonId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1), cancellationToken);

    public static Task<long> DataVersionAsync(KinerjaDbContext db, CancellationToken cancellationToken = default) =>
        db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.SingletonId).Select(v => v.Value).SingleAsync(cancellationToken);

    /// <summary>
    /// The catalogue indicator an agency's indicator measures: the same code (TPT), or the same computable formula
    /// written with other spacing. Null for the agency's own indicators.
    /// </summary>
    public static string? CatalogueCodeOf(string code, string? formulaExpression)
    {
        var catalogue = IndicatorCatalogue.Labour;
        if (catalogue.Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase)) is { } byCode)
            return byCode.Code;
        if (string.IsNullOrWhiteSpace(formulaExpression))
            return null;
        var mine = Squeeze(formulaExpression);
        return catalogue.Indicators.FirstOrDefault(i => Squeeze(i.Formula.Text) == mine)?.Code;
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
}
