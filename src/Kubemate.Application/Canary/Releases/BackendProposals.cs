using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kubemate.Application.Canary.Releases;

/// <summary>
/// Proposes a release's backends from what is deployed. Pure. A candidate is a Service whose selector contains the
/// apex Service's selector and more (so it selects one part of its pods). Its version is the selector's
/// <c>app.kubernetes.io/version</c> or <c>version</c>, else the selected pods' labels, else the name's suffix
/// (<c>orders-v2</c>: v2). Stable is the oldest version, canary the newest.
/// </summary>
public static partial class BackendProposals
{
    private static readonly string[] VersionLabels = ["app.kubernetes.io/version", "version"];

    public static BackendProposal Propose(JsonObject apex, IEnumerable<JsonObject> services, IReadOnlyList<JsonObject> pods)
    {
        var ns = apex["metadata"]?["namespace"]?.GetValue<string>() ?? "";
        var name = apex["metadata"]?["name"]?.GetValue<string>() ?? "";
        var port = (apex["spec"]?["ports"] as JsonArray)?.OfType<JsonObject>().Select(p => p["port"]?.GetValue<int>()).FirstOrDefault();
        var selector = Selector(apex);
        if (selector.Count == 0)
        {
            return new(ns, name, port, [], null, null, $"the Service {name} has no selector, so no version of its pods can be told apart");
        }
        var candidates = services
            .Where(s => s["metadata"]?["name"]?.GetValue<string>() != name)
            .Select(s => (Service: s, Selector: Selector(s)))
            .Where(s => s.Selector.Count > selector.Count && selector.All(l => s.Selector.TryGetValue(l.Key, out var v) && v == l.Value))
            .Select(s => Candidate(name, s.Service, s.Selector, pods))
            .OrderBy(c => c.Version is null ? 1 : 0)
            .ThenBy(c => c.Version, VersionComparer.Instance)
            .ThenBy(c => c.Service, StringComparer.Ordinal)
            .ToList();
        return candidates.Count switch
        {
            0 => new(ns, name, port, [], null, null, $"no Service selects one version of {name}'s pods: create one per version (e.g. {name}-v1 with the selector plus version: v1)"),
            1 => new(ns, name, port, candidates, candidates[0].Service, null, $"only {candidates[0].Service} selects a version of {name}'s pods: deploy the canary and a Service that selects it"),
            _ => new(ns, name, port, candidates, candidates[0].Service, candidates[^1].Service,
                $"stable {candidates[0].Service} ({candidates[0].Version ?? "no version"}) and canary {candidates[^1].Service} ({candidates[^1].Version ?? "no version"}): the oldest and the newest version"),
        };
    }

    private static BackendCandidate Candidate(string apex, JsonObject service, IReadOnlyDictionary<string, string> selector, IReadOnlyList<JsonObject> pods)
    {
        var serviceName = service["metadata"]?["name"]?.GetValue<string>() ?? "";
        var selected = pods.Where(p => selector.All(l => Labels(p).TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        var version = VersionLabels.Select(selector.GetValueOrDefault).FirstOrDefault(v => v is not null)
            ?? selected.SelectMany(p => VersionLabels.Select(Labels(p).GetValueOrDefault)).FirstOrDefault(v => v is not null)
            ?? SuffixVersion(apex, serviceName);
        var workloads = selected.Select(Workload).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var ready = selected.Count(IsReady);
        return new BackendCandidate(serviceName, version, workloads, ready);
    }

    private static string? SuffixVersion(string apex, string service) =>
        service.StartsWith(apex + "-", StringComparison.Ordinal) && VersionSuffix().IsMatch(service[(apex.Length + 1)..]) ? service[(apex.Length + 1)..] : null;

    /// <summary>The pod's workload as <c>kind/name</c>: the owner, or the Deployment behind a ReplicaSet (its name less the hash).</summary>
    private static string? Workload(JsonObject pod)
    {
        var owner = (pod["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var kind = owner?["kind"]?.GetValue<string>();
        var name = owner?["name"]?.GetValue<string>();
        if (kind is null || name is null)
        {
            return null;
        }
        if (kind == "ReplicaSet" && name.LastIndexOf('-') is > 0 and var dash)
        {
            return $"deployment/{name[..dash]}";
        }
        return $"{kind.ToLowerInvariant()}/{name}";
    }

    private static bool IsReady(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .Any(c => c["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True") == true;

    private static Dictionary<string, string> Selector(JsonObject service) => StringMap(service["spec"]?["selector"]);

    private static Dictionary<string, string> Labels(JsonObject pod) => StringMap(pod["metadata"]?["labels"]);

    private static Dictionary<string, string> StringMap(JsonNode? node) =>
        (node as JsonObject ?? []).Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _))
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);

    [GeneratedRegex(@"^(v?\d+([.\-]\d+)*|canary|stable|primary|next|new|old)$")]
    private static partial Regex VersionSuffix();

    /// <summary>Orders versions by their numbers (v2 before v10, 1.9.0 before 1.10.0), then as text.</summary>
    private sealed partial class VersionComparer : IComparer<string?>
    {
        public static readonly VersionComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = Numbers(x);
            var b = Numbers(y);
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                var c = a[i].CompareTo(b[i]);
                if (c != 0)
                {
                    return c;
                }
            }
            return a.Count != b.Count ? a.Count.CompareTo(b.Count) : string.CompareOrdinal(x, y);
        }

        private static List<long> Numbers(string? version) => version is null ? [] :
            Digits().Matches(version).Select(m => long.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToList();

        [GeneratedRegex(@"\d{1,18}")]
        private static partial Regex Digits();
    }
}
