using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kubemate.Drivers.Istio;
using Kubemate.Drivers.Linkerd;
using Kubemate.Drivers.Tests.Support;
using Kubemate.Model.Drivers;
using Kubemate.Model.Kube;
using Kubemate.Schema;
using Kubemate.Testing;

namespace Kubemate.Drivers.Tests;

/// <summary>Everything a driver writes is accepted by the real upstream CRD schemas; core kinds by the client's typed models.</summary>
public class SchemaConformanceTests
{
    private static readonly Lazy<SchemaCatalog> Catalog = new(() => SchemaCatalog.Load(
        Path.Combine(RepoPaths.Schemas, "linkerd", "rendered"),
        Path.Combine(RepoPaths.Schemas, "gateway-api", "v1.6.1", "standard"),
        Path.Combine(RepoPaths.Schemas, "smi", "linkerd-smi"),
        Path.Combine(RepoPaths.Schemas, "istio")));

    public static TheoryData<string> Providers => GoldenRenderingTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_custom_resource_a_driver_renders_validates_against_the_upstream_crd(string provider)
    {
        var objects = AllRendered(provider).Where(IsCustomResource).ToList();

        Assert.NotEmpty(objects);
        Assert.All(objects, obj =>
        {
            Assert.True(Catalog.Value.Contains(KubeJson.ApiVersion(obj), KubeJson.Kind(obj)), $"no schema for {KubeJson.ApiVersion(obj)} {KubeJson.Kind(obj)}");
            Assert.Empty(Catalog.Value.Validate(obj).Select(e => $"{ObjectIdentity.Of(obj)}: {e}"));
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_core_object_a_driver_renders_round_trips_through_the_client_typed_models(string provider)
    {
        foreach (var obj in AllRendered(provider).Where(o => !IsCustomResource(o)))
        {
            var json = obj.ToJsonString();
            var typed = KubeJson.Kind(obj) switch
            {
                "Namespace" => KubernetesJson.Serialize(KubernetesJson.Deserialize<V1Namespace>(json)),
                "Service" => KubernetesJson.Serialize(KubernetesJson.Deserialize<V1Service>(json)),
                "Deployment" => KubernetesJson.Serialize(KubernetesJson.Deserialize<V1Deployment>(json)),
                "CronJob" => KubernetesJson.Serialize(KubernetesJson.Deserialize<V1CronJob>(json)),
                var kind => throw new Xunit.Sdk.XunitException($"no typed model checked for {kind}"),
            };
            Assert.True(JsonNode.DeepEquals(obj, JsonNode.Parse(typed)), $"{ObjectIdentity.Of(obj)} changed through the typed model:\n{json}\n{typed}");
        }
    }

    [Fact]
    public void Legacy_linkerd_objects_re_rendered_from_fixtures_validate_too()
    {
        var driver = MeshDrivers.Linkerd;
        var input = Manifests.LoadFixture("linkerd-policy/linkerd2/test/integration/viz/policy/testdata/emoji-policy.yaml")
            .Concat(Manifests.LoadFixture("linkerd-policy/linkerd2/test/integration/install/testdata/smoke_test.yaml"));

        var rendered = driver.Render(driver.Read(input).Models);

        Assert.Contains(rendered, o => KubeJson.Kind(o) == "ServerAuthorization");
        Assert.All(rendered.Where(IsCustomResource), obj => Assert.Empty(Catalog.Value.Validate(obj)));
    }

    [Fact]
    public void The_schema_check_catches_a_misspelt_field_in_a_rendered_object()
    {
        var server = MeshDrivers.Linkerd.Render(SampleModels.OrdersMayPay).First(o => KubeJson.Kind(o) == "Server");
        ((JsonObject)server["spec"]!)["proxyProtocl"] = "HTTP/1";

        Assert.Contains(Catalog.Value.Validate(server), e => e.Field.Contains("proxyProtocl", StringComparison.Ordinal));
    }

    private static IEnumerable<JsonObject> AllRendered(string provider)
    {
        var driver = MeshDrivers.Registry.Create(provider);
        return GoldenRenderingTests.SamplesFor(provider).SelectMany(m => driver.Render(m));
    }

    private static bool IsCustomResource(JsonObject obj) => KubeJson.Group(obj) is not ("" or "apps" or "batch");
}
