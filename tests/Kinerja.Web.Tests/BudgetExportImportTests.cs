using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Tests;

public sealed class SqliteBudgetExportImportTests(ImportSqliteFixture fixture) : BudgetExportImportTests(fixture), IClassFixture<ImportSqliteFixture>;

public sealed class PostgresBudgetExportImportTests(ImportPostgresFixture fixture) : BudgetExportImportTests(fixture), IClassFixture<ImportPostgresFixture>;

/// <summary>
/// Issue 24 item 5: a SIPD monthly realisasi export uploaded for a stored year goes through the workbook import's
/// preview and commit: what changes in sheet Anggaran is shown, the Mendanai links are kept, a bad file is refused with
/// its cell named and nothing saved.
/// </summary>
public abstract class BudgetExportImportTests(AppFixture fixture)
{
    // the demo's budget (samples/clean-demo), Bursa Kerja's realisasi raised from 114.000.000 to 116.000.000, per month,
    // codes in the older style (the SKPD's bidang first, two-digit sub kegiatan)
    private static readonly (string Code, string Name, decimal Pagu, decimal[] Months)[] Rows =
    [
        ("1.03.1.03.02", "Program Penempatan Tenaga Kerja", 500_000_000m, [100_000_000m, 150_000_000m, 100_000_000m, 122_000_000m]),
        ("1.03.1.03.02.2.01", "Pelayanan Antar Kerja", 300_000_000m, [60_000_000m, 90_000_000m, 60_000_000m, 77_000_000m]),
        ("1.03.1.03.02.2.01.01", "Pelayanan Antar Kerja di Daerah", 180_000_000m, [40_000_000m, 45_000_000m, 41_000_000m, 45_000_000m]),
        ("1.03.1.03.02.2.01.02", "Bursa Kerja", 120_000_000m, [20_000_000m, 45_000_000m, 19_000_000m, 32_000_000m]),
        ("1.03.1.03.02.2.02", "Pelatihan Pencari Kerja", 200_000_000m, [40_000_000m, 60_000_000m, 40_000_000m, 45_000_000m]),
        ("1.03.1.03.02.2.02.01", "Pelatihan Berbasis Kompetensi", 200_000_000m, [40_000_000m, 60_000_000m, 40_000_000m, 45_000_000m]),
    ];

    [Fact]
    public async Task A_SIPD_realisasi_export_is_previewed_and_saved_into_sheet_Anggaran_like_a_workbook_import()
    {
        if (!fixture.Available)
            return;
        await fixture.Admin.AddUser(fixture.DemoId, "perencana-anggaran", AppFixture.Password, "Perencana");
        var perencana = await fixture.As("perencana-anggaran");
        var revision = Revision();

        // a bad file first: text in an amount is refused at its cell, nothing kept
        var bad = await Upload(perencana, Export(textAt: "1.03.1.03.02.2.01.02"), "realisasi-salah.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kesalahan").EnumerateArray().Select(e => e.GetString()!).ToList();
        var error = Assert.Single(errors);
        Assert.StartsWith("realisasi-salah.xlsx, sheet Realisasi, baris 9, kolom realisasi juli (J9)", error, StringComparison.Ordinal);
        Assert.Equal(revision, Revision());

        var response = await Upload(perencana, Export(), "realisasi-sipd.xlsx");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        // only Bursa Kerja and its parents change realisasi; every row gets its quarters
        var budget = preview.GetProperty("sheets").EnumerateArray().Single(s => s.GetProperty("sheet").GetString() == "budget");
        Assert.Equal(0, budget.GetProperty("added").GetArrayLength());
        Assert.Equal(0, budget.GetProperty("removed").GetArrayLength());
        Assert.Contains(budget.GetProperty("changed").EnumerateArray(), c => c.GetProperty("key").GetString() == "1.03.02.2.01.0002" && c.GetProperty("after").GetProperty("realisasi").GetString() == "116.000.000");
        var notes = preview.GetProperty("pengaitan").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.StartsWith("6 baris SIPD menggantikan sheet Anggaran: 6 cocok menurut kode, 0 menurut nama, 0 tidak cocok", notes[0], StringComparison.Ordinal);
        Assert.Equal(revision, Revision());

        var commit = await perencana.Api(HttpMethod.Post, $"/api/impor/{preview.GetProperty("token").GetString()}", new { agencyId = fixture.DemoId, expectedRevision = preview.GetProperty("expectedRevision").GetInt32() });
        Assert.True(commit.StatusCode == HttpStatusCode.OK, await commit.Content.ReadAsStringAsync());
        Assert.Equal(revision + 1, Revision());

        var yearId = fixture.App.WithDb(db => db.Years.Single(y => y.AgencyId == fixture.DemoId).Id);
        var stored = fixture.App.WithDb(db => db.WorkbookRows.AsNoTracking().Where(r => r.Sheet == "budget" && r.ReportingYearId == yearId).Select(r => r.CellsJson).ToList())
            .Select(j => JsonDocument.Parse(j).RootElement).ToList();
        string Cell(string code, string key) => stored.Single(r => r.GetProperty("code").GetString() == code).TryGetProperty(key, out var v) ? v.GetString()! : "";
        Assert.Equal("116.000.000", Cell("1.03.02.2.01.0002", "realisasi"));
        Assert.Equal(("20.000.000", "45.000.000", "19.000.000", "32.000.000"), (Cell("1.03.02.2.01.0002", "realisasiTw1"), Cell("1.03.02.2.01.0002", "realisasiTw2"), Cell("1.03.02.2.01.0002", "realisasiTw3"), Cell("1.03.02.2.01.0002", "realisasiTw4")));
        // the links to the indicators are kept, the spending-type rows too
        Assert.Equal("IKU-1", Cell("1.03.02.2.01", "goals"));
        Assert.Equal("S1", Cell("1.03.02", "goals"));
        Assert.Equal("470.000.000", Cell("JB", "realisasi"));
    }

    private async Task<HttpResponseMessage> Upload(Session who, byte[] file, string name)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(file), "berkas", name } };
        return await who.ApiContent(HttpMethod.Post, $"/api/impor?instansi={fixture.DemoId}&tahun=2025", content);
    }

    private int Revision() => fixture.App.WithDb(db => db.Years.Single(y => y.AgencyId == fixture.DemoId).Revision);

    /// <summary>A SIPD "realisasi bulanan" sheet: title rows, header over two rows with the months merged under Realisasi, months summed per quarter.</summary>
    private static byte[] Export(string? textAt = null)
    {
        var rows = new List<string?[]>
        {
            new[] { "LAPORAN REALISASI ANGGARAN BULANAN" },
            new[] { "Tahun Anggaran 2025" },
            Array.Empty<string?>(),
            new[] { "Kode Rekening", "Uraian", "Anggaran", "Realisasi" },
            new[] { null, null, null, "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember" },
        };
        foreach (var (code, name, pagu, quarters) in Rows)
        {
            // each quarter's realisasi in its last month
            var months = Enumerable.Range(0, 12).Select(m => m % 3 == 2 ? quarters[m / 3].ToString("#,0", CultureInfo.GetCultureInfo("id-ID")) : "0").ToArray<string?>();
            if (code == textAt)
                months[6] = "tujuh juta";
            rows.Add([code, name, pagu.ToString("#,0", CultureInfo.GetCultureInfo("id-ID")), .. months]);
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is { } text)
                        row.Append(new Cell { CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                }

                data.Append(row);
            }

            part.Worksheet = new Worksheet(data, new MergeCells(new MergeCell { Reference = "D4:O4" }, new MergeCell { Reference = "A1:O1" }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Realisasi" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }
}
