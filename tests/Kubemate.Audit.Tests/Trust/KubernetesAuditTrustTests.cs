using System.Text.Json.Nodes;
using Kubemate.Audit.Storage;
using Kubemate.Audit.Trust;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Objects;

namespace Kubemate.Audit.Tests.Trust;

/// <summary>
/// The key in a Secret and the anchors in a ConfigMap of a real sandbox, reached over HTTP; the records in a SQLite
/// file that the tests doctor as its owner could (AuditTampering), without touching the cluster.
/// </summary>
public sealed class KubernetesAuditTrustTests(SandboxCluster cluster) : IClassFixture<SandboxCluster>, IDisposable
{
    private const string KeySecret = KubernetesAuditTrust.DefaultName + "-key";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "kubemate-audit-k8s-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(directory, "audit.db");

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private Task<SqlAuditStore> OpenAsync(KubernetesAuditTrust trust, bool verifyOnly = false, AuditAnchorPolicy? anchoring = null) =>
        SqlAuditStore.OpenSqliteAsync(DatabasePath, new AuditStoreOptions { Trust = trust, VerifyOnly = verifyOnly, Anchoring = anchoring ?? AuditAnchorPolicy.Default });

    [Fact]
    public async Task The_first_open_makes_a_random_key_secret_that_later_opens_read_and_the_first_record_is_anchored_in_the_config_map()
    {
        var ns = await cluster.NewNamespaceAsync();
        var trust = new KubernetesAuditTrust(cluster.NewClient(), ns);
        await using (var store = await OpenAsync(trust))
        {
            await store.AppendAsync(AuditEntries.MeshEnable());
        }
        var secret = await cluster.NewClient().GetObjectAsync(BuiltInTypes.Secret, ns, KeySecret, CancellationToken.None);
        var again = new KubernetesAuditTrust(cluster.NewClient(), ns);
        await using (var reopened = await OpenAsync(again))
        {
            await reopened.AppendAsync(AuditEntries.RouteApply());
        }
        var secretAfter = await cluster.NewClient().GetObjectAsync(BuiltInTypes.Secret, ns, KeySecret, CancellationToken.None);
        var key = (await again.ReadKeyAsync(CancellationToken.None))!;
        var anchors = (await again.ReadAnchorLinesAsync(CancellationToken.None)).Select(line => AuditAnchor.TryParse(line)!).ToList();

        Assert.Equal(AuditKey.Length, Convert.FromBase64String((string)secret["data"]!["key"]!).Length);
        Assert.Equal(key.Bytes.ToArray(), Convert.FromBase64String((string)secret["data"]!["key"]!));
        Assert.Equal((string?)secret["metadata"]!["resourceVersion"], (string?)secretAfter["metadata"]!["resourceVersion"]);
        Assert.Equal([1L, 2L], anchors.Select(a => a.Count));
        Assert.All(anchors, anchor => Assert.True(anchor.IsSignedBy(key)));
    }

    public static TheoryData<string?, string> MalformedKeys() => new()
    {
        { null, "it has no data.key" },
        { "bm90IGEga2V5", "its data.key holds 9 bytes, an audit key is 32" },
        { "", "its data.key holds 0 bytes, an audit key is 32" },
    };

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task A_key_secret_that_is_not_a_key_fails_the_open_naming_it_and_is_never_replaced(string? value, string problem)
    {
        var ns = await cluster.NewNamespaceAsync();
        var admin = cluster.NewClient();
        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = KeySecret, ["namespace"] = ns },
            ["type"] = "Opaque",
            ["data"] = value is null ? new JsonObject { ["other"] = "eA==" } : new JsonObject { ["key"] = value },
        };
        var created = await admin.CreateObjectAsync(BuiltInTypes.Secret, ns, secret, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenAsync(new KubernetesAuditTrust(cluster.NewClient(), ns)));

        var after = await admin.GetObjectAsync(BuiltInTypes.Secret, ns, KeySecret, CancellationToken.None);
        Assert.StartsWith($"secret {ns}/{KeySecret} is not an audit key: {problem}.", error.Message);
        Assert.Equal((string?)created["metadata"]!["resourceVersion"], (string?)after["metadata"]!["resourceVersion"]);
        Assert.Null(await admin.GetObjectOrNullAsync(BuiltInTypes.ConfigMap, ns, KubernetesAuditTrust.DefaultName + "-anchors", CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_namespace_fails_the_first_open_naming_the_secret_and_the_namespace()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenAsync(new KubernetesAuditTrust(cluster.NewClient(), "no-such-namespace")));

        Assert.StartsWith($"secret no-such-namespace/{KeySecret} cannot be created: NotFound", error.Message);
        Assert.Contains("kubectl create namespace no-such-namespace", error.Message);
    }

    [Theory]
    [MemberData(nameof(AuditTampering.Cases), MemberType = typeof(AuditTampering))]
    public async Task Each_tamper_case_is_found_against_the_anchors_in_the_cluster(AuditTamper tamper)
    {
        var ns = await cluster.NewNamespaceAsync();
        await using (var store = await OpenAsync(new KubernetesAuditTrust(cluster.NewClient(), ns)))
        {
            await AuditTampering.SeedAsync(store);
        }
        await AuditTampering.Sqlite(DatabasePath).ApplyAsync(tamper);

        await using var verifier = await OpenAsync(new KubernetesAuditTrust(cluster.NewClient(), ns), verifyOnly: true);
        var report = await verifier.VerifyAsync();

        Assert.Equal(AuditTampering.Expected(tamper), (report.FirstBreak!.Kind, report.FirstBreak.Sequence));
    }

    [Fact]
    public async Task Two_trusts_appending_at_once_keep_every_anchor()
    {
        var ns = await cluster.NewNamespaceAsync();
        var replicas = new[] { new KubernetesAuditTrust(cluster.NewClient(), ns), new KubernetesAuditTrust(cluster.NewClient(), ns) };

        await Task.WhenAll(replicas.Select((trust, replica) => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await trust.AppendAnchorLineAsync($"replica-{replica}-line-{i}", CancellationToken.None);
            }
        })));

        var lines = await replicas[0].ReadAnchorLinesAsync(CancellationToken.None);
        var expected = Enumerable.Range(0, 2).SelectMany(replica => Enumerable.Range(0, 25).Select(i => $"replica-{replica}-line-{i}"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
        foreach (var replica in new[] { 0, 1 })
        {
            // Each replica's own lines stay in the order it appended them.
            var own = lines.Where(line => line.StartsWith($"replica-{replica}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, 25).Select(i => $"replica-{replica}-line-{i}"), own);
        }
    }

    [Fact]
    public async Task Two_replicas_opening_and_appending_together_share_one_key_and_verify_intact_with_every_anchor()
    {
        var ns = await cluster.NewNamespaceAsync();
        var everyRecord = new AuditAnchorPolicy(1, TimeSpan.FromHours(1));
        var trusts = new[] { new KubernetesAuditTrust(cluster.NewClient(), ns), new KubernetesAuditTrust(cluster.NewClient(), ns) };
        var stores = await Task.WhenAll(trusts.Select(trust => OpenAsync(trust, anchoring: everyRecord)));

        await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await store.AppendAsync(AuditEntries.RouteApply());
            }
        })));
        var report = await stores[0].VerifyAsync();
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        var counts = (await trusts[1].ReadAnchorLinesAsync(CancellationToken.None)).Select(line => AuditAnchor.TryParse(line)!.Count);
        Assert.True(report.IsValid, report.FirstBreak?.Message);
        Assert.Equal(20, report.RecordsChecked);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), counts.Order());
    }

    [Fact]
    public async Task The_config_map_keeps_the_first_anchor_and_the_newest_and_still_finds_a_cut_tail()
    {
        var ns = await cluster.NewNamespaceAsync();
        var everyRecord = new AuditAnchorPolicy(1, TimeSpan.FromHours(1));
        var trust = new KubernetesAuditTrust(cluster.NewClient(), ns, keptAnchors: 2);
        await using (var store = await OpenAsync(trust, anchoring: everyRecord))
        {
            await AuditTampering.SeedAsync(store);
        }
        var kept = (await trust.ReadAnchorLinesAsync(CancellationToken.None)).Select(line => AuditAnchor.TryParse(line)!.Count).ToList();
        await using var verifier = await OpenAsync(trust, verifyOnly: true);
        var intact = await verifier.VerifyAsync();
        await AuditTampering.Sqlite(DatabasePath).ApplyAsync(AuditTamper.TailTruncation);
        var cut = await verifier.VerifyAsync();

        Assert.Equal([1L, 4L, 5L], kept);
        Assert.True(intact.IsValid, intact.FirstBreak?.Message);
        Assert.Equal((AuditBreakKind.TailMissing, 4L), (cut.FirstBreak!.Kind, cut.FirstBreak.Sequence));
    }

    [Theory]
    [InlineData("Kubemate-System", "ns")]
    [InlineData("kubemate.system", "ns")]
    [InlineData("", "ns")]
    [InlineData("UPPER", "name")]
    public void A_namespace_or_name_that_is_not_a_dns_label_is_refused_naming_it(string value, string field)
    {
        var error = Assert.Throws<ArgumentException>(() => field == "ns"
            ? new KubernetesAuditTrust(cluster.NewClient(), value)
            : new KubernetesAuditTrust(cluster.NewClient(), name: value));

        Assert.Equal(field, error.ParamName);
    }
}
