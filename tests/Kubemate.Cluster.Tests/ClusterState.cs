using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Tests;

/// <summary>Full object lists of a namespace, to prove a failed change set left the cluster as it was.</summary>
internal static class ClusterState
{
    private static readonly string[] Collections =
        ["api/v1/namespaces/{0}/configmaps", "api/v1/namespaces/{0}/services", "apis/gateway.networking.k8s.io/v1/namespaces/{0}/httproutes"];

    /// <summary>
    /// Every object, keeping uid and creation time (a deleted-and-recreated object differs) but dropping what a
    /// forced restore rewrites without changing the object: resourceVersion and managedFields.
    /// </summary>
    public static async Task<string> SnapshotAsync(ClusterApi api, params string[] namespaces)
    {
        var all = new JsonArray();
        foreach (var ns in namespaces)
        {
            foreach (var collection in Collections)
            {
                var list = await api.SendAsync(HttpMethod.Get, string.Format(collection, ns), null, null, default);
                foreach (var item in (list["items"] as JsonArray ?? []).OfType<JsonObject>().OrderBy(i => (string?)i["metadata"]!["name"], StringComparer.Ordinal))
                {
                    var copy = (JsonObject)item.DeepClone();
                    var metadata = (JsonObject)copy["metadata"]!;
                    metadata.Remove("resourceVersion");
                    metadata.Remove("managedFields");
                    all.Add(copy);
                }
            }
        }
        return all.ToJsonString();
    }
}
