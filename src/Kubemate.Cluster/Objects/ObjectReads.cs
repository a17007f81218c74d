using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Objects;

/// <summary>Reads of any kind as plain JSON objects, addressed by <see cref="ResourceType"/>, namespace and name.</summary>
public static class ObjectReads
{
    private const int PageSize = 500;

    /// <exception cref="ClusterApiException">the object does not exist (404) or the identity may not read it (403).</exception>
    public static Task<JsonObject> GetObjectAsync(this ClusterApi api, ResourceType type, string? ns, string name, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Get, type.ObjectPath(ns, name), null, null, cancellationToken);

    /// <summary>The object, or null when it does not exist.</summary>
    public static Task<JsonObject?> GetObjectOrNullAsync(this ClusterApi api, ResourceType type, string? ns, string name, CancellationToken cancellationToken) =>
        api.GetOrNullAsync(type.ObjectPath(ns, name), cancellationToken);

    /// <summary>
    /// Every object of the type in the namespace (all namespaces when <paramref name="ns"/> is null), page by page,
    /// optionally narrowed by a label selector (<c>app=orders,version=v2</c>). The items are detached from the pages,
    /// so callers may put them into arrays of their own.
    /// </summary>
    public static async Task<IReadOnlyList<JsonObject>> ListObjectsAsync(this ClusterApi api, ResourceType type, string? ns, CancellationToken cancellationToken,
        string? labelSelector = null)
    {
        var items = new List<JsonObject>();
        var selector = string.IsNullOrEmpty(labelSelector) ? "" : $"&labelSelector={Uri.EscapeDataString(labelSelector)}";
        string? next = null;
        do
        {
            var query = $"?limit={PageSize}{selector}" + (next is null ? "" : $"&continue={Uri.EscapeDataString(next)}");
            var page = await api.SendAsync(HttpMethod.Get, type.CollectionPath(ns) + query, null, null, cancellationToken).ConfigureAwait(false);
            if (page["items"] is JsonArray pageItems)
            {
                items.AddRange(pageItems.OfType<JsonObject>());
                pageItems.Clear();
            }
            next = (string?)page["metadata"]?["continue"] is { Length: > 0 } token ? token : null;
        }
        while (next is not null);
        return items;
    }
}
