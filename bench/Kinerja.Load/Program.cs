// Load client for the web app: N logged-in clients, each on its own connection and cookies, for a
// fixed time, on a realistic mix of the dashboard page and the API. Only 127.0.0.1 is accepted.
//   dotnet Kinerja.Load.dll --url http://127.0.0.1:5080 --user admin --password X [--clients 50] [--seconds 20] [--warmup 3] [--think-ms 0] [--label sqlite] [--setup]
//     [--mix read|deadline] [--cross http://127.0.0.1:A,http://127.0.0.1:B]
// --mix deadline: the week before a deadline: reads, realisasi saves through the API (with the version read), bukti
//   uploads through the entry page's form, and document builds (see Mix.Deadline). Counts answers per server from the
//   X-Kinerja-Server header a load balancer adds.
// --started-file PATH: written when the measured run starts (the rig stops a server a set time after it).
// --allowed-failures N: requests that may fail (those in flight on a server stopped on purpose); default 0.
// --cross A,B: signs in on server A and checks that server B accepts the cookie and A's antiforgery token (exit 1 if not).
// --think-ms T: after each answer a client waits a random 0..2T ms (a person reading the page); 0 = back to back (the worst case).
// --setup first makes that account the first administrator on the setup page of a new install.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

var options = Options.Parse(args);
if (!options.Url.IsLoopback)
{
    Console.Error.WriteLine("kinerja-load: only a server on 127.0.0.1 may be loaded");
    return 2;
}

if (args.Contains("--setup"))
    await Client.SetupAdminAsync(options.Url, options.User, options.Password);

if (options.Cross is { } cross)
    return await CrossServer.CheckAsync(cross.A, cross.B, options.User, options.Password);

// sign the clients in one after another: the password hash is deliberately slow, and sign-in is not what is measured
var clients = new List<HttpClient>();
for (var i = 0; i < options.Clients; i++)
    clients.Add(await Client.SignedInAsync(options.Url, options.User, options.Password));

var targets = await Client.YearsAsync(clients[0]);
if (targets.Count == 0)
{
    Console.Error.WriteLine("kinerja-load: the account sees no instansi year; load the samples first");
    return 1;
}

Console.WriteLine($"{options.Label}: {options.Clients} clients, {(options.ThinkMs > 0 ? $"think time 0-{2 * options.ThinkMs} ms" : "no think time")}, {options.Seconds} s (after {options.Warmup} s warm-up)," +
    $" {targets.Count} instansi-years: {string.Join(", ", targets.Select(t => $"{t.AgencyId}/{t.Year}"))}");
if (options.Mix == "deadline")
{
    var drafts = await DeadlineWork.PrepareAsync(clients, targets);
    Console.WriteLine($"deadline mix: {drafts.Count} draft realisasi to save and attach bukti to");
    await DeadlineWork.RunAsync(clients, targets, drafts, TimeSpan.FromSeconds(options.Warmup), options.ThinkMs, record: null);
    var deadlineSamples = new Samples();
    var deadlineWall = Stopwatch.StartNew();
    await DeadlineWork.RunAsync(clients, targets, drafts, TimeSpan.FromSeconds(options.Seconds), options.ThinkMs, deadlineSamples, options.StartedFile);
    deadlineWall.Stop();
    deadlineSamples.Print(options.Label, deadlineWall.Elapsed);
    if (deadlineSamples.Failures > options.AllowedFailures)
        Console.WriteLine($"more failed requests than allowed ({options.AllowedFailures})");
    return deadlineSamples.Failures > options.AllowedFailures ? 1 : 0;
}

var mix = Mix.Default;

await RunAsync(clients, targets, mix, TimeSpan.FromSeconds(options.Warmup), options.ThinkMs, record: null);
var samples = new Samples();
var wall = Stopwatch.StartNew();
await RunAsync(clients, targets, mix, TimeSpan.FromSeconds(options.Seconds), options.ThinkMs, samples);
wall.Stop();

samples.Print(options.Label, wall.Elapsed);
return samples.Failures > 0 ? 1 : 0;

static async Task RunAsync(List<HttpClient> clients, IReadOnlyList<(int AgencyId, int Year)> targets, Mix mix, TimeSpan length, int thinkMs, Samples? record)
{
    if (length <= TimeSpan.Zero)
        return;
    using var stop = new CancellationTokenSource(length);
    var workers = clients.Select((client, index) => Task.Run(async () =>
    {
        var random = new Random(index);
        while (!stop.IsCancellationRequested)
        {
            var (agencyId, year) = targets[random.Next(targets.Count)];
            var kind = mix.Pick(random);
            var path = kind.Path(agencyId, year);
            var watch = Stopwatch.StartNew();
            HttpStatusCode status;
            string? server = null;
            try
            {
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                status = response.StatusCode;
                server = Samples.ServerOf(response);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status = 0;
            }

            watch.Stop();
            record?.Add(kind.Name, watch.Elapsed.TotalMilliseconds, status == HttpStatusCode.OK, server);
            if (!await Think.PauseAsync(random, thinkMs, stop.Token))
                break;
        }
    })).ToArray();
    await Task.WhenAll(workers);
}

internal sealed record Options(Uri Url, string User, string Password, int Clients, int Seconds, int Warmup, int ThinkMs, string Label, string Mix, (Uri A, Uri B)? Cross, int AllowedFailures, string? StartedFile)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new Options(new Uri(Get("url", "http://127.0.0.1:5080")), Get("user", "admin"), Get("password", ""),
            int.Parse(Get("clients", "50"), CultureInfo.InvariantCulture), int.Parse(Get("seconds", "20"), CultureInfo.InvariantCulture),
            int.Parse(Get("warmup", "3"), CultureInfo.InvariantCulture), int.Parse(Get("think-ms", "0"), CultureInfo.InvariantCulture), Get("label", "kinerja"),
            Get("mix", "read"), Get("cross", "") is { Length: > 0 } cross && cross.Split(',') is [var a, var b] ? (new Uri(a), new Uri(b)) : null,
            int.Parse(Get("allowed-failures", "0"), CultureInfo.InvariantCulture), Get("started-file", "") is { Length: > 0 } started ? started : null);
    }
}

/// <summary>One kind of request and how often a person's browser or script makes it.</summary>
internal sealed record RequestKind(string Name, int Weight, Func<int, int, string> Path);

/// <summary>
/// What 50 people of an office do at once in the reporting weeks: mostly the dashboard page and the
/// API's capaian; the realisasi list page and its API; the instansi list.
/// </summary>
internal sealed class Mix(IReadOnlyList<RequestKind> kinds)
{
    public static Mix Default { get; } = new([
        new("page dasbor", 35, (a, y) => $"/instansi/{a}/{y}/dasbor"),
        new("page realisasi", 15, (a, y) => $"/instansi/{a}/{y}/realisasi"),
        new("api capaian", 25, (a, y) => $"/api/instansi/{a}/{y}/capaian"),
        new("api realisasi", 15, (a, y) => $"/api/instansi/{a}/{y}/realisasi"),
        new("api instansi", 10, (_, _) => "/api/instansi"),
    ]);

    private readonly int _total = kinds.Sum(k => k.Weight);

    public RequestKind Pick(Random random)
    {
        var n = random.Next(_total);
        foreach (var kind in kinds)
        {
            if (n < kind.Weight)
                return kind;
            n -= kind.Weight;
        }

        return kinds[^1];
    }
}

internal sealed class Samples
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<double>> _byKind = [];
    private readonly Dictionary<string, int> _byServer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failuresByKind = new(StringComparer.Ordinal);

    public int Failures { get; private set; }

    /// <summary>Answers the application refused on purpose (a stale version: 409; a check: 422); counted, not failures.</summary>
    public int Refusals { get; private set; }

    /// <summary>The server that answered, as the load balancer names it in X-Kinerja-Server (none without one).</summary>
    public static string? ServerOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Kinerja-Server", out var values) ? values.FirstOrDefault() : null;

    private readonly Dictionary<string, int> _refusalsByKind = new(StringComparer.Ordinal);

    public void Add(string kind, double milliseconds, bool ok, string? server = null, bool refused = false, int status = 0)
    {
        lock (_lock)
        {
            if (!_byKind.TryGetValue(kind, out var list))
                _byKind[kind] = list = [];
            list.Add(milliseconds);
            if (server is not null)
                _byServer[server] = _byServer.GetValueOrDefault(server) + 1;
            var kindStatus = status == 0 ? kind + " (tanpa jawaban)" : $"{kind} ({status})";
            if (refused)
            {
                Refusals++;
                _refusalsByKind[kindStatus] = _refusalsByKind.GetValueOrDefault(kindStatus) + 1;
            }
            else if (!ok)
            {
                Failures++;
                _failuresByKind[kindStatus] = _failuresByKind.GetValueOrDefault(kindStatus) + 1;
            }
        }
    }

    public void Print(string label, TimeSpan wall)
    {
        var all = _byKind.Values.SelectMany(v => v).ToList();
        Console.WriteLine($"{"",-16} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (kind, list) in _byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
            Line(kind, list, wall);
        Line($"{label} all", all, wall);
        Console.WriteLine($"failed requests (not 200 OK): {Failures}" +
            (_failuresByKind.Count == 0 ? "" : " (" + string.Join(", ", _failuresByKind.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}: {f.Value}")) + ")"));
        if (Refusals > 0)
            Console.WriteLine($"refused on purpose (409 stale version, 422 check, 429 document limit): {Refusals} (" +
                string.Join(", ", _refusalsByKind.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}: {f.Value}")) + ")");
        if (_byServer.Count > 0)
            Console.WriteLine("answers per server: " + string.Join(", ", _byServer.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}")));
    }

    private static void Line(string name, List<double> values, TimeSpan wall)
    {
        values.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-16} {values.Count,9} {values.Count / wall.TotalSeconds,8:F0} {Percentile(values, 50),8:F1} {Percentile(values, 95),8:F1} {Percentile(values, 99),8:F1} {values[^1],8:F1}"));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

internal static partial class Client
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex TokenPattern();

    /// <summary>A client with its own cookies and one connection, signed in on the login page as a browser is.</summary>
    public static async Task<HttpClient> SignedInAsync(Uri baseUrl, string user, string password, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler { UseCookies = true, CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var form = await client.GetStringAsync("/masuk");
        var token = TokenPattern().Match(form);
        if (!token.Success)
            throw new InvalidOperationException("no antiforgery token on /masuk (is there an account yet?)");
        using var content = new FormUrlEncodedContent([new("UserName", user), new("Password", password), new("__RequestVerificationToken", token.Groups[1].Value)]);
        using var response = await client.PostAsync("/masuk", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as {user} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>On a new install, the first administrator made on the setup page.</summary>
    public static async Task SetupAdminAsync(Uri baseUrl, string user, string password)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        using var page = await client.GetAsync("/setup");
        if (page.StatusCode == HttpStatusCode.NotFound)
            return;
        var token = TokenPattern().Match(await page.Content.ReadAsStringAsync());
        using var content = new FormUrlEncodedContent([new("DisplayName", "Administrator"), new("UserName", user), new("Password", password), new("ConfirmPassword", password), new("__RequestVerificationToken", token.Groups[1].Value)]);
        using var response = await client.PostAsync("/setup", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"setup of {user} failed: {(int)response.StatusCode}");
    }

    /// <summary>Every instansi year the account sees, from the API.</summary>
    public static async Task<IReadOnlyList<(int AgencyId, int Year)>> YearsAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/instansi"));
        return json.RootElement.EnumerateArray()
            .SelectMany(a => a.GetProperty("years").EnumerateArray().Select(y => (a.GetProperty("id").GetInt32(), y.GetInt32())))
            .ToList();
    }
}

/// <summary>A person's pause between two requests: a random 0..2T ms; false when the run ended meanwhile.</summary>
internal static class Think
{
    public static async Task<bool> PauseAsync(Random random, int thinkMs, CancellationToken stop)
    {
        if (thinkMs <= 0)
            return true;
        try
        {
            await Task.Delay(random.Next(2 * thinkMs + 1), stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
