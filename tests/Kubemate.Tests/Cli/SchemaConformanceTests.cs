using System.Text.Json.Nodes;
using Kubemate.Model.Kube;
using Kubemate.Schema;
using Kubemate.Testing;

namespace Kubemate.Tests.Cli;

/// <summary>What every family renders from flags, through each mesh, meets the upstream CRD schemas.</summary>
public class SchemaConformanceTests
{
    private static readonly Lazy<SchemaCatalog> Catalog = new(() => SchemaCatalog.Load(
        Path.Combine(RepoPaths.Schemas, "linkerd", "rendered"),
        Path.Combine(RepoPaths.Schemas, "gateway-api", "v1.6.1", "standard"),
        Path.Combine(RepoPaths.Schemas, "smi", "linkerd-smi"),
        Path.Combine(RepoPaths.Schemas, "istio"),
        Path.Combine(RepoPaths.Schemas, "traefik", "kubernetes-crd-definition-v1.yml"),
        Path.Combine(RepoPaths.Schemas, "cert-manager"),
        Path.Combine(RepoPaths.Schemas, "prometheus-operator")));

    public static TheoryData<string, string> Invocations()
    {
        var data = new TheoryData<string, string>();
        foreach (var family in FamilyFlagTests.Typical.Keys)
        {
            data.Add(family, "linkerd");
        }
        data.Add("split", "istio");
        data.Add("split", "linkerd:smi-v1alpha2");
        data.Add("intent", "istio");
        return data;
    }

    [Theory]
    [MemberData(nameof(Invocations))]
    public async Task Every_rendered_custom_resource_meets_its_upstream_schema(string family, string mesh)
    {
        var objects = await FamilyFlagTests.RenderThroughAsync(family, mesh);

        var custom = objects.Where(o => KubeJson.Group(o).Contains('.', StringComparison.Ordinal) && !IsBuiltIn(o)).ToList();
        Assert.All(custom, o => Assert.True(Catalog.Value.Contains(KubeJson.ApiVersion(o), KubeJson.Kind(o)), $"no schema for {KubeJson.ApiVersion(o)} {KubeJson.Kind(o)}"));
        var failures = custom.Select(o => (Object: o, Errors: Catalog.Value.Validate(o))).Where(r => r.Errors.Count > 0)
            .Select(r => $"{KubeJson.Kind(r.Object)} {KubeJson.Name(r.Object)}: {string.Join("; ", r.Errors)}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool IsBuiltIn(JsonObject obj) =>
        KubeJson.Group(obj) is "networking.k8s.io" or "rbac.authorization.k8s.io" or "policy" or "autoscaling" or "apps";
}
