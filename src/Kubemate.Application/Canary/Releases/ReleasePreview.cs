using System.Text.Json.Nodes;
using Kubemate.Application.Changes;

namespace Kubemate.Application.Canary.Releases;

/// <summary>
/// A release previewed: the server dry run and diff of the <c>CanaryRelease</c> the person applies, and the traffic
/// objects the controller will write when the release starts (rendered for the active mesh; the controller owns them,
/// so they are shown, not applied by the person and not exported).
/// </summary>
public sealed record ReleasePreview(ChangePreview Change, IReadOnlyList<JsonObject> Traffic);
