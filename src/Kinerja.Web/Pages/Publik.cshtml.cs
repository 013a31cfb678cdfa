using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages;

/// <summary>
/// The SAKIP transparency page (issue 21): per instansi and year the published Renstra, IKU, PK (each signed version),
/// Rencana Aksi, LKjIP and LHE with their publication date, and the IKU capaian as the published LKjIP gave them (table
/// and a server-drawn chart). Only what was published (Terbitkan) shows, served as the stored bytes (the signed scan when
/// there is one). Nothing is built for a visitor, so no anonymous request can start LibreOffice or see a draft.
/// </summary>
public sealed class PublikModel(Publications publications, ReadRouting reads) : PageModel
{
    public sealed record YearView(string Agency, int AgencyId, int Year, List<PublishedDocument> Documents, List<Publications.PublishedCapaian> Capaian, DateTimeOffset? CapaianPublished);

    public List<(PublishedDocument Document, string Agency)> Rows { get; private set; } = [];

    public List<YearView> Years { get; } = [];

    public async Task OnGetAsync()
    {
        // the public page reads the replica when one is configured (issue 23); a publisher just after publishing, the primary
        Rows = await publications.ListAsync(read: await reads.ContextAsync(HttpContext.RequestAborted));
        foreach (var group in Rows.GroupBy(r => (r.Agency, r.Document.AgencyId, r.Document.Year)))
        {
            var documents = group.Select(r => r.Document).ToList();
            var lkjip = documents.Where(d => d.Kind == "lkjip" && d.CapaianJson is not null).OrderByDescending(d => d.PublishedAt).FirstOrDefault();
            var capaian = lkjip is null ? [] : JsonSerializer.Deserialize<List<Publications.PublishedCapaian>>(lkjip.CapaianJson!) ?? [];
            Years.Add(new YearView(group.Key.Agency, group.Key.AgencyId, group.Key.Year, Publications.Current(documents), capaian, lkjip?.PublishedAt));
        }
    }

    /// <summary>/publik/berkas/{id}: the published file as it was stored, or its signed scan when one was uploaded.</summary>
    public async Task<IActionResult> OnGetBerkasAsync(long id)
    {
        var read = await reads.ContextAsync(HttpContext.RequestAborted);
        var document = await read.PublishedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
        // checked against its SHA-256 before a byte is sent: a changed file is refused (logged), never served as published
        if (document is null || await publications.OpenServedAsync(document, HttpContext.RequestAborted) is not { } stream)
            return NotFound();
        var (type, name, _) = Publications.Served(document);
        return File(stream, type, name);
    }

    /// <summary>
    /// The IKU capaian as horizontal bars (SVG drawn on the server: no script), with the 100% line; a bar stops at 150% and
    /// says so, so one outlier does not flatten the others. Encoded here; the page writes it as is.
    /// </summary>
    public static string Chart(IReadOnlyList<Publications.PublishedCapaian> rows, string title)
    {
        const int label = 110, width = 360, rowHeight = 26, top = 24;
        const decimal max = 150m;
        var height = top + (rows.Count * rowHeight) + 24;
        var svg = new StringBuilder();
        string X(decimal v) => (label + (Math.Min(v, max) / max * width)).ToString("0.#", CultureInfo.InvariantCulture);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"grafik\" role=\"img\" aria-labelledby=\"grafik-judul-{title.GetHashCode(StringComparison.Ordinal) & 0xffff}\" viewBox=\"0 0 {label + width + 70} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"grafik-judul-{title.GetHashCode(StringComparison.Ordinal) & 0xffff}\">{WebUtility.HtmlEncode(title)}</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = top + (i * rowHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\" fill=\"#1a1a1a\">{WebUtility.HtmlEncode(r.Code)}</text>");
            if (r.Capaian is { } c)
            {
                var fill = c >= 100m ? "#1b6e3a" : c >= 75m ? "#8a5a00" : "#a11d1d";
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label}\" y=\"{y + 3}\" width=\"{(decimal.Parse(X(Math.Max(c, 0m)), CultureInfo.InvariantCulture) - label).ToString("0.#", CultureInfo.InvariantCulture)}\" height=\"16\" fill=\"{fill}\"></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(Math.Max(c, 0m))}\" dx=\"4\" y=\"{y + 15}\" font-size=\"12\" fill=\"#1a1a1a\">{WebUtility.HtmlEncode(r.CapaianText)}{(c > max ? " (batang dipotong)" : "")}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{label}\" y=\"{y + 15}\" font-size=\"12\" fill=\"#1a1a1a\">{WebUtility.HtmlEncode(r.CapaianText)}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(100m)}\" x2=\"{X(100m)}\" y1=\"{top - 6}\" y2=\"{height - 18}\" stroke=\"#1a1a1a\" stroke-dasharray=\"4 3\"></line>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(100m)}\" y=\"{top - 10}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1a1a1a\">100%</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
