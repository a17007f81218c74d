using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;

namespace Kubemate.WebConsole.Telemetry.Overview;

/// <summary>Pods of a control-plane namespace (the mesh's or the gateway's) and how many are ready; not visible when RBAC forbids listing them.</summary>
public sealed record ControlPlaneStatus(string Namespace, bool Visible, int Ready, int Total, IReadOnlyList<string> NotReady)
{
    public static readonly IReadOnlyList<string> Namespaces = ["linkerd", "traefik"];

    public bool Healthy => Visible && Total > 0 && Ready == Total;

    /// <summary>Lists the namespace's pods as the user.</summary>
    public static async Task<ControlPlaneStatus> ReadAsync(ClusterApi api, string ns, CancellationToken cancellationToken)
    {
        try
        {
            var list = await api.GetOrNullAsync($"api/v1/namespaces/{Uri.EscapeDataString(ns)}/pods", cancellationToken);
            var pods = (list?["items"] as JsonArray ?? []).OfType<JsonObject>().Select(PodProxyStatus.From).ToList();
            return new ControlPlaneStatus(ns, true, pods.Count(p => p.Ready), pods.Count,
                pods.Where(p => !p.Ready).Select(p => p.Pod).Order(StringComparer.Ordinal).ToList());
        }
        catch (ClusterApiException error) when (error.StatusCode is HttpStatusCode.Forbidden)
        {
            return new ControlPlaneStatus(ns, false, 0, 0, []);
        }
    }
}
