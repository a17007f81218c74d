using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.FieldManagement;
using Kubemate.ApiMachinery.Patching;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Api;

public sealed partial class ResourceApi
{
    private async Task Patch(ApiRequest request)
    {
        var mediaType = RequestBody.MediaType(request.Http);
        var body = await RequestBody.ReadBytes(request.Http, options.MaxRequestBytes);
        var patch = RequestBody.Parse(body, mediaType, options.MaxRequestBytes);
        await RetryOnConflict(!CarriesResourceVersion(patch), () => PatchOnce(request, mediaType, patch));
    }

    private static bool CarriesResourceVersion(JsonNode? patch) =>
        patch is JsonObject obj && obj.GetString("metadata", "resourceVersion") is { Length: > 0 };

    private async Task PatchOnce(ApiRequest request, string mediaType, JsonNode? patch)
    {
        var current = store.Get(request.Key(request.Info.Name));

        if (mediaType == "application/apply-patch+yaml")
        {
            await Apply(request, current, patch as JsonObject ?? throw ApiError.BadRequest("an apply patch must be an object"));
            return;
        }
        if (current is null)
        {
            throw NotFound(request);
        }
        var manager = request.FieldManager ?? FieldManager.DefaultManagerFromUserAgent(request.UserAgent);
        JsonObject next;
        try
        {
            next = mediaType switch
            {
                "application/merge-patch+json" => JsonMergePatch.Apply(current.Clone(), patch) as JsonObject,
                "application/json-patch+json" => JsonPatch.Apply(current.Clone(), patch ?? throw ApiError.BadRequest("empty JSON patch")) as JsonObject,
                "application/strategic-merge-patch+json" when request.Type.Custom is not null =>
                    throw ApiError.UnsupportedMediaType("application/strategic-merge-patch+json is not supported for custom resources; use merge or JSON patch"),
                "application/strategic-merge-patch+json" => StrategicMergePatch.Apply(current.Clone(), patch as JsonObject ?? throw ApiError.BadRequest("a strategic merge patch must be an object"), request.Type.Shape) as JsonObject,
                _ => throw ApiError.UnsupportedMediaType(mediaType),
            } ?? throw ApiError.BadRequest("the patch removed the whole object");
        }
        catch (PatchException ex)
        {
            throw new ApiError(422, "Invalid", ex.Message);
        }
        CheckTypeMeta(request, next);
        if (next.Name() != request.Info.Name)
        {
            throw new ApiError(422, "Invalid", $"metadata.name: Invalid value: \"{next.Name()}\": field is immutable");
        }
        CheckResourceVersion(request, current, next.GetString("metadata", "resourceVersion"));
        var warnings = CustomResourceDecoding.Prepare(request, next);
        var result = ReplaceExisting(request, current, next, manager, "Update");
        AddWarnings(request, warnings);
        await ResponseWriter.WriteJson(request.Http, 200, result);
    }

    /// <summary>Server-side apply: create when missing, else merge by ownership; conflicts name the fields and their managers.</summary>
    private async Task Apply(ApiRequest request, StoredObject? current, JsonObject config)
    {
        var manager = request.FieldManager ?? throw new ApiError(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
        CheckTypeMeta(request, config);
        if (config.GetString("apiVersion") is null || config.GetString("kind") is null)
        {
            throw ApiError.BadRequest("apiVersion and kind must be set in an apply patch");
        }
        if (config.GetString("metadata", "name") is { } name && name != request.Info.Name)
        {
            throw ApiError.BadRequest($"the name of the object ({name}) does not match the name on the URL ({request.Info.Name})");
        }
        // Like any write, an apply that names a resourceVersion is conditional on it.
        if (current is not null)
        {
            CheckResourceVersion(request, current, config.GetString("metadata", "resourceVersion"));
        }
        var warnings = CustomResourceDecoding.Prepare(request, config);
        ApplyResult result;
        try
        {
            result = ServerSideApply.Apply(current?.Clone(), config, manager, request.Force, request.Type.Shape, Now, NullIfEmpty(request.Info.Subresource));
        }
        catch (FieldManagementException ex)
        {
            throw ApiError.BadRequest(ex.Message);
        }
        if (!result.Succeeded || result.Object is null)
        {
            throw new ApiError(409, "Conflict", result.ConflictMessage ?? "Apply failed", new StatusDetails(request.Info.Name, request.Type.Group, request.Type.Plural, null,
                result.Conflicts.Select(c => new StatusCause("FieldManagerConflict", c.Message, c.Field)).ToList()));
        }
        var merged = result.Object;
        JsonObject stored;
        if (current is null)
        {
            if (request.Info.Subresource.Length > 0)
            {
                throw NotFound(request);
            }
            CheckNamespace(request, merged);
            merged.Metadata()["name"] = request.Info.Name;
            ObjectLifecycle.PrepareCreate(merged, request.Type, request.Namespace, Now);
            stored = Commit(request, Admission.AdmissionOperation.Create, merged, null);
            AddWarnings(request, warnings);
            await ResponseWriter.WriteJson(request.Http, 201, stored);
            return;
        }
        stored = ReplaceExisting(request, current, merged, manager, "Apply", recordOwnership: false);
        AddWarnings(request, warnings);
        await ResponseWriter.WriteJson(request.Http, 200, stored);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
