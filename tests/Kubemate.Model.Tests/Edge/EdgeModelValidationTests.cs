using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Certificates;
using Kubemate.Model.Edge.Egress;
using Kubemate.Model.Edge.Gateway;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Model.Edge.Pki;

namespace Kubemate.Model.Tests.Edge;

public class EdgeModelValidationTests
{
    [Fact]
    public void A_route_reports_all_its_problems_by_path()
    {
        var route = new IngressRoute
        {
            Metadata = EdgeObjectMeta.Named("Shop!", "Web"),
            EntryPoints = ["web secure", "websecure", "websecure"],
            Routes =
            [
                new RouteRule
                {
                    Match = new RouteMatch { Hosts = ["a.example", "A.example"], Paths = [PathMatch.Prefix("api")], ExpertRule = "Host(`x`)" },
                    Kind = "Regex",
                    Priority = -1,
                    Services = [],
                },
            ],
            Tls = new RouteTls { Issuer = new IssuerReference { Name = "acme", Kind = "Vault" }, CertResolver = "le" },
        };

        var paths = route.Validate().Select(p => p.Path).ToList();

        Assert.Equal(
        [
            "metadata.name", "metadata.namespace", "entryPoints[0]", "entryPoints[2]", "routes[0].match", "routes[0].kind",
            "routes[0].priority", "routes[0].services", "tls.issuer.kind", "tls.secretName", "tls.certResolver",
        ], paths);
    }

    [Fact]
    public void Hosts_repeated_in_another_case_are_duplicates()
    {
        var match = new RouteMatch { Hosts = ["a.example", "b.example", "a.example"] };

        Assert.Contains(match.Validate(), p => p.Path == "hosts[2]" && p.Reason == "duplicate host \"a.example\"");
    }

    [Fact]
    public void A_canary_above_100_percent_or_equal_to_its_stable_backend_is_rejected()
    {
        var backend = new RouteBackend { Name = "shop", Port = BackendPort.Of(80) };
        var canary = new EdgeCanary { Metadata = EdgeObjectMeta.Named("c"), Stable = backend, Canary = backend, CanaryPercent = 101 };

        var problems = canary.Validate().ToList();

        Assert.Contains(problems, p => p.Path == "canaryPercent" && p.Reason == "101% is not a percentage (0 to 100)");
        Assert.Contains(problems, p => p.Path == "canary" && p.Reason == "must differ from the stable backend");
    }

    [Fact]
    public void The_canary_split_becomes_weights_that_add_up_to_100()
    {
        var canary = new EdgeCanary
        {
            Metadata = EdgeObjectMeta.Named("c"),
            Stable = new RouteBackend { Name = "v1", Port = BackendPort.Of(80) },
            Canary = new RouteBackend { Name = "v2", Port = BackendPort.Of(80) },
            CanaryPercent = 25,
        };

        Assert.Equal([75, 25], canary.ToEdgeService().WeightedBackends!.Select(b => b.Weight!.Value));
    }

    [Fact]
    public void Certificate_lifetimes_follow_cert_managers_limits()
    {
        var certificate = new ManagedCertificate
        {
            Metadata = EdgeObjectMeta.Named("c", "web"),
            SecretName = "c-tls",
            DnsNames = ["*.bank.example", "bank.example", "bank.example", "bad name"],
            IssuerRef = new IssuerReference { Name = "ca" },
            Duration = "30m",
            RenewBefore = "1m",
        };

        var problems = certificate.Validate().ToList();

        Assert.Equal(["dnsNames[3]", "dnsNames[2]", "duration", "renewBefore"], problems.Select(p => p.Path));
    }

    [Fact]
    public void Renewing_at_or_before_issue_is_rejected()
    {
        var certificate = new ManagedCertificate
        {
            Metadata = EdgeObjectMeta.Named("c", "web"),
            SecretName = "c-tls",
            DnsNames = ["bank.example"],
            IssuerRef = new IssuerReference { Name = "ca" },
            Duration = "24h",
            RenewBefore = "24h",
        };

        Assert.Contains(certificate.Validate(), p => p.Path == "renewBefore" && p.Reason.Contains("renewed forever"));
    }

    [Fact]
    public void An_issuer_needs_exactly_one_kind_and_a_cluster_issuer_no_namespace()
    {
        var issuer = new CertificateIssuer { Metadata = EdgeObjectMeta.Named("x", "web") };

        Assert.Equal(["metadata.namespace", ""], issuer.Validate().Select(p => p.Path));
        var acme = new AcmeIssuer { Server = "http://acme.example/dir", AccountKeySecretName = "k", Email = "not-an-address" };
        Assert.Equal(["server", "email"], acme.Validate().Select(p => p.Path));
    }

    [Fact]
    public void Middleware_settings_are_checked_per_kind()
    {
        Assert.Equal(["scheme", "port"], new RedirectSchemeMiddleware { Scheme = "ftp", Port = "99999" }.Validate().Select(p => p.Path));
        Assert.Equal(["average", "burst", "period"], new RateLimitMiddleware { Average = 0, Burst = -1, Period = "soon" }.Validate().Select(p => p.Path));
        Assert.Equal(["prefixes[0]"], new StripPrefixMiddleware { Prefixes = ["api"] }.Validate().Select(p => p.Path));
        Assert.Equal(["customRequestHeaders[Bad Header]", "stsSeconds", "customFrameOptionsValue"],
            new HeadersMiddleware { CustomRequestHeaders = new Dictionary<string, string> { ["Bad Header"] = "x" }, StsPreload = true, FrameDeny = true, CustomFrameOptionsValue = "DENY" }.Validate().Select(p => p.Path));
        Assert.Equal(["address"], new ForwardAuthMiddleware { Address = "auth.example" }.Validate().Select(p => p.Path));
        Assert.Equal(["middlewares"], new ChainMiddleware { Middlewares = [] }.Validate().Select(p => p.Path));
    }

    [Fact]
    public void Mesh_pki_lifetimes_must_nest()
    {
        var spec = new MeshIdentityPkiSpec { TrustDomain = "Cluster Local", TrustAnchorValidityDays = 0, IssuerValidityDays = -1 };

        Assert.Equal(["trustDomain", "trustAnchorValidityDays", "issuerValidityDays"], spec.Validate().Select(p => p.Path));
    }

    [Fact]
    public void An_egress_gateway_listens_on_one_port_and_its_namespace_is_not_a_client()
    {
        var bundle = new EgressGatewayBundle
        {
            Gateway = EgressGatewayBundle.ForEgress() with { Ports = [new GatewayPort("egress", 8080, 8080), new GatewayPort("other", 8081, 8081)] },
            Destinations = [new EgressDestination { Name = "api", Host = "api.example", Token = new TokenInjection { SecretName = "t", ValuePrefix = "Bearer '" } }],
            ClientNamespaces = ["egress"],
            KubernetesApi = new KubernetesApiEndpoint { Cidrs = [] },
        };

        Assert.Equal(["gateway.ports", "destinations[0].token.valuePrefix", "clientNamespaces[0]", "kubernetesApi.cidrs"], bundle.Validate().Select(p => p.Path));
    }

    [Fact]
    public void A_disruption_budget_that_keeps_every_replica_would_block_drains()
    {
        var profile = new GatewayDeploymentProfile { Replicas = 2, Disruption = new DisruptionBudget { MinAvailable = 2 } };

        Assert.Contains(profile.Validate(), p => p.Path == "disruption.minAvailable" && p.Reason.Contains("block every node drain"));
    }
}
