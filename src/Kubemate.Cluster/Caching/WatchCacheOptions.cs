namespace Kubemate.Cluster.Caching;

/// <summary>Timing of a watch cache: how long each watch runs and how reconnects back off.</summary>
public sealed record WatchCacheOptions
{
    /// <summary>The server ends each watch after this long (plus jitter); the cache then resumes from its resource version.</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Ask for BOOKMARK events, which move the resume point forward while nothing in scope changes.</summary>
    public bool AllowBookmarks { get; init; } = true;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Items per page of the initial list and of re-lists.</summary>
    public int PageSize { get; init; } = 500;
}
