using Kubemate.Model.Edge.Gateway;

namespace Kubemate.Renderers.GatewayOps;

public static class GatewayLabels
{
    /// <summary>The labels that select a gateway's pods.</summary>
    public static IReadOnlyDictionary<string, string> Selector(GatewayDeploymentProfile profile) => new Dictionary<string, string>
    {
        ["app.kubernetes.io/name"] = "traefik",
        ["app.kubernetes.io/instance"] = profile.Name,
    };

    /// <summary>Selector labels plus the managed-by mark, on every object of the gateway.</summary>
    public static IReadOnlyDictionary<string, string> All(GatewayDeploymentProfile profile) =>
        new Dictionary<string, string>(Selector(profile)) { ["app.kubernetes.io/managed-by"] = "kubemate" };
}
