using System.Text.Encodings.Web;
using Kubemate.Application.Identity;
using Kubemate.Host.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kubemate.Host.Auth;

/// <summary><c>Authorization: Bearer &lt;token&gt;</c> for API clients, checked against the user directory (sandbox or token file).</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserDirectory directory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!BearerToken.TryRead(Request, out var token))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var user = directory.FindByToken(token);
        if (user is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("the bearer token is not valid"));
        }
        var principal = user.ToPrincipal(AuthSchemes.Bearer, directory.Source);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, AuthSchemes.Bearer)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, Microsoft.AspNetCore.Http.StatusCodes.Status401Unauthorized, "Not signed in",
            "sign in with POST /api/v1/session or send a valid bearer token");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden, "Forbidden", "this request is not allowed");
}
