using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Exposition;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Tests.Support;

public static class Estates
{
    /// <summary>web -> orders (20 rps, 15% failing), web -> users (5 rps), orders -> payment (8 rps, 2% failing), unmeshed -> web (12 rps).</summary>
    public static IReadOnlyList<TrafficEdge> Bank =>
    [
        new("shop", "web", "shop", "orders", 20, 0.15),
        new("shop", "web", "accounts", "users", 5, 0),
        new("shop", "orders", "payments", "payment", 8, 0.02),
        new("shop", null, "shop", "web", 12, 0),
    ];

    /// <summary>Feeds <paramref name="scrapes"/> scrapes 10 s apart into the store, the way the scrape loop would label them.</summary>
    public static void Scrape(EmbeddedStore store, ProxyTraffic traffic, DateTimeOffset from, int scrapes, TimeSpan? every = null)
    {
        for (var i = 0; i < scrapes; i++)
        {
            var at = from + (every ?? TimeSpan.FromSeconds(10)) * i;
            foreach (var (ns, workload) in traffic.Workloads)
            {
                var labels = ScrapeDiscovery.ProxyJobLabels(ns, workload + "-0",
                    new Dictionary<string, string> { ["linkerd.io/proxy-deployment"] = workload, ["linkerd.io/control-plane-ns"] = "linkerd" }, "10.0.0.1:4191",
                    TestMeshes.Linkerd.Telemetry.Scrape);
                store.Append($"linkerd-proxy/{ns}/{workload}-0", labels, at, PrometheusTextParser.Parse(traffic.Render(ns, workload, at)).Samples);
            }
        }
    }

    public static LabelSet Labels(params (string, string)[] labels) => LabelSet.Of(labels);
}
