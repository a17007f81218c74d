using Kubemate.ApiMachinery.Yaml;
using Kubemate.Testing;

namespace Kubemate.Tests.Cli;

/// <summary><c>kubemate import -f FILE -o model.yaml</c> then <c>kubemate render -f model.yaml</c> gives FILE's objects back.</summary>
public class ImportRenderRoundTripTests
{
    public static TheoryData<string> Fixtures()
    {
        var root = RepoPaths.Fixtures;
        var files = new[] { "traefik", "linkerd-policy", "smi" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal);
        return new(files);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Importing_then_rendering_gives_back_every_object_of_the_fixture(string fixture)
    {
        using var directory = new TempDirectory();
        var input = directory.Write("objects.yaml", Manifests.FixtureText(fixture));
        var model = directory.File("model.yaml");

        var imported = await Cli.SucceedAsync("import", "-f", input, "-o", model);
        var rendered = await Cli.SucceedAsync("render", "-f", model);

        Assert.Equal("", imported.StdOut);
        Assert.DoesNotContain("warning", imported.StdErr, StringComparison.Ordinal);
        Manifests.AssertSameObjects(Manifests.Parse(File.ReadAllText(input)), Manifests.Parse(rendered.StdOut), fixture);
    }

    [Theory]
    [InlineData("linkerd-policy/linkerd2/test/integration/viz/policy/testdata/emoji-policy.yaml", "AccessIntent", 3)]
    [InlineData("linkerd-policy/linkerd2/grafana/authzpolicy-grafana.yaml", "AccessIntent", 1)]
    [InlineData("smi/linkerd-smi/traffic-split-leaf-weights.yaml", "TrafficSplit", 1)]
    [InlineData("traefik/crd-provider/with_middleware.yml", "EdgeMiddleware", 3)]
    [InlineData("traefik/integration/06-ingressroute-traefikservices.yml", "EdgeService", 3)]
    public async Task Import_understands_mesh_and_edge_objects_as_models(string fixture, string kind, int count)
    {
        using var directory = new TempDirectory();
        var input = directory.Write("objects.yaml", Manifests.FixtureText(fixture));

        var imported = await Cli.SucceedAsync("import", "-f", input);

        var kinds = YamlJson.ParseDocuments(imported.StdOut).Select(d => d["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(count, kinds.Count(k => k == kind));
    }

    [Fact]
    public async Task Objects_no_model_expresses_are_kept_verbatim_with_the_reason_and_rendered_back_unchanged()
    {
        using var directory = new TempDirectory();
        var input = directory.Write("objects.yaml", Manifests.FixtureText("linkerd-policy/linkerd2/test/integration/install/testdata/smoke_test.yaml"));

        var imported = await Cli.SucceedAsync("import", "-f", input);

        var documents = YamlJson.ParseDocuments(imported.StdOut);
        var verbatim = documents.Where(d => d["kind"]!.GetValue<string>() == "Verbatim").ToList();
        Assert.Equal(["Deployment", "Deployment", "Service", "Service"], verbatim.Select(v => v["spec"]!["object"]!["kind"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(verbatim, v => Assert.False(string.IsNullOrEmpty(v["spec"]!["reason"]?.GetValue<string>())));
        Assert.Contains("verbatim Deployment.apps/smoke-test-terminus", imported.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task References_to_objects_outside_the_file_are_recorded_as_existing_in_the_cluster()
    {
        using var directory = new TempDirectory();
        var input = directory.Write("objects.yaml", Manifests.FixtureText("traefik/integration/03-ingressroute.yml"));

        var imported = await Cli.SucceedAsync("import", "-f", input);

        var settings = Assert.Single(YamlJson.ParseDocuments(imported.StdOut), d => d["kind"]!.GetValue<string>() == "EdgeSettings");
        Assert.Equal("default/mytlsoption", settings["spec"]!["existingTlsPolicies"]![0]!.GetValue<string>());
        Assert.Contains("assumed to exist in the cluster (EdgeSettings): TLS option default/mytlsoption", imported.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edge_object_the_model_finds_invalid_is_kept_verbatim_and_still_rendered_back()
    {
        using var directory = new TempDirectory();
        var input = directory.Write("objects.yaml", Manifests.FixtureText("traefik/crd-provider/with_auth.yml"));
        var model = directory.File("model.yaml");

        var imported = await Cli.SucceedAsync("import", "-f", input, "-o", model);

        Assert.Contains("not a valid edge model: spec.address: \"test.com\" is not an http(s) URL", imported.StdErr, StringComparison.Ordinal);
        var rendered = await Cli.SucceedAsync("render", "-f", model);
        Manifests.AssertSameObjects(Manifests.Parse(File.ReadAllText(input)), Manifests.Parse(rendered.StdOut), "with_auth");
    }

    [Fact]
    public async Task A_file_imported_with_istio_renders_back_through_istio_without_naming_the_mesh_again()
    {
        using var directory = new TempDirectory();
        var objects = (await Cli.SucceedAsync("render", "split", "--service", "orders", "-n", "orders", "--backend", "orders-v1=90", "--backend", "orders-v2=10", "--mesh", "istio")).StdOut;
        var input = directory.Write("objects.yaml", objects);
        var model = directory.File("model.yaml");

        await Cli.SucceedAsync("import", "-f", input, "-o", model, "--mesh", "istio");
        var rendered = await Cli.SucceedAsync("render", "-f", model);

        Assert.Contains("kind: TrafficSplit", File.ReadAllText(model), StringComparison.Ordinal);
        Manifests.AssertSameObjects(Manifests.Parse(objects), Manifests.Parse(rendered.StdOut), "istio split");
    }

    [Fact]
    public async Task Workload_annotations_become_a_model_laid_over_the_rest_of_the_workload()
    {
        using var directory = new TempDirectory();
        var input = directory.Write("objects.yaml", Manifests.FixtureText("linkerd-inject/inject_emojivoto_deployment_config_overrides.input.yml"));
        var model = directory.File("model.yaml");

        await Cli.SucceedAsync("import", "-f", input, "-o", model);
        var rendered = await Cli.SucceedAsync("render", "-f", model);
        Manifests.AssertSameObjects(Manifests.Parse(File.ReadAllText(input)), Manifests.Parse(rendered.StdOut), "config overrides");

        var edited = File.ReadAllText(model).Replace("\"9999\"", "\"5432\"", StringComparison.Ordinal).Replace("- 9999", "- \"5432\"", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(model), edited);
        File.WriteAllText(model, edited);
        var after = Manifests.Single(Manifests.Parse((await Cli.SucceedAsync("render", "-f", model)).StdOut), "Deployment");
        var annotations = after["spec"]!["template"]!["metadata"]!["annotations"]!;
        Assert.Equal("5432", annotations["config.linkerd.io/skip-outbound-ports"]!.GetValue<string>());
        Assert.Equal("override", annotations["config.linkerd.io/proxy-version"]!.GetValue<string>());
        Assert.Equal("1", after["spec"]!["replicas"]!.ToJsonString());
    }
}
