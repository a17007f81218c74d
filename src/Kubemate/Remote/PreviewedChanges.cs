using Kubemate.Cluster.Apply;

namespace Kubemate.Remote;

/// <summary>A dry run's result and what the backend needs to apply exactly that preview (a preview id, or the local preview).</summary>
public sealed record PreviewedChanges(ChangeSetResult DryRun, object Handle);
