using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Web.Pages;

/// <summary>
/// Every error a browser can reach, in Indonesian and in the site's layout: re-executed by the status code pages
/// (404, 400, 403, 413, 429) and by the exception handler (500), with the correlation id of the server's log line.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public string CorrelationId { get; private set; } = "";

    public long LimitMb => ImportService.MaxBytes / (1024 * 1024);

    public long EvidenceLimitMb => EvidenceStore.MaxBytes / (1024 * 1024);

    public IActionResult OnGet() => Show();

    // a failed form post is re-executed with its own method
    public IActionResult OnPost() => Show();

    private PageResult Show()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        // the code from the route only; nothing is bound from the body (a re-executed upload may be too large to read)
        var asked = int.TryParse(RouteData.Values["kode"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var k) ? k : 500;
        Status = reExecuted ? Response.StatusCode : asked is >= 400 and < 600 ? asked : 500;
        if (Status < 400)
            Status = 500;
        Response.StatusCode = Status;
        CorrelationId = Correlation.IdOf(HttpContext);
        (Title, Explanation) = Status switch
        {
            400 => ("Permintaan tidak dapat diproses", "Formulir atau alamat yang dikirim tidak lengkap, tidak sah, atau sudah kedaluwarsa (misalnya halaman dibuka terlalu lama). Muat ulang halaman sebelumnya lalu kirim lagi. Tidak ada data yang berubah."),
            403 => ("Tidak berwenang", "Akun Anda tidak berwenang membuka halaman atau mengubah data ini. Hubungi administrator instansi bila Anda memerlukan akses."),
            404 => ("Halaman tidak ditemukan", "Alamat ini tidak ada, atau data yang dicari sudah tidak ada. Periksa alamatnya, atau mulai lagi dari beranda."),
            405 => ("Permintaan tidak dapat diproses", "Alamat ini tidak menerima cara pengiriman tersebut. Buka halamannya lalu gunakan tombol di halaman itu."),
            413 => ("Berkas terlalu besar", "Berkas yang diunggah melebihi batas, sehingga tidak diterima dan tidak ada yang disimpan."),
            429 => ("Terlalu banyak permintaan", "Terlalu banyak permintaan atau percobaan masuk dari alamat ini dalam waktu singkat. Tunggu beberapa menit lalu coba lagi."),
            _ => ("Terjadi galat", "Permintaan tidak dapat diselesaikan karena galat di server. Tidak ada data yang berubah karena galat ini. Coba lagi; bila terulang, laporkan ke administrator dengan kode rujukan di bawah."),
        };
        return Page();
    }
}
