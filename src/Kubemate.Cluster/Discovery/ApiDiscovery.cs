using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Discovery;

/// <summary>
/// Resolves apiVersion + kind to plural and scope from <c>/api</c>, <c>/apis</c> and <c>/apis/g/v</c>. Each document
/// is read once per instance; create one per change set (or per cache start) so newly installed CRDs are seen.
/// </summary>
public sealed class ApiDiscovery(ClusterApi api)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<ResourceType>>>> _resources = new();
    private Lazy<Task<IReadOnlyList<ServedGroup>>>? _groups;

    /// <summary>The core group ("" with v1) and every group under <c>/apis</c>.</summary>
    public Task<IReadOnlyList<ServedGroup>> GroupsAsync(CancellationToken cancellationToken = default)
    {
        var groups = _groups ??= new Lazy<Task<IReadOnlyList<ServedGroup>>>(() => LoadGroupsAsync(cancellationToken));
        return groups.Value;
    }

    /// <summary>The kinds served in one group version; empty when the group version is not served.</summary>
    public Task<IReadOnlyList<ResourceType>> ResourcesAsync(string apiVersion, CancellationToken cancellationToken = default) =>
        _resources.GetOrAdd(apiVersion, key => new Lazy<Task<IReadOnlyList<ResourceType>>>(() => LoadResourcesAsync(key, cancellationToken))).Value;

    /// <summary>The resource for a kind, or an error naming the apiVersion and kind that the server does not serve.</summary>
    public async Task<ResourceType> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken = default)
    {
        var resources = await ResourcesAsync(apiVersion, cancellationToken).ConfigureAwait(false);
        return resources.FirstOrDefault(r => r.Kind == kind)
            ?? throw new KindNotServedException(apiVersion, kind, resources.Count == 0
                ? $"the server does not serve apiVersion \"{apiVersion}\""
                : $"the server serves no kind \"{kind}\" in apiVersion \"{apiVersion}\"");
    }

    private async Task<IReadOnlyList<ServedGroup>> LoadGroupsAsync(CancellationToken cancellationToken)
    {
        var list = await api.SendAsync(HttpMethod.Get, "apis", null, null, cancellationToken).ConfigureAwait(false);
        var groups = new List<ServedGroup> { new("", ["v1"]) };
        foreach (var group in (list["groups"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var preferred = (string?)group["preferredVersion"]?["version"];
            var versions = (group["versions"] as JsonArray ?? []).OfType<JsonObject>().Select(v => (string?)v["version"] ?? "")
                .Where(v => v.Length > 0)
                .OrderBy(v => v == preferred ? 0 : 1)
                .ToList();
            groups.Add(new ServedGroup((string?)group["name"] ?? "", versions));
        }
        return groups;
    }

    private async Task<IReadOnlyList<ResourceType>> LoadResourcesAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var slash = apiVersion.IndexOf('/');
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        var path = group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
        var list = await api.GetOrNullAsync(path, cancellationToken).ConfigureAwait(false);
        if (list is null)
        {
            return [];
        }
        return (list["resources"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(r => ((string?)r["name"])?.Contains('/') == false)
            .Select(r => new ResourceType(group, version, (string?)r["kind"] ?? "", (string)r["name"]!, (bool?)r["namespaced"] ?? false))
            .ToList();
    }
}
