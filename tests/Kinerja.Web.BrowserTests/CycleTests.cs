using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Web.BrowserTests;

public sealed class SqliteCycleTests(SqliteBrowser fixture) : CycleTests(fixture), IClassFixture<SqliteBrowser>;

public sealed class PostgresCycleTests(PostgresBrowser fixture) : CycleTests(fixture), IClassFixture<PostgresBrowser>;

/// <summary>The SAKIP cycle as its people do it in a browser: every step through the pages.</summary>
public abstract class CycleTests(BrowserFixture fixture)
{
    // real files: the app opens every bukti as what it claims (a PDF parses, an image decodes)
    private static readonly byte[] Pdf = RealPdf();
    private static readonly byte[] Png = RealPng();

    private static byte[] RealPdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static byte[] RealPng()
    {
        using var bitmap = new SkiaSharp.SKBitmap(8, 8);
        bitmap.Erase(SkiaSharp.SKColors.SteelBlue);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public async Task First_run_setup_creates_the_administrator_and_is_gone_afterwards()
    {
        if (!fixture.Available)
            return;
        await fixture.AdminAsync();
        var visitor = await fixture.NewPageAsync();
        var setup = await visitor.GotoAsync("/setup");
        Assert.Equal(404, setup!.Status);
        await visitor.GotoAsync("/");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Kinerja", Exact = true })).ToBeVisibleAsync();
        await fixture.Screenshot(visitor, "02-beranda-tamu");
        await visitor.Context.CloseAsync();
    }

    [Fact]
    public async Task Sign_in_refuses_a_wrong_password_and_opens_the_home_page_with_the_right_one()
    {
        if (!fixture.Available)
            return;
        await fixture.AdminAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync(BrowserFixture.AdminName);
        await page.GetByLabel("Kata sandi").FillAsync("BukanKataSandinya1");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Nama pengguna atau kata sandi salah.");
        await fixture.Screenshot(page, "03-masuk-salah");

        await page.GetByLabel("Kata sandi").FillAsync(BrowserFixture.AdminPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Beranda" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Keluar ({BrowserFixture.AdminName})" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_operator_plans_a_quarters_action_beside_its_realisasi_and_a_planner_adds_a_pk_perubahan()
    {
        if (!fixture.Available)
            return;
        var demo = await fixture.DemoAsync();
        var operatorPage = await fixture.SignInAsync("op-dinas");
        await operatorPage.GotoAsync($"/instansi/{demo}/2025/rencana-aksi?indikator=IKU-1");
        await operatorPage.Locator("#Period").SelectOptionAsync("2025-TW3");
        await operatorPage.GetByLabel("Rencana aksi (apa yang dilakukan)").FillAsync("Job fair kabupaten");
        await operatorPage.GetByLabel("Penanggung jawab (siapa)").FillAsync("Seksi Penempatan");
        await operatorPage.GetByLabel("Waktu (kapan)").FillAsync("Agustus");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Tambah", Exact = true }).ClickAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("Rencana aksi ditambahkan.");
        await Expect(operatorPage.Locator("tr[data-periode='2025-TW3']")).ToContainTextAsync("Job fair kabupaten · Seksi Penempatan · Agustus");
        await fixture.Screenshot(operatorPage, "16-rencana-aksi");
        await operatorPage.Context.CloseAsync();

        var admin = await fixture.SignInAsync(BrowserFixture.AdminName, BrowserFixture.AdminPassword);
        await admin.GotoAsync($"/instansi/{demo}/2025/pk");
        // a PK Perubahan is saved as a draft (not in force), then signed with its date
        await admin.GetByRole(AriaRole.Group, new() { Name = "Pihak pertama" }).GetByLabel("Nama").FillAsync("Kepala Dinas Contoh");
        await admin.Locator("#simpan-perubahan").ClickAsync();
        await Expect(admin.Locator("#pesan")).ToContainTextAsync("PK Perubahan tersimpan sebagai draf");
        await Expect(admin.Locator("#versi-pk tbody tr")).ToHaveCountAsync(2);
        await Expect(admin.Locator("tr[data-versi='perubahan-1']")).ToContainTextAsync("Draf (belum ditandatangani)");
        await Expect(admin.Locator("tr[data-versi='awal']")).ToContainTextAsync("Berlaku");
        await admin.Locator("#tanggal-tandatangan").FillAsync("1 Juli 2025");
        await admin.Locator("#tandatangani").ClickAsync();
        await Expect(admin.Locator("#pesan")).ToContainTextAsync("PK Perubahan ditandatangani");
        await Expect(admin.Locator("#versi-pk tbody tr")).ToHaveCountAsync(2);
        await Expect(admin.Locator("tr[data-versi='perubahan-1']")).ToContainTextAsync("Berlaku");
        await Expect(admin.Locator("tr[data-versi='awal']")).ToContainTextAsync("Diganti versi berikutnya");
        await fixture.Screenshot(admin, "17-pk-perubahan");
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task A_workbook_import_shows_its_preview_and_commits_the_whole_instansi()
    {
        if (!fixture.Available)
            return;
        await fixture.DemoAsync();
        // what the preview must announce, counted from the workbook itself
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Repository.Sample("pasar-kerja-2021.json")));
        var profile = json.RootElement.GetProperty("profile");
        var agencyName = profile.GetProperty("agency").GetString()!;
        var indicatorCount = json.RootElement.GetProperty("indicators").GetArrayLength();

        var admin = await fixture.SignInAsync(BrowserFixture.AdminName, BrowserFixture.AdminPassword);
        await BrowserFixture.ImportAsync(admin, Repository.Sample("pasar-kerja-2021.xlsx"));
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Pratinjau:" })).ToContainTextAsync($"{agencyName}, tahun {profile.GetProperty("year")}");
        await Expect(admin.GetByText("Instansi baru akan dibuat.")).ToBeVisibleAsync();
        var indicatorsRow = admin.Locator("#ringkasan-pratinjau tbody tr")
            .Filter(new() { Has = admin.GetByRole(AriaRole.Cell, new() { Name = "Indikator", Exact = true }) }).Locator("td");
        await Expect(indicatorsRow.Nth(1)).ToHaveTextAsync(indicatorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(indicatorsRow.Nth(2)).ToHaveTextAsync("0");
        await Expect(indicatorsRow.Nth(3)).ToHaveTextAsync("0");
        await fixture.Screenshot(admin, "05-impor-pratinjau");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan impor" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex(@"/instansi/\d+/\d{4}/dasbor"));
        await admin.GotoAsync("/");
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = agencyName })).ToBeVisibleAsync();

        // the same file again: nothing to add, change or remove
        await BrowserFixture.ImportAsync(admin, Repository.Sample("pasar-kerja-2021.xlsx"));
        await Expect(admin.Locator("#tanpa-perubahan")).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task Quarterly_realisasi_with_two_evidence_files_is_submitted_verified_approved_and_changes_the_dashboard()
    {
        if (!fixture.Available)
            return;
        var demo = await fixture.DemoAsync();
        var dashboard = $"/instansi/{demo}/2025/dasbor?periode=2025-TW1";
        var pimpinan = await fixture.SignInAsync("pimpinan");
        await pimpinan.GotoAsync(dashboard);
        await Expect(pimpinan.Locator("#tabel-capaian tr[data-indikator='IKU-2'] td").Nth(3)).ToHaveTextAsync("");
        var approvedBefore = await BoardCell(pimpinan, "BIDANG", "Disahkan");

        var entry = await OpenEntryAsync("op-bidang", demo, "IKU-2", "2025-TW1");
        await entry.GetByLabel("Nilai realisasi").FillAsync("300");
        await entry.GetByLabel("Kendala").FillAsync("Satu angkatan pelatihan ditunda");
        await entry.GetByLabel("Tindak lanjut").FillAsync("Angkatan tambahan pada triwulan II");
        await entry.GetByLabel("Penjelasan capaian").FillAsync("Capaian triwulan I mengikuti jadwal pelatihan");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(entry.Locator("#status-realisasi")).ToHaveTextAsync("Draf");
        await Expect(entry.Locator("#nilai")).ToHaveTextAsync("300 orang");

        await entry.GetByLabel("Unggah bukti").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "daftar-hadir.pdf", MimeType = "application/pdf", Buffer = Pdf },
            new FilePayload { Name = "foto-kegiatan.png", MimeType = "image/png", Buffer = Png },
        });
        await entry.GetByRole(AriaRole.Button, new() { Name = "Unggah bukti", Exact = true }).ClickAsync();
        await Expect(entry.Locator("#daftar-bukti li a")).ToHaveTextAsync(["daftar-hadir.pdf", "foto-kegiatan.png"]);
        var download = await entry.Context.APIRequest.GetAsync(await entry.GetByRole(AriaRole.Link, new() { Name = "daftar-hadir.pdf" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(Pdf, await download.BodyAsync());
        await fixture.Screenshot(entry, "10-realisasi-isi");

        await entry.GetByRole(AriaRole.Button, new() { Name = "Ajukan" }).ClickAsync();
        await Expect(entry.Locator("#status-realisasi")).ToHaveTextAsync("Diajukan");
        // the operator has no verify button
        await Expect(entry.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" })).ToHaveCountAsync(0);
        await entry.Context.CloseAsync();

        var verifikator = await OpenEntryAsync("verif", demo, "IKU-2", "2025-TW1");
        await verifikator.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
        await Expect(verifikator.Locator("#status-realisasi")).ToHaveTextAsync("Diverifikasi");
        await verifikator.Context.CloseAsync();

        await pimpinan.GotoAsync($"/instansi/{demo}/2025/realisasi/IKU-2/2025-TW1");
        await pimpinan.GetByRole(AriaRole.Button, new() { Name = "Sahkan" }).ClickAsync();
        await Expect(pimpinan.Locator("#status-realisasi")).ToHaveTextAsync("Disahkan");
        await Expect(pimpinan.Locator("#riwayat tbody tr")).ToHaveCountAsync(4);
        await fixture.Screenshot(pimpinan, "11-realisasi-disahkan");

        await pimpinan.GotoAsync(dashboard);
        await Expect(pimpinan.Locator("#tabel-capaian tr[data-indikator='IKU-2'] td").Nth(3)).ToHaveTextAsync("300");
        Assert.Equal(approvedBefore + 1, await BoardCell(pimpinan, "BIDANG", "Disahkan"));
        await fixture.Screenshot(pimpinan, "12-dasbor-setelah-disahkan");
        await pimpinan.Context.CloseAsync();
    }

    [Fact]
    public async Task A_submitted_realisasi_returned_with_a_reason_goes_back_to_its_operator()
    {
        if (!fixture.Available)
            return;
        var demo = await fixture.DemoAsync();
        var entry = await OpenEntryAsync("op-bidang", demo, "IKU-2", "2025-TW3");
        await entry.GetByLabel("Nilai realisasi").FillAsync("120");
        await entry.GetByLabel("Penjelasan capaian").FillAsync("Triwulan III baru satu angkatan");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(entry.Locator("#status-realisasi")).ToHaveTextAsync("Draf");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Ajukan" }).ClickAsync();
        await Expect(entry.Locator("#status-realisasi")).ToHaveTextAsync("Diajukan");

        const string reason = "Angka belum sesuai daftar hadir; lampirkan rekap";
        var verifikator = await OpenEntryAsync("verif", demo, "IKU-2", "2025-TW3");
        await verifikator.GetByLabel("Alasan pengembalian").FillAsync(reason);
        await verifikator.GetByRole(AriaRole.Button, new() { Name = "Kembalikan" }).ClickAsync();
        await Expect(verifikator.Locator("#status-realisasi")).ToHaveTextAsync("Dikembalikan");
        await fixture.Screenshot(verifikator, "13-realisasi-dikembalikan");
        await verifikator.Context.CloseAsync();

        // the operator sees the reason and may correct and submit again
        await entry.ReloadAsync();
        await Expect(entry.Locator("#status-realisasi")).ToHaveTextAsync("Dikembalikan");
        await Expect(entry.Locator("#riwayat")).ToContainTextAsync(reason);
        await entry.GetByLabel("Nilai realisasi").FillAsync("125");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(entry.Locator("#nilai")).ToHaveTextAsync("125 orang");
        await entry.Context.CloseAsync();
    }

    [Fact]
    public async Task An_operator_is_refused_another_units_page_form_post_and_api_call()
    {
        if (!fixture.Available)
            return;
        var demo = await fixture.DemoAsync();
        var own = $"/instansi/{demo}/2025/realisasi/IKU-2/2025-TW4";
        var other = $"/instansi/{demo}/2025/realisasi/IKU-1/2025-TW4";
        var page = await fixture.SignInAsync("op-bidang");

        // the list shows only its own unit
        await page.GotoAsync($"/instansi/{demo}/2025/realisasi?periode=2025-TW4");
        await Expect(page.Locator("#daftar-realisasi tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#daftar-realisasi tr[data-indikator='IKU-2']")).ToBeVisibleAsync();

        // the page by URL
        var refused = await page.GotoAsync(other);
        Assert.Equal(403, refused!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tidak berwenang" })).ToBeVisibleAsync();
        await fixture.Screenshot(page, "14-ditolak");

        // a form post aimed at the other unit's record, with a valid token taken from the operator's own page
        await page.GotoAsync(own);
        await page.EvaluateAsync(
            """
            target => {
                const form = document.getElementById('form-realisasi');
                form.action = target + '?handler=Simpan';
                form.querySelector('#Value').value = '99%';
                form.submit();
            }
            """, other);
        await Expect(page).ToHaveURLAsync(new Regex("/ditolak"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tidak berwenang" })).ToBeVisibleAsync();

        // the API, with the antiforgery token, as a script in the page would call it
        var status = await page.EvaluateAsync<int>(
            """
            async target => {
                const token = (await (await fetch('/api/antiforgery')).json()).token;
                const response = await fetch('/api' + target, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token }, body: JSON.stringify({ value: '99%', valueStatus: 'Final' }) });
                return response.status;
            }
            """, other);
        Assert.Equal(403, status);
        var read = await page.Context.APIRequest.GetAsync($"/api{other}");
        Assert.Equal(403, read.Status);

        // nothing was written: the owner of IKU-1 still finds it empty
        await page.Context.CloseAsync();
        var owner = await OpenEntryAsync("op-dinas", demo, "IKU-1", "2025-TW4");
        await Expect(owner.Locator("#status-realisasi")).ToHaveTextAsync("Belum diisi.");
        await owner.Context.CloseAsync();
    }

    [Fact]
    public async Task An_approved_value_cannot_be_edited_and_a_correction_is_a_new_version()
    {
        if (!fixture.Available)
            return;
        var demo = await fixture.DemoAsync();
        var url = $"/instansi/{demo}/2025/realisasi/IKU-1/2025-TW1";
        var entry = await OpenEntryAsync("op-dinas", demo, "IKU-1", "2025-TW1");
        await entry.GetByLabel("Nilai realisasi").FillAsync("58%");
        await entry.GetByLabel("Penjelasan capaian").FillAsync("Penempatan triwulan I");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await entry.GetByRole(AriaRole.Button, new() { Name = "Ajukan" }).ClickAsync();
        await Expect(entry.Locator("#status-realisasi")).ToHaveTextAsync("Diajukan");
        var verifikator = await OpenEntryAsync("verif", demo, "IKU-1", "2025-TW1");
        await verifikator.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
        await Expect(verifikator.Locator("#status-realisasi")).ToHaveTextAsync("Diverifikasi");
        await verifikator.Context.CloseAsync();
        var pimpinan = await OpenEntryAsync("pimpinan", demo, "IKU-1", "2025-TW1");
        await pimpinan.GetByRole(AriaRole.Button, new() { Name = "Sahkan" }).ClickAsync();
        await Expect(pimpinan.Locator("#status-realisasi")).ToHaveTextAsync("Disahkan");
        await pimpinan.Context.CloseAsync();

        // the page offers only a correction, with its reason required
        await entry.ReloadAsync();
        await Expect(entry.GetByRole(AriaRole.Heading, new() { Name = "Koreksi (versi baru)" })).ToBeVisibleAsync();
        await Expect(entry.GetByText("sudah disahkan dan tidak dapat diubah")).ToBeVisibleAsync();
        // an edit posted without that reason (the required attribute removed) is refused and changes nothing
        await entry.EvaluateAsync("() => document.getElementById('CorrectionReason').removeAttribute('required')");
        await entry.GetByLabel("Nilai realisasi").FillAsync("80%");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Buat koreksi" }).ClickAsync();
        await Expect(entry.GetByRole(AriaRole.Alert)).ToContainTextAsync("sudah disahkan");
        await entry.GotoAsync(url);
        await Expect(entry.Locator("#nilai")).ToHaveTextAsync("58%");
        await Expect(entry.Locator("#status-realisasi")).ToHaveTextAsync("Disahkan");
        // nor through the API
        var status = await entry.EvaluateAsync<int>(
            """
            async target => {
                const token = (await (await fetch('/api/antiforgery')).json()).token;
                const current = await (await fetch('/api' + target)).json();
                const response = await fetch('/api' + target, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token }, body: JSON.stringify({ value: '80%', valueStatus: 'Final', concurrencyVersion: current.concurrencyVersion }) });
                return response.status;
            }
            """, url);
        Assert.InRange(status, 400, 409);

        // a correction with its reason is version 2, a draft; the approved version 1 stays
        await entry.GetByLabel("Nilai realisasi").FillAsync("60%");
        await entry.GetByLabel("Alasan koreksi").FillAsync("Salah rekap data penempatan");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Buat koreksi" }).ClickAsync();
        await Expect(entry.Locator("#versi")).ToHaveTextAsync("2");
        await Expect(entry.Locator("#status-realisasi")).ToHaveTextAsync("Draf");
        await Expect(entry.Locator("#riwayat")).ToContainTextAsync("v1");
        await fixture.Screenshot(entry, "15-realisasi-koreksi");
        await entry.Context.CloseAsync();
    }

    /// <summary>The user signs in and opens the indicator's realisasi from the list of the period.</summary>
    private async Task<IPage> OpenEntryAsync(string user, int demo, string indicator, string period)
    {
        var page = await fixture.SignInAsync(user);
        await page.GotoAsync($"/instansi/{demo}/2025/realisasi?periode={period}");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^(Isi|Buka) realisasi {Regex.Escape(indicator)}$") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(indicator);
        return page;
    }

    /// <summary>A number on the dashboard's completion board: the unit's row, the named column.</summary>
    private static async Task<int> BoardCell(IPage page, string unit, string column)
    {
        var headers = await page.Locator("#papan-kelengkapan thead th").AllInnerTextsAsync();
        var index = headers.ToList().IndexOf(column);
        Assert.True(index >= 0, $"no column {column} on the completion board");
        var cell = page.Locator("#papan-kelengkapan tbody tr").Filter(new() { HasText = unit }).First.Locator("td").Nth(index);
        return int.Parse(await cell.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
