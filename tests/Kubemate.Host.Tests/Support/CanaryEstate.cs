using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Application.Canary.Resource;
using Kubemate.Cluster.Http;

namespace Kubemate.Host.Tests.Support;

/// <summary>
/// What a canary test needs in the demo sandbox, written as the admin: the CanaryRelease kind and its aggregated roles
/// (what the controller's installer writes when <c>kubemate serve</c> runs one; these hosts run none), and the canary backend of
/// <c>orders</c> (Deployment and Service <c>orders-v2</c>, pods <c>app=orders, version=v2</c>), which the estate lacks.
/// Server-side apply, so every test may call it.
/// </summary>
public static class CanaryEstate
{
    public static async Task PrepareAsync(ClusterApi admin)
    {
        await ApplyAsync(admin, $"apis/apiextensions.k8s.io/v1/customresourcedefinitions/{CanaryReleaseCrd.Name}", CanaryReleaseCrd.Definition());
        foreach (var role in CanaryReleaseCrd.Roles())
        {
            await ApplyAsync(admin, $"apis/rbac.authorization.k8s.io/v1/clusterroles/{(string)role["metadata"]!["name"]!}", role);
        }
        await ApplyAsync(admin, "apis/apps/v1/namespaces/orders/deployments/orders-v2", JsonNode.Parse("""
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "orders-v2", "namespace": "orders"},
             "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "orders", "version": "v2"}},
              "template": {"metadata": {"labels": {"app": "orders", "version": "v2"}},
               "spec": {"containers": [{"name": "orders", "image": "registry.example/orders:2.0", "ports": [{"name": "http", "containerPort": 8080}]}]}}}}
            """)!.AsObject());
        await ApplyAsync(admin, "api/v1/namespaces/orders/services/orders-v2", JsonNode.Parse("""
            {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "orders-v2", "namespace": "orders"},
             "spec": {"selector": {"app": "orders", "version": "v2"}, "ports": [{"name": "http", "port": 8080, "targetPort": "http"}]}}
            """)!.AsObject());
    }

    /// <summary>A manual release of orders between orders-v1 and orders-v2, as the request body of a preview or export.</summary>
    public static JsonObject ManualRequest(string name, int weight = 5) => new()
    {
        ["name"] = name,
        ["spec"] = JsonSerializer.SerializeToNode(new CanaryReleaseSpec
        {
            Service = "orders",
            Stable = "orders-v1",
            Canary = "orders-v2",
            Mode = ReleaseMode.Manual,
            Weight = weight,
        }, CanaryJson.Options),
    };

    /// <summary>The release as the cluster holds it, or null.</summary>
    public static Task<JsonObject?> ReadAsync(ClusterApi admin, string ns, string name) =>
        admin.GetOrNullAsync($"apis/kubemate.io/v1alpha1/namespaces/{ns}/canaryreleases/{name}", default);

    /// <summary>What a person writes into the release (its spec and annotations; the controller writes the status), as text.</summary>
    public static async Task<string> WrittenAsync(ClusterApi admin, string ns, string name)
    {
        var release = await ReadAsync(admin, ns, name) ?? throw new InvalidOperationException($"no release {ns}/{name}");
        return new JsonObject { ["spec"] = release["spec"]?.DeepClone(), ["annotations"] = release["metadata"]?["annotations"]?.DeepClone() }.ToJsonString();
    }

    private static Task ApplyAsync(ClusterApi admin, string path, JsonObject obj) =>
        admin.SendAsync(HttpMethod.Patch, $"{path}?fieldManager=kubemate-tests&force=true", obj, ClusterApi.ApplyPatch, default);
}
