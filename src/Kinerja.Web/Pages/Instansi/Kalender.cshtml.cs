using System.Globalization;
using Kinerja.Data;
using Kinerja.Domain.Cycle;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Web.Pages.Instansi;

/// <summary>The reporting calendar of an instansi's year; its administrator changes a step's dates (audited) or restores the default.</summary>
public sealed class KalenderModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, CycleService cycle) : YearPageModel(db, authorization, scopes)
{
    [BindProperty] public string StepKey { get; set; } = "";

    [BindProperty] public string? Opens { get; set; }

    [BindProperty] public string? Due { get; set; }

    [BindProperty] public string? Closes { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public int? Version { get; set; }

    public CycleCalendar Calendar { get; private set; } = null!;

    public Dictionary<string, CycleDeadlineRow> Overrides { get; private set; } = [];

    public DateOnly Today { get; private set; }

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

    public async Task<IActionResult> OnPostSimpanAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.ManageUsers))
            return Forbid();
        if (ParseDate(Opens) is not { } opens || ParseDate(Due) is not { } due || ParseDate(Closes) is not { } closes)
            return await RefuseAsync(400, "Tanggal dibuka, batas waktu dan ditutup harus diisi (tttt-bb-hh).");
        if (await cycle.SaveAsync(AgencyId, Year, StepKey, opens, due, closes, Reason, Version, Scope.UserName) is { } failed)
            return await RefuseAsync(failed.Status, failed.Message);
        TempData["pesan"] = "Jadwal disimpan.";
        return Redirect($"/instansi/{AgencyId}/{Year}/kalender");
    }

    public async Task<IActionResult> OnPostBawaanAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.ManageUsers))
            return Forbid();
        if (await cycle.ResetAsync(AgencyId, Year, StepKey, Version, Scope.UserName) is { } failed)
            return await RefuseAsync(failed.Status, failed.Message);
        TempData["pesan"] = "Jadwal dikembalikan ke ketentuan bawaan.";
        return Redirect($"/instansi/{AgencyId}/{Year}/kalender");
    }

    public static string Date(DateOnly d) => ReminderPlan.DateText(d); // Indonesian month names without depending on the server's ICU data

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private async Task<IActionResult> RefuseAsync(int status, string message)
    {
        Error = message;
        await FillAsync();
        Response.StatusCode = status;
        return Page();
    }

    private async Task FillAsync()
    {
        Calendar = await cycle.CalendarAsync(AgencyId, Year);
        Overrides = (await cycle.OverridesAsync(AgencyId, Year)).ToDictionary(o => o.StepKey, StringComparer.Ordinal);
        Today = cycle.Today;
        CanEdit = await Allowed(Operations.ManageUsers);
    }
}
