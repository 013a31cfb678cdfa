using Kinerja.Data;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Web.Pages;

/// <summary>
/// The public's read-only view: the documents that were published (Terbitkan), served as the stored bytes. Nothing
/// is built for a visitor, so no anonymous request can start LibreOffice or see a draft.
/// </summary>
public sealed class PublikModel(Publications publications) : PageModel
{
    public List<(PublishedDocument Document, string Agency)> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await publications.ListAsync();

    /// <summary>/publik/berkas/{id}: the published file as it was stored (its SHA-256 is on the list).</summary>
    public async Task<IActionResult> OnGetBerkasAsync(long id, [FromServices] KinerjaDbContext db)
    {
        var document = await db.PublishedDocuments.FindAsync(id);
        if (document is null)
            return NotFound();
        // checked against its SHA-256 before a byte is sent: a changed file is refused (logged), never served as published
        var content = await publications.OpenAsync(document, HttpContext.RequestAborted);
        if (content is null)
            return NotFound();
        var type = document.Format == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        return File(content, type, document.FileName);
    }
}
