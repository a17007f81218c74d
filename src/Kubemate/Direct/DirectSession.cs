using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;

namespace Kubemate.Direct;

/// <summary>
/// The cluster a direct command talks to: the kubeconfig context's cluster, called with the kubeconfig's own
/// credentials (no impersonation: the cluster sees the user directly), and the user's name for the audit trail.
/// </summary>
public sealed class DirectSession : IDisposable
{
    private DirectSession(ClusterApi api, UserIdentity user, string cluster, string description)
    {
        Api = api;
        User = user;
        Cluster = cluster;
        Description = description;
    }

    public ClusterApi Api { get; }

    public UserIdentity User { get; }

    /// <summary>The kubeconfig context name.</summary>
    public string Cluster { get; }

    public string Description { get; }

    /// <exception cref="ArgumentException">The kubeconfig or context is missing or unreadable; the message says which.</exception>
    public static async Task<DirectSession> OpenAsync(string? kubeconfig, string? context, CancellationToken cancellationToken)
    {
        var path = KubeconfigPath.Resolve(kubeconfig);
        var connection = await ClusterConnection.FromKubeconfigAsync(path, context).ConfigureAwait(false);
        var contextName = connection.ContextName ?? context ?? "";
        var userEntry = connection.KubeconfigUser ?? "unknown";
        var api = connection.CreateApi();
        try
        {
            var user = await DirectIdentity.ReviewAsync(api, userEntry, cancellationToken).ConfigureAwait(false);
            return new DirectSession(api, user, contextName, $"context {contextName} of {path}");
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    public void Dispose() => Api.Dispose();
}
