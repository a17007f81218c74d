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
    ];

    public static TrafficScenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
