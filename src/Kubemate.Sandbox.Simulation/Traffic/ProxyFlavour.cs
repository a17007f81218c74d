namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>The metrics endpoints a simulated pod can expose.</summary>
public enum ProxyFlavour
{
    /// <summary>linkerd-proxy's admin port (4191, <c>linkerd-admin</c>), path <c>metrics</c>.</summary>
    Linkerd,

    /// <summary>istio-proxy's merged metrics (15020), path <c>stats/prometheus</c>.</summary>
    Istio,

    /// <summary>Traefik's metrics entry point (9100, <c>metrics</c>), path <c>metrics</c>.</summary>
    Traefik,
}
