using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

/// <summary>
/// A workbook (or finance export) between its preview and its save (issue 23: no sticky sessions). The bytes live in
/// the database, so the preview made on one app server is committed on any other; removed when saved, or after a day.
/// </summary>
public sealed class PendingUpload
{
    /// <summary>32 lowercase hex digits, handed to the browser in the preview form.</summary>
    public required string Token { get; set; }

    /// <summary>The name the user uploaded the file under; errors name it.</summary>
    public required string FileName { get; set; }

    /// <summary>".xlsx" or ".json", from the file's first bytes.</summary>
    public required string Extension { get; set; }

    /// <summary>For a finance export: the stored year whose budget sheet it replaces.</summary>
    public int? BudgetYearId { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>Unix seconds (a number compares the same on SQLite and PostgreSQL): uploads older than a day are removed.</summary>
    public long CreatedUnix { get; set; }
}

/// <summary>
/// A background document build (issue 23: no sticky sessions): its status as JSON, written by the server running it
/// and read by whichever server the user's next poll reaches; the finished file goes to the file store under its SHA-256.
/// </summary>
public sealed class DocumentBuildRecord
{
    /// <summary>32 lowercase hex digits.</summary>
    public required string Id { get; set; }

    public int AgencyId { get; set; }

    public required string StatusJson { get; set; }

    /// <summary>SHA-256 of the finished file in the file store (area "dokumen"); null until it is finished.</summary>
    public string? ResultSha256 { get; set; }

    /// <summary>Unix seconds of the last status change: builds older than a day are removed.</summary>
    public long UpdatedUnix { get; set; }
}

/// <summary>The model of the shared server state, kept apart from the rest.</summary>
public static class SharedStateModel
{
    public static void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<PendingUpload>(e =>
        {
            e.HasKey(p => p.Token);
            e.Property(p => p.Token).HasMaxLength(32);
            e.Property(p => p.FileName).HasMaxLength(260);
            e.Property(p => p.Extension).HasMaxLength(8);
            e.HasIndex(p => p.CreatedUnix);
        });
        builder.Entity<DocumentBuildRecord>(e =>
        {
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasMaxLength(32);
            e.Property(d => d.ResultSha256).HasMaxLength(64);
            e.HasIndex(d => d.UpdatedUnix);
        });
    }
}
