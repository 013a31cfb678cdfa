using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kinerja.Data;

/// <summary>Refuses every save through a read-only context: a page that reads from the replica can never write by mistake.</summary>
public sealed class ReadOnlySaveGuard : SaveChangesInterceptor
{
    public static readonly ReadOnlySaveGuard Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("konteks basis data ini hanya untuk membaca (replika); perubahan harus lewat koneksi utama");

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("konteks basis data ini hanya untuk membaca (replika); perubahan harus lewat koneksi utama");
}

/// <summary>
/// The read side of the installation (issue 23): read-only, untracked contexts on the replica
/// (<c>ConnectionStrings:KinerjaRead</c>) or, when none is configured or a user must read their own write, on the
/// primary. The options are built once; a context per request is cheap.
/// </summary>
public sealed class ReadDatabase
{
    private readonly Lazy<DbContextOptions> _primaryOptions;
    private readonly Lazy<DbContextOptions>? _replicaOptions;

    public ReadDatabase(DatabaseProvider provider, string primaryConnection, string? replicaConnection)
    {
        Provider = provider;
        PrimaryConnection = primaryConnection;
        ReplicaConnection = string.IsNullOrWhiteSpace(replicaConnection) ? null : replicaConnection;
        _primaryOptions = new Lazy<DbContextOptions>(() => Options(provider, primaryConnection));
        if (ReplicaConnection is { } r)
            _replicaOptions = new Lazy<DbContextOptions>(() => Options(provider, r));
    }

    public DatabaseProvider Provider { get; }

    public string PrimaryConnection { get; }

    /// <summary>Null when no replica is configured: every read goes to the primary.</summary>
    public string? ReplicaConnection { get; }

    public bool HasReplica => ReplicaConnection is not null;

    /// <summary>A new read-only context: on the replica when asked and configured, else on the primary.</summary>
    public KinerjaDbContext Create(bool replica)
    {
        var options = replica && _replicaOptions is not null ? _replicaOptions.Value : _primaryOptions.Value;
        return Provider == DatabaseProvider.Postgres
            ? new PostgresKinerjaDbContext((DbContextOptions<PostgresKinerjaDbContext>)options)
            : new SqliteKinerjaDbContext((DbContextOptions<SqliteKinerjaDbContext>)options);
    }

    private static DbContextOptions Options(DatabaseProvider provider, string connection)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return new DbContextOptionsBuilder<PostgresKinerjaDbContext>()
                .UseNpgsql(DatabaseSetup.WithPostgresDefaults(connection))
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .AddInterceptors(ReadOnlySaveGuard.Instance)
                .Options;
        }

        return new DbContextOptionsBuilder<SqliteKinerjaDbContext>()
            .UseSqlite(connection)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(ReadOnlySaveGuard.Instance)
            .Options;
    }

    /// <summary>The primary's current WAL position (PostgreSQL), as "16/B374D848"; null on SQLite.</summary>
    public static async Task<string?> CurrentLsnAsync(KinerjaDbContext primary, CancellationToken cancellationToken = default) =>
        primary.Database.IsNpgsql()
            ? await primary.Database.SqlQueryRaw<string>("SELECT pg_current_wal_lsn()::text AS \"Value\"").SingleAsync(cancellationToken)
            : null;

    /// <summary>How far the replica has replayed the primary's WAL; null on SQLite or when the database is not a standby.</summary>
    public static async Task<string?> ReplayLsnAsync(KinerjaDbContext replica, CancellationToken cancellationToken = default) =>
        replica.Database.IsNpgsql()
            ? await replica.Database.SqlQueryRaw<string?>("SELECT pg_last_wal_replay_lsn()::text AS \"Value\"").SingleAsync(cancellationToken)
            : null;

    /// <summary>Parses a PostgreSQL LSN ("16/B374D848") to a comparable number.</summary>
    public static ulong? ParseLsn(string? lsn)
    {
        if (string.IsNullOrWhiteSpace(lsn) || lsn.Split('/') is not [var high, var low])
            return null;
        return ulong.TryParse(high, System.Globalization.NumberStyles.HexNumber, null, out var h) && ulong.TryParse(low, System.Globalization.NumberStyles.HexNumber, null, out var l)
            ? (h << 32) | l
            : null;
    }
}
