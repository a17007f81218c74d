using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Gateway;

/// <summary>How many gateway pods voluntary evictions (node drains) may take away at once: give one of the two.</summary>
public sealed record DisruptionBudget
{
    public int? MinAvailable { get; init; }

    public int? MaxUnavailable { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path, int smallestReplicaCount)
    {
        if ((MinAvailable is null) == (MaxUnavailable is null))
        {
            yield return new(path, "give exactly one of minAvailable or maxUnavailable");
            yield break;
        }
        if (MinAvailable is { } min && (min < 0 || min >= smallestReplicaCount))
        {
            yield return new(FieldPath.Child(path, "minAvailable"), min < 0
                ? $"{min} is negative"
                : $"{min} with {smallestReplicaCount} replicas would block every node drain (must be below the replica count)");
        }
        if (MaxUnavailable is < 1)
        {
            yield return new(FieldPath.Child(path, "maxUnavailable"), $"{MaxUnavailable} would block every node drain (at least 1)");
        }
    }
}
