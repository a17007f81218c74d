using Kubemate.Application.Access;
using Kubemate.Cluster.Access;
using k8s.Models;

namespace Kubemate.WebConsole.Tests.Access;

/// <summary>The application layer's access reviews as the console's pages ask them, answered by the sandbox's RBAC.</summary>
[Collection(DemoSandboxCollection.Name)]
public sealed class AccessReviewsTests(DemoSandboxFixture sandbox)
{
    private AccessReviews Reviews() => new(sandbox.Clusters, TimeProvider.System);

    [Fact]
    public async Task Olivia_may_switch_injection_for_orders_but_not_for_payments()
    {
        var olivia = await sandbox.SessionOf("olivia").UserAsync();
        var reviews = Reviews();

        Assert.True((await reviews.CanSwitchInjectionAsync(olivia, "orders", default)).Allowed);
        Assert.False((await reviews.CanSwitchInjectionAsync(olivia, "payments", default)).Allowed);
    }

    [Fact]
    public async Task Alice_may_switch_injection_anywhere_and_audrey_nowhere()
    {
        var reviews = Reviews();

        Assert.True((await reviews.CanSwitchInjectionAsync(await sandbox.SessionOf("alice").UserAsync(), "payments", default)).Allowed);
        Assert.False((await reviews.CanSwitchInjectionAsync(await sandbox.SessionOf("audrey").UserAsync(), "users", default)).Allowed);
    }

    [Fact]
    public async Task Audrey_reads_the_whole_audit_trail_and_olivia_only_her_own()
    {
        var readers = new AuditReaders(Reviews());

        Assert.True(await readers.ReadsEverythingAsync(await sandbox.SessionOf("audrey").UserAsync(), default));
        Assert.False(await readers.ReadsEverythingAsync(await sandbox.SessionOf("olivia").UserAsync(), default));
    }

    [Fact]
    public void A_denial_carries_the_reason_kubernetes_gave()
    {
        var status = new V1SubjectAccessReviewStatus { Allowed = false, Reason = "no RBAC policy matched" };

        Assert.Equal((false, "no RBAC policy matched"), AccessReviewClient.Read(status));
    }

    [Fact]
    public void An_explicit_denial_wins_over_allowed()
    {
        Assert.False(AccessReviewClient.Read(new V1SubjectAccessReviewStatus { Allowed = true, Denied = true }).Allowed);
    }
}
