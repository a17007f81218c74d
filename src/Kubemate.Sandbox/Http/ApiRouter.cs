using System.Text.Json;
using Kubemate.ApiMachinery.Rbac;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Sandbox.Api;
using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Discovery;
using Kubemate.Sandbox.Resources;
using Kubemate.Sandbox.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kubemate.Sandbox.Http;

/// <summary>
/// The request pipeline of the sandbox API server: authenticate, impersonate, route (discovery, OpenAPI,
/// reviews, resources), authorize with RBAC, and answer every failure with a Kubernetes Status.
/// </summary>
public sealed class ApiRouter(
    TokenAuthenticator authenticator,
    SandboxAuthorizer authorizer,
    ResourceRegistry registry,
    ResourceApi resources,
    ReviewApi reviews,
    OpenApiDocuments openApi,
    ILogger<ApiRouter> logger)
{
    private static readonly HashSet<string> PublicPaths = ["/healthz", "/livez", "/readyz", "/version"];

    public async Task Handle(HttpContext context)
    {
        try
        {
            await Route(context);
        }
        catch (ApiError error) when (!context.Response.HasStarted)
        {
            await ResponseWriter.WriteError(context, error);
        }
        catch (ObjectTooDeepException error) when (!context.Response.HasStarted)
        {
            await ResponseWriter.WriteError(context, ObjectTooDeep(error));
        }
        catch (StoreException error) when (!context.Response.HasStarted)
        {
            await ResponseWriter.WriteError(context, new ApiError(409, "Conflict", error.Message));
        }
        catch (Exception error) when (error is JsonException or YamlFormatException or FormatException && !context.Response.HasStarted)
        {
            await ResponseWriter.WriteError(context, ApiError.BadRequest(error.Message));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            logger.LogError(error, "unexpected failure serving {Method} {Path}", context.Request.Method, context.Request.Path);
            await ResponseWriter.WriteError(context, new ApiError(500, "InternalError", $"Internal error occurred: {error.Message}"));
        }
    }

    /// <summary>422 Invalid naming the field, as the apiserver reports an object its validation refuses.</summary>
    private static ApiError ObjectTooDeep(ObjectTooDeepException error)
    {
        var (group, resource) = error.Key.Resource.Split('/') is [var g, var r] ? (g, r) : ("", error.Key.Resource);
        var message = $"nested deeper than the limit of {error.Limit} levels";
        return new ApiError(422, "Invalid", $"{resource} \"{error.Key.Name}\" is invalid: {error.Path}: Invalid value: {message}",
            new StatusDetails(error.Key.Name, group, resource, null, [new StatusCause("FieldValueInvalid", $"Invalid value: {message}", error.Path)]));
    }

    private async Task Route(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (PublicPaths.Contains(path))
        {
            await ServePublic(context, path);
            return;
        }
        var caller = authenticator.Authenticate(context.Request.Headers.Authorization.FirstOrDefault()) ?? throw ApiError.Unauthorized();
        var user = Impersonation.Apply(context, caller, authorizer);
        var info = RequestInfo.Parse(context.Request.Method, path, context.Request.Query["watch"].FirstOrDefault() is "true" or "1");

        if (!info.IsResourceRequest)
        {
            await ServeNonResource(context, info);
            return;
        }

        var type = registry.Find(info.Group, info.Version, info.Resource)
            ?? throw new ApiError(404, "NotFound", "the server could not find the requested resource");
        Authorize(user, info, type);
        var request = new ApiRequest(context, info, type, user);
        if (type.IsVirtual)
        {
            await reviews.Handle(request);
            return;
        }
        await resources.Handle(request);
    }

    private void Authorize(SandboxIdentity user, RequestInfo info, ResourceType type)
    {
        var decision = authorizer.Authorize(user, info);
        if (decision.Allowed)
        {
            return;
        }
        var message = RbacAuthorizer.Forbidden(SandboxAuthorizer.ToUser(user), SandboxAuthorizer.ToAttributes(info));
        throw ApiError.Forbidden(type.Group, info.Resource, info.Name, message);
    }

    private static async Task ServePublic(HttpContext context, string path)
    {
        if (path == "/version")
        {
            await ResponseWriter.WriteJson(context, 200, DiscoveryDocuments.Version());
            return;
        }
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync("ok", context.RequestAborted);
    }

    private async Task ServeNonResource(HttpContext context, RequestInfo info)
    {
        if (context.Request.Method is not ("GET" or "HEAD"))
        {
            throw ApiError.MethodNotAllowed($"{context.Request.Method} is not allowed on {info.Path}");
        }
        var segments = info.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["openapi", "v2"])
        {
            // kubectl validates client-side against OpenAPI v2 when server-side field validation does not apply
            // (e.g. a `kind: List` file). It reads the protobuf form; an empty document is a valid one with no
            // schemas, so objects are left to the server's own validation.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
            return;
        }
        if (segments is ["api"] or ["apis"] && AggregatedDiscovery.IsRequested(context.Request.Headers.Accept.ToString()))
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = AggregatedDiscovery.MediaType;
            await context.Response.WriteAsync(AggregatedDiscovery.Document(registry, core: segments.Length == 1 && segments[0] == "api").ToJsonString(), context.RequestAborted);
            return;
        }
        var document = segments switch
        {
            ["api"] => DiscoveryDocuments.CoreVersions($"{context.Request.Host}"),
            ["api", var version] => DiscoveryDocuments.ResourceList(registry, "", version),
            ["apis"] => DiscoveryDocuments.GroupList(registry),
            ["apis", var group] => DiscoveryDocuments.GroupDocument(registry, group),
            ["apis", var group, var version] => DiscoveryDocuments.ResourceList(registry, group, version),
            ["openapi", "v3"] => openApi.V3Root(),
            ["openapi", "v3", "api", var version] => openApi.V3(registry, "", version),
            ["openapi", "v3", "apis", var group, var version] => openApi.V3(registry, group, version),
            _ => null,
        };
        if (document is null)
        {
            throw new ApiError(404, "NotFound", "the server could not find the requested resource");
        }
        await ResponseWriter.WriteJson(context, 200, document);
    }
}
