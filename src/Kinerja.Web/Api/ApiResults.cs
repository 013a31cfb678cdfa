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

    public static IResult From(Outcome outcome, Func<object>? body = null) => outcome.Status switch
    {
        200 => Results.Ok(body?.Invoke()),
        _ => Problem(outcome.Status, outcome.Error ?? "", outcome.Warnings),
    };

    public static IResult Problem(int status, string detail, IReadOnlyList<string>? warnings = null) =>
        Results.Problem(
            title: status switch { 400 => "Permintaan ditolak", 403 => "Tidak berwenang", 404 => "Tidak ditemukan", 409 => "Data telah berubah", 422 => "Belum dapat dibuat", _ => "Galat" },
            detail: detail,
            statusCode: status,
            extensions: warnings is { Count: > 0 } ? new Dictionary<string, object?> { ["peringatan"] = warnings } : null);
}
