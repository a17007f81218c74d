using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.FieldManagement;
using Kubemate.Sandbox.Admission;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Api;

public sealed partial class ResourceApi
{
    private async Task Create(ApiRequest request)
    {
        if (request.Info.Name.Length > 0 && request.Info.Subresource.Length == 0)
        {
            throw ApiError.MethodNotAllowed("POST is not allowed on a named resource; use PUT or PATCH");
        }
        var body = await RequestBody.ReadBytes(request.Http, options.MaxRequestBytes);
        var obj = RequestBody.ParseObject(body, RequestBody.MediaType(request.Http), options.MaxRequestBytes);
        CheckTypeMeta(request, obj);
        CheckNamespace(request, obj);
        var warnings = CustomResourceDecoding.Prepare(request, obj);
        ObjectLifecycle.PrepareCreate(obj, request.Type, request.Namespace, Now);
        var manager = request.FieldManager ?? FieldManager.DefaultManagerFromUserAgent(request.UserAgent);
        obj = RecordOwnership(request, null, obj, manager, "Update");
        var stored = Commit(request, AdmissionOperation.Create, obj, null);
        AddWarnings(request, warnings);
        await ResponseWriter.WriteJson(request.Http, 201, stored);
    }

    private async Task Update(ApiRequest request)
    {
        var body = await RequestBody.ReadBytes(request.Http, options.MaxRequestBytes);
        var obj = RequestBody.ParseObject(body, RequestBody.MediaType(request.Http), options.MaxRequestBytes);
        CheckTypeMeta(request, obj);
        CheckNamespace(request, obj);
        if (obj.GetString("metadata", "name") is { } bodyName && bodyName != request.Info.Name)
        {
            throw ApiError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({request.Info.Name})");
        }
        var warnings = CustomResourceDecoding.Prepare(request, obj);
        var manager = request.FieldManager ?? FieldManager.DefaultManagerFromUserAgent(request.UserAgent);
        var expected = obj.GetString("metadata", "resourceVersion");
        await RetryOnConflict(string.IsNullOrEmpty(expected), async () =>
        {
            var current = store.Get(request.Key(request.Info.Name)) ?? throw NotFound(request);
            CheckResourceVersion(request, current, expected);
            var result = ReplaceExisting(request, current, obj.CloneObject(), manager, "Update");
            AddWarnings(request, warnings);
            await ResponseWriter.WriteJson(request.Http, 200, result);
        });
    }

    /// <summary>
    /// The common tail of update, patch and apply: identity fields kept, generation bumped, ownership recorded,
    /// admission run, no-op writes skipped (same resourceVersion), and finalizer-released objects removed.
    /// </summary>
    private JsonObject ReplaceExisting(ApiRequest request, StoredObject current, JsonObject next, string manager, string operation, bool recordOwnership = true)
    {
        ObjectLifecycle.PrepareUpdate(next, current.Object, request.Type, request.Info.Subresource);
        if (recordOwnership)
        {
            next = RecordOwnership(request, current.Object, next, manager, operation);
        }
        if (SameExceptVolatile(next, current.Object))
        {
            return current.Clone();
        }
        return Commit(request, AdmissionOperation.Update, next, current);
    }

    private JsonObject Commit(ApiRequest request, AdmissionOperation operation, JsonObject obj, StoredObject? current)
    {
        admission.Admit(new AdmissionRequest(request.Type, operation, request.Info.Subresource, request.Namespace, obj, current?.Object, request.User, request.DryRun, store, registry));
        var key = request.Key(obj.Name());
        if (request.DryRun)
        {
            if (operation == AdmissionOperation.Create && store.Get(key) is not null)
            {
                throw ApiError.AlreadyExists(request.Type.Group, request.Type.Plural, key.Name);
            }
            return obj;
        }
        var releasedByFinalizers = obj.At("metadata", "deletionTimestamp") is not null && (obj.At("metadata", "finalizers") as JsonArray ?? []).Count == 0;
        try
        {
            if (operation == AdmissionOperation.Create)
            {
                return store.Create(key, obj).Clone();
            }
            if (releasedByFinalizers)
            {
                return store.Delete(key, current!.ResourceVersion).Object.Clone();
            }
            return store.Update(key, obj, current!.ResourceVersion).Clone();
        }
        catch (AlreadyExistsException)
        {
            throw ApiError.AlreadyExists(request.Type.Group, request.Type.Plural, key.Name);
        }
        catch (ConflictException)
        {
            throw Modified(request, key.Name);
        }
        catch (NotFoundException)
        {
            throw ApiError.NotFound(request.Type.Group, request.Type.Plural, key.Name);
        }
    }

    /// <summary>A write that names a resourceVersion is conditional on it (optimistic concurrency).</summary>
    private static void CheckResourceVersion(ApiRequest request, StoredObject current, string? expected)
    {
        if (!string.IsNullOrEmpty(expected) && expected != current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw Modified(request, request.Info.Name);
        }
    }

    private static ApiError Modified(ApiRequest request, string name) =>
        ApiError.Conflict(request.Type.Group, request.Type.Plural, name, "the object has been modified; please apply your changes to the latest version and try again");

    /// <summary>
    /// Records field ownership. An object that does not fit its type's shape (a container without its key
    /// <c>name</c>) is stored without managedFields, as the apiserver's update path does, so that validation can
    /// refuse it with a 422 naming the field instead of the write failing on bookkeeping.
    /// </summary>
    private JsonObject RecordOwnership(ApiRequest request, JsonObject? current, JsonObject next, string manager, string operation)
    {
        FieldManager.ValidateManager(manager, required: false);
        try
        {
            return FieldManager.RecordUpdate(current, next, manager, operation, request.Type.GroupVersion, request.Type.Shape, Now, request.Info.Subresource);
        }
        catch (FieldManagementException)
        {
            return ManagedFields.Without(next);
        }
    }

    private static bool SameExceptVolatile(JsonObject next, JsonObject current)
    {
        var a = next.CloneObject();
        var b = current.CloneObject();
        foreach (var obj in new[] { a, b })
        {
            var metadata = obj.Metadata();
            metadata.Remove("resourceVersion");
            metadata.Remove("managedFields");
        }
        return JsonNode.DeepEquals(a, b) && JsonNode.DeepEquals(StripTimes(next.At("metadata", "managedFields")), StripTimes(current.At("metadata", "managedFields")));
    }

    private static JsonNode? StripTimes(JsonNode? managedFields)
    {
        if (managedFields is not JsonArray array)
        {
            return null;
        }
        var copy = (JsonArray)array.DeepClone();
        foreach (var entry in copy.OfType<JsonObject>())
        {
            entry.Remove("time");
        }
        return copy;
    }

    private static void CheckTypeMeta(ApiRequest request, JsonObject obj)
    {
        foreach (var member in new[] { "apiVersion", "kind" })
        {
            // The apiserver's decoder refuses these before anything else: "cannot unmarshal … apiVersion of type string".
            if (obj[member] is not null && obj.GetString(member) is null)
            {
                throw ApiError.BadRequest($"{member} must be a string, not {obj[member]!.GetValueKind().ToString().ToLowerInvariant()}");
            }
        }
        var apiVersion = obj.GetString("apiVersion");
        var kind = obj.GetString("kind");
        if (apiVersion is not null && apiVersion != request.Type.GroupVersion)
        {
            throw ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({request.Type.GroupVersion})");
        }
        if (kind is not null && kind != request.Type.Kind)
        {
            throw ApiError.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({request.Type.Kind})");
        }
        if (obj["metadata"] is not null and not JsonObject)
        {
            throw ApiError.BadRequest("metadata must be an object");
        }
    }

    private void CheckNamespace(ApiRequest request, JsonObject obj)
    {
        if (!request.Type.Namespaced)
        {
            return;
        }
        if (obj.GetString("metadata", "namespace") is { Length: > 0 } bodyNamespace && bodyNamespace != request.Namespace)
        {
            throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        var ns = store.Get(new ObjectKey("/namespaces", "", request.Namespace));
        if (ns is null)
        {
            throw ApiError.NotFound("", "namespaces", request.Namespace);
        }
        if (request.Info.Verb == "create" && ns.Object.At("metadata", "deletionTimestamp") is not null)
        {
            throw ApiError.Forbidden(request.Type.Group, request.Type.Plural, obj.Name(),
                $"{request.Type.Plural} \"{obj.Name()}\" is forbidden: unable to create new content in namespace {request.Namespace} because it is being terminated");
        }
    }

    private static void AddWarnings(ApiRequest request, IReadOnlyList<string> warnings)
    {
        foreach (var warning in warnings)
        {
            var headers = request.Http.Response.Headers;
            headers.Warning = Microsoft.Extensions.Primitives.StringValues.Concat(headers.Warning, $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }
    }
}
