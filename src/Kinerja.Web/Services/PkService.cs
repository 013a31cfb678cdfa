using System.Globalization;
using Kinerja.Data;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>A PK version as listed: which, when and by whom signed, whether it is the one in force.</summary>
/// <remarks><c>Draft</c>: the PK Perubahan being prepared (no signing date yet); it is not in force until signed.</remarks>
public sealed record PkVersionSummary(string Code, string Title, string? SignedOn, string? Place, string? FirstParty, string? SecondParty, bool InForce, decimal TotalPagu, int BudgetLines, bool Draft);

/// <summary>An indicator's targets in one PK version, per period; <c>SetHere</c> marks the periods this version changed.</summary>
public sealed record PkTargetRow(string Indicator, string Name, string Satuan, IReadOnlyList<PkTargetCell> Cells);

public sealed record PkTargetCell(string Period, string? Value, string? Document, bool SetHere);

public sealed record PkBudgetLineView(string Code, string Name, string? Level, string? Parent, decimal Pagu, string PaguText, string Funds, string? Pengampu = null);

/// <summary>One version of the year's Perjanjian Kinerja with its targets and its budget.</summary>
/// <summary>Signing the draft PK Perubahan: the date as written on it (30 Juni 2025, 2025-06-30) and the year's revision the page read.</summary>
public sealed record PkSignRequest(string? Date, int? ExpectedRevision);

public sealed record PkView(IReadOnlyList<PkVersionSummary> Versions, PkVersionSummary Selected, IReadOnlyList<string> Periods, IReadOnlyList<PkTargetRow> Targets, IReadOnlyList<PkBudgetLineView> Budget, string TotalPaguText, string NextPerubahan, PkPerubahanRequest Suggested, string? DraftCode);

/// <summary>Who signs a PK Perubahan and where; the date is set when it is signed (<see cref="PkSignRequest"/>).</summary>
public sealed record PkPerubahanRequest(string? Place, string? FirstPosition, string? FirstName, string? FirstNip, string? SecondPosition, string? SecondName, string? SecondNip, int? ExpectedRevision);

/// <summary>
/// The Perjanjian Kinerja of a year as the pages and the API show it, and the PK Perubahan: a new
/// version with its date and signatories, the earlier ones kept unchanged. The budget of the version in
/// force is carried into the new version; its targets stay those of the earlier versions until a target
/// row names the new version (the domain's <see cref="PerjanjianKinerja.TargetOf"/>).
/// </summary>
public sealed class PkService(KinerjaDbContext db, DatasetCache cache, PlanEditor editor)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public async Task<PkView?> ViewAsync(ReportingYear year, string? versi, Func<string, bool> seesIndicatorOfUnit)
    {
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        var versions = PerjanjianKinerja.Versions(data);
        var selected = PerjanjianKinerja.Find(data, versi);
        if (selected is null)
            return null;
        var inForce = PerjanjianKinerja.InForce(data).Id;
        var draft = PerjanjianKinerja.Draft(data)?.Id;
        var summaries = versions.Select(v => Summary(data, v, v.Id == inForce, v.Id == draft)).ToList();
        var periods = YearPeriods(data, year.Year);
        var units = await db.Indicators.AsNoTracking().Where(i => i.ReportingYearId == year.Id).ToDictionaryAsync(i => i.Code, i => i.UnitCode);
        var targets = data.Indicators
            .Where(i => seesIndicatorOfUnit(units.GetValueOrDefault(i.Code) ?? ""))
            .Select(i => new PkTargetRow(i.Code, i.Name, i.Satuan, periods.Select(p =>
            {
                var t = PerjanjianKinerja.TargetOf(data, i.Code, p, selected.Id);
                var here = t is not null && PerjanjianKinerja.DocumentVersion(t.Document) == selected.Id;
                return new PkTargetCell(p.ToString(), t is null ? null : Fmt.Value(t.Value, i, data.Profile, withSatuan: false), t?.Document, here);
            }).ToList()))
            .Where(r => r.Cells.Any(c => c.Value is not null))
            .ToList();
        var budget = selected.Budget.Select(l => new PkBudgetLineView(l.Code, l.Name, l.Level, l.ParentCode, l.Pagu, Money(l.Pagu), string.Join("; ", l.Funds), l.Pengampu)).ToList();
        var next = PkVersionId.Perubahan(versions.Where(v => v.Id.Kind == PkVersionKind.Perubahan).Select(v => v.Id.Number).DefaultIfEmpty(0).Max() + 1);
        // a perubahan is mostly signed by the same people: the form starts from the parties of the version in force
        var current = PerjanjianKinerja.InForce(data);
        var first = PerjanjianKinerja.FirstParty(data, current);
        var second = PerjanjianKinerja.IsOneParty(data, current) ? null : PerjanjianKinerja.SecondParty(data, current);
        var suggested = new PkPerubahanRequest(current.Place ?? data.Profile.SigningPlace, first?.Position, first?.Name, first?.Nip, second?.Position, second?.Name, second?.Nip, year.Revision);
        return new PkView(summaries, summaries.Single(s => s.Code == selected.Id.Code), periods.Select(p => p.ToString()).ToList(), targets, budget, Money(budget.Where(b => b.Parent is null).Sum(b => b.Pagu)), next.Title, suggested, draft?.Code);
    }

    public static PkVersionSummary Summary(PerformanceDataset data, PkVersion v, bool inForce, bool draft = false)
    {
        var first = PerjanjianKinerja.FirstParty(data, v);
        var second = PerjanjianKinerja.IsOneParty(data, v) ? null : PerjanjianKinerja.SecondParty(data, v);
        return new PkVersionSummary(v.Id.Code, v.Id.Title, v.SignedOn?.ToString(), v.Place ?? data.Profile.SigningPlace, Party(first), Party(second), inForce,
            v.Budget.Where(b => b.ParentCode is null).Sum(b => b.Pagu), v.Budget.Count, draft);
    }

    private static string? Party(Official? o) => o is null ? null : string.IsNullOrWhiteSpace(o.Name) ? o.Position : $"{o.Name}, {o.Position}";

    public static string Money(decimal amount) => "Rp" + amount.ToString("#,0", Indonesian);

    /// <summary>The year and its quarters, in the order a PK prints them.</summary>
    private static List<Period> YearPeriods(PerformanceDataset data, int year)
    {
        var wanted = new List<Period> { Period.Parse(year.ToString(CultureInfo.InvariantCulture)).Value };
        for (var q = 1; q <= 4; q++)
            wanted.Add(Period.Parse($"{year}-TW{q}").Value);
        // only the periods some target row of the year names
        var named = data.Targets.Select(t => t.Period).ToHashSet();
        return wanted.Where(named.Contains).ToList();
    }

    /// <summary>
    /// Adds the next PK Perubahan as a draft (no signing date: the PK sheet row without a date) with its
    /// signatories and the budget of the version in force; the earlier versions stay. One draft at a time.
    /// The year's revision the page read guards against two planners adding at once. The workbook checks
    /// run on the result: an error leaves the database as it was.
    /// </summary>
    public async Task<Outcome> AddPerubahanAsync(ReportingYear year, PkPerubahanRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.FirstName) || string.IsNullOrWhiteSpace(request.FirstPosition))
            return Outcome.Refused("nama dan jabatan pihak pertama (pejabat yang berjanji) wajib diisi");
        if (request.ExpectedRevision is null)
            return Outcome.VersionRequired("tahun (revisi halaman)");
        if (year.Revision != request.ExpectedRevision)
            return Outcome.Conflict("data tahun ini telah diubah sejak Anda membuka halaman (mis. PK Perubahan lain ditambahkan atau target diubah); PK Perubahan Anda tidak disimpan. Muat ulang halaman lalu ulangi.");

        var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        var versions = PerjanjianKinerja.Versions(data);
        if (PerjanjianKinerja.Draft(data) is { } open)
            return Outcome.Refused($"{open.Id.Title} masih draf (belum ditandatangani); tandatangani draf itu dulu sebelum menambah PK Perubahan berikutnya");
        var inForce = PerjanjianKinerja.InForce(data);
        var number = versions.Where(v => v.Id.Kind == PkVersionKind.Perubahan).Select(v => v.Id.Number).DefaultIfEmpty(0).Max() + 1;
        var id = PkVersionId.Perubahan(number);

        var rows = await db.PkVersions.Where(v => v.ReportingYearId == year.Id).OrderBy(v => v.Ordinal).ToListAsync();
        var ordinal = rows.Select(r => r.Ordinal).DefaultIfEmpty(0).Max();
        // a year whose PK sheet was empty had its versions only implied by the target rows: they get their rows now, so none is lost
        foreach (var implied in versions.Where(v => !rows.Any(r => PkVersionId.Parse(r.PkVersion) is { Success: true } p && p.Value == v.Id)))
            db.PkVersions.Add(new PkVersionRow { ReportingYearId = year.Id, AgencyId = year.AgencyId, Ordinal = ++ordinal, PkVersion = implied.Id.Code, SigningDate = implied.SignedOn?.ToString() });
        db.PkVersions.Add(new PkVersionRow
        {
            ReportingYearId = year.Id, AgencyId = year.AgencyId, Ordinal = ++ordinal, PkVersion = id.Code, SigningDate = null,
            Place = Clean(request.Place), FirstPosition = Clean(request.FirstPosition), FirstName = Clean(request.FirstName), FirstNip = Clean(request.FirstNip),
            SecondPosition = Clean(request.SecondPosition), SecondName = Clean(request.SecondName), SecondNip = Clean(request.SecondNip),
        });
        // the budget of the version in force is carried over as typed; the planner changes it in the workbook or here afterwards
        var budgetRows = await db.PkBudget.AsNoTracking().Where(b => b.ReportingYearId == year.Id).OrderBy(b => b.Ordinal).ToListAsync();
        var budgetOrdinal = budgetRows.Select(b => b.Ordinal).DefaultIfEmpty(0).Max();
        foreach (var line in budgetRows.Where(b => PkVersionId.Parse(b.PkVersion) is { Success: true } p && p.Value == inForce.Id))
        {
            db.PkBudget.Add(new PkBudgetRow
            {
                ReportingYearId = year.Id, AgencyId = year.AgencyId, Ordinal = ++budgetOrdinal, PkVersion = id.Code, Code = line.Code, Name = line.Name, Parent = line.Parent,
                Level = line.Level, Pagu = line.Pagu, Goals = line.Goals, Pengampu = line.Pengampu,
            });
        }

        return await CommitCheckedAsync(year, "PK Perubahan");
    }

    /// <summary>Changes the signatories and place of the draft PK Perubahan; a signed version keeps those it was signed with.</summary>
    public async Task<Outcome> SaveDraftAsync(ReportingYear year, string? versi, PkPerubahanRequest request)
    {
        if (request.ExpectedRevision is null)
            return Outcome.VersionRequired("tahun (revisi halaman)");
        if (year.Revision != request.ExpectedRevision)
            return Outcome.Conflict("data tahun ini telah diubah sejak Anda membuka halaman; penandatangan tidak disimpan. Muat ulang halaman lalu ulangi.");
        if (string.IsNullOrWhiteSpace(request.FirstName) || string.IsNullOrWhiteSpace(request.FirstPosition))
            return Outcome.Refused("nama dan jabatan pihak pertama (pejabat yang berjanji) wajib diisi");
        var (refusal, row) = await DraftRowAsync(year, versi);
        if (row is null)
            return refusal!;
        row.Place = Clean(request.Place);
        row.FirstPosition = Clean(request.FirstPosition);
        row.FirstName = Clean(request.FirstName);
        row.FirstNip = Clean(request.FirstNip);
        row.SecondPosition = Clean(request.SecondPosition);
        row.SecondName = Clean(request.SecondName);
        row.SecondNip = Clean(request.SecondNip);
        return await CommitCheckedAsync(year, "penandatangan");
    }

    /// <summary>
    /// Signs the draft PK Perubahan: its date is set (readable, not earlier than the last signed version),
    /// and from then on it is in force and locked like any signed version.
    /// </summary>
    public async Task<Outcome> SignAsync(ReportingYear year, string? versi, PkSignRequest request)
    {
        var date = SigningDate.Parse(request.Date);
        if (string.IsNullOrWhiteSpace(request.Date) || !date.Success)
            return Outcome.Refused(string.IsNullOrWhiteSpace(request.Date) ? "tanggal penandatanganan PK Perubahan wajib diisi" : $"tanggal \"{request.Date}\" tidak dapat dibaca; tulis mis. 30 Juni 2025 atau 2025-06-30");
        if (request.ExpectedRevision is null)
            return Outcome.VersionRequired("tahun (revisi halaman)");
        if (year.Revision != request.ExpectedRevision)
            return Outcome.Conflict("data tahun ini telah diubah sejak Anda membuka halaman (mis. target atau anggaran draf diubah); PK Perubahan belum ditandatangani. Muat ulang halaman, periksa, lalu ulangi.");
        var (refusal, row) = await DraftRowAsync(year, versi);
        if (row is null)
            return refusal!;
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        var draftId = PerjanjianKinerja.Draft(data)!.Id;
        if (PerjanjianKinerja.Versions(data).LastOrDefault(v => v.Id < draftId && v.SignedOn is not null) is { SignedOn: { } previous } before && Compare(date.Value, previous) < 0)
            return Outcome.Refused($"tanggal PK Perubahan ({date.Value}) lebih awal dari tanggal {before.Id.Title} ({previous})");
        row.SigningDate = request.Date.Trim();
        // the draft's targets measure from now on: the same checks as any plan change, an error refuses the signing
        return Outcome.Of(await editor.CommitPkChangeAsync(year, "penandatanganan PK Perubahan"));
    }

    /// <summary>The PK sheet row of the draft, or why <paramref name="versi"/> is not one (signed, or no such version).</summary>
    private async Task<(Outcome? Refusal, PkVersionRow? Row)> DraftRowAsync(ReportingYear year, string? versi)
    {
        var data = await cache.GetAsync(db, year.Id, RealisasiView.Latest);
        var draft = PerjanjianKinerja.Draft(data);
        var asked = string.IsNullOrWhiteSpace(versi) ? draft : PerjanjianKinerja.Find(data, versi);
        if (asked is null)
            return (string.IsNullOrWhiteSpace(versi) ? Outcome.Refused("tidak ada PK Perubahan yang masih draf; tambahkan PK Perubahan dulu") : Outcome.Missing($"versi PK \"{versi}\" tidak ada"), null);
        if (draft is null || asked.Id != draft.Id)
            return (Outcome.Refused(SignedReason(asked)), null);
        var rows = await db.PkVersions.Where(v => v.ReportingYearId == year.Id).ToListAsync();
        var row = rows.LastOrDefault(r => PkVersionId.Parse(r.PkVersion) is { Success: true } p && p.Value == draft.Id);
        return row is null ? (Outcome.Missing("baris PK versi ini tidak ada"), null) : (null, row);
    }

    /// <summary>Why a version other than the draft is not changed: it is signed (or superseded) and approved values stay as signed.</summary>
    public static string SignedReason(PkVersion version) => version.SignedOn is { } signed
        ? $"{version.Id.Title} sudah ditandatangani ({signed}); target, anggaran dan penandatangannya tidak diubah lagi. Perubahan memerlukan PK Perubahan baru."
        : $"{version.Id.Title} tidak diubah lagi; hanya PK Perubahan yang masih draf (belum ditandatangani) yang dapat disusun";

    /// <summary>
    /// Saves through the plan editor's one checked commit (revision bumped, the year read back as a workbook and
    /// checked inside the transaction), so a PK change and a plan change are held to the same checks.
    /// </summary>
    private async Task<Outcome> CommitCheckedAsync(ReportingYear year, string what)
    {
        return Outcome.Of(await editor.CommitPkChangeAsync(year, what));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static int Compare(SigningDate a, SigningDate b) =>
        (a.Year, a.Month, a.Day ?? 0).CompareTo((b.Year, b.Month, b.Day ?? 0));
}
