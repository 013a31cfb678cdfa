using Kinerja.Data;
using Kinerja.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

/// <summary>An instansi's administrator makes accounts and gives roles and units; every change is in the audit log.</summary>
public sealed class PenggunaModel(KinerjaDbContext db, UserManager<AppUser> users, ScopeProvider scopes, IAuthorizationService authorization) : PageModel
{
    public sealed record Member(string UserName, string DisplayName, AgencyRole Role, string Units, bool MustChangePassword);

    [BindProperty(SupportsGet = true)] public int AgencyId { get; set; }

    [BindProperty] public string UserName { get; set; } = "";

    [BindProperty] public string? DisplayName { get; set; }

    [BindProperty] public string? Password { get; set; }

    [BindProperty] public AgencyRole Role { get; set; }

    [BindProperty] public List<string> UnitCodes { get; set; } = [];

    public Agency Agency { get; private set; } = null!;

    public List<Unit> Units { get; private set; } = [];

    public List<Member> Members { get; } = [];

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    /// <summary>A reset's temporary password, shown once to the administrator who made it (never stored in clear, never mailed).</summary>
    public (string UserName, string Password)? TemporaryPassword { get; private set; }

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
        var scope = await scopes.GetAsync();
        db.AuditUser = scope.UserName;
        var name = UserName.Trim();
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            if (string.IsNullOrEmpty(Password))
                Errors.Add("Akun baru memerlukan kata sandi awal.");
            else
            {
                // the administrator chose this password: its owner must replace it at the first sign-in
                user = new AppUser { UserName = name, DisplayName = string.IsNullOrWhiteSpace(DisplayName) ? name : DisplayName.Trim(), MustChangePassword = true };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded)
                {
                    Errors.AddRange(created.Errors.Select(e => e.Description));
                    user = null;
                }
                else
                    db.Record(AgencyId, nameof(AppUser), name, "tambah", null, new { user.UserName, user.DisplayName });
            }
        }

        var known = Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var chosen = UnitCodes.Where(known.Contains).Distinct().ToList();
        if (Role is AgencyRole.Operator or AgencyRole.Verifikator && chosen.Count == 0)
            Errors.Add("Operator dan verifikator harus diberi sedikitnya satu unit.");
        if (user is null || Errors.Count > 0)
        {
            await FillAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.UserId == user.Id && a.AgencyId == AgencyId);
        if (assignment is null)
            db.Assignments.Add(assignment = new Assignment { UserId = user.Id, AgencyId = AgencyId });
        assignment.Role = Role;
        assignment.UnitCodes = string.Join(';', chosen);
        await db.SaveChangesAsync();
        TempData["pesan"] = $"Pengguna {name} disimpan sebagai {UserScope.RoleLabel(Role)}.";
        return Redirect($"/instansi/{AgencyId}/pengguna");
    }

    public async Task<IActionResult> OnPostCabutAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        db.AuditUser = (await scopes.GetAsync()).UserName;
        var user = await users.FindByNameAsync(UserName.Trim());
        var assignment = user is null ? null : await db.Assignments.SingleOrDefaultAsync(a => a.UserId == user.Id && a.AgencyId == AgencyId);
        if (assignment is not null)
        {
            db.Assignments.Remove(assignment);
            await db.SaveChangesAsync();
        }

        TempData["pesan"] = $"Peran {UserName} di instansi ini dicabut.";
        return Redirect($"/instansi/{AgencyId}/pengguna");
    }

    /// <summary>
    /// Resets a member's password to a random temporary one shown once here; its owner must change it at the next
    /// sign-in, and every session of the account ends now. An instansi's administrator may reset only accounts that
    /// belong to instansi they administer (never the installation's administrator): otherwise a reset would hand them
    /// someone's rights elsewhere.
    /// </summary>
    public async Task<IActionResult> OnPostAturUlangAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        var scope = await scopes.GetAsync();
        var user = await users.FindByNameAsync(UserName.Trim());
        var memberships = user is null ? [] : await db.Assignments.AsNoTracking().Where(a => a.UserId == user.Id).Select(a => a.AgencyId).ToListAsync();
        if (user is null || !memberships.Contains(AgencyId))
            return NotFound();
        if (!scope.IsSystemAdmin && (user.IsSystemAdmin || memberships.Any(a => !scope.Can(Operations.ManageUsers, new AgencyResource(a)))))
        {
            Errors.Add($"Kata sandi {user.UserName} hanya dapat diatur ulang oleh administrator aplikasi: akun ini juga berperan di instansi lain atau administrator aplikasi.");
            await FillAsync();
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        db.AuditUser = scope.UserName;
        var temporary = TemporaryPasswords.New();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, temporary);
        if (!reset.Succeeded)
            throw new InvalidOperationException("kata sandi sementara ditolak: " + string.Join("; ", reset.Errors.Select(e => e.Description)));
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.Record(AgencyId, nameof(AppUser), user.UserName ?? "", "atur-ulang-sandi", null, new { olehAdministrator = scope.UserName, wajibGanti = true });
        await db.SaveChangesAsync();
        TemporaryPassword = (user.UserName ?? "", temporary);
        Message = $"Kata sandi {user.UserName} diatur ulang. Semua sesinya berakhir; saat masuk dengan kata sandi sementara di bawah, ia wajib menggantinya.";
        await FillAsync();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == AgencyId);
        if (agency is null)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, new AgencyResource(AgencyId), Operations.ManageUsers)).Succeeded)
            return Forbid();
        Agency = agency;
        Units = await db.Units.AsNoTracking().Where(u => u.AgencyId == AgencyId).OrderBy(u => u.Code).ToListAsync();
        var years = await db.Years.AsNoTracking().Where(y => y.AgencyId == AgencyId).Select(y => y.Year).OrderByDescending(y => y).ToListAsync();
        if (years.Count > 0)
            ViewData["Nav"] = new Pages.YearNav(AgencyId, agency.Name, years[0], true);
        return null;
    }

    private async Task FillAsync()
    {
        var rows = await db.Assignments.AsNoTracking().Where(a => a.AgencyId == AgencyId)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.UserName, u.DisplayName, a.Role, a.UnitCodes, u.MustChangePassword }).ToListAsync();
        foreach (var r in rows.OrderBy(r => r.UserName))
            Members.Add(new Member(r.UserName ?? "", r.DisplayName, r.Role, r.Role is AgencyRole.Operator or AgencyRole.Verifikator ? r.UnitCodes.Replace(";", ", ", StringComparison.Ordinal) : "semua unit", r.MustChangePassword));
    }
}
