using Bunit;
using Kubemate.WebConsole.Layout;
using Kubemate.WebConsole.Session;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.WebConsole.Tests.Layout;

public sealed class ClusterLabelTests : ConsoleTestContext
{
    private static readonly Uri Endpoint = new("https://127.0.0.1:6443/");

    [Theory]
    [InlineData("en", "sandbox", "sandbox", "Sandbox cluster")]
    [InlineData("zh-CN", "sandbox", "sandbox", "沙箱集群")]
    [InlineData("en", "kubeconfig", "prod-eu", "Cluster prod-eu")]
    [InlineData("zh-CN", "kubeconfig", "prod-eu", "集群 prod-eu")]
    [InlineData("en", "in-cluster", "in-cluster", "The cluster Kubemate runs in")]
    [InlineData("zh-CN", "in-cluster", "in-cluster", "Kubemate 所在的集群")]
    public void The_header_names_the_cluster_in_the_users_language_and_not_by_its_connection(string culture, string mode, string name, string expected)
    {
        UseCulture(culture);
        AddSession(new ConsoleOptions { ClusterName = name, ClusterMode = mode });

        var label = Render<ClusterLabel>();

        var text = label.Find("[data-testid=cluster-label]").TextContent;
        Assert.Equal(expected, text);
        Assert.DoesNotContain("endpoint", text);
    }

    [Fact]
    public void The_audit_trail_gets_the_hosts_cluster_name_and_the_tooltip_the_connection()
    {
        AddSession(new ConsoleOptions { ClusterName = "prod-eu", ClusterMode = "kubeconfig" });

        var session = Bunit.Services.GetRequiredService<ConsoleSession>();

        Assert.Equal("prod-eu", session.ClusterName);
        Assert.Equal($"endpoint {Endpoint}", session.ConnectionDescription);
    }

    private void AddSession(ConsoleOptions options)
    {
        Bunit.Services.AddOfflineSession(Endpoint);
        Bunit.Services.AddSingleton(options);
    }
}
