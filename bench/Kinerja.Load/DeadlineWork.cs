using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

/// <summary>A draft realisasi the deadline mix saves again and attaches bukti to.</summary>
internal sealed record DraftTarget(int AgencyId, int Year, string Indicator, string Period);

/// <summary>
/// The week before a deadline: people read the dashboard and the lists, operators save their realisasi (read the
/// version, then save with it, as the API demands) and upload bukti dukung through the entry page's form, and
/// planners build documents. Saves and uploads that the application refuses on purpose (another client saved the
/// same draft first: 409) and document builds over the per-account limit (429: every client here is one account) are
/// counted as refusals, not failures: that is optimistic concurrency and the rate limit doing their work.
/// </summary>
internal static class DeadlineWork
{
    private static readonly (string Name, int Weight)[] Kinds =
    [
        ("page dasbor", 28), ("api capaian", 20), ("api realisasi", 14), ("page realisasi", 10),
        ("simpan realisasi", 14), ("unggah bukti", 8), ("dokumen docx", 6),
    ];

    private static int _uploadCounter;

    public static async Task<IReadOnlyList<DraftTarget>> PrepareAsync(List<HttpClient> clients, IReadOnlyList<(int AgencyId, int Year)> targets)
    {
        // every client reads its own antiforgery token for the API's writes
        foreach (var client in clients)
        {
            using var token = JsonDocument.Parse(await client.GetStringAsync("/api/antiforgery"));
            client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
            client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token.RootElement.GetProperty("token").GetString());
        }

        var drafts = new List<DraftTarget>();
        var approved = new List<(DraftTarget Target, int Version, string Unit)>();
        foreach (var (agencyId, year) in targets)
        {
            using var json = JsonDocument.Parse(await clients[0].GetStringAsync($"/api/instansi/{agencyId}/{year}/realisasi"));
            foreach (var r in json.RootElement.EnumerateArray())
            {
                var target = new DraftTarget(agencyId, year, r.GetProperty("indicator").GetString()!, r.GetProperty("period").GetString()!);
                if (r.GetProperty("status").GetString() == "Draf")
                    drafts.Add(target);
                else if (r.GetProperty("status").GetString() == "Disahkan")
                    approved.Add((target, r.GetProperty("concurrencyVersion").GetInt32(), r.GetProperty("unit").GetString()!));
            }
        }

        // too few drafts (the samples are approved years): operators open corrections of approved values, as they do when a
        // figure turns out wrong; each correction is a new draft version, the approved one stays as it was
        var corrections = approved.Take(Math.Max(0, clients.Count - drafts.Count)).ToList();
        // the samples' periods have closed (the period lock is on for every instansi): a deadline week is an open period,
        // so the administrator reopens each unit's period for two days, with a reason, as the product asks (audited);
        // a period that is still open refuses the reopening, which changes nothing here
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        foreach (var (agencyId, year, period, unit) in corrections.Select(c => (c.Target.AgencyId, c.Target.Year, c.Target.Period, c.Unit)).Distinct())
        {
            using var reopened = await clients[0].PostAsJsonAsync($"/api/instansi/{agencyId}/{year}/pembukaan",
                new { periode = period, unit, sampai = until, alasan = "uji beban: pekan tenggat (bench/scale)" });
        }

        foreach (var (target, version, _) in corrections)
        {
            using var opened = await clients[0].PutAsJsonAsync(
                $"/api/instansi/{target.AgencyId}/{target.Year}/realisasi/{Uri.EscapeDataString(target.Indicator)}/{Uri.EscapeDataString(target.Period)}",
                new { correctionReason = "koreksi uji beban", concurrencyVersion = version });
            if (opened.StatusCode == HttpStatusCode.OK)
                drafts.Add(target);
        }

        return drafts;
    }

    public static async Task RunAsync(List<HttpClient> clients, IReadOnlyList<(int AgencyId, int Year)> targets, IReadOnlyList<DraftTarget> drafts, TimeSpan length, int thinkMs, Samples? record, string? startedFile = null)
    {
        if (length <= TimeSpan.Zero)
            return;
        // the rig stops a server a set time after the measured run starts: this file tells it when that is
        if (startedFile is not null)
            await File.WriteAllTextAsync(startedFile, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        using var stop = new CancellationTokenSource(length);
        var total = Kinds.Sum(k => k.Weight);
        var workers = clients.Select((client, index) => Task.Run(async () =>
        {
            var random = new Random(1000 + index);
            while (!stop.IsCancellationRequested)
            {
                var n = random.Next(total);
                var kind = Kinds.First(k => (n -= k.Weight) < 0).Name;
                var (agencyId, year) = targets[random.Next(targets.Count)];
                // a client keeps to its own drafts, as an operator keeps to their unit's; two clients meet on one only when there are fewer drafts than clients
                var draft = drafts.Count == 0 ? null : drafts[(index + drafts.Count * random.Next(4)) % drafts.Count];
                if (draft is null && kind is "simpan realisasi" or "unggah bukti")
                    kind = "api realisasi";
                var watch = Stopwatch.StartNew();
                Answer answer;
                try
                {
                    answer = kind switch
                    {
                        "page dasbor" => await GetAsync(client, $"/instansi/{agencyId}/{year}/dasbor"),
                        "api capaian" => await GetAsync(client, $"/api/instansi/{agencyId}/{year}/capaian"),
                        "api realisasi" => await GetAsync(client, $"/api/instansi/{agencyId}/{year}/realisasi"),
                        "page realisasi" => await GetAsync(client, $"/instansi/{agencyId}/{year}/realisasi"),
                        "simpan realisasi" => await SaveAsync(client, draft!, index),
                        "unggah bukti" => await UploadAsync(client, draft!),
                        _ => await BuildAsync(client, $"/instansi/{agencyId}/{year}/dokumen/lkjip.docx"),
                    };
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
                {
                    answer = new Answer(Ok: false, Refused: false, Server: null);
                }

                watch.Stop();
                record?.Add(kind, watch.Elapsed.TotalMilliseconds, answer.Ok, answer.Server, answer.Refused, answer.Status);
                if (!await Think.PauseAsync(random, thinkMs, stop.Token))
                    break;
            }
        })).ToArray();
        await Task.WhenAll(workers);
    }

    private readonly record struct Answer(bool Ok, bool Refused, string? Server, int Status = 0);

    private static async Task<Answer> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        return new Answer(response.StatusCode == HttpStatusCode.OK, false, Samples.ServerOf(response), (int)response.StatusCode);
    }

    /// <summary>A document build; the app limits builds per account (429) and refuses a document its checks refuse (422): refusals by its own rules, not failures.</summary>
    private static async Task<Answer> BuildAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        return new Answer(response.StatusCode == HttpStatusCode.OK, response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.UnprocessableEntity, Samples.ServerOf(response), (int)response.StatusCode);
    }

    /// <summary>Reads the draft (its version) and saves it with a new note, as a client of the API must.</summary>
    private static async Task<Answer> SaveAsync(HttpClient client, DraftTarget draft, int clientIndex)
    {
        var path = $"/api/instansi/{draft.AgencyId}/{draft.Year}/realisasi/{Uri.EscapeDataString(draft.Indicator)}/{Uri.EscapeDataString(draft.Period)}";
        using var read = await client.GetAsync(path);
        if (read.StatusCode != HttpStatusCode.OK)
            return new Answer(false, false, Samples.ServerOf(read), (int)read.StatusCode);
        using var current = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        if (current.RootElement.GetProperty("status").GetString() != "Draf")
            return new Answer(false, Refused: true, Samples.ServerOf(read), (int)read.StatusCode);
        var version = current.RootElement.GetProperty("concurrencyVersion").GetInt32();
        var body = new { note = string.Create(CultureInfo.InvariantCulture, $"uji beban klien {clientIndex} {DateTime.UtcNow:HH:mm:ss.fff}"), concurrencyVersion = version };
        using var save = await client.PutAsJsonAsync(path, body);
        return save.StatusCode switch
        {
            HttpStatusCode.OK => new Answer(true, false, Samples.ServerOf(save), (int)save.StatusCode),
            HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity or HttpStatusCode.PreconditionRequired => new Answer(false, true, Samples.ServerOf(save), (int)save.StatusCode),
            _ => new Answer(false, false, Samples.ServerOf(save), (int)save.StatusCode),
        };
    }

    /// <summary>Opens the entry page (its form token) and uploads a small PDF that parses, each one different.</summary>
    private static async Task<Answer> UploadAsync(HttpClient client, DraftTarget draft)
    {
        var page = $"/instansi/{draft.AgencyId}/{draft.Year}/realisasi/{Uri.EscapeDataString(draft.Indicator)}/{Uri.EscapeDataString(draft.Period)}";
        var html = await client.GetStringAsync(page);
        var token = Client.TokenPattern().Match(html);
        if (!token.Success || !html.Contains("id=\"form-bukti\"", StringComparison.Ordinal))
            return new Answer(false, Refused: true, null); // no upload form: the draft was submitted meanwhile
        var number = Interlocked.Increment(ref _uploadCounter);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(SmallPdf($"Bukti uji beban {number}"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "Files", $"bukti-{number}.pdf");
        content.Add(new StringContent(token.Groups[1].Value), "__RequestVerificationToken");
        using var response = await client.PostAsync(page + "?handler=Unggah", content);
        // the page redirects after a stored upload; it shows itself again with the reason when it refuses one
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect or HttpStatusCode.SeeOther => new Answer(true, false, Samples.ServerOf(response), (int)response.StatusCode),
            HttpStatusCode.OK or HttpStatusCode.Conflict => new Answer(false, true, Samples.ServerOf(response), (int)response.StatusCode),
            _ => new Answer(false, false, Samples.ServerOf(response), (int)response.StatusCode),
        };
    }

    /// <summary>A one-page PDF with a correct cross-reference table, so that a parser opens it as a PDF.</summary>
    public static byte[] SmallPdf(string text)
    {
        var stream = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}

/// <summary>Sign-in on one app server, the next requests on another: the servers share their keys through the database.</summary>
internal static class CrossServer
{
    public static async Task<int> CheckAsync(Uri serverA, Uri serverB, string user, string password)
    {
        var issuedByA = new CookieContainer();
        using var onA = await Client.SignedInAsync(serverA, user, password, issuedByA);
        using var token = JsonDocument.Parse(await onA.GetStringAsync("/api/antiforgery"));
        // the same cookies, sent to the other server
        var cookies = new CookieContainer();
        foreach (Cookie cookie in issuedByA.GetCookies(serverA))
            cookies.Add(serverB, new Cookie(cookie.Name, cookie.Value, "/"));
        using var onB = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = serverB };
        using var read = await onB.GetAsync("/api/instansi");
        using var page = await onB.GetAsync("/");
        // an antiforgery token issued by A must be valid on B: a write with it is judged on its merits (404 for a
        // record that is not there), never refused as a forged request (400)
        using var write = new HttpRequestMessage(HttpMethod.Put, "/api/instansi/999999/2025/realisasi/X/2025") { Content = JsonContent.Create(new { note = "x", concurrencyVersion = 0 }) };
        write.Headers.Add("X-CSRF-TOKEN", token.RootElement.GetProperty("token").GetString());
        using var written = await onB.SendAsync(write);
        var ok = read.StatusCode == HttpStatusCode.OK && page.StatusCode == HttpStatusCode.OK && written.StatusCode is HttpStatusCode.NotFound;
        Console.WriteLine($"sign-in on {serverA.Authority}, then on {serverB.Authority}: API {(int)read.StatusCode}, home page {(int)page.StatusCode}, write with A's antiforgery token {(int)written.StatusCode} (404 expected: judged, not refused as forged) -> {(ok ? "OK" : "FAILED")}");
        return ok ? 0 : 1;
    }
}
