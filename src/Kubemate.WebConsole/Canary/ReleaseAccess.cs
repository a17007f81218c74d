using Kubemate.Application.Access;
using Kubemate.Application.Canary.Resource;
using Kubemate.Cluster.Access;
using Kubemate.Cluster.Identity;

namespace Kubemate.WebConsole.Canary;

/// <summary>
/// Whether Kubernetes lets a person write releases in a namespace: the buttons, the slider and the wizard are shown
/// only then. A person acts by writing the release (its spec, or an action in its annotation), so one review answers both.
/// </summary>
public static class ReleaseAccess
{
    public static Task<AccessDecision> CanCreateAsync(AccessReviews access, UserIdentity user, string ns, CancellationToken cancellationToken) =>
        access.CanAsync(user, new ResourceAccess("create", CanaryReleaseCrd.Group, CanaryReleaseCrd.Plural, ns), cancellationToken);

    public static Task<AccessDecision> CanActAsync(AccessReviews access, UserIdentity user, string ns, string name, CancellationToken cancellationToken) =>
        access.CanAsync(user, new ResourceAccess("patch", CanaryReleaseCrd.Group, CanaryReleaseCrd.Plural, ns, name), cancellationToken);
}
