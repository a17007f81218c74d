using System.Security.Claims;
using Kubemate.Application.Identity;
using Kubemate.Cluster.Access;
using Kubemate.Cluster.Identity;

namespace Kubemate.Application.Access;

/// <summary>
/// Who reads which audit records, on every surface. Kubernetes decides, through the user's own rights: whoever may
/// list events in every namespace (cluster admins, the <c>view</c> role bound cluster-wide, i.e. auditors) reads the
/// whole trail and may verify it; everyone else reads only the records of their own actions.
/// </summary>
public sealed class AuditReaders(AccessReviews access)
{
    public async Task<bool> ReadsEverythingAsync(UserIdentity user, CancellationToken cancellationToken) =>
        (await access.CanAsync(user, new ResourceAccess("list", "", "events"), cancellationToken).ConfigureAwait(false)).Allowed;

    public Task<bool> ReadsEverythingAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ReadsEverythingAsync(user.ToUserIdentity(), cancellationToken);
}
