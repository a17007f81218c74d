using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Gateway;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.GatewayOps;

/// <summary>
/// Read-only access for a gateway that watches only its own namespace: a Role there for services, endpoints, secrets,
/// config maps and the gateway's route objects, and a ClusterRole for nodes (node-port load balancing reads them).
/// </summary>
internal static class GatewayRbac
{
    private const string RbacApiVersion = "rbac.authorization.k8s.io/v1";

    private static readonly string[] ReadVerbs = ["get", "list", "watch"];

    private static readonly string[] RouteResources =
    [
        "middlewares", "middlewaretcps", "ingressroutes", "traefikservices", "ingressroutetcps", "ingressrouteudps",
        "tlsoptions", "tlsstores", "serverstransports", "serverstransporttcps",
    ];

    public static IReadOnlyList<JsonObject> Render(GatewayDeploymentProfile profile)
    {
        var labels = GatewayLabels.All(profile);
        var account = KubeObject.Create("v1", "ServiceAccount", profile.ServiceAccountName, profile.Namespace, labels);

        var role = KubeObject.Create(RbacApiVersion, "Role", profile.Name, profile.Namespace, labels);
        role["rules"] = new JsonArray(
            Rule("", ["services", "secrets", "configmaps"], ReadVerbs),
            Rule("discovery.k8s.io", ["endpointslices"], ["list", "watch"]),
            Rule("traefik.io", RouteResources, ReadVerbs));
        var roleBinding = Binding("RoleBinding", "Role", profile, profile.Namespace);

        var clusterName = $"{profile.Namespace}-{profile.Name}";
        var clusterRole = KubeObject.Create(RbacApiVersion, "ClusterRole", clusterName, null, labels);
        clusterRole["rules"] = new JsonArray(Rule("", ["nodes"], ReadVerbs));
        var clusterBinding = Binding("ClusterRoleBinding", "ClusterRole", profile, null, clusterName);

        return [account, role, roleBinding, clusterRole, clusterBinding];
    }

    private static JsonObject Rule(string group, IEnumerable<string> resources, IEnumerable<string> verbs) => new()
    {
        ["apiGroups"] = new JsonArray(group),
        ["resources"] = new JsonArray(resources.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
        ["verbs"] = new JsonArray(verbs.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
    };

    private static JsonObject Binding(string kind, string roleKind, GatewayDeploymentProfile profile, string? @namespace, string? name = null)
    {
        var binding = KubeObject.Create(RbacApiVersion, kind, name ?? profile.Name, @namespace, GatewayLabels.All(profile));
        binding["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = roleKind, ["name"] = name ?? profile.Name };
        binding["subjects"] = new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = profile.ServiceAccountName, ["namespace"] = profile.Namespace });
        return binding;
    }
}
