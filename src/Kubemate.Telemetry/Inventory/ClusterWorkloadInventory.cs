using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;

namespace Kubemate.Telemetry.Inventory;

/// <summary>Lists pods through the Kubernetes API (one request for all namespaces) and groups them into workloads.</summary>
public sealed class ClusterWorkloadInventory(ClusterApi api) : IWorkloadInventory
{
    public async Task<IReadOnlyList<WorkloadInfo>> ListAsync(IReadOnlyCollection<string>? namespaces, CancellationToken cancellationToken)
    {
        var path = namespaces is { Count: 1 } ? $"api/v1/namespaces/{namespaces.First()}/pods" : "api/v1/pods";
        var list = await api.SendAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        var workloads = PodWorkloads.FromPods(list["items"] as JsonArray ?? []);
        return namespaces is { Count: > 0 } ? workloads.Where(w => namespaces.Contains(w.Workload.Namespace)).ToList() : workloads;
    }
}
