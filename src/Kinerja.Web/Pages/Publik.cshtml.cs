using Kinerja.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages;

/// <summary>The public's read-only view: documents of the published years.</summary>
public sealed class PublikModel(KinerjaDbContext db) : PageModel
{
    public sealed record Row(int AgencyId, string Agency, int Year);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = (await db.Years.AsNoTracking().Where(y => y.Published).Select(y => new Row(y.AgencyId, y.Agency!.Name, y.Year)).ToListAsync())
            .OrderBy(r => r.Agency).ThenBy(r => r.Year).ToList();
}
