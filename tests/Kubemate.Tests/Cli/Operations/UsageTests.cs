namespace Kubemate.Tests.Cli.Operations;

/// <summary>Bad usage names the flag or field and the reason, exits 2 and changes nothing (no cluster is contacted).</summary>
public sealed class UsageTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    private string[] Offline => ["--kubeconfig", _files.File("no-such-kubeconfig"), "--audit", _files.File("audit.db")];

    [Fact]
    public async Task Mesh_needs_a_namespace_and_known_flag_values()
    {
        var result = await Cli.FailAsync(["mesh", "enable", "--provider", "consul", "--max-concurrency", "0", "--workload", "pod/x", "-o", "yaml", "--colour", .. Offline]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--namespace: is required", result.StdErr);
        Assert.Contains("--provider: 'consul' is not one of linkerd, istio", result.StdErr);
        Assert.Contains("--max-concurrency: 0 is out of range (1-100)", result.StdErr);
        Assert.Contains("--workload: 'pod' is not a workload kind", result.StdErr);
        Assert.Contains("--output: 'yaml' is not one of text, json", result.StdErr);
        Assert.Contains("--colour: unknown flag", result.StdErr);
    }

    [Fact]
    public async Task Invalid_yaml_is_reported_with_its_line_number()
    {
        var file = _files.Write("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: [\n");

        var result = await Cli.FailAsync(["apply", "-f", file, .. Offline]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--filename {file}: invalid YAML at line 5", result.StdErr);
    }

    [Fact]
    public async Task Objects_without_the_fields_every_object_needs_are_named_by_field_path()
    {
        var file = _files.Write("incomplete.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: orders\n---\nkind: Secret\nmetadata:\n  name: s\n---\n42\n");

        var result = await Cli.FailAsync(["apply", "-f", file, .. Offline]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--filename {file}: document 3: is not an object", result.StdErr);
        var second = await Cli.FailAsync(["apply", "-f", _files.Write("two.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: orders\n---\nkind: Secret\nmetadata:\n  name: s\n"), .. Offline]);
        Assert.Contains("objects[0].object.metadata.name: required", second.StdErr);
        Assert.Contains("objects[1].object.apiVersion: required", second.StdErr);
    }

    [Fact]
    public async Task An_unreadable_file_and_a_missing_kubeconfig_are_named()
    {
        var unreadable = await Cli.FailAsync(["apply", "-f", _files.File("missing.yaml"), .. Offline]);
        Assert.Equal(2, unreadable.ExitCode);
        Assert.Contains("--filename: cannot read", unreadable.StdErr);

        var noKubeconfig = await Cli.FailAsync(["apply", "-f", _files.Write("ok.yaml", OperationManifests.ConfigMap("a")), .. Offline]);
        Assert.Equal(2, noKubeconfig.ExitCode);
        Assert.Contains("kubeconfig:", noKubeconfig.StdErr);
        Assert.Contains("does not exist", noKubeconfig.StdErr);
    }

    [Fact]
    public async Task A_cluster_that_cannot_be_reached_fails_with_exit_1_and_says_which()
    {
        var kubeconfig = _files.Write("unreachable", """
            apiVersion: v1
            kind: Config
            clusters:
            - name: gone
              cluster: {server: "https://127.0.0.1:1"}
            users:
            - name: someone
              user: {token: t}
            contexts:
            - name: gone
              context: {cluster: gone, user: someone}
            current-context: gone
            """);

        var result = await Cli.FailAsync("mesh", "enable", "-n", "users", "--dry-run", "--kubeconfig", kubeconfig, "--audit", _files.File("audit.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"the cluster of the current context in {kubeconfig} cannot be reached", result.StdErr);
    }

    [Fact]
    public async Task Audit_flags_are_checked()
    {
        var result = await Cli.FailAsync(["audit", "--since", "yesterday", "--limit", "many", "-o", "xml", .. Offline]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--since: 'yesterday' is neither a duration", result.StdErr);
        Assert.Contains("--limit: 'many' is not a whole number", result.StdErr);
        Assert.Contains("--output: 'xml' is not one of table, json, jsonl", result.StdErr);
    }

    [Fact]
    public async Task A_server_that_is_not_a_url_and_a_token_without_a_server_are_refused()
    {
        var notUrl = await Cli.FailAsync("audit", "--server", "kubemate.local");
        Assert.Equal(2, notUrl.ExitCode);
        Assert.Contains("--server: 'kubemate.local' is not an http(s) URL", notUrl.StdErr);

        var token = await Cli.FailAsync(["audit", "--token", "t", .. Offline]);
        Assert.Equal(2, token.ExitCode);
        Assert.Contains("--token: is only used with --server", token.StdErr);
    }

    [Fact]
    public async Task Gitops_and_dry_run_together_are_refused()
    {
        var result = await Cli.FailAsync(["apply", "-f", _files.Write("ok.yaml", OperationManifests.ConfigMap("a")), "--dry-run", "--gitops-dir", _files.File("repo"), .. Offline]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--gitops-dir: cannot be combined with --dry-run", result.StdErr);
    }
}
