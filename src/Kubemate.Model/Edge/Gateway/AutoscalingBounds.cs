using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Gateway;

/// <summary>Horizontal autoscaling of the gateway on CPU utilisation.</summary>
public sealed record AutoscalingBounds : IValidatable
{
    public int MinReplicas { get; init; } = 3;

    public int MaxReplicas { get; init; } = 10;

    /// <summary>Target average CPU utilisation in percent of the CPU request.</summary>
    public int CpuTargetPercent { get; init; } = 70;

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (MinReplicas < 1)
        {
            yield return new(FieldPath.Child(path, "minReplicas"), $"{MinReplicas} must be at least 1");
        }
        if (MaxReplicas < MinReplicas)
        {
            yield return new(FieldPath.Child(path, "maxReplicas"), $"{MaxReplicas} is below minReplicas {MinReplicas}");
        }
        foreach (var problem in EdgeChecks.Percent(FieldPath.Child(path, "cpuTargetPercent"), CpuTargetPercent))
        {
            yield return problem;
        }
        if (CpuTargetPercent == 0)
        {
            yield return new(FieldPath.Child(path, "cpuTargetPercent"), "must be above 0%");
        }
    }
}
