using Kubemate.Cluster.Identity;
using Kubemate.Application.Identity;
using Kubemate.Host.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Kubemate.Host.Auth;

/// <summary>
/// Session cookie (HttpOnly, SameSite=Strict) for the console and API, bearer tokens for API clients, and, when
/// configured, OpenID Connect sign-in that ends in the same session cookie.
/// </summary>
internal static class AuthenticationSetup
{
    public static IServiceCollection AddKubemateAuthentication(this IServiceCollection services, OidcSignInOptions? oidc)
    {
        // Sessions live server-side (SessionTicketStore): the cookie carries only a key, which sign-out revokes.
        services.AddSingleton<SessionTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(AuthSchemes.Cookie)
            .Configure<SessionTicketStore>((o, store) => o.SessionStore = store);
        var builder = services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "cookie or bearer", o =>
                o.ForwardDefaultSelector = context => BearerToken.TryRead(context.Request, out _) ? AuthSchemes.Bearer : AuthSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(AuthSchemes.Bearer, null)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = AuthSchemes.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/account/signin";
                o.LogoutPath = "/account/signout";
                o.ReturnUrlParameter = "returnUrl";
                o.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = context => ApiProblems.IsApi(context.Request)
                        ? ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Not signed in",
                            "sign in with POST /api/v1/session or send a bearer token")
                        : RedirectAsync(context),
                    OnRedirectToAccessDenied = context => ApiProblems.IsApi(context.Request)
                        ? ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "this request is not allowed")
                        : RedirectAsync(context),
                };
            });
        if (oidc is not null)
        {
            builder.AddOpenIdConnect(AuthSchemes.Oidc, o => ConfigureOidc(o, oidc));
        }
        return services;
    }

    /// <summary>
    /// The handler builds an absolute URL from the request's Host header, which the client chooses; the browser only
    /// needs the path, so that is all the Location carries.
    /// </summary>
    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        context.Response.Redirect(SessionApi.LocalOrRoot(target));
        return Task.CompletedTask;
    }

    private static void ConfigureOidc(OpenIdConnectOptions o, OidcSignInOptions oidc)
    {
        o.Authority = oidc.Issuer;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        // A top-level GET back from the provider, so the correlation cookies can stay SameSite=Lax.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.SignInScheme = AuthSchemes.Cookie;
        o.CallbackPath = "/signin/oidc/callback";
        o.SignedOutCallbackPath = "/signin/oidc/signed-out";
        o.MapInboundClaims = false;
        o.SaveTokens = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.RequireHttpsMetadata = !IsLoopbackHttp(oidc.Issuer);
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.Scope.Add("email");
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Events = new OpenIdConnectEvents
        {
            // The callback URL comes from configuration (or the address the host is bound to), never from the Host header.
            OnRedirectToIdentityProvider = context =>
            {
                context.ProtocolMessage.RedirectUri = new Uri(PublicUrl(context.HttpContext, oidc), o.CallbackPath.Value).ToString();
                return Task.CompletedTask;
            },
            // A refused or broken sign-in goes back to the sign-in page with a reason, never a 500.
            OnRemoteFailure = context =>
            {
                context.Response.Redirect("/account/signin?error=oidc");
                context.HandleResponse();
                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                var claims = context.Principal?.Claims.ToList() ?? [];
                var name = claims.FirstOrDefault(c => c.Type == oidc.UsernameClaim)?.Value;
                if (string.IsNullOrEmpty(name))
                {
                    context.Fail($"the ID token has no '{oidc.UsernameClaim}' claim (--oidc-username-claim)");
                    return Task.CompletedTask;
                }
                var groups = claims.Where(c => c.Type == oidc.GroupsClaim).Select(c => c.Value).Where(g => g.Length > 0).Distinct().ToList();
                context.Principal = new UserIdentity(name, groups).ToPrincipal(AuthSchemes.Oidc, "oidc");
                return Task.CompletedTask;
            },
        };
    }

    private static Uri PublicUrl(HttpContext context, OidcSignInOptions oidc) =>
        oidc.PublicUrl ?? new Uri(context.RequestServices.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static bool IsLoopbackHttp(string issuer) =>
        Uri.TryCreate(issuer, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
}
