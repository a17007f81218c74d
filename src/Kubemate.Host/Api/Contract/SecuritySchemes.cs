using Kubemate.Host.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kubemate.Host.Api.Contract;

/// <summary>
/// The two ways to call the API, as security schemes of the document: the session cookie (whose unsafe requests also
/// send the CSRF header) and bearer tokens.
/// </summary>
internal sealed class SecuritySchemes : IOpenApiDocumentTransformer
{
    public const string Cookie = "sessionCookie";
    public const string Csrf = "csrfHeader";
    public const string Bearer = "bearerToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // The document is the same whichever address served it, so that the committed copy can be compared.
        document.Servers = [];
        document.Info.Title = "Kubemate API";
        document.Info.Description = "The REST API of kubemate serve: mesh status and switch, operations, change sets, audit, telemetry.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = AuthSchemes.CookieName,
            Description = "The session cookie set by POST /api/v1/session.",
        };
        document.Components.SecuritySchemes[Csrf] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AuthSchemes.CsrfHeader,
            Description = "The csrfToken of the session; required with the session cookie on POST, PUT, PATCH and DELETE.",
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A user's token (the token file of kubemate serve, or the sandbox's demo tokens); no CSRF header needed.",
        };
        return Task.CompletedTask;
    }
}
