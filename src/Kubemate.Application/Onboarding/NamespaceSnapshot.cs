using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Model.Kube;

namespace Kubemate.Application.Onboarding;

/// <summary>One namespace as read once: the Namespace object, its Deployments, StatefulSets and DaemonSets, and its pods.</summary>
internal sealed record NamespaceSnapshot(JsonObject Namespace, IReadOnlyList<(WorkloadKey Key, JsonObject Object)> Workloads, IReadOnlyList<JsonObject> Pods)
{
    public string Name => KubeJson.Name(Namespace);

    public static async Task<NamespaceSnapshot> LoadAsync(ClusterApi api, string ns, CancellationToken cancellationToken)
    {
        var namespaceObject = await api.GetObjectAsync(BuiltInTypes.Namespace, null, ns, cancellationToken).ConfigureAwait(false);
        var workloads = await ListWorkloadsAsync(api, ns, cancellationToken).ConfigureAwait(false);
        var pods = await api.ListObjectsAsync(BuiltInTypes.Pod, ns, cancellationToken).ConfigureAwait(false);
        return new NamespaceSnapshot(namespaceObject, workloads, pods);
    }

    /// <summary>Every namespace, from cluster-wide lists (one request per kind rather than per namespace).</summary>
    public static async Task<IReadOnlyList<NamespaceSnapshot>> LoadAllAsync(ClusterApi api, CancellationToken cancellationToken)
    {
        var namespaces = await api.ListObjectsAsync(BuiltInTypes.Namespace, null, cancellationToken).ConfigureAwait(false);
        var workloads = await ListWorkloadsAsync(api, null, cancellationToken).ConfigureAwait(false);
        var pods = await api.ListObjectsAsync(BuiltInTypes.Pod, null, cancellationToken).ConfigureAwait(false);
        var workloadsByNamespace = workloads.ToLookup(w => KubeJson.Namespace(w.Object));
        var podsByNamespace = pods.ToLookup(KubeJson.Namespace);
        return namespaces.OrderBy(KubeJson.Name, StringComparer.Ordinal)
            .Select(n => new NamespaceSnapshot(n, workloadsByNamespace[KubeJson.Name(n)].ToList(), podsByNamespace[KubeJson.Name(n)].ToList()))
            .ToList();
    }

    /// <summary>Pods not being deleted.</summary>
    public IEnumerable<JsonObject> LivePods => Pods.Where(p => !PodOwnership.IsTerminating(p));

    /// <summary>Pods no controller owns: nothing can roll them.</summary>
    public IEnumerable<JsonObject> BarePods => Pods.Where(p => !PodOwnership.HasController(p));

    /// <summary>The Deployments, StatefulSets and DaemonSets of one namespace, or of all when <paramref name="ns"/> is null.</summary>
    private static async Task<List<(WorkloadKey Key, JsonObject Object)>> ListWorkloadsAsync(ClusterApi api, string? ns, CancellationToken cancellationToken)
    {
        var workloads = new List<(WorkloadKey, JsonObject)>();
        foreach (var type in BuiltInTypes.Workloads)
        {
            workloads.AddRange((await api.ListObjectsAsync(type, ns, cancellationToken).ConfigureAwait(false))
                .Select(o => (new WorkloadKey(type.Kind, KubeJson.Name(o)), o)));
        }
        return workloads;
    }
}
