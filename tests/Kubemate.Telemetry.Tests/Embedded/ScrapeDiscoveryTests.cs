using System.Text.Json.Nodes;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Inventory;

namespace Kubemate.Telemetry.Tests.Embedded;

public class ScrapeDiscoveryTests
{
    private static JsonObject Pod(string name, string phase, JsonObject labels, params (string Container, string Port, int Number)[] ports) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "shop", ["labels"] = labels },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(ports.GroupBy(p => p.Container).Select(g => (JsonNode)new JsonObject
            {
                ["name"] = g.Key,
                ["ports"] = new JsonArray(g.Select(p => (JsonNode)new JsonObject { ["name"] = p.Port, ["containerPort"] = p.Number }).ToArray()),
            }).ToArray()),
        },
        ["status"] = new JsonObject { ["phase"] = phase, ["podIP"] = "10.1.2.3" },
    };

    private static JsonObject Meshed(string controlPlane = "linkerd") => new()
    {
        ["linkerd.io/control-plane-ns"] = controlPlane,
        ["linkerd.io/proxy-deployment"] = "web",
        ["linkerd.io/proxy-job"] = "nightly",
        ["pod-template-hash"] = "5d8f",
        ["app"] = "web",
    };

    [Fact]
    public void Keeps_the_pods_the_linkerd_proxy_job_keeps_and_traefik()
    {
        var pods = new JsonArray(
            Pod("web-1", "Running", Meshed(), ("app", "http", 8080), ("linkerd-proxy", "linkerd-admin", 4191)),
            Pod("web-2", "Succeeded", Meshed(), ("linkerd-proxy", "linkerd-admin", 4191)),
            Pod("web-3", "Pending", Meshed("other"), ("linkerd-proxy", "linkerd-admin", 4191)),
            Pod("web-4", "Running", new JsonObject { ["app"] = "web" }, ("app", "http", 8080)),
            Pod("traefik-1", "Running", new JsonObject { ["app.kubernetes.io/name"] = "traefik" }, ("traefik", "web", 8000), ("traefik", "metrics", 9100)));

        var targets = ScrapeDiscovery.Targets(pods, TestMeshes.Linkerd);

        Assert.Equal(["linkerd-proxy/shop/web-1", "traefik/shop/traefik-1"], targets.Select(t => t.Key));
        Assert.Equal(("shop", "web-1", "4191", "metrics"), (targets[0].Namespace, targets[0].Pod, targets[0].Port, targets[0].MetricsPath));
        Assert.Equal(("shop", "traefik-1", "9100", "metrics"), (targets[1].Namespace, targets[1].Pod, targets[1].Port, targets[1].MetricsPath));
    }

    [Fact]
    public void A_traefik_pod_without_a_metrics_port_is_not_scraped()
    {
        var pods = new JsonArray(Pod("traefik-1", "Running", new JsonObject { ["app.kubernetes.io/name"] = "traefik" }, ("traefik", "web", 8000)));

        Assert.Empty(ScrapeDiscovery.Targets(pods, TestMeshes.Linkerd));
    }

    [Fact]
    public void Labels_targets_as_the_charts_relabelling_does()
    {
        var labels = ScrapeDiscovery.ProxyJobLabels("shop", "web-1",
            Meshed().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()), "10.1.2.3:4191", TestMeshes.Linkerd.Telemetry.Scrape);

        Assert.Equal("web", labels["deployment"]);
        Assert.Equal("nightly", labels["k8s_job"]);
        Assert.False(labels.Has("proxy_job"));
        Assert.Equal("linkerd-proxy", labels["job"]);
        Assert.Equal("linkerd", labels["control_plane_ns"]);
        Assert.Equal("5d8f", labels["pod_template_hash"]);
        Assert.Equal("web", labels["app"]);
        Assert.Equal("shop", labels["namespace"]);
        Assert.Equal("web-1", labels["pod"]);
        Assert.False(labels.Has("proxy_deployment"));
    }

    [Fact]
    public void Pods_group_into_workloads_by_proxy_labels_or_owners()
    {
        var owned = Pod("api-7c9f-abcde", "Running", new JsonObject { ["pod-template-hash"] = "7c9f" }, ("app", "http", 8080));
        owned["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject { ["kind"] = "ReplicaSet", ["name"] = "api-7c9f", ["controller"] = true });
        var stateful = Pod("db-0", "Running", new JsonObject(), ("db", "sql", 5432));
        stateful["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject { ["kind"] = "StatefulSet", ["name"] = "db", ["controller"] = true });
        var pods = new JsonArray(
            Pod("web-1", "Running", Meshed(), ("linkerd-proxy", "linkerd-admin", 4191)),
            Pod("web-2", "Running", Meshed(), ("app", "http", 8080)),
            owned,
            stateful,
            Pod("traefik-1", "Running", new JsonObject { ["app.kubernetes.io/name"] = "traefik" }, ("traefik", "metrics", 9100)));

        var workloads = PodWorkloads.FromPods(pods, TestMeshes.Linkerd).ToDictionary(w => w.Workload);

        Assert.Equal((1, 2), (workloads[new WorkloadRef("shop", "deployment", "web")].MeshedPods, workloads[new WorkloadRef("shop", "deployment", "web")].TotalPods));
        Assert.True(workloads.ContainsKey(new WorkloadRef("shop", "deployment", "api")));
        Assert.True(workloads.ContainsKey(new WorkloadRef("shop", "statefulset", "db")));
        Assert.True(workloads[new WorkloadRef("shop", "pod", "traefik-1")].IsGateway);
    }
}
