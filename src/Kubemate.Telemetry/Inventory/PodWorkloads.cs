using System.Text.Json.Nodes;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Telemetry.Inventory;

/// <summary>Groups pods into workloads: by Linkerd's <c>linkerd.io/proxy-&lt;kind&gt;</c> labels, else by owner references.</summary>
public static class PodWorkloads
{
    private static readonly (string Label, string Kind)[] ProxyLabels =
    [
        ("linkerd.io/proxy-deployment", "deployment"),
        ("linkerd.io/proxy-statefulset", "statefulset"),
        ("linkerd.io/proxy-daemonset", "daemonset"),
        ("linkerd.io/proxy-cronjob", "cronjob"),
        ("linkerd.io/proxy-job", "job"),
        ("linkerd.io/proxy-replicaset", "replicaset"),
        ("linkerd.io/proxy-replicationcontroller", "replicationcontroller"),
    ];

    /// <summary>Workloads of the pods; with <paramref name="services"/>, each carries the Services whose selector picks one of its pods.</summary>
    public static IReadOnlyList<WorkloadInfo> FromPods(JsonArray pods, JsonArray? services = null)
    {
        var groups = new Dictionary<WorkloadRef, (int Meshed, int Total, bool Gateway)>();
        var selecting = new Dictionary<WorkloadRef, SortedSet<string>>();
        var selectors = (services ?? []).OfType<JsonObject>().Select(ServiceSelector).Where(s => s.Selector.Count > 0).ToList();
        foreach (var pod in pods.OfType<JsonObject>())
        {
            if (pod["status"]?["phase"]?.GetValue<string>() is "Succeeded" or "Failed")
            {
                continue;
            }
            var workload = WorkloadOf(pod);
            var meshed = Containers(pod).Any(name => name == "linkerd-proxy");
            var gateway = pod["metadata"]?["labels"]?["app.kubernetes.io/name"]?.GetValue<string>() == "traefik";
            var current = groups.GetValueOrDefault(workload);
            groups[workload] = (current.Meshed + (meshed ? 1 : 0), current.Total + 1, current.Gateway || gateway);
            var labels = pod["metadata"]?["labels"] as JsonObject;
            foreach (var (ns, name, selector) in selectors)
            {
                if (ns == workload.Namespace && selector.All(s => labels?[s.Key]?.GetValue<string>() == s.Value))
                {
                    if (!selecting.TryGetValue(workload, out var names))
                    {
                        selecting[workload] = names = new SortedSet<string>(StringComparer.Ordinal);
                    }
                    names.Add(name);
                }
            }
        }
        return groups.Select(g => new WorkloadInfo(g.Key, g.Value.Meshed, g.Value.Total, g.Value.Gateway,
            selecting.TryGetValue(g.Key, out var names) ? names.ToList() : null)).ToList();
    }

    private static (string Namespace, string Name, Dictionary<string, string> Selector) ServiceSelector(JsonObject service) =>
        (service["metadata"]?["namespace"]?.GetValue<string>() ?? "",
         service["metadata"]?["name"]?.GetValue<string>() ?? "",
         (service["spec"]?["selector"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "") ?? []);

    public static WorkloadRef WorkloadOf(JsonObject pod)
    {
        var metadata = pod["metadata"] as JsonObject;
        var ns = metadata?["namespace"]?.GetValue<string>() ?? "";
        var labels = metadata?["labels"] as JsonObject;
        foreach (var (label, kind) in ProxyLabels)
        {
            if (labels?[label]?.GetValue<string>() is { Length: > 0 } name)
            {
                return new WorkloadRef(ns, kind, name);
            }
        }
        var owner = (metadata?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(o => o["controller"]?.GetValue<bool>() == true)
            ?? (metadata?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var ownerKind = owner?["kind"]?.GetValue<string>();
        var ownerName = owner?["name"]?.GetValue<string>() ?? "";
        var hash = labels?["pod-template-hash"]?.GetValue<string>();
        return ownerKind switch
        {
            "ReplicaSet" when hash is not null && ownerName.EndsWith("-" + hash, StringComparison.Ordinal) =>
                new WorkloadRef(ns, "deployment", ownerName[..^(hash.Length + 1)]),
            null => new WorkloadRef(ns, "pod", metadata?["name"]?.GetValue<string>() ?? ""),
            _ => new WorkloadRef(ns, ownerKind.ToLowerInvariant(), ownerName),
        };
    }

    private static IEnumerable<string> Containers(JsonObject pod) =>
        new[] { "containers", "initContainers" }
            .SelectMany(list => (pod["spec"]?[list] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Select(c => c["name"]?.GetValue<string>() ?? "");
}
