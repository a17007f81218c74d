using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// An immutable snapshot of the cluster state the traffic depends on, read from the sandbox's store (its own API
/// state). Kinds whose CRD is not installed are simply empty. <see cref="Fingerprint"/> changes whenever any of the
/// resources is written, so a view is rebuilt only when something changed.
/// </summary>
public sealed class ClusterView
{
    public const string Pods = "/pods";
    public const string Services = "/services";
    public const string Endpoints = "/endpoints";
    public const string Namespaces = "/namespaces";
    public const string GatewayHttpRoutes = "gateway.networking.k8s.io/httproutes";
    public const string LinkerdHttpRoutes = "policy.linkerd.io/httproutes";
    public const string TrafficSplits = "split.smi-spec.io/trafficsplits";
    public const string VirtualServices = "networking.istio.io/virtualservices";
    public const string Servers = "policy.linkerd.io/servers";
    public const string AuthorizationPolicies = "policy.linkerd.io/authorizationpolicies";
    public const string MeshTlsAuthentications = "policy.linkerd.io/meshtlsauthentications";
    public const string NetworkAuthentications = "policy.linkerd.io/networkauthentications";
    public const string NetworkPolicies = "networking.k8s.io/networkpolicies";
    public const string IngressRoutes = "traefik.io/ingressroutes";
    public const string TraefikServices = "traefik.io/traefikservices";

    public static IReadOnlyList<string> Resources { get; } =
    [
        Pods, Services, Endpoints, Namespaces, GatewayHttpRoutes, LinkerdHttpRoutes, TrafficSplits, VirtualServices, Servers,
        AuthorizationPolicies, MeshTlsAuthentications, NetworkAuthentications, NetworkPolicies, IngressRoutes, TraefikServices,
        TrafficFaultCrd.StorageKey,
    ];

    private readonly Dictionary<string, List<JsonObject>> _objects;
    private readonly Dictionary<(string Namespace, string Name), JsonObject> _services;
    private readonly Dictionary<(string Namespace, string Name), JsonObject> _endpoints;
    private readonly Dictionary<string, JsonObject> _namespaces;
    private readonly Dictionary<(string Namespace, string Workload), List<SimulatedPod>> _podsByWorkload;
    private readonly Dictionary<(string Namespace, string Name), SimulatedPod> _podsByName;
    private readonly Dictionary<(string Kind, object Key), object?> _memo = [];

    private ClusterView(ObjectStore store, string fingerprint)
    {
        Fingerprint = fingerprint;
        _objects = Resources.ToDictionary(r => r, r => store.List(r).Items.Select(i => i.Object).ToList());
        AllPods = _objects[Pods].Select(SimulatedPod.From).ToList();
        _podsByName = AllPods.ToDictionary(p => (p.Namespace, p.Name));
        _podsByWorkload = AllPods.GroupBy(p => (p.Namespace, p.Workload)).ToDictionary(g => g.Key, g => g.ToList());
        _services = _objects[Services].ToDictionary(s => (s.Namespace() ?? "", s.Name()));
        _endpoints = _objects[Endpoints].ToDictionary(s => (s.Namespace() ?? "", s.Name()));
        _namespaces = _objects[Namespaces].ToDictionary(n => n.Name());
        Faults = _objects[TrafficFaultCrd.StorageKey].Select(TrafficFault.FromObject).ToList();
    }

    public string Fingerprint { get; }

    public IReadOnlyList<SimulatedPod> AllPods { get; }

    public IReadOnlyList<TrafficFault> Faults { get; }

    public static string FingerprintOf(ObjectStore store) => string.Join(",", Resources.Select(store.LastWrite));

    public static ClusterView Build(ObjectStore store) => new(store, FingerprintOf(store));

    public IReadOnlyList<JsonObject> Objects(string resource) => _objects.GetValueOrDefault(resource) ?? [];

    public IEnumerable<JsonObject> ObjectsIn(string resource, string ns) => Objects(resource).Where(o => o.Namespace() == ns);

    public JsonObject? Service(string ns, string name) => _services.GetValueOrDefault((ns, name));

    public JsonObject? Namespace(string name) => _namespaces.GetValueOrDefault(name);

    public IReadOnlyDictionary<string, string> NamespaceLabels(string name) =>
        new Dictionary<string, string>(Namespace(name).Labels()) { ["kubernetes.io/metadata.name"] = name };

    public SimulatedPod? Pod(string ns, string name) => _podsByName.GetValueOrDefault((ns, name));

    /// <summary>The ready pods of a workload (Deployment, StatefulSet …) in the order of their names.</summary>
    public IReadOnlyList<SimulatedPod> ReadyPodsOf(string ns, string workload) =>
        _podsByWorkload.TryGetValue((ns, workload), out var pods) ? pods.Where(p => p.Ready).ToList() : [];

    /// <summary>
    /// The ready endpoints of a Service port: each selected pod with the port number it listens on. Null when the
    /// Service or the port does not exist.
    /// </summary>
    public IReadOnlyList<(SimulatedPod Pod, int TargetPort)>? EndpointsOf(string ns, string service, int servicePort) =>
        Memo("endpoints", (ns, service, servicePort), () => ResolveEndpoints(ns, service, servicePort));

    /// <summary>
    /// Computes a value derived from this snapshot once (the view never changes). Not thread-safe: the simulator
    /// uses a view from one tick at a time.
    /// </summary>
    public T Memo<T>(string kind, object key, Func<T> compute)
    {
        if (_memo.TryGetValue((kind, key), out var known))
        {
            return (T)known!;
        }
        var value = compute();
        _memo[(kind, key)] = value;
        return value;
    }

    private List<(SimulatedPod Pod, int TargetPort)>? ResolveEndpoints(string ns, string service, int servicePort)
    {
        if (Service(ns, service) is not { } svc)
        {
            return null;
        }
        var ports = (svc.At("spec", "ports") as JsonArray ?? []).OfType<JsonObject>().ToList();
        var port = ports.FirstOrDefault(p => p.GetLong("port") == servicePort);
        if (port is null)
        {
            return null;
        }
        var portName = port.GetString("name");
        var result = new List<(SimulatedPod, int)>();
        if (!_endpoints.TryGetValue((ns, service), out var endpoints))
        {
            return result;
        }
        foreach (var subset in (endpoints["subsets"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var subsetPorts = (subset["ports"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var target = subsetPorts.FirstOrDefault(p => p.GetString("name") == portName) ?? (subsetPorts.Count == 1 ? subsetPorts[0] : null);
            if (target?.GetLong("port") is not { } targetPort)
            {
                continue;
            }
            foreach (var address in (subset["addresses"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (address.GetString("targetRef", "name") is { } podName && Pod(ns, podName) is { Ready: true } pod)
                {
                    result.Add((pod, (int)targetPort));
                }
            }
        }
        return result;
    }

    /// <summary>The faults that select <paramref name="pod"/>: same namespace, its workload (or app label) and version.</summary>
    public IEnumerable<TrafficFault> FaultsOf(SimulatedPod pod) => Faults.Where(f => Selects(f, pod));

    public static bool Selects(TrafficFault fault, SimulatedPod pod) =>
        fault.Namespace == pod.Namespace
        && (fault.Workload == pod.Workload || fault.Workload == pod.Labels.GetValueOrDefault("app") || fault.Workload == pod.Labels.GetValueOrDefault("app.kubernetes.io/name"))
        && (fault.Version is null || fault.Version == pod.Version);
}
