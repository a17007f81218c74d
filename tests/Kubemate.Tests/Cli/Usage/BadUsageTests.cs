using System.Text.RegularExpressions;

namespace Kubemate.Tests.Cli.Usage;

/// <summary>
/// Every verb (and every render family) reports bad usage the same way: exit code 2, nothing on standard output, a
/// summary line and one <c>flag: reason</c> line per problem on standard error. No case reaches a cluster or a server:
/// each fails while the command line is parsed or its flags are checked.
/// </summary>
public sealed partial class BadUsageTests
{
    /// <summary>The verb's arguments, and the flag (or argument) the report must name.</summary>
    public static TheoryData<string[], string> Cases => new()
    {
        { ["bogus"], "bogus" },
        { ["sandbox", "--colour"], "--colour" },
        { ["sandbox", "--listen", "nope"], "--listen" },
        { ["serve", "--colour"], "--colour" },
        { ["serve", "--failing-at", "ten"], "--failing-at" },
        { ["serve", "--mesh", "consul"], "--mesh" },
        { ["serve", "--listen", "0.0.0.0:8080"], "--listen" },
        { ["serve", "--tls-cert", "tls.crt"], "--tls-key" },
        { ["serve", "--trusted-proxy", "proxy.local"], "--trusted-proxy[0]" },
        { ["serve", "--kubeconfig", "cluster.yaml"], "--token-file" },
        { ["serve", "--prometheus", "prometheus:9090"], "--prometheus" },
        { ["render", "--colour"], "--colour" },
        { ["render", "-f", "model.yaml", "-o", "xml"], "--output" },
        { ["render", "-f", "model.yaml", "--mesh", "consul"], "--mesh" },
        { ["render"], "--filename" },
        { ["render", "split", "--colour"], "--colour" },
        { ["render", "split", "--service", "orders", "--backend", "a=1", "--port", "http"], "--port" },
        { ["render", "split", "--service", "orders", "--backend", "a=1", "-o", "xml"], "--output" },
        { ["render", "split", "--backend", "a=1"], "--service" },
        { ["render", "split", "--service", "orders", "--backend", "a=ten"], "--backend[0]" },
        { ["render", "intent", "--colour"], "--colour" },
        { ["render", "intent", "--name", "web", "--pods", "app=web", "--port", "80", "--from-any-meshed", "--protocol", "ftp"], "--protocol" },
        { ["render", "intent", "--name", "web", "--pods", "app", "--port", "80", "--from-any-meshed"], "--pods[0]" },
        { ["render", "intent", "--pods", "app=web", "--port", "80", "--from-any-meshed"], "--name" },
        { ["render", "route", "--colour"], "--colour" },
        { ["render", "route", "--service", "web:80"], "--name" },
        { ["render", "route", "--name", "shop", "--service", "web:80=heavy"], "--service[0]" },
        { ["render", "middleware", "--colour"], "--colour" },
        { ["render", "middleware", "--name", "limit", "--rate-limit", "ten"], "--rate-limit" },
        { ["render", "middleware", "--rate-limit", "10"], "--name" },
        { ["render", "certificate", "--colour"], "--colour" },
        { ["render", "certificate", "--name", "shop", "--dns-name", "shop.example", "--issuer", "ca", "--issuer-kind", "Vault"], "--issuer-kind" },
        { ["render", "certificate", "--name", "shop", "--issuer", "ca"], "--dns-name" },
        { ["render", "pki", "--colour"], "--colour" },
        { ["render", "pki", "--anchor-validity-days", "forever"], "--anchor-validity-days" },
        { ["render", "pki", "--issuer-cert", "issuer.pem"], "--trust-anchors, --issuer-key" },
        { ["render", "gateway-profile", "--colour"], "--colour" },
        { ["render", "gateway-profile", "--replicas", "three"], "--replicas" },
        { ["render", "gateway-profile", "--service-type", "External"], "--service-type" },
        { ["render", "egress", "--colour"], "--colour" },
        { ["render", "egress", "--destination", "api=api.example", "--client-namespace", "web", "--api-server-cidr", "10.0.0.1/32", "--api-server-port", "https"], "--api-server-port" },
        { ["render", "egress", "--client-namespace", "web", "--api-server-cidr", "10.0.0.1/32"], "--destination" },
        { ["render", "alerts", "--colour"], "--colour" },
        { ["render", "alerts", "--error-ratio", "some"], "--error-ratio" },
        { ["render", "canary"], "canary" },
        { ["import", "--colour"], "--colour" },
        { ["import"], "--filename" },
        { ["import", "-f", "objects.yaml", "--mesh", "kuma"], "--mesh" },
        { ["mesh"], "command" },
        { ["mesh", "enable", "--colour", "-n", "web"], "--colour" },
        { ["mesh", "enable"], "--namespace" },
        { ["mesh", "enable", "-n", "web", "--max-concurrency", "many"], "--max-concurrency" },
        { ["mesh", "disable", "-n", "web", "--provider", "consul"], "--provider" },
        { ["mesh", "disable", "-n", "web", "--workload", "pod/web-1"], "--workload" },
        { ["mesh", "enable", "-A"], "--all-namespaces" },
        { ["apply", "--colour", "-f", "objects.yaml"], "--colour" },
        { ["apply"], "--filename" },
        { ["apply", "-f", "objects.yaml", "--server", "kubemate.local"], "--server" },
        { ["audit", "--colour"], "--colour" },
        { ["audit", "--limit", "many"], "--limit" },
        { ["audit", "-o", "xml"], "--output" },
        { ["audit", "-n", "web", "-A"], "--all-namespaces" },
        { ["audit", "verify", "--colour"], "--colour" },
        { ["audit", "verify", "-o", "xml"], "--output" },
        { ["stat", "--colour", "deploy"], "--colour" },
        { ["stat"], "resource" },
        { ["stat", "pods"], "resource" },
        { ["stat", "deploy", "--window", "2m"], "--window" },
        { ["stat", "deploy", "-o", "xml"], "--output" },
        { ["stat", "deploy", "-n", "web", "-A"], "--all-namespaces" },
        { ["edges", "--colour"], "--colour" },
        { ["edges", "--window", "2m"], "--window" },
        { ["edges", "-o", "xml"], "--output" },
        { ["edges", "-n", "web", "-A"], "--all-namespaces" },
        { ["sandbox", "fault"], "command" },
        { ["sandbox", "fault", "set", "--colour", "web"], "--colour" },
        { ["sandbox", "fault", "set"], "workload" },
        { ["sandbox", "fault", "set", "web", "--error-rate", "half"], "--error-rate" },
        { ["sandbox", "fault", "set", "web", "--latency-p50", "soon", "--latency-p99", "2s"], "--latency-p50" },
        { ["sandbox", "fault", "set", "web", "--latency-p50", "50ms"], "--latency-p99" },
        { ["sandbox", "fault", "scenario", "outage"], "scenario" },
        { ["sandbox", "fault", "list", "-o", "xml"], "--output" },
        { ["sandbox", "fault", "clear"], "--name" },
        { ["sandbox", "fault", "set", "web", "--latency-factor", "slow"], "--latency-factor" },
        { ["sandbox", "canary-demo", "--replicas", "-1"], "--replicas" },
        { ["sandbox", "canary-demo", "--delete", "--replicas", "2"], "--replicas" },
        { ["canary", "list", "-o", "xml"], "--output" },
        { ["canary", "get", "checkout"], "--namespace" },
        { ["canary", "create", "checkout", "-n", "orders", "--mode", "big-bang"], "--mode" },
        { ["canary", "create", "checkout", "-n", "orders", "--steps", "5,x"], "--steps" },
        { ["canary", "set-weight", "checkout", "5"], "--namespace" },
        { ["canary", "pause", "checkout"], "--namespace" },
        { ["canary", "resume", "checkout"], "--namespace" },
        { ["canary", "approve", "checkout"], "--namespace" },
        { ["canary", "promote", "checkout"], "--namespace" },
        { ["canary", "rollback", "checkout"], "--namespace" },
        { ["canary", "restart-analysis", "checkout"], "--namespace" },
        { ["version", "--colour"], "--colour" },
        { ["version", "-o", "xml"], "--output" },
        { ["completion", "fish"], "shell" },
        { ["completion"], "shell" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_usage_exits_2_with_flag_and_reason_on_stderr_and_nothing_on_stdout(string[] args, string flag)
    {
        var result = await Cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.StdOut);
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(SummaryLine(), lines[0]);
        Assert.All(lines.Skip(1), line => Assert.Matches(ProblemLine(), line));
        Assert.Contains(lines.Skip(1), line => line.StartsWith($"  {flag}: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_table_covers_every_verb_and_every_render_family()
    {
        var covered = Cases.Select(c => string.Join(' ', ((string[])c[0]).TakeWhile(a => !a.StartsWith('-')))).ToHashSet();

        foreach (var path in CommandTree.Paths().Where(p => p.Length > 0))
        {
            Assert.True(covered.Any(c => c == string.Join(' ', path) || c.StartsWith(string.Join(' ', path) + " ", StringComparison.Ordinal)), $"no bad-usage case for kubemate {string.Join(' ', path)}");
        }
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("rendr", "did you mean render?")]
    [InlineData("improt", "did you mean import?")]
    [InlineData("stats", "did you mean stat?")]
    public async Task A_mistyped_verb_suggests_the_verb_it_is_close_to(string verb, string suggestion)
    {
        var result = await Cli.RunAsync(verb);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"  {verb}: is not a kubemate command ({suggestion})", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("frobnicate")]
    [InlineData("x")]
    public async Task An_unknown_verb_far_from_every_verb_suggests_nothing(string verb)
    {
        var result = await Cli.RunAsync(verb);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"kubemate: 1 problem, nothing changed:\n  {verb}: is not a kubemate command; see kubemate --help\n", result.StdErr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_mistyped_flag_suggests_the_flag_it_is_close_to()
    {
        var result = await Cli.RunAsync("render", "split", "--servce", "orders", "--backend", "a=1");

        Assert.Contains("  --servce: unknown flag (did you mean --service?)", result.StdErr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^kubemate( [a-z-]+)*: \d+ problems?, nothing changed:$")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^  \S.*: \S.*$")]
    private static partial Regex ProblemLine();
}
