namespace Kubemate.Remote;

/// <summary>Why an operation was refused, which decides the exit code and what is printed.</summary>
public enum OperationFailure
{
    /// <summary>The input is wrong (bad YAML, a field the server rejects): exit 2, nothing changed.</summary>
    Invalid,

    /// <summary>Kubernetes (or the server) denied the user.</summary>
    Denied,

    /// <summary>Another field manager owns fields the change would set.</summary>
    Conflict,

    /// <summary>Anything else: the operation ran and failed, or the server could not be reached.</summary>
    Failed,
}
