using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Model.Drivers;

namespace Kubemate.Application.Overview;

/// <summary>A pod of a workload and its mesh proxy: present (the mesh's proxy container or native sidecar) and ready.</summary>
public sealed record PodProxyStatus(string Pod, string Phase, bool Ready, bool HasProxy, bool ProxyReady, int Restarts)
{
    /// <summary>
    /// The workload's pods (by its <c>spec.selector.matchLabels</c>) read as the user; empty when the workload is not a
    /// kind with a selector Kubemate knows or no longer exists.
    /// </summary>
    public static async Task<IReadOnlyList<PodProxyStatus>> ReadAsync(ClusterApi api, ProxyConvention proxy, string ns, string kind, string name, CancellationToken cancellationToken)
    {
        if (BuiltInTypes.Workload(kind) is not { } type)
        {
            return [];
        }
        var workload = await api.GetObjectOrNullAsync(type, ns, name, cancellationToken).ConfigureAwait(false);
        if (workload?["spec"]?["selector"]?["matchLabels"] is not JsonObject labels || labels.Count == 0)
        {
            return [];
        }
        var selector = string.Join(',', labels.Select(l => $"{l.Key}={(string?)l.Value}"));
        var pods = await api.ListObjectsAsync(BuiltInTypes.Pod, ns, cancellationToken, labelSelector: selector).ConfigureAwait(false);
        return pods.Select(p => From(p, proxy))
            .OrderBy(p => p.Pod, StringComparer.Ordinal).ToList();
    }

    public static PodProxyStatus From(JsonObject pod, ProxyConvention proxy)
    {
        var proxyContainer = proxy.ContainerName;
        var spec = pod["spec"] as JsonObject;
        var status = pod["status"] as JsonObject;
        var hasProxy = Containers(spec, "containers").Concat(Containers(spec, "initContainers")).Any(c => (string?)c["name"] == proxyContainer);
        var statuses = Containers(status, "containerStatuses").Concat(Containers(status, "initContainerStatuses")).ToList();
        var proxyReady = statuses.Any(s => (string?)s["name"] == proxyContainer && s["ready"]?.GetValue<bool>() == true);
        var ready = (status?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(c => (string?)c["type"] == "Ready" && (string?)c["status"] == "True");
        var restarts = statuses.Sum(s => s["restartCount"]?.GetValue<int>() ?? 0);
        return new PodProxyStatus((string?)pod["metadata"]?["name"] ?? "", (string?)status?["phase"] ?? "Unknown", ready, hasProxy, proxyReady, restarts);
    }

    private static IEnumerable<JsonObject> Containers(JsonObject? parent, string field) => (parent?[field] as JsonArray ?? []).OfType<JsonObject>();
}
