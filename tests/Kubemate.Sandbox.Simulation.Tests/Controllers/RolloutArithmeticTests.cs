using System.Text.Json.Nodes;
using Kubemate.Sandbox.Simulation.Controllers;

namespace Kubemate.Sandbox.Simulation.Tests.Controllers;

public sealed class RolloutArithmeticTests
{
    [Theory]
    [InlineData(10, "25%", "25%", 3, 2)]
    [InlineData(4, "25%", "25%", 1, 1)]
    [InlineData(3, "25%", "25%", 1, 0)]
    [InlineData(1, "0", "0", 0, 1)]
    [InlineData(5, "2", "40%", 2, 2)]
    public void Max_surge_rounds_up_and_max_unavailable_rounds_down(int replicas, string surge, string unavailable, int expectedSurge, int expectedUnavailable)
    {
        var deployment = Deployment(replicas, new JsonObject { ["maxSurge"] = Value(surge), ["maxUnavailable"] = Value(unavailable) });
        var plan = DeploymentPlan.Of(deployment);
        Assert.Equal((expectedSurge, expectedUnavailable), (plan.MaxSurge, plan.MaxUnavailable));
    }

    [Fact]
    public void A_malformed_max_surge_is_reported_with_its_field_path()
    {
        var error = Assert.Throws<FormatException>(() => DeploymentPlan.Of(Deployment(3, new JsonObject { ["maxSurge"] = "lots" })));
        Assert.Contains("spec.strategy.rollingUpdate.maxSurge", error.Message);
        Assert.Contains("\"lots\"", error.Message);
    }

    [Fact]
    public void Equal_templates_hash_alike_whatever_their_key_order_and_different_templates_do_not()
    {
        var a = JsonNode.Parse("""{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"x","image":"i:1"}]}}""");
        var b = JsonNode.Parse("""{"spec":{"containers":[{"image":"i:1","name":"x"}]},"metadata":{"labels":{"app":"x"}}}""");
        var c = JsonNode.Parse("""{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"x","image":"i:2"}]}}""");
        Assert.Equal(TemplateHash.Of(a), TemplateHash.Of(b));
        Assert.NotEqual(TemplateHash.Of(a), TemplateHash.Of(c));
        Assert.NotEqual(TemplateHash.Of(a), TemplateHash.Of(a, collisionCount: 1));
        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]{1,10}$", TemplateHash.Of(a));
    }

    [Theory]
    [InlineData("redis:7.4", "docker.io/library/redis:7.4")]
    [InlineData("bitnami/redis", "docker.io/bitnami/redis:latest")]
    [InlineData("ghcr.io/kubemate-demo/frontend:1.4.2", "ghcr.io/kubemate-demo/frontend:1.4.2")]
    [InlineData("localhost:5000/app:1", "localhost:5000/app:1")]
    public void Images_are_reported_fully_qualified(string image, string expected) =>
        Assert.Equal(expected, ContainerImages.Normalize(image));

    [Fact]
    public void Pod_addresses_are_unique_per_node_block_and_reused_only_after_release()
    {
        var pool = new PodAddressPool();
        var first = Enumerable.Range(0, 300).Select(_ => pool.Allocate("sandbox-node-2")).ToList();
        Assert.Equal(300, first.Distinct().Count());
        Assert.All(first, ip => Assert.StartsWith("10.244.", ip));
        Assert.All(first, ip => Assert.InRange(int.Parse(ip.Split('.')[2]), 64, 127));
        Assert.DoesNotContain(first, ip => ip.EndsWith(".0", StringComparison.Ordinal) || ip.EndsWith(".255", StringComparison.Ordinal));
        pool.Reserve("10.244.0.1");
        Assert.NotEqual("10.244.0.1", pool.Allocate("sandbox-node-1"));
    }

    private static JsonObject Deployment(int replicas, JsonObject rollingUpdate) => new()
    {
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["strategy"] = new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = rollingUpdate },
        },
    };

    private static JsonNode Value(string text) => int.TryParse(text, out var number) ? JsonValue.Create(number) : JsonValue.Create(text);
}
