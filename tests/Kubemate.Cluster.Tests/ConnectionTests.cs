using k8s;
using k8s.Models;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Identity;

namespace Kubemate.Cluster.Tests;

/// <summary>Connecting by kubeconfig context or endpoint, and acting as a user through impersonation.</summary>
public sealed class ConnectionTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kubemate-cluster-").FullName;

    [Fact]
    public async Task A_kubeconfig_context_chooses_the_user_the_client_acts_as()
    {
        var path = Path.Combine(_directory, "config");
        sandbox.Server.WriteKubeconfig(path);

        var connection = await ClusterConnection.FromKubeconfigAsync(path, "kubemate-sandbox-olivia");
        using var client = connection.CreateClient();
        var whoami = await client.AuthenticationV1.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview());

        Assert.Equal("olivia", whoami.Status.UserInfo.Username);
    }

    [Fact]
    public async Task An_unknown_context_is_refused_with_the_contexts_that_exist()
    {
        var path = Path.Combine(_directory, "config");
        sandbox.Server.WriteKubeconfig(path);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ClusterConnection.FromKubeconfigAsync(path, "prod"));

        Assert.Contains("context \"prod\" not found", error.Message);
        Assert.Contains("kubemate-sandbox-olivia", error.Message);
    }

    [Fact]
    public async Task A_user_client_impersonates_the_user_and_their_groups()
    {
        using var client = sandbox.Connection.CreateClient(new UserIdentity("carol", ["auditors", "team-web"]));

        var whoami = await client.AuthenticationV1.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview());

        Assert.Equal("carol", whoami.Status.UserInfo.Username);
        Assert.Contains("auditors", whoami.Status.UserInfo.Groups);
        Assert.Contains("team-web", whoami.Status.UserInfo.Groups);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
