namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// One edge of the simulated call graph: the pods of a workload calling a Service port at a steady rate. The rate is
/// for the whole calling workload (spread over its pods); latency is a log-normal fitted to (p50, p99) in
/// milliseconds; errors happen at <see cref="ErrorRate"/>. <c>tcp</c> edges carry connections and bytes only.
/// </summary>
public sealed record TrafficEdge(
    string FromNamespace,
    string FromWorkload,
    string ToNamespace,
    string ToService,
    int Port,
    string Protocol,
    double RequestsPerSecond,
    double P50Ms,
    double P99Ms,
    double ErrorRate)
{
    public bool IsTcp => Protocol == "tcp";

    public bool IsGrpc => Protocol == "grpc";
}
