using Kinerja.Data;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages.Instansi;

/// <summary>
/// The instansi's workflow setting: separation of duties (on by default). An instansi administrator may switch
/// it off for a one-person office, with a reason; the change and the reason are in the audit log.
/// And its region (issue 23): a province, then a regency or city, from the shipped Kemendagri list, for the national roll-up.
/// </summary>
public sealed class PengaturanModel(KinerjaDbContext db, ScopeProvider scopes, IAuthorizationService authorization, RecordWriter writer) : PageModel
{
    public const string Entity = "WorkflowSetting";

    public const string RegionEntity = "WilayahInstansi";

    /// <summary>What the region form sends for "not set" (an empty field would bind as missing).</summary>
    public const string NoRegion = "-";

    [BindProperty] public string? Provinsi { get; set; }

    [BindProperty] public string? KabupatenKota { get; set; }

    /// <summary>The version the region form was read at: the region then, <see cref="NoRegion"/> when none.</summary>
    [BindProperty] public string? WilayahSemula { get; set; }

    public List<AuditLine> RegionHistory { get; } = [];

    public string? RegionError { get; private set; }

    /// <summary>The provinces, each with its regencies and cities, by name.</summary>
    public static IReadOnlyList<(Region Province, IReadOnlyList<Region> Regencies)> RegionTree { get; } =
        [.. Regions.List.Where(r => r.IsProvince).OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(p => (p, (IReadOnlyList<Region>)[.. Regions.List.Where(r => r.ProvinceCode == p.Code).OrderBy(r => r.Code, StringComparer.Ordinal)]))];

    [BindProperty(SupportsGet = true)] public int AgencyId { get; set; }

    [BindProperty] public bool SeparateDuties { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public bool? Current { get; set; }

    public Agency Agency { get; private set; } = null!;

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public List<AuditLine> History { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        Message = TempData["pesan"] as string;
        SeparateDuties = Agency.SeparateDuties;
        await FillAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        // the form says which setting it was read with: a change made meanwhile by another administrator is not overwritten
        if (Current is null || Current != Agency.SeparateDuties)
            return await RefusedAsync(Current is null ? "versi pengaturan yang Anda baca wajib dikirim; muat ulang halaman" : "pengaturan ini telah diubah orang lain sejak Anda membukanya; muat ulang halaman lalu ulangi", Current is null ? StatusCodes.Status428PreconditionRequired : StatusCodes.Status409Conflict);
        if (SeparateDuties == Agency.SeparateDuties)
            return Redirect($"/instansi/{AgencyId}/pengaturan");
        if (string.IsNullOrWhiteSpace(Reason))
            return await RefusedAsync("perubahan pemisahan tugas harus disertai alasan (mis. kantor dengan satu pegawai)", StatusCodes.Status400BadRequest);
        db.AuditUser = (await scopes.GetAsync()).UserName;
        var agency = await db.Agencies.SingleAsync(a => a.Id == AgencyId);
        agency.SeparateDuties = SeparateDuties;
        // the row audit records before and after; this entry keeps the reason beside it
        db.Record(AgencyId, Entity, AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture), "ubah",
            new Dictionary<string, string?> { ["SeparateDuties"] = (!SeparateDuties).ToString() }, new Dictionary<string, string?> { ["SeparateDuties"] = SeparateDuties.ToString(), ["Alasan"] = Reason.Trim() });
        await db.SaveChangesAsync();
        TempData["pesan"] = SeparateDuties ? "Pemisahan tugas diaktifkan." : "Pemisahan tugas dimatikan untuk instansi ini.";
        return Redirect($"/instansi/{AgencyId}/pengaturan");
    }

    /// <summary>Sets the instansi's region: checked against the Kemendagri list, the version it was read at required, through the one write path.</summary>
    public async Task<IActionResult> OnPostWilayahAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (WilayahSemula is null)
            return await RegionRefusedAsync("versi wilayah yang Anda baca wajib dikirim; muat ulang halaman", StatusCodes.Status428PreconditionRequired);
        var before = WilayahSemula == NoRegion ? null : WilayahSemula;
        if (before != Agency.RegionCode)
            return await RegionRefusedAsync("wilayah instansi ini telah diubah orang lain sejak Anda membukanya; muat ulang halaman lalu ulangi", StatusCodes.Status409Conflict);
        var province = string.IsNullOrWhiteSpace(Provinsi) || Provinsi == NoRegion ? null : Provinsi.Trim();
        var regency = string.IsNullOrWhiteSpace(KabupatenKota) || KabupatenKota == NoRegion ? null : KabupatenKota.Trim();
        string? region;
        if (province is null)
        {
            if (regency is not null)
                return await RegionRefusedAsync("pilih provinsinya lebih dulu, lalu kabupaten/kota di provinsi itu", StatusCodes.Status400BadRequest);
            region = null;
        }
        else if (Regions.Find(province) is not { IsProvince: true })
            return await RegionRefusedAsync($"\"{province}\" bukan kode provinsi pada daftar wilayah Kemendagri", StatusCodes.Status400BadRequest);
        else if (regency is null)
            region = province;
        else if (Regions.Find(regency) is not { IsProvince: false } found)
            return await RegionRefusedAsync($"\"{regency}\" bukan kode kabupaten/kota pada daftar wilayah Kemendagri", StatusCodes.Status400BadRequest);
        else if (found.ProvinceCode != province)
            return await RegionRefusedAsync($"{found.Name} bukan bagian dari {Regions.Find(province)!.Name}; pilih kabupaten/kota di provinsi itu", StatusCodes.Status400BadRequest);
        else
            region = regency;

        if (region == Agency.RegionCode)
            return Redirect($"/instansi/{AgencyId}/pengaturan");
        var key = AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = await writer.CommitAgencyUpdateAsync(AgencyId, Operations.ManageUsers, "wilayah instansi",
            async () => await db.Agencies.Where(a => a.Id == AgencyId && a.RegionCode == before).ExecuteUpdateAsync(u => u.SetProperty(a => a.RegionCode, region)) == 1,
            new RecordWriter.AuditNote(RegionEntity, key, "ubah",
                new Dictionary<string, string?> { ["Wilayah"] = Describe(before) }, new Dictionary<string, string?> { ["Wilayah"] = Describe(region) }));
        if (!result.Ok)
            return await RegionRefusedAsync(PageResults.Message(result)!, PageResults.StatusOf(result));
        TempData["pesan"] = "Wilayah instansi disimpan: " + Describe(region) + ".";
        return Redirect($"/instansi/{AgencyId}/pengaturan");
    }

    /// <summary>"32.04 Kabupaten Bandung (Jawa Barat)", or "tidak ada".</summary>
    public static string Describe(string? code) =>
        Regions.Find(code) is not { } r ? "tidak ada"
        : r.IsProvince ? $"{r.Code} {r.Name}" : $"{r.Code} {r.Name} ({Regions.Find(r.ProvinceCode)?.Name})";

    private async Task<IActionResult> RegionRefusedAsync(string error, int status)
    {
        RegionError = error;
        SeparateDuties = Agency.SeparateDuties;
        await FillAsync();
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult> RefusedAsync(string error, int status)
    {
        Error = error;
        await FillAsync();
        Response.StatusCode = status;
        return Page();
    }

    private async Task FillAsync()
    {
        History.AddRange(await AuditLog.ForAsync(db, AgencyId, Entity, [AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)], 20));
        RegionHistory.AddRange(await AuditLog.ForAsync(db, AgencyId, RegionEntity, [AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)], 20));
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == AgencyId);
        if (agency is null)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, new AgencyResource(AgencyId), Operations.ManageUsers)).Succeeded)
            return Forbid();
        Agency = agency;
        return null;
    }
}
