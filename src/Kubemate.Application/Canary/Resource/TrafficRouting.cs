using System.Text.Json.Serialization;

namespace Kubemate.Application.Canary.Resource;

/// <summary>Where a release's traffic split is written.</summary>
public enum TrafficRouting
{
    /// <summary>The active mesh's objects for the Service (Linkerd HTTPRoute or SMI TrafficSplit, Istio VirtualService).</summary>
    [JsonStringEnumMemberName("mesh")]
    Mesh,

    /// <summary>A weighted TraefikService named after the release, which IngressRoutes at the edge refer to.</summary>
    [JsonStringEnumMemberName("traefik")]
    Traefik,
}
