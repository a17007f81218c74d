using System.Net;
using Kubemate.Audit.Storage;
using Kubemate.Audit.Trust;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Auth;

namespace Kubemate.Audit.Tests.Trust;

/// <summary>
/// deploy/kubemate-clusterrole.yaml applied with kubectl to a sandbox: Kubemate's service account can keep the audit
/// key and anchors in its namespace with the rights it is given there, and read no other Secret.
/// </summary>
public sealed class DeployedRightsTests : IAsyncLifetime
{
    private const string ServiceAccount = "system:serviceaccount:kubemate:kubemate";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "kubemate-audit-rights-" + Guid.NewGuid().ToString("N"));
    private SandboxServer sandbox = null!;

    private string DatabasePath => Path.Combine(directory, "audit.db");

    private Kubectl Kubectl => new(Path.Combine(directory, "kubeconfig"));

    public async Task InitializeAsync()
    {
        sandbox = await SandboxServer.StartAsync(new SandboxOptions(),
            [new SandboxUserSpec(ServiceAccount, ["system:serviceaccounts", "system:serviceaccounts:kubemate"])]);
        Directory.CreateDirectory(directory);
        sandbox.WriteKubeconfig(Path.Combine(directory, "kubeconfig"));
        await Kubectl.Ok("--context", "kubemate-sandbox", "apply", "-f", Path.Combine(RepoPaths.Root, "deploy", "kubemate-clusterrole.yaml"));
        await Kubectl.Ok("--context", "kubemate-sandbox", "create", "secret", "generic", "database-password", "-n", "kubemate", "--from-literal=password=S3cr3t");
    }

    public async Task DisposeAsync()
    {
        await sandbox.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private ClusterApi AsKubemate() =>
        ClusterConnection.ForEndpoint(sandbox.Url, sandbox.Certificates.Authority, sandbox.Users.Single(u => u.Name == ServiceAccount).Token).CreateApi();

    [Fact]
    public async Task The_service_account_keeps_the_key_and_anchors_in_its_namespace_and_reads_no_other_secret()
    {
        using var api = AsKubemate();
        var trust = new KubernetesAuditTrust(api);
        await using (var store = await SqlAuditStore.OpenSqliteAsync(DatabasePath, new AuditStoreOptions { Trust = trust }))
        {
            await AuditTampering.SeedAsync(store);
        }
        await using var verifier = await SqlAuditStore.OpenSqliteAsync(DatabasePath, new AuditStoreOptions { Trust = trust, VerifyOnly = true });
        var report = await verifier.VerifyAsync();

        var otherSecret = await Assert.ThrowsAsync<ClusterApiException>(() => api.GetObjectAsync(BuiltInTypes.Secret, "kubemate", "database-password", CancellationToken.None));
        var elsewhere = await Assert.ThrowsAsync<ClusterApiException>(() => api.GetObjectAsync(BuiltInTypes.Secret, "default", "kubemate-audit-key", CancellationToken.None));
        Assert.True(report.IsValid, report.FirstBreak?.Message);
        Assert.Equal(AuditTampering.SeededRecords, report.RecordsChecked);
        Assert.Equal([1L, 5L], (await trust.ReadAnchorLinesAsync(CancellationToken.None)).Select(line => AuditAnchor.TryParse(line)!.Count));
        Assert.Equal(HttpStatusCode.Forbidden, otherSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
    }
}
