using Kinerja.Data;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>An upload that is not a workbook or too large, refused before it is read.</summary>
public sealed class UploadRejectedException(string message) : Exception(message);

/// <summary>A workbook read from an upload: its raw cells and the dataset, or the importer's located errors.</summary>
public sealed record ReadWorkbook(string Token, string FileName, RawWorkbook? Raw, PerformanceDataset? Data, IReadOnlyList<ImportError> Errors)
{
    /// <summary>For a finance export: how its rows were tied to the plan (matched by name, unmatched), to be looked at.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// Import of a whole workbook (.xlsx or .json) in two steps: the upload is kept aside and previewed
/// (added, changed, removed); the commit reads the same file again and writes it in one transaction.
/// </summary>
public sealed class ImportService(StoragePaths paths, KinerjaDbContext db, TimeProvider clock, RecordWriter writer)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// Receives a finance export (SIPD, KRISNA/SAKTI .xlsx; issue 24) for a stored year: the preview and the commit are
    /// those of a workbook import of the stored year with its sheet Anggaran (or a PK version's AnggaranPK) replaced.
    /// </summary>
    public async Task<ReadWorkbook> ReceiveBudgetAsync(IFormFile? file, int yearId, CancellationToken cancellationToken = default)
    {
        return await ReceiveAsync(file, yearId, cancellationToken);
    }

    public async Task<ReadWorkbook> ReceiveAsync(IFormFile? file, int? budgetYearId = null, CancellationToken cancellationToken = default)
    {
        if (file is null || file.Length == 0)
            throw new UploadRejectedException("pilih berkas buku kerja (.xlsx atau .json) terlebih dahulu");
        if (file.Length > MaxBytes)
            throw new UploadRejectedException($"berkas terlalu besar ({file.Length / 1024 / 1024} MB); paling besar {MaxBytes / 1024 / 1024} MB");
        var head = new byte[8];
        int read;
        await using (var probe = file.OpenReadStream())
            read = await probe.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var extension = FileSniffer.Kind(head.AsSpan(0, read)) == "application/zip" ? ".xlsx"
            : FileSniffer.LooksLikeJson(head.AsSpan(0, read)) ? ".json"
            : throw new UploadRejectedException($"berkas \"{Path.GetFileName(file.FileName)}\" bukan buku kerja Excel (.xlsx) atau JSON: isinya tidak dikenali");
        if (budgetYearId is not null && extension != ".xlsx")
            throw new UploadRejectedException($"berkas \"{Path.GetFileName(file.FileName)}\" bukan ekspor .xlsx dari SIPD atau KRISNA/SAKTI");
        var token = Guid.NewGuid().ToString("N");
        byte[] content;
        await using (var source = file.OpenReadStream())
        using (var buffer = new MemoryStream())
        {
            await source.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        // kept in the database, not on this server's disk: the save may reach another app server (issue 23)
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        await db.PendingUploads.Where(p => p.CreatedUnix < now - (long)KeptFor.TotalSeconds).ExecuteDeleteAsync(cancellationToken);
        var pending = new PendingUpload { Token = token, FileName = Path.GetFileName(file.FileName), Extension = extension, BudgetYearId = budgetYearId, Content = content, CreatedUnix = now };
        db.PendingUploads.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
        // the bytes are not kept tracked for the rest of the request
        db.Entry(pending).State = EntityState.Detached;
        await WriteLocalAsync(token, extension, content, Path.GetFileName(file.FileName), budgetYearId);
        return await ReadAsync(token, cancellationToken);
    }

    /// <summary>Reads a kept upload again: a workbook, or a finance export applied to the stored year it was received for.</summary>
    public async Task<ReadWorkbook> ReadAsync(string token, CancellationToken cancellationToken = default)
    {
        await EnsureLocalAsync(token, cancellationToken);
        var marker = PathOf(token, ".anggaran");
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigitLower) || !File.Exists(marker))
            return Read(token);
        var yearId = int.Parse(File.ReadAllText(marker), System.Globalization.CultureInfo.InvariantCulture);
        var path = PathOf(token, ".xlsx");
        if (!File.Exists(path))
            throw new UploadRejectedException("unggahan sudah kedaluwarsa; unggah ulang berkasnya");
        var name = File.Exists(PathOf(token, ".name")) ? File.ReadAllText(PathOf(token, ".name")) : Path.GetFileName(path);
        // the stored year as the entry pages see it (latest values): importing it back unchanged changes nothing
        var stored = await new WorkbookStore(db, clock).LoadRawAsync(yearId, RealisasiView.Latest, cancellationToken: cancellationToken);
        try
        {
            Kinerja.Documents.Budget.BudgetExportResult export;
            await using (var stream = File.OpenRead(path))
                export = Kinerja.Documents.Budget.BudgetExport.Read(stream, name);
            var applied = Kinerja.Documents.Budget.BudgetFiles.Apply(DatasetImporter.Import(stored), export);
            var raw = Kinerja.Documents.Budget.BudgetSheet.WithBudget(stored, applied);
            var notes = applied.Tie is { } tie
                ? [$"{export.Lines.Count} baris {(export.Kind == Kinerja.Documents.Budget.BudgetExportKind.Sipd ? "SIPD" : "KRISNA/SAKTI")} menggantikan sheet Anggaran: {tie.Matched.Count(m => m.By == Kinerja.Domain.Budget.TieBy.Code)} cocok menurut kode, {tie.Matched.Count(m => m.By == Kinerja.Domain.Budget.TieBy.Name)} menurut nama, {tie.Unmatched.Count} tidak cocok dengan rencana.", .. Kinerja.Domain.Budget.BudgetTie.Describe(tie)]
                : new List<string> { $"{export.Lines.Count} baris menggantikan anggaran {export.PkVersion.Title} (sheet AnggaranPK)." };
            return new ReadWorkbook(token, name, raw, DatasetImporter.Import(raw), []) { Notes = notes };
        }
        catch (WorkbookImportException e)
        {
            return new ReadWorkbook(token, name, null, null, e.Errors.Select(x => x with { Location = x.Location with { File = name } }).ToList());
        }
    }

    /// <summary>Reads a kept upload again (for the commit); the file name in errors is the one the user uploaded.</summary>
    public ReadWorkbook Read(string token)
    {
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigitLower))
            throw new UploadRejectedException("unggahan tidak dikenal; unggah ulang berkasnya");
        var xlsx = PathOf(token, ".xlsx");
        var json = PathOf(token, ".json");
        var path = File.Exists(xlsx) ? xlsx : File.Exists(json) ? json : throw new UploadRejectedException("unggahan sudah kedaluwarsa; unggah ulang berkasnya");
        var name = File.Exists(PathOf(token, ".name")) ? File.ReadAllText(PathOf(token, ".name")) : Path.GetFileName(path);
        try
        {
            var raw = path.EndsWith(".json", StringComparison.Ordinal) ? JsonWorkbook.Read(File.ReadAllText(path), name) : Renamed(XlsxWorkbook.Read(path), path, name);
            return new ReadWorkbook(token, name, raw, DatasetImporter.Import(raw), []);
        }
        catch (WorkbookImportException e)
        {
            return new ReadWorkbook(token, name, null, null, e.Errors.Select(x => x with { Location = x.Location with { File = name } }).ToList());
        }
    }

    // the xlsx reader names errors after the kept file; the user knows the file by the name they uploaded
    private static RawWorkbook Renamed(RawWorkbook raw, string path, string name)
    {
        if (raw.FileName == name)
            return raw;
        var copy = new RawWorkbook { FileName = name, IsJson = raw.IsJson, HasProfile = raw.HasProfile };
        foreach (var (key, cell) in raw.Profile)
            copy.Profile[key] = cell with { Location = cell.Location with { File = name } };
        foreach (var (sheet, rows) in raw.Sheets)
        {
            copy.Sheets[sheet] = rows.Select(r =>
            {
                var row = new RawRow { Row = r.Row, SheetName = r.SheetName };
                foreach (var (key, cell) in r.Cells)
                    row.Cells[key] = cell with { Location = cell.Location with { File = name } };
                return row;
            }).ToList();
        }

        _ = path;
        return copy;
    }

    public Task<ImportPreview> PreviewAsync(int? agencyId, ReadWorkbook workbook, ImportMode mode = ImportMode.Workflow) =>
        new WorkbookStore(db, clock).PreviewAsync(agencyId, workbook.Raw!, workbook.Data!, mode);

    /// <summary>
    /// Saves a previewed upload through the one write path (<see cref="RecordWriter.CommitImportAsync"/>: authorised,
    /// the preview's revision checked, the import's audit entry naming the file and its SHA-256, one transaction) with the
    /// workflow's rules in <see cref="WorkbookStore.CommitAsync"/>. A refused import keeps its upload for another look.
    /// </summary>
    public async Task<(WriteResult Result, ImportOutcome? Outcome)> CommitAsync(int? agencyId, string token, int? expectedRevision, ImportMode mode = ImportMode.Workflow, string? reason = null)
    {
        var workbook = await ReadAsync(token);
        if (workbook.Errors.Count > 0)
            throw new UploadRejectedException("berkas berisi kesalahan; perbaiki lalu unggah ulang");
        var sha256 = Sha256Of(token);
        var saved = await writer.CommitImportAsync(agencyId, workbook.Data!.Profile.Year, expectedRevision, mode,
            () => new WorkbookStore(db, clock) { RecordsAudit = false, PeriodLock = new PeriodLock(db, clock).CheckImportAsync }.CommitAsync(agencyId, workbook.Raw!, workbook.Data!, expectedRevision, workbook.FileName, mode, sha256), reason);
        if (saved.Result.Ok)
            Discard(token);
        return saved;
    }

    /// <summary>The SHA-256 of the kept upload, as the audit names the file.</summary>
    public string Sha256Of(string token)
    {
        var path = File.Exists(PathOf(token, ".xlsx")) ? PathOf(token, ".xlsx") : PathOf(token, ".json");
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    public void Discard(string token)
    {
        DiscardLocal(token);
        if (Valid(token))
            db.PendingUploads.Where(p => p.Token == token).ExecuteDelete();
    }

    /// <summary>How long an upload waits for its save before it is removed.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    private static bool Valid(string token) => token.Length == 32 && token.All(char.IsAsciiHexDigitLower);

    private void DiscardLocal(string token)
    {
        foreach (var extension in new[] { ".xlsx", ".json", ".name", ".anggaran" })
            File.Delete(PathOf(token, extension));
    }

    /// <summary>
    /// The files of a kept upload on this server's disk (the readers take a path): written from the database row when
    /// the preview was made on another server, or when this server's copy was cleared. An unknown token writes nothing.
    /// </summary>
    public async Task EnsureLocalAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!Valid(token) || File.Exists(PathOf(token, ".xlsx")) || File.Exists(PathOf(token, ".json")))
            return;
        var row = await db.PendingUploads.AsNoTracking().SingleOrDefaultAsync(p => p.Token == token, cancellationToken);
        if (row is not null)
            await WriteLocalAsync(token, row.Extension, row.Content, row.FileName, row.BudgetYearId);
    }

    private async Task WriteLocalAsync(string token, string extension, byte[] content, string name, int? budgetYearId)
    {
        Directory.CreateDirectory(paths.Uploads);
        // this server's copies of uploads saved (or dropped) through another server are cleared after a day
        foreach (var old in new DirectoryInfo(paths.Uploads).EnumerateFiles().Where(f => clock.GetUtcNow() - f.LastWriteTimeUtc > KeptFor))
        {
            try
            {
                old.Delete();
            }
            catch (IOException)
            {
                // another request of this server has it open: next time
            }
        }

        // written under a temporary name first: a reader on this server never sees half a file
        var temp = PathOf(token, extension + "." + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(temp, content);
        await File.WriteAllTextAsync(PathOf(token, ".name"), name);
        if (budgetYearId is { } yearId)
            await File.WriteAllTextAsync(PathOf(token, ".anggaran"), yearId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.Move(temp, PathOf(token, extension), overwrite: true);
    }

    private string PathOf(string token, string extension) => Path.Combine(paths.Uploads, token + extension);
}

/// <summary>Loads the sample agencies into an empty database at first start, so the app shows real data at once.</summary>
public sealed class Seeder(KinerjaDbContext db, TimeProvider clock, ILogger<Seeder> log)
{
    public static readonly string[] SampleFiles = ["banjar-2025.xlsx", "kemnaker-2024.xlsx", "pasar-kerja-2021.xlsx", "kemenko-tw1-2026.xlsx", "clean-demo.xlsx"];

    public async Task SeedAsync(string samplesDirectory)
    {
        if (db.Agencies.Any())
            return;
        foreach (var name in SampleFiles)
        {
            var path = Path.Combine(samplesDirectory, name);
            if (!File.Exists(path))
            {
                log.LogWarning("contoh tidak ditemukan: {Path}", path);
                continue;
            }

            var raw = XlsxWorkbook.Read(path);
            var data = DatasetImporter.Import(raw);
            db.AuditUser = "sistem (contoh awal)";
            string sha;
            await using (var stream = File.OpenRead(path))
                sha = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream));
            // the samples are published reports of closed years: loaded as approved history, marked with their file
            await new WorkbookStore(db, clock) { HistoryReason = "contoh awal: laporan yang sudah diterbitkan, dimuat saat aplikasi pertama kali berjalan" }.CommitAsync(null, raw, data, null, name, ImportMode.History, sha);
            if (log.IsEnabled(LogLevel.Information))
                log.LogInformation("contoh dimuat: {Agency} {Year}", data.Profile.Agency, data.Profile.Year);
        }

        // the samples are public reports: their documents are published
        foreach (var year in db.Years)
            year.Published = true;
        await db.SaveChangesAsync();
    }

    /// <summary>The repository's samples folder, looked for upwards from the app's folder.</summary>
    public static string? FindSamples(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (File.Exists(Path.Combine(candidate, "clean-demo.xlsx")))
                return candidate;
        }

        return null;
    }
}
