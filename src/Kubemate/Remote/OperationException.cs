using Kubemate.Cluster.Apply;

namespace Kubemate.Remote;

/// <summary>An operation the backend refused or could not run, with the reasons the user needs to act on.</summary>
public sealed class OperationException(OperationFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public OperationFailure Failure { get; } = failure;

    /// <summary>Field path to reasons, for invalid input.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<FieldConflict> Conflicts { get; init; } = [];

    /// <summary>Each object's result when the server reported them with the refusal (a failed dry run or apply); else null.</summary>
    public IReadOnlyList<ObjectResult>? Objects { get; init; }
}
