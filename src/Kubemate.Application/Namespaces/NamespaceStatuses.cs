using System.Net;
using Kubemate.Application.Caching;
using Kubemate.Application.Identity;
using Kubemate.Application.Onboarding;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;
using Kubemate.Cluster.Objects;
using Kubemate.Model.Drivers;

namespace Kubemate.Application.Namespaces;

/// <summary>
/// Namespaces and their mesh status as one user may see them, for the REST API and the console alike: one
/// cluster-wide read when RBAC allows it, else namespace by namespace, where a namespace whose workloads or pods the
/// user may not read is listed without status and with the reason. Reads are shared briefly per user
/// (<see cref="StatusCache"/>); Kubemate's own writes invalidate them.
/// </summary>
public sealed class NamespaceStatuses(UserClusters clusters, IMeshDriver driver, StatusCache cache)
{
    /// <summary>
    /// The user's namespaces; <paramref name="fresh"/> reads the cluster now instead of taking a shared answer a few
    /// seconds old (a page told by a watch that something changed must show that change).
    /// </summary>
    public Task<IReadOnlyList<NamespaceView>> ListAsync(UserIdentity user, CancellationToken cancellationToken, bool fresh = false) =>
        fresh
            ? ReadAllAsync(clusters.For(user), cancellationToken)
            : cache.GetAsync(Key(user, null), ct => ReadAllAsync(clusters.For(user), ct)).WaitAsync(cancellationToken);

    /// <summary>One namespace's status, per workload; null when the namespace does not exist.</summary>
    /// <exception cref="ClusterApiException">Kubernetes refused a read (403 names what the user may not read).</exception>
    public async Task<NamespaceMeshStatus?> GetAsync(UserIdentity user, string ns, CancellationToken cancellationToken)
    {
        var api = clusters.For(user);
        try
        {
            // A missing namespace is not kept: one created a moment later shows at once.
            var statuses = await cache.GetAsync(Key(user, ns), async ct =>
                await NamespaceNames.ExistsAsync(api, ns, ct).ConfigureAwait(false)
                    ? await MeshStatusReader.ReadAsync(api, driver, ns, ct).ConfigureAwait(false)
                    : throw new NamespaceMissingException()).WaitAsync(cancellationToken).ConfigureAwait(false);
            return statuses.SingleOrDefault(s => s.Name == ns);
        }
        catch (NamespaceMissingException)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<NamespaceView>> ReadAllAsync(ClusterApi api, CancellationToken cancellationToken)
    {
        try
        {
            return (await MeshStatusReader.ReadAsync(api, driver, null, cancellationToken).ConfigureAwait(false))
                .Select(s => new NamespaceView(s.Name, s, null))
                .OrderBy(v => v.Name, StringComparer.Ordinal)
                .ToList();
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.Forbidden)
        {
        }
        var names = await NamespaceNames.ListAsync(api, cancellationToken).ConfigureAwait(false);
        return await Task.WhenAll(names.Select(name => ReadOneAsync(api, name, cancellationToken))).ConfigureAwait(false);
    }

    private async Task<NamespaceView> ReadOneAsync(ClusterApi api, string name, CancellationToken cancellationToken)
    {
        try
        {
            var status = await MeshStatusReader.ReadAsync(api, driver, name, cancellationToken).ConfigureAwait(false);
            return new NamespaceView(name, status.FirstOrDefault(), null);
        }
        catch (ClusterApiException error) when (error.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return new NamespaceView(name, null, error.Message);
        }
    }

    private static string Key(UserIdentity user, string? ns) => $"namespaces\n{UserClusters.KeyOf(user)}\n{ns}";

    private sealed class NamespaceMissingException : Exception;
}
