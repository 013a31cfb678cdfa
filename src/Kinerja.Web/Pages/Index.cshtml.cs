using Kinerja.Data;
using Kinerja.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages;

public sealed class IndexModel(KinerjaDbContext db, ScopeProvider scopes, Services.CycleService cycle) : PageModel
{
    public sealed record AgencyRow(int Id, string Name, string Role, IReadOnlyList<int> Years, bool CanManage);

    public UserScope Scope { get; private set; } = UserScope.Anonymous;

    public List<AgencyRow> Rows { get; } = [];

    /// <summary>"Tugas saya": what this person must do next, most urgent first (issue 21).</summary>
    public List<Services.CycleService.TaskRow> Tasks { get; private set; } = [];

    /// <summary>A unit head's view: what is outstanding in the units they lead, most urgent first (issue 21).</summary>
    public List<Services.CycleService.OutstandingRow> Outstanding { get; private set; } = [];

    public bool IsHead => Scope.Assignments.Values.Any(a => a.Role == AgencyRole.Pimpinan);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await db.Users.AnyAsync())
            return Redirect("/setup");
        Scope = await scopes.GetAsync();
        if (!Scope.IsSignedIn)
            return Page();
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name, Years = a.Years.Select(y => y.Year).ToList() }).ToListAsync();
        foreach (var a in agencies.Where(a => Scope.IsSystemAdmin || Scope.Assignments.ContainsKey(a.Id)))
        {
            var role = Scope.RoleIn(a.Id) is { } r ? UserScope.RoleLabel(r) : "Administrator sistem";
            Rows.Add(new AgencyRow(a.Id, a.Name, role, a.Years.Order().ToList(), Scope.Can(Operations.ManageUsers, new AgencyResource(a.Id))));
        }

        Tasks = await cycle.TasksAsync(Scope);
        Outstanding = await cycle.OutstandingAsync(Scope);
        return Page();
    }
}
