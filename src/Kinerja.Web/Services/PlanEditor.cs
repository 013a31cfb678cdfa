using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Domain.Values;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>A row of sheet Rencana or Indikator as the editor shows it: its cells and the version a save must name.</summary>
public sealed record PlanItem(long Id, string Code, IReadOnlyDictionary<string, string> Cells, string Versi);

/// <summary>What a plan save gave (<see cref="WriteResult"/>) with the row saved.</summary>
public sealed record PlanOutcome(WriteStatus Status, string? Error, IReadOnlyList<string> Warnings, PlanItem? Item = null) : WriteResult(Status, Error, Warnings)
{
    public static PlanOutcome Refused(string error) => new(WriteStatus.Invalid, error, []);

    public static new PlanOutcome Conflict(string error) => new(WriteStatus.Conflict, error, []);

    public static new PlanOutcome Missing(string error) => new(WriteStatus.NotFound, error, []);

    public static PlanOutcome Of(WriteResult result) => new(result.Status, result.Error, result.Warnings) { Findings = result.Findings };
}

/// <summary>
/// Editing the plan on the web: the plan nodes (sheet Rencana, both chains), the indicators (sheet Indikator,
/// every column the workbook has), the target rows and the budget lines of the PK version being prepared.
/// Every save runs in one transaction: the result is read back as a workbook (the importer's located errors
/// refuse it), then <see cref="DatasetValidator.Check"/> runs and an error it did not find before refuses it,
/// its new warnings are shown; the year's revision guards against two saves at once, the row's version (a
/// hash of its cells) against a form read before someone else's change; the audit log gets who, when, before
/// and after. Targets of a signed or superseded PK version are not changed here (a PK Perubahan is the way).
/// </summary>
public sealed class PlanEditor(KinerjaDbContext db, DatasetCache cache, RecordWriter writer)
{
    public const string PlanSheet = "plan";
    public const string IndicatorSheet = "indicators";

    /// <summary>The audit entities of the rows kept as workbook cells.</summary>
    public const string PlanEntity = "PlanNode";
    public const string IndicatorEntity = "IndicatorDef";

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static SheetSpec Spec(string sheet) => WorkbookSchema.Sheet(sheet);

    public static string EntityOf(string sheet) => sheet == PlanSheet ? PlanEntity : IndicatorEntity;

    public static string AuditKey(int yearId, string code) => $"{yearId}|{code}";

    // ---------- reading ----------

    public async Task<List<PlanItem>> ListAsync(int yearId, string sheet) =>
        (await db.WorkbookRows.AsNoTracking().Where(r => r.ReportingYearId == yearId && r.Sheet == sheet).OrderBy(r => r.Ordinal).ToListAsync()).Select(Item).ToList();

    public async Task<PlanItem?> FindAsync(int yearId, string sheet, long id) =>
        await db.WorkbookRows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.ReportingYearId == yearId && r.Sheet == sheet) is { } row ? Item(row) : null;

    public async Task<PlanItem?> FindByCodeAsync(int yearId, string sheet, string code) =>
        (await ListAsync(yearId, sheet)).FirstOrDefault(i => i.Code == code);

    private static PlanItem Item(WorkbookRow row)
    {
        var cells = Cells(row.CellsJson);
        return new PlanItem(row.Id, cells.GetValueOrDefault("code") ?? "", cells, VersionOf(cells));
    }

    /// <summary>The row's version: a hash of its cells in key order, so any change by anyone gives another.</summary>
    public static string VersionOf(IReadOnlyDictionary<string, string> cells)
    {
        var canonical = JsonSerializer.Serialize(cells.Where(c => c.Value.Length > 0).OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value), Json);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    private static Dictionary<string, string> Cells(string json) => JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    /// <summary>
    /// Why a target row may not be changed outside the PK page, or null: its PK version is signed (the PK sheet
    /// gives it a signing date). A version without a date (a workbook without sheet PK, or the draft PK Perubahan) is not locked.
    /// </summary>
    public static string? LockReason(PerformanceDataset data, string? document)
    {
        if (PerjanjianKinerja.DocumentVersion(document) is not { } id)
            return null;
        var version = PerjanjianKinerja.Versions(data).FirstOrDefault(v => v.Id == id);
        return version?.SignedOn is { } signed
            ? $"target ini bagian dari {id.Title} yang sudah ditandatangani ({signed}); perubahan target memerlukan PK Perubahan (halaman Perjanjian Kinerja)"
            : null;
    }

    // ---------- plan nodes and indicators ----------

    /// <summary>Adds (<paramref name="id"/> null) or changes a row of sheet Rencana or Indikator.</summary>
    public async Task<PlanOutcome> SaveAsync(ReportingYear year, string sheet, long? id, IReadOnlyDictionary<string, string?> input, string? expectedVersi, IReadOnlyDictionary<string, string>? seen = null)
    {
        // a change names the version it was read at before anything else is looked at
        if (id is not null && string.IsNullOrWhiteSpace(expectedVersi))
            return PlanOutcome.Of(WriteResult.VersionRequired(sheet == PlanSheet ? "simpul rencana" : "indikator"));
        var spec = Spec(sheet);
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in spec.Columns)
        {
            if (input.TryGetValue(column.Json, out var text) && !string.IsNullOrWhiteSpace(text))
                cells[column.Json] = text.Trim();
        }

        var code = cells.GetValueOrDefault("code") ?? "";
        foreach (var column in spec.Columns.Where(c => c.Required && !cells.ContainsKey(c.Json)))
            return PlanOutcome.Refused($"kolom {column.Header} wajib diisi");
        foreach (var column in spec.Columns.Where(c => c.Allowed is not null && cells.ContainsKey(c.Json)))
        {
            if (!column.Allowed!.Contains(cells[column.Json], StringComparer.Ordinal))
                return PlanOutcome.Refused($"kolom {column.Header} \"{cells[column.Json]}\" tidak dikenal; pilih {string.Join(", ", column.Allowed!)}");
        }

        var rows = await db.WorkbookRows.Where(r => r.ReportingYearId == year.Id && r.Sheet == sheet).OrderBy(r => r.Ordinal).ToListAsync();
        WorkbookRow? row = null;
        Dictionary<string, string>? before = null;
        if (id is { } existing)
        {
            row = rows.SingleOrDefault(r => r.Id == existing);
            if (row is null)
                return PlanOutcome.Missing(sheet == PlanSheet ? "simpul rencana tidak ada" : "indikator tidak ada");
            before = Cells(row.CellsJson);
            if (string.IsNullOrWhiteSpace(expectedVersi))
                return PlanOutcome.Of(WriteResult.VersionRequired(sheet == PlanSheet ? "simpul rencana" : "indikator"));
            if (VersionOf(before) != expectedVersi)
                return PlanOutcome.Conflict(Changed(spec, before, seen));
            if ((before.GetValueOrDefault("code") ?? "") != code)
                return PlanOutcome.Refused($"kode {before.GetValueOrDefault("code")} tidak dapat diubah (target, realisasi dan dokumen merujuk kepadanya); tambahkan baris baru lalu hapus yang lama");
            // cells outside the schema (none today) are kept as they were
            foreach (var (key, value) in before.Where(c => spec.Columns.All(x => x.Json != c.Key)))
                cells[key] = value;
            if (SameCells(before, cells))
                return new PlanOutcome(WriteStatus.Ok, null, [], Item(row));
            row.CellsJson = JsonSerializer.Serialize(cells, Json);
        }
        else
        {
            if (rows.Any(r => Cells(r.CellsJson).GetValueOrDefault("code") == code))
                return PlanOutcome.Refused($"kode {code} sudah dipakai pada sheet {spec.Sheet}");
            row = new WorkbookRow { ReportingYearId = year.Id, Sheet = sheet, Ordinal = rows.Select(r => r.Ordinal).DefaultIfEmpty(0).Max() + 1, CellsJson = JsonSerializer.Serialize(cells, Json) };
            db.WorkbookRows.Add(row);
            EnsureSheet(year, sheet);
        }

        db.Record(year.AgencyId, EntityOf(sheet), AuditKey(year.Id, code), before is null ? "tambah" : "ubah", before is null ? null : Labelled(spec, before), Labelled(spec, cells));
        var outcome = await CommitCheckedAsync(year, sheet == PlanSheet ? "simpul rencana" : "indikator");
        return outcome.Ok ? outcome with { Status = before is null ? WriteStatus.Created : WriteStatus.Ok, Item = Item(row) } : outcome;
    }

    /// <summary>Removes a plan node (refused while a node or an indicator hangs on it) or an indicator (refused when it has realisasi or targets of a signed PK; its other target rows and Rencana Aksi go with it).</summary>
    public async Task<PlanOutcome> RemoveAsync(ReportingYear year, string sheet, long id, string? expectedVersi)
    {
        var spec = Spec(sheet);
        var row = await db.WorkbookRows.SingleOrDefaultAsync(r => r.Id == id && r.ReportingYearId == year.Id && r.Sheet == sheet);
        if (row is null)
            return PlanOutcome.Missing(sheet == PlanSheet ? "simpul rencana tidak ada" : "indikator tidak ada");
        var cells = Cells(row.CellsJson);
        if (string.IsNullOrWhiteSpace(expectedVersi))
            return PlanOutcome.Of(WriteResult.VersionRequired(sheet == PlanSheet ? "simpul rencana" : "indikator"));
        if (VersionOf(cells) != expectedVersi)
            return PlanOutcome.Conflict(Changed(spec, cells, null));
        var code = cells.GetValueOrDefault("code") ?? "";
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        var removedWith = new List<string>();
        if (sheet == PlanSheet)
        {
            var children = data.Plan.Where(p => p.ParentCode == code).Select(p => p.Code).ToList();
            var measured = data.Indicators.Where(i => GoalCodes(i.GoalCode).Contains(code)).Select(i => i.Code).ToList();
            if (children.Count + measured.Count > 0)
                return PlanOutcome.Refused($"simpul {code} tidak dapat dihapus: " + string.Join("; ", new[]
                {
                    children.Count > 0 ? "simpul di bawahnya " + string.Join(", ", children) : null,
                    measured.Count > 0 ? "indikator yang mengukurnya " + string.Join(", ", measured) : null,
                }.OfType<string>()) + "; pindahkan atau hapus lebih dahulu");
        }
        else
        {
            var realisasi = await db.Realisasi.Where(r => r.ReportingYearId == year.Id && r.IndicatorCode == code && r.IsCurrent).Select(r => r.Period).ToListAsync();
            if (realisasi.Count > 0)
                return PlanOutcome.Refused($"indikator {code} tidak dapat dihapus: sudah ada realisasinya ({string.Join(", ", realisasi.Order(StringComparer.Ordinal))}); realisasi tidak dihapus");
            var targets = await db.Targets.Where(t => t.ReportingYearId == year.Id && t.IndicatorCode == code).ToListAsync();
            if (targets.FirstOrDefault(t => LockReason(data, t.Document) is not null) is { } locked)
                return PlanOutcome.Refused($"indikator {code} tidak dapat dihapus: target {locked.Period} ({locked.Document}) — {LockReason(data, locked.Document)}");
            db.Targets.RemoveRange(targets);
            db.RencanaAksi.RemoveRange(await db.RencanaAksi.Where(a => a.ReportingYearId == year.Id && a.IndicatorCode == code).ToListAsync());
            removedWith.AddRange(targets.Select(t => $"target {t.Period} {t.Document}".Trim()));
            // rows of other sheets about this indicator (pembanding, rumus hitung, angka tercetak) would point at nothing
            foreach (var other in await db.WorkbookRows.Where(r => r.ReportingYearId == year.Id && r.Sheet != PlanSheet && r.Sheet != IndicatorSheet).ToListAsync())
            {
                var otherCells = Cells(other.CellsJson);
                if (otherCells.GetValueOrDefault("indicator") == code)
                {
                    db.WorkbookRows.Remove(other);
                    removedWith.Add($"{other.Sheet}: {string.Join(" | ", otherCells.Values)}");
                }
            }
        }

        db.WorkbookRows.Remove(row);
        var before = Labelled(spec, cells);
        if (removedWith.Count > 0)
            before["Ikut dihapus"] = string.Join("; ", removedWith);
        db.Record(year.AgencyId, EntityOf(sheet), AuditKey(year.Id, code), "hapus", before, null);
        return await CommitCheckedAsync(year, sheet == PlanSheet ? "simpul rencana" : "indikator");
    }

    private static IEnumerable<string> GoalCodes(string goal) => goal.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The cells under the workbook's Indonesian headers, in the sheet's column order, for the audit log.</summary>
    private static Dictionary<string, string?> Labelled(SheetSpec spec, Dictionary<string, string> cells)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var column in spec.Columns)
            result[column.Header] = cells.GetValueOrDefault(column.Json);
        return result;
    }

    private static bool SameCells(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(c => b.TryGetValue(c.Key, out var v) && v == c.Value);

    /// <summary>The 409 message: which columns someone else changed since the form was read, and their values now.</summary>
    private static string Changed(SheetSpec spec, Dictionary<string, string> now, IReadOnlyDictionary<string, string>? seen)
    {
        var code = now.GetValueOrDefault("code");
        var what = seen is null
            ? spec.Columns.Where(c => now.ContainsKey(c.Json)).Select(c => $"{c.Header} \"{now[c.Json]}\"")
            : spec.Columns.Where(c => (seen.GetValueOrDefault(c.Json) ?? "") != (now.GetValueOrDefault(c.Json) ?? ""))
                .Select(c => $"{c.Header}: \"{seen.GetValueOrDefault(c.Json) ?? ""}\" → \"{now.GetValueOrDefault(c.Json) ?? ""}\"");
        return $"{code} telah diubah orang lain sejak Anda membukanya ({(seen is null ? "isinya sekarang: " : "")}{string.Join("; ", what)}); perubahan Anda tidak disimpan. Muat ulang halaman lalu ulangi.";
    }

    private static void EnsureSheet(ReportingYear year, string sheet)
    {
        if (!year.SheetsPresent.Split(';').Contains(sheet))
            year.SheetsPresent = string.Join(';', year.SheetsPresent.Split(';', StringSplitOptions.RemoveEmptyEntries).Append(sheet).Order(StringComparer.Ordinal));
    }

    // ---------- target rows ----------

    /// <summary>Adds a target row (Renstra, a year or a quarter, a document) for an indicator.</summary>
    public async Task<PlanOutcome> AddTargetAsync(ReportingYear year, string indicator, string? period, string? value, string? cumulative, string? document, int? expectedRevision, string? onlyVersion = null)
    {
        if (expectedRevision is null)
            return PlanOutcome.Of(WriteResult.VersionRequired("tahun (revisi halaman)"));
        if (year.Revision != expectedRevision)
            return PlanOutcome.Conflict("data tahun ini telah diubah sejak Anda membuka halaman; target Anda tidak disimpan. Muat ulang halaman lalu ulangi.");
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        if (data.Indicators.All(i => i.Code != indicator))
            return PlanOutcome.Missing($"indikator {indicator} tidak ada");
        var parsedPeriod = Period.Parse(period);
        if (string.IsNullOrWhiteSpace(period) || !parsedPeriod.Success)
            return PlanOutcome.Refused($"periode \"{period}\" tidak dikenal; tulis {year.Year}, {year.Year}-TW1 .. TW4, atau Renstra");
        if (string.IsNullOrWhiteSpace(value))
            return PlanOutcome.Refused("nilai target wajib diisi");
        var doc = string.IsNullOrWhiteSpace(document) ? null : document.Trim();
        if (onlyVersion is not null && PerjanjianKinerja.DocumentVersion(doc)?.Code != onlyVersion)
            return PlanOutcome.Refused("di halaman ini hanya target versi PK yang sedang disusun yang dapat ditambah");
        if (onlyVersion is null && LockReason(data, doc) is { } locked)
            return PlanOutcome.Refused(locked);
        var periodText = period.Trim();
        if (await db.Targets.AnyAsync(t => t.ReportingYearId == year.Id && t.IndicatorCode == indicator && t.Period == periodText && t.Document == doc))
            return PlanOutcome.Refused($"target {indicator} {periodText} {doc} sudah ada; ubah nilainya");
        var unit = await db.Indicators.Where(i => i.ReportingYearId == year.Id && i.Code == indicator).Select(i => i.UnitCode).FirstOrDefaultAsync() ?? WorkbookStore.RootUnitFallback;
        var ordinal = await db.Targets.Where(t => t.ReportingYearId == year.Id).Select(t => (int?)t.Ordinal).MaxAsync() ?? 0;
        db.Targets.Add(new TargetRow
        {
            ReportingYearId = year.Id, AgencyId = year.AgencyId, Ordinal = ordinal + 1, IndicatorCode = indicator, Period = periodText, Value = value.Trim(),
            Cumulative = string.IsNullOrWhiteSpace(cumulative) ? null : cumulative.Trim(), Document = doc, UnitCode = unit,
        });
        return await CommitCheckedAsync(year, "target");
    }

    /// <summary>Removes a target row, unless its PK version is signed or replaced (<paramref name="onlyVersion"/>: the PK page's version being prepared).</summary>
    public async Task<PlanOutcome> RemoveTargetAsync(ReportingYear year, long id, int? expectedVersion, string? onlyVersion = null)
    {
        if (expectedVersion is null)
            return PlanOutcome.Of(WriteResult.VersionRequired("target"));
        var target = await db.Targets.SingleOrDefaultAsync(t => t.Id == id && t.ReportingYearId == year.Id);
        if (target is null)
            return PlanOutcome.Missing("target tidak ada");
        if (target.ConcurrencyVersion != expectedVersion)
            return PlanOutcome.Conflict($"target {target.IndicatorCode} {target.Period} telah diubah orang lain sejak Anda membukanya: nilainya sekarang \"{target.Value}\"; tidak dihapus. Muat ulang halaman lalu ulangi.");
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        if (onlyVersion is not null ? PerjanjianKinerja.DocumentVersion(target.Document)?.Code != onlyVersion : LockReason(data, target.Document) is not null)
            return PlanOutcome.Refused(LockReason(data, target.Document) ?? "target ini bukan bagian dari versi PK yang sedang disusun");
        db.Targets.Remove(target);
        return await CommitCheckedAsync(year, "target");
    }

    /// <summary>Changes the value of a target row of the PK version being prepared (the PK page), with the row's concurrency version.</summary>
    public async Task<PlanOutcome> ChangePkTargetAsync(ReportingYear year, string version, long id, string? value, int? expectedVersion)
    {
        if (expectedVersion is null)
            return PlanOutcome.Of(WriteResult.VersionRequired("target"));
        var target = await db.Targets.SingleOrDefaultAsync(t => t.Id == id && t.ReportingYearId == year.Id);
        if (target is null || PerjanjianKinerja.DocumentVersion(target.Document)?.Code != version)
            return PlanOutcome.Missing("target versi ini tidak ada");
        if (target.ConcurrencyVersion != expectedVersion)
            return PlanOutcome.Conflict($"target {target.IndicatorCode} {target.Period} telah diubah orang lain sejak Anda membukanya: nilainya sekarang \"{target.Value}\"; perubahan Anda tidak disimpan. Muat ulang halaman lalu ulangi.");
        if (string.IsNullOrWhiteSpace(value))
            return PlanOutcome.Refused("nilai target wajib diisi; untuk meniadakan target versi ini, hapus barisnya");
        target.Value = value.Trim();
        db.Entry(target).Property(t => t.ConcurrencyVersion).OriginalValue = expectedVersion.Value;
        target.ConcurrencyVersion = expectedVersion.Value + 1;
        return await CommitCheckedAsync(year, "target");
    }

    /// <summary>The PK version whose targets, budget and signatories are still composed on the PK page: the draft PK Perubahan (not yet signed), or null.</summary>
    public static PkVersionId? OpenVersion(PerformanceDataset data) => PerjanjianKinerja.Draft(data)?.Id;

    /// <summary>Why the PK page may not change the targets and budget of <paramref name="versi"/>, or null when it is the draft being prepared.</summary>
    public async Task<string?> ClosedReasonAsync(ReportingYear year, string? versi)
    {
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        var asked = PerjanjianKinerja.Find(data, versi);
        if (OpenVersion(data) is { } open && asked?.Id == open)
            return null;
        if (asked is not null)
            return PkService.SignedReason(asked);
        return "versi PK ini tidak ada; tambahkan PK Perubahan (draf) lalu susun target dan anggarannya";
    }

    /// <summary>The Target sheet's document for a PK version: "PK", "PK Perubahan", "PK Perubahan 2".</summary>
    public static string DocumentOf(PkVersionId id) => id.Kind == PkVersionKind.Awal ? "PK" : id.Number == 1 ? "PK Perubahan" : $"PK Perubahan {id.Number}";

    // ---------- budget lines of the PK version being prepared ----------

    /// <summary>A budget line as typed; <paramref name="Pengampu"/> is the Pejabat Pengampu (sheet AnggaranPK, issue 20 item 6).</summary>
    public sealed record BudgetLineInput(string? Code, string? Name, string? Parent, string? Level, string? Pagu, string? Goals, string? Pengampu = null);

    /// <summary>Adds (<paramref name="id"/> null), changes or (<paramref name="remove"/>) removes a budget line of the given PK version.</summary>
    public async Task<PlanOutcome> SaveBudgetLineAsync(ReportingYear year, string version, long? id, BudgetLineInput input, int? expectedVersion, bool remove = false)
    {
        PkBudgetRow? row = null;
        if (id is not null && expectedVersion is null)
            return PlanOutcome.Of(WriteResult.VersionRequired("baris anggaran"));
        if (id is { } existing)
        {
            row = await db.PkBudget.SingleOrDefaultAsync(b => b.Id == existing && b.ReportingYearId == year.Id);
            if (row is null || PkVersionId.Parse(row.PkVersion) is not { Success: true } parsed || parsed.Value.Code != version)
                return PlanOutcome.Missing("baris anggaran versi ini tidak ada");
            if (row.ConcurrencyVersion != expectedVersion)
                return PlanOutcome.Conflict($"anggaran {row.Code} telah diubah orang lain sejak Anda membukanya (pagu sekarang \"{row.Pagu}\"); perubahan Anda tidak disimpan. Muat ulang halaman lalu ulangi.");
        }

        if (remove)
        {
            if (row is null)
                return PlanOutcome.Missing("baris anggaran versi ini tidak ada");
            db.PkBudget.Remove(row);
            return await CommitCheckedAsync(year, "anggaran PK");
        }

        if (string.IsNullOrWhiteSpace(input.Code) || string.IsNullOrWhiteSpace(input.Pagu))
            return PlanOutcome.Refused("kode dan pagu baris anggaran wajib diisi");
        if (row is null)
        {
            var ordinal = await db.PkBudget.Where(b => b.ReportingYearId == year.Id).Select(b => (int?)b.Ordinal).MaxAsync() ?? 0;
            row = new PkBudgetRow { ReportingYearId = year.Id, AgencyId = year.AgencyId, Ordinal = ordinal + 1, PkVersion = version, Code = "" };
            db.PkBudget.Add(row);
            EnsureSheet(year, "pkBudget");
        }
        else
        {
            db.Entry(row).Property(b => b.ConcurrencyVersion).OriginalValue = expectedVersion!.Value;
            row.ConcurrencyVersion = expectedVersion.Value + 1;
        }

        row.Code = input.Code.Trim();
        row.Name = Clean(input.Name);
        row.Parent = Clean(input.Parent);
        row.Level = Clean(input.Level);
        row.Pagu = input.Pagu.Trim();
        row.Goals = Clean(input.Goals);
        row.Pengampu = Clean(input.Pengampu);
        return await CommitCheckedAsync(year, "anggaran PK");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // ---------- one checked commit ----------

    /// <summary>
    /// Saves the tracked changes with the year's revision raised, reads the year back as a workbook and checks
    /// it: an import error or a checks' error that was not there before rolls everything back. The index of
    /// indicators (and the unit each record belongs to) follows the new plan. Signing a PK Perubahan goes
    /// through it too: the draft's targets start measuring, so the checks must hold with them.
    /// </summary>
    public Task<PlanOutcome> CommitPkChangeAsync(ReportingYear year, string what) => CommitCheckedAsync(year, what);

    private async Task<PlanOutcome> CommitCheckedAsync(ReportingYear year, string what) =>
        PlanOutcome.Of(await writer.CommitAsync(year, new WriteRequest(Security.Operations.Plan, null, what, CheckScope.NewErrors), afterCheck: data => SyncIndicatorsAsync(year, data)));

    /// <summary>An import error located as the workbook shows it (sheet Indikator, baris 4, kolom Sasaran), not by the JSON names the database keeps.</summary>
    public static string Located(ImportError error)
    {
        var at = error.Location;
        if (!at.Json || WorkbookSchema.Sheets.FirstOrDefault(s => s.Json == at.Sheet) is not { } spec)
            return error.ToString();
        var column = spec.Columns.FirstOrDefault(c => c.Json == at.Column)?.Header ?? at.Column;
        var place = at.Row > 0 ? $"sheet {spec.Sheet}, baris {at.Row + 1}" : $"sheet {spec.Sheet}";
        return string.IsNullOrEmpty(column) ? $"{place}: {error.Message}" : $"{place}, kolom {column}: {error.Message}";
    }

    /// <summary>The indicator index the pages authorise with, rebuilt from the new plan; targets, realisasi and Rencana Aksi follow their indicator's unit.</summary>
    private async Task SyncIndicatorsAsync(ReportingYear year, PerformanceDataset data)
    {
        var root = WorkbookStore.RootUnit(data);
        var unitOf = data.Indicators.ToDictionary(i => i.Code, i => WorkbookStore.UnitOf(data, i, root), StringComparer.Ordinal);
        var infos = await db.Indicators.Where(i => i.ReportingYearId == year.Id).ToListAsync();
        db.Indicators.RemoveRange(infos.Where(i => !unitOf.ContainsKey(i.Code)));
        var n = 0;
        foreach (var indicator in data.Indicators)
        {
            var info = infos.FirstOrDefault(i => i.Code == indicator.Code);
            if (info is null)
                db.Indicators.Add(info = new IndicatorInfo { ReportingYearId = year.Id, Code = indicator.Code, Name = indicator.Name, UnitCode = unitOf[indicator.Code] });
            info.Ordinal = ++n;
            info.Name = indicator.Name;
            info.GoalCode = indicator.GoalCode;
            info.Satuan = indicator.Satuan;
            info.UnitCode = unitOf[indicator.Code];
            info.CatalogueCode = ScaleModel.CatalogueCodeOf(indicator.Code, indicator.FormulaExpression);
        }

        foreach (var t in await db.Targets.Where(t => t.ReportingYearId == year.Id).ToListAsync())
        {
            if (unitOf.TryGetValue(t.IndicatorCode, out var unit) && t.UnitCode != unit)
                t.UnitCode = unit;
        }

        foreach (var r in await db.Realisasi.Where(r => r.ReportingYearId == year.Id).ToListAsync())
        {
            if (unitOf.TryGetValue(r.IndicatorCode, out var unit) && r.UnitCode != unit)
                r.UnitCode = unit;
        }

        foreach (var a in await db.RencanaAksi.Where(a => a.ReportingYearId == year.Id).ToListAsync())
        {
            if (unitOf.TryGetValue(a.IndicatorCode, out var unit) && a.UnitCode != unit)
                a.UnitCode = unit;
        }
    }
}
