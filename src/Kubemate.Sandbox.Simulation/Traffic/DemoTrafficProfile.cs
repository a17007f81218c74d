using Kubemate.Sandbox.Simulation.Estate;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// The demo bank's traffic: every edge of <see cref="DemoCallGraph.Calls"/> with its rate, latency and error rate.
/// This table is the ground truth the traffic tests recover from the scraped metrics (docs/traffic-simulator.md).
/// </summary>
public static class DemoTrafficProfile
{
    private static readonly Dictionary<(string From, string To), (double Rps, double P50, double P99, double Errors)> Figures = new()
    {
        [("traefik/traefik", "web/frontend")] = (50, 20, 120, 0.002),
        [("web/frontend", "orders/orders")] = (20, 15, 90, 0.002),
        [("web/frontend", "users/users")] = (30, 5, 40, 0.001),
        [("orders/orders", "orders/inventory")] = (20, 8, 50, 0.001),
        [("orders/orders", "payments/payment")] = (8, 25, 150, 0.002),
        [("orders/orders", "users/notifications")] = (5, 4, 25, 0.001),
        [("orders/orders", "data/postgres")] = (40, 2, 15, 0),
        [("orders/inventory", "data/postgres")] = (60, 3, 50, 0),
        [("payments/payment", "payments/fraud-check")] = (8, 12, 80, 0.001),
        [("payments/payment", "users/users")] = (8, 5, 40, 0.001),
        [("users/users", "data/postgres")] = (45, 2, 15, 0),
        [("users/users", "data/redis")] = (90, 1, 4, 0),
    };

    public static IReadOnlyList<TrafficEdge> Edges { get; } = DemoCallGraph.Calls.Select(ToEdge).ToList();

    private static TrafficEdge ToEdge(DemoCall call)
    {
        var key = ($"{call.FromNamespace}/{call.FromWorkload}", $"{call.ToNamespace}/{call.ToService}");
        if (!Figures.TryGetValue(key, out var figures))
        {
            throw new InvalidOperationException($"the demo traffic profile has no figures for {key.Item1} -> {key.Item2}");
        }
        return new TrafficEdge(call.FromNamespace, call.FromWorkload, call.ToNamespace, call.ToService, call.Port, call.Protocol,
            figures.Rps, figures.P50, figures.P99, figures.Errors);
    }
}
