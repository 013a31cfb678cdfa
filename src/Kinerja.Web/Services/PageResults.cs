namespace Kinerja.Web.Services;

/// <summary>The one translation of a write's result for the pages: the response status a refused form is shown with.</summary>
public static class PageResults
{
    /// <summary>A refused form is shown again with the reason; its status says why (400 refused, 403, 404, 409 changed meanwhile, 428 no version).</summary>
    public static int StatusOf(WriteResult result) => Api.ApiResults.StatusOf(result.Status);

    /// <summary>The reason as the page prints it: the message, then each located finding on its own line.</summary>
    public static string? Message(WriteResult result) =>
        result.Error is null ? null : result.Findings.Count > 1 ? result.Error.Split(": ", 2)[0] + ":\n" + string.Join('\n', result.Findings) : result.Error;
}
