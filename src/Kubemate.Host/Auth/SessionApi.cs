using System.Text.Json.Serialization;
using Kubemate.Cluster.Identity;
using Kubemate.Application.Identity;
using Kubemate.Host.Api;
using Kubemate.Host.Identity;
using Kubemate.Host.Limits;
using Kubemate.Host.Problems;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.Host.Auth;

/// <summary>Who am I, sign in (password or token) and sign out, for API clients and the console's form.</summary>
public static class SessionApi
{
    public sealed record SessionInfo(string User, IReadOnlyList<string> Groups, string CsrfToken);

    /// <summary>The body of <c>POST /api/v1/session</c>: a user name and password (sandbox demo users), or a token.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record SignInRequest
    {
        public string? Username { get; init; }

        public string? Password { get; init; }

        public string? Token { get; init; }
    }

    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app, bool oidcEnabled)
    {
        var session = app.MapGroup("/api/v1/session").WithTags("session");
        session.MapPost("", SignInAsync).AllowAnonymous().DisableAntiforgery().WithName("SignIn")
            .WithSummary("Sign in with {username, password} (sandbox demo users) or {token}; sets the session cookie")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        session.MapGet("", WhoAmI).RequireAuthorization().WithName("GetSession")
            .WithSummary("The signed-in user, groups and the CSRF token for unsafe requests");
        session.MapDelete("", (Delegate)SignOutAsync).RequireAuthorization().WithName("SignOut").WithSummary("Sign out");

        app.MapPost("/account/signin", FormSignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/signout", (Delegate)FormSignOutAsync).RequireAuthorization().ExcludeFromDescription();
        if (oidcEnabled)
        {
            app.MapGet("/signin/oidc", (string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [AuthSchemes.Oidc])).AllowAnonymous().ExcludeFromDescription();
        }
        return app;
    }

    private static async Task<Results<Ok<SessionInfo>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest body, HttpContext context, UserDirectory directory, IAntiforgery antiforgery, SignInThrottle throttle)
    {
        var errors = new RequestErrors();
        var (username, password, token) = (body.Username, body.Password, body.Token);
        if (token is null && username is null)
        {
            errors.Add("username", "is required (or send token)");
        }
        else if (token is not null && (username is not null || password is not null))
        {
            errors.Add("token", "send either token or username and password, not both");
        }
        else if (username is not null && string.IsNullOrEmpty(password))
        {
            errors.Add("password", "is required");
        }
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        var address = SourceAddress.Of(context);
        if (throttle.RetryAfter(username, address) is { } wait)
        {
            return Throttled(context, wait);
        }
        var user = token is not null ? directory.FindByToken(token) : directory.FindByPassword(username!, password!);
        if (user is null)
        {
            throttle.RecordFailure(username, address);
            return Problem.Of(StatusCodes.Status401Unauthorized, "Sign-in failed", token is not null ? "the token is not valid" : "unknown user name or wrong password");
        }
        return TypedResults.Ok(await StartSessionAsync(context, user, directory.Source, antiforgery));
    }

    private static SessionInfo WhoAmI(HttpContext context, IAntiforgery antiforgery)
    {
        var user = context.User.ToUserIdentity();
        return new SessionInfo(user.Name, user.Groups, antiforgery.GetAndStoreTokens(context).RequestToken ?? "");
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> FormSignInAsync(HttpContext context, [FromForm] string? username, [FromForm] string? password,
        [FromForm] string? returnUrl, UserDirectory directory, IAntiforgery antiforgery, SignInThrottle throttle)
    {
        var address = SourceAddress.Of(context);
        if (throttle.RetryAfter(username, address) is { } wait)
        {
            SetRetryAfter(context, wait);
            return Results.Redirect($"/account/signin?error=throttled&returnUrl={Uri.EscapeDataString(LocalOrRoot(returnUrl))}");
        }
        var user = string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password) ? null : directory.FindByPassword(username, password);
        if (user is null)
        {
            throttle.RecordFailure(username, address);
            return Results.Redirect($"/account/signin?error=invalid&returnUrl={Uri.EscapeDataString(LocalOrRoot(returnUrl))}");
        }
        await StartSessionAsync(context, user, directory.Source, antiforgery);
        return Results.LocalRedirect(LocalOrRoot(returnUrl));
    }

    /// <summary>The console's sign-out form; without its antiforgery token a cross-site page could sign the user out.</summary>
    private static async Task<IResult> FormSignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }
        await context.SignOutAsync(AuthSchemes.Cookie);
        return Results.Redirect("/account/signin");
    }

    private static ProblemHttpResult Throttled(HttpContext context, TimeSpan wait)
    {
        SetRetryAfter(context, wait);
        return Problem.Of(StatusCodes.Status429TooManyRequests, "Too many failed sign-ins",
            $"too many failed sign-ins for this user name or from this address; try again in {RetryAfterSeconds(wait)} s");
    }

    private static void SetRetryAfter(HttpContext context, TimeSpan wait) =>
        context.Response.Headers.RetryAfter = RetryAfterSeconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whole seconds, rounded up and at least one, as Retry-After wants them.</summary>
    internal static long RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));

    private static async Task<SessionInfo> StartSessionAsync(HttpContext context, UserIdentity user, string source, IAntiforgery antiforgery)
    {
        var principal = user.ToPrincipal(AuthSchemes.Cookie, source);
        await context.SignInAsync(AuthSchemes.Cookie, principal);
        // The antiforgery token is bound to the user, so it is made for the principal just signed in.
        context.User = principal;
        return new SessionInfo(user.Name, user.Groups, antiforgery.GetAndStoreTokens(context).RequestToken ?? "");
    }

    /// <summary>
    /// Only paths of this site: an absolute or protocol-relative URL would be an open redirect, and a control character
    /// (a TAB, which browsers drop, turns <c>/\t/host</c> into <c>//host</c>) is refused by the local redirect itself.
    /// </summary>
    internal static string LocalOrRoot(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Any(char.IsControl)
            ? url
            : "/";
}
