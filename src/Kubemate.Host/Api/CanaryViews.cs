using System.ComponentModel;
using System.Text.Json.Nodes;
using Kubemate.Application.Canary.Releases;
using Kubemate.Application.Canary.Resource;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Host.Api;

// The JSON shapes of the canary endpoints' answers (top-level names: the OpenAPI schema ids are the type names).

/// <summary>
/// A release with its status and analysis history, and both versions' golden metrics over <c>window</c> side by side
/// (null with a warning when telemetry cannot answer).
/// </summary>
public sealed record CanaryDetailView(
    CanarySummaryView Summary,
    CanaryReleaseSpec Spec,
    CanaryReleaseStatus Status,
    string Window,
    IReadOnlyList<BackendStat>? Metrics,
    IReadOnlyList<string> Warnings)
{
    public static CanaryDetailView Of(ReleaseDetail detail, TelemetryWindow window) =>
        new(CanarySummaryView.Of(detail.Summary), detail.Spec, detail.Status, window.Name, detail.Metrics?.Backends, detail.Warnings);
}

/// <summary>The previewed release (dry run with diff) to apply by <c>previewId</c>, and the traffic objects the controller will write.</summary>
public sealed record CanaryPreviewView(string PreviewId, IReadOnlyList<ChangeSetViews.ObjectResultView> Objects, IReadOnlyList<JsonObject> Traffic);

/// <summary>An action or weight the person wrote into the release, what the controller made of it, and the release after.</summary>
public sealed record CanaryActionView(string Action, ActionState State, string Message, IReadOnlyList<ChangeSetViews.ObjectResultView> Objects, CanarySummaryView? Release)
{
    public static CanaryActionView Of(ActionOutcome outcome) =>
        new(outcome.Verb, outcome.State, outcome.Message, ChangeSetViews.Objects(outcome.Change), outcome.Release is null ? null : CanarySummaryView.Of(outcome.Release));
}

/// <summary>
/// A release as a list shows it (<see cref="ReleaseSummary"/>), with the latest verdict as text: a nullable enum
/// member is a schema the client generator cannot read back.
/// </summary>
public sealed record CanarySummaryView(
    string Namespace,
    string Name,
    string Service,
    string Stable,
    string Canary,
    ReleaseMode Mode,
    ReleasePhase Phase,
    int Weight,
    bool Paused,
    [property: Description("Pass, Fail or NotEnoughRequests; null before the first check")] string? LastVerdict,
    string? Message,
    DateTimeOffset? Created)
{
    public static CanarySummaryView Of(ReleaseSummary release) => new(release.Namespace, release.Name, release.Service, release.Stable, release.Canary,
        release.Mode, release.Phase, release.Weight, release.Paused, release.LastVerdict?.ToString(), release.Message, release.Created);
}
