using System.Text.Json.Nodes;
using Kubemate.Sandbox.Simulation.Traffic;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

public sealed class ResilienceAndMeshTests
{
    [Fact]
    public async Task Retries_set_by_annotation_resend_failed_requests_so_the_callee_sees_more_and_the_caller_fewer_failures()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        var client = new TrafficFaultClient(cluster);
        await client.SetAsync(new TrafficFault("payments", "flaky", "payment", ErrorRate: 0.5), default);
        await cluster.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/payments/services/payment",
            JsonNode.Parse("""{"metadata":{"annotations":{"retry.linkerd.io/http":"5xx","retry.linkerd.io/limit":"2"}}}"""), "application/merge-patch+json", default);
        cluster.Tick(100);

        var payment = await cluster.ScrapeAppAsync("payments", "payment");
        var orders = await cluster.ScrapeAppAsync("orders", "orders");
        bool FromOrders(Sample s) => s.Label("direction") == "inbound" && s.Label("client_id") == "orders.orders.serviceaccount.identity.linkerd.cluster.local";
        bool ToPayment(Sample s) => s.Label("direction") == "outbound" && s.Label("dst_service") == "payment";
        var attempts = payment.Sum("request_total", FromOrders);
        var calls = orders.Sum("response_total", ToPayment);
        var callerFailures = orders.Sum("response_total", s => ToPayment(s) && s.Label("classification") == "failure");
        var calleeFailures = payment.Sum("response_total", s => FromOrders(s) && s.Label("classification") == "failure");

        Assert.Equal(800, calls);
        // Up to two retries: 1 + 0.5 + 0.25 = 1.75 attempts per call on average; a call fails only when all three do.
        Assert.InRange(attempts / calls, 1.6, 1.9);
        Assert.InRange(calleeFailures / attempts, 0.44, 0.56);
        Assert.InRange(callerFailures / calls, 0.08, 0.17);
    }

    [Fact]
    public async Task Istio_sidecars_report_istio_requests_as_source_and_destination()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        // An istio-proxy container in the users and payment pods (as Istio's injector would add it).
        foreach (var (ns, deployment) in new[] { ("users", "users"), ("payments", "payment") })
        {
            await cluster.SendAsync(HttpMethod.Patch, $"/apis/apps/v1/namespaces/{ns}/deployments/{deployment}", JsonNode.Parse("""
                {"spec":{"template":{"spec":{"containers":[{"name":"istio-proxy","image":"docker.io/istio/proxyv2:1.24.3",
                  "ports":[{"name":"http-envoy-prom","containerPort":15090}]}]}}}}
                """), "application/strategic-merge-patch+json", default);
            await Testing.Eventually.True(async () =>
            {
                var pods = (await cluster.SendAsync(HttpMethod.Get, $"/api/v1/namespaces/{ns}/pods?labelSelector=app%3D{deployment}", null, null, default))["items"]!.AsArray();
                return pods.Count == 2 && pods.All(p => p!["spec"]!["containers"]!.AsArray().Any(c => (string?)c!["name"] == "istio-proxy")
                    && (p["status"]?["conditions"]?.AsArray().Any(c => (string?)c!["type"] == "Ready" && (string?)c["status"] == "True") ?? false));
            }, $"{deployment} pods with istio-proxy ready");
            await cluster.WaitForEndpointsAsync(ns, deployment, 2);
        }
        cluster.Tick(10);

        var samples = new List<Sample>();
        foreach (var pod in await cluster.PodsAsync("users", "app=users"))
        {
            samples.AddRange(await cluster.ScrapeAsync("users", pod, "15020", "stats/prometheus"));
        }
        bool FromFrontend(Sample s) => s.Label("reporter") == "destination" && s.Label("source_workload") == "frontend";
        Assert.Equal(300, samples.Sum("istio_requests_total", FromFrontend));
        Assert.Equal(80, samples.Sum("istio_requests_total", s => s.Label("reporter") == "destination" && s.Label("source_workload") == "payment"));
        Assert.Equal(300, samples.Sum("istio_request_duration_milliseconds_bucket", s => FromFrontend(s) && s.Label("le") == "+Inf"));
        var sample = samples.First(s => s.Name == "istio_requests_total" && FromFrontend(s));
        Assert.Equal("users", sample.Label("destination_workload"));
        Assert.Equal("users.users.svc.cluster.local", sample.Label("destination_service"));
        Assert.Equal("spiffe://cluster.local/ns/users/sa/users", sample.Label("destination_principal"));
        Assert.Equal("none", sample.Label("connection_security_policy"));
        Assert.Contains(samples, s => s.Name == "istio_requests_total" && s.Label("response_code") == "200");
        var fromPayment = samples.First(s => s.Name == "istio_requests_total" && s.Label("reporter") == "destination" && s.Label("source_workload") == "payment");
        Assert.Equal("mutual_tls", fromPayment.Label("connection_security_policy"));
        Assert.Equal("spiffe://cluster.local/ns/payments/sa/payment", fromPayment.Label("source_principal"));

        var payment = new List<Sample>();
        foreach (var pod in await cluster.PodsAsync("payments", "app=payment"))
        {
            payment.AddRange(await cluster.ScrapeAsync("payments", pod, "15020", "stats/prometheus"));
        }
        Assert.Equal(80, payment.Sum("istio_requests_total", s => s.Label("reporter") == "source" && s.Label("destination_workload") == "users"));
        Assert.Equal(80, payment.Sum("istio_requests_total", s => s.Label("reporter") == "source" && s.Label("destination_workload") == "fraud-check"));
        // The Linkerd port stays closed on a pod without linkerd-proxy.
        var first = (await cluster.PodsAsync("users", "app=users"))[0];
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await cluster.ProxyAsync("users", first, "4191", "metrics")).StatusCode);
    }

    [Fact]
    public async Task The_same_seed_and_cluster_give_the_same_counters()
    {
        var texts = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            await using var cluster = await TrafficCluster.StartAsync();
            cluster.Tick(10);
            // Pod names are random, so compare the workload's totals per series shape.
            var samples = await cluster.ScrapeAppAsync("orders", "inventory");
            texts.Add(string.Join("\n", samples
                .Where(s => s.Name is "response_total" or "response_latency_ms_bucket" or "response_latency_ms_sum")
                .GroupBy(s => $"{s.Name} {s.Label("direction")} {s.Label("status_code")} {s.Label("le")}")
                .Select(g => $"{g.Key} {g.Sum(s => s.Value)}")
                .Order(StringComparer.Ordinal)));
        }
        Assert.Equal(texts[0], texts[1]);
    }
}
