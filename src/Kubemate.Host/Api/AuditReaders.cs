using System.Security.Claims;
using Kubemate.Host.Identity;

namespace Kubemate.Host.Api;

/// <summary>
/// Who reads which audit records. Kubernetes decides, through the user's own rights: whoever may list events in
/// every namespace (cluster admins, the <c>view</c> role bound cluster-wide, i.e. auditors) reads the whole trail and
/// may verify it; everyone else reads only the records of their own actions.
/// </summary>
public sealed class AuditReaders(UserClusters clusters)
{
    public Task<bool> ReadsEverythingAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        AccessReview.AllowsAsync(clusters.For(user), "list", "events", null, cancellationToken);
}
