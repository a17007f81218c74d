using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>Controller owner references: how a controller marks what it made and finds it again.</summary>
public static class Owners
{
    /// <summary>The owner reference a controller puts on what it creates (controller and blockOwnerDeletion true).</summary>
    public static JsonObject ControllerReference(JsonObject owner) => new()
    {
        ["apiVersion"] = owner.GetString("apiVersion"),
        ["kind"] = owner.GetString("kind"),
        ["name"] = owner.Name(),
        ["uid"] = Uid(owner),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    public static string Uid(JsonObject obj) => obj.GetString("metadata", "uid") ?? "";

    /// <summary>The controlling owner's reference, or null.</summary>
    public static JsonObject? ControllerOf(JsonObject obj) =>
        (obj.At("metadata", "ownerReferences") as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(r => r.GetBool("controller") == true);

    /// <summary>The key of the controlling owner when it is of <paramref name="kind"/>, stored as <paramref name="resource"/>.</summary>
    public static ObjectKey? ControllerKey(StoredObject dependent, string kind, string resource) =>
        ControllerOf(dependent.Object) is { } reference && reference.GetString("kind") == kind && reference.GetString("name") is { } name
            ? new ObjectKey(resource, dependent.Key.Namespace, name)
            : null;

    /// <summary>The objects of <paramref name="resource"/> in the owner's namespace that the owner controls.</summary>
    public static List<StoredObject> Owned(ObjectStore store, string resource, JsonObject owner)
    {
        var uid = Uid(owner);
        return store.List(resource, owner.Namespace() ?? "").Items
            .Where(item => ControllerOf(item.Object)?.GetString("uid") == uid)
            .ToList();
    }

    /// <summary>True while an object is being deleted (it has a deletionTimestamp).</summary>
    public static bool IsDeleting(JsonObject obj) => obj.At("metadata", "deletionTimestamp") is not null;
}
