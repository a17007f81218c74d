using Kubemate.Application.Access;
using Kubemate.Application.Namespaces;
using Kubemate.Cluster.Identity;

namespace Kubemate.WebConsole.Onboarding;

/// <summary>
/// The namespaces page's rows: the namespaces the user may list with their mesh status (a namespace whose pods the
/// user may not read still gets a row, without counts, saying so), each with whether the user may switch it.
/// </summary>
public static class NamespaceRowsReader
{
    /// <param name="fresh">read the cluster now: the page was told that namespaces or pods changed.</param>
    public static async Task<IReadOnlyList<NamespaceRow>> ReadAsync(NamespaceStatuses statuses, AccessReviews access, UserIdentity user, CancellationToken cancellationToken,
        bool fresh = false)
    {
        var views = await statuses.ListAsync(user, cancellationToken, fresh);
        var decisions = await Task.WhenAll(views.Select(v => access.CanSwitchInjectionAsync(user, v.Name, cancellationToken)));
        return views.Zip(decisions, (v, decision) => new NamespaceRow(v.Name, v.Status, v.ReadDenied, decision)).ToList();
    }
}
