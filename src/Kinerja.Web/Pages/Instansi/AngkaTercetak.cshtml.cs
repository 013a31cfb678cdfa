using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Web.Pages.Instansi;

/// <summary>
/// The figures a published report printed (sheet AngkaTercetak), each beside what the engine computes and the check's
/// finding. A planner or the instansi administrator corrects a figure mistyped from the report, or marks it as a known
/// publication error with a reason (issue 19 item 6); every change names the row's version and goes through the write path.
/// </summary>
public sealed class AngkaTercetakModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, PrintedFigureService figures) : YearPageModel(db, authorization, scopes)
{
    [BindProperty] public long Id { get; set; }

    [BindProperty] public string? Versi { get; set; }

    [BindProperty] public string? Value { get; set; }

    [BindProperty] public string? Reason { get; set; }

    public List<PrintedFigureItem> Items { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        Message = TempData["pesan"] as string;
        await FillAsync();
        return Page();
    }

    public Task<IActionResult> OnPostNilaiAsync() => ChangeAsync(() => figures.CorrectAsync(YearRow, Id, Value, Versi), "Nilai angka tercetak diperbaiki.");

    public Task<IActionResult> OnPostTandaiAsync() => ChangeAsync(() => figures.MarkKnownAsync(YearRow, Id, Reason, Versi), "Angka ditandai sebagai kesalahan publikasi yang diketahui.");

    public Task<IActionResult> OnPostBatalAsync() => ChangeAsync(() => figures.UnmarkAsync(YearRow, Id, Versi), "Tanda kesalahan publikasi dihapus.");

    private async Task<IActionResult> ChangeAsync(Func<Task<WriteResult>> write, string done)
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.Plan))
            return Forbid();
        var result = await write();
        if (!result.Ok)
        {
            Error = PageResults.Message(result);
            await FillAsync();
            Response.StatusCode = PageResults.StatusOf(result);
            return Page();
        }

        TempData["pesan"] = done;
        return Redirect($"/instansi/{AgencyId}/{Year}/angka-tercetak#angka-{Id}");
    }

    private async Task FillAsync()
    {
        Items = await figures.ListAsync(YearRow);
        CanEdit = await Allowed(Operations.Plan);
    }
}
