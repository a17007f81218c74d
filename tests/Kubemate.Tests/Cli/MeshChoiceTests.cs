using Kubemate.Model.Kube;

namespace Kubemate.Tests.Cli;

/// <summary>Splits and intents render through either mesh.</summary>
public class MeshChoiceTests
{
    [Theory]
    [InlineData("linkerd", "gateway.networking.k8s.io", "HTTPRoute")]
    [InlineData("linkerd:smi-v1alpha2", "split.smi-spec.io", "TrafficSplit")]
    [InlineData("istio", "networking.istio.io", "VirtualService")]
    public async Task A_split_renders_as_the_chosen_mesh_expects(string mesh, string group, string kind)
    {
        var objects = await FamilyFlagTests.RenderThroughAsync("split", mesh);

        var split = Assert.Single(objects);
        Assert.Equal(kind, KubeJson.Kind(split));
        Assert.Equal(group, KubeJson.Group(split));
    }

    [Theory]
    [InlineData("linkerd", "policy.linkerd.io", "AuthorizationPolicy")]
    [InlineData("istio", "security.istio.io", "AuthorizationPolicy")]
    public async Task An_intent_renders_as_the_chosen_mesh_expects_beside_the_same_network_policy(string mesh, string group, string kind)
    {
        var objects = await FamilyFlagTests.RenderThroughAsync("intent", mesh);

        Assert.Contains(objects, o => KubeJson.Kind(o) == kind && KubeJson.Group(o) == group);
        Assert.Contains(objects, o => KubeJson.Kind(o) == "NetworkPolicy" && KubeJson.Name(o) == "allow-orders-to-payment");
    }

    [Fact]
    public async Task Istio_authorizes_the_calling_service_account_by_principal()
    {
        var policy = Manifests.Single(await FamilyFlagTests.RenderThroughAsync("intent", "istio", "--layer", "mesh"), "AuthorizationPolicy");

        var from = KubeJson.Array(policy, "spec.rules")![0]!["from"]![0]!["source"]!["principals"]![0]!.GetValue<string>();
        Assert.Equal("cluster.local/ns/orders/sa/orders", from);
    }

    [Fact]
    public async Task The_mesh_flag_overrides_the_mesh_a_model_file_names()
    {
        using var directory = new TempDirectory();
        var model = directory.Write("model.yaml", """
            kind: MeshSettings
            spec:
              provider: istio
            ---
            kind: TrafficSplit
            spec:
              name: orders
              service: orders
              port: 8080
              backends:
              - service: orders-v1
                weight: 100
            """);

        var fromFile = Assert.Single(Manifests.Parse((await Cli.SucceedAsync("render", "-f", model)).StdOut));
        var overridden = Assert.Single(Manifests.Parse((await Cli.SucceedAsync("render", "-f", model, "--mesh", "linkerd")).StdOut));

        Assert.Equal("VirtualService", KubeJson.Kind(fromFile));
        Assert.Equal("HTTPRoute", KubeJson.Kind(overridden));
    }
}
