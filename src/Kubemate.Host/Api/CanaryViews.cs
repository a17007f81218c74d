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
    ReleaseSummary Summary,
    CanaryReleaseSpec Spec,
    CanaryReleaseStatus Status,
    string Window,
    IReadOnlyList<BackendStat>? Metrics,
    IReadOnlyList<string> Warnings)
{
    public static CanaryDetailView Of(ReleaseDetail detail, TelemetryWindow window) =>
        new(detail.Summary, detail.Spec, detail.Status, window.Name, detail.Metrics?.Backends, detail.Warnings);
}

/// <summary>The previewed release (dry run with diff) to apply by <c>previewId</c>, and the traffic objects the controller will write.</summary>
public sealed record CanaryPreviewView(string PreviewId, IReadOnlyList<ChangeSetViews.ObjectResultView> Objects, IReadOnlyList<JsonObject> Traffic);

/// <summary>An action or weight the person wrote into the release, what the controller made of it, and the release after.</summary>
public sealed record CanaryActionView(string Action, ActionState State, string Message, IReadOnlyList<ChangeSetViews.ObjectResultView> Objects, ReleaseSummary? Release)
{
    public static CanaryActionView Of(ActionOutcome outcome) =>
        new(outcome.Verb, outcome.State, outcome.Message, ChangeSetViews.Objects(outcome.Change), outcome.Release);
}
