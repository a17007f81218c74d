using System.Text.Json.Nodes;
using Kubemate.Application.Overview;
using Kubemate.WebConsole.Telemetry;
using Kubemate.Telemetry.Golden;

namespace Kubemate.WebConsole.Tests.Telemetry;

public sealed class PodProxyStatusTests
{
    private static JsonObject Pod(string name, bool proxyReady, bool nativeSidecar = false) => JsonNode.Parse($$"""
        {
          "metadata": { "name": "{{name}}" },
          "spec": {
            "{{(nativeSidecar ? "initContainers" : "containers")}}": [ { "name": "linkerd-proxy" } ],
            "containers{{(nativeSidecar ? "" : "X")}}": [ { "name": "app" } ]
          },
          "status": {
            "phase": "Running",
            "conditions": [ { "type": "Ready", "status": "{{(proxyReady ? "True" : "False")}}" } ],
            "containerStatuses": [ { "name": "app", "ready": true, "restartCount": 2 }, { "name": "linkerd-proxy", "ready": {{(proxyReady ? "true" : "false")}}, "restartCount": 1 } ]
          }
        }
        """)!.AsObject();

    [Fact]
    public void A_pod_with_a_ready_proxy_container_is_meshed_and_ready()
    {
        var status = PodProxyStatus.From(Pod("orders-1", proxyReady: true), TestMeshes.Linkerd.Proxy);

        Assert.Equal(new PodProxyStatus("orders-1", "Running", true, true, true, 3), status);
    }

    [Fact]
    public void A_native_sidecar_proxy_counts_as_the_proxy()
    {
        var status = PodProxyStatus.From(Pod("orders-2", proxyReady: false, nativeSidecar: true), TestMeshes.Linkerd.Proxy);

        Assert.True(status.HasProxy);
        Assert.False(status.ProxyReady);
        Assert.False(status.Ready);
    }

    [Fact]
    public void A_pod_without_the_proxy_is_not_meshed()
    {
        var pod = JsonNode.Parse("""{ "metadata": { "name": "legacy" }, "spec": { "containers": [ { "name": "app" } ] }, "status": { "phase": "Pending" } }""")!.AsObject();

        var status = PodProxyStatus.From(pod, TestMeshes.Linkerd.Proxy);

        Assert.False(status.HasProxy);
        Assert.Equal("Pending", status.Phase);
    }

    [Fact]
    public void Pods_from_the_cluster_and_from_metrics_are_merged_by_name()
    {
        var fromCluster = new[] { PodProxyStatus.From(Pod("b", true), TestMeshes.Linkerd.Proxy), PodProxyStatus.From(Pod("a", true), TestMeshes.Linkerd.Proxy) };
        var fromMetrics = new[] { new PodStat("b", GoldenMetrics.From(10, 0, TimeSpan.FromMinutes(1))), new PodStat("gone", GoldenMetrics.From(1, 1, TimeSpan.FromMinutes(1))) };

        var rows = PodRow.Merge(fromCluster, fromMetrics);

        Assert.Equal(["a", "b", "gone"], rows.Select(r => r.Name));
        Assert.Null(rows[0].Metrics);
        Assert.NotNull(rows[1].Metrics);
        Assert.Null(rows[2].Status);
    }
}
