using Kubemate.Sandbox.Simulation.Traffic;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Telemetry.Tests.Simulated;

/// <summary>
/// What the demo traffic profile (docs/traffic-simulator.md) says the backends must measure, and the tolerances used
/// against it and between the backends.
/// </summary>
public static class GroundTruth
{
    /// <summary>RPS within 10 % (of the profile, and of the other backend).</summary>
    public const double RpsTolerance = 0.10;

    /// <summary>Success rate within 1 point.</summary>
    public const double SuccessRateTolerance = 0.01;

    /// <summary>linkerd-proxy's <c>response_latency_ms</c> bucket bounds (without +Inf).</summary>
    public static readonly double[] LatencyBuckets =
        [1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500, 1000, 2000, 3000, 4000, 5000, 10000, 20000, 30000, 40000, 50000];

    private static readonly string[] MeshedNamespaces = ["web", "orders", "payments"];

    /// <summary>Meshed callers' HTTP and gRPC edges: what the callers' outbound metrics report.</summary>
    public static IReadOnlyList<TrafficEdge> MeshedCallerEdges =>
        DemoTrafficProfile.Edges.Where(e => !e.IsTcp && MeshedNamespaces.Contains(e.FromNamespace)).ToList();

    /// <summary>Workloads whose inbound metrics exist (meshed callees), each with the one profile edge calling it.</summary>
    public static IReadOnlyList<(WorkloadRef Workload, TrafficEdge Edge)> MeshedCallees =>
        DemoTrafficProfile.Edges.Where(e => !e.IsTcp && MeshedNamespaces.Contains(e.ToNamespace))
            .Select(e => (new WorkloadRef(e.ToNamespace, "deployment", e.ToService), e)).ToList();

    public static WorkloadRef Caller(TrafficEdge edge) => new(edge.FromNamespace, "deployment", edge.FromWorkload);

    public static WorkloadRef Callee(TrafficEdge edge) => new(edge.ToNamespace, "deployment", edge.ToService);

    /// <summary>
    /// Histogram resolution, "within one bucket": the estimate of a quantile whose true value is
    /// <paramref name="truthMs"/> must fall in the truth's bucket or in a neighbouring one. <c>histogram_quantile</c>
    /// interpolates linearly inside a bucket, and a tail quantile from a few hundred samples can cross a bound.
    /// </summary>
    public static (double Low, double High) BucketRange(double truthMs)
    {
        var bucket = Array.FindIndex(LatencyBuckets, bound => bound >= truthMs);
        if (bucket < 0)
        {
            return (LatencyBuckets[^2], double.PositiveInfinity);
        }
        var low = bucket >= 2 ? LatencyBuckets[bucket - 2] : 0;
        var high = bucket + 1 < LatencyBuckets.Length ? LatencyBuckets[bucket + 1] : double.PositiveInfinity;
        return (low, high);
    }

    public static void WithinRps(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= expected * RpsTolerance, $"{what}: RPS {actual:F2}, expected {expected:F2} ± {RpsTolerance:P0}");

    public static void WithinSuccessRate(double expected, double? actual, string what) =>
        Assert.True(actual is { } value && Math.Abs(value - expected) <= SuccessRateTolerance,
            $"{what}: success rate {actual:F4}, expected {expected:F4} ± {SuccessRateTolerance}");

    public static void WithinBucket(double truthMs, double? actualMs, string what)
    {
        var (low, high) = BucketRange(truthMs);
        Assert.True(actualMs is { } value && value >= low && value <= high, $"{what}: {actualMs:F2} ms, expected {truthMs} ms within one bucket: [{low}, {high}]");
    }

    /// <summary>Two backends' latency estimates agree when each is within one bucket of the other.</summary>
    public static void SameBucketResolution(double? a, double? b, string what)
    {
        Assert.True(a is not null && b is not null, $"{what}: a latency is missing ({a}, {b})");
        var (lowA, highA) = BucketRange(a!.Value);
        Assert.True(b!.Value >= lowA && b.Value <= highA, $"{what}: {a:F2} ms and {b:F2} ms are more than one bucket apart");
    }
}
