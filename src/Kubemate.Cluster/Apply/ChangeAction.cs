namespace Kubemate.Cluster.Apply;

/// <summary>What a change does: apply (create or update, by server-side apply) or delete.</summary>
public enum ChangeAction
{
    Apply,
    Delete,
}
