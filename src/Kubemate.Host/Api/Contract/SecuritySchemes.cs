using Kubemate.Host.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kubemate.Host.Api.Contract;

/// <summary>
/// The two ways to call the API, as security schemes of the document: the session cookie (whose unsafe requests also
/// send the CSRF header) and bearer tokens. Every operation that requires them (<see cref="AuthorizationResponses"/>)
/// also declares the answers of the authentication middleware: 401 not signed in, and on unsafe methods 403 for a
/// missing CSRF header.
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
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                if (operation.Security is not { Count: > 0 })
                {
                    continue;
                }
                operation.Responses ??= [];
                AddProblem(document, operation, "401", "Not signed in: no session cookie and no valid bearer token");
                if (IsUnsafe(method.Method))
                {
                    AddProblem(document, operation, "403", "Forbidden: the CSRF header is missing or invalid (session cookie), or the user may not do this");
                    AddProblem(document, operation, "429", "Too many changing calls by this user: wait the Retry-After seconds");
                }
            }
        }
        return Task.CompletedTask;
    }

    public static bool IsUnsafe(string? method) => method?.ToUpperInvariant() is not ("GET" or "HEAD" or "OPTIONS");

    private static void AddProblem(OpenApiDocument document, OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails), document) },
            },
        };
    }
}
