using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.Host.Auth;

/// <summary>
/// Unsafe API requests authenticated by the session cookie must carry the session's antiforgery token in
/// <c>X-CSRF-Token</c>; bearer-token requests cannot be forged by a browser and need none.
/// </summary>
internal static class CsrfProtection
{
    public static IApplicationBuilder UseApiCsrfProtection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var needsToken = ApiProblems.IsApi(request)
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            && context.User.Identity?.IsAuthenticated == true
            && !BearerToken.TryRead(request, out _)
            && !(request.Path.Equals("/api/v1/session") && HttpMethods.IsPost(request.Method));
        if (needsToken)
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "CSRF token missing or invalid",
                    $"requests signed in by the session cookie must send the {AuthSchemes.CsrfHeader} header from GET /api/v1/session");
                return;
            }
        }
        await next(context);
    });
}
