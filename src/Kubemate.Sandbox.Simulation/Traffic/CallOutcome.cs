namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// How one HTTP or gRPC request ended: the HTTP status, the gRPC status for gRPC calls, and the latency. Linkerd
/// classifies a response as a failure on a gRPC status other than OK, else on an HTTP 5xx.
/// </summary>
public sealed record CallOutcome(int StatusCode, int? GrpcStatus, double LatencyMs)
{
    public bool IsFailure => GrpcStatus is { } grpc ? grpc != 0 : StatusCode >= 500;

    public string Classification => IsFailure ? "failure" : "success";
}
