using System.Text.Json.Nodes;

namespace Kubemate.Cluster.Caching;

/// <summary>How an object in a cache changed.</summary>
public enum WatchCacheChangeType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>One change seen by a cache, from a watch event or from a re-list.</summary>
public sealed record WatchCacheChange(WatchCacheChangeType Type, JsonObject Object);
