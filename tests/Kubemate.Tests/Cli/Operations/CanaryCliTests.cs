using Kubemate.ApiMachinery.Yaml;
using Kubemate.Application.Canary.Resource;

namespace Kubemate.Tests.Cli.Operations;

/// <summary>
/// <c>kubemate canary</c> against a real <c>kubemate serve</c> on the demo sandbox: olivia creates and runs a release in
/// orders, the controller's refusals and RBAC's are exit 1 with the reason, bad usage exit 2 naming the flag.
/// </summary>
public sealed class CanaryCliTests(ServeProcess serve) : IClassFixture<ServeProcess>, IAsyncLifetime, IDisposable
{
    private const string Backend = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: orders-v2, namespace: orders}
        spec:
          replicas: 1
          selector: {matchLabels: {app: orders, version: v2}}
          template:
            metadata: {labels: {app: orders, version: v2}}
            spec: {containers: [{name: orders, image: registry.example/orders:2.0, ports: [{name: http, containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: orders-v2, namespace: orders}
        spec: {selector: {app: orders, version: v2}, ports: [{name: http, port: 8080, targetPort: http}]}
        """;

    private readonly TempDirectory _files = new();

    public async Task InitializeAsync()
    {
        // kubemate serve installs the kind and its roles when its controller starts; a test may be quicker than that.
        var crd = await serve.Kubectl.RunAsync(["--context", "kubemate-sandbox", "apply", "--server-side", "--field-manager", "kubemate", "-f", "-"],
            string.Join("---\n", [CanaryReleaseCrd.Yaml(), .. CanaryReleaseCrd.Roles().Select(r => YamlJson.Serialize(r))]));
        Assert.True(crd.ExitCode == 0, crd.StdErr);
        var installed = await serve.Kubectl.RunAsync(["--context", "kubemate-sandbox", "apply", "--server-side", "--force-conflicts", "-f", "-"], Backend);
        Assert.True(installed.ExitCode == 0, installed.StdErr);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Olivia_creates_a_release_from_flags_after_a_dry_run_and_acts_on_it()
    {
        var name = $"cli-{Guid.NewGuid():n}"[..12];
        string[] create = ["canary", "create", name, "-n", "orders", "--service", "orders", "--stable", "orders-v1", "--canary", "orders-v2", "--weight", "5"];

        var dry = await Cli.SucceedAsync([.. create, "--dry-run", .. serve.As("olivia")]);
        Assert.Contains("+   canary: orders-v2", ServerModeTests.Lines(dry.StdOut));
        Assert.Contains("dry run: nothing was changed", dry.StdOut);
        Assert.Contains("NotFound", (await serve.Kubectl.RunAsync("--context", "kubemate-sandbox", "get", "canaryreleases", name, "-n", "orders")).StdErr);

        await Cli.SucceedAsync([.. create, .. serve.As("olivia")]);
        Assert.Equal("5", await serve.Kubectl.Ok("--context", "kubemate-sandbox", "get", "canaryreleases", name, "-n", "orders", "-o", "jsonpath={.spec.weight}"));

        var list = await Cli.SucceedAsync(["canary", "list", "-n", "orders", .. serve.As("olivia")]);
        Assert.Contains(ServerModeTests.Lines(list.StdOut), l => l.StartsWith($"orders      {name}", StringComparison.Ordinal) && l.Contains("orders-v2") && l.Contains("manual"));
        var json = await Cli.SucceedAsync(["canary", "get", name, "-n", "orders", "-o", "json", .. serve.As("olivia")]);
        Assert.Contains("\"canary\": \"orders-v2\"", json.StdOut);

        await Cli.SucceedAsync(["canary", "set-weight", name, "20", "-n", "orders", .. serve.As("olivia")]);
        Assert.Equal("20", await serve.Kubectl.Ok("--context", "kubemate-sandbox", "get", "canaryreleases", name, "-n", "orders", "-o", "jsonpath={.spec.weight}"));
        var paused = await Cli.SucceedAsync(["canary", "pause", name, "-n", "orders", .. serve.As("olivia")]);
        Assert.StartsWith("pause: ", paused.StdOut, StringComparison.Ordinal);

        var approve = await Cli.RunAsync(["canary", "approve", name, "-n", "orders", .. serve.As("olivia")]);
        Assert.Equal(1, approve.ExitCode);
        Assert.Contains("nothing waits for approval", approve.StdErr);
        var denied = await Cli.RunAsync(["canary", "rollback", name, "-n", "orders", .. serve.As("audrey")]);
        Assert.Equal(1, denied.ExitCode);
        Assert.Contains("denied", denied.StdErr);
    }

    [Fact]
    public async Task A_release_file_is_exported_for_gitops_without_touching_the_cluster()
    {
        var name = $"git-{Guid.NewGuid():n}"[..12];
        var file = _files.Write("release.yaml", $$"""
            apiVersion: kubemate.io/v1alpha1
            kind: CanaryRelease
            metadata: {name: {{name}}, namespace: orders}
            spec: {service: orders, stable: orders-v1, canary: orders-v2, mode: progressive, steps: [{weight: 5, pause: 30s}, {weight: 50}]}
            """);
        var directory = _files.File("gitops");

        var exported = await Cli.SucceedAsync(["canary", "create", "-n", "orders", "-f", file, "--gitops", directory, .. serve.As("olivia")]);

        Assert.Contains("nothing was applied", exported.StdOut);
        var written = Directory.GetFiles(directory, "*.yaml", SearchOption.AllDirectories);
        Assert.Contains("weight: 50", await File.ReadAllTextAsync(Assert.Single(written)));
        Assert.Contains("NotFound", (await serve.Kubectl.RunAsync("--context", "kubemate-sandbox", "get", "canaryreleases", name, "-n", "orders")).StdErr);
    }

    [Fact]
    public async Task Bad_usage_is_exit_2_naming_the_flag_and_changes_nothing()
    {
        var missing = await Cli.FailAsync(["canary", "create", "x", "-n", "orders", "--stable", "orders-v1", "--canary", "orders-v2", .. serve.As("olivia")]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--service: is required", missing.StdErr);
        var weight = await Cli.FailAsync(["canary", "set-weight", "x", "150", "-n", "orders", .. serve.As("olivia")]);
        Assert.Equal(2, weight.ExitCode);
        Assert.Contains("not a percent", weight.StdErr);
        var steps = await Cli.FailAsync(["canary", "create", "x", "-n", "orders", "--service", "orders", "--stable", "a", "--canary", "b", "--mode", "progressive", "--steps", "5,x", .. serve.As("olivia")]);
        Assert.Contains("--steps", steps.StdErr);
        var direct = await Cli.FailAsync(["canary", "list", "--kubeconfig", serve.Kubeconfig]);
        Assert.Equal(2, direct.ExitCode);
        Assert.Contains("--server: is required", direct.StdErr);
        var invalid = await Cli.FailAsync(["canary", "create", "x", "-n", "orders", "--service", "orders", "--stable", "orders-v1", "--canary", "orders-v1", .. serve.As("olivia")]);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("spec.canary", invalid.StdErr);
    }
}
