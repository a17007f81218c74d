using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Application.Canary.Resource;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.Testing;

namespace Kubemate.WebConsole.E2E.Canary;

/// <summary>
/// What an administrator sets up for the seed's canary, once serve has installed the <c>CanaryRelease</c> kind and
/// its roles: version v2 of orders beside v1 — a Deployment <c>orders-v2</c> whose pods are
/// <c>app=orders, version=v2</c>, and a Service <c>orders-v2</c> selecting them.
/// </summary>
public static class OrdersCanary
{
    public const string Namespace = "orders";

    public static async Task EnsureAsync(ClusterConnection admin)
    {
        using var api = admin.CreateApi();
        // serve installs the kind and its roles at start; the test waits for it rather than installing them itself.
        await Eventually.Until(() => api.SendAsync(HttpMethod.Get, $"apis/apiextensions.k8s.io/v1/customresourcedefinitions/{CanaryReleaseCrd.Name}", null, null, default),
            _ => true, "serve to install the CanaryRelease kind", TimeSpan.FromMinutes(2));
        var v1 = await api.SendAsync(HttpMethod.Get, $"apis/apps/v1/namespaces/{Namespace}/deployments/orders", null, null, default);
        await CreateOrKeepAsync(api, $"apis/apps/v1/namespaces/{Namespace}/deployments", VersionTwo(v1));
        await CreateOrKeepAsync(api, $"api/v1/namespaces/{Namespace}/services", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = "orders-v2", ["labels"] = new JsonObject { ["app"] = "orders", ["version"] = "v2" } },
            ["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject { ["app"] = "orders", ["version"] = "v2" },
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 8080, ["targetPort"] = "http" }),
            },
        });
        await Eventually.Until(() => ReadyV2PodsAsync(api), n => n > 0, "an orders-v2 pod to be ready", TimeSpan.FromMinutes(2));
    }

    /// <summary>The release as the cluster holds it, read as the administrator; null when there is none.</summary>
    public static async Task<JsonObject?> ReleaseAsync(ClusterConnection admin, string name)
    {
        using var api = admin.CreateApi();
        try
        {
            return await api.SendAsync(HttpMethod.Get, $"apis/{CanaryReleaseCrd.ApiVersion}/namespaces/{Namespace}/{CanaryReleaseCrd.Plural}/{name}", null, null, default);
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Removes a release a test made, so the next test's releases do not split the same Service beside it.</summary>
    public static async Task DeleteReleaseAsync(ClusterConnection admin, string name)
    {
        using var api = admin.CreateApi();
        try
        {
            await api.SendAsync(HttpMethod.Delete, $"apis/{CanaryReleaseCrd.ApiVersion}/namespaces/{Namespace}/{CanaryReleaseCrd.Plural}/{name}", null, null, default);
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            // Never created, or gone already.
        }
    }

    private static async Task<int> ReadyV2PodsAsync(ClusterApi api)
    {
        var pods = await api.SendAsync(HttpMethod.Get, $"api/v1/namespaces/{Namespace}/pods?labelSelector=app%3Dorders%2Cversion%3Dv2", null, null, default);
        return (pods["items"] as JsonArray ?? []).Count(p => (p?["status"]?["conditions"] as JsonArray ?? [])
            .Any(c => (string?)c?["type"] == "Ready" && (string?)c?["status"] == "True"));
    }

    private static JsonObject VersionTwo(JsonObject v1)
    {
        var deployment = (JsonObject)v1.DeepClone();
        deployment.Remove("status");
        var metadata = new JsonObject
        {
            ["name"] = "orders-v2",
            ["labels"] = new JsonObject { ["app"] = "orders", ["app.kubernetes.io/name"] = "orders", ["app.kubernetes.io/version"] = "2.0.0" },
        };
        deployment["metadata"] = metadata;
        var spec = (JsonObject)deployment["spec"]!;
        spec["replicas"] = 1;
        spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "orders", ["version"] = "v2" } };
        var labels = (JsonObject)spec["template"]!["metadata"]!["labels"]!;
        labels["version"] = "v2";
        return deployment;
    }

    private static async Task CreateOrKeepAsync(ClusterApi api, string collection, JsonObject obj)
    {
        try
        {
            await api.SendAsync(HttpMethod.Post, collection, obj, null, default);
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.Conflict)
        {
            // Made by an earlier test: kept as it is.
        }
    }
}
