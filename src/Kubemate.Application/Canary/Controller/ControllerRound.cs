using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;

namespace Kubemate.Application.Canary.Controller;

/// <summary>
/// What one round of the controller reads once for all releases: Services and pods of the releases' namespaces, and
/// the objects the releases own, by kind. Fifty releases cost a few lists per round, not a few reads each.
/// </summary>
internal sealed class ControllerRound(ClusterApi api, ApiDiscovery discovery)
{
    private readonly Dictionary<string, IReadOnlyList<JsonObject>> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<JsonObject>> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<JsonObject>> _owned = new(StringComparer.Ordinal);

    public async Task<JsonObject?> ServiceAsync(string ns, string name, CancellationToken cancellationToken) =>
        (await ListAsync(_services, ns, BuiltInTypes.Service, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(s => s["metadata"]?["name"]?.GetValue<string>() == name);

    public async Task<IReadOnlyList<JsonObject>> PodsAsync(string ns, IReadOnlyDictionary<string, string> selector, CancellationToken cancellationToken) =>
        (await ListAsync(_pods, ns, BuiltInTypes.Pod, cancellationToken).ConfigureAwait(false))
            .Where(p => selector.All(l => p["metadata"]?["labels"]?[l.Key] is JsonValue v && v.TryGetValue<string>(out var value) && value == l.Value))
            .ToList();

    /// <summary>The live object of this kind and name that a release owns (by the release label), or null.</summary>
    public async Task<JsonObject?> OwnedAsync(ResourceType type, string ns, string name, CancellationToken cancellationToken)
    {
        var key = $"{type.ApiVersion}/{type.Plural}";
        if (!_owned.TryGetValue(key, out var objects))
        {
            objects = await api.ListObjectsAsync(type, null, cancellationToken, Traffic.ReleaseTraffic.ReleaseLabel).ConfigureAwait(false);
            _owned[key] = objects;
        }
        return objects.FirstOrDefault(o => o["metadata"]?["namespace"]?.GetValue<string>() == ns && o["metadata"]?["name"]?.GetValue<string>() == name);
    }

    public Task<ResourceType> TypeAsync(string apiVersion, string kind, CancellationToken cancellationToken) =>
        discovery.ResolveAsync(apiVersion, kind, cancellationToken);

    private async Task<IReadOnlyList<JsonObject>> ListAsync(Dictionary<string, IReadOnlyList<JsonObject>> cache, string ns, ResourceType type, CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(ns, out var objects))
        {
            objects = await api.ListObjectsAsync(type, ns, cancellationToken).ConfigureAwait(false);
            cache[ns] = objects;
        }
        return objects;
    }
}
