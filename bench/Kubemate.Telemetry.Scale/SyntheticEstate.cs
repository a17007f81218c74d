using Kubemate.Drivers.Linkerd;
using Kubemate.Model.Drivers;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Exposition;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Scale;

/// <summary>
/// A synthetic meshed estate: <c>workloads</c> deployments spread over namespaces, each calling
/// <c>edgesPerWorkload</c> others. Every edge has the series a linkerd proxy exposes on both sides (outbound at the
/// caller, inbound at the callee): response_total by classification and the 26 response_latency_ms buckets. Counters
/// are whole numbers, as a proxy's request counts are.
/// </summary>
internal sealed class SyntheticEstate(int workloads, int edgesPerWorkload, int namespaces)
{    /// <summary>The mesh the synthetic proxies belong to: their series and labels are Linkerd's.</summary>
    public static MeshConventions Linkerd { get; } = new LinkerdDriver().Conventions;


    private static readonly string[] Buckets =
        ["1", "2", "3", "4", "5", "10", "20", "30", "40", "50", "100", "200", "300", "400", "500", "1000", "2000", "3000", "4000", "5000", "10000", "20000", "30000", "40000", "50000", "+Inf"];

    public int Workloads => workloads;
    public int Edges => workloads * edgesPerWorkload;

    public string Namespace(int workload) => $"ns-{workload % namespaces:D3}";

    public static string Name(int workload) => $"app-{workload:D4}";

    private IEnumerable<int> Callees(int workload) => Enumerable.Range(1, edgesPerWorkload).Select(k => (workload + k * 7) % workloads);

    /// <summary>
    /// Appends one scrape of every pod at <paramref name="at"/>, counters having grown for <paramref name="elapsedSeconds"/>;
    /// returns the time spent inside the store (building the samples is not the store's cost).
    /// </summary>
    public TimeSpan Scrape(EmbeddedStore store, DateTimeOffset at, double elapsedSeconds)
    {
        var callers = new List<int>[workloads];
        for (var w = 0; w < workloads; w++)
        {
            callers[w] = [];
        }
        for (var w = 0; w < workloads; w++)
        {
            foreach (var callee in Callees(w))
            {
                callers[callee].Add(w);
            }
        }
        var inStore = new System.Diagnostics.Stopwatch();
        for (var w = 0; w < workloads; w++)
        {
            var samples = new List<ExpositionSample>();
            foreach (var callee in Callees(w))
            {
                Edge(samples, elapsedSeconds, ("direction", "outbound"), ("dst_namespace", Namespace(callee)), ("dst_deployment", Name(callee)), ("tls", "true"));
            }
            foreach (var caller in callers[w])
            {
                Edge(samples, elapsedSeconds, ("direction", "inbound"), ("client_id", $"{Name(caller)}.{Namespace(caller)}.serviceaccount.identity.linkerd.cluster.local"), ("tls", "true"));
            }
            samples.Add(new ExpositionSample("tcp_open_connections", LabelSet.Of(("direction", "inbound"), ("peer", "src")), callers[w].Count, null));
            var ns = Namespace(w);
            var labels = ScrapeDiscovery.ProxyJobLabels(ns, Name(w) + "-0",
                new Dictionary<string, string> { ["linkerd.io/proxy-deployment"] = Name(w), ["linkerd.io/control-plane-ns"] = "linkerd" }, "10.0.0.1:4191",
                Linkerd.Telemetry.Scrape);
            var key = $"linkerd-proxy/{ns}/{Name(w)}-0";
            inStore.Start();
            store.Append(key, labels, at, samples);
            inStore.Stop();
        }
        return inStore.Elapsed;
    }

    private static void Edge(List<ExpositionSample> samples, double elapsed, params (string, string)[] labels)
    {
        var total = 1000 + 10 * elapsed;
        samples.Add(new ExpositionSample("response_total", LabelSet.Of([.. labels, ("classification", "success")]), Math.Floor(total * 0.99), null));
        samples.Add(new ExpositionSample("response_total", LabelSet.Of([.. labels, ("classification", "failure")]), Math.Floor(total * 0.01), null));
        for (var i = 0; i < Buckets.Length; i++)
        {
            var share = Math.Min(1.0, (i + 1) / 12.0);
            samples.Add(new ExpositionSample("response_latency_ms_bucket", LabelSet.Of([.. labels, ("le", Buckets[i])]), Math.Floor(total * share), null));
        }
    }
}
