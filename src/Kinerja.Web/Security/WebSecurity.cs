using System.Diagnostics;
using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Web.Api;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Kinerja.Web.Security;

/// <summary>The headers every response carries: a Content-Security-Policy without inline script, no sniffing, no framing, a short referrer.</summary>
public static class SecurityHeaders
{
    /// <summary>Pages: scripts only from this site's files (wwwroot/js), nothing framed, forms only to this site.</summary>
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The interactive API reference (Scalar) starts itself with an inline script and styles its widgets inline; it
    /// shows no recorded data and changes none, so it alone gets inline script. It still loads nothing from elsewhere.
    /// </summary>
    public const string ReferencePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        // set when the response starts: the exception handler clears headers, and error pages, static files and 429s need them too
        var reference = http.Request.Path.StartsWithSegments("/api/referensi") || http.Request.Path.StartsWithSegments("/scalar");
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = reference ? ReferencePolicy : Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(http);
    });
}

/// <summary>The id that ties what a person sees on an error page or in a ProblemDetails to the line in the server's log.</summary>
public static class Correlation
{
    /// <summary>
    /// The request's W3C trace id (32 hex digits): the id a tracing system (OpenTelemetry) files the request under and the
    /// TraceId every log line of the request carries, so the code a person reads out finds both.
    /// </summary>
    public static string IdOf(HttpContext http) => Activity.Current is { } activity && activity.TraceId != default
        ? activity.TraceId.ToHexString()
        : http.TraceIdentifier;

    /// <summary>Indonesian titles for the statuses the app answers with; ASP.NET Core's own defaults are English.</summary>
    public static string Title(int status) => status switch
    {
        400 => "Permintaan ditolak",
        401 => "Belum masuk",
        403 => "Tidak berwenang",
        404 => "Tidak ditemukan",
        405 => "Metode tidak diizinkan",
        409 => "Data telah berubah",
        413 => "Berkas terlalu besar",
        415 => "Jenis isi tidak didukung",
        422 => "Belum dapat dibuat",
        429 => "Terlalu banyak permintaan",
        503 => "Layanan belum tersedia",
        _ => "Galat",
    };

    public static string Detail(int status) => status switch
    {
        400 => "permintaan tidak dapat diproses: formulir atau data yang dikirim tidak lengkap, tidak sah, atau kedaluwarsa",
        401 => "masuk lewat /masuk terlebih dahulu",
        403 => "akun ini tidak berwenang atas data tersebut",
        404 => "alamat ini tidak ada",
        405 => "alamat ini tidak menerima metode permintaan tersebut",
        413 => $"berkas atau permintaan melebihi batas {ImportService.MaxBytes / (1024 * 1024)} MB",
        429 => "terlalu banyak permintaan dari alamat atau akun ini; tunggu sebentar lalu coba lagi",
        _ => "terjadi galat di server; tidak ada data yang berubah karena galat ini. Laporkan kode rujukan ke administrator",
    };

    /// <summary>Every ProblemDetails the app writes: Indonesian title, a correlation id, never an exception's text.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var english = problem.Title is null || EnglishTitles.Contains(problem.Title);
        if (english)
            problem.Title = Title(status);
        if (problem.Detail is null || english || status >= 500 && context.Exception is not null)
            problem.Detail = Detail(status);
        problem.Type = null;
        problem.Extensions["correlationId"] = IdOf(context.HttpContext);
        problem.Extensions["traceId"] = IdOf(context.HttpContext);
        problem.Extensions.Remove("exception");
        problem.Extensions.Remove("errors");
    }

    // ASP.NET Core's default titles, replaced by the Indonesian ones
    private static readonly HashSet<string> EnglishTitles = new(StringComparer.Ordinal)
    {
        "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Method Not Allowed", "Not Acceptable", "Conflict", "Gone", "Unsupported Media Type",
        "Unprocessable Entity", "Too Many Requests", "Payload Too Large", "Request Entity Too Large", "Content Too Large", "Internal Server Error",
        "Service Unavailable", "An error occurred while processing your request.", "One or more validation errors occurred.",
    };
}

/// <summary>The status an exception gives: a body over the upload limit is 413 whoever noticed it (Kestrel or the form reader).</summary>
public static class ErrorStatus
{
    public static int Of(Exception exception) => exception switch
    {
        InvalidDataException e when e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase) => StatusCodes.Status413PayloadTooLarge,
        Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => StatusCodes.Status413PayloadTooLarge,
        _ when exception.InnerException is { } inner && Of(inner) == StatusCodes.Status413PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => ApiResults.StatusOf(exception),
    };
}

/// <summary>
/// Logs every unhandled exception with its correlation id; the API answers ProblemDetails (Indonesian, the id,
/// no stack trace); a page falls through to the Indonesian error page (/error), which shows the same id.
/// </summary>
public sealed class KinerjaExceptionHandler(ILogger<KinerjaExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var status = ErrorStatus.Of(exception);
        http.Response.StatusCode = status;
        if (status >= 500)
            log.LogError(exception, "galat tak tertangani, kode rujukan {CorrelationId}", Correlation.IdOf(http));
        else if (log.IsEnabled(LogLevel.Information))
            log.LogInformation("permintaan ditolak ({Status}), kode rujukan {CorrelationId}: {Message}", status, Correlation.IdOf(http), exception.Message);
        // the middleware has already moved the request to /error: the original path says whether it was an API call
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) && !string.Equals(path, "/api", StringComparison.OrdinalIgnoreCase))
            return false;
        var detail = status is StatusCodes.Status400BadRequest && exception is UploadRejectedException or EvidenceRejectedException ? exception.Message : Correlation.Detail(status);
        var problem = new ProblemDetails { Status = status, Title = Correlation.Title(status), Detail = detail };
        problem.Extensions["correlationId"] = Correlation.IdOf(http);
        problem.Extensions["traceId"] = Correlation.IdOf(http);
        // written here, whatever the client's Accept header says: an API error is never the HTML page
        await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
    }
}

/// <summary>
/// A body larger than the upload limit is refused from its Content-Length before anyone reads it (413, then the
/// Indonesian page or ProblemDetails); otherwise the antiforgery check, which reads the form first, would call it a 400.
/// A body without a length is stopped by Kestrel's own limit at the same size.
/// </summary>
public static class RequestSizeGate
{
    public static long Limit => ImportService.MaxBytes + 1024 * 1024;

    public static IApplicationBuilder UseRequestSizeGate(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.Request.ContentLength > Limit && !http.Request.Path.StartsWithSegments("/error"))
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(http);
    });
}

/// <summary>A form post to a page that has no handler for it (today's 500 from an unloaded page) is a plain 400.</summary>
public sealed class MissingHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && context.HandlerInstance is not Pages.ErrorModel)
            context.Result = new BadRequestResult();
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}

/// <summary>Puts "must change the password" into the sign-in, so the gate needs no query of its own.</summary>
public sealed class KinerjaClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string MustChangePassword = "kinerja:ganti-sandi";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(MustChangePassword, "1"));
        return identity;
    }
}

/// <summary>
/// An account whose password an administrator set (a new account, a reset) reaches nothing but the password
/// page until the password is changed: pages are sent there, API calls are refused with 403.
/// </summary>
public static class PasswordChangeGate
{
    public const string ChangePage = "/akun/sandi";

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.HasClaim(c => c.Type == KinerjaClaimsFactory.MustChangePassword) && !Allowed(http.Request.Path))
        {
            if (ApiResults.IsApi(http.Request))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await ApiResults.Problem(StatusCodes.Status403Forbidden, "kata sandi akun ini diatur oleh administrator: gantilah dulu di " + ChangePage + " sebelum memakai aplikasi atau API").ExecuteAsync(http);
                return;
            }

            http.Response.Redirect(ChangePage);
            return;
        }

        await next(http);
    });

    private static bool Allowed(PathString path) =>
        path.StartsWithSegments(ChangePage) || path.StartsWithSegments("/keluar") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js")
        || path.StartsWithSegments("/error") || path.StartsWithSegments("/favicon.ico");
}
