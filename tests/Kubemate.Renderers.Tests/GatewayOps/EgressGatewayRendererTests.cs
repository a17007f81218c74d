using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Model.Validation;
using Kubemate.Renderers.GatewayOps;
using Kubemate.Renderers.Tests.Support;

namespace Kubemate.Renderers.Tests.GatewayOps;

public class EgressGatewayRendererTests
{
    private static IReadOnlyList<JsonObject> Rendered => EgressGatewayRenderer.Render(SampleEdge.Egress);

    private static JsonObject Find(string kind, string name) =>
        Rendered.Single(o => o["kind"]!.GetValue<string>() == kind && o["metadata"]!["name"]!.GetValue<string>() == name);

    [Fact]
    public void The_egress_bundle_renders_as_its_golden_file()
    {
        Golden.Verify("egress-gateway", Rendered);
    }

    [Fact]
    public void Tokens_come_from_the_secret_through_the_environment_and_never_appear_in_the_objects()
    {
        var container = Find("Deployment", "egress-gateway")["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var variable = Assert.Single(container["env"]!.AsArray())!;
        Assert.Equal("EGRESS_TOKEN_PAYMENTS_API", variable["name"]!.GetValue<string>());
        Assert.Equal("payments-api-token", variable["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>());

        var dynamic = YamlJson.Parse(Find("ConfigMap", "egress-gateway-dynamic")["data"]!["token-injection.yaml"]!.GetValue<string>())!;
        Assert.Equal("Bearer {{ env \"EGRESS_TOKEN_PAYMENTS_API\" }}", dynamic["http"]!["middlewares"]!["payments-api-token"]!["headers"]!["customRequestHeaders"]!["Authorization"]!.GetValue<string>());
    }

    [Fact]
    public void Each_destination_is_a_prefix_route_to_an_outside_service_with_its_own_host_header_and_middlewares()
    {
        var route = Find("IngressRoute", "egress-gateway")["spec"]!;
        Assert.Equal(["egress"], route["entryPoints"]!.AsArray().Select(e => e!.GetValue<string>()));
        var payments = route["routes"]![0]!;
        Assert.Equal("PathPrefix(`/payments-api`)", payments["match"]!.GetValue<string>());
        Assert.Equal(["payments-api-strip-prefix", "payments-api-headers", "payments-api-token@file"], payments["middlewares"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
        var backend = payments["services"]![0]!;
        Assert.Equal(("egress-gateway-payments-api", "https", false), (backend["name"]!.GetValue<string>(), backend["scheme"]!.GetValue<string>(), backend["passHostHeader"]!.GetValue<bool>()));

        var outside = Find("Service", "egress-gateway-payments-api")["spec"]!;
        Assert.Equal(("ExternalName", "api.payments.example"), (outside["type"]!.GetValue<string>(), outside["externalName"]!.GetValue<string>()));
        var headers = Find("Middleware", "payments-api-headers")["spec"]!["headers"]!["customRequestHeaders"]!;
        Assert.Equal(("BANK01", ""), (headers["X-Bank-Id"]!.GetValue<string>(), headers["X-Internal-Trace"]!.GetValue<string>()));
    }

    [Fact]
    public void Client_namespaces_may_leave_only_through_dns_the_mesh_and_the_gateway()
    {
        var lockdown = Rendered.Single(o => o["kind"]!.GetValue<string>() == "NetworkPolicy" && o["metadata"]!["namespace"]!.GetValue<string>() == "orders")["spec"]!;

        Assert.Equal(["Egress"], lockdown["policyTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        var rules = lockdown["egress"]!.AsArray();
        Assert.Equal([53, 53], rules[0]!["ports"]!.AsArray().Select(p => p!["port"]!.GetValue<int>()));
        Assert.Equal("egress", rules[1]!["to"]![0]!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
        Assert.Equal(8080, rules[1]!["ports"]![0]!["port"]!.GetValue<int>());
        Assert.DoesNotContain(rules, r => r!["to"]?.AsArray().Any(p => p!["ipBlock"] is not null) == true);
    }

    [Fact]
    public void The_gateway_may_reach_dns_the_api_server_and_its_destinations_only()
    {
        var egress = Find("NetworkPolicy", "egress-gateway-egress")["spec"]!["egress"]!.AsArray();

        Assert.Contains(egress, r => r!["to"]?[0]?["ipBlock"]?["cidr"]?.GetValue<string>() == "10.96.0.1/32" && r["ports"]![0]!["port"]!.GetValue<int>() == 443);
        Assert.Contains(egress, r => r!["to"]?[0]?["ipBlock"]?["cidr"]?.GetValue<string>() == "203.0.113.0/24");
        Assert.Contains(egress, r => r!["to"] is null && r["ports"]![0]!["port"]!.GetValue<int>() == 443);
        var ingress = Find("NetworkPolicy", "egress-gateway-ingress")["spec"]!["ingress"]![0]!["from"]!.AsArray();
        Assert.Equal(["orders", "payment"], ingress.Select(p => p!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>()));
    }

    [Fact]
    public void A_bundle_without_the_api_server_address_or_with_bad_destinations_is_rejected()
    {
        var bundle = SampleEdge.Egress with
        {
            KubernetesApi = null,
            ClientNamespaces = ["orders", "egress"],
            Destinations = [SampleEdge.Egress.Destinations[0] with { Host = "not a host", Cidrs = ["300.1.1.1/32"] }, SampleEdge.Egress.Destinations[0] with { Port = 0 }],
        };

        var error = Assert.Throws<ModelValidationException>(() => EgressGatewayRenderer.Render(bundle));

        string[] expected = ["kubernetesApi", "clientNamespaces[1]", "destinations[0].host", "destinations[0].cidrs[0]", "destinations[1].port", "destinations[1]"];
        Assert.All(expected, path => Assert.Contains(error.Problems, p => p.Path == path));
    }
}
