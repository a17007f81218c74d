using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.Host.Tests.Support;

/// <summary>
/// The antiforgery cookie and form field the console's sign-in page would render (the page itself belongs to the
/// console), made by the host's own antiforgery service for an anonymous visitor.
/// </summary>
public static class AntiforgeryForm
{
    public static Task<(Cookie Cookie, string Field)> TokensAsync(HostFixture host) => TokensAsync(host.Host);

    /// <summary>The tokens of a host of the test's own.</summary>
    public static Task<(Cookie Cookie, string Field)> TokensAsync(RunningHost running)
    {
        var services = running.App.Services;
        using var scope = services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var antiforgery = services.GetRequiredService<IAntiforgery>();
        var tokens = antiforgery.GetTokens(context);
        return Task.FromResult((new Cookie(tokens.CookieToken is null ? "" : CookieName(services), tokens.CookieToken ?? "", "/"), tokens.RequestToken!));
    }

    public static FormUrlEncodedContent Content(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));

    private static string CookieName(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value.Cookie.Name!;
}
