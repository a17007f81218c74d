namespace Kubemate.Application.Limits;

/// <summary>The user's <see cref="ChangeBudget"/> is spent: nothing was changed; try again after <see cref="RetryAfter"/>.</summary>
public sealed class TooManyChangesException(TimeSpan retryAfter, int perMinute, int burst)
    : Exception($"the limit of {perMinute} changes per minute (bursts of {burst}) per user is reached; try again in {WholeSeconds(retryAfter)} s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public int PerMinute { get; } = perMinute;

    public int Burst { get; } = burst;

    /// <summary>Whole seconds to wait, at least one (what Retry-After carries).</summary>
    public int RetryAfterSeconds => WholeSeconds(RetryAfter);

    public static int WholeSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
