using Kubemate.Model;
using Kubemate.Model.Access;
using Kubemate.Model.Collections;
using Kubemate.Model.Injection;
using Kubemate.Model.References;
using Kubemate.Model.Resilience;
using Kubemate.Model.Traffic;

namespace Kubemate.Drivers.Tests.Support;

/// <summary>Models of the demo bank, covering every model feature at least once.</summary>
public static class SampleModels
{
    public static TrafficSplit Canary => new()
    {
        Name = "payment-canary",
        Namespace = "payment",
        Service = "payment",
        Port = 8080,
        Backends = [new() { Service = "payment-stable", Weight = 90 }, new() { Service = "payment-canary", Weight = 10 }],
    };

    public static TrafficSplit ABTest => Canary with
    {
        Name = "payment-ab",
        Backends = [new() { Service = "payment-canary", Weight = 100 }],
        Matches = [new() { Headers = [new() { Name = "x-canary", Value = "always" }] }, new() { PathPrefix = "/beta", Method = "GET" }],
    };

    /// <summary>A split for meshes without ports or matches (SMI).</summary>
    public static TrafficSplit SmiCanary => Canary with { Port = null };

    public static TrafficSplit SubsetCanary => Canary with
    {
        Name = "payment-versions",
        Backends =
        [
            new() { Service = "payment", Weight = 80, Subset = new() { Name = "v1", Labels = ValueMap.Of(("version", "v1")) } },
            new() { Service = "payment", Weight = 20, Subset = new() { Name = "v2", Labels = ValueMap.Of(("version", "v2")) } },
        ],
    };

    public static AccessIntent OrdersMayPay => new()
    {
        Name = "orders-to-payment",
        Namespace = "payment",
        To = new AccessTarget { Pods = LabelSelector.Labels(("app", "payment")), Port = 8080 },
        From =
        [
            AccessSource.From(Peer.ForServiceAccount("orders", "orders"), Peer.ForNamespace("checkout")),
            AccessSource.FromNetworks(new NetworkBlock { Cidr = "10.20.0.0/16", Except = ["10.20.99.0/24"] }),
        ],
        Http = [new HttpAccessRule { Methods = ["POST"], PathPrefixes = ["/api/pay"] }],
    };

    public static AccessIntent AnyMeshedMayReadCatalog => new()
    {
        Name = "catalog-readers",
        Namespace = "inventory",
        To = new AccessTarget { Pods = LabelSelector.Labels(("app", "inventory")), Port = 9090 },
        From = [AccessSource.From(Peer.AnyMeshed)],
        Http = [new HttpAccessRule { Methods = ["GET", "HEAD"] }],
    };

    /// <summary>Linkerd-only target settings: a named port, protocol, per-port default, selector expressions.</summary>
    public static AccessIntent LinkerdAdminPort => new()
    {
        Name = "proxy-admin",
        Namespace = "payment",
        To = new AccessTarget
        {
            Name = "payment-admin",
            Pods = new LabelSelector { MatchExpressions = [new() { Key = "app", Operator = "In", Values = ["payment", "orders"] }] },
            Port = PortRef.Named("linkerd-admin"),
            Protocol = AppProtocol.Http1,
            DefaultPolicy = InboundPolicyMode.Deny,
        },
        From = [new AccessSource { Unauthenticated = true }],
    };

    public static ResiliencePolicy IdempotentRetries => new()
    {
        Name = "payment-reads",
        Namespace = "payment",
        Service = "payment",
        Port = 8080,
        Matches = [new() { Method = "GET", PathPrefix = "/api" }, new() { Method = "HEAD", PathPrefix = "/api" }],
        Retry = new RetryPolicy { On = ["5xx", "gateway-error"], Limit = 3, PerTryTimeout = "500ms" },
        Timeouts = new RouteTimeouts { Request = "3s" },
    };

    public static ResiliencePolicy GrpcRetries => new()
    {
        Name = "inventory-grpc",
        Namespace = "inventory",
        Service = "inventory",
        Port = 9090,
        Protocol = RouteProtocol.Grpc,
        Matches = [new() { GrpcService = "bank.Inventory", GrpcMethod = "Reserve" }],
        Retry = new RetryPolicy { On = ["unavailable", "resource-exhausted"], Limit = 2 },
    };

    public static ResiliencePolicy ServiceTimeouts => new()
    {
        Name = "users",
        Namespace = "users",
        Service = "users",
        Timeouts = new RouteTimeouts { Request = "2s", Response = "1s", Idle = "30s" },
    };

    public static InboundPolicy DenyByDefault => new() { Name = "payment", Default = InboundPolicyMode.Deny };

    public static InboundPolicy AuthenticatedOnly => new() { Name = "orders", Default = InboundPolicyMode.AllAuthenticated };

    public static MeshInjection MeshThePaymentNamespace => new() { Target = InjectionTarget.ForNamespace("payment"), Enabled = true };

    public static MeshInjection DatabaseBypass => new()
    {
        Target = InjectionTarget.ForWorkload("Deployment", "orders", "orders"),
        Enabled = true,
        SkipOutboundPorts = ["5432", "6379"],
        SkipInboundPorts = ["9100"],
    };

    public static MeshInjection LinkerdPortSettings => new()
    {
        Target = InjectionTarget.ForWorkload("CronJob", "nightly-report", "orders"),
        SkipOutboundPorts = ["5432", "6000-6100"],
        OpaquePorts = ["3306", "mysql"],
    };

    public static IReadOnlyList<IMeshModel> ForLinkerd =>
    [
        Canary, ABTest, OrdersMayPay, AnyMeshedMayReadCatalog, LinkerdAdminPort, IdempotentRetries, GrpcRetries, ServiceTimeouts,
        DenyByDefault, AuthenticatedOnly, MeshThePaymentNamespace, DatabaseBypass, LinkerdPortSettings,
    ];

    public static IReadOnlyList<IMeshModel> ForSmi => [SmiCanary];

    public static IReadOnlyList<IMeshModel> ForIstio =>
    [
        Canary, ABTest, SubsetCanary, OrdersMayPay, AnyMeshedMayReadCatalog, IdempotentRetries, GrpcRetries,
        DenyByDefault, AuthenticatedOnly, MeshThePaymentNamespace, DatabaseBypass,
    ];
}
