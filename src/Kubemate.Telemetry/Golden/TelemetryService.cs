using Kubemate.Cluster.Http;
using Kubemate.Telemetry.Inventory;
using Kubemate.Telemetry.Querying;
using Kubemate.Telemetry.Topology;

namespace Kubemate.Telemetry.Golden;

/// <summary>
/// Golden metrics, edges, topology and split comparisons, computed once on top of the <see cref="MetricQuery"/>
/// primitive so the Prometheus backend and the embedded store give the same answers. Every operation issues a fixed
/// number of queries, whatever the number of namespaces or workloads.
/// </summary>
public sealed class TelemetryService(ITelemetryBackend backend, IWorkloadInventory? inventory = null, TelemetryOptions? options = null, TimeProvider? clock = null)
{
    private readonly TelemetryOptions settings = options ?? new TelemetryOptions();
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    public ITelemetryBackend Backend => backend;

    /// <summary>The thresholds every health class in this service's answers comes from.</summary>
    public HealthThresholds Health => settings.Health;

    /// <summary>Inbound golden metrics per workload (<c>stat deploy</c>), all workloads of the namespaces (all when none given).</summary>
    public async Task<TelemetryResult<IReadOnlyList<WorkloadStat>>> WorkloadsAsync(IReadOnlyCollection<string>? namespaces, TelemetryWindow window, CancellationToken cancellationToken)
    {
        var batch = new QueryBatch(backend, QueryTime.Instant(time.GetUtcNow()));
        IReadOnlyList<LabelMatcher> inbound = [Queries.Inbound, .. Queries.InNamespaces(namespaces)];
        var labels = LinkerdLabels.WorkloadLabels;
        var responses = batch.Add(Queries.Increase(window, inbound, labels), cancellationToken);
        var (p50, p95, p99) = batch.AddLatency(window, inbound, labels, cancellationToken);
        var tcp = batch.Add(new MetricQuery("tcp_open_connections", QueryFunctionKind.Latest, window.Duration,
            [Queries.Inbound, LabelMatcher.Is("peer", "src"), .. Queries.InNamespaces(namespaces)], labels), cancellationToken);
        var up = batch.Add(new MetricQuery("up", QueryFunctionKind.Latest, window.Duration,
            [LabelMatcher.Is("job", "linkerd-proxy"), .. Queries.InNamespaces(namespaces)], labels), cancellationToken);
        var (known, warnings) = await InventoryAsync(namespaces, cancellationToken).ConfigureAwait(false);
        var results = await batch.RunAsync().ConfigureAwait(false);
        if (!results.HasValue)
        {
            return TelemetryResult<IReadOnlyList<WorkloadStat>>.Fail(results.Unavailable!);
        }
        var r = results.Value!;
        var tallies = ResponseTally.By(r[responses], LinkerdLabels.Workload);
        var q50 = ResponseTally.Values(r[p50], LinkerdLabels.Workload);
        var q95 = ResponseTally.Values(r[p95], LinkerdLabels.Workload);
        var q99 = ResponseTally.Values(r[p99], LinkerdLabels.Workload);
        var connections = ResponseTally.Values(r[tcp], LinkerdLabels.Workload);
        var podsUp = ResponseTally.Values(r[up], LinkerdLabels.Workload);
        var workloads = known.Select(w => w.Workload).Concat(tallies.Keys).Concat(podsUp.Keys).Distinct();
        var rows = workloads.Select(workload =>
        {
            var info = known.FirstOrDefault(k => k.Workload == workload);
            var tally = tallies.GetValueOrDefault(workload);
            var metrics = GoldenMetrics.From(tally?.Successes ?? 0, tally?.Failures ?? 0, window.Duration,
                Optional(q50, workload), Optional(q95, workload), Optional(q99, workload));
            var meshed = info?.MeshedPods ?? (int)podsUp.GetValueOrDefault(workload);
            return new WorkloadStat(workload, meshed, info?.TotalPods ?? meshed, metrics, Optional(connections, workload));
        }).OrderBy(s => s.Workload.Namespace, StringComparer.Ordinal).ThenBy(s => s.Workload.Name, StringComparer.Ordinal).ToList();
        return TelemetryResult<IReadOnlyList<WorkloadStat>>.WithWarnings(rows, [.. results.Warnings, .. warnings]);
    }

    /// <summary>Edges src -&gt; dst touching the namespaces (all when none given), with mTLS and golden metrics.</summary>
    public async Task<TelemetryResult<IReadOnlyList<EdgeStat>>> EdgesAsync(IReadOnlyCollection<string>? namespaces, TelemetryWindow window, CancellationToken cancellationToken)
    {
        var batch = new QueryBatch(backend, QueryTime.Instant(time.GetUtcNow()));
        var edges = new EdgeQueries(batch, namespaces, window, [0.5, 0.95, 0.99], cancellationToken);
        var (known, warnings) = await InventoryAsync(null, cancellationToken).ConfigureAwait(false);
        var results = await batch.RunAsync().ConfigureAwait(false);
        if (!results.HasValue)
        {
            return TelemetryResult<IReadOnlyList<EdgeStat>>.Fail(results.Unavailable!);
        }
        return TelemetryResult<IReadOnlyList<EdgeStat>>.WithWarnings(edges.Read(results.Value!, known), [.. results.Warnings, .. warnings]);
    }

    /// <summary>The graph of the namespaces (all when none given), in one request to this service and a constant number of queries.</summary>
    public async Task<TelemetryResult<TopologyGraph>> TopologyAsync(IReadOnlyCollection<string>? namespaces, TelemetryWindow window, CancellationToken cancellationToken)
    {
        var batch = new QueryBatch(backend, QueryTime.Instant(time.GetUtcNow()));
        IReadOnlyList<LabelMatcher> inbound = [Queries.Inbound, .. Queries.InNamespaces(namespaces)];
        var responses = batch.Add(Queries.Increase(window, inbound, LinkerdLabels.WorkloadLabels), cancellationToken);
        var p99 = batch.Add(Queries.Quantile(0.99, window, inbound, LinkerdLabels.WorkloadLabels), cancellationToken);
        var edges = new EdgeQueries(batch, namespaces, window, [0.99], cancellationToken);
        // All workloads: the gateway (namespace traefik) and its backends resolve even outside the chosen namespaces.
        var (all, warnings) = await InventoryAsync(null, cancellationToken).ConfigureAwait(false);
        var known = namespaces is { Count: > 0 } ? all.Where(w => namespaces.Contains(w.Workload.Namespace)).ToList() : all;
        var results = await batch.RunAsync().ConfigureAwait(false);
        if (!results.HasValue)
        {
            return TelemetryResult<TopologyGraph>.Fail(results.Unavailable!);
        }
        var r = results.Value!;
        var graph = TopologyAssembler.Build(window, namespaces ?? [], known, all, ResponseTally.By(r[responses], LinkerdLabels.Workload),
            ResponseTally.Values(r[p99], LinkerdLabels.Workload), edges.Read(r, all), settings.Health, batch.Count);
        return TelemetryResult<TopologyGraph>.WithWarnings(graph, [.. results.Warnings, .. warnings]);
    }

    /// <summary>One workload: now-values, optional time series, who calls it, whom it calls, its pods.</summary>
    public async Task<TelemetryResult<WorkloadDetail>> WorkloadAsync(WorkloadRef workload, TelemetryWindow window, bool series, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var batch = new QueryBatch(backend, QueryTime.Instant(now));
        IReadOnlyList<LabelMatcher> inbound = [Queries.Inbound, .. Queries.Of(workload)];
        var byPod = batch.Add(Queries.Increase(window, inbound, ["pod", "tls"]), cancellationToken);
        var (p50, p95, p99) = batch.AddLatency(window, inbound, [], cancellationToken);
        var tcp = batch.Add(new MetricQuery("tcp_open_connections", QueryFunctionKind.Latest, window.Duration,
            [Queries.Inbound, LabelMatcher.Is("peer", "src"), .. Queries.Of(workload)]), cancellationToken);
        IReadOnlyList<LabelMatcher> callers = [Queries.Outbound, .. Queries.Of(workload, asDestination: true)];
        var callersResponses = batch.Add(Queries.Increase(window, callers, [.. LinkerdLabels.WorkloadLabels, "tls"]), cancellationToken);
        var callersP99 = batch.Add(Queries.Quantile(0.99, window, callers, LinkerdLabels.WorkloadLabels), cancellationToken);
        IReadOnlyList<LabelMatcher> calls = [Queries.Outbound, .. Queries.Of(workload)];
        var callsResponses = batch.Add(Queries.Increase(window, calls, [.. LinkerdLabels.DestinationLabels, "tls"]), cancellationToken);
        var callsP99 = batch.Add(Queries.Quantile(0.99, window, calls, LinkerdLabels.DestinationLabels), cancellationToken);
        var seriesTask = series ? SeriesAsync(inbound, window, now, cancellationToken) : null;
        var (known, warnings) = await InventoryAsync([workload.Namespace], cancellationToken).ConfigureAwait(false);
        var results = await batch.RunAsync().ConfigureAwait(false);
        if (!results.HasValue)
        {
            return TelemetryResult<WorkloadDetail>.Fail(results.Unavailable!);
        }
        var r = results.Value!;
        var pods = ResponseTally.By(r[byPod], labels => labels["pod"]);
        var all = ResponseTally.By(r[byPod], _ => "all").GetValueOrDefault("all");
        var unmeshed = ResponseTally.By(r[byPod].Where(s => s.Labels["tls"] != "true"), _ => "unmeshed").GetValueOrDefault("unmeshed");
        var metrics = GoldenMetrics.From(all?.Successes ?? 0, all?.Failures ?? 0, window.Duration, First(r[p50]), First(r[p95]), First(r[p99]));
        var info = known.FirstOrDefault(k => k.Workload == workload);
        var now_ = new WorkloadStat(workload, info?.MeshedPods ?? pods.Count, info?.TotalPods ?? pods.Count, metrics, First(r[tcp]));
        var inboundEdges = EdgeQueries.Edges(ResponseTally.By(r[callersResponses], LinkerdLabels.Workload), ResponseTally.Values(r[callersP99], LinkerdLabels.Workload),
            source => source, _ => workload, window);
        if (unmeshed is { Responses: > 0 })
        {
            inboundEdges.Add(new EdgeStat(WorkloadRef.Unmeshed, workload, GoldenMetrics.From(unmeshed.Successes, unmeshed.Failures, window.Duration), 0));
        }
        var outboundEdges = EdgeQueries.Edges(ResponseTally.By(r[callsResponses], LinkerdLabels.Destination), ResponseTally.Values(r[callsP99], LinkerdLabels.Destination),
            _ => workload, destination => destination, window);
        var podRows = pods.Select(p => new PodStat(p.Key, GoldenMetrics.From(p.Value.Successes, p.Value.Failures, window.Duration)))
            .OrderBy(p => p.Pod, StringComparer.Ordinal).ToList();
        IReadOnlyList<GoldenPoint>? points = null;
        var allWarnings = new List<string>([.. results.Warnings, .. warnings]);
        if (seriesTask is not null)
        {
            var seriesResult = await seriesTask.ConfigureAwait(false);
            if (!seriesResult.HasValue)
            {
                return TelemetryResult<WorkloadDetail>.Fail(seriesResult.Unavailable!);
            }
            points = seriesResult.Value;
            allWarnings.AddRange(seriesResult.Warnings);
        }
        var detail = new WorkloadDetail(workload, window, now_, points, inboundEdges, outboundEdges, podRows);
        return TelemetryResult<WorkloadDetail>.WithWarnings(detail, allWarnings.Distinct().ToList());
    }

    /// <summary>
    /// The backends of a split service side by side, from callers' outbound metrics by <c>dst_service</c>. Backends are
    /// the given services, or else the service itself and every service named <c>&lt;service&gt;-*</c>
    /// (e.g. <c>-stable</c>/<c>-canary</c>, <c>-primary</c>).
    /// </summary>
    public async Task<TelemetryResult<SplitStat>> SplitAsync(string ns, string service, IReadOnlyCollection<string>? backends, TelemetryWindow window, CancellationToken cancellationToken)
    {
        var batch = new QueryBatch(backend, QueryTime.Instant(time.GetUtcNow()));
        var serviceMatcher = backends is { Count: > 0 }
            ? LabelMatcher.OneOf("dst_service", backends)
            : new LabelMatcher("dst_service", MatchOperator.Regex, System.Text.RegularExpressions.Regex.Escape(service) + "(-.+)?");
        IReadOnlyList<LabelMatcher> matchers = [Queries.Outbound, LabelMatcher.Is("dst_namespace", ns), serviceMatcher];
        string[] by = ["dst_service"];
        var responses = batch.Add(Queries.Increase(window, matchers, by), cancellationToken);
        var (p50, p95, p99) = batch.AddLatency(window, matchers, by, cancellationToken);
        var results = await batch.RunAsync().ConfigureAwait(false);
        return results.Map(r =>
        {
            static string? Name(LabelSet labels) => labels["dst_service"] is { Length: > 0 } name ? name : null;
            var tallies = ResponseTally.By(r[responses], Name);
            var (q50, q95, q99) = (ResponseTally.Values(r[p50], Name), ResponseTally.Values(r[p95], Name), ResponseTally.Values(r[p99], Name));
            var names = (backends ?? []).Concat(tallies.Keys).Distinct();
            var rows = names.Select(name =>
            {
                var tally = tallies.GetValueOrDefault(name);
                return new BackendStat(name, RoleOf(service, name), GoldenMetrics.From(tally?.Successes ?? 0, tally?.Failures ?? 0, window.Duration,
                    Optional(q50, name), Optional(q95, name), Optional(q99, name)));
            }).OrderBy(b => b.Role == "stable" ? 0 : b.Role == "canary" ? 1 : 2).ThenBy(b => b.Service, StringComparer.Ordinal).ToList();
            return new SplitStat(ns, service, window, rows);
        });
    }

    private async Task<TelemetryResult<IReadOnlyList<GoldenPoint>>> SeriesAsync(IReadOnlyList<LabelMatcher> inbound, TelemetryWindow window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var step = window.SeriesStep;
        var range = QueryTime.Range(now - step * (settings.SeriesPoints - 1), now, step);
        var batch = new QueryBatch(backend, range);
        var responses = batch.Add(Queries.Increase(window, inbound, []), cancellationToken);
        var (p50, p95, p99) = batch.AddLatency(window, inbound, [], cancellationToken);
        var results = await batch.RunAsync().ConfigureAwait(false);
        return results.Map<IReadOnlyList<GoldenPoint>>(r =>
        {
            var successes = new SortedDictionary<DateTimeOffset, (double Success, double Failure)>();
            foreach (var series in r[responses])
            {
                foreach (var point in series.Points.Where(p => !double.IsNaN(p.Value)))
                {
                    var current = successes.GetValueOrDefault(point.Time);
                    successes[point.Time] = series.Labels["classification"] == "success"
                        ? (current.Success + point.Value, current.Failure)
                        : (current.Success, current.Failure + point.Value);
                }
            }
            Dictionary<DateTimeOffset, double> Quantile(int index) => r[index].SelectMany(s => s.Points)
                .Where(p => !double.IsNaN(p.Value)).GroupBy(p => p.Time).ToDictionary(g => g.Key, g => g.First().Value);
            var (q50, q95, q99) = (Quantile(p50), Quantile(p95), Quantile(p99));
            return successes.Select(s =>
            {
                var metrics = GoldenMetrics.From(s.Value.Success, s.Value.Failure, window.Duration);
                return new GoldenPoint(s.Key, metrics.Rps, metrics.SuccessRate, Optional(q50, s.Key), Optional(q95, s.Key), Optional(q99, s.Key));
            }).ToList();
        });
    }

    private async Task<(IReadOnlyList<WorkloadInfo> Workloads, IReadOnlyList<string> Warnings)> InventoryAsync(IReadOnlyCollection<string>? namespaces, CancellationToken cancellationToken)
    {
        if (inventory is null)
        {
            return ([], []);
        }
        try
        {
            return (await inventory.ListAsync(namespaces, cancellationToken).ConfigureAwait(false), []);
        }
        catch (Exception error) when (error is ClusterApiException or HttpRequestException)
        {
            return ([], [$"the workload list is unavailable ({error.Message}); showing workloads with metrics only"]);
        }
    }

    internal static string RoleOf(string service, string backendName) =>
        backendName.Contains("canary", StringComparison.Ordinal) ? "canary"
        : backendName.Contains("stable", StringComparison.Ordinal) || backendName.Contains("primary", StringComparison.Ordinal) ? "stable"
        : backendName == service ? "apex" : "backend";

    private static double? First(IReadOnlyList<SeriesResult> series) =>
        series.Select(s => s.Last).Where(v => !double.IsNaN(v) && !double.IsInfinity(v)).Cast<double?>().FirstOrDefault();

    private static double? Optional<TKey>(Dictionary<TKey, double> values, TKey key) where TKey : notnull =>
        values.TryGetValue(key, out var value) ? value : null;
}
