using System.Threading.RateLimiting;

namespace Kubemate.Application.Limits;

/// <summary>
/// One token bucket per user for changing actions, shared by every surface: the REST host takes a token per mutating
/// call, the console per confirmed change (apply, GitOps export, mesh switch), so a user cannot double the rate by
/// using both. Keys are <see cref="ForUser"/> or <see cref="ForAddress"/>; <see cref="Unlimited"/> takes nothing.
/// </summary>
public sealed class ChangeBudget : IDisposable
{
    public const string Unlimited = "";

    public ChangeBudget(int perMinute, int burst)
    {
        PerMinute = perMinute;
        Burst = burst;
        // Refilled at most once a second (a timer per bucket), with as many tokens as the rate gives a period.
        var refill = TimeSpan.FromMinutes(1) / perMinute;
        Refill = refill < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : refill;
        var tokensPerRefill = (int)Math.Round(perMinute * Refill.TotalMinutes);
        Limiter = PartitionedRateLimiter.Create<string, string>(key => key.Length == 0
            ? RateLimitPartition.GetNoLimiter(Unlimited)
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = tokensPerRefill,
                ReplenishmentPeriod = Refill,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public int PerMinute { get; }

    public int Burst { get; }

    /// <summary>How often a bucket gets tokens back: the soonest a refused caller may try again.</summary>
    public TimeSpan Refill { get; }

    /// <summary>The buckets by key; the REST host's rate limiter translates each request to its key.</summary>
    public PartitionedRateLimiter<string> Limiter { get; }

    public static string ForUser(string name) => "user:" + name;

    public static string ForAddress(string address) => "address:" + address;

    /// <summary>Takes one token for the user, or throws <see cref="TooManyChangesException"/> saying when to try again.</summary>
    public void Take(string userName)
    {
        using var lease = Limiter.AttemptAcquire(ForUser(userName));
        if (!lease.IsAcquired)
        {
            throw new TooManyChangesException(RetryAfter(lease), PerMinute, Burst);
        }
    }

    /// <summary>When a refused lease says the bucket has a token again (at least one refill period).</summary>
    public TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : Refill;

    public void Dispose() => Limiter.Dispose();
}
