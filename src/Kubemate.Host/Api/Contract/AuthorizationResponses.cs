using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kubemate.Host.Api.Contract;

/// <summary>
/// On every operation that requires a signed-in user: the security it accepts, the session cookie (with the CSRF
/// header on unsafe methods) or a bearer token. <see cref="SecuritySchemes"/> then adds the answers the authentication
/// middleware gives before the handler runs.
/// </summary>
internal sealed class AuthorizationResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }
        var document = context.Document;
        var session = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.Cookie, document)] = [] };
        if (SecuritySchemes.IsUnsafe(context.Description.HttpMethod))
        {
            session[new OpenApiSecuritySchemeReference(SecuritySchemes.Csrf, document)] = [];
        }
        operation.Security = [session, new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.Bearer, document)] = [] }];
        return Task.CompletedTask;
    }
}
