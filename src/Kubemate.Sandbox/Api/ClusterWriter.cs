using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.FieldManagement;
using Kubemate.Sandbox.Admission;
using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Resources;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Api;

/// <summary>
/// Writes for the simulated controllers: the same metadata rules, field ownership and admission chain as API
/// requests (so a ReplicaSet's pods are injected like pods posted by a client), without the HTTP round trip.
/// </summary>
public sealed class ClusterWriter(ObjectStore store, ResourceRegistry registry, AdmissionChain admission, TimeProvider clock)
{
    private static readonly SandboxIdentity Controller = new("system:kube-controller-manager", ["system:masters"]);

    public ResourceType TypeOf(string apiVersion, string kind) =>
        registry.FindByKind(apiVersion, kind) ?? throw new InvalidOperationException($"{apiVersion} {kind} is not served");

    /// <summary>Creates an object as <paramref name="manager"/>; admission may mutate it (e.g. sidecar injection).</summary>
    public StoredObject Create(JsonObject obj, string manager = "kube-controller-manager")
    {
        var type = TypeOf(obj.GetString("apiVersion") ?? "", obj.GetString("kind") ?? "");
        var ns = type.Namespaced ? obj.Namespace() ?? "default" : "";
        ObjectLifecycle.PrepareCreate(obj, type, ns, clock.GetUtcNow());
        obj = FieldManager.RecordUpdate(null, obj, manager, "Update", type.GroupVersion, type.Shape, clock.GetUtcNow(), "");
        admission.Admit(new AdmissionRequest(type, AdmissionOperation.Create, "", ns, obj, null, Controller, false, store, registry));
        return store.Create(new ObjectKey(type.StorageKey, ns, obj.Name()), obj);
    }

    /// <summary>
    /// Reads, changes and writes one object with retries on conflict. The change gets a clone of the current
    /// object and returns false to skip the write. <paramref name="subresource"/> "status" writes only status.
    /// </summary>
    public StoredObject? Update(ObjectKey key, Func<JsonObject, bool> change, string manager = "kube-controller-manager", string subresource = "")
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = store.Get(key);
            if (current is null)
            {
                return null;
            }
            var next = current.Clone();
            if (!change(next))
            {
                return current;
            }
            var type = TypeOf(current.Object.GetString("apiVersion") ?? "", current.Object.GetString("kind") ?? "");
            ObjectLifecycle.PrepareUpdate(next, current.Object, type, subresource);
            next = FieldManager.RecordUpdate(current.Object, next, manager, "Update", type.GroupVersion, type.Shape, clock.GetUtcNow(), subresource);
            if (JsonNode.DeepEquals(WithoutVolatile(next), WithoutVolatile(current.Object)))
            {
                return current;
            }
            admission.Admit(new AdmissionRequest(type, AdmissionOperation.Update, subresource, key.Namespace, next, current.Object, Controller, false, store, registry));
            try
            {
                return store.Update(key, next, current.ResourceVersion);
            }
            catch (ConflictException)
            {
            }
        }
        throw new ApiError(409, "Conflict", $"{key}: gave up after repeated conflicts");
    }

    /// <summary>Deletes an object now (controllers delete pods without grace in the sandbox); false when already gone.</summary>
    public bool Delete(ObjectKey key)
    {
        try
        {
            store.Delete(key);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private static JsonObject WithoutVolatile(JsonObject obj)
    {
        var copy = obj.CloneObject();
        copy.Metadata().Remove("managedFields");
        copy.Metadata().Remove("resourceVersion");
        return copy;
    }
}
