using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Audit;
using Kubemate.Audit.Trust;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.Sandbox;
using Kubemate.Tests.Cli;

namespace Kubemate.Tests.Serve;

/// <summary>A sandbox that stands for a real cluster: <c>serve --kubeconfig</c> and the CLI reach it over HTTP with its admin context.</summary>
public sealed class TrustCluster : IAsyncLifetime
{
    private readonly TempDirectory directory = new();

    public SandboxServer Server { get; private set; } = null!;

    public string Kubeconfig => directory.File("kubeconfig");

    public Testing.Kubectl Kubectl => new(Kubeconfig);

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxOptions());
        Server.WriteKubeconfig(Kubeconfig);
    }

    public ClusterApi Admin() => ClusterConnection.ForEndpoint(Server.Url, Server.Certificates.Authority, Server.Admin.Token).CreateApi();

    public async Task<string> NewNamespaceAsync()
    {
        var name = $"trust-{Guid.NewGuid():n}"[..16];
        await Kubectl.Ok("create", "namespace", name);
        return name;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        directory.Dispose();
    }
}

/// <summary>
/// <c>kubemate serve</c> on a cluster keeps the audit key in a Secret and the anchors in a ConfigMap of its namespace;
/// <c>POST /api/v1/audit/verify</c> and <c>kubemate audit verify --audit-trust secret</c> check the store against them.
/// </summary>
public sealed class ServeAuditTrustTests(TrustCluster cluster) : IClassFixture<TrustCluster>, IDisposable
{
    private const string AdminContext = "kubemate-sandbox";
    private const string Token = "root-token-for-the-audit-trust-tests";

    private readonly TempDirectory files = new();

    private string AuditPath => files.File("audit.db");

    public void Dispose() => files.Dispose();

    /// <summary>Five records appended and anchored (closed cleanly) with the key and anchors in the namespace, as serve would.</summary>
    private async Task SeedAsync(string ns)
    {
        using var api = cluster.Admin();
        await using var store = await AuditStores.OpenAsync(null, AuditPath, new AuditStoreOptions { Trust = new KubernetesAuditTrust(api, ns) });
        await AuditTampering.SeedAsync(store);
    }

    private Task<KubemateProcess> ServeAsync(string ns) =>
        KubemateProcess.StartAsync(ServeArguments(ns), TimeSpan.FromSeconds(90));

    private string[] ServeArguments(string ns) =>
    [
        "serve", "--listen", "127.0.0.1:0", "--kubeconfig", cluster.Kubeconfig, "--context", AdminContext,
        "--token-file", files.Write("tokens.csv", $"{Token},root,1,\"system:masters\"\n"),
        // No canary controller: its install at start would add an audit record to the seeded ones the cases count.
        "--no-canary-controller", "--audit", AuditPath, "--audit-trust-namespace", ns,
    ];

    private static async Task<JsonObject> VerifyAsync(Uri server)
    {
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.PostAsync("/api/v1/audit/verify", new StringContent("{}", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (JsonObject)JsonNode.Parse(body)!;
    }

    [Theory]
    [InlineData(AuditTamper.TailTruncation)]
    [InlineData(AuditTamper.FullDeletion)]
    [InlineData(AuditTamper.EmptyFile)]
    [InlineData(AuditTamper.EditAndRehash)]
    [InlineData(AuditTamper.ForgedAppend)]
    public async Task Serve_on_a_cluster_verifies_against_the_anchors_in_its_namespace(AuditTamper tamper)
    {
        var ns = await cluster.NewNamespaceAsync();
        await SeedAsync(ns);
        await using var serve = await ServeAsync(ns);
        var intact = await VerifyAsync(serve.Url);

        await AuditTampering.Sqlite(AuditPath).ApplyAsync(tamper);
        var broken = await VerifyAsync(serve.Url);

        var (kind, sequence) = AuditTampering.Expected(tamper);
        Assert.True((bool)intact["isValid"]!, intact.ToJsonString());
        Assert.Equal(AuditTampering.SeededRecords, (long)intact["recordsChecked"]!);
        Assert.False((bool)broken["isValid"]!);
        Assert.Equal(kind.ToString(), (string?)broken["firstBreak"]!["kind"], ignoreCase: true);
        Assert.Equal(sequence, (long)broken["firstBreak"]!["sequence"]!);
    }

    [Fact]
    public async Task Serve_on_a_cluster_makes_the_key_secret_on_first_start()
    {
        var ns = await cluster.NewNamespaceAsync();

        await using (var serve = await ServeAsync(ns))
        {
            var report = await VerifyAsync(serve.Url);
            Assert.True((bool)report["isValid"]!, report.ToJsonString());
        }

        var key = await cluster.Kubectl.Ok("get", "secret", "-n", ns, KubernetesAuditTrust.DefaultName + "-key", "-o", "jsonpath={.data.key}");
        Assert.Equal(AuditKey.Length, Convert.FromBase64String(key).Length);
        Assert.False(File.Exists(AuditPath + ".key"));
    }

    [Fact]
    public async Task Serve_on_a_cluster_with_the_file_trust_keeps_the_key_next_to_the_store_and_nothing_in_the_cluster()
    {
        var ns = await cluster.NewNamespaceAsync();

        await using (var serve = await KubemateProcess.StartAsync([.. ServeArguments(ns).SkipLast(2), "--audit-trust", "file"], TimeSpan.FromSeconds(90)))
        {
            var report = await VerifyAsync(serve.Url);
            Assert.True((bool)report["isValid"]!, report.ToJsonString());
        }

        var secrets = await cluster.Kubectl.Ok("get", "secrets", "-n", ns, "-o", "name");
        Assert.True(File.Exists(AuditPath + ".key"));
        Assert.DoesNotContain(KubernetesAuditTrust.DefaultName, secrets);
    }

    [Theory]
    [InlineData("--audit-trust: secret needs a real cluster", "--audit-trust", "secret")]
    [InlineData("--audit-trust-namespace: 'Audit_NS' is not a namespace name", "--kubeconfig", "k", "--token-file", "t", "--audit-trust-namespace", "Audit_NS")]
    [InlineData("--audit-trust-namespace: applies to --audit-trust secret only", "--audit-trust-namespace", "kubemate")]
    [InlineData("--audit-trust-namespace: applies to --audit-trust secret only", "--kubeconfig", "k", "--token-file", "t", "--audit-trust", "file", "--audit-trust-namespace", "kubemate")]
    public async Task Serve_refuses_audit_trust_flags_that_do_not_fit_before_starting_anything(string message, params string[] flags)
    {
        var result = await Cli.Cli.FailAsync(["serve", "--listen", "127.0.0.1:0", "--empty", .. flags]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StdErr);
    }

    [Fact]
    public async Task Serve_refuses_to_start_when_the_key_secret_is_not_a_key()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.Kubectl.Ok("create", "secret", "generic", KubernetesAuditTrust.DefaultName + "-key", "-n", ns, "--from-literal=key=too-short");

        // Run to its end (it must exit on its own), so that all it wrote to standard error is read.
        var serve = await ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "kubemate.dll"), .. ServeArguments(ns)], timeout: TimeSpan.FromSeconds(90));

        Assert.Equal(1, serve.ExitCode);
        Assert.DoesNotContain("ready ", serve.StdOut);
        Assert.Contains($"kubemate serve: secret {ns}/{KubernetesAuditTrust.DefaultName}-key is not an audit key: its data.key holds 9 bytes", serve.StdErr);
        var key = await cluster.Kubectl.Ok("get", "secret", "-n", ns, KubernetesAuditTrust.DefaultName + "-key", "-o", "jsonpath={.data.key}");
        Assert.Equal("too-short", Encoding.UTF8.GetString(Convert.FromBase64String(key)));
    }

    [Theory]
    [MemberData(nameof(AuditTampering.Cases), MemberType = typeof(AuditTampering))]
    public async Task Cli_verify_with_the_trust_in_the_cluster_names_each_tamper_case(AuditTamper tamper)
    {
        var ns = await cluster.NewNamespaceAsync();
        await SeedAsync(ns);
        string[] verify = ["audit", "verify", "--audit", AuditPath, "--audit-trust", "secret", "--audit-trust-namespace", ns, "--kubeconfig", cluster.Kubeconfig, "--context", AdminContext];
        var intact = await Cli.Cli.SucceedAsync(verify);
        var withoutTheTrust = await Cli.Cli.RunAsync("audit", "verify", "--audit", AuditPath);

        await AuditTampering.Sqlite(AuditPath).ApplyAsync(tamper);
        var broken = await Cli.Cli.RunAsync(verify);

        var (kind, sequence) = AuditTampering.Expected(tamper);
        Assert.StartsWith($"audit chain intact: {AuditTampering.SeededRecords} records checked", intact.StdOut);
        Assert.Equal(1, withoutTheTrust.ExitCode);
        Assert.StartsWith("audit chain BROKEN at record 1 (KeyMissing)", withoutTheTrust.StdOut);
        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith($"audit chain BROKEN at record {sequence} ({kind})", broken.StdOut);
    }

    [Fact]
    public async Task The_trust_namespace_flag_without_the_secret_trust_is_a_usage_error()
    {
        var result = await Cli.Cli.FailAsync("audit", "verify", "--audit", AuditPath, "--audit-trust-namespace", "kubemate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--audit-trust-namespace: applies to --audit-trust secret only", result.StdErr);
    }
}
