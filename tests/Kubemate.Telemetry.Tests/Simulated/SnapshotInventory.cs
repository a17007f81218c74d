using Kubemate.Model.Drivers;
using Kubemate.Model.Edge;
using Kubemate.Telemetry.Inventory;

namespace Kubemate.Telemetry.Tests.Simulated;

/// <summary>
/// The cluster's workload list read once and then answered from memory, so two services compared side by side see
/// the same workloads even while pods come and go (a canary being deleted, a crash restarting).
/// </summary>
public sealed class SnapshotInventory(IWorkloadInventory cluster) : IWorkloadInventory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyList<WorkloadInfo>? all;

    public async Task<IReadOnlyList<WorkloadInfo>> ListAsync(IReadOnlyCollection<string>? namespaces, MeshConventions mesh, GatewayConventions gateway, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            all ??= await cluster.ListAsync(null, mesh, gateway, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
        return namespaces is { Count: > 0 } ? all.Where(w => namespaces.Contains(w.Workload.Namespace)).ToList() : all;
    }
}
