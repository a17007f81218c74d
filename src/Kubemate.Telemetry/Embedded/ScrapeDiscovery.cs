using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Embedded;

/// <summary>
/// Chooses scrape targets from a pod list and labels them as linkerd-viz' <c>linkerd-proxy</c> job does
/// (phase Pending|Running; container <c>linkerd-proxy</c> with port <c>linkerd-admin</c>; the pod's
/// <c>linkerd.io/control-plane-ns</c> label equal to the Linkerd namespace), plus Traefik pods for the gateway.
/// </summary>
public static class ScrapeDiscovery
{
    public const string ProxyJob = "linkerd-proxy";
    public const string TraefikJob = "traefik";

    public static IReadOnlyList<ScrapeTarget> Targets(IEnumerable<JsonNode?> pods, string linkerdNamespace = "linkerd", string proxyContainer = "linkerd-proxy")
    {
        var targets = new List<ScrapeTarget>();
        foreach (var pod in pods.OfType<JsonObject>())
        {
            var phase = pod["status"]?["phase"]?.GetValue<string>() ?? "Pending";
            if (phase is not ("Pending" or "Running"))
            {
                continue;
            }
            var ns = pod["metadata"]?["namespace"]?.GetValue<string>() ?? "";
            var name = pod["metadata"]?["name"]?.GetValue<string>() ?? "";
            var labels = (pod["metadata"]?["labels"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "") ?? [];
            var containers = Containers(pod).ToList();
            if (labels.GetValueOrDefault("linkerd.io/control-plane-ns") == linkerdNamespace
                && containers.Any(c => c.Name == proxyContainer && c.Ports.Any(p => p.Name == "linkerd-admin")))
            {
                var port = containers.First(c => c.Name == proxyContainer).Ports.First(p => p.Name == "linkerd-admin").Number;
                targets.Add(new ScrapeTarget($"{ProxyJob}/{ns}/{name}", ns, name, port, "metrics", ProxyJobLabels(ns, name, labels, PodIp(pod) + ":" + port)));
            }
            else if (labels.GetValueOrDefault("app.kubernetes.io/name") == "traefik"
                && containers.SelectMany(c => c.Ports).Where(p => p.Name == "metrics" || p.Number == "9100").Select(p => p.Number).FirstOrDefault() is { } metricsPort)
            {
                var targetLabels = LabelSet.Of(("job", TraefikJob), ("instance", PodIp(pod) + ":" + metricsPort), ("namespace", ns), ("pod", name));
                targets.Add(new ScrapeTarget($"{TraefikJob}/{ns}/{name}", ns, name, metricsPort, "metrics", targetLabels));
            }
        }
        return targets;
    }

    /// <summary>The target labels the linkerd-proxy job's relabelling produces from a pod.</summary>
    public static LabelSet ProxyJobLabels(string ns, string pod, IReadOnlyDictionary<string, string> podLabels, string instance)
    {
        var result = new Dictionary<string, string> { ["job"] = ProxyJob, ["instance"] = instance, ["namespace"] = ns, ["pod"] = pod };
        var meta = podLabels.ToDictionary(l => Sanitize(l.Key), l => l.Value);
        if (meta.Remove("linkerd_io_proxy_job", out var job))
        {
            result["k8s_job"] = job;
        }
        foreach (var (key, value) in meta.Where(m => m.Key.StartsWith("linkerd_io_proxy_", StringComparison.Ordinal)).ToList())
        {
            result[key["linkerd_io_proxy_".Length..]] = value;
            meta.Remove(key);
        }
        foreach (var (key, value) in meta)
        {
            result[key.StartsWith("linkerd_io_", StringComparison.Ordinal) ? key["linkerd_io_".Length..] : key] = value;
        }
        return LabelSet.From(result);
    }

    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
        return text.ToString();
    }

    private static string PodIp(JsonObject pod) => pod["status"]?["podIP"]?.GetValue<string>() ?? "0.0.0.0";

    private static IEnumerable<(string Name, List<(string Name, string Number)> Ports)> Containers(JsonObject pod)
    {
        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var container in (pod["spec"]?[list] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                var ports = (container["ports"] as JsonArray)?.OfType<JsonObject>()
                    .Select(p => (p["name"]?.GetValue<string>() ?? "", p["containerPort"]?.ToString() ?? ""))
                    .ToList() ?? [];
                yield return (container["name"]?.GetValue<string>() ?? "", ports);
            }
        }
    }
}
