using System.Text.Json;
using Kinerja.Data;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Model;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

/// <summary>
/// Adds, changes and removes a plan node (sheet Rencana) or an indicator (sheet Indikator, with its target
/// rows) for planners and the instansi's administrators. Each save goes through <see cref="PlanEditor"/>:
/// checked as a workbook, audited, refused when the row changed since the form was read.
/// </summary>
public sealed class RencanaUbahModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, DatasetCache cache, PlanEditor editor, RecordWriter writer) : YearPageModel(db, authorization, scopes)
{
    [BindProperty(SupportsGet = true)] public string Jenis { get; set; } = "";

    [BindProperty(SupportsGet = true)] public long? Id { get; set; }

    [BindProperty] public Dictionary<string, string?> Cells { get; set; } = [];

    [BindProperty] public string? Versi { get; set; }

    /// <summary>The cells the form was read with (JSON), to name what someone else changed meanwhile.</summary>
    [BindProperty] public string? Asal { get; set; }

    public string Sheet => Jenis == "simpul" ? PlanEditor.PlanSheet : PlanEditor.IndicatorSheet;

    public SheetSpec Spec => PlanEditor.Spec(Sheet);

    public string What => Jenis == "simpul" ? "simpul rencana" : "indikator";

    public PlanItem? Item { get; private set; }

    public PerformanceDataset Data { get; private set; } = null!;

    public List<TargetRow> Targets { get; private set; } = [];

    public List<string> UnitCodes { get; private set; } = [];

    public List<AuditLine> Audit { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>The workbook's values as a reader says them; the option still submits the workbook's spelling.</summary>
    private static readonly Dictionary<string, string> OptionLabels = new(StringComparer.Ordinal)
    {
        ["Tujuan"] = "Tujuan (Pemda)",
        ["Sasaran"] = "Sasaran (Pemda)",
        ["SasaranStrategis"] = "Sasaran Strategis (K/L)",
        ["SasaranProgram"] = "Sasaran Program (K/L)",
        ["SasaranKegiatan"] = "Sasaran Kegiatan (K/L)",
        ["SubKegiatan"] = "Sub Kegiatan",
        ["RataRata"] = "Rata-rata",
        ["OpiniBPK"] = "Opini BPK (WTP > WDP > TW > TMP)",
        ["NilaiSAKIP"] = "Nilai SAKIP (AA > A > BB > B > CC > C > D)",
    };

    public static string OptionLabel(string value) => OptionLabels.GetValueOrDefault(value) ?? value;

    /// <summary>The column's note, except where the options already say it.</summary>
    public static string Note(ColumnSpec column) => column.Json is "level" or "ordinalScale" ? "" : column.Note;

    public string? LockOf(TargetRow t) => PlanEditor.LockReason(Data, t.Document);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadPlanAsync() is { } refused)
            return refused;
        Message = TempData["pesan"] as string;
        Warnings = (TempData["peringatan"] as string)?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (Id is not null && Item is null)
            return NotFound();
        Cells = Item?.Cells.ToDictionary(c => c.Key, c => (string?)c.Value) ?? [];
        if (Item is null && Request.Query["induk"] is { Count: > 0 } parent)
            Cells[Jenis == "simpul" ? "parent" : "goal"] = parent.ToString();
        Versi = Item?.Versi;
        Asal = Item is null ? null : JsonSerializer.Serialize(Item.Cells);
        return Page();
    }

    public async Task<IActionResult> OnPostSimpanAsync()
    {
        if (await LoadPlanAsync() is { } refused)
            return refused;
        Db.AuditUser = Scope.UserName;
        var seen = string.IsNullOrEmpty(Asal) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(Asal);
        var outcome = await editor.SaveAsync(YearRow, Sheet, Id, Cells, Versi, seen);
        if (outcome.Ok)
            return Done($"{(Id is null ? "Ditambahkan" : "Disimpan")}: {What} {outcome.Item!.Code}.", outcome.Warnings, $"/instansi/{AgencyId}/{Year}/rencana/{Jenis}/{outcome.Item.Id}");
        return await Refused(outcome, keepForm: true);
    }

    public async Task<IActionResult> OnPostHapusAsync()
    {
        if (await LoadPlanAsync() is { } refused)
            return refused;
        if (Id is not { } id)
            return NotFound();
        Db.AuditUser = Scope.UserName;
        var outcome = await editor.RemoveAsync(YearRow, Sheet, id, Versi);
        if (outcome.Ok)
            return Done($"Dihapus: {What} {Item?.Code}.", outcome.Warnings, $"/instansi/{AgencyId}/{Year}/rencana");
        return await Refused(outcome, keepForm: false);
    }

    public async Task<IActionResult> OnPostTambahTargetAsync(string? period, string? value, string? cumulative, string? document, int? revision)
    {
        if (await LoadPlanAsync() is { } refused)
            return refused;
        if (Item is null || Jenis != "indikator")
            return NotFound();
        Db.AuditUser = Scope.UserName;
        var outcome = await editor.AddTargetAsync(YearRow, Item.Code, period, value, cumulative, document, revision);
        if (outcome.Ok)
            return Done($"Target {Item.Code} {period} ditambahkan.", outcome.Warnings, $"/instansi/{AgencyId}/{Year}/rencana/{Jenis}/{Item.Id}#target");
        return await Refused(outcome, keepForm: false);
    }

    public async Task<IActionResult> OnPostUbahTargetAsync(long targetId, int? targetVersion, string? value)
    {
        if (await LoadPlanAsync() is { } refused)
            return refused;
        var target = Item is null ? null : await Db.Targets.SingleOrDefaultAsync(t => t.Id == targetId && t.ReportingYearId == YearRow.Id && t.IndicatorCode == Item.Code);
        if (target is null)
            return NotFound();
        Db.AuditUser = Scope.UserName;
        var saved = await TargetEditor.SaveAsync(Db, cache, writer, YearRow, target, value ?? "", targetVersion);
        if (saved.Ok)
            return Done($"Target {target.IndicatorCode} {target.Period} disimpan.", [], $"/instansi/{AgencyId}/{Year}/rencana/{Jenis}/{Item!.Id}#target");
        Db.ChangeTracker.Clear();
        return await Refused(PlanOutcome.Of(saved), keepForm: false);
    }

    public async Task<IActionResult> OnPostHapusTargetAsync(long targetId, int? targetVersion)
    {
        if (await LoadPlanAsync() is { } refused)
            return refused;
        if (Item is null || !await Db.Targets.AnyAsync(t => t.Id == targetId && t.ReportingYearId == YearRow.Id && t.IndicatorCode == Item.Code))
            return NotFound();
        Db.AuditUser = Scope.UserName;
        var outcome = await editor.RemoveTargetAsync(YearRow, targetId, targetVersion);
        if (outcome.Ok)
            return Done("Target dihapus.", outcome.Warnings, $"/instansi/{AgencyId}/{Year}/rencana/{Jenis}/{Item.Id}#target");
        return await Refused(outcome, keepForm: false);
    }

    private RedirectResult Done(string message, IReadOnlyList<string> warnings, string url)
    {
        TempData["pesan"] = message;
        if (warnings.Count > 0)
            TempData["peringatan"] = string.Join('\n', warnings);
        return Redirect(url);
    }

    private async Task<IActionResult> Refused(PlanOutcome outcome, bool keepForm)
    {
        var typed = Cells;
        Db.ChangeTracker.Clear();
        await LoadPlanAsync();
        Error = PageResults.Message(outcome);
        Warnings = outcome.Warnings;
        if (keepForm)
        {
            // what the person typed stays in the form; the version is the current one only after they reload
            Cells = typed;
        }
        else
        {
            Cells = Item?.Cells.ToDictionary(c => c.Key, c => (string?)c.Value) ?? [];
            Versi = Item?.Versi;
            Asal = Item is null ? null : JsonSerializer.Serialize(Item.Cells);
        }

        Response.StatusCode = PageResults.StatusOf(outcome);
        return Page();
    }

    /// <summary>The instansi, year and row; refused unless the user plans for this instansi (the same rule as the API).</summary>
    private async Task<IActionResult?> LoadPlanAsync()
    {
        if (Jenis is not ("simpul" or "indikator"))
            return NotFound();
        if (await LoadAsync() is { } refused)
            return refused;
        Item = Id is { } id ? await editor.FindAsync(YearRow.Id, Sheet, id) : null;
        var unit = Item?.Cells.GetValueOrDefault(Jenis == "simpul" ? "unit" : "owner");
        if (!await Allowed(Operations.Plan, string.IsNullOrEmpty(unit) ? null : unit))
            return Forbid();
        Data = await cache.GetAsync(Db, YearRow.Id, RealisasiView.Latest);
        UnitCodes = await Db.Units.AsNoTracking().Where(u => u.AgencyId == AgencyId).OrderBy(u => u.Code).Select(u => u.Code).ToListAsync();
        if (Item is not null)
        {
            var key = PlanEditor.AuditKey(YearRow.Id, Item.Code);
            var entries = await Db.Audit.AsNoTracking()
                .Where(a => a.AgencyId == AgencyId && ((a.Entity == PlanEditor.EntityOf(Sheet) && a.EntityKey == key) || (a.Entity == nameof(TargetRow) && a.EntityKey.StartsWith(key + "|"))))
                .OrderByDescending(a => a.Id).Take(100).ToListAsync();
            Audit = entries.Select(AuditLog.Line).ToList();
            if (Jenis == "indikator")
                Targets = await Db.Targets.AsNoTracking().Where(t => t.ReportingYearId == YearRow.Id && t.IndicatorCode == Item.Code).OrderBy(t => t.Ordinal).ToListAsync();
        }

        return null;
    }
}
