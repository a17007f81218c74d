using Kubemate.Application.Access;
using Kubemate.Application.Namespaces;
using Kubemate.Cluster.Identity;

namespace Kubemate.WebConsole.Canary;

/// <summary>The namespaces where a person may create releases: the wizard offers these, and the list shows "New release" when there is one.</summary>
public static class ReleaseNamespaces
{
    public static async Task<IReadOnlyList<string>> WritableAsync(NamespaceStatuses statuses, AccessReviews access, UserIdentity user, CancellationToken cancellationToken)
    {
        var views = await statuses.ListAsync(user, cancellationToken);
        var decisions = await Task.WhenAll(views.Select(v => ReleaseAccess.CanCreateAsync(access, user, v.Name, cancellationToken)));
        return views.Zip(decisions).Where(p => p.Second.Allowed).Select(p => p.First.Name).ToList();
    }
}
