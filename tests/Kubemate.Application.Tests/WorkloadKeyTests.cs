using Kubemate.Application.Onboarding;

namespace Kubemate.Application.Tests;

/// <summary>The one workload grammar the REST API, the CLI and the console read.</summary>
public sealed class WorkloadKeyTests
{
    [Theory]
    [InlineData("orders", "Deployment", "orders")]
    [InlineData("deployment/orders", "Deployment", "orders")]
    [InlineData("deploy/orders", "Deployment", "orders")]
    [InlineData("Deployments/orders", "Deployment", "orders")]
    [InlineData("sts/postgres", "StatefulSet", "postgres")]
    [InlineData("statefulset/postgres", "StatefulSet", "postgres")]
    [InlineData("StatefulSet/postgres", "StatefulSet", "postgres")]
    [InlineData("ds/agent", "DaemonSet", "agent")]
    [InlineData("daemonset/agent", "DaemonSet", "agent")]
    [InlineData("daemonsets/node-agent.v2", "DaemonSet", "node-agent.v2")]
    public void Kind_and_name_with_the_kubectl_short_names_and_a_bare_name_a_deployment(string text, string kind, string name)
    {
        Assert.True(WorkloadKey.TryParse(text, out var key, out var reason), reason);

        Assert.Equal(new WorkloadKey(kind, name), key);
        Assert.Equal($"{kind.ToLowerInvariant()}/{name}", key.ToString());
        Assert.Equal(key, WorkloadKey.Parse(key.ToString(), "workload"));
    }

    [Theory]
    [InlineData("pod/orders-1", "'pod' is not a workload kind that can be rolled")]
    [InlineData("job/nightly", "'job' is not a workload kind that can be rolled")]
    [InlineData("deployment/", "'deployment/' is not KIND/NAME or NAME")]
    [InlineData("/orders", "'/orders' is not KIND/NAME or NAME")]
    [InlineData("deployment/a/b", "'deployment/a/b' is not KIND/NAME or NAME")]
    [InlineData("", "'' is not KIND/NAME or NAME")]
    [InlineData("deployment/Orders", "'Orders' is not a Kubernetes object name")]
    [InlineData("orders_v1", "'orders_v1' is not a Kubernetes object name")]
    [InlineData("-orders", "'-orders' is not a Kubernetes object name")]
    public void Anything_else_is_refused_with_the_reason(string text, string reason)
    {
        Assert.False(WorkloadKey.TryParse(text, out var key, out var problem));

        Assert.Null(key);
        Assert.StartsWith(reason, problem);
    }

    [Fact]
    public void Parse_names_the_field_in_its_error()
    {
        var error = Assert.Throws<ArgumentException>(() => WorkloadKey.Parse("pod/x", "workload"));

        Assert.Equal("workload", error.ParamName);
        Assert.StartsWith("workload: 'pod' is not a workload kind", error.Message);
    }

    [Fact]
    public void A_name_longer_than_253_characters_is_refused()
    {
        Assert.True(WorkloadKey.TryParse("deploy/" + new string('a', 253), out _, out _));
        Assert.False(WorkloadKey.TryParse("deploy/" + new string('a', 254), out _, out var reason));
        Assert.Contains("at most 253", reason);
    }
}
