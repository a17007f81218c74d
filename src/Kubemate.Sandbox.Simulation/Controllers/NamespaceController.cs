using System.Text.Json.Nodes;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>The service-account controller: every active namespace has a <c>default</c> ServiceAccount.</summary>
public sealed class NamespaceController : ReconcileLoop
{
    public const string NamespaceResource = "/namespaces";
    public const string ServiceAccountResource = "/serviceaccounts";

    protected override IReadOnlyList<string> WatchedResources => [NamespaceResource, ServiceAccountResource];

    protected override IEnumerable<ObjectKey> KeysFor(StoreEvent storeEvent) =>
        storeEvent.Object.Key.Resource == NamespaceResource ? [storeEvent.Object.Key]
        : storeEvent.Type == StoreEventType.Deleted && storeEvent.Object.Key.Name == "default" ? [new ObjectKey(NamespaceResource, "", storeEvent.Object.Key.Namespace)]
        : [];

    protected override void Reconcile(ObjectKey key)
    {
        var ns = Store.Get(key)?.Object;
        if (ns is null || Owners.IsDeleting(ns) || Store.Get(new ObjectKey(ServiceAccountResource, key.Name, "default")) is not null)
        {
            return;
        }
        try
        {
            Context.Writer.Create(new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ServiceAccount",
                ["metadata"] = new JsonObject { ["name"] = "default", ["namespace"] = key.Name },
            }, "kube-controller-manager");
        }
        catch (AlreadyExistsException)
        {
            // Created meanwhile by someone else: that is all we wanted.
        }
    }
}
