using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;

namespace Kubemate.Direct;

/// <summary>
/// Who the cluster sees for direct commands: the user of the kubeconfig's own credentials, as a SelfSubjectReview
/// reports it (what <c>kubectl auth whoami</c> asks); the kubeconfig's user entry name when the server has no such API.
/// </summary>
public static class DirectIdentity
{
    public static async Task<UserIdentity> ReviewAsync(ClusterApi api, string fallbackName, CancellationToken cancellationToken) =>
        await SelfSubjectReview.ReviewAsync(api, cancellationToken).ConfigureAwait(false) ?? new UserIdentity(fallbackName);
}
