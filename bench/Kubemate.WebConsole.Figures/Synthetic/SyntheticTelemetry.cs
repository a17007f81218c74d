using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Querying;
using Kubemate.Telemetry.Scale;

namespace Kubemate.WebConsole.Figures.Synthetic;

/// <summary>
/// An <see cref="EmbeddedStore"/> filled with the synthetic estate (scrapes 10 s apart, the last one at "now") and a
/// <see cref="TelemetryService"/> over it whose clock stays at that last scrape. No workload inventory: the synthetic
/// workloads exist only in telemetry, not in the sandbox.
/// </summary>
internal sealed class SyntheticTelemetry
{
    private SyntheticTelemetry(EmbeddedStore store, TelemetryService service, int workloads, int edges)
    {
        Store = store;
        Service = service;
        Workloads = workloads;
        Edges = edges;
    }

    public EmbeddedStore Store { get; }
    public TelemetryService Service { get; }
    public int Workloads { get; }
    public int Edges { get; }

    public static SyntheticTelemetry Fill(int workloads, int edgesPerWorkload, int namespaces, int scrapes)
    {
        var estate = new SyntheticEstate(workloads, edgesPerWorkload, namespaces);
        var options = new EmbeddedStoreOptions { Mesh = SyntheticEstate.Linkerd, Retention = TimeSpan.FromHours(1), ScrapeInterval = TimeSpan.FromSeconds(10) };
        var last = DateTimeOffset.UtcNow;
        var first = last - options.ScrapeInterval * (scrapes - 1);
        var clock = new FixedClock(last);
        var store = new EmbeddedStore(options, clock);
        for (var i = 0; i < scrapes; i++)
        {
            estate.Scrape(store, first + options.ScrapeInterval * i, options.ScrapeInterval.TotalSeconds * i);
        }
        return new SyntheticTelemetry(store, new TelemetryService(store, inventory: null, options: new TelemetryOptions { Mesh = SyntheticEstate.Linkerd }, clock: clock), estate.Workloads, estate.Edges);
    }

    public ITelemetryBackend Backend => Store;
}
