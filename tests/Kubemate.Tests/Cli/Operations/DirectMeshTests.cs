using Kubemate.Testing;

namespace Kubemate.Tests.Cli.Operations;

/// <summary><c>kubemate mesh</c> directly against the demo sandbox; the run itself goes through the real executable, as a user starts it.</summary>
public sealed class DirectMeshTests(DemoSandbox sandbox) : IClassFixture<DemoSandbox>
{
    [Fact]
    public async Task Dry_run_plans_a_restart_per_unmeshed_workload_and_changes_nothing()
    {
        var result = await Cli.SucceedAsync(["mesh", "enable", "-n", "data", "--dry-run", .. sandbox.As("alice", sandbox.NewAuditStore())]);

        var lines = ServerModeTests.Lines(result.StdOut);
        Assert.Contains("+     linkerd.io/inject: enabled", lines);
        Assert.Contains(lines, l => l.StartsWith("deployment/redis", StringComparison.Ordinal) && l.Contains("restart") && l.Contains("0/1 pods meshed"));
        Assert.Contains(lines, l => l.StartsWith("statefulset/postgres", StringComparison.Ordinal) && l.Contains("restart"));
        var annotations = await sandbox.Kubectl.Ok("--context", "kubemate-sandbox", "get", "namespace", "data", "-o", "jsonpath={.metadata.annotations}");
        Assert.DoesNotContain("linkerd.io/inject", annotations);
    }

    [Fact]
    public async Task A_plan_for_one_workload_comes_as_json_with_only_that_workload()
    {
        var result = await Cli.SucceedAsync(["mesh", "disable", "-n", "web", "--workload", "frontend", "--dry-run", "-o", "json", .. sandbox.As("alice", sandbox.NewAuditStore())]);

        var plan = System.Text.Json.Nodes.JsonNode.Parse(result.StdOut)!;
        Assert.Equal("deployment/frontend", (string?)plan["workload"]);
        Assert.False((bool)plan["enable"]!);
        var restart = Assert.Single(plan["restarts"]!.AsArray());
        Assert.Equal(("Deployment", "frontend", 2, 2), ((string?)restart!["kind"], (string?)restart["name"], (int)restart["pods"]!, (int)restart["meshedPods"]!));
    }

    [Fact]
    public async Task Enable_meshes_every_workload_shows_progress_per_workload_and_audits_the_user()
    {
        var audit = sandbox.NewAuditStore();
        var dll = Path.Combine(AppContext.BaseDirectory, "kubemate.dll");

        var run = await ProcessRunner.RunAsync("dotnet", [dll, "mesh", "enable", "-n", "users", .. sandbox.As("alice", audit)], timeout: TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = ServerModeTests.Lines(run.StdOut);
        Assert.Contains(lines, l => l.StartsWith("deployment/users: restarting", StringComparison.Ordinal));
        Assert.Contains("deployment/users: done, 2/2 pods meshed", lines);
        Assert.Contains("deployment/notifications: done, 1/1 pods meshed", lines);
        Assert.Equal("completed: 2 done, 0 skipped, 0 failed", lines[^1]);
        Assert.DoesNotContain("\u001b[", run.StdOut);
        var records = await Cli.SucceedAsync("audit", "--user", "alice", "--audit", audit);
        Assert.Contains(ServerModeTests.Lines(records.StdOut), l => l.Contains("alice") && l.Contains("mesh-enable"));
    }

    [Fact]
    public async Task A_user_without_rights_on_the_namespace_is_denied_with_the_clusters_reason()
    {
        var result = await Cli.RunAsync(["mesh", "enable", "-n", "payments", .. sandbox.As("olivia", sandbox.NewAuditStore())]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("denied", result.StdErr);
        Assert.Contains("olivia", result.StdErr);
    }
}
