using System.Text.Json.Nodes;
using Kubemate.Sandbox.Resources;

namespace Kubemate.Sandbox.Discovery;

/// <summary>
/// Aggregated discovery (apidiscovery.k8s.io/v2): every group, version and resource in one document for
/// <c>/api</c> and one for <c>/apis</c>, as kubectl 1.32 asks for first. Without it a client needs one request per
/// group-version, which uses up kubectl's client-side rate limit before the real work starts.
/// </summary>
public static class AggregatedDiscovery
{
    public const string MediaType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    public static bool IsRequested(string? accept) =>
        accept is not null && accept.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal)
        && accept.Contains("v=v2", StringComparison.Ordinal);

    /// <param name="core">True for <c>/api</c> (the legacy core group), false for <c>/apis</c>.</param>
    public static JsonObject Document(ResourceRegistry registry, bool core)
    {
        var groups = registry.All
            .Where(r => core ? r.Group.Length == 0 : r.Group.Length > 0)
            .GroupBy(r => r.Group)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var items = new JsonArray();
        foreach (var group in groups)
        {
            var versions = new JsonArray();
            foreach (var version in group.GroupBy(r => r.Version).OrderBy(v => v.Key, KubeVersionComparer.Instance))
            {
                versions.Add(new JsonObject
                {
                    ["version"] = version.Key,
                    ["resources"] = new JsonArray(version.Select(r => (JsonNode)Resource(r)).ToArray()),
                    ["freshness"] = "Current",
                });
            }
            items.Add(new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = group.Key, ["creationTimestamp"] = null },
                ["versions"] = versions,
            });
        }
        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    private static JsonObject Resource(ResourceType type)
    {
        var resource = new JsonObject
        {
            ["resource"] = type.Plural,
            ["responseKind"] = Kind(type.Group, type.Version, type.Kind),
            ["scope"] = type.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = type.Singular,
            ["verbs"] = Strings(type.Verbs),
        };
        if (type.ShortNames.Count > 0)
        {
            resource["shortNames"] = Strings(type.ShortNames);
        }
        if (type.Categories.Count > 0)
        {
            resource["categories"] = Strings(type.Categories);
        }
        if (type.Subresources.Count > 0)
        {
            resource["subresources"] = new JsonArray(type.Subresources.Select(sub => (JsonNode)new JsonObject
            {
                ["subresource"] = sub,
                ["responseKind"] = sub == "scale" ? Kind("autoscaling", "v1", "Scale") : Kind(type.Group, type.Version, DiscoveryDocuments.SubresourceKind(type, sub)),
                ["verbs"] = Strings(DiscoveryDocuments.SubresourceVerbs(sub)),
            }).ToArray());
        }
        return resource;
    }

    private static JsonObject Kind(string group, string version, string kind) => new()
    {
        ["group"] = group,
        ["version"] = version,
        ["kind"] = kind,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
