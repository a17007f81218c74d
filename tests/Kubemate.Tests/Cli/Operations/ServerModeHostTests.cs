namespace Kubemate.Tests.Cli.Operations;

/// <summary>The CLI in server mode against a real <c>kubemate serve</c> (REST API, impersonation, audit), over HTTP.</summary>
public sealed class ServerModeHostTests(ServeProcess serve) : IClassFixture<ServeProcess>, IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Mesh_enable_runs_on_the_server_with_live_progress_and_the_plan_before_it()
    {
        var plan = await Cli.SucceedAsync(["mesh", "enable", "-n", "users", "--dry-run", .. serve.As("alice")]);
        Assert.Contains(ServerModeTests.Lines(plan.StdOut), l => l.StartsWith("deployment/users", StringComparison.Ordinal) && l.Contains("restart"));

        var run = await Cli.SucceedAsync(["mesh", "enable", "-n", "users", .. serve.As("alice")]);

        var lines = ServerModeTests.Lines(run.StdOut);
        Assert.Contains("deployment/users: done, 2/2 pods meshed", lines);
        Assert.Contains("deployment/notifications: done, 1/1 pods meshed", lines);
        Assert.Equal("completed: 2 done, 0 skipped, 0 failed", lines[^1]);
    }

    [Fact]
    public async Task Kubernetes_rbac_denies_through_the_server_with_its_reason()
    {
        var result = await Cli.RunAsync(["mesh", "enable", "-n", "payments", .. serve.As("olivia")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("denied", result.StdErr);
        Assert.Contains("User \"olivia\" cannot patch resource \"namespaces\"", result.StdErr);
    }

    [Fact]
    public async Task Apply_reports_a_conflict_by_field_and_manager_and_forces_only_when_asked()
    {
        var name = $"srv-{Guid.NewGuid():n}"[..12];
        await Cli.SucceedAsync(["apply", "-f", _files.Write("a.yaml", OperationManifests.ConfigMap("a", name: name)), .. serve.As("olivia")]);
        await serve.Kubectl.Ok("--context", "kubemate-sandbox", "patch", "configmap", name, "-n", "orders", "--type", "merge", "-p", "{\"data\":{\"mode\":\"z\"}}");
        var file = _files.Write("b.yaml", OperationManifests.ConfigMap("b", name: name));

        var refused = await Cli.RunAsync(["apply", "-f", file, .. serve.As("olivia")]);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(ServerModeTests.Lines(refused.StdErr), l => l.Contains($"ConfigMap orders/{name}") && l.Contains(".data.mode") && l.Contains("kubectl-patch"));
        Assert.Equal("z", await serve.Kubectl.Ok("--context", "kubemate-sandbox", "get", "configmap", name, "-n", "orders", "-o", "jsonpath={.data.mode}"));

        await Cli.SucceedAsync(["apply", "-f", file, "--force-conflicts", .. serve.As("olivia")]);
        Assert.Equal("b", await serve.Kubectl.Ok("--context", "kubemate-sandbox", "get", "configmap", name, "-n", "orders", "-o", "jsonpath={.data.mode}"));

        var audit = await Cli.SucceedAsync(["audit", "--user", "olivia", "-o", "jsonl", .. serve.As("alice")]);
        var records = audit.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Audit.Export.AuditJsonLines.Parse).ToList();
        Assert.Contains(records, r => r.Operation == "apply" && !r.DryRun && r.Objects.Any(o => o.Name == name) && r.User == "olivia");
        Assert.Equal(0, (await Cli.RunAsync(["audit", "verify", .. serve.As("alice")])).ExitCode);
    }
}
