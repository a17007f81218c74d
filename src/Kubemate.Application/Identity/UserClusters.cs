using System.Collections.Concurrent;
using System.Security.Claims;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;

namespace Kubemate.Application.Identity;

/// <summary>
/// The cluster as each signed-in user sees it: every call carries Impersonate-User/Group of that user, so
/// Kubernetes RBAC decides. One client per identity is kept (its connections are reused across requests).
/// </summary>
public sealed class UserClusters(ClusterConnection connection, string clusterName) : IDisposable
{
    private readonly ConcurrentDictionary<string, ClusterApi> _apis = new(StringComparer.Ordinal);

    public ClusterConnection Connection { get; } = connection;

    public string ClusterName { get; } = clusterName;

    /// <summary>The impersonating API for the user; owned by this class, so callers must not dispose it.</summary>
    public ClusterApi For(ClaimsPrincipal user) => For(user.ToUserIdentity());

    public ClusterApi For(UserIdentity user) =>
        _apis.GetOrAdd(KeyOf(user), _ => Connection.CreateApi(user));

    /// <summary>One string per identity (name and groups), for per-user caches.</summary>
    public static string KeyOf(UserIdentity user) => user.Name + "\n" + string.Join("\n", user.Groups);

    public OperationContext ContextFor(ClaimsPrincipal user, string sourceAddress) =>
        new(user.ToUserIdentity(), sourceAddress, ClusterName);

    public void Dispose()
    {
        foreach (var api in _apis.Values)
        {
            api.Dispose();
        }
        _apis.Clear();
    }
}
