using System.Globalization;
using Kinerja.Data;
using Kinerja.Domain.Cycle;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

/// <summary>
/// The period lock of a year (issue 21): whether it is on, which periods have closed, and the reopenings. The instansi's
/// administrator switches the lock, reopens one unit's period (or one indicator) until a date with a reason, or ends a
/// reopening early; all of it audited.
/// </summary>
public sealed class PembukaanModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, PeriodLock periodLock, PeriodLockAdmin lockAdmin, CycleService cycle)
    : YearPageModel(db, authorization, scopes)
{
    [BindProperty] public string? Periode { get; set; }

    [BindProperty] public string? Unit { get; set; }

    [BindProperty] public string? Indikator { get; set; }

    [BindProperty] public string? Sampai { get; set; }

    [BindProperty] public string? Alasan { get; set; }

    [BindProperty] public long? Id { get; set; }

    [BindProperty] public int? Version { get; set; }

    [BindProperty] public bool Kunci { get; set; }

    [BindProperty] public bool? KunciSekarang { get; set; }

    public List<PeriodReopening> Reopenings { get; private set; } = [];

    /// <summary>The audit log about the lock, newest first (the same entries the common log holds).</summary>
    public List<AuditLine> History { get; private set; } = [];

    public List<(string Period, DateOnly Closes)> Periods { get; } = [];

    public List<(string Code, string Name)> Units { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanEdit { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.ViewWhole))
            return Forbid();
        Message = TempData["pesan"] as string;
        await FillAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostBukaAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.ManageUsers))
            return Forbid();
        if (!DateOnly.TryParseExact(Sampai?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            return await RefuseAsync(400, "Tanggal akhir pembukaan harus diisi (tttt-bb-hh).");
        if (await lockAdmin.ReopenAsync(AgencyId, Year, Periode ?? "", Unit ?? "", Indikator, until, Alasan) is { } failed)
            return await RefuseAsync(failed.Status, failed.Message);
        TempData["pesan"] = $"Periode {Periode} unit {Unit}{(string.IsNullOrWhiteSpace(Indikator) ? "" : " indikator " + Indikator)} dibuka kembali sampai {ReminderPlan.DateText(until)}.";
        return Redirect($"/instansi/{AgencyId}/{Year}/pembukaan");
    }

    public async Task<IActionResult> OnPostTutupAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.ManageUsers))
            return Forbid();
        if (await lockAdmin.RevokeAsync(AgencyId, Id ?? 0, Version) is { } failed)
            return await RefuseAsync(failed.Status, failed.Message);
        TempData["pesan"] = "Pembukaan periode diakhiri.";
        return Redirect($"/instansi/{AgencyId}/{Year}/pembukaan");
    }

    public async Task<IActionResult> OnPostKunciAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.ManageUsers))
            return Forbid();
        if (await lockAdmin.SetLockAsync(AgencyId, Kunci, KunciSekarang, Alasan) is { } failed)
            return await RefuseAsync(failed.Status, failed.Message);
        TempData["pesan"] = Kunci ? "Kunci periode diaktifkan." : "Kunci periode dimatikan untuk instansi ini.";
        return Redirect($"/instansi/{AgencyId}/{Year}/pembukaan");
    }

    private async Task<IActionResult> RefuseAsync(int status, string message)
    {
        Error = message;
        await FillAsync();
        Response.StatusCode = status;
        return Page();
    }

    private async Task FillAsync()
    {
        Today = periodLock.Today;
        CanEdit = await Allowed(Operations.ManageUsers);
        Reopenings = await periodLock.ListAsync(AgencyId, Year);
        var calendar = await cycle.CalendarAsync(AgencyId, Year);
        foreach (var p in PeriodsOf(Year))
            Periods.Add((p, PeriodLock.ClosesOn(calendar, p)!.Value));
        // the audit log's entries about the lock of this instansi: the switch, the reopenings of the year, the changes made under them
        var prefix = Year.ToString(CultureInfo.InvariantCulture) + "|";
        var entries = await Db.Audit.AsNoTracking()
            .Where(a => a.AgencyId == AgencyId && (a.Entity == PeriodLock.ReopeningEntity
                || ((a.Entity == nameof(PeriodReopening) || a.Entity == PeriodLock.LateChangeEntity) && a.EntityKey.StartsWith(prefix))))
            .OrderByDescending(a => a.Id).Take(100).ToListAsync();
        History = entries.Select(AuditLog.Line).ToList();
        Units = (await Db.Units.AsNoTracking().Where(u => u.AgencyId == AgencyId).OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).ToListAsync())
            .Select(u => (u.Code, u.Name)).ToList();
    }
}
