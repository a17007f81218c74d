using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kubemate.Host.Auth;

/// <summary>Writes a problem-details answer from places that run outside an endpoint (authentication, middleware).</summary>
internal static class ApiProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var writer = context.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (writer is null || !await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");
}
