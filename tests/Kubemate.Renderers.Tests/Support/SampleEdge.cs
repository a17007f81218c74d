using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Alerts;
using Kubemate.Model.Edge.Certificates;
using Kubemate.Model.Edge.Egress;
using Kubemate.Model.Edge.Gateway;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Model.Edge.Network;

namespace Kubemate.Renderers.Tests.Support;

/// <summary>A small bank's edge: a web shop with a canary, an admin site, public and private certificates.</summary>
internal static class SampleEdge
{
    public const string Namespace = "web";

    public static CertificateIssuer PublicAcme => new()
    {
        Metadata = EdgeObjectMeta.Named("public-acme"),
        Acme = new AcmeIssuer { Server = "https://acme.bank.example/directory", Email = "pki@bank.example", AccountKeySecretName = "public-acme-account" },
    };

    public static CertificateIssuer InternalCa => new()
    {
        Metadata = EdgeObjectMeta.Named("bank-internal-ca", Namespace),
        ClusterScoped = false,
        Ca = new CaIssuer { SecretName = "bank-internal-ca" },
    };

    public static ManagedCertificate AdminCertificate => new()
    {
        Metadata = EdgeObjectMeta.Named("admin-internal", Namespace),
        SecretName = "admin-internal-tls",
        DnsNames = ["admin.bank.internal"],
        IssuerRef = new IssuerReference { Name = "bank-internal-ca", Kind = IssuerReference.IssuerKind },
        Duration = "2160h",
        RenewBefore = "360h",
    };

    public static IReadOnlyList<Middleware> Middlewares =>
    [
        Middleware.RedirectToHttps(Namespace),
        Named("rate-limit", new RateLimitMiddleware { Average = 100, Period = "1s", Burst = 200 }),
        Named("in-flight", new InFlightRequestMiddleware { Amount = 500 }),
        Named("strip-api", new StripPrefixMiddleware { Prefixes = ["/api"] }),
        Named("security-headers", new HeadersMiddleware
        {
            StsSeconds = 31536000,
            StsIncludeSubdomains = true,
            StsPreload = true,
            ForceStsHeader = true,
            ContentSecurityPolicy = "default-src 'self'",
            FrameDeny = true,
            ContentTypeNosniff = true,
            ReferrerPolicy = "strict-origin-when-cross-origin",
            CustomResponseHeaders = new Dictionary<string, string> { ["Server"] = "" },
        }),
        Named("admin-auth", new BasicAuthMiddleware { Secret = "admin-users", Realm = "admin" }),
        Named("sso", new ForwardAuthMiddleware { Address = "http://sso.auth.svc.cluster.local:4180/verify", TrustForwardHeader = true, AuthResponseHeaders = ["X-Auth-User"] }),
        Named("office-only", new IpAllowListMiddleware { SourceRange = ["10.20.0.0/16", "192.168.10.5"] }),
        Named("web-defaults", new ChainMiddleware { Middlewares = [new() { Name = "security-headers" }, new() { Name = "rate-limit" }, new() { Name = "in-flight" }] }),
    ];

    public static EdgeCanary ShopCanary => new()
    {
        Metadata = EdgeObjectMeta.Named("shop-canary", Namespace),
        Stable = new RouteBackend { Name = "shop-v1", Port = BackendPort.Of(8080) },
        Canary = new RouteBackend { Name = "shop-v2", Port = BackendPort.Of(8080) },
        CanaryPercent = 10,
    };

    public static IngressRoute ShopHttp => new()
    {
        Metadata = EdgeObjectMeta.Named("shop-http", Namespace),
        EntryPoints = ["web"],
        Routes =
        [
            new RouteRule
            {
                Match = new RouteMatch { Hosts = ["shop.bank.example"] },
                Kind = "Rule",
                Services = [new RouteBackend { Name = "shop-v1", Port = BackendPort.Of(8080) }],
                Middlewares = [new MiddlewareRef { Name = Middleware.RedirectToHttpsName }],
            },
        ],
    };

    public static IngressRoute Shop => new()
    {
        Metadata = EdgeObjectMeta.Named("shop", Namespace),
        EntryPoints = ["websecure"],
        Routes =
        [
            new RouteRule
            {
                Match = new RouteMatch { Hosts = ["shop.bank.example", "www.bank.example"] },
                Kind = "Rule",
                Services = [new RouteBackend { Name = "shop-canary", Kind = RouteBackend.EdgeServiceKind }],
                Middlewares = [new MiddlewareRef { Name = "web-defaults" }],
            },
            new RouteRule
            {
                Match = new RouteMatch { Hosts = ["shop.bank.example"], Paths = [PathMatch.Prefix("/api")] },
                Kind = "Rule",
                Priority = 100,
                Services =
                [
                    new RouteBackend { Name = "shop-api", Port = BackendPort.Named("http"), Weight = 3 },
                    new RouteBackend { Name = "shop-api-dr", Port = BackendPort.Named("http"), Weight = 1 },
                ],
                Middlewares = [new MiddlewareRef { Name = "strip-api" }, new MiddlewareRef { Name = "sso" }],
            },
        ],
        Tls = new RouteTls
        {
            SecretName = "shop-tls",
            Issuer = PublicAcme.Reference(),
            Options = new TlsOptionRef { Name = "hardened" },
        },
    };

    public static IngressRoute Admin => new()
    {
        Metadata = EdgeObjectMeta.Named("admin", Namespace),
        EntryPoints = ["websecure"],
        Routes =
        [
            new RouteRule
            {
                Match = new RouteMatch { Hosts = ["admin.bank.internal"], Paths = [PathMatch.Exact("/admin"), PathMatch.Prefix("/admin/")] },
                Kind = "Rule",
                Services = [new RouteBackend { Name = "admin", Port = BackendPort.Of(80) }],
                Middlewares = [new MiddlewareRef { Name = "office-only" }, new MiddlewareRef { Name = "admin-auth" }],
            },
            new RouteRule
            {
                Match = RouteMatch.Expert("Host(`admin.bank.internal`) && HeaderRegexp(`X-Debug`, `^on$`)"),
                Kind = "Rule",
                Services = [new RouteBackend { Name = "admin-debug", Port = BackendPort.Of(80) }],
            },
        ],
        Tls = new RouteTls { SecretName = "admin-internal-tls", Options = new TlsOptionRef { Name = "hardened" } },
    };

    public static EdgeConfiguration Configuration => new()
    {
        DefaultNamespace = Namespace,
        IngressRoutes = [ShopHttp, Shop, Admin],
        Middlewares = Middlewares,
        TlsPolicies = [TlsPolicy.Hardened("hardened", Namespace)],
        Canaries = [ShopCanary],
        Issuers = [PublicAcme, InternalCa],
        Certificates = [AdminCertificate],
        ExistingSecrets = [new NamespacedName(Namespace, "admin-users")],
    };

    public static GatewayDeploymentProfile HighlyAvailableGateway => new()
    {
        Replicas = 3,
        Autoscaling = new AutoscalingBounds { MinReplicas = 3, MaxReplicas = 9, CpuTargetPercent = 65 },
        Disruption = new DisruptionBudget { MinAvailable = 2 },
        Resources = new ContainerResources { CpuRequest = "500m", MemoryRequest = "256Mi", CpuLimit = "2", MemoryLimit = "1Gi" },
        NodeSelector = new Dictionary<string, string> { ["node-role.bank.example/edge"] = "true" },
        Tolerations = [new NodeToleration { Key = "dedicated", Value = "edge", Effect = "NoSchedule" }],
    };

    public static EgressGatewayBundle Egress => new()
    {
        Destinations =
        [
            new EgressDestination
            {
                Name = "payments-api",
                Host = "api.payments.example",
                SetRequestHeaders = new Dictionary<string, string> { ["X-Bank-Id"] = "BANK01", ["X-Internal-Trace"] = "" },
                Token = new TokenInjection { SecretName = "payments-api-token" },
                Cidrs = ["203.0.113.0/24"],
            },
            new EgressDestination { Name = "rates", Host = "rates.example", Port = 443 },
        ],
        ClientNamespaces = ["orders", "payment"],
        KubernetesApi = new KubernetesApiEndpoint { Cidrs = ["10.96.0.1/32"], Port = 443 },
    };

    public static NetworkAccessRule OrdersToPayment => new()
    {
        Name = "orders-to-payment",
        SourceNamespaces = ["orders"],
        SourcePodLabels = new Dictionary<string, string> { ["app"] = "orders" },
        SourceCidrs = ["10.50.0.0/24"],
        DestinationNamespace = "payment",
        DestinationPodLabels = new Dictionary<string, string> { ["app"] = "payment" },
        Ports = [new NetworkPort(8080)],
    };

    public static NamespaceIsolation PaymentIsolation => new()
    {
        Namespace = "payment",
        NodeCidrs = ["10.0.0.0/24"],
    };

    public static AlertRuleSet Alerts => new()
    {
        Metadata = new EdgeObjectMeta { Name = "kubemate-alerts", Namespace = "monitoring", Labels = new Dictionary<string, string> { ["release"] = "prometheus" } },
    };

    private static Middleware Named(string name, MiddlewareSpec spec) => new() { Metadata = EdgeObjectMeta.Named(name, Namespace), Spec = spec };
}
