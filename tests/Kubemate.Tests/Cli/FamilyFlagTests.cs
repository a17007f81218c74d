using System.Text.Json.Nodes;
using Kubemate.Model.Kube;

namespace Kubemate.Tests.Cli;

/// <summary>Every family renders from flags alone.</summary>
public class FamilyFlagTests
{
    /// <summary>One typical invocation per family, as a platform engineer would type it.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Typical = new Dictionary<string, string[]>
    {
        ["split"] = ["--service", "orders", "-n", "orders", "--port", "8080", "--backend", "orders-v1=90", "--backend", "orders-v2=10"],
        ["intent"] = ["--name", "orders-to-payment", "-n", "payment", "--pods", "app=payment", "--port", "8080", "--from-service-account", "orders/orders", "--method", "POST", "--path-prefix", "/api/pay"],
        ["route"] = ["--name", "shop", "-n", "web", "--host", "shop.bank.example", "--path", "/", "--service", "web:80", "--middleware", "security-headers", "--tls-secret", "shop-tls", "--issuer", "letsencrypt"],
        ["middleware"] = ["--name", "api-limit", "-n", "web", "--rate-limit", "100", "--period", "1s", "--burst", "200"],
        ["certificate"] = ["--name", "shop", "-n", "web", "--dns-name", "shop.bank.example", "--issuer", "enterprise-ca", "--duration", "2160h"],
        ["pki"] = ["--trust-domain", "cluster.local"],
        ["gateway-profile"] = ["--replicas", "3", "--node-selector", "pool=edge", "--toleration", "dedicated=edge:NoSchedule"],
        ["egress"] = ["--destination", "payments-api=api.payments.example", "--client-namespace", "payment", "--api-server-cidr", "10.0.0.1/32", "--token", "payments-api=payments-token"],
        ["alerts"] = ["--label", "release=prometheus"],
    };

    public static TheoryData<string, string> Expected => new()
    {
        { "split", "HTTPRoute" },
        { "intent", "AuthorizationPolicy" },
        { "route", "IngressRoute" },
        { "middleware", "Middleware" },
        { "certificate", "Certificate" },
        { "pki", "Secret" },
        { "gateway-profile", "Deployment" },
        { "egress", "NetworkPolicy" },
        { "alerts", "PrometheusRule" },
    };

    public static async Task<IReadOnlyList<JsonObject>> RenderAsync(string family, params string[] extra) =>
        Manifests.Parse((await Cli.SucceedAsync(["render", family, .. Typical[family], .. extra])).StdOut);

    /// <summary>The typical invocation through a mesh; an SMI split splits a whole service, so it takes no port.</summary>
    public static async Task<IReadOnlyList<JsonObject>> RenderThroughAsync(string family, string mesh, params string[] extra)
    {
        var args = Typical[family].ToList();
        if (mesh.Contains("smi", StringComparison.Ordinal) && args.IndexOf("--port") is var port and >= 0)
        {
            args.RemoveRange(port, 2);
        }
        return Manifests.Parse((await Cli.SucceedAsync(["render", family, .. args, "--mesh", mesh, .. extra])).StdOut);
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task Every_family_renders_from_flags(string family, string kind)
    {
        var objects = await RenderAsync(family);

        Assert.Contains(objects, o => KubeJson.Kind(o) == kind);
    }

    [Fact]
    public void Every_family_has_a_typical_invocation_here() =>
        Assert.Equal(Kubemate.Commands.Families.RenderFamilies.Names.Order(StringComparer.Ordinal), Typical.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public async Task A_split_shares_the_service_among_its_weighted_backends()
    {
        var route = Manifests.Single(await RenderAsync("split"), "HTTPRoute");

        Assert.Equal("orders", KubeJson.Namespace(route));
        var backends = KubeJson.Array(route, "spec.rules")![0]!["backendRefs"]!.AsArray();
        Assert.Equal(["orders-v1:90", "orders-v2:10"], backends.Select(b => $"{b!["name"]}:{b["weight"]}"));
    }

    [Fact]
    public async Task An_intent_renders_both_the_mesh_authorization_and_the_network_policy()
    {
        var objects = await RenderAsync("intent");

        Assert.Equal(["AuthorizationPolicy", "HTTPRoute", "MeshTLSAuthentication", "NetworkPolicy", "Server"], objects.Select(KubeJson.Kind).Order(StringComparer.Ordinal));
        var policy = Manifests.Single(objects, "NetworkPolicy");
        Assert.Equal("allow-orders-to-payment", KubeJson.Name(policy));
        Assert.Equal("payment", KubeJson.String(policy, "spec.podSelector.matchLabels.app"));
        Assert.Equal("orders", KubeJson.Array(policy, "spec.ingress")![0]!["from"]![0]!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
        Assert.Equal("8080", KubeJson.Array(policy, "spec.ingress")![0]!["ports"]![0]!["port"]!.ToJsonString());
    }

    [Theory]
    [InlineData("mesh", new[] { "AuthorizationPolicy", "HTTPRoute", "MeshTLSAuthentication", "Server" })]
    [InlineData("network", new[] { "NetworkPolicy" })]
    public async Task An_intent_renders_one_layer_when_asked(string layer, string[] kinds)
    {
        var objects = await RenderAsync("intent", "--layer", layer);

        Assert.Equal(kinds, objects.Select(KubeJson.Kind).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_route_with_an_issuer_gets_a_certificate_and_names_only_objects_taken_to_exist()
    {
        var objects = await RenderAsync("route");

        Assert.Equal(["Certificate", "IngressRoute"], objects.Select(KubeJson.Kind).Order(StringComparer.Ordinal));
        var route = Manifests.Single(objects, "IngressRoute");
        Assert.Equal("Host(`shop.bank.example`) && PathPrefix(`/`)", KubeJson.String(KubeJson.Array(route, "spec.routes")![0], "match"));
        Assert.Equal("security-headers", KubeJson.String(KubeJson.Array(route, "spec.routes")![0], "middlewares")
            ?? KubeJson.Array(route, "spec.routes")![0]!["middlewares"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("shop.bank.example", KubeJson.Array(Manifests.Single(objects, "Certificate"), "spec.dnsNames")![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_generated_pki_keeps_the_trust_anchor_key_only_in_the_file_asked_for()
    {
        using var directory = new TempDirectory();
        var keyFile = directory.File("anchor.key");

        var result = await Cli.SucceedAsync(["render", "pki", "--anchor-key-out", keyFile]);

        var objects = Manifests.Parse(result.StdOut);
        Assert.Equal(["ConfigMap", "Secret"], objects.Select(KubeJson.Kind).Order(StringComparer.Ordinal));
        var anchorKey = File.ReadAllText(keyFile);
        Assert.StartsWith("-----BEGIN EC PRIVATE KEY-----", anchorKey, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(anchorKey)), result.StdOut, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }

    [Fact]
    public async Task A_pki_from_an_issuer_the_enterprise_signed_renders_that_issuer()
    {
        using var directory = new TempDirectory();
        var material = new Kubemate.Renderers.Pki.MeshPkiGenerator(TimeProvider.System).Generate(new Kubemate.Model.Edge.Pki.MeshIdentityPkiSpec());
        var anchors = directory.Write("ca.crt", material.TrustAnchorsPem);
        var issuer = directory.Write("issuer.crt", material.IssuerCertificateChainPem);
        var key = directory.Write("issuer.key", material.IssuerPrivateKeyPem);

        var objects = Manifests.Parse((await Cli.SucceedAsync("render", "pki", "--trust-anchors", anchors, "--issuer-cert", issuer, "--issuer-key", key)).StdOut);

        var trustRoots = Manifests.Single(objects, "ConfigMap");
        Assert.Equal(material.TrustAnchorsPem, KubeJson.Object(trustRoots, "data")!["ca-bundle.crt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_gateway_profile_spreads_replicas_and_runs_on_the_dedicated_pool()
    {
        var deployment = Manifests.Single(await RenderAsync("gateway-profile"), "Deployment");

        Assert.Equal("edge", KubeJson.String(deployment, "spec.template.spec.nodeSelector.pool"));
        Assert.Equal("NoSchedule", KubeJson.Array(deployment, "spec.template.spec.tolerations")![0]!["effect"]!.GetValue<string>());
        Assert.NotNull(KubeJson.Object(deployment, "spec.template.spec.affinity.podAntiAffinity"));
    }

    [Fact]
    public async Task An_egress_bundle_locks_the_client_namespace_down_to_the_gateway()
    {
        var objects = await RenderAsync("egress");

        Assert.Contains(objects, o => KubeJson.Kind(o) == "NetworkPolicy" && KubeJson.Namespace(o) == "payment" && KubeJson.Name(o) == "egress-lockdown");
        Assert.Contains(objects, o => KubeJson.Kind(o) == "IngressRoute");
        Assert.DoesNotContain("payments-token\n", string.Concat(objects.Where(o => KubeJson.Kind(o) == "ConfigMap").Select(o => o.ToJsonString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alert_rules_carry_the_labels_the_rule_selector_matches()
    {
        var rule = Manifests.Single(await RenderAsync("alerts"), "PrometheusRule");

        Assert.Equal("prometheus", KubeJson.String(rule, "metadata.labels.release"));
        Assert.Equal("monitoring", KubeJson.Namespace(rule));
    }

    [Fact]
    public async Task Json_output_is_one_object_or_a_list()
    {
        var single = JsonNode.Parse((await Cli.SucceedAsync(["render", "middleware", .. Typical["middleware"], "-o", "json"])).StdOut)!.AsObject();
        var several = JsonNode.Parse((await Cli.SucceedAsync(["render", "intent", .. Typical["intent"], "-o", "json"])).StdOut)!.AsObject();

        Assert.Equal("Middleware", KubeJson.Kind(single));
        Assert.Equal("List", KubeJson.Kind(several));
        Assert.Equal(5, KubeJson.Array(several, "items")!.Count);
    }
}
