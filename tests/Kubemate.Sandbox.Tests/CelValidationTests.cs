using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Testing;

namespace Kubemate.Sandbox.Tests;

/// <summary>The upstream CRDs' CEL rules enforced by the sandbox over HTTP: refused with 422 and the rule's message at the rule's node, transition rules on update, uncompilable rules refuse the CRD.</summary>
public sealed class CelValidationTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    private readonly Kubernetes _client = fixture.Client();

    private async Task InstallCrdAsync(string file, string name)
    {
        var document = YamlJson.ExpandLists(YamlJson.ParseDocuments(File.ReadAllText(Path.Combine(RepoPaths.Schemas, file))))
            .Single(d => d["kind"]?.GetValue<string>() == "CustomResourceDefinition" && d["metadata"]?["name"]?.GetValue<string>() == name);
        document.AsObject().Remove("status");
        await _client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesJson.Deserialize<V1CustomResourceDefinition>(document.ToJsonString()));
    }

    private static object Body(string yaml) => JsonSerializer.Deserialize<JsonElement>(YamlJson.Parse(yaml)!.ToJsonString());

    private static List<(string Field, string Message)> Causes(HttpOperationException error)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        var status = JsonNode.Parse(error.Response.Content)!;
        return status["details"]!["causes"]!.AsArray().Select(cause => (cause!["field"]!.GetValue<string>(), cause["message"]!.GetValue<string>())).ToList();
    }

    [Fact]
    public async Task An_httproute_with_a_redirect_and_backends_is_refused_with_the_rule_message_and_accepted_without_backends()
    {
        await InstallCrdAsync("gateway-api/v1.6.1/standard/gateway.networking.k8s.io_httproutes.yaml", "httproutes.gateway.networking.k8s.io");
        const string route = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: shop}
            spec:
              parentRefs: [{name: gateway}]
              rules:
              - filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]
                backendRefs: [{name: shop, port: 80}]
            """;

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _client.CustomObjects.CreateNamespacedCustomObjectAsync(Body(route), "gateway.networking.k8s.io", "v1", "default", "httproutes"));

        var cause = Assert.Single(Causes(refused));
        Assert.Equal("spec.rules[0]", cause.Field);
        Assert.Contains("RequestRedirect filter must not be used together with backendRefs", cause.Message, StringComparison.Ordinal);
        var list = (JsonElement)await _client.CustomObjects.ListNamespacedCustomObjectAsync("gateway.networking.k8s.io", "v1", "default", "httproutes");
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());

        var created = (JsonElement)await _client.CustomObjects.CreateNamespacedCustomObjectAsync(
            Body(route.Replace("\n    backendRefs: [{name: shop, port: 80}]", string.Empty)), "gateway.networking.k8s.io", "v1", "default", "httproutes");
        Assert.Equal("shop", created.GetProperty("metadata").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_gatewayclass_controller_name_cannot_change_but_the_class_can_be_updated_otherwise()
    {
        await InstallCrdAsync("gateway-api/v1.6.1/standard/gateway.networking.k8s.io_gatewayclasses.yaml", "gatewayclasses.gateway.networking.k8s.io");
        await _client.CustomObjects.CreateClusterCustomObjectAsync(
            Body("{apiVersion: gateway.networking.k8s.io/v1, kind: GatewayClass, metadata: {name: shared}, spec: {controllerName: example.com/gateway}}"),
            "gateway.networking.k8s.io", "v1", "gatewayclasses");

        var described = await _client.CustomObjects.PatchClusterCustomObjectAsync(
            new V1Patch("""{"spec":{"description":"the shared gateways"}}""", V1Patch.PatchType.MergePatch), "gateway.networking.k8s.io", "v1", "gatewayclasses", "shared");
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CustomObjects.PatchClusterCustomObjectAsync(
            new V1Patch("""{"spec":{"controllerName":"example.com/other"}}""", V1Patch.PatchType.MergePatch), "gateway.networking.k8s.io", "v1", "gatewayclasses", "shared"));

        Assert.Equal("the shared gateways", ((JsonElement)described).GetProperty("spec").GetProperty("description").GetString());
        var cause = Assert.Single(Causes(refused));
        Assert.Equal("spec.controllerName", cause.Field);
        Assert.Contains("Value is immutable", cause.Message, StringComparison.Ordinal);
        var stored = (JsonElement)await _client.CustomObjects.GetClusterCustomObjectAsync("gateway.networking.k8s.io", "v1", "gatewayclasses", "shared");
        Assert.Equal("example.com/gateway", stored.GetProperty("spec").GetProperty("controllerName").GetString());
    }

    [Fact]
    public async Task An_istio_service_entry_with_a_wildcard_host_is_refused()
    {
        await InstallCrdAsync("istio/crd-all.gen.yaml", "serviceentries.networking.istio.io");
        const string entry = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: payments}
            spec:
              hosts: ["*"]
              ports: [{number: 443, name: https, protocol: TLS}]
              resolution: DNS
            """;

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _client.CustomObjects.CreateNamespacedCustomObjectAsync(Body(entry), "networking.istio.io", "v1", "default", "serviceentries"));
        await _client.CustomObjects.CreateNamespacedCustomObjectAsync(Body(entry.Replace("\"*\"", "payments.example.com")), "networking.istio.io", "v1", "default", "serviceentries");

        var cause = Assert.Single(Causes(refused));
        Assert.Equal("spec.hosts[0]", cause.Field);
        Assert.Contains("hostname cannot be wildcard", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crd_whose_rule_does_not_compile_is_refused_at_the_rule()
    {
        var crd = KubernetesJson.Deserialize<V1CustomResourceDefinition>("""
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"gadgets.example.com"},
             "spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"gadgets","singular":"gadget","kind":"Gadget"},
               "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object",
                 "properties":{"size":{"type":"integer"}},
                 "x-kubernetes-validations":[{"rule":"self.size >","message":"size must be positive"}]}}}}}]}}
            """);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd));

        var cause = Assert.Single(Causes(error));
        Assert.Equal("spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule", cause.Field);
        Assert.Contains("compilation failed", cause.Message, StringComparison.Ordinal);
        var crds = await _client.ApiextensionsV1.ListCustomResourceDefinitionAsync();
        Assert.DoesNotContain(crds.Items, item => item.Metadata.Name == "gadgets.example.com");
    }
}
