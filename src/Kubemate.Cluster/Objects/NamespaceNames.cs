using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Objects;

/// <summary>The names of the cluster's namespaces, as the client's identity may list them.</summary>
public static class NamespaceNames
{
    public static async Task<IReadOnlyList<string>> ListAsync(ClusterApi api, CancellationToken cancellationToken)
    {
        var list = await api.SendAsync(HttpMethod.Get, "api/v1/namespaces", null, null, cancellationToken).ConfigureAwait(false);
        return (list["items"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(item => (string?)item["metadata"]?["name"])
            .OfType<string>()
            .Where(name => name.Length > 0)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Whether the namespace exists (null: it does not, or the identity may not get it).</summary>
    public static async Task<bool> ExistsAsync(ClusterApi api, string ns, CancellationToken cancellationToken) =>
        await api.GetOrNullAsync($"api/v1/namespaces/{Uri.EscapeDataString(ns)}", cancellationToken).ConfigureAwait(false) is not null;
}
