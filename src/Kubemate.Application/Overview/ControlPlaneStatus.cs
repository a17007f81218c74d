using System.Net;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Model.Drivers;
using Kubemate.Model.Edge;

namespace Kubemate.Application.Overview;

/// <summary>
/// A control-plane namespace (the mesh's or the gateway's) as the user sees it: what it is (<see cref="DisplayName"/>),
/// the workloads that make it up by convention, which of them have no pod, and how many pods are ready; not visible
/// when RBAC forbids listing its pods.
/// </summary>
public sealed record ControlPlaneStatus(string Namespace, string DisplayName, IReadOnlyList<string> Workloads, bool Visible, int Ready, int Total,
    IReadOnlyList<string> NotReady, IReadOnlyList<string> Missing)
{
    public bool Healthy => Visible && Total > 0 && Ready == Total && Missing.Count == 0;

    /// <summary>The namespaces to show: the active mesh's control plane, then the edge gateway's.</summary>
    public static IReadOnlyList<(string Namespace, string DisplayName, IReadOnlyList<string> Workloads, ProxyConvention Proxy)> Planes(MeshConventions mesh, GatewayConventions gateway) =>
        [.. mesh.ControlPlane.Select(c => (c.Namespace, mesh.DisplayName, c.Workloads, mesh.Proxy)), (gateway.Namespace, gateway.DisplayName, [gateway.Workload], mesh.Proxy)];

    /// <summary>Lists the namespace's pods as the user.</summary>
    public static async Task<ControlPlaneStatus> ReadAsync(ClusterApi api, (string Namespace, string DisplayName, IReadOnlyList<string> Workloads, ProxyConvention Proxy) plane,
        CancellationToken cancellationToken)
    {
        var (ns, name, workloads, proxy) = plane;
        try
        {
            var list = await api.ListObjectsAsync(BuiltInTypes.Pod, ns, cancellationToken).ConfigureAwait(false);
            var pods = list.Select(p => PodProxyStatus.From(p, proxy)).ToList();
            // A Deployment's pods are named <deployment>-<hash>-<suffix>.
            var missing = workloads.Where(w => !pods.Any(p => p.Pod.StartsWith(w + "-", StringComparison.Ordinal))).ToList();
            return new ControlPlaneStatus(ns, name, workloads, true, pods.Count(p => p.Ready), pods.Count,
                pods.Where(p => !p.Ready).Select(p => p.Pod).Order(StringComparer.Ordinal).ToList(), missing);
        }
        catch (ClusterApiException error) when (error.StatusCode is HttpStatusCode.Forbidden)
        {
            return new ControlPlaneStatus(ns, name, workloads, false, 0, 0, [], []);
        }
    }
}
