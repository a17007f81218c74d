using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Changes;
using Kubemate.Cluster.Apply;

namespace Kubemate.Application.Canary.Controller;

/// <summary>
/// Installs the <c>CanaryRelease</c> kind and its aggregated roles as Kubemate's own identity, through the change
/// path (dry run first, all or nothing, audited); an installed, unchanged kind is left as it is.
/// </summary>
public static class CanaryInstaller
{
    /// <returns>the result per object; a refusal (no right to install CRDs) is in it, not thrown.</returns>
    public static Task<ChangeSetResult> InstallAsync(ChangeService changes, CancellationToken cancellationToken) =>
        changes.ApplyAsync(ChangeSet.ApplyAll([CanaryReleaseCrd.Definition(), .. CanaryReleaseCrd.Roles()]), ct: cancellationToken);
}
