using Kubemate.Application.Canary.Resource;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Application.Canary.Releases;

/// <summary>
/// Everything the release page shows: the summary, the spec, the status with the analysis history (each check with
/// both versions' values and the thresholds), and both versions' golden metrics now, side by side.
/// </summary>
public sealed record ReleaseDetail(
    ReleaseSummary Summary,
    CanaryReleaseSpec Spec,
    CanaryReleaseStatus Status,
    SplitStat? Metrics,
    IReadOnlyList<string> Warnings);
