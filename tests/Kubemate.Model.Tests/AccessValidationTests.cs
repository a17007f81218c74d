using Kubemate.Model.Access;
using Kubemate.Model.References;

namespace Kubemate.Model.Tests;

public class AccessValidationTests
{
    private static readonly AccessIntent Valid = new()
    {
        Name = "orders-to-payment",
        Namespace = "payment",
        To = new AccessTarget { Pods = LabelSelector.Labels(("app", "payment")), Port = 8080 },
        From = [AccessSource.From(Peer.ForServiceAccount("orders", "orders"))],
        Http = [new HttpAccessRule { Methods = ["POST"], PathPrefixes = ["/api/pay"] }],
    };

    [Fact]
    public void Orders_may_post_to_payment_is_a_valid_intent() => Assert.Empty(Valid.Validate());

    [Theory]
    [InlineData("10.0.0.0", "not a CIDR")]
    [InlineData("10.0.0.0/33", "prefix length 33")]
    [InlineData("10.0.0.1/8", "host bits set")]
    [InlineData("fd00::/129", "prefix length 129")]
    [InlineData("banana/8", "not a CIDR")]
    public void Bad_cidrs_are_reported_with_the_reason(string cidr, string reason)
    {
        var intent = Valid with { From = [AccessSource.FromNetworks(new NetworkBlock { Cidr = cidr })] };

        var problem = Assert.Single(intent.Validate());
        Assert.Equal("from[0].networks[0].cidr", problem.Path);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_must_lie_inside_its_network()
    {
        var intent = Valid with { From = [AccessSource.FromNetworks(new NetworkBlock { Cidr = "10.0.0.0/8", Except = ["10.1.0.0/16", "192.168.0.0/16", "fd00::/8"] })] };

        Assert.Equal(["from[0].networks[0].except[1]", "from[0].networks[0].except[2]"], intent.Validate().Select(p => p.Path));
    }

    [Fact]
    public void A_source_needs_identities_or_unauthenticated_but_not_both()
    {
        var intent = Valid with
        {
            From = [new AccessSource(), new AccessSource { Unauthenticated = true, Identities = [Peer.ForNamespace("orders")] }, AccessSource.From(Peer.AnyMeshed, Peer.ForNamespace("orders"))],
        };

        Assert.Equal(["from[0]", "from[1].identities", "from[2].identities"], intent.Validate().Select(p => p.Path));
    }

    [Fact]
    public void A_target_needs_pods_and_port_together()
    {
        var intent = Valid with { To = new AccessTarget { Pods = LabelSelector.Labels(("app", "payment")), Port = PortRef.Named("HTTP_PORT") } };
        var external = Valid with { To = new AccessTarget() };

        Assert.Equal(["to.port"], intent.Validate().Select(p => p.Path));
        Assert.Equal(["to"], external.Validate().Select(p => p.Path));
    }

    [Fact]
    public void Http_rules_cannot_apply_to_an_opaque_port_and_must_name_something()
    {
        var intent = Valid with
        {
            To = Valid.To with { Protocol = AppProtocol.Opaque },
            Http = [new HttpAccessRule(), new HttpAccessRule { PathPrefixes = ["api"] }],
        };

        Assert.Equal(["http", "http[0]", "http[1].pathPrefixes[0]"], intent.Validate().Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Label_selectors_check_keys_operators_and_values()
    {
        var selector = new LabelSelector
        {
            MatchLabels = Collections.ValueMap.Of(("app.kubernetes.io/name", "payment"), ("bad key!", "x"), ("tier", "front end")),
            MatchExpressions = [new() { Key = "app", Operator = "In" }, new() { Key = "app", Operator = "Matches" }],
        };

        Assert.Equal(
            ["matchExpressions[0].values", "matchExpressions[1].operator", "matchLabels[bad key!]", "matchLabels[tier]"],
            selector.Validate().Select(p => p.Path).Order(StringComparer.Ordinal));
    }
}
