using Kubemate.Model.Edge.Ingress;
using Kubemate.Renderers.Traefik;

namespace Kubemate.Renderers.Tests.Traefik;

public class TraefikRuleTests
{
    [Fact]
    public void A_host_and_a_path_prefix_make_an_and_rule()
    {
        var rule = TraefikRule.Build(new RouteMatch { Hosts = ["a.example"], Paths = [PathMatch.Prefix("/x")] });

        Assert.Equal("Host(`a.example`) && PathPrefix(`/x`)", rule);
    }

    [Fact]
    public void Several_hosts_or_paths_are_grouped_with_or()
    {
        var rule = TraefikRule.Build(new RouteMatch { Hosts = ["a.example", "b.example"], Paths = [PathMatch.Exact("/x"), PathMatch.Prefix("/y/")] });

        Assert.Equal("(Host(`a.example`) || Host(`b.example`)) && (Path(`/x`) || PathPrefix(`/y/`))", rule);
    }

    [Theory]
    [InlineData("Host(`foo.com`)")]
    [InlineData("PathPrefix(`/misc`)")]
    [InlineData("Host(`foo.com`) && PathPrefix(`/bar`)")]
    [InlineData("(Host(`a.com`) || Host(`b.com`)) && Path(`/exact`)")]
    public void Rules_of_hosts_and_paths_parse_into_hosts_and_paths_and_build_back_the_same(string text)
    {
        var match = TraefikRule.Parse(text);

        Assert.False(match.IsExpert);
        Assert.Equal(text, TraefikRule.Build(match));
    }

    [Theory]
    [InlineData("HostRegexp(`^.+\\.example\\.com$`)")]
    [InlineData("Host(`foo.com`) && Header(`X-Env`, `canary`)")]
    [InlineData("Host(`a.com`)&&PathPrefix(`/x`)")]
    [InlineData("PathPrefix(`/x`) && Host(`a.com`)")]
    [InlineData("Host(`a.com`) || PathPrefix(`/x`)")]
    [InlineData("!Host(`a.com`)")]
    [InlineData("Host(`a.com`,`b.com`)")]
    public void Other_rules_stay_expert_rules_verbatim(string text)
    {
        var match = TraefikRule.Parse(text);

        Assert.True(match.IsExpert);
        Assert.Equal(text, match.ExpertRule);
        Assert.Equal(text, TraefikRule.Build(match));
    }
}
