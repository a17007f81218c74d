using System.Text.Json.Nodes;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.NetworkPolicies;

/// <summary>Small pieces of networking.k8s.io/v1 NetworkPolicy objects.</summary>
internal static class NetworkPolicyBuilder
{
    public const string ApiVersion = "networking.k8s.io/v1";

    /// <summary>Set by Kubernetes on every namespace (1.21+), so namespaces can be selected by name.</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    public static readonly IReadOnlyDictionary<string, string> ManagedLabels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "kubemate" };

    public static JsonObject Policy(string name, string @namespace, IReadOnlyDictionary<string, string> podLabels, string policyType, string rulesKey, IEnumerable<JsonObject> rules)
    {
        var policy = KubeObject.Create(ApiVersion, "NetworkPolicy", name, @namespace, ManagedLabels);
        var spec = new JsonObject
        {
            ["podSelector"] = Selector(podLabels),
            ["policyTypes"] = new JsonArray(policyType),
        };
        var ruleArray = JsonMerge.Array(rules);
        if (ruleArray.Count > 0)
        {
            spec[rulesKey] = ruleArray;
        }
        policy["spec"] = spec;
        return policy;
    }

    public static JsonObject Selector(IReadOnlyDictionary<string, string>? labels) =>
        labels is null || labels.Count == 0 ? [] : new JsonObject { ["matchLabels"] = JsonMerge.StringMap(labels) };

    public static JsonObject Namespace(string name, IReadOnlyDictionary<string, string>? podLabels = null)
    {
        var peer = new JsonObject { ["namespaceSelector"] = Selector(new Dictionary<string, string> { [NamespaceNameLabel] = name }) };
        if (podLabels is not null)
        {
            peer["podSelector"] = Selector(podLabels);
        }
        return peer;
    }

    public static JsonObject Pods(IReadOnlyDictionary<string, string>? labels) => new() { ["podSelector"] = Selector(labels) };

    public static JsonObject AnyNamespace() => new() { ["namespaceSelector"] = new JsonObject() };

    public static JsonObject Cidr(string cidr) => new() { ["ipBlock"] = new JsonObject { ["cidr"] = cidr } };

    public static JsonObject Port(int port, string protocol = "TCP") => new() { ["protocol"] = protocol, ["port"] = port };

    public static JsonObject Rule(string peersKey, IEnumerable<JsonObject> peers, IEnumerable<JsonObject>? ports = null)
    {
        var rule = new JsonObject();
        var peerArray = JsonMerge.Array(peers);
        if (peerArray.Count > 0)
        {
            rule[peersKey] = peerArray;
        }
        if (ports is not null)
        {
            rule["ports"] = JsonMerge.Array(ports);
        }
        return rule;
    }
}
