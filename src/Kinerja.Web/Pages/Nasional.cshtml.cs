using Kinerja.Data;
using Kinerja.Domain.Formulas;
using Kinerja.Domain.Values;
using Kinerja.Web.Api;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Web.Pages;

/// <summary>/nasional: the national roll-up of a shared indicator (issue 23, docs/national.md), with drill-down to a province and to an instansi.</summary>
public sealed class NasionalModel(ScopeProvider scopes, KinerjaDbContext db, ReadRouting reads, NationalRollup rollup) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "indikator")]
    public string? Indikator { get; set; }

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? Periode { get; set; }

    [BindProperty(SupportsGet = true, Name = "provinsi")]
    public string? Provinsi { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int Halaman { get; set; } = 1;

    public IReadOnlyList<CatalogueIndicator> Indicators => IndicatorCatalogue.Labour.Indicators;

    public NationalRollupDto? Result { get; private set; }

    public string? Error { get; private set; }

    public string? ProvinceName => Regions.Find(Provinsi)?.Name;

    public IReadOnlyList<NationalInstansiDto> PageRows => Result is null ? [] : [.. Result.Rows.Skip((Math.Max(Halaman, 1) - 1) * PageSize).Take(PageSize)];

    public int Pages => Result is null ? 0 : (Result.Rows.Count + PageSize - 1) / PageSize;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await NationalAccess.CanViewAsync(scopes, db, User))
            return Forbid();
        Indikator ??= "TPT";
        Periode ??= (DateTime.Today.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (NationalRollup.Indicator(Indikator) is not { } indicator)
        {
            Error = $"Indikator \"{Indikator}\" tidak ada dalam katalog bersama.";
            return Page();
        }

        var period = Period.Parse(Periode);
        if (!period.Success || period.Value.IsRenstraEnd)
        {
            Error = $"Periode \"{Periode}\" tidak dikenal; tulis 2025 atau 2025-TW1.";
            return Page();
        }

        Result = NationalAccess.ForProvince(await rollup.GetAsync(await reads.ContextAsync(HttpContext.RequestAborted), indicator, period.Value, HttpContext.RequestAborted), Provinsi);
        return Page();
    }

    public static string Change(decimal? change) => change is { } c ? (c > 0 ? "+" : "") + IndonesianNumber.Format(c, 2) : "-";

    public static string Number(decimal? value) => value is { } v ? IndonesianNumber.Format(v, 2) : "-";
}
