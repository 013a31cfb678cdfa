using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Kinerja.Web.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace Kinerja.Web.Security;

/// <summary>
/// Request limits, per client address (the client's own behind a proxy named in Kinerja:Proxy:*, see Hosting/ScaleOut.cs) (or per account for document builds), by ASP.NET Core's rate limiter.
/// Guessing a password is slowed by address instead of locking the account: Identity's lockout would let anyone
/// who knows a user name lock that person out, so a wrong password never counts towards a lockout (see
/// <see cref="SignInThrottle"/>); only wrong authenticator codes do, and those need the password first.
/// </summary>
public static class RateLimits
{
    /// <summary>Requests per minute of an anonymous visitor, per address.</summary>
    public const int AnonymousPerMinute = 300;

    /// <summary>Documents a signed-in person may have built (Word, Excel, PDF; live or in the background, or published) per 10 minutes.</summary>
    public const int BuildsPerTenMinutes = 30;

    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : IPAddress.Loopback.ToString();

    /// <summary>A request that asks the server to build a document (the ones that may start LibreOffice).</summary>
    public static bool IsDocumentBuild(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (!path.StartsWith("/instansi/", StringComparison.Ordinal) && !path.StartsWith("/api/instansi/", StringComparison.Ordinal))
            return false;
        if (HttpMethods.IsPost(request.Method))
            return path.EndsWith("/dokumen", StringComparison.Ordinal) || path.EndsWith("/terbitkan", StringComparison.Ordinal);
        // the direct downloads /instansi/{id}/{tahun}/dokumen/{jenis}.{format}
        return HttpMethods.IsGet(request.Method) && path.Contains("/dokumen/", StringComparison.Ordinal) && Path.HasExtension(path) && !path.Contains("/proses/", StringComparison.Ordinal);
    }

    public static IServiceCollection AddKinerjaRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<SignInThrottle>();
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                // the error page itself is never limited: a refused request is re-executed there to say why
                PartitionedRateLimiter.Create<HttpContext, string>(http => http.User.Identity?.IsAuthenticated == true || http.Request.Path.StartsWithSegments("/error")
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetSlidingWindowLimiter("tamu:" + AddressOf(http), _ => Window(AnonymousPerMinute, TimeSpan.FromMinutes(1)))),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsDocumentBuild(http.Request)
                    ? RateLimitPartition.GetSlidingWindowLimiter("dokumen:" + (http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? AddressOf(http)), _ => Window(BuildsPerTenMinutes, TimeSpan.FromMinutes(10)))
                    : RateLimitPartition.GetNoLimiter("")));
            o.OnRejected = async (context, token) =>
            {
                var http = context.HttpContext;
                // a sliding window does not say when a permit returns: at the latest when the window has slid on
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry.TotalSeconds : IsDocumentBuild(http.Request) ? 600 : 60;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(seconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (ApiResults.IsApi(http.Request))
                    await ApiResults.Problem(StatusCodes.Status429TooManyRequests, "terlalu banyak permintaan dari alamat atau akun ini; tunggu sebentar lalu coba lagi").ExecuteAsync(http);
                // a page gets the Indonesian error page through the status code pages (no body written here)
            };
        });
    }

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = 6,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>
/// Wrong sign-ins per client address: after <see cref="FailuresAllowed"/> wrong passwords or codes within
/// 15 minutes the address is refused (429) until the window slides on. Only failures count, so a whole office
/// behind one address signs in as usual, and the account itself is never locked: the real user, from their
/// own address, still gets in while someone elsewhere is guessing.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const int FailuresAllowed = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = FailuresAllowed,
            Window = Window,
            SegmentsPerWindow = 15,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>True when the address has used up its wrong tries.</summary>
    public bool IsBlocked(string address) => _failures.GetStatistics(address) is { CurrentAvailablePermits: <= 0 };

    public void Failed(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();
}
