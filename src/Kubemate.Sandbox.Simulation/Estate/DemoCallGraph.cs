namespace Kubemate.Sandbox.Simulation.Estate;

/// <summary>One intended call of the demo estate: a workload calling a service on a port.</summary>
public sealed record DemoCall(string FromNamespace, string FromWorkload, string ToNamespace, string ToService, int Port, string Protocol);

/// <summary>
/// Who calls whom in the demo bank, for the traffic simulator and the docs: the edge gateway calls the frontend,
/// the frontend calls orders and users, orders calls inventory, payment, notifications and the database, payment
/// calls fraud-check and users, and the data tier serves orders, inventory and users.
/// </summary>
public static class DemoCallGraph
{
    public static IReadOnlyList<DemoCall> Calls { get; } =
    [
        new("traefik", "traefik", "web", "frontend", 80, "http"),
        new("web", "frontend", "orders", "orders", 8080, "http"),
        new("web", "frontend", "users", "users", 8080, "http"),
        new("orders", "orders", "orders", "inventory", 9090, "grpc"),
        new("orders", "orders", "payments", "payment", 8080, "http"),
        new("orders", "orders", "users", "notifications", 8080, "http"),
        new("orders", "orders", "data", "postgres", 5432, "tcp"),
        new("orders", "inventory", "data", "postgres", 5432, "tcp"),
        new("payments", "payment", "payments", "fraud-check", 8080, "http"),
        new("payments", "payment", "users", "users", 8080, "http"),
        new("users", "users", "data", "postgres", 5432, "tcp"),
        new("users", "users", "data", "redis", 6379, "tcp"),
    ];
}
