using System.Text.Json.Nodes;
using Kubemate.Sandbox.Admission;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Api;

public sealed partial class ResourceApi
{
    public const string ForegroundFinalizer = "foregroundDeletion";
    public const string OrphanFinalizer = "orphan";

    private async Task Delete(ApiRequest request)
    {
        var deleteOptions = await ReadDeleteOptions(request);
        var key = request.Key(request.Info.Name);
        var hasPreconditions = deleteOptions.At("preconditions") is JsonObject { Count: > 0 };
        await RetryOnConflict(!hasPreconditions, async () =>
        {
            var current = store.Get(key) ?? throw NotFound(request);
            CheckPreconditions(request, deleteOptions, current);
            await ResponseWriter.WriteJson(request.Http, 200, DeleteOne(request, current, deleteOptions));
        });
    }

    private async Task DeleteCollection(ApiRequest request)
    {
        var deleteOptions = await ReadDeleteOptions(request);
        var filter = ListFilter.FromQuery(request);
        var ns = request.Type.Namespaced && request.Info.Namespace.Length > 0 ? request.Info.Namespace : null;
        var items = store.List(request.Type.StorageKey, ns).Items.Where(s => filter.Matches(s.Object)).ToList();
        var deleted = new JsonArray();
        foreach (var item in items)
        {
            try
            {
                deleted.Add(DeleteOne(request with { Info = request.Info with { Name = item.Key.Name } }, item, deleteOptions));
            }
            catch (ApiError error) when (error.Code == 404)
            {
                // Deleted meanwhile: the collection delete still succeeds.
            }
        }
        await ResponseWriter.WriteJson(request.Http, 200, new JsonObject
        {
            ["kind"] = request.Type.ListKind,
            ["apiVersion"] = request.Type.GroupVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = store.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        });
    }

    /// <summary>
    /// Deletes now, or — when finalizers (including the ones a propagation policy adds) remain — marks the object
    /// with a deletionTimestamp and lets the garbage collector and finalizer owners finish the job.
    /// </summary>
    private JsonObject DeleteOne(ApiRequest request, StoredObject current, JsonObject? deleteOptions)
    {
        var policy = deleteOptions.GetString("propagationPolicy") ?? request.Query["propagationPolicy"].FirstOrDefault();
        if (deleteOptions.GetBool("orphanDependents") == true)
        {
            policy = "Orphan";
        }
        if (policy is not (null or "Background" or "Foreground" or "Orphan"))
        {
            throw new ApiError(422, "Invalid", $"DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"");
        }
        var next = current.Clone();
        var finalizers = next.At("metadata", "finalizers") as JsonArray ?? [];
        var names = finalizers.Select(f => f?.GetValue<string>()).ToList();
        if (policy == "Foreground" && !names.Contains(ForegroundFinalizer))
        {
            finalizers.Add(ForegroundFinalizer);
        }
        if (policy == "Orphan" && !names.Contains(OrphanFinalizer))
        {
            finalizers.Add(OrphanFinalizer);
        }
        if (request.Type.Kind == "Namespace")
        {
            // Namespaces always go through the namespace controller, which empties them first.
            next.Obj("status")["phase"] = "Terminating";
            if (!names.Contains("kubernetes.io/namespace-content"))
            {
                finalizers.Add("kubernetes.io/namespace-content");
            }
        }
        admission.Admit(new AdmissionRequest(request.Type, AdmissionOperation.Delete, "", request.Namespace, next, current.Object, request.User, request.DryRun, store, registry));
        if (request.DryRun)
        {
            return next;
        }
        try
        {
            if (finalizers.Count == 0)
            {
                return store.Delete(current.Key, current.ResourceVersion).Object.Clone();
            }
            var metadata = next.Metadata();
            metadata["finalizers"] = finalizers.DeepClone();
            if (metadata["deletionTimestamp"] is null)
            {
                metadata["deletionTimestamp"] = ObjectLifecycle.Timestamp(Now);
                metadata["deletionGracePeriodSeconds"] = 0;
            }
            return store.Update(current.Key, next, current.ResourceVersion).Clone();
        }
        catch (ConflictException)
        {
            throw Modified(request, current.Key.Name);
        }
        catch (NotFoundException)
        {
            throw NotFound(request);
        }
    }

    private async Task<JsonObject?> ReadDeleteOptions(ApiRequest request)
    {
        if (request.Http.Request.ContentLength is null or 0 && !request.Http.Request.Headers.TransferEncoding.Any())
        {
            return null;
        }
        var body = await RequestBody.ReadBytes(request.Http, options.MaxRequestBytes);
        return body.Length == 0 ? null : RequestBody.ParseObject(body, RequestBody.MediaType(request.Http), options.MaxRequestBytes);
    }

    private static void CheckPreconditions(ApiRequest request, JsonObject? deleteOptions, StoredObject current)
    {
        if (deleteOptions.GetString("preconditions", "uid") is { } uid && uid != current.Object.GetString("metadata", "uid"))
        {
            throw ApiError.Conflict(request.Type.Group, request.Type.Plural, current.Key.Name,
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Object.GetString("metadata", "uid")}");
        }
        if (deleteOptions.GetString("preconditions", "resourceVersion") is { } rv && rv != current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw ApiError.Conflict(request.Type.Group, request.Type.Plural, current.Key.Name,
                $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {current.ResourceVersion}");
        }
    }
}
