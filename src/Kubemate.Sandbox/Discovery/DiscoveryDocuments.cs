using System.Text.Json.Nodes;
using Kubemate.Sandbox.Resources;

namespace Kubemate.Sandbox.Discovery;

/// <summary>The legacy discovery documents kubectl and client-go read: /api, /apis, /apis/{g}, and resource lists.</summary>
public static class DiscoveryDocuments
{
    public const string KubernetesVersion = "v1.32.0";

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = KubernetesVersion + "+kubemate-sandbox",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "n/a (Kubemate sandbox, .NET)",
        ["compiler"] = "dotnet",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceRegistry registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(Groups(registry).Select(g => (JsonNode)Group(g.Key, g.Value)).ToArray()),
    };

    public static JsonObject? GroupDocument(ResourceRegistry registry, string group)
    {
        var versions = Groups(registry).GetValueOrDefault(group);
        if (versions is null)
        {
            return null;
        }
        var document = Group(group, versions);
        document["kind"] = "APIGroup";
        document["apiVersion"] = "v1";
        return document;
    }

    public static JsonObject? ResourceList(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All.Where(r => r.Group == group && r.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }
        var resources = new JsonArray();
        foreach (var type in types)
        {
            resources.Add(Entry(type));
            foreach (var sub in type.Subresources)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = $"{type.Plural}/{sub}",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["group"] = sub == "scale" ? "autoscaling" : null,
                    ["version"] = sub == "scale" ? "v1" : null,
                    ["kind"] = SubresourceKind(type, sub),
                    ["verbs"] = new JsonArray(SubresourceVerbs(sub).Select(v => (JsonNode)v).ToArray()),
                });
                var last = (JsonObject)resources[^1]!;
                if (sub != "scale")
                {
                    last.Remove("group");
                    last.Remove("version");
                }
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonObject Entry(ResourceType type)
    {
        var entry = new JsonObject
        {
            ["name"] = type.Plural,
            ["singularName"] = type.Singular,
            ["namespaced"] = type.Namespaced,
            ["kind"] = type.Kind,
            ["verbs"] = new JsonArray(type.Verbs.Select(v => (JsonNode)v).ToArray()),
        };
        if (type.ShortNames.Count > 0)
        {
            entry["shortNames"] = new JsonArray(type.ShortNames.Select(s => (JsonNode)s).ToArray());
        }
        if (type.Categories.Count > 0)
        {
            entry["categories"] = new JsonArray(type.Categories.Select(s => (JsonNode)s).ToArray());
        }
        return entry;
    }

    internal static string SubresourceKind(ResourceType type, string sub) => sub switch
    {
        "scale" => "Scale",
        "log" or "proxy" or "exec" => sub == "proxy" ? (type.Kind == "Pod" ? "PodProxyOptions" : "ServiceProxyOptions") : type.Kind,
        "eviction" => "Eviction",
        "token" => "TokenRequest",
        _ => type.Kind,
    };

    internal static string[] SubresourceVerbs(string sub) => sub switch
    {
        "status" or "scale" => ["get", "patch", "update"],
        "log" => ["get"],
        "proxy" => ["create", "delete", "get", "patch", "update"],
        "exec" or "eviction" or "token" => ["create"],
        "finalize" => ["update"],
        _ => ["get"],
    };

    private static SortedDictionary<string, List<string>> Groups(ResourceRegistry registry)
    {
        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in registry.All.Where(r => r.Group.Length > 0))
        {
            if (!groups.TryGetValue(type.Group, out var versions))
            {
                groups[type.Group] = versions = [];
            }
            if (!versions.Contains(type.Version))
            {
                versions.Add(type.Version);
            }
        }
        foreach (var versions in groups.Values)
        {
            versions.Sort(KubeVersionComparer.Instance);
        }
        return groups;
    }

    private static JsonObject Group(string name, List<string> versions)
    {
        JsonObject Version(string v) => new() { ["groupVersion"] = $"{name}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["name"] = name,
            ["versions"] = new JsonArray(versions.Select(v => (JsonNode)Version(v)).ToArray()),
            ["preferredVersion"] = Version(versions[0]),
        };
    }
}
