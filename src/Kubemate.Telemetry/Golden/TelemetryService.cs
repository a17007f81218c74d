using Kubemate.Cluster.Http;
using Kubemate.Model.Drivers;
using Kubemate.Telemetry.Inventory;
using Kubemate.Telemetry.Querying;
using Kubemate.Telemetry.Topology;

namespace Kubemate.Telemetry.Golden;

/// <summary>
/// Golden metrics, edges, topology and split comparisons, computed once on top of the <see cref="MetricQuery"/>
/// primitive so the Prometheus backend and the embedded store give the same answers. Every query is built from the
/// active mesh's <see cref="TelemetryVocabulary"/> (<see cref="TelemetryOptions.Mesh"/>). Every operation issues a
/// fixed number of queries, whatever the number of namespaces or workloads.
/// </summary>
public sealed class TelemetryService
{
    private readonly ITelemetryBackend backend;
    private readonly IWorkloadInventory? inventory;
    private readonly TelemetryOptions settings;
    private readonly TimeProvider time;
    private readonly MeshSeries mesh;

    /// <exception cref="ArgumentException">the options name no mesh.</exception>
    public TelemetryService(ITelemetryBackend backend, IWorkloadInventory? inventory = null, TelemetryOptions? options = null, TimeProvider? clock = null)
    {
        this.backend = backend;
        this.inventory = inventory;
        settings = options ?? new TelemetryOptions();
        time = clock ?? TimeProvider.System;
        Mesh = settings.Mesh ?? throw new ArgumentException("mesh: telemetry needs the active mesh driver's conventions to build its queries", nameof(options));
        mesh = new MeshSeries(Mesh.Telemetry);
    }

    /// <summary>The conventions of the mesh whose proxies this service reads.</summary>
    public MeshConventions Mesh { get; }

    public ITelemetryBackend Backend => backend;

    /// <summary>The thresholds every health class in this service's answers comes from.</summary>
    public HealthThresholds Health => settings.Health;

    /// <summary>Inbound golden metrics per workload (<c>stat deploy</c>), all workloads of the namespaces (all when none given).</summary>
    public async Task<TelemetryResult<IReadOnlyList<WorkloadStat>>> WorkloadsAsync(IReadOnlyCollection<string>? namespaces, TelemetryWindow window, CancellationToken cancellationToken)
    {
        var batch = new QueryBatch(backend, QueryTime.Instant(time.GetUtcNow()));
        var serverNamespace = Mesh.Telemetry.ServerWorkload.NamespaceLabel;
        IReadOnlyList<LabelMatcher> inbound = [mesh.ServerSide, .. Queries.InNamespaces(namespaces, serverNamespace)];
        var labels = mesh.ServerLabels;
        var responses = batch.Add(mesh.Increase(window, inbound, labels), cancellationToken);
        var (p50, p95, p99) = batch.AddLatency(mesh, window, inbound, labels, cancellationToken);
        var tcp = mesh.OpenConnections(window, Queries.InNamespaces(namespaces, serverNamespace), labels) is { } tcpQuery ? batch.Add(tcpQuery, cancellationToken) : -1;
        var scrape = Mesh.Telemetry.Scrape;
        var up = scrape.TargetWorkload is { } targetWorkload
            ? batch.Add(new MetricQuery("up", QueryFunctionKind.Latest, window.Duration,
                [LabelMatcher.Is("job", scrape.Job), .. Queries.InNamespaces(namespaces, targetWorkload.NamespaceLabel)], MeshSeries.LabelsOf(targetWorkload)), cancellationToken)
            : -1;
        var (known, warnings) = await InventoryAsync(namespaces, cancellationToken).ConfigureAwait(false);
        var results = await batch.RunAsync().ConfigureAwait(false);
        if (!results.HasValue)
        {
            return TelemetryResult<IReadOnlyList<WorkloadStat>>.Fail(results.Unavailable!);
        }
        var r = results.Value!;
        var kinds = new KnownKinds(known);
        var server = mesh.Server(kinds);
        var tallies = ResponseTally.By(mesh, r[responses], server);
        var q50 = ResponseTally.Values(r[p50], server);
        var q95 = ResponseTally.Values(r[p95], server);
        var q99 = ResponseTally.Values(r[p99], server);
        var connections = tcp >= 0 ? ResponseTally.Values(r[tcp], server) : [];
        var podsUp = up >= 0 && scrape.TargetWorkload is { } upLabels
            ? ResponseTally.Values(r[up], l => MeshSeries.Resolve(l, upLabels, kinds))
            : [];
        var workloads = known.Select(w => w.Workload).Concat(tallies.Keys).Concat(podsUp.Keys).Distinct();
        var rows = workloads.Select(workload =>
        {
            var info = known.FirstOrDefault(k => k.Workload == workload);
            var tally = tallies.GetValueOrDefault(workload);
            var metrics = GoldenMetrics.From(tally?.Successes ?? 0, tally?.Failures ?? 0, window.Duration,
                Optional(q50, workload), Optional(q95, workload), Optional(q99, workload));
            var meshed = info?.MeshedPods ?? (int)podsUp.GetValueOrDefault(workload);
            return new WorkloadStat(workload, meshed, info?.TotalPods ?? meshed, metrics, tcp >= 0 ? Optional(connections, workload) : null);
        }).OrderBy(s => s.Workload.Namespace, StringComparer.Ordinal).ThenBy(s => s.Workload.Name, StringComparer.Ordinal).ToList();
        return TelemetryResult<IReadOnlyList<WorkloadStat>>.WithWarnings(rows, [.. results.Warnings, .. warnings]);
    }

    /// <summary>Edges src -&gt; dst touching the namespaces (all when none given), with mTLS and golden metrics.</summary>
    public async Task<TelemetryResult<IReadOnlyList<EdgeStat>>> EdgesAsync(IReadOnlyCollection<string>? namespaces, TelemetryWindow window, CancellationToken cancellationToken)
    {
        var batch = new QueryBatch(backend, QueryTime.Instant(time.GetUtcNow()));
        var edges = new EdgeQueries(batch, mesh, settings.Gateway, namespaces, window, [0.5, 0.95, 0.99], cancellationToken);
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
        IReadOnlyList<LabelMatcher> inbound = [mesh.ServerSide, .. Queries.InNamespaces(namespaces, Mesh.Telemetry.ServerWorkload.NamespaceLabel)];
        var responses = batch.Add(mesh.Increase(window, inbound, mesh.ServerLabels), cancellationToken);
        var p99 = batch.Add(mesh.Quantile(0.99, window, inbound, mesh.ServerLabels), cancellationToken);
        var edges = new EdgeQueries(batch, mesh, settings.Gateway, namespaces, window, [0.99], cancellationToken);
        // All workloads: the gateway (in its own namespace) and its backends resolve even outside the chosen namespaces.
        var (all, warnings) = await InventoryAsync(null, cancellationToken).ConfigureAwait(false);
        var known = namespaces is { Count: > 0 } ? all.Where(w => namespaces.Contains(w.Workload.Namespace)).ToList() : all;
        var results = await batch.RunAsync().ConfigureAwait(false);
        if (!results.HasValue)
        {
            return TelemetryResult<TopologyGraph>.Fail(results.Unavailable!);
        }
        var r = results.Value!;
        var server = mesh.Server(new KnownKinds(all));
        var graph = TopologyAssembler.Build(window, namespaces ?? [], known, all, ResponseTally.By(mesh, r[responses], server),
            ResponseTally.Values(r[p99], server), edges.Read(r, all), settings.Health, settings.Gateway, batch.Count);
        return TelemetryResult<TopologyGraph>.WithWarnings(graph, [.. results.Warnings, .. warnings]);
    }

    /// <summary>One workload: now-values, optional time series, who calls it, whom it calls, its pods.</summary>
    public async Task<TelemetryResult<WorkloadDetail>> WorkloadAsync(WorkloadRef workload, TelemetryWindow window, bool series, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var batch = new QueryBatch(backend, QueryTime.Instant(now));
        var vocabulary = Mesh.Telemetry;
        IReadOnlyList<LabelMatcher> inbound = [mesh.ServerSide, .. MeshSeries.Of(vocabulary.ServerWorkload, workload)];
        var byPod = batch.Add(mesh.Increase(window, inbound, [mesh.PodLabel]), cancellationToken);
        var (p50, p95, p99) = batch.AddLatency(mesh, window, inbound, [], cancellationToken);
        var tcp = mesh.OpenConnections(window, MeshSeries.Of(vocabulary.ServerWorkload, workload), []) is { } tcpQuery ? batch.Add(tcpQuery, cancellationToken) : -1;
        IReadOnlyList<LabelMatcher> callers = [mesh.ClientSide, .. MeshSeries.Of(vocabulary.ClientPeer, workload)];
        var callersResponses = batch.Add(mesh.Increase(window, callers, mesh.ClientLabels), cancellationToken);
        var callersP99 = batch.Add(mesh.Quantile(0.99, window, callers, mesh.ClientLabels), cancellationToken);
        IReadOnlyList<LabelMatcher> calls = [mesh.ClientSide, .. MeshSeries.Of(vocabulary.ClientWorkload, workload)];
        var callsResponses = batch.Add(mesh.Increase(window, calls, mesh.PeerLabels), cancellationToken);
        var callsP99 = batch.Add(mesh.Quantile(0.99, window, calls, mesh.PeerLabels), cancellationToken);
        var seriesTask = series ? SeriesAsync(inbound, window, now, cancellationToken) : null;
        var (known, warnings) = await InventoryAsync([workload.Namespace], cancellationToken).ConfigureAwait(false);
        var results = await batch.RunAsync().ConfigureAwait(false);
        if (!results.HasValue)
        {
            return TelemetryResult<WorkloadDetail>.Fail(results.Unavailable!);
        }
        var r = results.Value!;
        var kinds = new KnownKinds(known);
        var pods = ResponseTally.By(mesh, r[byPod], labels => labels[mesh.PodLabel]);
        var all = ResponseTally.By(mesh, r[byPod], _ => "all").GetValueOrDefault("all");
        var unmeshed = mesh.WithoutIdentity is null ? null
            : ResponseTally.By(mesh, r[byPod].Where(s => !mesh.IsSecured(s.Labels)), _ => "unmeshed").GetValueOrDefault("unmeshed");
        var metrics = GoldenMetrics.From(all?.Successes ?? 0, all?.Failures ?? 0, window.Duration, First(r[p50]), First(r[p95]), First(r[p99]));
        var info = known.FirstOrDefault(k => k.Workload == workload);
        var now_ = new WorkloadStat(workload, info?.MeshedPods ?? pods.Count, info?.TotalPods ?? pods.Count, metrics, tcp >= 0 ? First(r[tcp]) : null);
        var client = mesh.Client(kinds);
        var callerTallies = ResponseTally.By(mesh, r[callersResponses], client);
        var inboundEdges = EdgeQueries.Edges(callerTallies, ResponseTally.Values(r[callersP99], client),
            source => source, _ => workload, window);
        if (unmeshed is { Responses: > 0 })
        {
            inboundEdges.Add(new EdgeStat(WorkloadRef.Unmeshed, workload, GoldenMetrics.From(unmeshed.Successes, unmeshed.Failures, window.Duration), 0));
        }
        var peer = mesh.Peer(kinds);
        var outboundEdges = EdgeQueries.Edges(ResponseTally.By(mesh, r[callsResponses], peer), ResponseTally.Values(r[callsP99], peer),
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
        var serviceLabel = mesh.ServiceLabel;
        var serviceMatcher = backends is { Count: > 0 }
            ? LabelMatcher.OneOf(serviceLabel, backends)
            : new LabelMatcher(serviceLabel, MatchOperator.Regex, System.Text.RegularExpressions.Regex.Escape(service) + "(-.+)?");
        IReadOnlyList<LabelMatcher> matchers = [mesh.ClientSide, LabelMatcher.Is(Mesh.Telemetry.ClientPeer.NamespaceLabel, ns), serviceMatcher];
        string[] by = [serviceLabel];
        var responses = batch.Add(mesh.Increase(window, matchers, by), cancellationToken);
        var (p50, p95, p99) = batch.AddLatency(mesh, window, matchers, by, cancellationToken);
        var results = await batch.RunAsync().ConfigureAwait(false);
        return results.Map(r =>
        {
            string? Name(LabelSet labels) => labels[serviceLabel] is { Length: > 0 } name ? name : null;
            var tallies = ResponseTally.By(mesh, r[responses], Name);
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
        var responses = batch.Add(mesh.Increase(window, inbound, []), cancellationToken);
        var (p50, p95, p99) = batch.AddLatency(mesh, window, inbound, [], cancellationToken);
        var results = await batch.RunAsync().ConfigureAwait(false);
        return results.Map<IReadOnlyList<GoldenPoint>>(r =>
        {
            var successes = new SortedDictionary<DateTimeOffset, (double Success, double Failure)>();
            foreach (var series in r[responses])
            {
                foreach (var point in series.Points.Where(p => !double.IsNaN(p.Value)))
                {
                    var current = successes.GetValueOrDefault(point.Time);
                    successes[point.Time] = mesh.IsSuccess(series.Labels)
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
            return (await inventory.ListAsync(namespaces, Mesh, settings.Gateway, cancellationToken).ConfigureAwait(false), []);
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
