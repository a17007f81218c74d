namespace Kubemate.Cluster.Apply;

/// <summary>How a change set is applied.</summary>
public sealed record ApplyOptions
{
    /// <summary>Take fields owned by other managers. Only when the user asks; conflicts are reported otherwise.</summary>
    public bool Force { get; init; }

    /// <summary>Dry-run every object before changing any; off only to exercise rollback.</summary>
    public bool DryRunFirst { get; init; } = true;

    public string FieldManager { get; init; } = "kubemate";
}
