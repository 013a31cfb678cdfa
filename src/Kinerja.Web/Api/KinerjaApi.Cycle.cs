using Kinerja.Data;
using Kinerja.Domain.Cycle;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;

namespace Kinerja.Web.Api;

public sealed record CycleStepDto(string Key, string Label, string Period, DateOnly Opens, DateOnly Due, DateOnly Closes, string Rule, bool Overridden, int Version, string? Reason);

/// <summary>New dates of one step; Version from GET .../kalender (0 when the step has no override yet).</summary>
public sealed record CycleStepRequest(DateOnly Opens, DateOnly Due, DateOnly Closes, string? Reason, int? Version);

public sealed record CycleStatusDto(string UnitCode, string Unit, string IndicatorCode, string Indicator, string Period, string Status, string WaitingFor, DateOnly? Due, int? Days);

public sealed record CycleTaskDto(int AgencyId, string Agency, int Year, string Action, string What, string Unit, DateOnly Due, int Days, string Link);

/// <summary>The reporting calendar, the status against it and the person's tasks (issue 21).</summary>
public static partial class KinerjaApi
{
    private static void MapCycle(RouteGroupBuilder api, RouteGroupBuilder year)
    {
        year.MapGet("/kalender", GetCalendar).WithSummary("Kalender pelaporan tahun ini: setiap tahap dengan tanggal dibuka, batas waktu, ditutup, dan dasar tanggal bawaannya");
        year.MapPut("/kalender/{key}", SaveCalendarStep).WithSummary("Ubah tanggal satu tahap (administrator instansi; diaudit); Version dari GET, 0 bila belum pernah diubah");
        year.MapDelete("/kalender/{key}", ResetCalendarStep).WithSummary("Kembalikan satu tahap ke tanggal bawaan (administrator instansi; diaudit); ?concurrencyVersion= versi dari GET");
        year.MapGet("/status", GetCycleStatus).WithSummary("Status setiap indikator terhadap kalender pada periode (belum, terlambat, diajukan, diverifikasi, disahkan) dengan sisa atau keterlambatan hari; hanya unit yang menjadi wewenang pengguna");
        api.MapGet("/tugas", GetTasks).WithSummary("Tugas saya: yang harus dikerjakan pengguna (isi, verifikasi, sahkan, tanda tangani) dengan batas waktu, paling mendesak lebih dulu");
    }

    private static async Task<IResult> GetCalendar(int agencyId, int year, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, CycleService cycle)
    {
        if (await YearAsync(db, agencyId, year) is null)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.View))
            return ApiResults.Problem(403, "akun ini tidak berwenang atas instansi ini");
        var calendar = await cycle.CalendarAsync(agencyId, year);
        var overrides = (await cycle.OverridesAsync(agencyId, year)).ToDictionary(o => o.StepKey, StringComparer.Ordinal);
        return Results.Ok(calendar.Steps.Select(s => new CycleStepDto(s.Key, s.Label, s.Period, s.Opens, s.Due, s.Closes, s.Rule,
            overrides.ContainsKey(s.Key), overrides.TryGetValue(s.Key, out var o) ? o.ConcurrencyVersion : 0, o?.Reason)).ToList());
    }

    private static async Task<IResult> SaveCalendarStep(int agencyId, int year, string key, CycleStepRequest body, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, ScopeProvider scopes, CycleService cycle)
    {
        if (await YearAsync(db, agencyId, year) is null)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.ManageUsers))
            return ApiResults.Problem(403, "hanya administrator instansi yang dapat mengubah kalender");
        var scope = await scopes.GetAsync();
        if (await cycle.SaveAsync(agencyId, year, key, body.Opens, body.Due, body.Closes, body.Reason, body.Version, scope.UserName) is { } failed)
            return ApiResults.Problem(failed.Status, failed.Message);
        return await GetCalendar(agencyId, year, http, db, auth, cycle);
    }

    private static async Task<IResult> ResetCalendarStep(int agencyId, int year, string key, int? concurrencyVersion, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, ScopeProvider scopes, CycleService cycle)
    {
        if (await YearAsync(db, agencyId, year) is null)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.ManageUsers))
            return ApiResults.Problem(403, "hanya administrator instansi yang dapat mengubah kalender");
        if (await cycle.ResetAsync(agencyId, year, key, concurrencyVersion, (await scopes.GetAsync()).UserName) is { } failed)
            return ApiResults.Problem(failed.Status, failed.Message);
        return await GetCalendar(agencyId, year, http, db, auth, cycle);
    }

    private static async Task<IResult> GetCycleStatus(int agencyId, int year, string? periode, HttpContext http, KinerjaDbContext db, IAuthorizationService auth, ScopeProvider scopes, CycleService cycle, ReadRouting reads, ReadCache cache)
    {
        if (await YearAsync(db, agencyId, year) is not { } row)
            return ApiResults.Problem(404, "instansi atau tahun tidak ada");
        if (!await Can(auth, http, agencyId, Operations.View))
            return ApiResults.Problem(403, "akun ini tidak berwenang atas instansi ini");
        var period = RealisasiService.NormalPeriod(periode, year);
        if (period is null || CycleCalendar.QuarterOf(period, year) is null)
            return ApiResults.Problem(400, $"periode \"{periode}\" tidak dikenal; gunakan misalnya {year}-TW1 atau {year}");
        // the completion board from the replica when configured and the read cache at the year's revision (issue 23)
        var read = await reads.ContextAsync(http.RequestAborted);
        var rows = await cycle.BoardAsync(row, period, await scopes.GetAsync(), await cache.YearAsync(read, row.Id, agencyId, http.RequestAborted), read);
        return Results.Ok(rows.Select(r => new CycleStatusDto(r.UnitCode, r.UnitName, r.IndicatorCode, r.IndicatorName, r.Period, CycleStanding.Label(r.Standing.State),
            r.Standing.WaitingFor, r.Standing.State == CycleState.Disahkan ? null : r.Standing.Due, r.Standing.State == CycleState.Disahkan ? null : r.Standing.Days)).ToList());
    }

    private static async Task<IResult> GetTasks(ScopeProvider scopes, CycleService cycle)
    {
        var scope = await scopes.GetAsync();
        if (!scope.IsSignedIn)
            return ApiResults.Problem(401, "masuk terlebih dahulu");
        return Results.Ok((await cycle.TasksAsync(scope)).Select(t => new CycleTaskDto(t.AgencyId, t.AgencyName, t.Year, t.Action, t.What, t.Unit, t.Due, t.Days, t.Link)).ToList());
    }
}
