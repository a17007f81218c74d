namespace Kubemate.Cluster.Caching;

/// <summary>The server no longer has history back to the cache's resource version (HTTP 410 Gone): re-list.</summary>
internal sealed class ResourceVersionExpiredException(string message) : Exception(message);
