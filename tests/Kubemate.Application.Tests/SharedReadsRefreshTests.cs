using Kubemate.Application.Telemetry;
using Kubemate.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Application.Tests;

/// <summary>
/// <see cref="SharedReads"/> on its own, with scripted reads and a fake clock: one read for many readers, the previous
/// answer served while it refreshes, the staleness bound, failed refreshes, and the bound on questions held.
/// </summary>
public sealed class SharedReadsRefreshTests
{
    private const string Question = "topology/1m/*";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-07T12:00:00Z"));
    private readonly SharedReads _reads;
    private readonly ScriptedRead _backend = new();

    public SharedReadsRefreshTests() => _reads = new SharedReads(_clock);

    private Task<TelemetryResult<string>> AskAsync(string question = Question) => _reads.ShareAsync(question, _backend.ReadAsync, CancellationToken.None);

    [Fact]
    public async Task Readers_of_a_new_question_wait_for_one_shared_read()
    {
        _backend.Hold();
        var readers = Enumerable.Range(0, 20).Select(_ => AskAsync()).ToList();
        Assert.All(readers, r => Assert.False(r.IsCompleted));

        _backend.Release();

        Assert.All(await Task.WhenAll(readers), r => Assert.Equal("v1", r.Value));
        Assert.Equal(1, _backend.Count);
    }

    [Fact]
    public async Task Past_the_freshness_readers_get_the_previous_answer_at_once_while_exactly_one_read_refreshes_it()
    {
        Assert.Equal("v1", (await AskAsync()).Value);
        _clock.Advance(SharedReads.Freshness + TimeSpan.FromSeconds(1));
        _backend.Hold();

        var readers = Enumerable.Range(0, 20).Select(_ => AskAsync()).ToList();

        // Answered without waiting for the refresh, which is still held.
        Assert.All(readers, r => Assert.True(r.IsCompletedSuccessfully));
        _backend.Release();
        Assert.All(await Task.WhenAll(readers), r => Assert.Equal("v1", r.Value));
        await _reads.SettledAsync(Question);
        Assert.Equal(2, _backend.Count);
        var refreshed = await AskAsync();
        Assert.Equal("v2", refreshed.Value);
        Assert.Equal(TelemetryStatus.Ok, refreshed.Status);
        Assert.Equal(2, _backend.Count);
    }

    [Fact]
    public async Task An_answer_older_than_a_scrape_interval_is_refreshed_before_it_is_served_so_a_lone_page_sees_new_data()
    {
        Assert.Equal("v1", (await AskAsync()).Value);
        _clock.Advance(SharedReads.ServedWhileRefreshing + TimeSpan.FromSeconds(1));
        _backend.Hold();

        var readers = Enumerable.Range(0, 5).Select(_ => AskAsync()).ToList();

        Assert.All(readers, r => Assert.False(r.IsCompleted));
        _backend.Release();
        Assert.All(await Task.WhenAll(readers), r => Assert.Equal("v2", r.Value));
        Assert.Equal(2, _backend.Count);
    }

    [Fact]
    public async Task Readers_waiting_for_a_refresh_that_fails_get_the_previous_answer_with_a_warning()
    {
        Assert.Equal("v1", (await AskAsync()).Value);
        _backend.Answer = _ => TelemetryResult<string>.Fail(UnavailableReason.Timeout, "the backend did not answer in 30 s");
        _clock.Advance(SharedReads.ServedWhileRefreshing + TimeSpan.FromSeconds(1));

        var kept = await AskAsync();

        Assert.Equal(("v1", TelemetryStatus.Partial), (kept.Value, kept.Status));
        Assert.Contains("did not answer", Assert.Single(kept.Warnings), StringComparison.Ordinal);
        Assert.Equal(2, _backend.Count);
    }

    [Fact]
    public async Task An_answer_past_the_staleness_is_never_served_readers_wait_for_a_new_one()
    {
        Assert.Equal("v1", (await AskAsync()).Value);
        _clock.Advance(SharedReads.Staleness + TimeSpan.FromSeconds(1));
        _backend.Hold();

        var reader = AskAsync();

        Assert.False(reader.IsCompleted);
        _backend.Release();
        Assert.Equal("v2", (await reader).Value);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_previous_answer_with_a_warning_until_the_staleness_then_readers_get_the_failure()
    {
        var start = _clock.GetUtcNow();
        Assert.Equal("v1", (await AskAsync()).Value);
        _backend.Answer = _ => TelemetryResult<string>.Fail(UnavailableReason.Unreachable, "connection refused");
        _clock.Advance(SharedReads.Freshness + TimeSpan.FromSeconds(1));

        Assert.Equal(TelemetryStatus.Ok, (await AskAsync()).Status);
        await _reads.SettledAsync(Question);
        var kept = await AskAsync();

        Assert.Equal(2, _backend.Count);
        Assert.Equal("v1", kept.Value);
        Assert.Equal(TelemetryStatus.Partial, kept.Status);
        Assert.Contains("connection refused", Assert.Single(kept.Warnings), StringComparison.Ordinal);

        // A failing backend is asked again once per freshness, not on every read.
        _clock.Advance(SharedReads.Freshness + TimeSpan.FromSeconds(1));
        Assert.Equal("v1", (await AskAsync()).Value);
        await _reads.SettledAsync(Question);
        Assert.Equal(3, _backend.Count);

        _clock.Advance(start + SharedReads.Staleness + TimeSpan.FromSeconds(1) - _clock.GetUtcNow());
        var failed = await AskAsync();
        Assert.Equal(TelemetryStatus.Unavailable, failed.Status);
        Assert.Equal(UnavailableReason.Unreachable, failed.Unavailable!.Reason);
        Assert.Equal(TelemetryStatus.Unavailable, (await AskAsync()).Status);
        Assert.Equal(4, _backend.Count);

        _backend.Answer = n => TelemetryResult<string>.Ok($"v{n}");
        _clock.Advance(SharedReads.Freshness + TimeSpan.FromSeconds(1));
        var recovered = await AskAsync();
        Assert.Equal(("v5", TelemetryStatus.Ok), (recovered.Value, recovered.Status));
        Assert.Empty(recovered.Warnings);
    }

    [Fact]
    public async Task A_refresh_that_throws_keeps_the_previous_answer_and_a_first_read_that_throws_is_not_kept()
    {
        Assert.Equal("v1", (await AskAsync()).Value);
        _backend.Answer = _ => throw new TimeoutException("the query took too long");
        _clock.Advance(SharedReads.Freshness + TimeSpan.FromSeconds(1));

        await AskAsync();
        await _reads.SettledAsync(Question);
        var kept = await AskAsync();

        Assert.Equal(("v1", TelemetryStatus.Partial), (kept.Value, kept.Status));
        Assert.Contains("the query took too long", Assert.Single(kept.Warnings), StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => AskAsync("edges/1m/*"));
        await Assert.ThrowsAsync<TimeoutException>(() => AskAsync("edges/1m/*"));
        Assert.Equal(4, _backend.Count);
    }

    [Fact]
    public async Task An_unavailable_first_answer_is_kept_for_the_freshness_so_a_down_backend_is_not_asked_on_every_read()
    {
        _backend.Answer = _ => TelemetryResult<string>.Fail(UnavailableReason.NoData, "no data yet");

        Assert.Equal(TelemetryStatus.Unavailable, (await AskAsync()).Status);
        Assert.Equal(TelemetryStatus.Unavailable, (await AskAsync()).Status);
        Assert.Equal(1, _backend.Count);

        _backend.Answer = n => TelemetryResult<string>.Ok($"v{n}");
        _clock.Advance(SharedReads.Freshness + TimeSpan.FromSeconds(1));
        Assert.Equal("v2", (await AskAsync()).Value);
    }

    [Fact]
    public async Task At_most_the_bound_of_questions_is_held_and_the_least_recently_asked_goes_first()
    {
        for (var i = 0; i < SharedReads.MaxQuestions + 10; i++)
        {
            await AskAsync($"workload/orders/deployment/w{i}/1m/now");
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }
        Assert.Equal(SharedReads.MaxQuestions, _reads.Held);
        var reads = _backend.Count;

        await AskAsync($"workload/orders/deployment/w{SharedReads.MaxQuestions + 9}/1m/now");
        Assert.Equal(reads, _backend.Count);
        await AskAsync("workload/orders/deployment/w0/1m/now");
        Assert.Equal(reads + 1, _backend.Count);
        Assert.Equal(SharedReads.MaxQuestions, _reads.Held);
    }

    /// <summary>A read that counts its calls, answers v1, v2, … (or what <see cref="Answer"/> says) and can be held.</summary>
    private sealed class ScriptedRead
    {
        private int _count;
        private TaskCompletionSource _gate = Open();

        public int Count => Volatile.Read(ref _count);

        public Func<int, TelemetryResult<string>> Answer { get; set; } = n => TelemetryResult<string>.Ok($"v{n}");

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public async Task<TelemetryResult<string>> ReadAsync()
        {
            var n = Interlocked.Increment(ref _count);
            await _gate.Task;
            return Answer(n);
        }

        private static TaskCompletionSource Open()
        {
            var gate = new TaskCompletionSource();
            gate.SetResult();
            return gate;
        }
    }
}
