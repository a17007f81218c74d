using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Network;
using Kubemate.Model.Validation;
using Kubemate.Renderers.NetworkPolicies;
using Kubemate.Renderers.Tests.Support;

namespace Kubemate.Renderers.Tests.NetworkPolicies;

public class NetworkPolicyRendererTests
{
    [Fact]
    public void Network_policies_render_as_their_golden_file()
    {
        Golden.Verify("network-policies",
        [
            NetworkPolicyRenderer.RenderAccessRule(SampleEdge.OrdersToPayment),
            .. NetworkPolicyRenderer.RenderNamespaceIsolation(SampleEdge.PaymentIsolation),
        ]);
    }

    [Fact]
    public void An_access_rule_admits_the_source_pods_of_each_source_namespace_and_the_cidrs_on_the_ports_only()
    {
        var policy = NetworkPolicyRenderer.RenderAccessRule(SampleEdge.OrdersToPayment);

        Assert.Equal("payment", policy["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal("payment", policy["spec"]!["podSelector"]!["matchLabels"]!["app"]!.GetValue<string>());
        var rule = Assert.Single(policy["spec"]!["ingress"]!.AsArray())!;
        var from = rule["from"]!.AsArray();
        Assert.Equal("orders", from[0]!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
        Assert.Equal("orders", from[0]!["podSelector"]!["matchLabels"]!["app"]!.GetValue<string>());
        Assert.Equal("10.50.0.0/24", from[1]!["ipBlock"]!["cidr"]!.GetValue<string>());
        Assert.Equal(8080, Assert.Single(rule["ports"]!.AsArray())!["port"]!.GetValue<int>());
    }

    [Fact]
    public void Source_pods_without_source_namespaces_are_taken_from_the_destination_namespace()
    {
        var rule = SampleEdge.OrdersToPayment with { SourceNamespaces = [], SourceCidrs = [] };

        var from = NetworkPolicyRenderer.RenderAccessRule(rule)["spec"]!["ingress"]![0]!["from"]!.AsArray();

        var peer = Assert.Single(from)!.AsObject();
        Assert.False(peer.ContainsKey("namespaceSelector"));
        Assert.Equal("orders", peer["podSelector"]!["matchLabels"]!["app"]!.GetValue<string>());
    }

    [Fact]
    public void Namespace_isolation_denies_all_ingress_then_admits_the_mesh_control_plane_the_gateway_and_the_nodes()
    {
        var policies = NetworkPolicyRenderer.RenderNamespaceIsolation(SampleEdge.PaymentIsolation);

        var deny = policies.Single(p => p["metadata"]!["name"]!.GetValue<string>() == "default-deny-ingress")["spec"]!;
        Assert.Empty(deny["podSelector"]!.AsObject());
        Assert.Equal(["Ingress"], deny["policyTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.False(deny.AsObject().ContainsKey("ingress"));
        var from = policies.Single(p => p["metadata"]!["name"]!.GetValue<string>() == "allow-platform-ingress")["spec"]!["ingress"]![0]!["from"]!.AsArray();
        Assert.Equal(["linkerd", "traefik"], from.Where(p => p!["namespaceSelector"] is not null).Select(p => p!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>()));
        Assert.Contains(from, p => p!["ipBlock"]?["cidr"]?.GetValue<string>() == "10.0.0.0/24");
    }

    [Fact]
    public void With_nothing_to_admit_only_the_deny_policy_is_rendered()
    {
        var isolation = new NamespaceIsolation { Namespace = "vault", MeshControlPlaneNamespaces = [], GatewayNamespaces = [] };

        var policy = Assert.Single(NetworkPolicyRenderer.RenderNamespaceIsolation(isolation));

        Assert.Equal("default-deny-ingress", policy["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void An_invalid_access_rule_is_rejected_with_every_problem()
    {
        var rule = SampleEdge.OrdersToPayment with
        {
            SourceNamespaces = ["Orders"],
            SourceCidrs = ["10.50.0.0/99", "10.50.0.1/24"],
            Ports = [new NetworkPort(0), new NetworkPort(53, "ICMP")],
        };

        var error = Assert.Throws<ModelValidationException>(() => NetworkPolicyRenderer.RenderAccessRule(rule));

        Assert.Equal(
            ["sourceNamespaces[0]", "sourceCidrs[0]", "sourceCidrs[1]", "ports[0].port", "ports[1].protocol"],
            error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Every_rendered_policy_is_a_networking_v1_network_policy()
    {
        JsonObject[] policies = [NetworkPolicyRenderer.RenderAccessRule(SampleEdge.OrdersToPayment), .. NetworkPolicyRenderer.RenderNamespaceIsolation(SampleEdge.PaymentIsolation)];

        Assert.All(policies, p => Assert.Equal(("networking.k8s.io/v1", "NetworkPolicy"), (p["apiVersion"]!.GetValue<string>(), p["kind"]!.GetValue<string>())));
    }
}
