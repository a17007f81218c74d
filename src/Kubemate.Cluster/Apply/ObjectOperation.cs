namespace Kubemate.Cluster.Apply;

/// <summary>What a change amounts to against the cluster's current state.</summary>
public enum ObjectOperation
{
    Create,
    Update,
    Delete,
    None,
}
