using Kubemate.Telemetry.Exposition;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Embedded;

/// <summary>
/// A bounded in-memory time-series store that answers <see cref="MetricQuery"/> with Prometheus' semantics.
/// Samples arrive per scrape target (<see cref="Append"/>); targets are labelled as the scrape job would label them.
/// </summary>
public sealed class EmbeddedStore : ITelemetryBackend
{
    private readonly EmbeddedStoreOptions options;
    private readonly TimeProvider clock;
    private readonly ReaderWriterLockSlim gate = new();
    private readonly Dictionary<string, TargetSeries> targets = [];
    private readonly Dictionary<string, MetricIndex> byName = [];

    public EmbeddedStore(EmbeddedStoreOptions? options = null, TimeProvider? clock = null)
    {
        this.options = options ?? new EmbeddedStoreOptions();
        this.options.Validate();
        this.clock = clock ?? TimeProvider.System;
    }

    public string Description => "embedded";

    public int SeriesCount => Read(() => targets.Values.Sum(t => t.SeriesCount));

    public int TargetCount => Read(() => targets.Count);

    /// <summary>
    /// Records one successful scrape of <paramref name="targetKey"/>. Target labels win over scraped labels of the
    /// same name, which are kept as <c>exported_&lt;name&gt;</c> (Prometheus' <c>honor_labels: false</c>); an
    /// <c>up</c> sample of 1 is added.
    /// </summary>
    public void Append(string targetKey, LabelSet targetLabels, DateTimeOffset time, IEnumerable<ExpositionSample> samples) =>
        Record(targetKey, targetLabels, time, samples.Select(s => (s.Name, s.Labels, s.Value)).Append(("up", LabelSet.Empty, 1.0)));

    /// <summary>Records a failed scrape: <c>up</c> is 0 and the target's series have no sample at this time.</summary>
    public void AppendFailure(string targetKey, LabelSet targetLabels, DateTimeOffset time) =>
        Record(targetKey, targetLabels, time, [("up", LabelSet.Empty, 0.0)]);

    /// <summary>Drops targets not scraped within the retention.</summary>
    public void Prune()
    {
        var horizon = clock.GetUtcNow().ToUnixTimeMilliseconds() - (long)options.Retention.TotalMilliseconds;
        gate.EnterWriteLock();
        try
        {
            foreach (var (key, target) in targets.Where(t => t.Value.LastScrapeMs < horizon).ToList())
            {
                targets.Remove(key);
                Unindex(target);
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>The memory held by sample rings and labels (an estimate from the sizes of the arrays).</summary>
    public long ApproximateBytes() => Read(() => targets.Values.Sum(t => t.ApproximateBytes()));

    /// <summary>Evaluates on the thread pool, so the queries of one request run in parallel.</summary>
    public Task<TelemetryResult<IReadOnlyList<SeriesResult>>> QueryAsync(MetricQuery query, QueryTime time, CancellationToken cancellationToken) =>
        Task.Run(() => Evaluate(query, time, cancellationToken), cancellationToken);

    private TelemetryResult<IReadOnlyList<SeriesResult>> Evaluate(MetricQuery query, QueryTime time, CancellationToken cancellationToken)
    {
        gate.EnterReadLock();
        try
        {
            if (targets.Count == 0)
            {
                return TelemetryResult<IReadOnlyList<SeriesResult>>.Fail(UnavailableReason.NoData,
                    "the embedded store has no samples yet: no scrape target has been found or scraped");
            }
            var candidates = byName.TryGetValue(query.SeriesName, out var index) ? index.Select(query.Matchers) : [];
            var points = new Dictionary<LabelSet, List<SamplePoint>>();
            var capacity = candidates.Count == 0 ? 0 : candidates.Max(c => c.Target.Capacity);
            var timeBuffer = new long[capacity];
            var valueBuffer = new double[capacity];
            foreach (var instant in time.Instants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var (labels, value) in QueryEvaluator.Evaluate(query, candidates, instant.ToUnixTimeMilliseconds(), options.Lookback, timeBuffer, valueBuffer))
                {
                    if (!points.TryGetValue(labels, out var series))
                    {
                        points[labels] = series = [];
                    }
                    series.Add(new SamplePoint(instant, value));
                }
            }
            IReadOnlyList<SeriesResult> result = points.Select(p => new SeriesResult(p.Key, p.Value)).ToList();
            return TelemetryResult<IReadOnlyList<SeriesResult>>.Ok(result);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private void Record(string targetKey, LabelSet targetLabels, DateTimeOffset time, IEnumerable<(string Name, LabelSet Labels, double Value)> samples)
    {
        var materialised = samples.ToList();
        gate.EnterWriteLock();
        try
        {
            if (!targets.TryGetValue(targetKey, out var target) || !target.TargetLabels.Equals(targetLabels))
            {
                if (target is not null)
                {
                    Unindex(target);
                }
                targets[targetKey] = target = new TargetSeries(targetLabels, options.Capacity);
            }
            foreach (var (created, labels) in target.Append(time.ToUnixTimeMilliseconds(), materialised))
            {
                if (!byName.TryGetValue(created.Name, out var index))
                {
                    byName[created.Name] = index = new MetricIndex();
                }
                index.Add(created, labels);
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    private T Read<T>(Func<T> read)
    {
        gate.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private void Unindex(TargetSeries target)
    {
        foreach (var stored in target.Series)
        {
            byName[stored.Name].Remove(stored);
        }
    }
}
