namespace Kubemate.Cluster.Caching;

/// <summary>Exponential backoff with jitter: the delay doubles per failure up to a cap, then a random half of it is added or kept.</summary>
internal static class Backoff
{
    public static TimeSpan Delay(int failures, TimeSpan initial, TimeSpan max)
    {
        var exponential = initial.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 20));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        // Jitter spreads reconnects of many caches (and many Kubemate replicas) so they do not hit the server together.
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }
}
