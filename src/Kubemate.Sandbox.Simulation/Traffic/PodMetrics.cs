namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>The counters of one pod for one life (uid and restart count): a restart or a new pod starts afresh.</summary>
public sealed class PodMetrics(SimulatedPod pod)
{
    public string CounterKey { get; } = pod.CounterKey;
    public MetricSet Linkerd { get; } = new();
    public MetricSet Istio { get; } = new();
    public MetricSet Traefik { get; } = new();

    /// <summary>Connections already opened (caller, callee, port), so each counts once in <c>tcp_open_total</c>.</summary>
    public HashSet<string> Connections { get; } = [];

    public MetricSet For(ProxyFlavour flavour) => flavour switch
    {
        ProxyFlavour.Linkerd => Linkerd,
        ProxyFlavour.Istio => Istio,
        _ => Traefik,
    };
}
