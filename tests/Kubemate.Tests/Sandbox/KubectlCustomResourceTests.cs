using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Testing;

namespace Kubemate.Tests.Sandbox;

/// <summary>kubectl applies every upstream CRD and every Traefik fixture; custom resources are validated by their schema.</summary>
public sealed class KubectlCustomResourceTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    /// <summary>
    /// Fixtures that may fail, but only with a clear reason: the ones Traefik's own provider rejects
    /// (fixtures/SOURCES.md), and two a real API server rejects too against the v3.7 CRDs — with_failover2.yml lacks
    /// spec.failover.errors, which that CRD requires, and the docs example puts ServersTransportTCP's TLS fields
    /// directly under spec, which strict field validation refuses.
    /// </summary>
    private static readonly HashSet<string> MayBeRejected =
    [
        "with_bad_tls_options.yml", "with_unknown_tls_options.yml", "with_empty_rule_kind.yml",
        "with_no_rule_value.yml", "with_failover_errors.yml", "with_empty_services_ts.yml",
        "with_failover2.yml", "kubernetes-crd-resource.yml",
    ];

    private Kubectl Kubectl => fixture.Kubectl;

    public static IEnumerable<object[]> CrdFiles() => UpstreamCrdFiles().Select(f => new object[] { Path.GetRelativePath(RepoPaths.Schemas, f) });

    public static IEnumerable<string> UpstreamCrdFiles() =>
        Directory.EnumerateFiles(RepoPaths.Schemas, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".golden", StringComparison.Ordinal))
            .Where(f => !f.Contains("/linkerd/templates/", StringComparison.Ordinal) && !f.EndsWith("vap_safeupgrades.yaml", StringComparison.Ordinal))
            .Where(f => YamlJson.ExpandLists(YamlJson.ParseDocuments(File.ReadAllText(f))).Any(d => d["kind"]?.GetValue<string>() == "CustomResourceDefinition"))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public async Task Every_upstream_crd_applies_and_is_served(string relativePath)
    {
        var file = Path.Combine(RepoPaths.Schemas, relativePath);
        var output = await Kubectl.Ok("apply", "--server-side", "--force-conflicts", "-f", file);
        Assert.Contains("customresourcedefinition.apiextensions.k8s.io/", output);
        foreach (var crd in YamlJson.ExpandLists(YamlJson.ParseDocuments(File.ReadAllText(file))).Where(d => d["kind"]?.GetValue<string>() == "CustomResourceDefinition"))
        {
            var plural = crd["spec"]!["names"]!["plural"]!.GetValue<string>();
            var group = crd["spec"]!["group"]!.GetValue<string>();
            var resources = await Kubectl.Ok("api-resources", "--api-group", group, "-o", "name");
            Assert.Contains($"{plural}.{group}", resources);
        }
    }

    [Fact]
    public async Task Every_valid_traefik_fixture_applies_and_rejected_ones_fail_clearly()
    {
        await Kubectl.Ok("apply", "--server-side", "--force-conflicts", "-f", Path.Combine(RepoPaths.Schemas, "traefik", "kubernetes-crd-definition-v1.yml"));
        var fixtures = Directory.EnumerateFiles(Path.Combine(RepoPaths.Fixtures, "traefik"), "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var namespaces = fixtures.SelectMany(TraefikDocuments).Select(d => d["metadata"]?["namespace"]?.GetValue<string>()).OfType<string>().Distinct();
        await Kubectl.RunAsync(["apply", "-f", "-"], string.Join("---\n", namespaces.Select(ns => $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {ns}\n")));
        var failures = new List<string>();
        foreach (var file in fixtures)
        {
            // Only Traefik's own kinds: the fixtures' Services and Endpoints are inputs for Traefik's provider tests
            // (e.g. cluster IPs outside any service range) that no API server would accept.
            var documents = TraefikDocuments(file).ToList();
            if (documents.Count == 0)
            {
                continue;
            }
            var result = await Kubectl.RunAsync(["apply", "-f", "-"], YamlJson.SerializeDocuments(documents));
            var name = Path.GetFileName(file);
            if (MayBeRejected.Contains(name))
            {
                if (result.ExitCode != 0)
                {
                    Assert.Matches("is invalid|Unsupported value|Required value|Invalid value|unknown field", result.StdErr);
                }
                continue;
            }
            if (result.ExitCode != 0)
            {
                failures.Add($"{name}: {result.StdErr}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains("ingressroute.traefik.io", await Kubectl.Ok("get", "ingressroutes.traefik.io", "-A", "-o", "name"));
    }

    [Fact]
    public async Task A_custom_resource_that_violates_its_schema_is_rejected_naming_the_field()
    {
        await Kubectl.Ok("apply", "--server-side", "--force-conflicts", "-f", Path.Combine(RepoPaths.Schemas, "traefik", "kubernetes-crd-definition-v1.yml"));
        var result = await Kubectl.RunAsync(["apply", "-f", "-"], """
            apiVersion: traefik.io/v1alpha1
            kind: IngressRoute
            metadata:
              name: broken
              namespace: default
            spec:
              routes:
              - match: Host(`a.example.com`)
                kind: Teleport
                services:
                - name: web
                  port: 80
            """);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("is invalid", result.StdErr);
        Assert.Contains("spec.routes[0].kind", result.StdErr);
        Assert.Contains("Unsupported value: \"Teleport\"", result.StdErr);
        Assert.NotEqual(0, (await Kubectl.RunAsync("get", "ingressroute", "broken", "-n", "default")).ExitCode);
    }

    private static IEnumerable<JsonObject> TraefikDocuments(string file) =>
        YamlJson.ExpandLists(YamlJson.ParseDocuments(File.ReadAllText(file)))
            .Where(d => d["apiVersion"]?.GetValue<string>()?.StartsWith("traefik.io/", StringComparison.Ordinal) == true);
}
