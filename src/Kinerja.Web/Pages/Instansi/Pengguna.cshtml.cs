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
    public sealed record Member(string UserName, string DisplayName, AgencyRole Role, string Units);

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
                user = new AppUser { UserName = name, DisplayName = string.IsNullOrWhiteSpace(DisplayName) ? name : DisplayName.Trim() };
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
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.UserName, u.DisplayName, a.Role, a.UnitCodes }).ToListAsync();
        foreach (var r in rows.OrderBy(r => r.UserName))
            Members.Add(new Member(r.UserName ?? "", r.DisplayName, r.Role, r.Role is AgencyRole.Operator or AgencyRole.Verifikator ? r.UnitCodes.Replace(";", ", ", StringComparison.Ordinal) : "semua unit"));
    }
}
