using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kinerja.Data;

/// <summary>
/// The database of an installation. The same model runs on SQLite (the embedded default) and
/// PostgreSQL; each provider has its own migrations, in <see cref="SqliteKinerjaDbContext"/> and
/// <see cref="PostgresKinerjaDbContext"/>.
/// </summary>
public class KinerjaDbContext(DbContextOptions options, TimeProvider? clock = null) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<ReportingYear> Years => Set<ReportingYear>();

    public DbSet<WorkbookRow> WorkbookRows => Set<WorkbookRow>();

    public DbSet<IndicatorInfo> Indicators => Set<IndicatorInfo>();

    public DbSet<TargetRow> Targets => Set<TargetRow>();

    public DbSet<RealisasiRecord> Realisasi => Set<RealisasiRecord>();

    public DbSet<WorkflowEvent> WorkflowEvents => Set<WorkflowEvent>();

    public DbSet<EvidenceFile> Evidence => Set<EvidenceFile>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<PkVersionRow> PkVersions => Set<PkVersionRow>();

    public DbSet<PkBudgetRow> PkBudget => Set<PkBudgetRow>();

    public DbSet<RencanaAksiRow> RencanaAksi => Set<RencanaAksiRow>();

    // Evaluasi AKIP (issue 22): the model is in EvaluationEntities.cs, its mapping in OnEvaluationModelCreating
    public DbSet<EvaluationWorksheetRow> EvaluationWorksheets => Set<EvaluationWorksheetRow>();

    public DbSet<EvaluationRound> EvaluationRounds => Set<EvaluationRound>();

    public DbSet<EvaluationRoundEvaluator> EvaluationRoundEvaluators => Set<EvaluationRoundEvaluator>();

    public DbSet<EvaluationAnswer> EvaluationAnswers => Set<EvaluationAnswer>();

    public DbSet<EvaluationReview> EvaluationReviews => Set<EvaluationReview>();

    public DbSet<EvaluationComponentNote> EvaluationComponentNotes => Set<EvaluationComponentNote>();

    public DbSet<EvaluationRecommendation> EvaluationRecommendations => Set<EvaluationRecommendation>();

    public DbSet<EvaluationFollowUpEntry> EvaluationFollowUps => Set<EvaluationFollowUpEntry>();
    public DbSet<PublishedDocument> PublishedDocuments => Set<PublishedDocument>();
    public DbSet<CycleDeadlineRow> CycleDeadlines => Set<CycleDeadlineRow>();

    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<PeriodReopening> PeriodReopenings => Set<PeriodReopening>();
    /// <summary>Issue 23: the installation's data version, raised by every approval (the caches of every app server key on it).</summary>
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    public DbSet<PendingUpload> PendingUploads => Set<PendingUpload>();

    public DbSet<DocumentBuildRecord> DocumentBuilds => Set<DocumentBuildRecord>();
    /// <summary>
    /// ASP.NET Core Data Protection keys (sign-in cookies, antiforgery tokens), shared by every app server on this
    /// database: a cookie one server issued is read by the next (issue 23).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Who the audit log names for the changes saved through this context.</summary>
    public string AuditUser { get; set; } = "sistem";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Agency>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(300);
            e.HasIndex(a => a.Name).IsUnique();
            e.Property(a => a.Kind).HasMaxLength(10);
            // on by default (issue 21); the switch's value is its own version: two administrators flipping it at once, one is refused
            e.Property(a => a.LockPeriods).IsConcurrencyToken();
            e.HasMany(a => a.Units).WithOne().HasForeignKey(u => u.AgencyId);
            e.HasMany(a => a.Years).WithOne(y => y.Agency).HasForeignKey(y => y.AgencyId);
        });
        builder.Entity<Unit>(e =>
        {
            e.HasIndex(u => new { u.AgencyId, u.Code }).IsUnique();
            e.Property(u => u.Code).HasMaxLength(100);
            e.Property(u => u.Name).HasMaxLength(500);
        });
        builder.Entity<Assignment>(e =>
        {
            e.HasIndex(a => new { a.UserId, a.AgencyId }).IsUnique();
            e.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
            e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId);
            e.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId);
            e.Ignore(a => a.UnitSet);
        });
        builder.Entity<ReportingYear>(e =>
        {
            e.HasIndex(y => new { y.AgencyId, y.Year }).IsUnique();
            e.Property(y => y.Revision).IsConcurrencyToken();
        });
        builder.Entity<WorkbookRow>(e =>
        {
            e.HasIndex(r => new { r.ReportingYearId, r.Sheet, r.Ordinal });
            e.HasOne<ReportingYear>().WithMany().HasForeignKey(r => r.ReportingYearId);
        });
        builder.Entity<IndicatorInfo>(e =>
        {
            e.HasIndex(i => new { i.ReportingYearId, i.Code });
            e.HasOne<ReportingYear>().WithMany().HasForeignKey(i => i.ReportingYearId);
        });
        builder.Entity<TargetRow>(e =>
        {
            e.HasIndex(t => new { t.ReportingYearId, t.IndicatorCode });
            e.Property(t => t.ConcurrencyVersion).IsConcurrencyToken();
            e.HasOne<ReportingYear>().WithMany().HasForeignKey(t => t.ReportingYearId);
        });
        builder.Entity<RealisasiRecord>(e =>
        {
            e.HasIndex(r => new { r.ReportingYearId, r.IndicatorCode, r.Period, r.Version }).IsUnique();
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.ConcurrencyVersion).IsConcurrencyToken();
            e.HasOne<ReportingYear>().WithMany().HasForeignKey(r => r.ReportingYearId);
            e.HasMany(r => r.Events).WithOne().HasForeignKey(w => w.RealisasiRecordId);
            e.HasMany(r => r.Evidence).WithOne().HasForeignKey(f => f.RealisasiRecordId);
        });
        builder.Entity<WorkflowEvent>(e =>
        {
            e.Property(w => w.From).HasConversion<string>().HasMaxLength(20);
            e.Property(w => w.To).HasConversion<string>().HasMaxLength(20);
        });
        builder.Entity<EvidenceFile>(e => e.Property(f => f.Sha256).HasMaxLength(64));
        builder.Entity<PkVersionRow>(e =>
        {
            e.HasIndex(v => new { v.ReportingYearId, v.Ordinal });
            e.Property(v => v.PkVersion).HasMaxLength(100);
            e.Property(v => v.ConcurrencyVersion).IsConcurrencyToken();
            e.HasOne<ReportingYear>().WithMany().HasForeignKey(v => v.ReportingYearId);
        });
        builder.Entity<PkBudgetRow>(e =>
        {
            e.HasIndex(b => new { b.ReportingYearId, b.Ordinal });
            e.Property(b => b.PkVersion).HasMaxLength(100);
            e.Property(b => b.ConcurrencyVersion).IsConcurrencyToken();
            e.HasOne<ReportingYear>().WithMany().HasForeignKey(b => b.ReportingYearId);
        });
        builder.Entity<RencanaAksiRow>(e =>
        {
            e.HasIndex(r => new { r.ReportingYearId, r.IndicatorCode });
            e.Property(r => r.IndicatorCode).HasMaxLength(100);
            e.Property(r => r.Period).HasMaxLength(20);
            e.Property(r => r.ConcurrencyVersion).IsConcurrencyToken();
            e.HasOne<ReportingYear>().WithMany().HasForeignKey(r => r.ReportingYearId);
        });
        builder.Entity<AuditEntry>(e => e.HasIndex(a => new { a.AgencyId, a.Entity, a.EntityKey }));
        builder.Entity<CycleDeadlineRow>(e =>
        {
            e.HasIndex(d => new { d.AgencyId, d.Year, d.StepKey }).IsUnique();
            e.Property(d => d.StepKey).HasMaxLength(40);
            e.Property(d => d.Reason).HasMaxLength(500);
            e.Property(d => d.ConcurrencyVersion).IsConcurrencyToken();
            e.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId);
        });
        builder.Entity<PublishedDocument>(e =>
        {
            e.HasIndex(d => new { d.AgencyId, d.Year });
            e.Property(d => d.Kind).HasMaxLength(20);
            e.Property(d => d.PkVersion).HasMaxLength(100);
            e.Property(d => d.Format).HasMaxLength(10);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.Property(d => d.ScanSha256).HasMaxLength(64);
            e.Property(d => d.ConcurrencyVersion).IsConcurrencyToken();
            e.HasOne<ReportingYear>().WithMany().HasForeignKey(d => d.ReportingYearId);
        });
        builder.Entity<PeriodReopening>(e =>
        {
            e.HasIndex(x => new { x.AgencyId, x.Year, x.Period, x.UnitCode });
            e.Property(x => x.Period).HasMaxLength(20);
            e.Property(x => x.UnitCode).HasMaxLength(100);
            e.Property(x => x.IndicatorCode).HasMaxLength(100);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.ConcurrencyVersion).IsConcurrencyToken();
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId);
        });
        OnEvaluationModelCreating(builder);
        builder.Entity<Notification>(e =>
        {
            // the claim: a reminder's key is inserted once, whichever app server gets there first (issue 21)
            e.HasIndex(n => n.Key).IsUnique();
            e.HasIndex(n => new { n.UserId, n.ReadAt });
            e.HasIndex(n => n.EmailRetryAt);
            e.Property(n => n.Key).HasMaxLength(400);
            e.Property(n => n.Title).HasMaxLength(300);
            e.Property(n => n.Text).HasMaxLength(4000);
            e.Property(n => n.Link).HasMaxLength(500);
            e.Property(n => n.EmailNote).HasMaxLength(500);
            e.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId);
        });

        ScaleModel.OnModelCreating(builder);
        SharedStateModel.OnModelCreating(builder);
    }

    private static void OnEvaluationModelCreating(ModelBuilder builder)
    {
        builder.Entity<EvaluationWorksheetRow>(e =>
        {
            e.HasIndex(w => w.Key).IsUnique();
            e.Property(w => w.Key).HasMaxLength(200);
        });
        builder.Entity<EvaluationRound>(e =>
        {
            e.HasIndex(r => new { r.AgencyId, r.Year, r.UnitCode });
            e.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.WorksheetKey).HasMaxLength(200);
            e.Property(r => r.UnitCode).HasMaxLength(100);
            e.Property(r => r.ConcurrencyVersion).IsConcurrencyToken();
            e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId);
        });
        builder.Entity<EvaluationRoundEvaluator>(e =>
        {
            e.HasIndex(x => new { x.RoundId, x.UserId }).IsUnique();
            e.HasOne<EvaluationRound>().WithMany().HasForeignKey(x => x.RoundId);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId);
        });
        builder.Entity<EvaluationAnswer>(e =>
        {
            e.HasIndex(a => new { a.RoundId, a.CriterionCode }).IsUnique();
            e.Property(a => a.CriterionCode).HasMaxLength(50);
            e.Property(a => a.ConcurrencyVersion).IsConcurrencyToken();
            e.HasOne<EvaluationRound>().WithMany().HasForeignKey(a => a.RoundId);
        });
        builder.Entity<EvaluationReview>(e =>
        {
            e.HasIndex(a => new { a.RoundId, a.CriterionCode }).IsUnique();
            e.Property(a => a.CriterionCode).HasMaxLength(50);
            e.Property(a => a.ConcurrencyVersion).IsConcurrencyToken();
            e.HasOne<EvaluationRound>().WithMany().HasForeignKey(a => a.RoundId);
        });
        builder.Entity<EvaluationComponentNote>(e =>
        {
            e.HasIndex(a => new { a.RoundId, a.ComponentCode }).IsUnique();
            e.Property(a => a.ConcurrencyVersion).IsConcurrencyToken();
            e.HasOne<EvaluationRound>().WithMany().HasForeignKey(a => a.RoundId);
        });
        builder.Entity<EvaluationRecommendation>(e =>
        {
            e.HasIndex(a => new { a.RoundId, a.Number });
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.ConcurrencyVersion).IsConcurrencyToken();
            e.HasOne<EvaluationRound>().WithMany().HasForeignKey(a => a.RoundId);
        });
        builder.Entity<EvaluationFollowUpEntry>(e =>
        {
            e.HasIndex(a => a.RecommendationId);
            e.HasOne<EvaluationRecommendation>().WithMany().HasForeignKey(a => a.RecommendationId);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        WriteAudit();
        var bump = ScaleModel.ChangesApprovedData(ChangeTracker);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (bump)
            ScaleModel.RaiseDataVersion(this);
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        WriteAudit();
        var bump = ScaleModel.ChangesApprovedData(ChangeTracker);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (bump)
            await ScaleModel.RaiseDataVersionAsync(this, cancellationToken);
        return saved;
    }

    /// <summary>Adds an audit entry for a named action (an import, a workflow step) in the same save as the change.</summary>
    public void Record(int? agencyId, string entity, string key, string action, object? before, object? after) =>
        Audit.Add(new AuditEntry
        {
            AgencyId = agencyId,
            Entity = entity,
            EntityKey = key,
            Action = action,
            UserName = AuditUser,
            At = _clock.GetUtcNow(),
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
        });

    // one place for the audit trail: every audited entity's change is written in the same save (STYLE: audit by interceptor)
    private void WriteAudit()
    {
        foreach (var entry in ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("log audit hanya dapat ditambah, tidak dapat diubah atau dihapus");
        }

        var changes = ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in changes)
        {
            var audited = (IAudited)entry.Entity;
            var action = entry.State switch { EntityState.Added => "tambah", EntityState.Deleted => "hapus", _ => "ubah" };
            var before = entry.State == EntityState.Added ? null : Values(entry, original: true);
            var after = entry.State == EntityState.Deleted ? null : Values(entry, original: false);
            if (entry.State == EntityState.Modified && before is not null && after is not null && before.SequenceEqual(after))
                continue;
            Record(audited.AuditAgencyId, entry.Metadata.ClrType.Name, audited.AuditKey, action, before, after);
        }
    }

    private static SortedDictionary<string, string?> Values(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() || property.Metadata.Name == "ConcurrencyVersion")
                continue;
            var value = original ? property.OriginalValue : property.CurrentValue;
            values[property.Metadata.Name] = value switch
            {
                null => null,
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }

        return values;
    }
}

/// <summary>The SQLite flavour: its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteKinerjaDbContext(DbContextOptions<SqliteKinerjaDbContext> options, TimeProvider? clock = null) : KinerjaDbContext(options, clock);

/// <summary>The PostgreSQL flavour: its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresKinerjaDbContext(DbContextOptions<PostgresKinerjaDbContext> options, TimeProvider? clock = null) : KinerjaDbContext(options, clock);
