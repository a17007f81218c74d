namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// Advances the simulated traffic by one tick over a <see cref="ClusterView"/>: per edge, rate × tick requests
/// (fractions carried to the next tick), each from one of the caller's ready pods to a backend chosen by the
/// traffic split and one of its ready endpoints; NetworkPolicy, mesh authorization, faults, retries and timeouts
/// decide the outcome, and the pods' counters record it. Deterministic for a seed and a sequence of views.
/// </summary>
public sealed class TrafficEngine(IReadOnlyList<TrafficEdge> edges, int seed)
{
    /// <summary>linkerd-proxy's outbound connect timeout: how long a caller waits on a dropped connection.</summary>
    public const double ConnectTimeoutMs = 1000;

    private const double DenyLatencyMs = 0.5;
    private const long TcpBytesRead = 512;
    private const long TcpBytesWritten = 256;

    private readonly Random _random = new(seed);
    private readonly Dictionary<TrafficEdge, double> _carry = [];
    private readonly Dictionary<string, PodMetrics> _pods = [];
    private readonly object _lock = new();

    public void Tick(ClusterView view, TimeSpan elapsed)
    {
        lock (_lock)
        {
            var live = view.AllPods.Select(p => p.Uid).ToHashSet();
            foreach (var gone in _pods.Keys.Where(uid => !live.Contains(uid)).ToList())
            {
                _pods.Remove(gone);
            }
            foreach (var edge in edges)
            {
                Run(view, edge, elapsed.TotalSeconds);
            }
        }
    }

    /// <summary>The exposition text of a pod's metrics endpoint (its counters as of the last tick).</summary>
    public string Render(SimulatedPod pod, ProxyFlavour flavour)
    {
        lock (_lock)
        {
            return MetricsOf(pod).For(flavour).Render();
        }
    }

    private void Run(ClusterView view, TrafficEdge edge, double seconds)
    {
        var callers = view.ReadyPodsOf(edge.FromNamespace, edge.FromWorkload);
        if (callers.Count == 0 || view.Service(edge.ToNamespace, edge.ToService) is null)
        {
            _carry.Remove(edge);
            return;
        }
        var backends = Backends(view, edge);
        var expected = edge.RequestsPerSecond * Multiplier(view, edge, backends) * seconds + _carry.GetValueOrDefault(edge);
        var count = (int)Math.Floor(expected);
        _carry[edge] = expected - count;
        var resilience = view.Memo("resilience", (edge.ToNamespace, edge.ToService), () => ResilienceSettings.For(view, edge.ToNamespace, edge.ToService));
        var offset = _random.Next(callers.Count);
        for (var i = 0; i < count; i++)
        {
            Call(view, edge, callers[(offset + i) % callers.Count], backends, resilience);
        }
    }

    /// <summary>The largest traffic multiplier of a fault on any workload behind the edge's Service (1 without one).</summary>
    private static double Multiplier(ClusterView view, TrafficEdge edge, IReadOnlyList<WeightedBackend> backends)
    {
        var multipliers = FaultsBehind(view, edge, backends)
            .Select(f => f.TrafficMultiplier)
            .OfType<double>()
            .ToList();
        return multipliers.Count == 0 ? 1 : multipliers.Max();
    }

    private void Call(ClusterView view, TrafficEdge edge, SimulatedPod caller, IReadOnlyList<WeightedBackend> backends, ResilienceSettings resilience)
    {
        var backend = TrafficSplitResolver.Pick(backends, _random);
        var service = backend?.Service ?? edge.ToService;
        var servicePort = backend?.Port ?? edge.Port;
        // Traefik names the Service a weighted TraefikService chose; behind a mesh split it knows only the apex.
        var traefikService = backend is { ViaTraefikService: true }
            ? TraefikMetrics.ServiceName(edge.ToNamespace, service, servicePort)
            : TraefikMetrics.ServiceName(edge.ToNamespace, edge.ToService, edge.Port);
        var endpoints = backend is null ? null : view.EndpointsOf(edge.ToNamespace, service, servicePort);
        if (endpoints is null || endpoints.Count == 0)
        {
            // The outbound proxy (or Traefik) fails fast without endpoints; an unmeshed caller's failure is invisible.
            RecordCallerOnly(caller, edge, service, traefikService, new CallOutcome(503, edge.IsGrpc ? 14 : null, 1));
            return;
        }
        var (callee, port) = endpoints[_random.Next(endpoints.Count)];
        if (edge.IsTcp)
        {
            // A connection NetworkPolicy drops never opens: no bytes, no connection counted.
            if (Connects(view, caller, callee, port))
            {
                RecordTcp(view, caller, callee, port, service);
            }
            return;
        }
        var meshedCaller = caller.LinkerdMeshed;
        CallOutcome outcome;
        double total = 0;
        var attempt = 0;
        var flags = "-";
        while (true)
        {
            if (Connects(view, caller, callee, port))
            {
                outcome = Serve(view, edge, caller, callee, port);
                flags = "-";
            }
            else
            {
                outcome = new CallOutcome(502, edge.IsGrpc ? 14 : null, ConnectTimeoutMs);
                flags = "UF";
            }
            if (meshedCaller && resilience.PerTryTimeoutMs is { } perTry && outcome.LatencyMs > perTry)
            {
                outcome = new CallOutcome(504, edge.IsGrpc ? 4 : null, perTry);
            }
            total += outcome.LatencyMs;
            attempt++;
            if (!meshedCaller || !outcome.IsFailure || !resilience.Retries(outcome.StatusCode, outcome.GrpcStatus) || attempt > resilience.RetryLimit)
            {
                break;
            }
            (callee, port) = endpoints[_random.Next(endpoints.Count)];
        }
        var final = outcome with { LatencyMs = total };
        if (meshedCaller && resilience.TimeoutMs is { } timeout && total > timeout)
        {
            final = new CallOutcome(504, edge.IsGrpc ? 4 : null, timeout);
            flags = "UT";
        }
        Record(view, caller, callee, port, edge, service, traefikService, final, flags);
    }

    /// <summary>The callee's side of one attempt: authorization, latency, errors; recorded on the callee's proxy.</summary>
    private CallOutcome Serve(ClusterView view, TrafficEdge edge, SimulatedPod caller, SimulatedPod callee, int port)
    {
        var authority = Authority(edge);
        var decision = callee.LinkerdMeshed ? Authorize(view, caller, callee, port) : null;
        CallOutcome outcome;
        if (decision is { Allowed: false })
        {
            outcome = edge.IsGrpc ? new CallOutcome(200, 7, DenyLatencyMs) : new CallOutcome(403, null, DenyLatencyMs);
        }
        else
        {
            var faults = view.FaultsOf(callee).ToList();
            var latency = faults.Select(f => f.Latency).OfType<LatencyDistribution>().FirstOrDefault() ?? new LatencyDistribution(edge.P50Ms, edge.P99Ms);
            var factor = faults.Select(f => f.LatencyFactor).OfType<double>().DefaultIfEmpty(1).Max();
            var latencyMs = (latency.Sample(_random) + DependencyFaults(view, callee).Sum(d => d.Sample(_random))) * factor;
            var errorRate = faults.Select(f => f.ErrorRate).OfType<double>().Append(edge.ErrorRate).Max();
            var failed = _random.NextDouble() < errorRate;
            outcome = (failed, edge.IsGrpc) switch
            {
                (true, true) => new CallOutcome(200, 14, latencyMs),
                (true, false) => new CallOutcome(500, null, latencyMs),
                (false, true) => new CallOutcome(200, 0, latencyMs),
                _ => new CallOutcome(200, null, latencyMs),
            };
        }
        var metrics = MetricsOf(callee);
        if (decision is not null)
        {
            LinkerdProxyMetrics.RecordAuthorization(metrics.Linkerd, caller, callee, port, decision);
            // Label texts depend only on the snapshot: built once per caller, callee and port.
            var key = (caller.Uid, callee.Uid, port, authority);
            LinkerdProxyMetrics.RecordHttp(metrics.Linkerd, view.Memo("inbound", key, () => LinkerdProxyMetrics.Inbound(authority, caller, callee, port, decision)), outcome);
            OpenConnection(metrics, view.Memo("tcp-inbound", key, () => LinkerdProxyMetrics.TcpInbound(caller, callee, port, decision)), caller.Uid);
        }
        if (callee.IstioMeshed)
        {
            IstioMetrics.Record(metrics.Istio, "destination", caller, callee, edge.ToService, edge.IsGrpc, outcome, "-");
        }
        return outcome;
    }

    /// <summary>
    /// Latency faults on the workloads behind the callee's own outgoing edges: a slow database slows its clients.
    /// Memoised on the view, which only this engine's simulator builds and uses, so the edges are always these.
    /// </summary>
    private IReadOnlyList<LatencyDistribution> DependencyFaults(ClusterView view, SimulatedPod callee) =>
        view.Memo("dependency-faults", (callee.Namespace, callee.Workload), () => edges
            .Where(e => e.FromNamespace == callee.Namespace && e.FromWorkload == callee.Workload)
            .Select(dependency => FaultsBehind(view, dependency, Backends(view, dependency))
                .Select(f => f.Latency)
                .OfType<LatencyDistribution>()
                .FirstOrDefault())
            .OfType<LatencyDistribution>()
            .ToList());

    /// <summary>The split of an edge's Service; the Traefik gateway's calls also follow weighted TraefikServices.</summary>
    private static IReadOnlyList<WeightedBackend> Backends(ClusterView view, TrafficEdge edge) =>
        view.Memo("split", edge, () => view.ReadyPodsOf(edge.FromNamespace, edge.FromWorkload).Any(p => p.Traefik)
            ? TrafficSplitResolver.ResolveAtGateway(view, edge.ToNamespace, edge.ToService)
            : TrafficSplitResolver.Resolve(view, edge.ToNamespace, edge.ToService));

    /// <summary>The faults on the pods behind an edge's Service port, through its traffic split.</summary>
    private static IEnumerable<TrafficFault> FaultsBehind(ClusterView view, TrafficEdge edge, IReadOnlyList<WeightedBackend> backends) =>
        backends
            .SelectMany(b => view.EndpointsOf(edge.ToNamespace, b.Service, b.Port ?? edge.Port) ?? [])
            .SelectMany(e => view.FaultsOf(e.Pod));

    private void Record(ClusterView view, SimulatedPod caller, SimulatedPod callee, int port, TrafficEdge edge, string service, string traefikService, CallOutcome outcome, string istioFlags)
    {
        var metrics = MetricsOf(caller);
        if (caller.LinkerdMeshed)
        {
            var key = (callee.Uid, port, service, edge.ToService);
            LinkerdProxyMetrics.RecordHttp(metrics.Linkerd, view.Memo("outbound", key, () => LinkerdProxyMetrics.Outbound(Authority(edge), callee, port, service)), outcome);
            if (istioFlags != "UF")
            {
                OpenConnection(metrics, view.Memo("tcp-outbound", key, () => LinkerdProxyMetrics.TcpOutbound(callee, port, service)), callee.Uid);
            }
        }
        if (caller.IstioMeshed)
        {
            IstioMetrics.Record(metrics.Istio, "source", caller, callee, service, edge.IsGrpc, outcome, istioFlags);
        }
        if (caller.Traefik)
        {
            TraefikMetrics.Record(metrics.Traefik, traefikService, outcome);
        }
    }

    private void RecordCallerOnly(SimulatedPod caller, TrafficEdge edge, string service, string traefikService, CallOutcome outcome)
    {
        var metrics = MetricsOf(caller);
        if (caller.LinkerdMeshed)
        {
            var labels = LabelText.Of(("direction", "outbound"), ("authority", Authority(edge)), ("tls", "no_identity"), ("no_tls_reason", "not_provided_by_service_discovery"),
                ("dst_namespace", edge.ToNamespace), ("dst_service", service));
            LinkerdProxyMetrics.RecordHttp(metrics.Linkerd, labels, outcome);
        }
        if (caller.Traefik)
        {
            TraefikMetrics.Record(metrics.Traefik, traefikService, outcome);
        }
    }

    private void RecordTcp(ClusterView view, SimulatedPod caller, SimulatedPod callee, int port, string service)
    {
        if (caller.LinkerdMeshed)
        {
            var metrics = MetricsOf(caller);
            var labels = LinkerdProxyMetrics.TcpOutbound(callee, port, service);
            LinkerdProxyMetrics.RecordTcp(metrics.Linkerd, labels, metrics.Connections.Add(labels + "|" + callee.Uid), TcpBytesRead, TcpBytesWritten);
        }
        if (callee.LinkerdMeshed)
        {
            var metrics = MetricsOf(callee);
            var labels = LinkerdProxyMetrics.TcpInbound(caller, callee, port, Authorize(view, caller, callee, port));
            LinkerdProxyMetrics.RecordTcp(metrics.Linkerd, labels, metrics.Connections.Add(labels + "|" + caller.Uid), TcpBytesWritten, TcpBytesRead);
        }
    }

    private static void OpenConnection(PodMetrics metrics, string labels, string peer)
    {
        if (metrics.Connections.Add(labels + "|" + peer))
        {
            LinkerdProxyMetrics.RecordTcp(metrics.Linkerd, labels, true, 0, 0);
        }
    }

    /// <summary>Whether NetworkPolicy lets the caller's connection to the callee's port through.</summary>
    private static bool Connects(ClusterView view, SimulatedPod caller, SimulatedPod callee, int port) =>
        view.Memo("netpol", (caller.Uid, callee.Uid, port), () => NetworkPolicyCheck.Allows(view, caller, callee, port));

    private static AuthorizationDecision Authorize(ClusterView view, SimulatedPod caller, SimulatedPod callee, int port) =>
        view.Memo("authz", (caller.Uid, callee.Uid, port), () => MeshAuthorization.Decide(view, caller, callee, port));

    private static string Authority(TrafficEdge edge) => $"{edge.ToService}.{edge.ToNamespace}.svc.cluster.local:{edge.Port}";

    private PodMetrics MetricsOf(SimulatedPod pod)
    {
        if (_pods.TryGetValue(pod.Uid, out var metrics) && metrics.CounterKey == pod.CounterKey)
        {
            return metrics;
        }
        metrics = new PodMetrics(pod);
        if (pod.LinkerdMeshed)
        {
            LinkerdProxyMetrics.Initialise(metrics.Linkerd, pod.StartedAt);
        }
        if (pod.Traefik)
        {
            TraefikMetrics.Initialise(metrics.Traefik, pod.StartedAt);
        }
        _pods[pod.Uid] = metrics;
        return metrics;
    }
}
