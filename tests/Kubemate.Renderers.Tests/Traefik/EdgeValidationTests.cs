using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Model.Validation;
using Kubemate.Renderers.Tests.Support;

namespace Kubemate.Renderers.Tests.Traefik;

public class EdgeValidationTests
{
    private static EdgeConfiguration Broken()
    {
        var route = new IngressRoute
        {
            Metadata = EdgeObjectMeta.Named("shop", "web"),
            EntryPoints = ["websecure"],
            Routes =
            [
                new RouteRule
                {
                    Match = new RouteMatch { Hosts = ["shop.bank.example", "Bad_Host!", "shop.bank.example"], Paths = [PathMatch.Prefix("/a"), PathMatch.Prefix("/a")] },
                    Services =
                    [
                        new RouteBackend { Name = "shop", Port = BackendPort.Of(8080), Weight = -1 },
                        new RouteBackend { Name = "shop-dr", Port = BackendPort.Of(70000) },
                    ],
                    Middlewares = [new MiddlewareRef { Name = "does-not-exist" }],
                },
            ],
            Tls = new RouteTls { SecretName = "missing-tls" },
        };
        var copy = route with { Metadata = EdgeObjectMeta.Named("shop-copy", "web"), Tls = null };
        return new EdgeConfiguration
        {
            DefaultNamespace = "web",
            IngressRoutes = [route, copy],
            Middlewares =
            [
                new Middleware { Metadata = EdgeObjectMeta.Named("office", "web"), Spec = new IpAllowListMiddleware { SourceRange = ["10.0.0.0/33", "10.1.2.3/8", "not-an-ip"] } },
                new Middleware { Metadata = EdgeObjectMeta.Named("auth", "web"), Spec = new BasicAuthMiddleware { Secret = "no-such-users" } },
            ],
            Services =
            [
                new EdgeService
                {
                    Metadata = EdgeObjectMeta.Named("split", "web"),
                    WeightedBackends = [new RouteBackend { Name = "a", Port = BackendPort.Of(80), Weight = 0 }, new RouteBackend { Name = "b", Port = BackendPort.Of(80), Weight = 0 }],
                },
            ],
            Canaries =
            [
                SampleEdge.ShopCanary with { Metadata = EdgeObjectMeta.Named("too-much", "web"), CanaryPercent = 120 },
            ],
        };
    }

    [Fact]
    public void An_invalid_configuration_is_rejected_with_every_problem_by_field_path_and_nothing_rendered()
    {
        var error = Assert.Throws<ModelValidationException>(() => EdgeRenderer.Render(Broken()));

        var byPath = error.Problems.ToLookup(p => p.Path);
        string[] expected =
        [
            "ingressRoutes[0].routes[0].match.hosts[1]",
            "ingressRoutes[0].routes[0].match.hosts[2]",
            "ingressRoutes[0].routes[0].match.paths[1]",
            "ingressRoutes[0].routes[0].services[0].weight",
            "ingressRoutes[0].routes[0].services[1].port",
            "ingressRoutes[0].routes[0].middlewares[0]",
            "ingressRoutes[0].tls.secretName",
            "ingressRoutes[1].routes[0].match",
            "middlewares[0].spec.sourceRange[0]",
            "middlewares[0].spec.sourceRange[1]",
            "middlewares[0].spec.sourceRange[2]",
            "middlewares[1].spec.secret",
            "services[0].weightedBackends",
            "canaries[0].canaryPercent",
        ];
        Assert.All(expected, path => Assert.True(byPath.Contains(path), $"no problem reported at {path}; got:\n{error.Message}"));
    }

    [Fact]
    public void Problems_say_why_in_words()
    {
        var problems = Broken().Validate().ToList();

        Assert.Contains(problems, p => p.Path == "ingressRoutes[0].routes[0].services[1].port" && p.Reason.Contains("70000 is out of range"));
        Assert.Contains(problems, p => p.Path == "services[0].weightedBackends" && p.Reason.Contains("all weights are zero"));
        Assert.Contains(problems, p => p.Path == "canaries[0].canaryPercent" && p.Reason.Contains("120%"));
        Assert.Contains(problems, p => p.Path == "middlewares[0].spec.sourceRange[1]" && p.Reason.Contains("did you mean 10.0.0.0/8"));
        Assert.Contains(problems, p => p.Path == "ingressRoutes[0].routes[0].middlewares[0]" && p.Reason.Contains("web/does-not-exist is not in the set"));
        Assert.Contains(problems, p => p.Path == "ingressRoutes[0].routes[0].match.hosts[2]" && p.Reason.Contains("duplicate host"));
    }

    [Fact]
    public void The_sample_configuration_is_valid()
    {
        Assert.Empty(SampleEdge.Configuration.Validate());
    }

    [Fact]
    public void A_tls_secret_resolves_through_a_passthrough_secret_a_certificate_or_an_issuer_on_the_route()
    {
        var route = SampleEdge.Admin with { Tls = new RouteTls { SecretName = "given-tls" } };
        var secret = Kubemate.Renderers.Json.KubeObject.Create("v1", "Secret", "given-tls", "web");
        var configuration = SampleEdge.Configuration with { IngressRoutes = [route] };

        Assert.Contains(configuration.Validate(), p => p.Path == "ingressRoutes[0].tls.secretName");
        Assert.DoesNotContain((configuration with { Passthrough = [secret] }).Validate(), p => p.Path.StartsWith("ingressRoutes[0].tls", StringComparison.Ordinal));
    }

    [Fact]
    public void Middlewares_of_other_providers_are_not_resolved_in_the_set_but_must_not_name_a_namespace()
    {
        var rule = SampleEdge.ShopHttp.Routes![0] with { Middlewares = [new MiddlewareRef { Name = "auth@file" }, new MiddlewareRef { Name = "x@file", Namespace = "web" }] };
        var configuration = SampleEdge.Configuration with { IngressRoutes = [SampleEdge.ShopHttp with { Routes = [rule] }] };

        var problems = configuration.Validate().ToList();

        Assert.DoesNotContain(problems, p => p.Path == "ingressRoutes[0].routes[0].middlewares[0]");
        Assert.Contains(problems, p => p.Path == "ingressRoutes[0].routes[0].middlewares[1].namespace");
    }

    [Fact]
    public void A_chain_that_names_a_missing_middleware_is_rejected()
    {
        var chain = new Middleware { Metadata = EdgeObjectMeta.Named("bad-chain", "web"), Spec = new ChainMiddleware { Middlewares = [new MiddlewareRef { Name = "ghost" }] } };
        var configuration = SampleEdge.Configuration with { Middlewares = [.. SampleEdge.Middlewares, chain] };

        Assert.Contains(configuration.Validate(), p => p.Path == $"middlewares[{SampleEdge.Middlewares.Count}].spec.middlewares[0]");
    }

    [Fact]
    public void Tls_below_1_2_and_unknown_cipher_suites_are_rejected()
    {
        var policy = TlsPolicy.Hardened() with { MinVersion = "VersionTLS10", CipherSuites = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_MADE_UP"] };

        var problems = policy.Validate().ToList();

        Assert.Contains(problems, p => p.Path == "minVersion" && p.Reason.Contains("RFC 8996"));
        Assert.Contains(problems, p => p.Path == "cipherSuites[1]");
    }
}
