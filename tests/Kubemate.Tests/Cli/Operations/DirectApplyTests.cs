using Kubemate.Audit;

namespace Kubemate.Tests.Cli.Operations;

/// <summary><c>kubemate apply</c> directly against the demo sandbox with the kubeconfig user's own credentials.</summary>
public sealed class DirectApplyTests(DemoSandbox sandbox) : IClassFixture<DemoSandbox>, IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Apply_prints_the_diff_applies_and_records_who_did_it()
    {
        var audit = sandbox.NewAuditStore();
        var name = $"apply-{Guid.NewGuid():n}"[..14];
        var created = await Cli.SucceedAsync(["apply", "-f", _files.Write("a.yaml", OperationManifests.ConfigMap("a", name: name)), .. sandbox.As("olivia", audit)]);
        Assert.Contains($"ConfigMap orders/{name} (v1): create", created.StdOut);
        Assert.Contains("+ data:", ServerModeTests.Lines(created.StdOut));

        var updated = await Cli.SucceedAsync(["apply", "-f", _files.Write("b.yaml", OperationManifests.ConfigMap("b", name: name)), .. sandbox.As("olivia", audit)]);

        var lines = ServerModeTests.Lines(updated.StdOut);
        Assert.Contains("-   mode: a", lines);
        Assert.Contains("+   mode: b", lines);
        Assert.Contains(lines, l => l.StartsWith($"ConfigMap orders/{name} (v1)", StringComparison.Ordinal) && l.Contains("update") && l.Contains("applied"));
        Assert.Contains("b", await sandbox.Kubectl.Ok("--context", "kubemate-sandbox", "get", "configmap", name, "-n", "orders", "-o", "jsonpath={.data.mode}"));
        var records = await Cli.SucceedAsync(["audit", "-o", "jsonl", "--audit", audit]);
        var applied = records.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Audit.Export.AuditJsonLines.Parse).Where(r => !r.DryRun).ToList();
        Assert.Equal(2, applied.Count);
        Assert.All(applied, r => Assert.Equal(("olivia", "cli", "kubemate-sandbox-olivia", AuditOutcome.Allowed), (r.User, r.SourceAddress, r.Cluster, r.Outcome)));
    }

    [Fact]
    public async Task Dry_run_prints_the_diff_and_changes_nothing()
    {
        var name = $"dry-{Guid.NewGuid():n}"[..12];
        var result = await Cli.SucceedAsync(["apply", "--dry-run", "-f", _files.Write("a.yaml", OperationManifests.ConfigMap("a", name: name)), .. sandbox.As("alice", sandbox.NewAuditStore())]);

        Assert.Contains("+   mode: a", ServerModeTests.Lines(result.StdOut));
        Assert.Contains("dry run: nothing was changed", result.StdOut);
        var get = await sandbox.Kubectl.RunAsync("--context", "kubemate-sandbox", "get", "configmap", name, "-n", "orders");
        Assert.Contains("NotFound", get.StdErr);
    }

    [Fact]
    public async Task A_field_owned_by_kubectl_is_reported_by_field_and_manager_and_only_taken_with_force_conflicts()
    {
        var name = $"owned-{Guid.NewGuid():n}"[..14];
        await sandbox.Kubectl.RunAsync(["--context", "kubemate-sandbox", "apply", "--server-side", "--field-manager", "team-tool", "-f", "-"],
            OperationManifests.ConfigMap("theirs", name: name));
        var file = _files.Write("mine.yaml", OperationManifests.ConfigMap("mine", name: name));
        var audit = sandbox.NewAuditStore();

        var refused = await Cli.RunAsync(["apply", "-f", file, .. sandbox.As("alice", audit)]);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(ServerModeTests.Lines(refused.StdErr), l => l.Contains(".data.mode") && l.Contains("team-tool"));
        Assert.Contains("theirs", await sandbox.Kubectl.Ok("--context", "kubemate-sandbox", "get", "configmap", name, "-n", "orders", "-o", "jsonpath={.data.mode}"));

        await Cli.SucceedAsync(["apply", "-f", file, "--force-conflicts", .. sandbox.As("alice", audit)]);
        Assert.Contains("mine", await sandbox.Kubectl.Ok("--context", "kubemate-sandbox", "get", "configmap", name, "-n", "orders", "-o", "jsonpath={.data.mode}"));
    }

    [Fact]
    public async Task A_namespace_the_user_may_not_write_fails_with_the_clusters_reason_and_changes_nothing()
    {
        var result = await Cli.RunAsync(["apply", "-f", _files.Write("p.yaml", OperationManifests.ConfigMap("x", ns: "payments")), .. sandbox.As("olivia", sandbox.NewAuditStore())]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("forbidden", result.StdOut + result.StdErr, StringComparison.OrdinalIgnoreCase);
        var get = await sandbox.Kubectl.RunAsync("--context", "kubemate-sandbox", "get", "configmap", "settings", "-n", "payments");
        Assert.Contains("NotFound", get.StdErr);
    }

    [Fact]
    public async Task Gitops_mode_writes_one_file_per_object_and_applies_nothing()
    {
        var name = $"git-{Guid.NewGuid():n}"[..12];
        var directory = _files.File("repo");

        var result = await Cli.SucceedAsync(["apply", "-f", _files.Write("g.yaml", OperationManifests.ConfigMap("g", name: name)), "--gitops-dir", directory, .. sandbox.As("alice", sandbox.NewAuditStore())]);

        Assert.Contains("nothing was applied", result.StdOut);
        Assert.Contains("mode: g", await File.ReadAllTextAsync(Path.Combine(directory, $"orders_configmap.core_{name}.yaml")));
        var get = await sandbox.Kubectl.RunAsync("--context", "kubemate-sandbox", "get", "configmap", name, "-n", "orders");
        Assert.Contains("NotFound", get.StdErr);
    }

    [Fact]
    public async Task A_secret_diff_names_the_changed_key_but_no_value_on_screen_or_in_the_audit_trail()
    {
        var audit = sandbox.NewAuditStore();
        var name = $"db-{Guid.NewGuid():n}"[..12];
        await Cli.SucceedAsync(["apply", "-f", _files.Write("s1.yaml", OperationManifests.Secret(name, "S3cr3t")), .. sandbox.As("alice", audit)]);

        var changed = await Cli.SucceedAsync(["apply", "-f", _files.Write("s2.yaml", OperationManifests.Secret(name, "N3wS3cr3t")), .. sandbox.As("alice", audit)]);
        var unchanged = await Cli.SucceedAsync(["apply", "--dry-run", "-f", _files.Write("s3.yaml", OperationManifests.Secret(name, "N3wS3cr3t")), .. sandbox.As("alice", audit)]);
        var exported = await Cli.RunAsync(["apply", "-f", _files.Write("s4.yaml", OperationManifests.Secret(name, "N3wS3cr3t")), "--gitops-dir", _files.File("repo"), .. sandbox.As("alice", audit)]);
        var records = await Cli.SucceedAsync(["audit", "-o", "jsonl", "--audit", audit]);

        var lines = ServerModeTests.Lines(changed.StdOut);
        Assert.Contains(lines, l => l.StartsWith('-') && l[1..].Trim() == "password: <redacted>");
        Assert.Contains(lines, l => l.StartsWith('+') && l[1..].Trim() == "password: <redacted, changed>");
        Assert.DoesNotContain(lines, l => l.Contains("username", StringComparison.Ordinal));
        Assert.Contains(ServerModeTests.Lines(unchanged.StdOut), l => l.StartsWith($"Secret default/{name} (v1): unchanged", StringComparison.Ordinal));
        Assert.Equal(2, exported.ExitCode);
        Assert.Contains("SealedSecret", exported.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_files.File("repo")) && Directory.EnumerateFiles(_files.File("repo")).Any());
        foreach (var value in new[] { "S3cr3t", "UzNjcjN0", "db-admin", "ZGItYWRtaW4=" })
        {
            Assert.DoesNotContain(value, changed.StdOut + changed.StdErr + unchanged.StdOut + exported.StdOut + exported.StdErr + records.StdOut, StringComparison.Ordinal);
        }
    }
}
