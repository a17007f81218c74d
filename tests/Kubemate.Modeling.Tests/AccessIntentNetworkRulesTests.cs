using Kubemate.Model.Access;
using Kubemate.Model.Collections;
using Kubemate.Model.References;
using Kubemate.Modeling.Rendering;

namespace Kubemate.Modeling.Tests;

public class AccessIntentNetworkRulesTests
{
    private static readonly AccessIntent OrdersToPayment = new()
    {
        Name = "orders-to-payment",
        Namespace = "payment",
        To = new AccessTarget { Pods = LabelSelector.Labels(("app", "payment")), Port = 8080 },
        From = [AccessSource.From(Peer.ForServiceAccount("orders", "orders"), Peer.ForNamespace("monitoring"), Peer.ForServiceAccount("auditor"))],
        Http = [new HttpAccessRule { Methods = ["POST"], PathPrefixes = ["/api/pay"] }],
    };

    [Fact]
    public void Identities_become_the_namespaces_they_run_in_and_the_target_selector_picks_the_pods()
    {
        var (rule, problems) = AccessIntentNetworkRules.Map(OrdersToPayment);

        Assert.Empty(problems);
        Assert.Equal("orders-to-payment", rule!.Name);
        Assert.Equal("payment", rule.DestinationNamespace);
        Assert.Equal("payment", rule.DestinationPodLabels["app"]);
        Assert.Equal(["orders", "monitoring", "payment"], rule.SourceNamespaces);
        Assert.Null(rule.SourcePodLabels);
        Assert.Equal(8080, Assert.Single(rule.Ports).Port);
        Assert.Equal("TCP", rule.Ports[0].Protocol);
    }

    [Fact]
    public void Unauthenticated_sources_become_their_networks_or_every_address()
    {
        var intent = OrdersToPayment with
        {
            From =
            [
                AccessSource.FromNetworks(new NetworkBlock { Cidr = "10.20.0.0/16", Except = ["10.20.1.0/24"] }),
                new AccessSource { Unauthenticated = true },
            ],
        };

        var (rule, problems) = AccessIntentNetworkRules.Map(intent);

        Assert.Empty(problems);
        Assert.Equal(["10.20.0.0/16", "0.0.0.0/0", "::/0"], rule!.SourceCidrs);
        Assert.Empty(rule.SourceNamespaces);
    }

    [Fact]
    public void What_network_policy_cannot_express_is_a_problem_with_its_path()
    {
        var intent = OrdersToPayment with
        {
            To = new AccessTarget
            {
                Pods = new LabelSelector { MatchExpressions = [new LabelRequirement { Key = "tier", Operator = "In", Values = ["api"] }] },
                Port = PortRef.Named("http"),
            },
            From = [AccessSource.From(Peer.AnyMeshed)],
        };

        var (rule, problems) = AccessIntentNetworkRules.Map(intent);

        Assert.Null(rule);
        Assert.Equal(["from[0].identities[0]", "to.pods.matchExpressions", "to.port"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_intent_that_lets_nobody_in_needs_no_allow_rule()
    {
        var (rule, problems) = AccessIntentNetworkRules.Map(OrdersToPayment with { From = ValueList<AccessSource>.Empty });

        Assert.Null(rule);
        Assert.Empty(problems);
    }

    [Fact]
    public void An_endpoint_defined_elsewhere_cannot_be_mapped()
    {
        var (_, problems) = AccessIntentNetworkRules.Map(OrdersToPayment with { To = new AccessTarget { Name = "payment-http" } });

        Assert.Equal("to", Assert.Single(problems).Path);
    }
}
