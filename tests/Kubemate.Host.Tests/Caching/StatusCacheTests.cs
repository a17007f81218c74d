using Kubemate.Application.Caching;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Host.Tests.Caching;

public sealed class StatusCacheTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Concurrent_reads_of_one_key_share_one_load()
    {
        var cache = new StatusCache(_time);
        var loads = 0;
        var release = new TaskCompletionSource();
        var reads = Enumerable.Range(0, 10).Select(_ => cache.GetAsync("k", async _ =>
        {
            Interlocked.Increment(ref loads);
            await release.Task;
            return "value";
        })).ToList();
        release.SetResult();
        Assert.All(await Task.WhenAll(reads).WaitAsync(TimeSpan.FromSeconds(30)), v => Assert.Equal("value", v));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task A_value_past_fresh_is_answered_while_one_read_refreshes_it()
    {
        var cache = new StatusCache(_time);
        var version = 0;
        var refreshed = new TaskCompletionSource();
        Task<string> Load(CancellationToken _)
        {
            var v = Interlocked.Increment(ref version);
            if (v == 2)
            {
                refreshed.SetResult();
            }
            return Task.FromResult($"v{v}");
        }
        Assert.Equal("v1", await cache.GetAsync("k", Load));
        _time.Advance(StatusCache.Fresh + TimeSpan.FromMilliseconds(1));
        Assert.Equal("v1", await cache.GetAsync("k", Load));
        await refreshed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.Until(() => cache.GetAsync("k", Load), v => v == "v2", "the refreshed value");
        Assert.Equal(2, version);
    }

    [Fact]
    public async Task A_value_past_stale_or_invalidated_is_read_again()
    {
        var cache = new StatusCache(_time);
        var version = 0;
        Task<string> Load(CancellationToken _) => Task.FromResult($"v{Interlocked.Increment(ref version)}");
        Assert.Equal("v1", await cache.GetAsync("k", Load));
        _time.Advance(StatusCache.Stale + TimeSpan.FromSeconds(1));
        Assert.Equal("v2", await cache.GetAsync("k", Load));
        cache.Invalidate();
        Assert.Equal("v3", await cache.GetAsync("k", Load));
    }

    [Fact]
    public async Task Failures_are_not_kept()
    {
        var cache = new StatusCache(_time);
        var calls = 0;
        Task<string> Fail(CancellationToken _)
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("denied");
        }
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("k", Fail));
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("k", Fail));
        Assert.Equal(2, calls);
    }
}
