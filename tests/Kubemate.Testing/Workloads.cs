using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;

namespace Kubemate.Testing;

/// <summary>
/// Namespaces, workloads and role bindings created as the sandbox admin (never through the code under test), and
/// the pods they run, for the tests of the application layer and of the REST API.
/// </summary>
public static class Workloads
{
    public static async Task<string> NewNamespaceAsync(ClusterApi admin, string prefix)
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

    public static JsonObject Deployment(string ns, string name, int replicas, JsonObject? templateAnnotations = null, bool hostNetwork = false)
    {
        var spec = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = $"registry.example/{name}:1.0" }) };
        if (hostNetwork)
        {
            spec["hostNetwork"] = true;
        }
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name }, ["annotations"] = templateAnnotations ?? new JsonObject() },
                    ["spec"] = spec,
                },
            },
        };
    }

    public static JsonObject BarePod(string ns, string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "registry.example/debug:1.0" }) },
    };

    public static async Task CreateAsync(ClusterApi admin, JsonObject obj)
    {
        var ns = (string)obj["metadata"]!["namespace"]!;
        var path = (string)obj["kind"]! switch
        {
            "Deployment" => $"apis/apps/v1/namespaces/{ns}/deployments",
            "Pod" => $"api/v1/namespaces/{ns}/pods",
            var kind => throw new ArgumentException($"no path for {kind}"),
        };
        await admin.SendAsync(HttpMethod.Post, path, obj, "application/json", default);
    }

    public static Task AddDeploymentAsync(ClusterApi admin, string ns, string name, int replicas) =>
        CreateAsync(admin, Deployment(ns, name, replicas));

    /// <summary>Binds a cluster role to a user in one namespace.</summary>
    public static Task BindAsync(ClusterApi admin, string ns, string user, string clusterRole) =>
        admin.SendAsync(HttpMethod.Post, $"apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/rolebindings", new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "RoleBinding",
            ["metadata"] = new JsonObject { ["name"] = $"{user}-{clusterRole}" },
            ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = clusterRole },
            ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "User", ["name"] = user, ["apiGroup"] = "rbac.authorization.k8s.io" }),
        }, "application/json", default);

    public static async Task<List<JsonObject>> PodsAsync(ClusterApi admin, string ns, string? app = null)
    {
        var query = app is null ? "" : $"?labelSelector=app%3D{app}";
        var list = await admin.SendAsync(HttpMethod.Get, $"api/v1/namespaces/{ns}/pods{query}", null, null, default);
        return (list["items"] as JsonArray ?? []).OfType<JsonObject>().ToList();
    }

    /// <summary>The pods of the namespace that are not being deleted: (name, has the linkerd-proxy container).</summary>
    public static async Task<IReadOnlyList<(string Name, bool Meshed)>> MeshedPodsAsync(ClusterApi admin, string ns) =>
        (await PodsAsync(admin, ns))
            .Where(p => p["metadata"]?["deletionTimestamp"] is null)
            .Select(p => ((string)p["metadata"]!["name"]!, (p["spec"]?["containers"] as JsonArray ?? []).Any(c => (string?)c?["name"] == "linkerd-proxy")))
            .ToList();

    public static bool HasProxy(JsonObject pod) =>
        ((pod["spec"]?["containers"] as JsonArray ?? []).Concat(pod["spec"]?["initContainers"] as JsonArray ?? []))
            .Any(c => (string?)c?["name"] == "linkerd-proxy");

    /// <summary>Waits until the deployment is rolled out with its pods ready.</summary>
    public static Task ReadyAsync(ClusterApi admin, string ns, string name, int replicas) =>
        Eventually.True(async () =>
        {
            var pods = await PodsAsync(admin, ns, name);
            return pods.Count == replicas && pods.All(p => (p["status"]?["conditions"] as JsonArray ?? []).Any(c => (string?)c?["type"] == "Ready" && (string?)c?["status"] == "True"));
        }, $"{ns}/{name} ready");
}
