using Kubemate.Model.Drivers;
using Kubemate.Model.Edge;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Telemetry.Inventory;

/// <summary>
/// A workload as the cluster knows it: its pods, how many carry the proxy, whether it is the edge gateway, and the
/// Services (of its namespace) whose selector picks its pods — how a gateway's per-Service metrics find the workload.
/// </summary>
public sealed record WorkloadInfo(WorkloadRef Workload, int MeshedPods, int TotalPods, bool IsGateway, IReadOnlyList<string>? Services = null)
{
    public bool Meshed => MeshedPods > 0;

    public IReadOnlyList<string> SelectedBy => Services ?? [];
}

/// <summary>The workload list from the cluster, so idle and unmeshed workloads appear too.</summary>
public interface IWorkloadInventory
{
    /// <summary>Workloads in the namespaces (all when null or empty); the mesh tells which container is its proxy, the gateway which pods are its.</summary>
    Task<IReadOnlyList<WorkloadInfo>> ListAsync(IReadOnlyCollection<string>? namespaces, MeshConventions mesh, GatewayConventions gateway, CancellationToken cancellationToken);
}
