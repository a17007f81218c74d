using Kubemate.WebConsole.Access;
using Kubemate.WebConsole.Onboarding;
using Kubemate.WebConsole.Tests.Access;
using Kubemate.Drivers.Linkerd;

namespace Kubemate.WebConsole.Tests.Onboarding;

[Collection(DemoSandboxCollection.Name)]
public sealed class NamespaceRowsReaderTests(DemoSandboxFixture sandbox)
{
    [Fact]
    public async Task Alice_sees_every_namespace_with_counts_and_a_switch()
    {
        using var session = sandbox.SessionOf("alice");

        var rows = await Eventually.Until(
            async () => await NamespaceRowsReader.ReadAsync(await session.ApiAsync(), new LinkerdDriver(), new AccessReviewer(session, TimeProvider.System), default),
            r => r.Any(n => n.Name == "payments" && n.Status is { TotalPods: > 0 }), "payments pods running");

        var payments = rows.Single(r => r.Name == "payments");
        Assert.True(payments.Switch.Allowed);
        Assert.True(payments.Status!.InjectionEnabled);
        Assert.False(rows.Single(r => r.Name == "users").Status!.InjectionEnabled);
    }

    [Fact]
    public async Task Olivia_sees_payments_without_counts_or_switch_and_orders_with_both()
    {
        using var session = sandbox.SessionOf("olivia");

        var rows = await NamespaceRowsReader.ReadAsync(await session.ApiAsync(), new LinkerdDriver(), new AccessReviewer(session, TimeProvider.System), default);

        var payments = rows.Single(r => r.Name == "payments");
        Assert.Null(payments.Status);
        Assert.Contains("forbidden", payments.ReadDenied);
        Assert.False(payments.Switch.Allowed);
        var orders = rows.Single(r => r.Name == "orders");
        Assert.NotNull(orders.Status);
        Assert.True(orders.Switch.Allowed);
    }
}
