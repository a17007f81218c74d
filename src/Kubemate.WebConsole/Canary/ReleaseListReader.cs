using System.Net;
using Kubemate.Application.Canary.Releases;
using Kubemate.Application.Namespaces;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;

namespace Kubemate.WebConsole.Canary;

/// <summary>
/// The releases a person may see: one cluster-wide list when RBAC allows it, else one list per namespace the person
/// sees, skipping those where Kubernetes refuses it (a team sees its own namespace's releases).
/// </summary>
public static class ReleaseListReader
{
    public static async Task<IReadOnlyList<ReleaseSummary>> ReadAsync(CanaryReleases releases, NamespaceStatuses statuses, UserIdentity user, CancellationToken cancellationToken)
    {
        try
        {
            return await releases.ListAsync(user, null, cancellationToken);
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.Forbidden)
        {
            var namespaces = await statuses.ListAsync(user, cancellationToken);
            var lists = await Task.WhenAll(namespaces.Select(n => InNamespaceAsync(releases, user, n.Name, cancellationToken)));
            return lists.SelectMany(l => l).ToList();
        }
    }

    private static async Task<IReadOnlyList<ReleaseSummary>> InNamespaceAsync(CanaryReleases releases, UserIdentity user, string ns, CancellationToken cancellationToken)
    {
        try
        {
            return await releases.ListAsync(user, ns, cancellationToken);
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.Forbidden)
        {
            return [];
        }
    }
}
