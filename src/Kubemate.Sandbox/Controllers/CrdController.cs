using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Resources;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Controllers;

/// <summary>
/// Keeps the served resources in step with the stored CRDs: a CRD's resources are served as soon as its write
/// is acknowledged and stop being served when it is deleted; the garbage collector then removes their objects.
/// </summary>
public sealed class CrdController : IDisposable
{
    public const string CrdResource = "apiextensions.k8s.io/customresourcedefinitions";
    private readonly ObjectStore _store;
    private readonly ResourceRegistry _registry;

    public CrdController(ObjectStore store, ResourceRegistry registry)
    {
        _store = store;
        _registry = registry;
        foreach (var crd in store.List(CrdResource).Items)
        {
            _registry.SetCustomResources(crd.Key.Name, CrdResourceTypes.From(crd.Object));
        }
        store.Committed += OnCommitted;
    }

    private void OnCommitted(StoreEvent storeEvent)
    {
        if (storeEvent.Object.Key.Resource != CrdResource)
        {
            return;
        }
        var crd = storeEvent.Object.Object;
        if (storeEvent.Type == StoreEventType.Deleted)
        {
            _registry.RemoveCustomResources(crd.Name());
        }
        else
        {
            _registry.SetCustomResources(crd.Name(), CrdResourceTypes.From(crd));
        }
    }

    /// <summary>Objects of resources no CRD serves any more (left behind by a CRD deletion), for the collector to remove.</summary>
    public static IEnumerable<ObjectKey> Orphans(ObjectStore store, JsonObject deletedCrd)
    {
        var resource = $"{deletedCrd.GetString("spec", "group")}/{deletedCrd.GetString("spec", "names", "plural")}";
        return store.List(resource).Items.Select(i => i.Key);
    }

    public void Dispose() => _store.Committed -= OnCommitted;
}
