using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Host.Security;

/// <summary>
/// Headers on every response (API, console pages, static files, errors): the console's scripts, styles and circuit
/// come from this site only, no other site may frame it, browsers never guess content types, and no URL leaks in a
/// Referer. MudBlazor sets style attributes, hence 'unsafe-inline' for styles (never for scripts); the circuit's
/// WebSocket is same-origin, which 'self' in connect-src covers; the topology's PNG export draws the SVG through a
/// blob: image the page itself made, hence blob: for images.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set when the response starts, so that error pages and short-circuited answers carry them too.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
