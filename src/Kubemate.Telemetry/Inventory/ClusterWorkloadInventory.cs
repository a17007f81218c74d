using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;
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
        var scope = namespaces is { Count: 1 } ? $"api/v1/namespaces/{namespaces.First()}/" : "api/v1/";
        var pods = api.SendAsync(HttpMethod.Get, scope + "pods", null, null, cancellationToken);
        var services = api.SendAsync(HttpMethod.Get, scope + "services", null, null, cancellationToken);
        await Task.WhenAll(pods, services).ConfigureAwait(false);
        var workloads = PodWorkloads.FromPods((await pods.ConfigureAwait(false))["items"] as JsonArray ?? [], mesh,
            (await services.ConfigureAwait(false))["items"] as JsonArray ?? [], gateway);
        return namespaces is { Count: > 0 } ? workloads.Where(w => namespaces.Contains(w.Workload.Namespace)).ToList() : workloads;
    }
}
