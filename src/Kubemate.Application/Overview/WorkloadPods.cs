using System.Net;
using Kubemate.Application.Identity;
using Kubemate.Application.Telemetry;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Application.Overview;

/// <summary>A workload's pods and their mesh proxies, read as the user, for the workload's dashboard.</summary>
public sealed class WorkloadPods(UserClusters clusters, TelemetryReads telemetry)
{
    /// <summary>Empty when the user may list pods but not read the workload: its pods are then known from metrics only.</summary>
    public async Task<IReadOnlyList<PodProxyStatus>> ReadAsync(UserIdentity user, WorkloadRef workload, CancellationToken cancellationToken)
    {
        try
        {
            return await PodProxyStatus.ReadAsync(clusters.For(user), telemetry.Mesh.Proxy, workload.Namespace, workload.Kind, workload.Name, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ClusterApiException denied) when (denied.StatusCode == HttpStatusCode.Forbidden)
        {
            return [];
        }
    }
}
