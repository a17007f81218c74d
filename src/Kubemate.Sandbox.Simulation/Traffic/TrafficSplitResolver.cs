using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// A backend Service a call to an apex Service goes to, with its weight; <paramref name="Port"/> when the split names
/// the Service port to call (else the caller's port), <paramref name="ViaTraefikService"/> when a weighted
/// TraefikService chose it (Traefik then names the backend itself in its metrics).
/// </summary>
public sealed record WeightedBackend(string Service, double Weight, int? Port = null, bool ViaTraefikService = false);

/// <summary>
/// How calls to a Service divide among backend Services: a Gateway API or Linkerd HTTPRoute whose parentRef is the
/// Service (first rule without matches, else the first rule), an SMI TrafficSplit for it, or an Istio
/// VirtualService naming it (first http route). Without any, the Service itself takes every call.
/// </summary>
public static class TrafficSplitResolver
{
    public static IReadOnlyList<WeightedBackend> Resolve(ClusterView view, string ns, string service) =>
        FromHttpRoutes(view, ns, service) ?? FromTrafficSplits(view, ns, service) ?? FromVirtualServices(view, ns, service) ?? [new(service, 1)];

    /// <summary>
    /// How the Traefik gateway's calls to a Service divide: by a weighted TraefikService an IngressRoute routes to
    /// (see <see cref="TraefikServiceSplit"/>), else as any caller's.
    /// </summary>
    public static IReadOnlyList<WeightedBackend> ResolveAtGateway(ClusterView view, string ns, string service) =>
        TraefikServiceSplit.For(view, ns, service) ?? Resolve(view, ns, service);

    /// <summary>Picks a backend in proportion to the weights; null when all weights are zero.</summary>
    public static WeightedBackend? Pick(IReadOnlyList<WeightedBackend> backends, Random random)
    {
        var total = backends.Sum(b => b.Weight);
        if (total <= 0)
        {
            return null;
        }
        var point = random.NextDouble() * total;
        foreach (var backend in backends)
        {
            point -= backend.Weight;
            if (point < 0 && backend.Weight > 0)
            {
                return backend;
            }
        }
        return backends.Last(b => b.Weight > 0);
    }

    /// <summary>HTTPRoutes (Gateway API and Linkerd's) whose parentRefs include the Service.</summary>
    public static IEnumerable<JsonObject> RoutesFor(ClusterView view, string ns, string service) =>
        view.ObjectsIn(ClusterView.GatewayHttpRoutes, ns).Concat(view.ObjectsIn(ClusterView.LinkerdHttpRoutes, ns))
            .Where(route => (route.At("spec", "parentRefs") as JsonArray ?? []).OfType<JsonObject>().Any(parent =>
                parent.GetString("kind") == "Service"
                && (parent.GetString("group") ?? "core") is "core" or ""
                && parent.GetString("name") == service
                && (parent.GetString("namespace") ?? ns) == ns))
            .OrderBy(route => route.GetString("metadata", "creationTimestamp"), StringComparer.Ordinal)
            .ThenBy(route => route.Name(), StringComparer.Ordinal);

    private static IReadOnlyList<WeightedBackend>? FromHttpRoutes(ClusterView view, string ns, string service)
    {
        foreach (var route in RoutesFor(view, ns, service))
        {
            var rules = (route.At("spec", "rules") as JsonArray ?? []).OfType<JsonObject>().ToList();
            var rule = rules.FirstOrDefault(r => r["matches"] is not JsonArray { Count: > 0 }) ?? rules.FirstOrDefault();
            var refs = (rule?["backendRefs"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(b => (b.GetString("kind") ?? "Service") == "Service" && (b.GetString("namespace") ?? ns) == ns && b.GetString("name") is not null)
                .Select(b => new WeightedBackend(b.GetString("name")!, b.GetLong("weight") ?? 1))
                .ToList();
            if (refs.Count > 0)
            {
                return refs;
            }
        }
        return null;
    }

    private static IReadOnlyList<WeightedBackend>? FromTrafficSplits(ClusterView view, string ns, string service)
    {
        var split = view.ObjectsIn(ClusterView.TrafficSplits, ns).FirstOrDefault(s => s.GetString("spec", "service") == service);
        var backends = (split?.At("spec", "backends") as JsonArray ?? []).OfType<JsonObject>()
            .Where(b => b.GetString("service") is not null)
            .Select(b => new WeightedBackend(b.GetString("service")!, Weight(b["weight"])))
            .ToList();
        return backends.Count > 0 ? backends : null;
    }

    private static IReadOnlyList<WeightedBackend>? FromVirtualServices(ClusterView view, string ns, string service)
    {
        foreach (var virtualService in view.ObjectsIn(ClusterView.VirtualServices, ns))
        {
            var hosts = (virtualService.At("spec", "hosts") as JsonArray ?? []).Select(h => h?.GetValue<string>()).OfType<string>();
            if (!hosts.Any(h => ServiceOfHost(h, ns) == service))
            {
                continue;
            }
            var http = (virtualService.At("spec", "http") as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault();
            var routes = (http?["route"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var backends = routes
                .Where(r => r.GetString("destination", "host") is not null)
                .Select(r => new WeightedBackend(ServiceOfHost(r.GetString("destination", "host")!, ns) ?? "", r.GetLong("weight") ?? (routes.Count == 1 ? 100 : 0)))
                .Where(b => b.Service.Length > 0)
                .ToList();
            if (backends.Count > 0)
            {
                return backends;
            }
        }
        return null;
    }

    /// <summary>The Service a host names in <paramref name="ns"/>: <c>svc</c>, <c>svc.ns</c>, <c>svc.ns.svc.cluster.local</c>.</summary>
    private static string? ServiceOfHost(string host, string ns)
    {
        var parts = host.Split('.');
        return parts.Length == 1 || parts[1] == ns ? parts[0] : null;
    }

    /// <summary>SMI weights are integers (v1alpha2+) or quantities such as <c>500m</c> (v1alpha1).</summary>
    private static double Weight(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<double>(out var number))
        {
            return number;
        }
        var text = node?.ToString() ?? "0";
        return text.EndsWith('m') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var milli)
            ? milli / 1000
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
    }
}
