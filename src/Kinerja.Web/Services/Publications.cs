using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
public sealed class Publications(KinerjaDbContext db, StoragePaths paths, DatasetCache cache, DocumentBuilds builds, TimeProvider clock, PeriodLock periodLock, Storage.IFileStore files)
{
    public static readonly string[] Formats = ["docx", "pdf"];

    /// <summary>
    /// The documents of a year in the order and with the names of the e-SAKIP Reviu (ESR) upload of KemenPANRB. The PK and the
    /// LKjIP are built by Kinerja (and may carry a signed scan); the others are uploaded as published PDFs.
    /// </summary>
    public static readonly IReadOnlyList<DocumentType> Types =
    [
        new("rpjmd", "RPJMD", "RPJMD / RPJMN", false),
        new("renstra", "Renstra", "Rencana Strategis (Renstra)", true),
        new("iku", "IKU", "Indikator Kinerja Utama (IKU)", true),
        new("renja", "Renja-RKT", "Rencana Kerja (Renja/RKT)", false),
        new("pk", "PK", "Perjanjian Kinerja (PK)", true),
        new("rencana-aksi", "Rencana Aksi", "Rencana Aksi", true),
        new("lkjip", "Laporan Kinerja", "Laporan Kinerja (LKjIP)", true),
        new("pohon", "Pohon Kinerja", "Pohon Kinerja", false),
        new("lhe", "LHE AKIP Internal", "Laporan Hasil Evaluasi (LHE) AKIP Internal", true),
    ];

    /// <summary>A document type: its key, its ESR name, its label, and whether the transparency page lists it even while missing.</summary>
    public sealed record DocumentType(string Kind, string EsrName, string Label, bool Listed)
    {
        public bool Generated => Kind is "lkjip" or "pk";
    }

    /// <summary>An IKU's capaian as the published LKjIP showed it.</summary>
    public sealed record PublishedCapaian(string Code, string Name, string? Target, string? Realisasi, decimal? Capaian, string CapaianText);

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
        var order = new DocumentOrder(kind, format, null, kind == "pk" ? versi : null, Final: true)
        {
            LateChanges = kind == "lkjip" ? await periodLock.LateChangesAsync(year.AgencyId, year.Year) : [],
        };
        data = await DocumentEvaluation.WithEvaluationAsync(db, year.AgencyId, year.Year, data, order);
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

        var temp = TempPath(format);
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
                CapaianJson = kind == "lkjip" ? JsonSerializer.Serialize(IkuCapaian(data, year.Year)) : null,
                ConcurrencyVersion = 1,
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
    public async Task<List<(PublishedDocument Document, string Agency)>> ListAsync(int? agencyId = null, int? yearNumber = null, KinerjaDbContext? read = null)
    {
        var source = read ?? db;
        var rows = await source.PublishedDocuments.AsNoTracking()
            .Where(d => (agencyId == null || d.AgencyId == agencyId) && (yearNumber == null || d.Year == yearNumber))
            .Join(source.Agencies, d => d.AgencyId, a => a.Id, (d, a) => new { d, a.Name })
            .ToListAsync();
        return rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenByDescending(r => r.d.Year).ThenByDescending(r => r.d.PublishedAt).ThenByDescending(r => r.d.Id)
            .Select(r => (r.d, r.Name)).ToList();
    }

    /// <summary>Publishes an uploaded PDF of a type Kinerja does not build (Renstra, IKU, Rencana Aksi, LHE, ...); audited.</summary>
    public async Task<Outcome> UploadAsync(ReportingYear year, string kind, IFormFile? file, string userName)
    {
        var type = Types.FirstOrDefault(t => t.Kind == kind);
        if (type is null || type.Generated)
            return new Outcome(null, ["pilih jenis dokumen: " + string.Join(", ", Types.Where(t => !t.Generated).Select(t => t.Label)) + " (PK dan LKjIP diterbitkan dari data, lalu pindaian bertanda tangannya diunggah)"]);
        var (problem, sha, size) = await SaveUploadAsync(file);
        if (problem is not null)
            return new Outcome(null, [problem]);
        var document = new PublishedDocument
        {
            AgencyId = year.AgencyId, ReportingYearId = year.Id, Year = year.Year, Kind = kind, Format = "pdf",
            Title = $"{type.Label} {year.Year}", FileName = Path.GetFileName(file!.FileName), Sha256 = sha, Size = size,
            PublishedAt = clock.GetUtcNow(), PublishedBy = userName, ConcurrencyVersion = 1,
        };
        db.AuditUser = userName;
        db.PublishedDocuments.Add(document);
        await db.SaveChangesAsync();
        return new Outcome(document, []);
    }

    /// <summary>
    /// Puts the signed scan (PDF) beside a published PK or LKjIP; from then on the public page serves the scan. Needs the version
    /// the document was read at; audited (the row audit keeps the scan's SHA-256 before and after).
    /// </summary>
    public async Task<WriteResult> AttachScanAsync(int agencyId, long documentId, IFormFile? file, int? expectedVersion, string userName)
    {
        var document = await db.PublishedDocuments.SingleOrDefaultAsync(d => d.Id == documentId && d.AgencyId == agencyId);
        if (document is null)
            return WriteResult.Missing("dokumen terbitan tidak ditemukan");
        if (document.Kind is not ("pk" or "lkjip"))
            return WriteResult.Invalid("pindaian bertanda tangan hanya untuk Perjanjian Kinerja dan Laporan Kinerja");
        if (expectedVersion is null)
            return WriteResult.VersionRequired("dokumen terbitan");
        if (expectedVersion != document.ConcurrencyVersion)
            return WriteResult.Conflict("dokumen terbitan ini telah diubah orang lain sejak Anda membukanya (pindaian lain diunggah); muat ulang halaman lalu ulangi");
        var (problem, sha, size) = await SaveUploadAsync(file);
        if (problem is not null)
            return WriteResult.Invalid(problem);
        db.AuditUser = userName;
        db.Entry(document).Property(d => d.ConcurrencyVersion).OriginalValue = document.ConcurrencyVersion;
        document.ConcurrencyVersion++;
        (document.ScanSha256, document.ScanSize, document.ScanFileName, document.ScanUploadedAt, document.ScanUploadedBy) = (sha, size, Path.GetFileName(file!.FileName), clock.GetUtcNow(), userName);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return WriteResult.Conflict("dokumen terbitan ini telah diubah orang lain sejak Anda membukanya; muat ulang halaman lalu ulangi");
        }

        return WriteResult.Done();
    }

    /// <summary>The content type and file name the public gets: the signed scan when there is one, else the published file.</summary>
    public static (string ContentType, string FileName, string Format) Served(PublishedDocument d) =>
        d.ScanSha256 is not null ? ("application/pdf", Path.ChangeExtension(d.FileName, null) + "-bertanda-tangan.pdf", "pdf")
        : (d.Format == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", d.FileName, d.Format);

    /// <summary>The latest published file of each document (each PK version apart), PDF before Word; what the public page and the ESR zip give.</summary>
    public static List<PublishedDocument> Current(IEnumerable<PublishedDocument> published) =>
        [.. published.GroupBy(d => (d.Kind, d.PkVersion))
            .Select(g => g.OrderByDescending(d => d.ScanSha256 is not null || d.Format == "pdf").ThenByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).First())
            .OrderBy(d => Types.ToList().FindIndex(t => t.Kind == d.Kind)).ThenBy(d => d.PublishedAt)];

    /// <summary>
    /// The ESR export: the year's current published documents in one zip, each entry named by its e-SAKIP Reviu document
    /// type, and DAFTAR-ISI.txt listing what is in it and which types are missing.
    /// </summary>
    public async Task<byte[]> EsrZipAsync(int agencyId, int year)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync();
        var current = Current(await db.PublishedDocuments.AsNoTracking().Where(d => d.AgencyId == agencyId && d.Year == year).ToListAsync());
        var manifest = new StringBuilder();
        manifest.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"Dokumen e-SAKIP Reviu {agency} tahun {year}");
        manifest.AppendLine("Diekspor dari Kinerja: hanya dokumen yang telah diterbitkan.");
        manifest.AppendLine();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var type in Types)
            {
                var documents = current.Where(d => d.Kind == type.Kind).ToList();
                if (documents.Count == 0)
                {
                    manifest.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{type.EsrName}: TIDAK ADA (belum diterbitkan)");
                    continue;
                }

                foreach (var d in documents)
                {
                    var served = Served(d);
                    var name = $"{type.EsrName} {year}" + (d.Kind == "pk" ? $" ({d.PkVersion ?? "awal"})" : "") + "." + served.Format;
                    var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                    entry.LastWriteTime = d.PublishedAt;
                    await using (var target = entry.Open())
                    await using (var source = await OpenServedOrThrowAsync(d))
                        await source.CopyToAsync(target);
                    manifest.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{type.EsrName}: {name} (diterbitkan {AuditLog.When(d.PublishedAt)} WIB oleh {d.PublishedBy}{(d.ScanSha256 is null ? "" : "; pindaian bertanda tangan")})");
                }
            }

            var list = zip.CreateEntry("DAFTAR-ISI.txt");
            await using var writer = new StreamWriter(list.Open(), new UTF8Encoding(false));
            await writer.WriteAsync(manifest.ToString());
        }

        return buffer.ToArray();
    }

    /// <summary>The IKU of the year (the indicators of the instansi's top goals, else all) with their capaian, as the LKjIP shows them.</summary>
    public static List<PublishedCapaian> IkuCapaian(PerformanceDataset data, int year)
    {
        var result = ComputedResults.Of(data, Domain.Values.Period.OfYear(year));
        var top = result.TopGoals.SelectMany(g => g.Indicators).Select(i => i.Indicator.Code).ToHashSet(StringComparer.Ordinal);
        var profile = data.Profile;
        return [.. result.Indicators.Where(r => top.Count == 0 || top.Contains(r.Indicator.Code)).DistinctBy(r => r.Indicator.Code)
            .Select(r => new PublishedCapaian(r.Indicator.Code, r.Indicator.Name, r.Target?.Display(profile.Decimals, profile.Rounding),
                r.Realisasi is { } re ? re.Value?.Display(profile.Decimals, profile.Rounding) ?? "N/A" : null,
                r.Capaian.HasValue ? r.Capaian.Value : null, r.Capaian.HasValue ? profile.FormatPercent(r.Capaian.Value) : Dashboard.CapaianText(r.Capaian)))];
    }

    // The file I/O of publication, in these few methods only, so that the storage can be swapped (local folder today).

    /// <summary>A stored file to read: the signed scan when there is one, else the published file; null when it is gone.</summary>
    public Task<Stream?> OpenServedAsync(PublishedDocument d, CancellationToken cancellationToken = default) =>
        files.OpenReadAsync(d.ScanSha256 is { } scan ? new Storage.StoredFileKey(Area, scan, "pdf") : KeyOf(d), cancellationToken);

    private async Task<Stream> OpenServedOrThrowAsync(PublishedDocument d) =>
        await OpenServedAsync(d) ?? throw new FileNotFoundException("berkas terbitan hilang dari penyimpanan", d.FileName);

    private string TempPath(string format)
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, "sebagian-" + Guid.NewGuid().ToString("N") + "." + format);
    }

    /// <summary>Stores a finished temporary file in the file store under its content address (the same bytes once); its SHA-256 and size.</summary>
    private async Task<(string Sha, long Size)> StoreAsync(string temp, string format)
    {
        var stored = await files.PutAsync(Area, temp, format);
        return (stored.Key.Sha256, stored.Size);
    }

    /// <summary>An uploaded PDF: within the size limit, a PDF by its bytes that opens with its pages (FileChecks), then stored.</summary>
    private async Task<(string? Problem, string Sha, long Size)> SaveUploadAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
            return ("pilih berkas PDF yang akan diunggah", "", 0);
        var name = Path.GetFileName(file.FileName);
        if (file.Length > EvidenceStore.MaxBytes)
            return ($"berkas \"{name}\" terlalu besar ({file.Length / 1024 / 1024} MB); paling besar {EvidenceStore.MaxBytes / 1024 / 1024} MB", "", 0);
        var temp = TempPath("pdf");
        try
        {
            await using (var source = file.OpenReadStream())
            await using (var target = File.Create(temp))
                await source.CopyToAsync(target);
            var head = new byte[8];
            int read;
            await using (var probe = File.OpenRead(temp))
                read = await probe.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
            if (FileSniffer.Kind(head.AsSpan(0, read)) != "application/pdf" || !name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                return ($"berkas \"{name}\" ditolak: dokumen terbitan harus PDF (.pdf)", "", 0);
            if (FileContent.Problem(temp, "application/pdf", ".pdf") is { } problem)
                return ($"berkas \"{name}\" ditolak: {problem}", "", 0);
            var (sha, size) = await StoreAsync(temp, "pdf");
            return (null, sha, size);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
