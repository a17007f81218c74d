using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Renderers.Tests.Support;
using Kubemate.Renderers.Traefik;

namespace Kubemate.Renderers.Tests.Traefik;

public class TraefikReadBackTests
{
    public static TheoryData<string> FixtureFiles() => new(Manifests.TraefikFixtureFiles().Select(f => Path.GetRelativePath(Kubemate.Testing.RepoPaths.Fixtures, f)));

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Reading_and_writing_a_fixture_gives_back_every_field_of_every_object(string fixture)
    {
        var input = Manifests.Load(Path.Combine(Kubemate.Testing.RepoPaths.Fixtures, fixture));

        var configuration = TraefikReader.Read(input);
        var output = TraefikWriter.WriteWithPassthrough(configuration);

        Manifests.AssertSameObjects(input, output, fixture);
    }

    [Fact]
    public void Every_fixture_kind_the_model_covers_is_read_into_the_model_not_passed_through()
    {
        var modelled = new[] { "IngressRoute", "Middleware", "TLSOption", "TraefikService" };
        foreach (var file in Manifests.TraefikFixtureFiles())
        {
            var configuration = TraefikReader.Read(Manifests.Load(file));
            Assert.DoesNotContain(configuration.Passthrough, o => o["apiVersion"]!.GetValue<string>() == TraefikApi.ApiVersion && modelled.Contains(o["kind"]!.GetValue<string>()));
        }
    }

    [Fact]
    public void Rules_made_of_hosts_and_paths_are_broken_down_and_others_are_kept_as_expert_rules()
    {
        var configuration = TraefikReader.Read(Manifests.Load(Path.Combine(Kubemate.Testing.RepoPaths.Fixtures, "traefik", "docs", "kubernetes-crd-resource.yml")));
        var route = Assert.Single(configuration.IngressRoutes);
        var first = route.Routes![0].Match!;
        Assert.Equal(["example.net"], first.Hosts);
        Assert.Equal([PathMatch.Prefix("/bar")], first.Paths);
        Assert.False(first.IsExpert);
        Assert.Equal("s2", route.Routes[0].Services![1].Name);
        Assert.Equal("mytransport", route.Routes[0].Services![1].UnknownFields!["serversTransport"]!.GetValue<string>());
        Assert.Equal("my-tls-option", route.Tls!.Options!.Name);
    }

    [Fact]
    public void Middleware_kinds_are_read_into_their_model_types_with_unknown_settings_kept()
    {
        var configuration = TraefikReader.Read(Manifests.Load(Path.Combine(Kubemate.Testing.RepoPaths.Fixtures, "traefik", "crd-provider", "with_ratelimit.yml")));
        var rateLimit = Assert.IsType<RateLimitMiddleware>(Assert.Single(configuration.Middlewares).Spec);
        Assert.Equal(6, rateLimit.Average);
        Assert.Equal("1m", rateLimit.Period);
        Assert.Equal(12, rateLimit.Burst);
        Assert.NotNull(rateLimit.UnknownFields!["redis"]);
        Assert.NotNull(rateLimit.UnknownFields!["sourceCriterion"]);
    }

    [Fact]
    public void A_middleware_kind_the_model_does_not_break_down_is_kept_verbatim()
    {
        var configuration = TraefikReader.Read(Manifests.Load(Path.Combine(Kubemate.Testing.RepoPaths.Fixtures, "traefik", "crd-provider", "with_middleware.yml")));
        var addPrefix = configuration.Middlewares.Single(m => m.Metadata.Name == "addprefix");
        var other = Assert.IsType<OtherMiddleware>(addPrefix.Spec);
        Assert.Equal("addPrefix", other.Kind);
        Assert.Equal("/tobeadded", other.Configuration!["prefix"]!.GetValue<string>());
    }
}
