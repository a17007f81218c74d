using System.Text.Json.Nodes;
using Kubemate.WebConsole.Access;

namespace Kubemate.WebConsole.Tests.Access;

[Collection(DemoSandboxCollection.Name)]
public sealed class AccessReviewerTests(DemoSandboxFixture sandbox)
{
    [Fact]
    public async Task Olivia_may_switch_injection_for_orders_but_not_for_payments()
    {
        using var session = sandbox.SessionOf("olivia");
        var access = new AccessReviewer(session, TimeProvider.System);

        var orders = await access.CanSwitchInjectionAsync("orders", default);
        var payments = await access.CanSwitchInjectionAsync("payments", default);

        Assert.True(orders.Allowed);
        Assert.False(payments.Allowed);
    }

    [Fact]
    public async Task Alice_may_switch_injection_anywhere_and_audrey_nowhere()
    {
        using var alice = sandbox.SessionOf("alice");
        using var audrey = sandbox.SessionOf("audrey");

        Assert.True((await new AccessReviewer(alice, TimeProvider.System).CanSwitchInjectionAsync("payments", default)).Allowed);
        Assert.False((await new AccessReviewer(audrey, TimeProvider.System).CanSwitchInjectionAsync("users", default)).Allowed);
    }

    [Fact]
    public void A_review_asks_for_the_resource_attributes_given()
    {
        var review = AccessReviewer.Review("patch", "", "namespaces", null, "users");

        Assert.Equal("SelfSubjectAccessReview", (string?)review["kind"]);
        Assert.Equal("patch", (string?)review["spec"]!["resourceAttributes"]!["verb"]);
        Assert.Equal("users", (string?)review["spec"]!["resourceAttributes"]!["name"]);
        Assert.Null(review["spec"]!["resourceAttributes"]!["namespace"]);
    }

    [Fact]
    public void A_denial_carries_the_reason_kubernetes_gave()
    {
        var answer = new JsonObject { ["status"] = new JsonObject { ["allowed"] = false, ["reason"] = "no RBAC policy matched" } };

        Assert.Equal(new AccessDecision(false, "no RBAC policy matched"), AccessReviewer.Read(answer));
    }

    [Fact]
    public void An_explicit_denial_wins_over_allowed()
    {
        var answer = new JsonObject { ["status"] = new JsonObject { ["allowed"] = true, ["denied"] = true } };

        Assert.False(AccessReviewer.Read(answer).Allowed);
    }
}
