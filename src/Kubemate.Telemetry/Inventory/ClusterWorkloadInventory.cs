using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Model.Drivers;
using Kubemate.Model.Edge;

namespace Kubemate.Telemetry.Inventory;

/// <summary>
/// Lists pods and Services through the Kubernetes API (one request each, for all namespaces or the one chosen) and
/// groups the pods into workloads, each with the Services selecting it.
/// </summary>
public sealed class ClusterWorkloadInventory(ClusterApi api) : IWorkloadInventory
{
    public async Task<IReadOnlyList<WorkloadInfo>> ListAsync(IReadOnlyCollection<string>? namespaces, MeshConventions mesh, GatewayConventions gateway, CancellationToken cancellationToken)
    {
        var scope = namespaces is { Count: 1 } ? namespaces.First() : null;
        var pods = api.ListObjectsAsync(BuiltInTypes.Pod, scope, cancellationToken);
        var services = api.ListObjectsAsync(BuiltInTypes.Service, scope, cancellationToken);
        await Task.WhenAll(pods, services).ConfigureAwait(false);
        var workloads = PodWorkloads.FromPods(await pods.ConfigureAwait(false), mesh, await services.ConfigureAwait(false), gateway);
        return namespaces is { Count: > 0 } ? workloads.Where(w => namespaces.Contains(w.Workload.Namespace)).ToList() : workloads;
    }
}
