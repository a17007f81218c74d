using System.Text.Json.Nodes;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Renderers.Tests.Support;
using Kubemate.Renderers.Traefik;

namespace Kubemate.Renderers.Tests.Traefik;

public class EdgeRendererTests
{
    private static IReadOnlyList<JsonObject> Rendered => EdgeRenderer.Render(SampleEdge.Configuration);

    private static JsonObject Find(string kind, string name) =>
        Rendered.Single(o => o["kind"]!.GetValue<string>() == kind && o["metadata"]!["name"]!.GetValue<string>() == name);

    [Fact]
    public void The_sample_edge_renders_as_its_golden_file()
    {
        Golden.Verify("edge-configuration", Rendered);
    }

    [Fact]
    public void Route_rules_are_built_from_hosts_and_paths()
    {
        var shop = Find("IngressRoute", "shop");

        Assert.Equal("(Host(`shop.bank.example`) || Host(`www.bank.example`))", shop["spec"]!["routes"]![0]!["match"]!.GetValue<string>());
        Assert.Equal("Host(`shop.bank.example`) && PathPrefix(`/api`)", shop["spec"]!["routes"]![1]!["match"]!.GetValue<string>());
    }

    [Fact]
    public void An_expert_rule_is_rendered_exactly_as_written()
    {
        var admin = Find("IngressRoute", "admin");

        Assert.Equal("Host(`admin.bank.internal`) && HeaderRegexp(`X-Debug`, `^on$`)", admin["spec"]!["routes"]![1]!["match"]!.GetValue<string>());
    }

    [Fact]
    public void The_edge_canary_is_a_weighted_service_with_percentages_as_weights()
    {
        var services = Find("TraefikService", "shop-canary")["spec"]!["weighted"]!["services"]!.AsArray();

        Assert.Equal(("shop-v1", 90), (services[0]!["name"]!.GetValue<string>(), services[0]!["weight"]!.GetValue<int>()));
        Assert.Equal(("shop-v2", 10), (services[1]!["name"]!.GetValue<string>(), services[1]!["weight"]!.GetValue<int>()));
    }

    [Fact]
    public void The_standard_redirect_middleware_redirects_permanently_to_https()
    {
        var redirect = Find("Middleware", Middleware.RedirectToHttpsName)["spec"]!["redirectScheme"]!;

        Assert.Equal("https", redirect["scheme"]!.GetValue<string>());
        Assert.True(redirect["permanent"]!.GetValue<bool>());
    }

    [Fact]
    public void The_hardened_tls_option_requires_tls_1_2_strict_sni_and_forward_secret_suites()
    {
        var spec = Find("TLSOption", "hardened")["spec"]!;

        Assert.Equal("VersionTLS12", spec["minVersion"]!.GetValue<string>());
        Assert.True(spec["sniStrict"]!.GetValue<bool>());
        Assert.All(spec["cipherSuites"]!.AsArray(), s => Assert.StartsWith("TLS_ECDHE_", s!.GetValue<string>()));
    }

    [Fact]
    public void A_route_with_an_issuer_gets_a_certificate_for_its_hosts_in_its_tls_secret()
    {
        var certificate = Find("Certificate", "shop-tls")["spec"]!;

        Assert.Equal("shop-tls", certificate["secretName"]!.GetValue<string>());
        Assert.Equal(["shop.bank.example", "www.bank.example"], certificate["dnsNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("ClusterIssuer", certificate["issuerRef"]!["kind"]!.GetValue<string>());
        Assert.Equal("public-acme", certificate["issuerRef"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Every_middleware_kind_of_the_model_is_rendered_under_its_edge_field()
    {
        var kinds = Rendered.Where(o => o["kind"]!.GetValue<string>() == "Middleware")
            .Select(o => Assert.Single(o["spec"]!.AsObject()).Key)
            .ToHashSet();

        Assert.Equal(["redirectScheme", "rateLimit", "inFlightReq", "stripPrefix", "headers", "basicAuth", "forwardAuth", "ipAllowList", "chain"], kinds);
    }

    [Fact]
    public void Rendered_edge_objects_read_back_into_the_same_objects()
    {
        var configuration = SampleEdge.Configuration;
        var written = TraefikWriter.Write(configuration with { Canaries = [] });

        var again = TraefikWriter.Write(TraefikReader.Read(written, SampleEdge.Namespace));

        Manifests.AssertSameObjects(written, again, "sample edge");
    }

    [Fact]
    public void Fields_kept_from_an_imported_object_survive_an_edit_in_the_model()
    {
        var imported = TraefikReader.Read([(JsonObject)JsonNode.Parse("""
            {"apiVersion": "traefik.io/v1alpha1", "kind": "IngressRoute",
             "metadata": {"name": "r", "namespace": "web", "uid": "1234"},
             "spec": {"ingressClassName": "edge", "routes": [{"match": "Host(`a.example`)", "kind": "Rule", "observability": {"accessLogs": false},
                      "services": [{"name": "a", "port": 80, "sticky": {"cookie": {"name": "s"}}}]}]}}
            """)!]);
        var route = imported.IngressRoutes[0];
        var rule = route.Routes![0];
        var edited = route with { Routes = [rule with { Match = rule.Match! with { Hosts = ["b.example"] } }] };

        var written = IngressRouteCodec.Write(edited);

        Assert.Equal("Host(`b.example`)", written["spec"]!["routes"]![0]!["match"]!.GetValue<string>());
        Assert.Equal("edge", written["spec"]!["ingressClassName"]!.GetValue<string>());
        Assert.Equal("1234", written["metadata"]!["uid"]!.GetValue<string>());
        Assert.False(written["spec"]!["routes"]![0]!["observability"]!["accessLogs"]!.GetValue<bool>());
        Assert.Equal("s", written["spec"]!["routes"]![0]!["services"]![0]!["sticky"]!["cookie"]!["name"]!.GetValue<string>());
    }
}
