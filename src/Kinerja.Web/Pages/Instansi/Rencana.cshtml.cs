using Kinerja.Data;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

public sealed class RencanaModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, DatasetCache cache, PlanEditor editor) : YearPageModel(db, authorization, scopes)
{
    public PerformanceDataset Data { get; private set; } = null!;

    /// <summary>The pohon kinerja as nested lists (details/summary fold a branch); pohon.js adds fit, zoom and pan.</summary>
    public string TreeHtml { get; private set; } = "";

    /// <summary>Unit names by code: the tables name units, never show a code alone.</summary>
    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();

    public bool CanPlan { get; private set; }

    /// <summary>The rows of sheets Rencana and Indikator by code, for the edit links.</summary>
    public Dictionary<string, long> NodeIds { get; private set; } = [];

    public Dictionary<string, long> IndicatorIds { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        Data = await cache.GetAsync(Db, YearRow.Id, RealisasiView.Approved);
        TreeHtml = Tree(Data);
        UnitNames = await Db.Units.AsNoTracking().Where(u => u.AgencyId == AgencyId).ToDictionaryAsync(u => u.Code, u => u.Name);
        Message = TempData["pesan"] as string;
        CanPlan = await Allowed(Operations.Plan);
        if (CanPlan)
        {
            NodeIds = (await editor.ListAsync(YearRow.Id, PlanEditor.PlanSheet)).GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First().Id);
            IndicatorIds = (await editor.ListAsync(YearRow.Id, PlanEditor.IndicatorSheet)).GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First().Id);
        }
        return Page();
    }

    /// <summary>Above this many nodes the tree opens with only the root's children shown; smaller trees open whole.</summary>
    public const int OpenWholeUpTo = 30;

    /// <summary>
    /// The plan cascade as nested lists, each node a box with its full statement and indicators (never cut), each
    /// branch in a details element so that it folds without script; a large tree opens on its root with the first
    /// level shown and deeper branches folded, so it fits the width before anyone zooms. Drawn as an organisation
    /// chart by site.css (.pohon); pohon.js adds zoom, pan, fit-to-width and open/close-all.
    /// </summary>
    public static string Tree(PerformanceDataset data)
    {
        var children = data.Plan.ToLookup(p => string.IsNullOrWhiteSpace(p.ParentCode) || data.FindPlanNode(p.ParentCode) is null ? "" : p.ParentCode!);
        var indicators = data.Indicators.ToLookup(i => i.GoalCode);
        var openDepth = data.Plan.Count > OpenWholeUpTo ? 1 : int.MaxValue;
        var html = new System.Text.StringBuilder();
        var roots = children[""].ToList();
        if (roots.Count == 0)
            return "<p>Belum ada simpul rencana.</p>";
        html.Append("<ul class=\"pohon-akar\">");
        foreach (var root in roots)
            Node(root, 0, []);
        html.Append("</ul>");
        return html.ToString();

        void Node(PlanNode node, int depth, HashSet<string> path)
        {
            var kids = path.Add(node.Code) ? children[node.Code].ToList() : [];
            var level = System.Net.WebUtility.HtmlEncode(RencanaUbahModel.OptionLabel(node.Level.ToString()));
            var box = new System.Text.StringBuilder();
            box.Append($"<span class=\"simpul-level\">{level}</span><strong>{System.Net.WebUtility.HtmlEncode(node.Code)}</strong> {System.Net.WebUtility.HtmlEncode(node.Name)}");
            var own = indicators[node.Code].ToList();
            if (own.Count > 0)
            {
                box.Append("<ul class=\"simpul-ik\">");
                foreach (var i in own)
                    box.Append($"<li>{System.Net.WebUtility.HtmlEncode(i.Code)} {System.Net.WebUtility.HtmlEncode(i.Name)}</li>");
                box.Append("</ul>");
            }

            var kind = node.Level switch { PlanLevel.Tujuan => "tujuan", PlanLevel.Program or PlanLevel.Kegiatan or PlanLevel.SubKegiatan => "program", _ => "sasaran" };
            html.Append($"<li data-simpul=\"{System.Net.WebUtility.HtmlEncode(node.Code)}\">");
            if (kids.Count == 0)
                html.Append($"<div class=\"simpul {kind}\">{box}</div>");
            else
            {
                html.Append($"<details{(depth < openDepth ? " open" : "")}><summary class=\"simpul {kind}\" title=\"Klik untuk membuka atau melipat cabang ({kids.Count} simpul di bawahnya)\">{box}<span class=\"simpul-cabang\">{kids.Count} cabang</span></summary><ul>");
                foreach (var k in kids)
                    Node(k, depth + 1, path);
                html.Append("</ul></details>");
            }

            html.Append("</li>");
            path.Remove(node.Code);
        }
    }
}
