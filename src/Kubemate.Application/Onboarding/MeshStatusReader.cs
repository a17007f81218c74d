using Kubemate.Cluster.Http;
using Kubemate.Model.Drivers;
using Kubemate.Model.Kube;

namespace Kubemate.Application.Onboarding;

/// <summary>Meshed pods per namespace and workload, with proxy versions and where injection is switched on.</summary>
public static class MeshStatusReader
{
    /// <summary>
    /// One namespace, or every namespace when <paramref name="namespace"/> is null (that needs cluster-wide list
    /// rights; a user limited to some namespaces asks for each). Reads with the caller's <paramref name="api"/>.
    /// </summary>
    public static async Task<IReadOnlyList<NamespaceMeshStatus>> ReadAsync(ClusterApi api, IMeshDriver driver, string? @namespace, CancellationToken ct)
    {
        var inspector = new MeshInspector(driver);
        var snapshots = @namespace is null
            ? await NamespaceSnapshot.LoadAllAsync(api, ct).ConfigureAwait(false)
            : [await NamespaceSnapshot.LoadAsync(api, @namespace, ct).ConfigureAwait(false)];
        return snapshots.Select(s => Build(s, inspector)).ToList();
    }

    internal static NamespaceMeshStatus Build(NamespaceSnapshot snapshot, MeshInspector inspector)
    {
        var namespaceSetting = inspector.InjectionOf(snapshot.Namespace);
        // Namespace totals count every live pod, including pods no workload owns.
        var live = snapshot.LivePods.ToList();
        var podsByWorkload = live.ToLookup(PodOwnership.WorkloadOf);
        var workloads = new List<WorkloadMeshStatus>();
        foreach (var (key, workload) in snapshot.Workloads)
        {
            var pods = podsByWorkload[key].ToList();
            var meshed = pods.Where(inspector.IsMeshed).ToList();
            var source = inspector.InjectionOf(workload) is not null ? "workload" : namespaceSetting is not null ? "namespace" : "none";
            var obstacle = inspector.Obstacle(workload, enable: true);
            workloads.Add(new WorkloadMeshStatus(key.Kind, key.Name, meshed.Count, pods.Count,
                meshed.Select(inspector.ProxyVersion).FirstOrDefault(v => v is not null), source, obstacle is null, obstacle?.Code));
        }
        return new NamespaceMeshStatus(KubeJson.Name(snapshot.Namespace), namespaceSetting == true, live.Count(inspector.IsMeshed), live.Count, workloads);
    }
}
