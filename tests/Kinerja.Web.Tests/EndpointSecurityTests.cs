using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Kinerja.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Web.Tests;

public sealed class SqliteEndpointSecurityTests(SqliteFixture fixture) : EndpointSecurityTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresEndpointSecurityTests(PostgresFixture fixture) : EndpointSecurityTests(fixture), IClassFixture<PostgresFixture>;

/// <summary>
/// Every state-changing endpoint and page handler, read from the app's own <see cref="EndpointDataSource"/> (and the
/// page models' OnPost handlers), is called as anonymous, in a role without the right, from another unit, without the
/// antiforgery token and without the version it was read at; each must be refused. The table below says how to call
/// each one: a route or handler added without its row fails <see cref="Every_state_changing_endpoint_and_page_handler_has_its_row"/>.
/// </summary>
public abstract class EndpointSecurityTests(AppFixture fixture)
{
    /// <summary>How to call one endpoint: its address and body with or without the version; who may, who may not.</summary>
    /// <param name="Url">the address (with the version in the query when <c>withVersion</c> and the version goes there).</param>
    /// <param name="Body">the JSON body (API) or the form fields (pages), with or without the version.</param>
    /// <param name="Allowed">a user with the right (used for the antiforgery and version cases).</param>
    /// <param name="WrongRole">a user of the instansi whose role lacks the right; null for account pages.</param>
    /// <param name="OtherUnit">a user whose role has the right but not for the record's unit; null when the right is for the whole instansi.</param>
    /// <param name="Versioned">whether it changes a versioned record (a missing version must be refused).</param>
    /// <param name="Anonymous">an account page anyone may post (sign-in, setup).</param>
    private sealed record Case(Func<Ctx, bool, string> Url, Func<Ctx, bool, object?> Body, string Allowed, string? WrongRole, string? OtherUnit, bool Versioned, bool Anonymous = false);

    private sealed record Ctx(int Demo, long TargetId, long RencanaAksiId, long PkTargetId, long BudgetId, long IndicatorRowId, long EvidenceId, int RoundId, int RecommendationId)
    {
        public string Api => $"/api/instansi/{Demo}/2025";

        public string Page => $"/instansi/{Demo}/2025";

        /// <summary>A published PK of the demo year (a row only), so the scan upload reaches its version check.</summary>
        public long PublishedId { get; init; }
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(bool withVersion, string versionField, string version, params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Concat(withVersion ? [new(versionField, version)] : []);

    // users: admin (system administrator), perencana, op-dinas (unit DINAS: IKU-1), op-bidang (unit BIDANG: IKU-2), verif, pimpinan
    private static readonly Dictionary<string, Case> Table = new(StringComparer.Ordinal)
    {
        // ---------- API ----------
        ["PUT /api/instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}"] = new(
            (c, _) => $"{c.Api}/realisasi/IKU-1/2025-TW2", (_, v) => v ? new { value = "20%", valueStatus = "Final", concurrencyVersion = 99 } : new { value = "20%", valueStatus = "Final" },
            "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["POST /api/instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}/{step}"] = new(
            (c, _) => $"{c.Api}/realisasi/IKU-1/2025/ajukan", (_, v) => v ? new { concurrencyVersion = 99 } : new { },
            "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["PUT /api/instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}/hitungan"] = new(
            (c, _) => $"{c.Api}/realisasi/IKU-1/2025-TW2/hitungan", (_, v) => v ? new { counts = new Dictionary<string, string>(), revision = 99999 } : new { counts = new Dictionary<string, string>() },
            "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["PUT /api/instansi/{agencyId:int}/{year:int}/target/{id:long}"] = new(
            (c, _) => $"{c.Api}/target/{c.TargetId}", (_, v) => v ? new { value = "1", concurrencyVersion = 99 } : new { value = "1" },
            "perencana", "op-dinas", null, Versioned: true),
        ["POST /api/instansi/{agencyId:int}/{year:int}/target"] = new(
            (c, _) => $"{c.Api}/target", (_, v) => v ? new { indicator = "IKU-1", period = "2025-TW1", value = "1", expectedRevision = 99999 } : new { indicator = "IKU-1", period = "2025-TW1", value = "1" },
            "perencana", "op-dinas", null, Versioned: true),
        ["DELETE /api/instansi/{agencyId:int}/{year:int}/target/{id:long}"] = new(
            (c, v) => $"{c.Api}/target/{c.TargetId}" + (v ? "?concurrencyVersion=99" : ""), (_, _) => null, "perencana", "op-dinas", null, Versioned: true),
        ["POST /api/instansi/{agencyId:int}/{year:int}/rencana/simpul"] = new(
            (c, _) => $"{c.Api}/rencana/simpul", (_, _) => new { cells = new Dictionary<string, string> { ["code"] = "X-1" } }, "perencana", "op-dinas", null, Versioned: false),
        ["PUT /api/instansi/{agencyId:int}/{year:int}/rencana/simpul/{id:long}"] = new(
            (c, _) => $"{c.Api}/rencana/simpul/1", (_, v) => v ? new { cells = new Dictionary<string, string>(), versi = (string?)"lama" } : new { cells = new Dictionary<string, string>(), versi = (string?)null },
            "perencana", "op-dinas", null, Versioned: true),
        ["DELETE /api/instansi/{agencyId:int}/{year:int}/rencana/simpul/{id:long}"] = new(
            (c, v) => $"{c.Api}/rencana/simpul/1" + (v ? "?versi=lama" : ""), (_, _) => null, "perencana", "op-dinas", null, Versioned: true),
        ["POST /api/instansi/{agencyId:int}/{year:int}/rencana/indikator"] = new(
            (c, _) => $"{c.Api}/rencana/indikator", (_, _) => new { cells = new Dictionary<string, string> { ["code"] = "X-1" } }, "perencana", "op-dinas", null, Versioned: false),
        ["PUT /api/instansi/{agencyId:int}/{year:int}/rencana/indikator/{id:long}"] = new(
            (c, _) => $"{c.Api}/rencana/indikator/1", (_, v) => v ? new { cells = new Dictionary<string, string>(), versi = (string?)"lama" } : new { cells = new Dictionary<string, string>(), versi = (string?)null },
            "perencana", "op-dinas", null, Versioned: true),
        ["DELETE /api/instansi/{agencyId:int}/{year:int}/rencana/indikator/{id:long}"] = new(
            (c, v) => $"{c.Api}/rencana/indikator/1" + (v ? "?versi=lama" : ""), (_, _) => null, "perencana", "op-dinas", null, Versioned: true),
        ["POST /api/instansi/{agencyId:int}/{year:int}/rencana-aksi/{indicator}"] = new(
            (c, _) => $"{c.Api}/rencana-aksi/IKU-1", (_, _) => new { period = "2025-TW1", action = "uji" }, "op-dinas", "pimpinan", "op-bidang", Versioned: false),
        ["PUT /api/instansi/{agencyId:int}/{year:int}/rencana-aksi/{indicator}/{id:long}"] = new(
            (c, _) => $"{c.Api}/rencana-aksi/IKU-1/{c.RencanaAksiId}", (_, v) => v ? new { period = "2025-TW1", action = "uji", concurrencyVersion = 99 } : new { period = "2025-TW1", action = "uji", concurrencyVersion = (int?)null },
            "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["DELETE /api/instansi/{agencyId:int}/{year:int}/rencana-aksi/{indicator}/{id:long}"] = new(
            (c, v) => $"{c.Api}/rencana-aksi/IKU-1/{c.RencanaAksiId}" + (v ? "?concurrencyVersion=99" : ""), (_, _) => null, "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["POST /api/instansi/{agencyId:int}/{year:int}/pk/perubahan"] = new(
            (c, _) => $"{c.Api}/pk/perubahan", (_, v) => v ? new { firstPosition = "Kepala", firstName = "Uji", expectedRevision = 99999 } : new { firstPosition = "Kepala", firstName = "Uji" },
            "perencana", "op-dinas", null, Versioned: true),
        ["POST /api/instansi/{agencyId:int}/{year:int}/pk/{versi}/tandatangani"] = new(
            (c, _) => $"{c.Api}/pk/perubahan-1/tandatangani", (_, v) => v ? new { date = "2025-06-30", expectedRevision = 99999 } : new { date = "2025-06-30" },
            "perencana", "op-dinas", null, Versioned: true),
        ["PUT /api/instansi/{agencyId:int}/{year:int}/pk/{versi}/penandatangan"] = new(
            (c, _) => $"{c.Api}/pk/perubahan-1/penandatangan", (_, v) => v ? new { firstPosition = "Kepala", firstName = "Uji", expectedRevision = 99999 } : new { firstPosition = "Kepala", firstName = "Uji" },
            "perencana", "op-dinas", null, Versioned: true),
        ["POST /api/instansi/{agencyId:int}/{year:int}/pk/{versi}/target"] = new(
            (c, _) => $"{c.Api}/pk/perubahan-1/target", (_, v) => v ? new { indicator = "IKU-1", period = "2025", value = "1", expectedRevision = 99999 } : new { indicator = "IKU-1", period = "2025", value = "1" },
            "perencana", "op-dinas", null, Versioned: true),
        ["PUT /api/instansi/{agencyId:int}/{year:int}/pk/{versi}/target/{id:long}"] = new(
            (c, _) => $"{c.Api}/pk/perubahan-1/target/{c.PkTargetId}", (_, v) => v ? new { value = "1", concurrencyVersion = 99 } : new { value = "1" },
            "perencana", "op-dinas", null, Versioned: true),
        ["DELETE /api/instansi/{agencyId:int}/{year:int}/pk/{versi}/target/{id:long}"] = new(
            (c, v) => $"{c.Api}/pk/perubahan-1/target/{c.PkTargetId}" + (v ? "?concurrencyVersion=99" : ""), (_, _) => null, "perencana", "op-dinas", null, Versioned: true),
        ["POST /api/instansi/{agencyId:int}/{year:int}/pk/{versi}/anggaran"] = new(
            (c, _) => $"{c.Api}/pk/perubahan-1/anggaran", (_, _) => new { code = "X", pagu = "1" }, "perencana", "op-dinas", null, Versioned: false),
        ["PUT /api/instansi/{agencyId:int}/{year:int}/pk/{versi}/anggaran/{id:long}"] = new(
            (c, _) => $"{c.Api}/pk/perubahan-1/anggaran/{c.BudgetId}", (_, v) => v ? new { code = "X", pagu = "1", concurrencyVersion = 99 } : new { code = "X", pagu = "1" },
            "perencana", "op-dinas", null, Versioned: true),
        ["DELETE /api/instansi/{agencyId:int}/{year:int}/pk/{versi}/anggaran/{id:long}"] = new(
            (c, v) => $"{c.Api}/pk/perubahan-1/anggaran/{c.BudgetId}" + (v ? "?concurrencyVersion=99" : ""), (_, _) => null, "perencana", "op-dinas", null, Versioned: true),
        // removing a wrong bukti from a draft changes the realisasi's version (issue 19 item 10)
        ["DELETE /api/instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}/bukti/{id:long}"] = new(
            (c, v) => $"{c.Api}/realisasi/IKU-1/2025-TW3/bukti/{c.EvidenceId}" + (v ? "?concurrencyVersion=99" : ""), (_, _) => null, "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        // a build of a document is not a change of recorded data: no version
        ["POST /api/instansi/{agencyId:int}/{year:int}/dokumen"] = new(
            (c, _) => $"{c.Api}/dokumen", (_, _) => new { jenis = "zzz" }, "perencana", "op-dinas", null, Versioned: false),
        // the preview saves nothing; the commit carries the preview's token and the year's revision (issue 19 items 2-3: ImportService)
        ["POST /api/impor"] = new((_, _) => "/api/impor", (_, _) => new MultipartFormDataContent { { new StringContent("bukan buku kerja"), "catatan" } }, "perencana", "op-dinas", null, Versioned: false),
        ["POST /api/impor/{token}"] = new((c, _) => "/api/impor/tidak-ada", (c, _) => new { agencyId = c.Demo, expectedRevision = 99999 }, "perencana", "op-dinas", null, Versioned: false),

        // ---------- pages ----------
        ["POST /instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}?handler=Simpan"] = new(
            (c, _) => $"{c.Page}/realisasi/IKU-1/2025-TW2?handler=Simpan", (_, v) => Fields(v, "ConcurrencyVersion", "99", ("Value", "20%"), ("ValueStatus", "Final")), "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}?handler=Unggah"] = new(
            (c, _) => $"{c.Page}/realisasi/IKU-1/2025?handler=Unggah", (_, _) => Fields(false, "", ""), "op-dinas", "pimpinan", "op-bidang", Versioned: false),
        ["POST /instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}?handler=Hitungan"] = new(
            (c, _) => $"{c.Page}/realisasi/IKU-1/2025-TW2?handler=Hitungan", (_, v) => Fields(v, "revision", "99999"), "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}?handler=Ajukan"] = new(
            (c, _) => $"{c.Page}/realisasi/IKU-1/2025?handler=Ajukan", (_, v) => Fields(v, "ConcurrencyVersion", "99"), "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}?handler=Verifikasi"] = new(
            (c, _) => $"{c.Page}/realisasi/IKU-1/2025?handler=Verifikasi", (_, v) => Fields(v, "ConcurrencyVersion", "99"), "verif", "op-dinas", "verif-bidang", Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}?handler=Sahkan"] = new(
            (c, _) => $"{c.Page}/realisasi/IKU-1/2025?handler=Sahkan", (_, v) => Fields(v, "ConcurrencyVersion", "99"), "pimpinan", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}?handler=Kembalikan"] = new(
            (c, _) => $"{c.Page}/realisasi/IKU-1/2025?handler=Kembalikan", (_, v) => Fields(v, "ConcurrencyVersion", "99", ("Reason", "uji")), "verif", "op-dinas", "verif-bidang", Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/target"] = new(
            (c, _) => $"{c.Page}/target", (c, v) => Fields(v, "ConcurrencyVersion", "99", ("Id", c.TargetId.ToString(CultureInfo.InvariantCulture)), ("Value", "1")), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/rencana-aksi?handler=Tambah"] = new(
            (c, _) => $"{c.Page}/rencana-aksi?indikator=IKU-1&handler=Tambah", (_, _) => Fields(false, "", "", ("Period", "2025-TW1"), ("Action", "uji")), "op-dinas", "pimpinan", "op-bidang", Versioned: false),
        ["POST /instansi/{agencyId:int}/{year:int}/rencana-aksi?handler=Ubah"] = new(
            (c, _) => $"{c.Page}/rencana-aksi?indikator=IKU-1&handler=Ubah", (c, v) => Fields(v, "ConcurrencyVersion", "99", ("Id", c.RencanaAksiId.ToString(CultureInfo.InvariantCulture)), ("Period", "2025-TW1"), ("Action", "uji")), "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/rencana-aksi?handler=Hapus"] = new(
            (c, _) => $"{c.Page}/rencana-aksi?indikator=IKU-1&handler=Hapus", (c, v) => Fields(v, "ConcurrencyVersion", "99", ("Id", c.RencanaAksiId.ToString(CultureInfo.InvariantCulture))), "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/rencana/{jenis}/{id:long?}?handler=Simpan"] = new(
            (c, _) => $"{c.Page}/rencana/indikator/{c.IndicatorRowId}?handler=Simpan", (_, v) => Fields(v, "Versi", "lama", ("Cells[code]", "IKU-1")), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/rencana/{jenis}/{id:long?}?handler=Hapus"] = new(
            (c, _) => $"{c.Page}/rencana/indikator/{c.IndicatorRowId}?handler=Hapus", (_, v) => Fields(v, "Versi", "lama"), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/rencana/{jenis}/{id:long?}?handler=TambahTarget"] = new(
            (c, _) => $"{c.Page}/rencana/indikator/{c.IndicatorRowId}?handler=TambahTarget", (_, v) => Fields(v, "revision", "99999", ("period", "2025-TW1"), ("value", "1")), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/rencana/{jenis}/{id:long?}?handler=UbahTarget"] = new(
            (c, _) => $"{c.Page}/rencana/indikator/{c.IndicatorRowId}?handler=UbahTarget", (c, v) => Fields(v, "targetVersion", "99", ("targetId", c.TargetId.ToString(CultureInfo.InvariantCulture)), ("value", "1")), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/rencana/{jenis}/{id:long?}?handler=HapusTarget"] = new(
            (c, _) => $"{c.Page}/rencana/indikator/{c.IndicatorRowId}?handler=HapusTarget", (c, v) => Fields(v, "targetVersion", "99", ("targetId", c.TargetId.ToString(CultureInfo.InvariantCulture))), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/pk?handler=TambahTarget"] = new(
            (c, _) => $"{c.Page}/pk?versi=perubahan-1&handler=TambahTarget", (_, v) => Fields(v, "revision", "99999", ("indicator", "IKU-1"), ("period", "2025"), ("value", "1")), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/pk?handler=UbahTarget"] = new(
            (c, _) => $"{c.Page}/pk?versi=perubahan-1&handler=UbahTarget", (c, v) => Fields(v, "targetVersion", "99", ("targetId", c.PkTargetId.ToString(CultureInfo.InvariantCulture)), ("value", "1")), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/pk?handler=HapusTarget"] = new(
            (c, _) => $"{c.Page}/pk?versi=perubahan-1&handler=HapusTarget", (c, v) => Fields(v, "targetVersion", "99", ("targetId", c.PkTargetId.ToString(CultureInfo.InvariantCulture))), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/pk?handler=TambahAnggaran"] = new(
            (c, _) => $"{c.Page}/pk?versi=perubahan-1&handler=TambahAnggaran", (_, _) => Fields(false, "", "", ("code", "X"), ("pagu", "1")), "perencana", "op-dinas", null, Versioned: false),
        ["POST /instansi/{agencyId:int}/{year:int}/pk?handler=UbahAnggaran"] = new(
            (c, _) => $"{c.Page}/pk?versi=perubahan-1&handler=UbahAnggaran", (c, v) => Fields(v, "lineVersion", "99", ("lineId", c.BudgetId.ToString(CultureInfo.InvariantCulture)), ("code", "X"), ("pagu", "1")), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/pk?handler=HapusAnggaran"] = new(
            (c, _) => $"{c.Page}/pk?versi=perubahan-1&handler=HapusAnggaran", (c, v) => Fields(v, "lineVersion", "99", ("lineId", c.BudgetId.ToString(CultureInfo.InvariantCulture))), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/pk?handler=Perubahan"] = new(
            (c, _) => $"{c.Page}/pk?handler=Perubahan", (_, v) => Fields(v, "Revision", "99999", ("FirstPosition", "Kepala"), ("FirstName", "Uji")), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/pk?handler=Penandatangan"] = new(
            (c, _) => $"{c.Page}/pk?versi=perubahan-1&handler=Penandatangan", (_, v) => Fields(v, "Revision", "99999", ("FirstPosition", "Kepala"), ("FirstName", "Uji")), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/pk?handler=Tandatangani"] = new(
            (c, _) => $"{c.Page}/pk?versi=perubahan-1&handler=Tandatangani", (_, v) => Fields(v, "revision", "99999", ("date", "2025-06-30")), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/dokumen"] = new(
            (c, _) => $"{c.Page}/dokumen", (_, _) => Fields(false, "", "", ("jenis", "zzz")), "perencana", "op-dinas", null, Versioned: false),
        ["POST /instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}?handler=HapusBukti"] = new(
            (c, _) => $"{c.Page}/realisasi/IKU-1/2025-TW3?handler=HapusBukti", (c, v) => Fields(v, "ConcurrencyVersion", "99", ("buktiId", c.EvidenceId.ToString(CultureInfo.InvariantCulture))), "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        // publishing writes a new published file (content-addressed) and changes no versioned record
        ["POST /instansi/{agencyId:int}/{year:int}/terbitkan"] = new(
            (c, _) => $"{c.Page}/terbitkan", (_, _) => Fields(false, "", "", ("jenis", "zzz"), ("format", "pdf")), "perencana", "op-dinas", null, Versioned: false),
        ["POST /instansi/{agencyId:int}/pengguna?handler=AturUlang"] = new(
            (c, _) => $"/instansi/{c.Demo}/pengguna?handler=AturUlang", (_, _) => Fields(false, "", "", ("UserName", "op-dinas")), "admin", "perencana", null, Versioned: false),
        ["POST /instansi/{agencyId:int}/pengguna?handler=Simpan"] = new(
            (c, _) => $"/instansi/{c.Demo}/pengguna?handler=Simpan", (_, _) => Fields(false, "", "", ("UserName", "baru"), ("Role", "Operator")), "admin", "perencana", null, Versioned: false),
        ["POST /instansi/{agencyId:int}/pengguna?handler=Cabut"] = new(
            (c, _) => $"/instansi/{c.Demo}/pengguna?handler=Cabut", (_, _) => Fields(false, "", "", ("UserName", "op-dinas")), "admin", "perencana", null, Versioned: false),
        // the reporting calendar (issue 21): the instansi's administrator only, versioned like every write
        ["PUT /api/instansi/{agencyId:int}/{year:int}/kalender/{key}"] = new(
            (c, _) => $"{c.Api}/kalender/pk", (_, v) => v ? new { opens = "2025-01-02", due = "2025-01-31", closes = "2025-03-31", reason = "uji", version = (int?)99 } : new { opens = "2025-01-02", due = "2025-01-31", closes = "2025-03-31", reason = "uji", version = (int?)null },
            "admin", "perencana", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/pengaturan?handler=Wilayah"] = new(
            (c, _) => $"/instansi/{c.Demo}/pengaturan?handler=Wilayah", (_, v) => Fields(v, "WilayahSemula", "99.99", ("Provinsi", "32"), ("KabupatenKota", "32.04")), "admin", "perencana", null, Versioned: true),
        ["DELETE /api/instansi/{agencyId:int}/{year:int}/kalender/{key}"] = new(
            (c, v) => $"{c.Api}/kalender/pk" + (v ? "?concurrencyVersion=99" : ""), (_, _) => null, "admin", "perencana", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/kalender?handler=Simpan"] = new(
            (c, _) => $"{c.Page}/kalender?handler=Simpan", (_, v) => Fields(v, "Version", "99", ("StepKey", "pk"), ("Opens", "2025-01-02"), ("Due", "2025-01-31"), ("Closes", "2025-03-31")), "admin", "perencana", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/angka-tercetak?handler=Nilai"] = new(
            (c, _) => $"{c.Page}/angka-tercetak?handler=Nilai", (_, v) => Fields(v, "Versi", "lama", ("Id", "1"), ("Value", "90%")), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/angka-tercetak?handler=Tandai"] = new(
            (c, _) => $"{c.Page}/angka-tercetak?handler=Tandai", (_, v) => Fields(v, "Versi", "lama", ("Id", "1"), ("Reason", "uji")), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/angka-tercetak?handler=Batal"] = new(
            (c, _) => $"{c.Page}/angka-tercetak?handler=Batal", (_, v) => Fields(v, "Versi", "lama", ("Id", "1")), "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/kalender?handler=Bawaan"] = new(
            (c, _) => $"{c.Page}/kalender?handler=Bawaan", (_, v) => Fields(v, "Version", "99", ("StepKey", "pk")), "admin", "perencana", null, Versioned: true),
        // issue 21: publication (a new publication is not a change of a versioned record; a scan changes the published document's version)
        ["POST /api/instansi/{agencyId:int}/{year:int}/publikasi"] = new(
            (c, _) => $"{c.Api}/publikasi", (_, _) => new { jenis = "zzz", format = "pdf" }, "perencana", "op-dinas", null, Versioned: false),
        ["POST /api/instansi/{agencyId:int}/{year:int}/publikasi/unggah"] = new(
            (c, _) => $"{c.Api}/publikasi/unggah", (_, _) => new MultipartFormDataContent { { new StringContent("zzz"), "jenis" } }, "perencana", "op-dinas", null, Versioned: false),
        ["POST /api/instansi/{agencyId:int}/{year:int}/publikasi/{id:long}/pindaian"] = new(
            (c, _) => $"{c.Api}/publikasi/{c.PublishedId}/pindaian",
            (_, v) => v ? new MultipartFormDataContent { { new StringContent("99"), "versi" } } : new MultipartFormDataContent { { new StringContent("x"), "catatan" } }, "perencana", "op-dinas", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/terbitkan?handler=Unggah"] = new(
            (c, _) => $"{c.Page}/terbitkan?handler=Unggah", (_, _) => Fields(false, "", "", ("jenisBerkas", "zzz")), "perencana", "op-dinas", null, Versioned: false),
        ["POST /instansi/{agencyId:int}/{year:int}/terbitkan?handler=Pindaian"] = new(
            (c, _) => $"{c.Page}/terbitkan?handler=Pindaian", (c, v) => Fields(v, "versi", "99", ("dokumen", c.PublishedId.ToString(CultureInfo.InvariantCulture))), "perencana", "op-dinas", null, Versioned: true),
        // issue 21: the period lock and its reopenings (instansi administrator)
        ["POST /api/instansi/{agencyId:int}/{year:int}/pembukaan"] = new(
            (c, _) => $"{c.Api}/pembukaan", (_, _) => new { periode = "zzz", unit = "DINAS", sampai = "2025-01-01", alasan = "uji" }, "admin", "perencana", null, Versioned: false),
        ["POST /api/instansi/{agencyId:int}/{year:int}/pembukaan/{id:long}/akhiri"] = new(
            (c, v) => $"{c.Api}/pembukaan/999999/akhiri" + (v ? "?concurrencyVersion=99" : ""), (_, _) => null, "admin", "perencana", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/pembukaan?handler=Buka"] = new(
            (c, _) => $"{c.Page}/pembukaan?handler=Buka", (_, _) => Fields(false, "", "", ("Periode", "zzz"), ("Unit", "DINAS"), ("Sampai", "2025-01-01"), ("Alasan", "uji")), "admin", "perencana", null, Versioned: false),
        ["POST /instansi/{agencyId:int}/{year:int}/pembukaan?handler=Tutup"] = new(
            (c, _) => $"{c.Page}/pembukaan?handler=Tutup", (_, v) => Fields(v, "Version", "99", ("Id", "999999")), "admin", "perencana", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/{year:int}/pembukaan?handler=Kunci"] = new(
            (c, _) => $"{c.Page}/pembukaan?handler=Kunci", (_, v) => Fields(v, "KunciSekarang", "true", ("Kunci", "false"), ("Alasan", "uji")), "admin", "perencana", null, Versioned: true),
        ["POST /instansi/{agencyId:int}/pengaturan"] = new(
            (c, _) => $"/instansi/{c.Demo}/pengaturan", (_, v) => Fields(v, "Current", "false", ("SeparateDuties", "false"), ("Reason", "uji")), "admin", "perencana", null, Versioned: true),
        ["POST /impor?handler=Pratinjau"] = new((_, _) => "/impor?handler=Pratinjau", (_, _) => Fields(false, "", ""), "perencana", "op-dinas", null, Versioned: false),
        ["POST /impor?handler=Simpan"] = new((c, _) => "/impor?handler=Simpan", (c, _) => Fields(false, "", "", ("Token", "tidak-ada"), ("AgencyId", c.Demo.ToString(CultureInfo.InvariantCulture)), ("ExpectedRevision", "99999")), "perencana", "op-dinas", null, Versioned: false),
        // ---------- evaluation (issue 22): a round of unit DINAS, evaluator apip (apip-lain is an evaluator not assigned to it) ----------
        ["POST /api/evaluasi/instansi/{agencyId:int}"] = new(
            (c, _) => $"/api/evaluasi/instansi/{c.Demo}", (_, _) => new { year = 2024, unitCode = "DINAS", title = "Uji", evaluators = new[] { "apip" } }, "admin", "perencana", null, Versioned: false),
        ["PUT /api/evaluasi/{id:int}/usulan/{kode}"] = new(
            (c, _) => $"/api/evaluasi/{c.RoundId}/usulan/1.a.1", (_, v) => v ? new { answer = "T", concurrencyVersion = 99 } : new { answer = "T" }, "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["PUT /api/evaluasi/{id:int}/penetapan/{kode}"] = new(
            (c, _) => $"/api/evaluasi/{c.RoundId}/penetapan/1.a.1", (_, v) => v ? new { answer = "T", concurrencyVersion = 99 } : new { answer = "T" }, "apip", "op-dinas", "apip-lain", Versioned: true),
        ["POST /api/evaluasi/{id:int}/ajukan"] = new(
            (c, _) => $"/api/evaluasi/{c.RoundId}/ajukan", (_, v) => v ? new { concurrencyVersion = 99 } : new { }, "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["POST /api/evaluasi/{id:int}/kembalikan"] = new(
            (c, _) => $"/api/evaluasi/{c.RoundId}/kembalikan", (_, v) => v ? new { concurrencyVersion = 99 } : new { }, "apip", "op-dinas", "apip-lain", Versioned: true),
        ["POST /api/evaluasi/{id:int}/final"] = new(
            (c, _) => $"/api/evaluasi/{c.RoundId}/final", (_, v) => v ? new { concurrencyVersion = 99 } : new { }, "apip", "op-dinas", "apip-lain", Versioned: true),
        // a new recommendation is a new row: no version to carry
        ["POST /api/evaluasi/{id:int}/rekomendasi"] = new(
            (c, _) => $"/api/evaluasi/{c.RoundId}/rekomendasi", (_, _) => new { text = "uji", responsibleUnit = "DINAS" }, "apip", "op-dinas", "apip-lain", Versioned: false),
        ["POST /api/evaluasi/rekomendasi/{recId:int}/tindak-lanjut"] = new(
            (c, _) => $"/api/evaluasi/rekomendasi/{c.RecommendationId}/tindak-lanjut", (_, v) => v ? new { text = "uji", status = "Selesai", concurrencyVersion = 99 } : new { text = "uji", status = "Selesai" },
            "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["POST /evaluasi?handler=Buka"] = new(
            (_, _) => "/evaluasi?handler=Buka", (c, _) => Fields(false, "", "", ("agencyId", c.Demo.ToString(CultureInfo.InvariantCulture)), ("year", "2024"), ("unitCode", "DINAS"), ("title", "Uji"), ("evaluators", "apip")), "admin", "perencana", null, Versioned: false),
        ["POST /evaluasi/{id:int}?handler=Usulan"] = new(
            (c, _) => $"/evaluasi/{c.RoundId}?handler=Usulan", (_, v) => Fields(v, "v[1.a.1]", "99", ("a[1.a.1]", "T")), "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        // takes the system's proposals for the criteria still empty, each saved at the version the server has just read
        ["POST /evaluasi/{id:int}?handler=TerimaUsulan"] = new(
            (c, _) => $"/evaluasi/{c.RoundId}?handler=TerimaUsulan", (_, _) => Fields(false, "", ""), "op-dinas", "pimpinan", "op-bidang", Versioned: false),
        ["POST /evaluasi/{id:int}?handler=Ajukan"] = new(
            (c, _) => $"/evaluasi/{c.RoundId}?handler=Ajukan", (_, v) => Fields(v, "roundVersion", "99"), "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        ["POST /evaluasi/{id:int}?handler=Penetapan"] = new(
            (c, _) => $"/evaluasi/{c.RoundId}?handler=Penetapan", (_, v) => Fields(v, "pv[1.a.1]", "99", ("p[1.a.1]", "T")), "apip", "op-dinas", "apip-lain", Versioned: true),
        ["POST /evaluasi/{id:int}?handler=Kembalikan"] = new(
            (c, _) => $"/evaluasi/{c.RoundId}?handler=Kembalikan", (_, v) => Fields(v, "roundVersion", "99", ("kembali", "1.a.1"), ("alasan[1.a.1]", "uji")), "apip", "op-dinas", "apip-lain", Versioned: true),
        ["POST /evaluasi/{id:int}?handler=Final"] = new(
            (c, _) => $"/evaluasi/{c.RoundId}?handler=Final", (_, v) => Fields(v, "roundVersion", "99"), "apip", "op-dinas", "apip-lain", Versioned: true),
        ["POST /evaluasi/{id:int}?handler=Lhe"] = new(
            (c, _) => $"/evaluasi/{c.RoundId}?handler=Lhe", (_, v) => Fields(v, "roundVersion", "99", ("signerName", "Uji")), "apip", "op-dinas", "apip-lain", Versioned: true),
        ["POST /evaluasi/{id:int}?handler=Rekomendasi"] = new(
            (c, _) => $"/evaluasi/{c.RoundId}?handler=Rekomendasi", (_, _) => Fields(false, "", "", ("text", "uji"), ("unit", "DINAS")), "apip", "op-dinas", "apip-lain", Versioned: false),
        ["POST /evaluasi/{id:int}?handler=TindakLanjut"] = new(
            (c, _) => $"/evaluasi/{c.RoundId}?handler=TindakLanjut", (c, v) => Fields(v, "recVersion", "99", ("recId", c.RecommendationId.ToString(CultureInfo.InvariantCulture)), ("text", "uji"), ("status", "Selesai")), "op-dinas", "pimpinan", "op-bidang", Versioned: true),
        // the signed-in user's own account: any role may, nobody else's
        ["POST /akun?handler=Aktifkan"] = new((_, _) => "/akun?handler=Aktifkan", (_, _) => Fields(false, "", "", ("Code", "000000")), "op-dinas", null, null, Versioned: false),
        ["POST /akun?handler=Matikan"] = new((_, _) => "/akun?handler=Matikan", (_, _) => Fields(false, "", ""), "op-dinas", null, null, Versioned: false),
        ["POST /akun?handler=KodePemulihan"] = new((_, _) => "/akun?handler=KodePemulihan", (_, _) => Fields(false, "", ""), "op-dinas", null, null, Versioned: false),
        // the reminder e-mail switch (issue 21) carries the account's concurrency stamp as read
        ["POST /akun?handler=Surel"] = new((_, _) => "/akun?handler=Surel", (_, v) => Fields(v, "Stamp", "lama", ("Email", "op@contoh.go.id"), ("EmailOn", "true")), "op-dinas", null, null, Versioned: true),
        // the user's own notifications (issue 21): marking read is the owner's alone (another's answers 404) and changes no versioned record
        ["POST /notifikasi?handler=Baca"] = new((_, _) => "/notifikasi?handler=Baca&id=1", (_, _) => Fields(false, "", ""), "op-dinas", null, null, Versioned: false),
        ["POST /notifikasi?handler=Semua"] = new((_, _) => "/notifikasi?handler=Semua", (_, _) => Fields(false, "", ""), "op-dinas", null, null, Versioned: false),
        ["POST /api/notifikasi/{id:long}/dibaca"] = new((_, _) => "/api/notifikasi/1/dibaca", (_, _) => null, "op-dinas", null, null, Versioned: false),
        ["POST /api/notifikasi/dibaca"] = new((_, _) => "/api/notifikasi/dibaca", (_, _) => null, "op-dinas", null, null, Versioned: false),
        ["POST /akun/sandi"] = new((_, _) => "/akun/sandi", (_, _) => Fields(false, "", "", ("CurrentPassword", "salah"), ("NewPassword", "RahasiaBaru123"), ("ConfirmPassword", "RahasiaBaru123")), "op-dinas", null, null, Versioned: false),
        ["POST /keluar"] = new((_, _) => "/keluar", (_, _) => Fields(false, "", ""), "op-dinas", null, null, Versioned: false),
        // sign-in and the first run: open to anonymous by design, still under antiforgery
        ["POST /masuk"] = new((_, _) => "/masuk", (_, _) => Fields(false, "", "", ("UserName", "op-dinas"), ("Password", "salah")), "op-dinas", null, null, Versioned: false, Anonymous: true),
        ["POST /masuk/kode"] = new((_, _) => "/masuk/kode", (_, _) => Fields(false, "", "", ("Code", "000000")), "op-dinas", null, null, Versioned: false, Anonymous: true),
        ["POST /setup"] = new((_, _) => "/setup", (_, _) => Fields(false, "", "", ("UserName", "kedua"), ("Password", "RahasiaSekali1"), ("ConfirmPassword", "RahasiaSekali1")), "op-dinas", null, null, Versioned: false, Anonymous: true),
    };

    /// <summary>
    /// Routes the enumeration finds that change nothing, each with why; everything else must have its row in <see cref="Table"/>.
    /// </summary>
    private static readonly Dictionary<string, string> NotStateChanging = new(StringComparer.Ordinal)
    {
        // the error page only renders: the status code pages and the exception handler re-execute a failed form post with
        // its own method, so it must answer POST; it binds nothing from the body and writes nothing (PublicAndErrorTests)
        ["POST /error/{kode:int?}"] = "halaman galat hanya menampilkan; POST untuk formulir yang gagal dieksekusi ulang",
    };

    /// <summary>"PUT /api/...", "POST /instansi/...?handler=Simpan": every state-changing route and page handler the app has.</summary>
    private List<string> StateChanging()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var pages = typeof(Api.KinerjaApi).Assembly;
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var page = endpoint.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>().FirstOrDefault();
            if (page is not null)
            {
                // a page without a model class (Ditolak) has no handler that could change anything
                var model = pages.GetType("Kinerja.Web.Pages" + page.ViewEnginePath.Replace('/', '.') + "Model");
                foreach (var method in (model?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly) ?? []).Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
                {
                    var handler = method.Name["OnPost".Length..];
                    handler = handler.EndsWith("Async", StringComparison.Ordinal) ? handler[..^"Async".Length] : handler;
                    keys.Add(handler.Length == 0 ? $"POST {route}" : $"POST {route}?handler={handler}");
                }

                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (method is "POST" or "PUT" or "PATCH" or "DELETE")
                    keys.Add($"{method} {route}");
            }
        }

        return [.. keys];
    }

    [SkippableFact]
    public void Every_state_changing_endpoint_and_page_handler_has_its_row()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var found = StateChanging();
        // the enumeration itself must see the routes it guards (an empty list would pass everything)
        Assert.Contains("POST /api/instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}/{step}", found);
        Assert.Contains("POST /instansi/{agencyId:int}/{year:int}/realisasi/{indicator}/{period}?handler=Sahkan", found);
        var missing = found.Where(k => !Table.ContainsKey(k) && !NotStateChanging.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "endpoint tanpa baris di tabel keamanan (tambahkan cara memanggilnya):\n" + string.Join('\n', missing));
        var stale = Table.Keys.Concat(NotStateChanging.Keys).Where(k => !found.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "baris tabel tanpa endpoint:\n" + string.Join('\n', stale));
    }

    [SkippableFact]
    public async Task Every_state_changing_endpoint_refuses_anonymous_wrong_role_other_unit_missing_antiforgery_and_missing_version()
    {
        Skip.IfNot(fixture.Available, AppFixture.Missing);
        var ctx = await ContextAsync();
        var sessions = new Dictionary<string, Session>(StringComparer.Ordinal) { ["admin"] = fixture.Admin };
        foreach (var user in new[] { "perencana", "op-dinas", "op-bidang", "verif", "verif-bidang", "pimpinan", "apip", "apip-lain" })
            sessions[user] = await fixture.As(user);
        var failures = new List<string>();
        foreach (var key in StateChanging().Where(Table.ContainsKey))
        {
            var row = Table[key];
            var method = new HttpMethod(key.Split(' ')[0]);
            var api = key.Split(' ')[1].StartsWith("/api", StringComparison.Ordinal);
            async Task Expect(string what, Session? who, bool token, bool withVersion, Func<HttpResponseMessage, string, bool> refused, string expected)
            {
                var response = await Send(who, method, row.Url(ctx, withVersion), row.Body(ctx, withVersion), api, token);
                var body = await response.Content.ReadAsStringAsync();
                if (!refused(response, body))
                    failures.Add($"{key} — {what}: diharapkan {expected}, didapat {(int)response.StatusCode} {response.Headers.Location} {body[..Math.Min(body.Length, 200)]}");
            }

            if (!row.Anonymous)
                await Expect("anonim", null, token: true, withVersion: true, (r, _) => api ? r.StatusCode == HttpStatusCode.Unauthorized : IsRedirectTo(r, "/masuk"), api ? "401" : "ke /masuk");
            if (row.WrongRole is { } wrong)
                await Expect($"peran salah ({wrong})", sessions[wrong], token: true, withVersion: true, Forbidden(api), api ? "403" : "ke /ditolak");
            if (row.OtherUnit is { } other)
                await Expect($"unit lain ({other})", sessions[other], token: true, withVersion: true, Forbidden(api), api ? "403" : "ke /ditolak");
            await Expect("tanpa antiforgery", sessions[row.Allowed], token: false, withVersion: false,
                (r, b) => r.StatusCode == HttpStatusCode.BadRequest && (api ? b.Contains("antiforgery", StringComparison.Ordinal) : !b.Contains("id=\"galat\"", StringComparison.Ordinal)), "400 antiforgery");
            if (row.Versioned)
            {
                await Expect("tanpa versi", sessions[row.Allowed], token: true, withVersion: false,
                    (r, _) => api ? r.StatusCode == HttpStatusCode.PreconditionRequired : r.StatusCode is HttpStatusCode.PreconditionRequired or HttpStatusCode.Conflict, api ? "428" : "428 atau 409");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static Func<HttpResponseMessage, string, bool> Forbidden(bool api) =>
        (r, _) => api ? r.StatusCode == HttpStatusCode.Forbidden : r.StatusCode == HttpStatusCode.Forbidden || IsRedirectTo(r, "/ditolak");

    private static bool IsRedirectTo(HttpResponseMessage response, string path) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } to && (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString).StartsWith(path, StringComparison.Ordinal);

    private async Task<HttpResponseMessage> Send(Session? who, HttpMethod method, string url, object? body, bool api, bool token)
    {
        var client = who?.Client ?? fixture.App.Browser();
        using var request = new HttpRequestMessage(method, url);
        if (api)
        {
            if (body is HttpContent content)
                request.Content = content;
            else if (body is not null)
                request.Content = JsonContent.Create(body, body.GetType());
            // an anonymous caller gets no API token (GET /api/antiforgery needs a sign-in too)
            if (token && who is not null)
                request.Headers.Add("X-CSRF-TOKEN", (await client.GetFromJsonAsync<JsonElement>("/api/antiforgery")).GetProperty("token").GetString());
        }
        else
        {
            var fields = ((IEnumerable<KeyValuePair<string, string>>?)body ?? []).ToList();
            if (token)
                fields.Add(new("__RequestVerificationToken", await new Session(client).TokenFrom(who is null ? "/masuk" : "/akun")));
            request.Content = new FormUrlEncodedContent(fields);
        }

        return await client.SendAsync(request);
    }

    private async Task<Ctx> ContextAsync()
    {
        var demo = fixture.DemoId;
        if (!fixture.App.WithDb(db => db.Users.Any(u => u.UserName == "perencana")))
        {
            await fixture.Admin.AddUser(demo, "perencana", AppFixture.Password, "Perencana");
            await fixture.Admin.AddUser(demo, "verif-bidang", AppFixture.Password, "Verifikator", "BIDANG");
        }

        var targetId = fixture.App.WithDb(db => db.Targets.Where(t => t.AgencyId == demo && t.IndicatorCode == "IKU-1").OrderBy(t => t.Id).Select(t => t.Id).First());
        var actions = $"/api/instansi/{demo}/2025/rencana-aksi/IKU-1";
        if (!fixture.App.WithDb(db => db.RencanaAksi.Any(a => a.AgencyId == demo && a.IndicatorCode == "IKU-1")))
            Assert.Equal(HttpStatusCode.Created, (await fixture.Admin.Api(HttpMethod.Post, actions, new { period = "2025-TW1", action = "Bursa kerja" })).StatusCode);
        var actionId = fixture.App.WithDb(db => db.RencanaAksi.Where(a => a.AgencyId == demo && a.IndicatorCode == "IKU-1").Select(a => a.Id).First());

        // a draft PK Perubahan with a target row and a budget line, so its handlers reach their version checks
        var pk = $"/api/instansi/{demo}/2025/pk";
        int Revision() => fixture.App.WithDb(db => db.Years.Single(y => y.AgencyId == demo && y.Year == 2025).Revision);
        if (!fixture.App.WithDb(db => db.PkVersions.Any(v => v.AgencyId == demo && v.PkVersion == "perubahan-1")))
        {
            var added = await fixture.Admin.Api(HttpMethod.Post, pk + "/perubahan", new { firstPosition = "Kepala Dinas", firstName = "Uji", expectedRevision = Revision() });
            Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
            var target = await fixture.Admin.Api(HttpMethod.Post, pk + "/perubahan-1/target", new { indicator = "IKU-1", period = "2025", value = "40%", expectedRevision = Revision() });
            Assert.True(target.StatusCode == HttpStatusCode.OK, await target.Content.ReadAsStringAsync());
            var line = await fixture.Admin.Api(HttpMethod.Post, pk + "/perubahan-1/anggaran", new { code = "Z.1", name = "Uji", pagu = "1000000" });
            Assert.True(line.StatusCode == HttpStatusCode.OK, await line.Content.ReadAsStringAsync());
        }

        var pkTargetId = fixture.App.WithDb(db => db.Targets.Where(t => t.AgencyId == demo && t.Document == "PK Perubahan").Select(t => t.Id).First());
        var budgetId = fixture.App.WithDb(db => db.PkBudget.Where(b => b.AgencyId == demo && b.PkVersion == "perubahan-1").Select(b => b.Id).First());
        // a draft realisasi with one bukti, so the removal reaches its checks
        var evidenceAt = $"/instansi/{demo}/2025/realisasi/IKU-1/2025-TW3";
        if (!fixture.App.WithDb(db => db.Evidence.Any(e => db.Realisasi.Any(r => r.Id == e.RealisasiRecordId && r.AgencyId == demo && r.IndicatorCode == "IKU-1" && r.Period == "2025-TW3" && r.IsCurrent))))
        {
            var saved = await fixture.Admin.Post(evidenceAt, evidenceAt + "?handler=Simpan", [new("Value", "20%"), new("ValueStatus", "Final"), new("ConcurrencyVersion", fixture.App.VersionOf(evidenceAt).ToString(CultureInfo.InvariantCulture))]);
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
            var uploaded = await fixture.Admin.PostFiles(evidenceAt, evidenceAt + "?handler=Unggah", [("Files", "rekap.pdf", EvidenceSamples.Pdf())]);
            Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        }

        var evidenceId = fixture.App.WithDb(db => db.Evidence.Where(e => db.Realisasi.Any(r => r.Id == e.RealisasiRecordId && r.AgencyId == demo && r.IndicatorCode == "IKU-1" && r.Period == "2025-TW3" && r.IsCurrent)).Select(e => e.Id).First());
        // an evaluation round of unit DINAS with its evaluator from another instansi (an APIP) and one recommendation for DINAS
        var roundId = fixture.App.WithDb(db => db.EvaluationRounds.Where(r => r.AgencyId == demo && r.Year == 2025).Select(r => (int?)r.Id).FirstOrDefault());
        if (roundId is null)
        {
            var kemnaker = fixture.App.WithDb(db => db.Agencies.Single(a => a.Name == "Kementerian Ketenagakerjaan").Id);
            await fixture.Admin.AddUser(kemnaker, "apip", AppFixture.Password, "Evaluator");
            await fixture.Admin.AddUser(kemnaker, "apip-lain", AppFixture.Password, "Evaluator");
            var opened = await fixture.Admin.Api(HttpMethod.Post, $"/api/evaluasi/instansi/{demo}",
                new { Year = 2025, UnitCode = "DINAS", Title = "Evaluasi AKIP 2025", SubmitDue = new DateOnly(2026, 2, 15), ReviewDue = new DateOnly(2026, 3, 31), EvaluatorBody = "Inspektorat", Evaluators = new[] { "apip" } });
            Assert.True(opened.StatusCode == HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
            roundId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            var recommended = await (await fixture.As("apip")).Api(HttpMethod.Post, $"/api/evaluasi/{roundId}/rekomendasi", new { Text = "Bukti kinerja dilengkapi", ComponentCode = "1", ResponsibleUnit = "DINAS", DueDate = new DateOnly(2026, 6, 30) });
            Assert.True(recommended.StatusCode == HttpStatusCode.OK, await recommended.Content.ReadAsStringAsync());
        }

        var recommendationId = fixture.App.WithDb(db => db.EvaluationRecommendations.Where(r => r.RoundId == roundId).Select(r => r.Id).First());
        var indicatorRow = fixture.App.WithDb(db => db.WorkbookRows.Where(r => r.Sheet == "indicators" && db.Years.Any(y => y.Id == r.ReportingYearId && y.AgencyId == demo && y.Year == 2025) && r.CellsJson.Contains("\"IKU-1\"")).Select(r => r.Id).First());
        var publishedId = fixture.App.WithDb(db =>
        {
            var year = db.Years.Single(y => y.AgencyId == demo && y.Year == 2025);
            var found = db.PublishedDocuments.Where(d => d.AgencyId == demo && d.Kind == "pk").Select(d => (long?)d.Id).FirstOrDefault();
            if (found is { } id)
                return id;
            var row = new Data.PublishedDocument
            {
                AgencyId = demo, ReportingYearId = year.Id, Year = 2025, Kind = "pk", PkVersion = "awal", Format = "pdf", Title = "Perjanjian Kinerja 2025", FileName = "pk-2025-awal.pdf",
                Sha256 = new string('0', 64), PublishedBy = "uji", ConcurrencyVersion = 1,
            };
            db.PublishedDocuments.Add(row);
            db.SaveChanges();
            return row.Id;
        });
        return new Ctx(demo, targetId, actionId, pkTargetId, budgetId, indicatorRow, evidenceId, roundId.Value, recommendationId) { PublishedId = publishedId };
    }
}
