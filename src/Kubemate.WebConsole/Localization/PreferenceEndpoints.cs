using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.WebConsole.Localization;

/// <summary>
/// <c>GET /culture/set</c> and <c>GET /theme/set</c>: remember the choice in a cookie and go back to the page
/// (local URLs only, so the switch cannot be used as an open redirect).
/// </summary>
internal static class PreferenceEndpoints
{
    public const string ThemeCookie = "kubemate.theme";

    public static IEndpointRouteBuilder MapPreferenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/set", (string? culture, string? redirectUri, HttpContext context) =>
        {
            var chosen = ConsoleCultures.Find(culture);
            if (chosen is null)
            {
                return Results.Problem(statusCode: 400, title: "Bad request",
                    detail: $"culture: \"{culture}\" is not supported; use one of {string.Join(", ", ConsoleCultures.Supported)}");
            }
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)), Persistent(context));
            return Results.LocalRedirect(LocalRedirects.Sanitize(redirectUri));
        }).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapGet("/theme/set", (string? mode, string? redirectUri, HttpContext context) =>
        {
            if (mode is not ("light" or "dark"))
            {
                return Results.Problem(statusCode: 400, title: "Bad request", detail: $"mode: \"{mode}\" is not a theme; use light or dark");
            }
            context.Response.Cookies.Append(ThemeCookie, mode, Persistent(context));
            return Results.LocalRedirect(LocalRedirects.Sanitize(redirectUri));
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    public static bool IsDark(HttpContext context) => context.Request.Cookies[ThemeCookie] == "dark";

    private static CookieOptions Persistent(HttpContext context) => new()
    {
        Expires = DateTimeOffset.UtcNow.AddYears(1),
        IsEssential = true,
        HttpOnly = false,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Path = "/",
    };
}
