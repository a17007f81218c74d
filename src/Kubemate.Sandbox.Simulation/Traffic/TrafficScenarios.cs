namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// A named demo scenario: the fault it creates, and for the slow database the request timeout it makes sure the
/// callers of the slowed service have, so that they time out.
/// </summary>
public sealed record TrafficScenario(string Name, string Description, TrafficFault Fault, ServiceTimeout? Timeout = null, string? RequiredDeployment = null);

/// <summary>A <c>timeout.linkerd.io/request</c> annotation on a Service, written only when the Service has none.</summary>
public sealed record ServiceTimeout(string Namespace, string Service, string Timeout);

public static class TrafficScenarios
{
    public const string TimeoutAnnotation = "timeout.linkerd.io/request";

    public static IReadOnlyList<TrafficScenario> All { get; } =
    [
        new("inventory-slow-db",
            "data/postgres answers slowly (p50 100 ms, p99 2 s instead of 50 ms): inventory's p99 climbs to about 2 s and "
            + "orders' calls to inventory exceed its 1 s request timeout, so orders sees 504s",
            new TrafficFault("data", "inventory-slow-db", "postgres", Latency: new LatencyDistribution(100, 2000)),
            new ServiceTimeout("orders", "inventory", "1s")),
        new("canary-5xx",
            "the canary orders v2 answers 5% of its requests with HTTP 500",
            new TrafficFault("orders", "canary-5xx", "orders", Version: "v2", ErrorRate: 0.05),
            RequiredDeployment: "orders-v2"),
        new("canary-slow",
            "the canary orders v2 answers twice as slowly (latencyFactor 2: p50 30 ms, p99 180 ms instead of 15 and 90)",
            new TrafficFault("orders", "canary-slow", "orders", Version: "v2", LatencyFactor: 2),
            RequiredDeployment: "orders-v2"),
        new("canary-crashloop",
            "the canary orders v2 crash-loops (CrashLoopBackOff, not ready, restarts growing) until the fault is cleared",
            new TrafficFault("orders", "canary-crashloop", "orders", Version: "v2", CrashLoop: true),
            RequiredDeployment: "orders-v2"),
        new("orders-low-traffic",
            "the orders Service receives 0.2 requests/s in all (trafficMultiplier 0.01 of frontend's 20/s), shared by its backends",
            new TrafficFault("orders", "orders-low-traffic", "orders", TrafficMultiplier: LowTrafficMultiplier)),
    ];

    /// <summary>The low-traffic profile's multiplier: frontend's 20 requests/s to orders become 0.2/s.</summary>
    public const double LowTrafficMultiplier = 0.01;

    public static TrafficScenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
