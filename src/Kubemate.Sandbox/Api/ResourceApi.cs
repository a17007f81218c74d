using Kubemate.Sandbox.Admission;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Resources;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Api;

/// <summary>Serves the resource verbs (get, list, watch, create, update, patch, delete, deletecollection) and subresources.</summary>
public sealed partial class ResourceApi(ObjectStore store, ResourceRegistry registry, AdmissionChain admission, SandboxOptions options, TimeProvider clock)
{
    public async Task Handle(ApiRequest request)
    {
        var info = request.Info;
        if (request.Type.IsVirtual)
        {
            throw ApiError.MethodNotAllowed($"{request.Type.Plural} is handled by the review endpoint");
        }
        if (info.Subresource.Length > 0 && !request.Type.Subresources.Contains(info.Subresource))
        {
            throw ApiError.NotFound(request.Type.Group, $"{request.Type.Plural}/{info.Subresource}", info.Name);
        }
        switch (info.Subresource)
        {
            case "scale":
                await HandleScale(request);
                return;
            case "log":
                await HandleLog(request);
                return;
            case "proxy":
                await HandleProxy(request);
                return;
            case "status" or "finalize" or "":
                break;
            default:
                throw ApiError.MethodNotAllowed($"the server does not allow this method on the requested resource ({info.Subresource})");
        }
        switch (info.Verb)
        {
            case "get":
                await Get(request);
                break;
            case "list":
                await List(request);
                break;
            case "watch":
                await Watch(request);
                break;
            case "create":
                await Create(request);
                break;
            case "update":
                await Update(request);
                break;
            case "patch":
                await Patch(request);
                break;
            case "delete":
                await Delete(request);
                break;
            case "deletecollection":
                await DeleteCollection(request);
                break;
            default:
                throw ApiError.MethodNotAllowed($"the server does not allow this method on the requested resource");
        }
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private const int ConflictAttempts = 5;

    /// <summary>
    /// The apiserver's GuaranteedUpdate: a write the client made without a resourceVersion precondition is redone
    /// against the fresh object when another writer (usually a controller) got in between. The attempt reads the
    /// current object itself. Apply conflicts between field managers carry causes and are never retried.
    /// </summary>
    private static async Task RetryOnConflict(bool unconditional, Func<Task> attempt)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                await attempt();
                return;
            }
            catch (ApiError error) when (unconditional && tries < ConflictAttempts
                && error.Code == 409 && error.Reason == "Conflict" && error.Details?.Causes is null)
            {
            }
        }
    }
}
