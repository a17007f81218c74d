using Kubemate.Application.Access;
using Kubemate.Application.Identity;
using Kubemate.Application.Namespaces;
using Kubemate.WebConsole.Onboarding;
using Kubemate.WebConsole.Tests.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.WebConsole.Tests.Onboarding;

[Collection(DemoSandboxCollection.Name)]
public sealed class NamespaceRowsReaderTests(DemoSandboxFixture sandbox)
{
    private async Task<IReadOnlyList<NamespaceRow>> RowsOfAsync(string user)
    {
        await using var services = ApplicationServices.For(sandbox.Clusters);
        var session = sandbox.SessionOf(user);
        return await NamespaceRowsReader.ReadAsync(services.GetRequiredService<NamespaceStatuses>(), services.GetRequiredService<AccessReviews>(),
            await session.UserAsync(), default);
    }

    [Fact]
    public async Task Alice_sees_every_namespace_with_counts_and_a_switch()
    {
        var rows = await Eventually.Until(() => RowsOfAsync("alice"),
            r => r.Any(n => n.Name == "payments" && n.Status is { TotalPods: > 0 }), "payments pods running");

        var payments = rows.Single(r => r.Name == "payments");
        Assert.True(payments.Switch.Allowed);
        Assert.True(payments.Status!.InjectionEnabled);
        Assert.False(rows.Single(r => r.Name == "users").Status!.InjectionEnabled);
    }

    [Fact]
    public async Task Olivia_sees_payments_without_counts_or_switch_and_orders_with_both()
    {
        var rows = await RowsOfAsync("olivia");

        var payments = rows.Single(r => r.Name == "payments");
        Assert.Null(payments.Status);
        Assert.Contains("forbidden", payments.ReadDenied);
        Assert.False(payments.Switch.Allowed);
        var orders = rows.Single(r => r.Name == "orders");
        Assert.NotNull(orders.Status);
        Assert.True(orders.Switch.Allowed);
    }
}
