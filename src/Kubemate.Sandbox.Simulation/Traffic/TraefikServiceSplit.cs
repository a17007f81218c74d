using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// The split the Traefik gateway applies to its calls to a Service: a weighted TraefikService (<c>traefik.io</c>)
/// that an IngressRoute's route names as a service of <c>kind: TraefikService</c>, and that is either named like the
/// Service (the apex) or lists the Service among its weighted services. Its <c>spec.weighted.services</c> entries of
/// kind Service in the called Service's namespace are the backends (<c>weight</c> default 1, numeric <c>port</c>);
/// nested TraefikServices and other namespaces are not resolved. A TraefikService no route names gets no traffic,
/// as in Traefik. IngressRoutes are taken oldest first, then by name.
/// </summary>
public static class TraefikServiceSplit
{
    public static IReadOnlyList<WeightedBackend>? For(ClusterView view, string ns, string service)
    {
        var routes = view.Objects(ClusterView.IngressRoutes)
            .OrderBy(r => r.GetString("metadata", "creationTimestamp"), StringComparer.Ordinal)
            .ThenBy(r => r.Namespace(), StringComparer.Ordinal)
            .ThenBy(r => r.Name(), StringComparer.Ordinal);
        foreach (var ingressRoute in routes)
        {
            var references = (ingressRoute.At("spec", "routes") as JsonArray ?? []).OfType<JsonObject>()
                .SelectMany(route => (route["services"] as JsonArray ?? []).OfType<JsonObject>())
                .Where(reference => reference.GetString("kind") == "TraefikService" && reference.GetString("name") is not null);
            foreach (var reference in references)
            {
                var referenceNamespace = reference.GetString("namespace") ?? ingressRoute.Namespace() ?? "";
                if (referenceNamespace != ns
                    || view.ObjectsIn(ClusterView.TraefikServices, ns).FirstOrDefault(t => t.Name() == reference.GetString("name")) is not { } traefikService)
                {
                    continue;
                }
                var backends = Weighted(traefikService, ns);
                if (backends.Count > 0 && (traefikService.Name() == service || backends.Any(b => b.Service == service)))
                {
                    return backends;
                }
            }
        }
        return null;
    }

    private static List<WeightedBackend> Weighted(JsonObject traefikService, string ns) =>
        (traefikService.At("spec", "weighted", "services") as JsonArray ?? []).OfType<JsonObject>()
            .Where(s => (s.GetString("kind") ?? "Service") == "Service" && (s.GetString("namespace") ?? ns) == ns && s.GetString("name") is not null)
            .Select(s => new WeightedBackend(s.GetString("name")!, s.GetLong("weight") ?? 1, Port(s["port"]), ViaTraefikService: true))
            .ToList();

    private static int? Port(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var port) ? port : null;
}
