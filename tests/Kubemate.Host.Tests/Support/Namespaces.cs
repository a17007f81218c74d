using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;

namespace Kubemate.Host.Tests.Support;

/// <summary>Test namespaces and workloads made by the sandbox admin (never through the host under test).</summary>
public static class Namespaces
{
    public static async Task<string> CreateAsync(ClusterApi admin, string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():n}"[..(prefix.Length + 9)];
        await admin.SendAsync(HttpMethod.Post, "api/v1/namespaces", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = name },
        }, "application/json", default);
        return name;
    }

    public static Task AddDeploymentAsync(ClusterApi admin, string ns, string name, int replicas) =>
        admin.SendAsync(HttpMethod.Post, $"apis/apps/v1/namespaces/{ns}/deployments", new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                    ["spec"] = new JsonObject
                    {
                        ["containers"] = new JsonArray(new JsonObject { ["name"] = name, ["image"] = $"example/{name}:1" }),
                    },
                },
            },
        }, "application/json", default);

    public static async Task BindAsync(ClusterApi admin, string ns, string user, string clusterRole)
    {
        await admin.SendAsync(HttpMethod.Post, $"apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/rolebindings", new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "RoleBinding",
            ["metadata"] = new JsonObject { ["name"] = $"{user}-{clusterRole}" },
            ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = clusterRole },
            ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "User", ["name"] = user, ["apiGroup"] = "rbac.authorization.k8s.io" }),
        }, "application/json", default);
    }

    /// <summary>Pods of the namespace: (name, has the linkerd-proxy container).</summary>
    public static async Task<IReadOnlyList<(string Name, bool Meshed)>> PodsAsync(ClusterApi admin, string ns)
    {
        var list = await admin.SendAsync(HttpMethod.Get, $"api/v1/namespaces/{ns}/pods", null, null, default);
        return (list["items"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(p => p["metadata"]?["deletionTimestamp"] is null)
            .Select(p => ((string)p["metadata"]!["name"]!,
                (p["spec"]?["containers"] as JsonArray ?? []).Any(c => (string?)c?["name"] == "linkerd-proxy")))
            .ToList();
    }
}
