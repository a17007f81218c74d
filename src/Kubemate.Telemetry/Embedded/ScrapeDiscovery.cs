using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Model.Drivers;
using Kubemate.Model.Edge;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Embedded;

/// <summary>
/// Chooses scrape targets from a pod list and labels them as the mesh's usual Prometheus job does (the driver's
/// <see cref="ScrapeConvention"/>: phase Pending|Running, the proxy container, its metrics port and path, the
/// control-plane label when the mesh has one), plus the edge gateway's pods (<see cref="GatewayConventions"/>).
/// </summary>
public static class ScrapeDiscovery
{
    public static IReadOnlyList<ScrapeTarget> Targets(IEnumerable<JsonNode?> pods, MeshConventions mesh, GatewayConventions? gateway = null)
    {
        gateway ??= GatewayConventions.Traefik;
        var scrape = mesh.Telemetry.Scrape;
        var controlPlane = mesh.ControlPlane.Select(c => c.Namespace).FirstOrDefault();
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
            var labels = Strings(pod["metadata"]?["labels"]);
            var annotations = Strings(pod["metadata"]?["annotations"]);
            var containers = Containers(pod).ToList();
            var proxy = containers.FirstOrDefault(c => c.Name == scrape.Container);
            if (proxy.Name is not null
                && (scrape.RequiredPodLabel is not { } required || labels.GetValueOrDefault(required) == controlPlane)
                && ProxyPort(scrape, proxy.Ports, annotations) is { } port)
            {
                var path = (scrape.PathAnnotation is { } pathAnnotation ? annotations.GetValueOrDefault(pathAnnotation) : null) ?? scrape.Path;
                targets.Add(new ScrapeTarget($"{scrape.Job}/{ns}/{name}", ns, name, port, path.TrimStart('/'), ProxyJobLabels(ns, name, labels, PodIp(pod) + ":" + port, scrape)));
            }
            else if (labels.GetValueOrDefault(gateway.PodLabel.Key) == gateway.PodLabel.Value
                && containers.SelectMany(c => c.Ports).Where(p => p.Name == gateway.MetricsPortName || p.Number == gateway.MetricsPort).Select(p => p.Number).FirstOrDefault() is { } metricsPort)
            {
                var targetLabels = LabelSet.Of(("job", gateway.ScrapeJob), ("instance", PodIp(pod) + ":" + metricsPort), ("namespace", ns), ("pod", name));
                targets.Add(new ScrapeTarget($"{gateway.ScrapeJob}/{ns}/{name}", ns, name, metricsPort, gateway.MetricsPath, targetLabels));
            }
        }
        return targets;
    }

    /// <summary>The target labels the mesh's scrape job gives a pod: job, instance, namespace, pod and its relabelled pod labels.</summary>
    public static LabelSet ProxyJobLabels(string ns, string pod, IReadOnlyDictionary<string, string> podLabels, string instance, ScrapeConvention scrape)
    {
        var result = new Dictionary<string, string> { ["job"] = scrape.Job, ["instance"] = instance, ["namespace"] = ns, ["pod"] = pod };
        var (mesh, plain) = Relabel(podLabels, scrape);
        foreach (var (key, value) in mesh.Concat(plain))
        {
            result.TryAdd(key, value);
        }
        return LabelSet.From(result);
    }

    /// <summary>The target labels that come from the mesh's own pod labels (renamed or with a mesh prefix cut off).</summary>
    public static IReadOnlyDictionary<string, string> MeshLabels(IReadOnlyDictionary<string, string> podLabels, ScrapeConvention scrape) =>
        Relabel(podLabels, scrape).Mesh;

    private static (Dictionary<string, string> Mesh, Dictionary<string, string> Plain) Relabel(IReadOnlyDictionary<string, string> podLabels, ScrapeConvention scrape)
    {
        var mesh = new Dictionary<string, string>();
        var plain = new Dictionary<string, string>();
        var prefixes = scrape.StrippedLabelPrefixes.OrderByDescending(p => p.Length).ToList();
        foreach (var (key, value) in podLabels.Select(l => (Sanitize(l.Key), l.Value)))
        {
            if (scrape.LabelRenames.FirstOrDefault(r => r.Key == key) is { Value: { } renamed })
            {
                mesh[renamed] = value;
            }
            else if (prefixes.FirstOrDefault(p => key.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
            {
                mesh.TryAdd(key[prefix.Length..], value);
            }
            else
            {
                plain[key] = value;
            }
        }
        return (mesh, plain);
    }

    private static string? ProxyPort(ScrapeConvention scrape, List<(string Name, string Number)> ports, Dictionary<string, string> annotations)
    {
        if (scrape.PortName is { } portName)
        {
            return ports.FirstOrDefault(p => p.Name == portName).Number;
        }
        return scrape.PortAnnotation is { } annotation && annotations.GetValueOrDefault(annotation) is { Length: > 0 } port && port.All(char.IsAsciiDigit) ? port : null;
    }

    private static Dictionary<string, string> Strings(JsonNode? map) =>
        (map as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "") ?? [];

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
