using Kubemate.Application.Canary.Resource;

namespace Kubemate.Application.Canary.Releases;

/// <summary>One release as a list shows it: what it splits, its state, the canary's weight and the latest verdict.</summary>
public sealed record ReleaseSummary(
    string Namespace,
    string Name,
    string Service,
    string Stable,
    string Canary,
    ReleaseMode Mode,
    ReleasePhase Phase,
    int Weight,
    bool Paused,
    Verdict? LastVerdict,
    string? Message,
    DateTimeOffset? Created)
{
    public static ReleaseSummary Of(CanaryReleaseObject release) => new(
        release.Namespace,
        release.Name,
        release.Spec.Service,
        release.Spec.Stable,
        release.Spec.Canary,
        release.Spec.Mode,
        release.Status.Phase,
        release.Status.CurrentWeight,
        release.Status.Paused,
        release.Status.History.Count > 0 ? release.Status.History[^1].Verdict : null,
        release.Status.Message,
        release.Created);
}
