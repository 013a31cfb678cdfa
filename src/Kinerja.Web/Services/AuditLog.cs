using System.Globalization;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Services;

/// <summary>One line of the audit log as a person reads it: when (id-ID), who, what, and each changed field before and after.</summary>
public sealed record AuditLine(DateTimeOffset At, string When, string UserName, string Action, string Subject, IReadOnlyList<AuditField> Fields);

/// <summary>A field of an audited record with its Indonesian label and values.</summary>
public sealed record AuditField(string Label, string? Before, string? After);

/// <summary>
/// Turns the stored audit entries (property names, invariant values, enum identifiers) into Indonesian
/// for the pages: labels for fields, status names, dates as "30 November 2026 19.04".
/// </summary>
public static class AuditLog
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>The pages show times in WIB, as their column heads say.</summary>
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    // internal ids and bookkeeping say nothing to a reader
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "AgencyId", "ReportingYearId", "RealisasiRecordId", "Ordinal", "UserId" };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["IndicatorCode"] = "Indikator",
        ["Period"] = "Periode",
        ["UnitCode"] = "Unit",
        ["UnitCodes"] = "Unit",
        ["Version"] = "Versi",
        ["Status"] = "Status",
        ["IsCurrent"] = "Versi terkini",
        ["Value"] = "Nilai",
        ["ValueStatus"] = "Jenis nilai",
        ["Note"] = "Keterangan",
        ["PrintedCapaian"] = "Capaian tercetak",
        ["Kendala"] = "Kendala",
        ["TindakLanjut"] = "Tindak lanjut",
        ["Explanation"] = "Penjelasan capaian",
        ["Source"] = "Sumber",
        ["CreatedBy"] = "Dibuat oleh",
        ["CreatedAt"] = "Dibuat pada",
        ["Cumulative"] = "Kumulatif",
        ["Document"] = "Dokumen",
        ["FileName"] = "Nama berkas",
        ["ContentType"] = "Jenis berkas",
        ["Size"] = "Ukuran (bait)",
        ["Sha256"] = "SHA-256",
        ["UploadedBy"] = "Diunggah oleh",
        ["UploadedAt"] = "Diunggah pada",
        ["Role"] = "Peran",
        ["Name"] = "Nama",
        ["Kind"] = "Jenis instansi",
        ["Year"] = "Tahun",
        ["Published"] = "Dipublikasikan",
        ["Revision"] = "Revisi",
        ["UpdatedAt"] = "Diubah pada",
        ["SourceFile"] = "Berkas sumber",
        ["ProfileJson"] = "Profil",
        ["SheetsPresent"] = "Sheet",
        ["PkVersion"] = "Versi PK",
        ["SigningDate"] = "Tanggal penandatanganan",
        ["Place"] = "Tempat",
        ["FirstPosition"] = "Jabatan pihak pertama",
        ["FirstName"] = "Nama pihak pertama",
        ["FirstNip"] = "NIP pihak pertama",
        ["FirstRank"] = "Pangkat pihak pertama",
        ["FirstActing"] = "Status pihak pertama",
        ["FirstPolitical"] = "Pihak pertama pejabat politik",
        ["SecondPosition"] = "Jabatan pihak kedua",
        ["SecondName"] = "Nama pihak kedua",
        ["SecondNip"] = "NIP pihak kedua",
        ["SecondRank"] = "Pangkat pihak kedua",
        ["SecondActing"] = "Status pihak kedua",
        ["SecondPolitical"] = "Pihak kedua pejabat politik",
        ["OneParty"] = "Satu pihak",
        ["SeparateDuties"] = "Pemisahan tugas",
        ["Code"] = "Kode",
        ["Parent"] = "Induk",
        ["Level"] = "Level",
        ["Pagu"] = "Pagu",
        ["Goals"] = "Mendanai",
        ["Pengampu"] = "Pejabat Pengampu",
        ["QuarterTarget"] = "Target triwulan",
        ["Action"] = "Rencana aksi",
        ["Responsible"] = "Penanggung jawab",
        ["Schedule"] = "Waktu",
        // the named actions' own fields (import, workflow steps) are already Indonesian
        ["UserName"] = "Nama pengguna",
        ["DisplayName"] = "Nama tampilan",
        ["berkas"] = "Berkas",
        ["indikator"] = "Jumlah indikator",
        ["target"] = "Jumlah target",
        ["realisasi"] = "Jumlah realisasi",
        ["LockPeriods"] = "Kunci periode",
    };

    private static readonly Dictionary<string, string> Entities = new(StringComparer.Ordinal)
    {
        [nameof(RealisasiRecord)] = "Realisasi",
        [nameof(EvidenceFile)] = "Bukti dukung",
        [nameof(TargetRow)] = "Target",
        [nameof(Assignment)] = "Penugasan pengguna",
        [nameof(Agency)] = "Instansi",
        [nameof(AppUser)] = "Akun pengguna",
        [nameof(ReportingYear)] = "Tahun",
        [nameof(PkVersionRow)] = "Perjanjian Kinerja",
        [nameof(PkBudgetRow)] = "Anggaran PK",
        [nameof(RencanaAksiRow)] = "Rencana aksi",
        ["DataValue"] = "Hitungan data elemen",
        [PlanEditor.PlanEntity] = "Simpul rencana",
        [PlanEditor.IndicatorEntity] = "Indikator",
        ["WorkflowSetting"] = "Pengaturan alur",
        [PeriodLock.ReopeningEntity] = "Kunci periode",
        [nameof(PeriodReopening)] = "Pembukaan periode",
        [PeriodLock.LateChangeEntity] = "Perubahan setelah periode ditutup",
    };

    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["tambah"] = "Ditambah",
        ["ubah"] = "Diubah",
        ["hapus"] = "Dihapus",
        ["impor"] = "Impor buku kerja",
        ["aktifkan kunci"] = "Diaktifkan:",
        ["matikan kunci"] = "Dimatikan:",
        ["ubah setelah ditutup"] = "Diubah:",
    };

    /// <summary>"30 November 2026 19.04" (WIB).</summary>
    public static string When(DateTimeOffset at) => at.ToOffset(Wib).ToString("d MMMM yyyy HH.mm", Indonesian);

    public static string FieldLabel(string field) => Labels.GetValueOrDefault(field) ?? field;

    public static string EntityLabel(string entity) => Entities.GetValueOrDefault(entity) ?? entity;

    public static string ActionLabel(string action) => Actions.GetValueOrDefault(action) ?? (action.Length == 0 ? action : char.ToUpper(action[0], Indonesian) + action[1..]);

    public static string RoleLabel(AgencyRole role) => role switch
    {
        AgencyRole.AdminInstansi => "Administrator instansi",
        AgencyRole.Perencana => "Perencana",
        AgencyRole.Operator => "Operator",
        AgencyRole.Verifikator => "Verifikator",
        _ => "Pimpinan",
    };

    /// <summary>A stored value as a reader knows it: status names, Ya/Tidak, dates in id-ID.</summary>
    public static string? ValueText(string field, string? value)
    {
        if (value is null)
            return null;
        if (field is "Status" or "From" or "To" && Enum.TryParse<EntryStatus>(value, out var status))
            return RealisasiService.StatusLabel(status);
        if (field == "Role" && Enum.TryParse<AgencyRole>(value, out var role))
            return RoleLabel(role);
        // figures as Indonesians write them ("50.05%" imported from a workbook reads 50,05%)
        if (field is "Value" or "PrintedCapaian" or "QuarterTarget" && Fmt.Figure(value) is { } figure)
            return figure;
        if (value is "True" or "False")
            return value == "True" ? "Ya" : "Tidak";
        if (field.EndsWith("At", StringComparison.Ordinal) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return When(at);
        return value;
    }

    /// <summary>The fields of an entry: for a change only those that changed, for an addition or removal every filled one.</summary>
    public static IReadOnlyList<AuditField> Fields(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        IEnumerable<string> keys = b is not null && a is not null
            ? a.Keys.Union(b.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
            : (a ?? b ?? []).Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => p.Key);
        // in the order a reader expects (what, status, value, notes), not alphabetical
        var order = Labels.Keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        return keys.Where(k => !Hidden.Contains(k))
            .OrderBy(k => order.GetValueOrDefault(k, int.MaxValue))
            .Select(k => new AuditField(FieldLabel(k), ValueText(k, b?.GetValueOrDefault(k)), ValueText(k, a?.GetValueOrDefault(k))))
            .ToList();
    }

    public static AuditLine Line(AuditEntry entry)
    {
        var subject = EntityLabel(entry.Entity);
        if (entry.Entity == nameof(RealisasiRecord) && entry.EntityKey.LastIndexOf("|v", StringComparison.Ordinal) is var v and > 0)
            subject += " versi " + entry.EntityKey[(v + 2)..];
        else if (entry.Entity is nameof(PkVersionRow) or nameof(PkBudgetRow) or nameof(TargetRow) or nameof(RencanaAksiRow) or PlanEditor.PlanEntity or PlanEditor.IndicatorEntity)
            subject += " " + string.Join(" ", entry.EntityKey.Split('|').Skip(1).Where(s => s.Length > 0));
        return new AuditLine(entry.At, When(entry.At), entry.UserName, ActionLabel(entry.Action), subject.Trim(), Fields(entry.Before, entry.After));
    }

    /// <summary>The latest entries about the given records of an instansi, newest first.</summary>
    public static async Task<List<AuditLine>> ForAsync(KinerjaDbContext db, int agencyId, string entity, IReadOnlyCollection<string> keys, int take = 100, CancellationToken cancellationToken = default)
    {
        var entries = await db.Audit.AsNoTracking()
            .Where(a => a.AgencyId == agencyId && a.Entity == entity && keys.Contains(a.EntityKey))
            .OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
        return entries.Select(Line).ToList();
    }

    private static Dictionary<string, string?>? Parse(string? json)
    {
        if (json is null)
            return null;
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
            return new Dictionary<string, string?> { [""] = doc.RootElement.ToString() };
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => p.Value.GetString(),
            _ => p.Value.GetRawText(),
        }, StringComparer.Ordinal);
    }
}
