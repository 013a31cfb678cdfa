using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages;

/// <summary>Import with a preview: upload, see what is added/changed/removed, then commit all or nothing.</summary>
public sealed class ImporModel(KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService authorization, ImportService imports) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "AgencyId")]
    public int? AgencyId { get; set; }

    [BindProperty] public IFormFile? Upload { get; set; }

    [BindProperty] public string? Token { get; set; }

    [BindProperty] public int? ExpectedRevision { get; set; }

    /// <summary>"Impor riwayat tahun yang sudah ditutup": approved history, by an administrator, into a year without workflow records.</summary>
    [BindProperty] public bool Riwayat { get; set; }

    /// <summary>Why a closed year's history is loaded past the period lock; required for a history import and audited.</summary>
    [BindProperty] public string? AlasanRiwayat { get; set; }

    /// <summary>The stored year (e.g. 2025) a finance export (SIPD, KRISNA/SAKTI) is imported into; null for a workbook.</summary>
    [BindProperty] public int? Tahun { get; set; }

    /// <summary>The stored years of the instansi the user may import into, for the finance export's form.</summary>
    public List<(int AgencyId, string Agency, int Year)> Years { get; private set; } = [];

    /// <summary>How a finance export's rows were tied to the plan, shown with the preview.</summary>
    public IReadOnlyList<string> BudgetNotes { get; private set; } = [];

    /// <summary>Whether the user administers an instansi (or the installation) and so may load history.</summary>
    public bool MayLoadHistory { get; private set; }

    public UserScope Scope { get; private set; } = UserScope.Anonymous;

    public List<Agency> Agencies { get; private set; } = [];

    public ImportPreview? Preview { get; private set; }

    public List<string> ImportErrors { get; } = [];

    /// <summary>The latest imports into the instansi the user may import into, from the audit log: who, when, which file, what it did.</summary>
    public List<ImportLogLine> RecentImports { get; } = [];

    public sealed record ImportLogLine(string When, string Agency, string Year, string UserName, string Kind, string File, string? Sha256, string Result);

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return Forbid();
        var names = Agencies.ToDictionary(a => a.Id, a => a.Name);
        var ids = names.Keys.ToList();
        var entries = await db.Audit.AsNoTracking()
            .Where(a => a.Entity == nameof(ReportingYear) && (a.Action == "impor" || a.Action == "impor riwayat") && a.AgencyId != null && ids.Contains(a.AgencyId.Value))
            .OrderByDescending(a => a.Id).Take(20).ToListAsync();
        RecentImports.AddRange(entries.Select(e => LogLine(e, names.GetValueOrDefault(e.AgencyId!.Value) ?? "")));
        return Page();
    }

    private static ImportLogLine LogLine(AuditEntry entry, string agency)
    {
        using var json = System.Text.Json.JsonDocument.Parse(entry.After ?? "{}");
        var root = json.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
        int Count(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Array ? v.GetArrayLength() : 0;
        var result = Text("hasil") ?? string.Join(", ", new[]
        {
            ("draf baru", Count("draf baru")), ("draf diubah", Count("draf diubah")), ("koreksi sebagai draf", Count("koreksi sebagai draf")),
            ("dilindungi", Count("dilindungi, tidak diubah") + Count("dilindungi, tidak dihapus")), ("riwayat dimuat", Count("riwayat ditambah") + Count("riwayat diubah")),
        }.Where(x => x.Item2 > 0).Select(x => $"{x.Item2} {x.Item1}").DefaultIfEmpty("data lain diperbarui"));
        return new ImportLogLine(AuditLog.When(entry.At), agency, entry.EntityKey, entry.UserName, entry.Action == "impor riwayat" ? "riwayat" : "impor", Text("berkas") ?? "", Text("sha256"), result);
    }

    public async Task<IActionResult> OnPostPratinjauAsync()
    {
        if (!await LoadAsync() || !await MayImportAsync(AgencyId))
            return Forbid();
        ReadWorkbook workbook;
        try
        {
            if (Tahun is { } year)
            {
                // a finance export goes into a stored year of the chosen instansi, as the workbook import's preview and commit
                if (AgencyId is not { } agency || await db.Years.AsNoTracking().SingleOrDefaultAsync(y => y.AgencyId == agency && y.Year == year) is not { } row)
                    throw new UploadRejectedException("pilih instansi dan tahun yang sudah ada untuk ekspor anggaran");
                Riwayat = false;
                workbook = await imports.ReceiveBudgetAsync(Upload, row.Id);
            }
            else
            {
                workbook = await imports.ReceiveAsync(Upload);
            }
        }
        catch (UploadRejectedException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (workbook.Errors.Count > 0)
        {
            ImportErrors.AddRange(workbook.Errors.Select(e => e.ToString()));
            imports.Discard(workbook.Token);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var preview = await imports.PreviewAsync(AgencyId, workbook, Riwayat ? ImportMode.History : ImportMode.Workflow);
        if (!await MayImportAsync(preview.AgencyId))
        {
            imports.Discard(workbook.Token);
            return Forbid();
        }

        Preview = preview;
        Token = workbook.Token;
        BudgetNotes = workbook.Notes;
        return Page();
    }

    public async Task<IActionResult> OnPostSimpanAsync()
    {
        if (!await LoadAsync() || !await MayImportAsync(AgencyId))
            return Forbid();
        db.AuditUser = Scope.UserName;
        try
        {
            var (result, saved) = await imports.CommitAsync(AgencyId, Token ?? "", ExpectedRevision, Riwayat ? ImportMode.History : ImportMode.Workflow, AlasanRiwayat);
            if (saved is not { } outcome)
            {
                if (result.Status == WriteStatus.Forbidden)
                    return Forbid();
                Error = PageResults.Message(result);
                Response.StatusCode = PageResults.StatusOf(result);
                return Page();
            }

            TempData["pesan"] = !outcome.Changed ? "Impor tersimpan: isi berkas sama dengan data yang tersimpan, tidak ada yang berubah."
                : Riwayat ? "Riwayat tahun yang sudah ditutup tersimpan sebagai angka yang disahkan (ditandai sebagai riwayat impor)."
                : $"Impor tersimpan. {outcome.NewDrafts} nilai baru atau berubah menjadi draf yang menunggu diajukan dan diverifikasi; {outcome.ProtectedCount} realisasi dilindungi tidak diubah.";
            return Redirect($"/instansi/{outcome.AgencyId}/{outcome.Year}/dasbor");
        }
        catch (UploadRejectedException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        Scope = await scopes.GetAsync();
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync();
        Agencies = all.Where(a => Scope.Can(Operations.Import, new AgencyResource(a.Id))).ToList();
        MayLoadHistory = Scope.IsSystemAdmin || all.Any(a => Scope.Can(Operations.ImportHistory, new AgencyResource(a.Id)));
        var ids = Agencies.Select(a => a.Id).ToList();
        var names = Agencies.ToDictionary(a => a.Id, a => a.Name);
        Years = (await db.Years.AsNoTracking().Where(y => ids.Contains(y.AgencyId)).Select(y => new { y.AgencyId, y.Year }).ToListAsync())
            .OrderBy(y => names[y.AgencyId], StringComparer.Ordinal).ThenByDescending(y => y.Year).Select(y => (y.AgencyId, names[y.AgencyId], y.Year)).ToList();
        return Scope.IsSystemAdmin || Agencies.Count > 0;
    }

    /// <summary>A new instansi only by the installation's administrator; an existing one by its administrator or planner.</summary>
    private async Task<bool> MayImportAsync(int? agencyId) =>
        agencyId is { } id
            ? (await authorization.AuthorizeAsync(User, new AgencyResource(id), Operations.Import)).Succeeded
              && (!Riwayat || (await authorization.AuthorizeAsync(User, new AgencyResource(id), Operations.ImportHistory)).Succeeded)
            : Scope.IsSystemAdmin;
}
