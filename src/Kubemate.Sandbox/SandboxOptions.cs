namespace Kubemate.Sandbox;

/// <summary>How a sandbox API server is started.</summary>
public sealed record SandboxOptions
{
    /// <summary>Loopback address and port; port 0 picks a free one.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";
    public int Port { get; init; }
    /// <summary>Persist state here (atomic, crash-safe); in memory only when null.</summary>
    public string? DataDirectory { get; init; }
    /// <summary>Largest request body accepted (the apiserver's limit is 3 MiB).</summary>
    public long MaxRequestBytes { get; init; } = 3 * 1024 * 1024;
    /// <summary>How many past events a watch can resume from.</summary>
    public int WatchHistory { get; init; } = 200_000;
    /// <summary>Interval between BOOKMARK events on watches that allow them.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(10);
}
