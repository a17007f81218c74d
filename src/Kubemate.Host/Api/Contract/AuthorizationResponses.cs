using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kubemate.Host.Api.Contract;

/// <summary>
/// On every operation that requires a signed-in user: the security it accepts (the session cookie, with the CSRF
/// header on unsafe methods, or a bearer token) and the answers the authentication middleware gives before the
/// handler runs (401 not signed in; 403 CSRF token missing on unsafe methods).
/// </summary>
internal sealed class AuthorizationResponses : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }
        var document = context.Document;
        var unsafeMethod = context.Description.HttpMethod is not ("GET" or "HEAD" or "OPTIONS");
        var session = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.Cookie, document)] = [] };
        if (unsafeMethod)
        {
            session[new OpenApiSecuritySchemeReference(SecuritySchemes.Csrf, document)] = [];
        }
        operation.Security = [session, new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.Bearer, document)] = [] }];
        operation.Responses ??= [];
        await AddProblemAsync(operation, context, StatusCodes.Status401Unauthorized, "Not signed in: no session cookie and no valid bearer token", cancellationToken);
        if (unsafeMethod)
        {
            await AddProblemAsync(operation, context, StatusCodes.Status403Forbidden,
                "Forbidden: the CSRF header is missing or invalid (session cookie), or the user may not do this", cancellationToken);
        }
    }

    private static async Task AddProblemAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description,
        CancellationToken cancellationToken)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }
        var schema = await context.GetOrCreateSchemaAsync(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), null, cancellationToken);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
        };
    }
}
