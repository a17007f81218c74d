using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Testing;

namespace Kubemate.Sandbox.Tests;

/// <summary>Custom resources through the client's generic API: served once their CRD exists, validated, pruned, gone with the CRD.</summary>
public sealed class CustomResourceTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    private readonly Kubernetes _client = fixture.Client();

    [Fact]
    public async Task A_crd_serves_its_resources_validates_them_and_takes_them_away_when_deleted()
    {
        var crdDocument = YamlJson.ExpandLists(YamlJson.ParseDocuments(File.ReadAllText(Path.Combine(RepoPaths.Schemas, "linkerd", "rendered", "install_crds.golden"))))
            .Single(d => d["metadata"]?["name"]?.GetValue<string>() == "servers.policy.linkerd.io");
        var crd = KubernetesJson.Deserialize<V1CustomResourceDefinition>(crdDocument.ToJsonString());
        await _client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);

        var server = new Dictionary<string, object>
        {
            ["apiVersion"] = "policy.linkerd.io/v1beta3",
            ["kind"] = "Server",
            ["metadata"] = new Dictionary<string, object> { ["name"] = "web-http" },
            ["spec"] = new Dictionary<string, object>
            {
                ["podSelector"] = new Dictionary<string, object> { ["matchLabels"] = new Dictionary<string, string> { ["app"] = "web" } },
                ["port"] = "http",
                ["proxyProtocol"] = "HTTP/1",
                ["unknownField"] = "pruned",
            },
        };
        var created = (JsonElement)await _client.CustomObjects.CreateNamespacedCustomObjectAsync(server, "policy.linkerd.io", "v1beta3", "default", "servers");
        Assert.Equal("web-http", created.GetProperty("metadata").GetProperty("name").GetString());
        Assert.False(created.GetProperty("spec").TryGetProperty("unknownField", out _));

        server["metadata"] = new Dictionary<string, object> { ["name"] = "bad" };
        ((Dictionary<string, object>)server["spec"])["podSelector"] = new Dictionary<string, object>
        {
            ["matchExpressions"] = new[] { new Dictionary<string, object> { ["key"] = "app", ["operator"] = "Resembles" } },
        };
        var invalid = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CustomObjects.CreateNamespacedCustomObjectAsync(server, "policy.linkerd.io", "v1beta3", "default", "servers"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.Response.StatusCode);
        Assert.Contains("spec.podSelector.matchExpressions[0].operator", invalid.Response.Content);
        Assert.Contains("Unsupported value", invalid.Response.Content);

        var list = (JsonElement)await _client.CustomObjects.ListNamespacedCustomObjectAsync("policy.linkerd.io", "v1beta3", "default", "servers");
        Assert.Equal(1, list.GetProperty("items").GetArrayLength());

        await _client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync(crd.Metadata.Name);
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CustomObjects.ListNamespacedCustomObjectAsync("policy.linkerd.io", "v1beta3", "default", "servers"));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task A_crd_with_a_non_structural_schema_is_rejected()
    {
        var crd = KubernetesJson.Deserialize<V1CustomResourceDefinition>("""
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"widgets.example.com"},
             "spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"widgets","singular":"widget","kind":"Widget"},
               "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"properties":{"size":{"type":"integer"}}}}}}}]}}
            """);
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Contains("spec.versions[0].schema.openAPIV3Schema.properties[spec].type", error.Response.Content);
    }
}
