using System.Security.Cryptography;
using Kinerja.Data;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using Kinerja.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>
/// Terbitkan: an administrator, perencana or pimpinan publishes a year's final LKjIP or a signed PK version.
/// The final document is built once (refused, with the reasons, when a final is refused), stored under its
/// SHA-256 with who published it and when (audited), and from then on the public page serves those stored
/// bytes. Nothing an anonymous visitor asks for is built: a DRAF or a live build never reaches the public.
/// </summary>
public sealed class Publications(KinerjaDbContext db, StoragePaths paths, DatasetCache cache, DocumentBuilds builds, TimeProvider clock, Storage.IFileStore files)
{
    public static readonly string[] Formats = ["docx", "pdf"];

    public sealed record Outcome(PublishedDocument? Document, IReadOnlyList<string> Reasons)
    {
        public bool Succeeded => Document is not null;
    }

    /// <summary>What can be published for a year: the LKjIP and every signed PK version (a draft perubahan is not in force).</summary>
    public static IReadOnlyList<(string Kind, string? Versi, string Title)> Choices(PerformanceDataset data)
    {
        var list = new List<(string, string?, string)> { ("lkjip", null, "Laporan Kinerja (LKjIP) " + data.Profile.Year) };
        foreach (var v in PerjanjianKinerja.Versions(data).Where(v => v.SignedOn is not null))
            list.Add(("pk", v.Id.Code, $"{v.Id.Title} {data.Profile.Year}"));
        return list;
    }

    public const string Area = "terbitan";

    public static Storage.StoredFileKey KeyOf(PublishedDocument document) => new(Area, document.Sha256, document.Format);

    /// <summary>The published bytes from the file store, checked against their SHA-256; null when missing.</summary>
    public Task<Stream?> OpenAsync(PublishedDocument document, CancellationToken cancellationToken = default) => files.OpenReadAsync(KeyOf(document), cancellationToken);

    private string Root => paths.Temporary;

    public async Task<Outcome> PublishAsync(ReportingYear year, string kind, string? versi, string format, string userName)
    {
        if (!Formats.Contains(format) || kind is not ("lkjip" or "pk"))
            return new Outcome(null, ["pilih Laporan Kinerja atau Perjanjian Kinerja, dalam Word (.docx) atau PDF"]);
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Approved);
        var choice = Choices(data).FirstOrDefault(c => c.Kind == kind && (kind == "lkjip" || c.Versi == versi));
        if (choice.Kind is null)
            return new Outcome(null, [$"Perjanjian Kinerja versi \"{versi}\" belum ditandatangani atau tidak ada: hanya versi yang sudah ditandatangani yang dapat diterbitkan"]);
        var order = new DocumentOrder(kind, format, null, kind == "pk" ? versi : null, Final: true);
        var period = order.PeriodFor(data, year.Year);
        ReportDocument report;
        try
        {
            report = order.Prepare(data, period);
        }
        catch (ReportRefusedException e)
        {
            return new Outcome(null, e.Reasons.ToList());
        }
        catch (ArgumentException e)
        {
            return new Outcome(null, [e.Message.Split(" (Parameter", 2)[0]]);
        }

        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, "sebagian-" + Guid.NewGuid().ToString("N") + "." + format);
        try
        {
            try
            {
                await Task.Run(() => builds.WriteNow(report, temp, TimeSpan.FromMinutes(5)));
            }
            catch (Exception e) when (format == "pdf" && e is not OutOfMemoryException)
            {
                return new Outcome(null, ["PDF tidak dapat dibuat di server ini (LibreOffice tidak tersedia atau terlalu lama); terbitkan versi Word"]);
            }

            // stored first (content-addressed: the same bytes once), the record committed after; a failed commit
            // removes the object again unless another record names it
            var stored = await files.PutAsync(Area, temp, format);
            var (sha, size) = (stored.Key.Sha256, stored.Size);
            var document = new PublishedDocument
            {
                AgencyId = year.AgencyId,
                ReportingYearId = year.Id,
                Year = year.Year,
                Kind = kind,
                PkVersion = kind == "pk" ? versi : null,
                Format = format,
                Title = choice.Title,
                FileName = order.FileName(year.Year, period),
                Sha256 = sha,
                Size = size,
                PublishedAt = clock.GetUtcNow(),
                PublishedBy = userName,
            };
            db.AuditUser = userName;
            db.PublishedDocuments.Add(document);
            try
            {
                await db.SaveChangesAsync();
            }
            catch when (stored.Created)
            {
                db.ChangeTracker.Clear();
                if (!await db.PublishedDocuments.AnyAsync(d => d.Sha256 == sha && d.Format == format))
                    await files.DeleteAsync(stored.Key);
                throw;
            }

            return new Outcome(document, []);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The published files, newest first within each instansi and year.</summary>
    public async Task<List<(PublishedDocument Document, string Agency)>> ListAsync(int? agencyId = null, int? yearNumber = null)
    {
        var rows = await db.PublishedDocuments.AsNoTracking()
            .Where(d => (agencyId == null || d.AgencyId == agencyId) && (yearNumber == null || d.Year == yearNumber))
            .Join(db.Agencies, d => d.AgencyId, a => a.Id, (d, a) => new { d, a.Name })
            .ToListAsync();
        return rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenByDescending(r => r.d.Year).ThenByDescending(r => r.d.PublishedAt).ThenByDescending(r => r.d.Id)
            .Select(r => (r.d, r.Name)).ToList();
    }
}
