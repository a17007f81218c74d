using System.Text.Json.Nodes;
using Kubemate.Model.Drivers;
using Kubemate.Model.Edge;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Telemetry.Inventory;

/// <summary>
/// Groups pods into workloads: by the workload labels the mesh's scrape job derives from the mesh's own pod labels
/// (Linkerd's <c>linkerd.io/proxy-&lt;kind&gt;</c>), else by owner references. A pod is meshed when it runs the mesh's
/// proxy container; it is the gateway's when it carries the gateway's pod label.
/// </summary>
public static class PodWorkloads
{
    /// <summary>Workloads of the pods; with <paramref name="services"/>, each carries the Services whose selector picks one of its pods.</summary>
    public static IReadOnlyList<WorkloadInfo> FromPods(IEnumerable<JsonNode?> pods, MeshConventions mesh, IEnumerable<JsonNode?>? services = null, GatewayConventions? gateway = null)
    {
        gateway ??= GatewayConventions.Traefik;
        var groups = new Dictionary<WorkloadRef, (int Meshed, int Total, bool Gateway)>();
        var selecting = new Dictionary<WorkloadRef, SortedSet<string>>();
        var selectors = (services ?? []).OfType<JsonObject>().Select(ServiceSelector).Where(s => s.Selector.Count > 0).ToList();
        foreach (var pod in pods.OfType<JsonObject>())
        {
            if (pod["status"]?["phase"]?.GetValue<string>() is "Succeeded" or "Failed")
            {
                continue;
            }
            var workload = WorkloadOf(pod, mesh);
            var meshed = Containers(pod).Any(name => name == mesh.Proxy.ContainerName);
            var isGateway = pod["metadata"]?["labels"]?[gateway.PodLabel.Key]?.GetValue<string>() == gateway.PodLabel.Value;
            var current = groups.GetValueOrDefault(workload);
            groups[workload] = (current.Meshed + (meshed ? 1 : 0), current.Total + 1, current.Gateway || isGateway);
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

    public static WorkloadRef WorkloadOf(JsonObject pod, MeshConventions mesh)
    {
        var metadata = pod["metadata"] as JsonObject;
        var ns = metadata?["namespace"]?.GetValue<string>() ?? "";
        var labels = metadata?["labels"] as JsonObject;
        if (mesh.Telemetry.Scrape.TargetWorkload is { } targetWorkload && labels is not null)
        {
            var meshLabels = ScrapeDiscovery.MeshLabels(labels.ToDictionary(l => l.Key, l => l.Value?.GetValue<string>() ?? ""), mesh.Telemetry.Scrape);
            foreach (var kindLabel in targetWorkload.Kinds.Where(k => k.Kind is not null))
            {
                if (meshLabels.GetValueOrDefault(kindLabel.Label) is { Length: > 0 } name)
                {
                    return new WorkloadRef(ns, kindLabel.Kind!, name);
                }
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
