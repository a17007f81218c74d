using Kubemate.Cluster.Objects;

namespace Kubemate.Cluster.Apply;

/// <summary>How a change set is applied.</summary>
public sealed record ApplyOptions
{
    /// <summary>Take fields owned by other managers. Only when the user asks; conflicts are reported otherwise.</summary>
    public bool Force { get; init; }

    /// <summary>Dry-run every object before changing any; off only to exercise rollback.</summary>
    public bool DryRunFirst { get; init; } = true;

    public string FieldManager { get; init; } = "kubemate";

    /// <summary>
    /// Optimistic concurrency: the resourceVersion each object had when the change was previewed (null = it did not
    /// exist). An object whose version moved on since then fails with a 409 and <see cref="ObjectResult.Conflicts"/>
    /// instead of overwriting the newer state; objects not listed are applied unconditionally.
    /// </summary>
    public IReadOnlyDictionary<ObjectRef, string?>? ExpectedResourceVersions { get; init; }
}
