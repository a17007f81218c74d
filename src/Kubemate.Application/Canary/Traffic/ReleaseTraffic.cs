using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.StateMachine;
using Kubemate.Model;
using Kubemate.Model.Drivers;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Traffic;
using Kubemate.Renderers.Traefik;

namespace Kubemate.Application.Canary.Traffic;

/// <summary>
/// The objects that carry a release's traffic, rendered from the mesh-neutral model through the active mesh driver
/// (Linkerd: Gateway API HTTPRoute or SMI TrafficSplit; Istio: VirtualService) or, at the edge, as a weighted
/// TraefikService. Each is named after the release and labelled as its own, so the controller writes only these.
/// A/B mode adds a second split, <c>&lt;release&gt;-ab</c>, whose matched requests go to the canary; on Linkerd
/// the weighted route is the older, so it keeps the requests that match nothing.
/// </summary>
public sealed class ReleaseTraffic(IMeshDriver driver)
{
    public const string ReleaseLabel = "kubemate.io/canary-release";
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedBy = "kubemate";
    public const string AbSuffix = "-ab";

    /// <summary>The objects for <paramref name="traffic"/>; <paramref name="port"/> is the apex Service's port.</summary>
    /// <exception cref="Model.Validation.ModelValidationException">the mesh cannot express the split (every problem named).</exception>
    public IReadOnlyList<JsonObject> Render(string ns, string release, CanaryReleaseSpec spec, DesiredTraffic traffic, int port)
    {
        var objects = spec.Routing == TrafficRouting.Traefik
            ? TraefikRender(ns, release, spec, traffic, port)
            : driver.Render(Splits(ns, release, spec, traffic, port));
        foreach (var obj in objects)
        {
            var metadata = (JsonObject)obj["metadata"]!;
            var labels = metadata["labels"] as JsonObject ?? [];
            labels[ManagedByLabel] = ManagedBy;
            labels[ReleaseLabel] = release;
            metadata["labels"] = labels;
        }
        return objects;
    }

    private List<IMeshModel> Splits(string ns, string release, CanaryReleaseSpec spec, DesiredTraffic traffic, int port)
    {
        var weighted = new TrafficSplit
        {
            Name = release,
            Namespace = ns,
            Service = spec.Service,
            Port = port,
            Backends = [Backend(spec.Stable, 100 - traffic.CanaryWeight, port), Backend(spec.Canary, traffic.CanaryWeight, port)],
        };
        weighted = PortsAsTheMeshWants(weighted);
        if (!traffic.MatchToCanary || spec.Ab is not { } ab)
        {
            return [weighted];
        }
        var matched = new TrafficSplit
        {
            Name = release + AbSuffix,
            Namespace = ns,
            Service = spec.Service,
            Port = port,
            Backends = [Backend(spec.Canary, 100, port)],
            Matches = [.. Matches(ab)],
        };
        matched = PortsAsTheMeshWants(matched);
        // Istio merges no two VirtualServices of one host: the matched split alone, the rest to the Service as usual.
        return driver.Family == "istio" ? [matched] : [weighted, matched];
    }

    /// <summary>
    /// Meshes that route per port need the Service's port (a Gateway API route), others split a whole Service and refuse
    /// one (SMI): the split keeps its ports when the driver accepts them, and goes without when only then it does.
    /// </summary>
    private TrafficSplit PortsAsTheMeshWants(TrafficSplit split)
    {
        if (driver.Validate(split).Count == 0)
        {
            return split;
        }
        var portless = split with { Port = null, Backends = [.. split.Backends.Select(b => b with { Port = null })] };
        return driver.Validate(portless).Count == 0 ? portless : split;
    }

    private static WeightedBackend Backend(string service, int weight, int port) => new() { Service = service, Weight = weight, Port = port };

    /// <summary>One match per header and per cookie (any of them sends a request to the canary).</summary>
    private static IEnumerable<RequestMatch> Matches(AbMatch ab) =>
        ab.Headers.Select(h => new RequestMatch { Headers = [h] })
            .Concat(ab.Cookies.Select(c => new RequestMatch
            {
                Headers = [new HeaderMatch { Name = "cookie", Value = $"(^|.*; ?){Regex.Escape(c.Name)}={Regex.Escape(c.Value)}(;.*)?$", Type = HeaderMatchType.RegularExpression }],
            }));

    private static List<JsonObject> TraefikRender(string ns, string release, CanaryReleaseSpec spec, DesiredTraffic traffic, int port)
    {
        var canary = new EdgeCanary
        {
            Metadata = EdgeObjectMeta.Named(release, ns),
            Stable = new RouteBackend { Name = spec.Stable, Namespace = ns, Port = BackendPort.Of(port) },
            Canary = new RouteBackend { Name = spec.Canary, Namespace = ns, Port = BackendPort.Of(port) },
            CanaryPercent = traffic.MatchToCanary ? 0 : traffic.CanaryWeight,
        };
        return [EdgeServiceCodec.Write(canary.ToEdgeService())];
    }
}
