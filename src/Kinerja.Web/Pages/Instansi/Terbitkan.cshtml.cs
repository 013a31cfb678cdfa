using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

/// <summary>
/// Terbitkan: the year's final LKjIP or a signed PK version is built once and stored; the public page lists and
/// serves only what was published here. Administrators, perencana and pimpinan (those who see the whole instansi) publish.
/// </summary>
public sealed class TerbitkanModel(KinerjaDbContext db, IAuthorizationService authorization, ScopeProvider scopes, DatasetCache cache, Publications publications)
    : YearPageModel(db, authorization, scopes)
{
    public IReadOnlyList<(string Kind, string? Versi, string Title)> Choices { get; private set; } = [];

    public List<(PublishedDocument Document, string Agency)> Published { get; private set; } = [];

    public string? Message { get; private set; }

    public IReadOnlyList<string> Reasons { get; private set; } = [];

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

    public async Task<IActionResult> OnPostAsync(string? jenis, string? format)
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.ViewWhole))
            return Forbid();
        var (kind, versi) = (jenis ?? "").Split(':', 2) is [var k, var v] ? (k, v) : (jenis ?? "", null);
        var outcome = await publications.PublishAsync(YearRow, kind, versi, format ?? "", Scope.UserName);
        if (outcome.Document is { } published)
        {
            TempData["pesan"] = $"{published.Title} ({published.Format.ToUpperInvariant()}) diterbitkan dan tampil di halaman publikasi.";
            return Redirect($"/instansi/{AgencyId}/{Year}/terbitkan");
        }

        Reasons = outcome.Reasons;
        await FillAsync();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>Publishes an uploaded PDF of a document Kinerja does not build (Renstra, IKU, Rencana Aksi, LHE, ...).</summary>
    public async Task<IActionResult> OnPostUnggahAsync(string? jenisBerkas, IFormFile? berkas)
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.ViewWhole))
            return Forbid();
        var outcome = await publications.UploadAsync(YearRow, jenisBerkas ?? "", berkas, Scope.UserName);
        if (outcome.Document is { } published)
        {
            TempData["pesan"] = $"{published.Title} diterbitkan dan tampil di halaman publikasi.";
            return Redirect($"/instansi/{AgencyId}/{Year}/terbitkan");
        }

        Reasons = outcome.Reasons;
        await FillAsync();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>Uploads the signed scan (PDF) of a published PK or LKjIP; the public page serves it from then on.</summary>
    public async Task<IActionResult> OnPostPindaianAsync(long dokumen, int? versi, IFormFile? berkas)
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (!await Allowed(Operations.ViewWhole))
            return Forbid();
        if (!await Db.PublishedDocuments.AnyAsync(d => d.Id == dokumen && d.AgencyId == AgencyId && d.Year == Year))
            return NotFound();
        var saved = await publications.AttachScanAsync(AgencyId, dokumen, berkas, versi, Scope.UserName);
        if (saved.Ok)
        {
            TempData["pesan"] = "Pindaian bertanda tangan diunggah; halaman publikasi kini menyajikan pindaian itu.";
            return Redirect($"/instansi/{AgencyId}/{Year}/terbitkan");
        }

        Reasons = [saved.Error ?? "pindaian tidak disimpan"];
        await FillAsync();
        Response.StatusCode = saved.Status switch
        {
            WriteStatus.VersionRequired => StatusCodes.Status428PreconditionRequired,
            WriteStatus.Conflict => StatusCodes.Status409Conflict,
            WriteStatus.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return Page();
    }

    private async Task FillAsync()
    {
        Choices = Publications.Choices(await cache.GetAsync(Db, YearRow.Id, RealisasiView.Approved));
        Published = await publications.ListAsync(AgencyId, Year);
    }
}
