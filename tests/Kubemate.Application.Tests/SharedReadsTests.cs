using Kubemate.Telemetry;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Querying;
using Kubemate.Application.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Application.Tests;

/// <summary>Telemetry reads shared between readers (a host without sign-in: every reader sees everything).</summary>
public sealed class SharedReadsTests
{
    private static readonly TelemetryWindow FiveMinutes = TelemetryWindow.TryParse("5m", out var window) ? window : throw new InvalidOperationException("no 5m window");

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-25T12:00:00Z"));
    private readonly CountingBackend _backend;
    private readonly SharedReads _reads;
    private readonly TelemetryReads _shared;

    public SharedReadsTests()
    {
        _backend = new CountingBackend(new EmbeddedStore(clock: _clock));
        _reads = new SharedReads(_clock);
        _shared = new TelemetryReads(new TelemetryService(_backend, options: new TelemetryOptions { Mesh = new Kubemate.Drivers.Linkerd.LinkerdDriver().Conventions }, clock: _clock), new TelemetryVisibility(null, null, _clock), _reads);
    }

    [Fact]
    public async Task Sessions_asking_within_the_freshness_share_one_read_and_get_the_same_graph()
    {
        var first = await _shared.TopologyAsync(null, null, TelemetryWindow.OneMinute, CancellationToken.None);
        var queries = _backend.Queries;
        _clock.Advance(SharedReads.Freshness / 2);

        var second = await _shared.TopologyAsync(null, null, TelemetryWindow.OneMinute, CancellationToken.None);

        Assert.True(queries > 0);
        Assert.Equal(queries, _backend.Queries);
        Assert.Same(first.Value, second.Value);
    }

    [Fact]
    public async Task A_read_older_than_the_freshness_or_for_another_window_is_made_again()
    {
        await _shared.TopologyAsync(null, null, TelemetryWindow.OneMinute, CancellationToken.None);
        var once = _backend.Queries;

        await _shared.TopologyAsync(null, null, FiveMinutes, CancellationToken.None);
        var otherWindow = _backend.Queries;
        _clock.Advance(SharedReads.Freshness + TimeSpan.FromSeconds(1));
        await _shared.TopologyAsync(null, null, TelemetryWindow.OneMinute, CancellationToken.None);
        await _reads.SettledAsync($"topology/{TelemetryWindow.OneMinute.Name}/*");

        Assert.Equal(2 * once, otherWindow);
        Assert.Equal(3 * once, _backend.Queries);
    }

    [Fact]
    public async Task A_page_that_stops_waiting_does_not_cancel_the_read_the_others_share()
    {
        _backend.Hold();
        using var leaving = new CancellationTokenSource();
        var left = _shared.WorkloadsAsync(null, null, TelemetryWindow.OneMinute, leaving.Token);
        var staying = _shared.WorkloadsAsync(null, null, TelemetryWindow.OneMinute, CancellationToken.None);

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);
        _backend.Release();

        // Completes with the store's answer (an empty store has no workloads to report) instead of being cancelled.
        var answer = await staying;
        Assert.Equal(TelemetryStatus.Unavailable, answer.Status);
        Assert.Equal(UnavailableReason.NoData, answer.Unavailable!.Reason);
    }

    [Fact]
    public async Task Two_people_on_one_dashboard_share_its_read_and_other_workloads_or_windows_are_read_apart()
    {
        var orders = new WorkloadRef("orders", "deployment", "orders");
        var first = await _shared.WorkloadAsync(null, orders, TelemetryWindow.OneMinute, series: true, CancellationToken.None);
        var once = _backend.Queries;

        var second = await _shared.WorkloadAsync(null, orders, TelemetryWindow.OneMinute, series: true, CancellationToken.None);
        Assert.Same(first.Value, second.Value);
        Assert.Equal(once, _backend.Queries);

        await _shared.WorkloadAsync(null, new WorkloadRef("orders", "deployment", "inventory"), TelemetryWindow.OneMinute, series: true, CancellationToken.None);
        await _shared.WorkloadAsync(null, orders, FiveMinutes, series: true, CancellationToken.None);
        Assert.True(once > 0);
        Assert.Equal(3 * once, _backend.Queries);
    }

    [Fact]
    public async Task Answers_nobody_can_take_any_more_are_swept_when_a_new_question_comes()
    {
        for (var i = 0; i < 20; i++)
        {
            await _shared.WorkloadAsync(null, new WorkloadRef("orders", "deployment", $"w{i}"), TelemetryWindow.OneMinute, series: false, CancellationToken.None);
        }
        Assert.Equal(20, _reads.Held);
        _clock.Advance(SharedReads.Staleness + TimeSpan.FromSeconds(1));

        await _shared.WorkloadAsync(null, new WorkloadRef("orders", "deployment", "new"), TelemetryWindow.OneMinute, series: false, CancellationToken.None);

        Assert.Equal(1, _reads.Held);
    }

    /// <summary>Counts the queries that reach the store; can hold them until released.</summary>
    private sealed class CountingBackend(ITelemetryBackend inner) : ITelemetryBackend
    {
        private int _queries;
        private TaskCompletionSource _gate = CompletedGate();

        public int Queries => Volatile.Read(ref _queries);

        public string Description => inner.Description;

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public async Task<TelemetryResult<IReadOnlyList<SeriesResult>>> QueryAsync(MetricQuery query, QueryTime time, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _queries);
            await _gate.Task.WaitAsync(cancellationToken);
            return await inner.QueryAsync(query, time, cancellationToken);
        }

        private static TaskCompletionSource CompletedGate()
        {
            var gate = new TaskCompletionSource();
            gate.SetResult();
            return gate;
        }
    }
}
