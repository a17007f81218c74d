namespace Kubemate.Cluster.Apply;

/// <summary>What happened to one object of a change set.</summary>
public enum ObjectStatus
{
    /// <summary>The server accepted it in a dry run; the cluster was not changed.</summary>
    DryRunOk,
    /// <summary>It was changed in the cluster and stays changed.</summary>
    Applied,
    /// <summary>The cluster already matched it; nothing was sent.</summary>
    Unchanged,
    /// <summary>It was changed, then restored to its previous state (or deleted, if it was created) because another object failed.</summary>
    RolledBack,
    /// <summary>The server refused it, or restoring it failed; <see cref="ObjectResult.Reason"/> says why.</summary>
    Failed,
    /// <summary>Not attempted because an earlier object failed.</summary>
    Skipped,
}
