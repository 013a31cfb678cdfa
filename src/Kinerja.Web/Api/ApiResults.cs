using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kinerja.Web.Api;

/// <summary>One error shape for the API: ProblemDetails with the message in Bahasa Indonesia.</summary>
public static class ApiResults
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Results.Problem(title: status == 401 ? "Belum masuk" : "Tidak berwenang", detail: status == 401 ? "masuk lewat /masuk terlebih dahulu" : "akun ini tidak berwenang atas data tersebut", statusCode: status)
                .ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static int StatusOf(Exception exception) => exception switch
    {
        UploadRejectedException or EvidenceRejectedException => StatusCodes.Status400BadRequest,
        Microsoft.AspNetCore.Http.BadHttpRequestException b => b.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The one translation of a write's result into HTTP for the API: ok with the body, or ProblemDetails in Indonesian.</summary>
    public static IResult From(WriteResult outcome, Func<object?>? body = null) => outcome.Status switch
    {
        WriteStatus.Ok => Results.Ok(body?.Invoke()),
        WriteStatus.Created => Results.Json(body?.Invoke(), statusCode: StatusCodes.Status201Created),
        _ => Problem(StatusOf(outcome.Status), outcome.Error ?? "", outcome.Warnings, outcome.Findings),
    };

    /// <summary>The HTTP status of a write's result, for the API and the pages alike.</summary>
    public static int StatusOf(WriteStatus status) => status switch
    {
        WriteStatus.Ok => StatusCodes.Status200OK,
        WriteStatus.Created => StatusCodes.Status201Created,
        WriteStatus.NotFound => StatusCodes.Status404NotFound,
        WriteStatus.Forbidden => StatusCodes.Status403Forbidden,
        WriteStatus.Conflict => StatusCodes.Status409Conflict,
        WriteStatus.VersionRequired => StatusCodes.Status428PreconditionRequired,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult Problem(int status, string detail, IReadOnlyList<string>? warnings = null, IReadOnlyList<string>? findings = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (warnings is { Count: > 0 })
            extensions["peringatan"] = warnings;
        if (findings is { Count: > 0 })
            extensions["temuan"] = findings;
        return Results.Problem(
            title: status switch { 400 => "Permintaan ditolak", 403 => "Tidak berwenang", 404 => "Tidak ditemukan", 409 => "Data telah berubah", 422 => "Belum dapat dibuat", 428 => "Versi data wajib dikirim", _ => "Galat" },
            detail: detail,
            statusCode: status,
            extensions: extensions.Count > 0 ? extensions : null);
    }
}
