using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Gateway;

/// <summary>CPU and memory requests and limits of the gateway container, as Kubernetes quantities.</summary>
public sealed record ContainerResources : IValidatable
{
    public string? CpuRequest { get; init; }

    public string? MemoryRequest { get; init; }

    public string? CpuLimit { get; init; }

    public string? MemoryLimit { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "") =>
        EdgeChecks.Quantity(FieldPath.Child(path, "cpuRequest"), CpuRequest)
            .Concat(EdgeChecks.Quantity(FieldPath.Child(path, "memoryRequest"), MemoryRequest))
            .Concat(EdgeChecks.Quantity(FieldPath.Child(path, "cpuLimit"), CpuLimit))
            .Concat(EdgeChecks.Quantity(FieldPath.Child(path, "memoryLimit"), MemoryLimit));
}
