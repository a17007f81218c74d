using System.Text.Json.Nodes;
using Kubemate.Drivers.Linkerd;
using Kubemate.Drivers.Linkerd.Traffic;
using Kubemate.Drivers.Tests.Support;
using Kubemate.Model.Access;
using Kubemate.Model.Drivers;
using Kubemate.Model.Kube;
using Kubemate.Model.Traffic;

namespace Kubemate.Drivers.Tests;

/// <summary>Upstream Linkerd policy and SMI manifests: import, model, render gives the input back.</summary>
public class LinkerdFixtureRoundTripTests
{
    public static TheoryData<string, string> Fixtures => new()
    {
        { "linkerd-policy/linkerd2/grafana/authzpolicy-grafana.yaml", LinkerdDriver.GatewayApiProvider },
        { "linkerd-policy/linkerd2/test/integration/deep/dualstack/testdata/ipfamilies-policy.yml", LinkerdDriver.GatewayApiProvider },
        { "linkerd-policy/linkerd2/test/integration/install/testdata/smoke_test.yaml", LinkerdDriver.GatewayApiProvider },
        { "linkerd-policy/linkerd2/test/integration/viz/policy/testdata/emoji-policy.yaml", LinkerdDriver.GatewayApiProvider },
        { "smi/linkerd-smi/traffic-split-leaf-weights.yaml", LinkerdDriver.SmiV1Alpha1Provider },
        { "smi/linkerd-smi/updated-traffic-split-leaf-weights.yaml", LinkerdDriver.SmiV1Alpha1Provider },
        { "smi/linkerd-smi/application.yaml", LinkerdDriver.SmiV1Alpha1Provider },
        { "smi/linkerd-smi/traffic-split-leaf-weights.yaml", LinkerdDriver.GatewayApiProvider },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Importing_and_rendering_gives_every_policy_object_back_unchanged(string fixture, string provider)
    {
        var input = Load(fixture);
        var driver = MeshDrivers.Registry.Create(provider);

        var read = driver.Read(input);
        var rendered = driver.Render(read.Models);

        var understood = input.Where(o => !read.Unrecognized.Any(u => ReferenceEquals(u.Object, o) || JsonNode.DeepEquals(u.Object, o))).ToList();
        Manifests.AssertSameObjects(understood, rendered);
        Assert.All(read.Unrecognized, u => Assert.True(IsApplicationObject(u.Object), $"unexpectedly unrecognized: {u}"));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Importing_keeps_every_input_object_either_as_a_model_or_untouched(string fixture, string provider)
    {
        var input = Load(fixture);
        var read = MeshDrivers.Registry.Create(provider).Read(input);

        Assert.All(read.Unrecognized, u => Assert.Contains(input, o => JsonNode.DeepEquals(o, u.Object)));
        Assert.All(read.Models, m => Assert.Empty(m.Validate()));
    }

    [Fact]
    public void Policy_fixtures_are_understood_as_intents_with_only_unknown_fields_carried()
    {
        var read = MeshDrivers.Linkerd.Read(Load("linkerd-policy/linkerd2/test/integration/viz/policy/testdata/emoji-policy.yaml"));

        var intents = read.Models.Cast<AccessIntent>().ToDictionary(i => i.Name);
        Assert.Equal(["emoji-grpc", "voting-grpc", "web-public"], intents.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Peer.ForNamespace("linkerd-stat-authz-test"), intents["emoji-grpc"].From.Single().Identities.Single());
        Assert.Equal(Peer.ForServiceAccount("web"), intents["voting-grpc"].From.Single().Identities.Single());
        var web = intents["web-public"];
        Assert.Equal("web-http", web.To.Name);
        Assert.True(web.From.Single().Unauthenticated);
        Assert.Equal(["0.0.0.0/0", "::/0"], web.From.Single().Networks.Select(n => n.Cidr));
        Assert.Equal(AppProtocol.Grpc, intents["emoji-grpc"].To.Protocol);
        // Only the labels are outside the model; nothing the model understands is carried as a correction.
        var preserved = string.Join("\n", read.Models.Select(m => m.Preserved?.ToString() ?? ""));
        Assert.Contains("app.kubernetes.io/part-of", preserved);
        Assert.DoesNotContain("$was", preserved);
    }

    [Fact]
    public void Smi_milli_weights_read_as_whole_numbers_and_render_back_as_milli_quantities()
    {
        var read = MeshDrivers.Registry.Create(LinkerdDriver.SmiV1Alpha1Provider).Read(Load("smi/linkerd-smi/traffic-split-leaf-weights.yaml"));

        var split = Assert.IsType<TrafficSplit>(Assert.Single(read.Models));
        Assert.Equal([500, 0], split.Backends.Select(b => b.Weight));
        var edited = split with { Backends = [split.Backends[0] with { Weight = 250 }, split.Backends[1] with { Weight = 750 }] };
        var rendered = Assert.Single(MeshDrivers.Registry.Create(LinkerdDriver.SmiV1Alpha1Provider).Render(edited));
        Assert.Equal(["250m", "750m"], KubeJson.Array(rendered, "spec.backends")!.Select(b => KubeJson.String(b, "weight")));
    }

    [Fact]
    public void Editing_an_imported_intent_keeps_the_labels_the_model_does_not_know()
    {
        var read = MeshDrivers.Linkerd.Read(Load("linkerd-policy/linkerd2/test/integration/viz/policy/testdata/emoji-policy.yaml"));
        var voting = read.Models.Cast<AccessIntent>().Single(i => i.Name == "voting-grpc");

        var edited = voting with { From = [voting.From[0] with { Identities = [Peer.ForServiceAccount("web"), Peer.ForServiceAccount("api")] }] };
        var rendered = MeshDrivers.Linkerd.Render(edited);

        var authorization = rendered.Single(o => KubeJson.Kind(o) == "ServerAuthorization");
        Assert.Equal(["web", "api"], KubeJson.Array(authorization, "spec.client.meshTLS.serviceAccounts")!.Select(a => KubeJson.String(a, "name")));
        Assert.Equal("voting", KubeJson.String(authorization, "metadata.labels.app\u002Ekubernetes\u002Eio/name") ?? KubeJson.Object(authorization, "metadata.labels")?["app.kubernetes.io/name"]?.GetValue<string>());
        var server = rendered.Single(o => KubeJson.Kind(o) == "Server");
        Assert.Equal("voting-svc", KubeJson.Object(server, "metadata.labels")?["app"]?.GetValue<string>());
    }

    [Fact]
    public void A_split_read_from_smi_by_the_gateway_api_driver_stays_an_smi_split()
    {
        var driver = new LinkerdDriver(SplitApi.GatewayApi);
        var read = driver.Read(Load("smi/linkerd-smi/updated-traffic-split-leaf-weights.yaml"));

        var rendered = Assert.Single(driver.Render(read.Models));

        Assert.Equal("split.smi-spec.io/v1alpha1", KubeJson.ApiVersion(rendered));
    }

    private static IReadOnlyList<JsonObject> Load(string fixture) =>
        // The dual-stack test templates its IPv6 address in before applying; do the same with a documentation address.
        Manifests.LoadFixture(fixture, text => text.Replace("{IPv6}", "2001:db8::1", StringComparison.Ordinal));

    private static bool IsApplicationObject(JsonObject obj) =>
        KubeJson.Is(obj, "apps", "Deployment") || (KubeJson.Is(obj, "", "Service") && KubeJson.Annotations(obj).Count == 0);
}
