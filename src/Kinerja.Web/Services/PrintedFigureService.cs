using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Model;
using Kinerja.Domain.Validation;
using Kinerja.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>
/// A figure a published report printed (sheet AngkaTercetak) as the Angka Tercetak page lists it: as printed, what the
/// engine computes from the approved data, the check's finding, the known-error reason, and the version a change names.
/// </summary>
public sealed record PrintedFigureItem(long Id, string Kind, string? Code, string? Period, string Value, string? Source, string? KnownError, string? Computed, Finding? Finding, string Versi)
{
    /// <summary>The check's judgement in words: reproduced, a known publication error, or the finding's severity.</summary>
    public string State => Finding switch
    {
        null => "sesuai hasil hitung",
        { Rule: PrintedFigureCheck.KnownRule } => "kesalahan publikasi yang diketahui",
        { Severity: Severity.Error } => "galat",
        { Severity: Severity.Warning } => "peringatan",
        _ => "info",
    };
}

/// <summary>
/// The printed figures of a published report (issue 19 item 6): a planner corrects a figure that was mistyped from the
/// report, or marks it as a known publication error with a mandatory reason (column Kesalahan Publikasi), after which
/// its finding is a warning carrying the reason and no longer refuses a final. The rows are workbook cells
/// (<see cref="WorkbookRow"/>, sheet printedFigures); each change names the row's version (a hash of its cells, as the
/// plan editor's rows) and is committed through <see cref="RecordWriter"/>: authorised (Plan), the year's revision
/// raised, audited with before and after, read back as a workbook, in one transaction.
/// </summary>
public sealed class PrintedFigureService(KinerjaDbContext db, DatasetCache cache, RecordWriter writer)
{
    public const string Sheet = "printedFigures";

    /// <summary>The audit entity of a printed figure.</summary>
    public const string Entity = "AngkaTercetak";

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every printed figure of the year in sheet order, each judged against the approved data (what the documents print).</summary>
    public async Task<List<PrintedFigureItem>> ListAsync(ReportingYear year)
    {
        var rows = await db.WorkbookRows.AsNoTracking().Where(r => r.ReportingYearId == year.Id && r.Sheet == Sheet).OrderBy(r => r.Ordinal).ToListAsync();
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Approved);
        // the store reads a sheet's rows in ordinal order and numbers them from 1: a figure's SourceRow is its place here
        var figures = data.PrintedFigures.Where(f => f.SourceRow > 0).ToDictionary(f => f.SourceRow);
        var findings = new PrintedFigureCheck().Check(data).Where(f => f.Row is not null).GroupBy(f => f.Row!.Value).ToDictionary(g => g.Key, g => g.First());
        var items = new List<PrintedFigureItem>();
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = Cells(rows[i].CellsJson);
            figures.TryGetValue(i + 1, out var figure);
            findings.TryGetValue(i + 1, out var finding);
            items.Add(new PrintedFigureItem(
                rows[i].Id, cells.GetValueOrDefault("kind") ?? "", cells.GetValueOrDefault("code"), cells.GetValueOrDefault("period") ?? figure?.Period.ToString(),
                cells.GetValueOrDefault("value") ?? "", cells.GetValueOrDefault("source"), cells.GetValueOrDefault("knownError"),
                figure is null ? null : PrintedFigureCheck.Computed(data, figure), finding, PlanEditor.VersionOf(cells)));
        }

        return items;
    }

    /// <summary>Corrects the figure's Nilai: the report printed something else than was typed into the workbook.</summary>
    public Task<WriteResult> CorrectAsync(ReportingYear year, long id, string? value, string? expectedVersi) =>
        ChangeAsync(year, id, expectedVersi, "perbaiki nilai", cells =>
        {
            if (string.IsNullOrWhiteSpace(value))
                return "nilai angka tercetak wajib diisi seperti tercetak di laporan, mis. 93,93% atau Rp 12.081.204.858";
            cells["value"] = value.Trim();
            return null;
        });

    /// <summary>Marks the figure as a known publication error; the reason is mandatory and is printed with the finding.</summary>
    public Task<WriteResult> MarkKnownAsync(ReportingYear year, long id, string? reason, string? expectedVersi) =>
        ChangeAsync(year, id, expectedVersi, "tandai kesalahan publikasi", cells =>
        {
            if (string.IsNullOrWhiteSpace(reason))
                return "alasan wajib diisi: sebutkan mengapa angka yang tercetak di laporan terbit keliru (mis. salah ketik, ralat dimuat di ...)";
            if (reason.Trim().Length > 500)
                return "alasan paling panjang 500 karakter";
            cells["knownError"] = reason.Trim();
            return null;
        });

    /// <summary>Removes the known-error mark: the figure is judged as any other again.</summary>
    public Task<WriteResult> UnmarkAsync(ReportingYear year, long id, string? expectedVersi) =>
        ChangeAsync(year, id, expectedVersi, "hapus tanda kesalahan publikasi", cells =>
        {
            if (!cells.Remove("knownError"))
                return "angka ini tidak ditandai sebagai kesalahan publikasi";
            return null;
        });

    private async Task<WriteResult> ChangeAsync(ReportingYear year, long id, string? expectedVersi, string action, Func<Dictionary<string, string>, string?> change)
    {
        // the version is asked for before anything is looked at: a form without it cannot overwrite anyone
        if (string.IsNullOrWhiteSpace(expectedVersi))
            return WriteResult.VersionRequired("angka tercetak");
        var row = await db.WorkbookRows.SingleOrDefaultAsync(r => r.Id == id && r.ReportingYearId == year.Id && r.Sheet == Sheet);
        if (row is null)
            return WriteResult.Missing("angka tercetak tidak ada");
        var before = Cells(row.CellsJson);
        if (PlanEditor.VersionOf(before) != expectedVersi.Trim())
        {
            db.ChangeTracker.Clear();
            return WriteResult.Conflict($"angka tercetak ini telah diubah orang lain sejak Anda membukanya (kini: Nilai {before.GetValueOrDefault("value")}"
                + (before.GetValueOrDefault("knownError") is { } k ? $", kesalahan publikasi: {k}" : "") + "); perubahan Anda tidak disimpan. Muat ulang halaman lalu ulangi.");
        }

        var after = new Dictionary<string, string>(before, StringComparer.Ordinal);
        if (change(after) is { } refused)
        {
            db.ChangeTracker.Clear();
            return WriteResult.Invalid(refused);
        }

        row.CellsJson = JsonSerializer.Serialize(after, Json);
        var what = $"angka tercetak {after.GetValueOrDefault("kind")} {after.GetValueOrDefault("code")}".TrimEnd();
        // the figure must still read as sheet AngkaTercetak (a value that is no number is refused with its place); its own
        // finding is what the page then shows, and a mismatch that remains is the planner's to mark, so no check refuses it
        return await writer.CommitAsync(year, new WriteRequest(Operations.Plan, null, what, CheckScope.ReadBack),
            new RecordWriter.AuditNote(Entity, $"{year.Id}|{row.Id}", action, before, after));
    }

    private static Dictionary<string, string> Cells(string json) => JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
