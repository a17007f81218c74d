using Kubemate.Model.Collections;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Traffic;

/// <summary>One destination of a traffic split: a Service (optionally only its pods of one subset) and its weight.</summary>
public sealed record WeightedBackend : IValidatable
{
    public required string Service { get; init; }

    /// <summary>Relative share of the traffic; a driver may require the weights to total 100.</summary>
    public required int Weight { get; init; }

    /// <summary>The service port; null means the split's port.</summary>
    public int? Port { get; init; }

    /// <summary>Only the pods of this subset of the service (e.g. <c>version: v2</c>); meshes without subsets reject it.</summary>
    public BackendSubset? Subset { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        foreach (var problem in NameChecks.Dns1123Label(Service, FieldPath.Child(path, "service"))
            .Concat(PortChecks.OptionalNumber(Port, FieldPath.Child(path, "port"))))
        {
            yield return problem;
        }
        if (Weight < 0)
        {
            yield return new(FieldPath.Child(path, "weight"), $"weight {Weight} is negative");
        }
        if (Subset is not null)
        {
            foreach (var problem in Subset.Validate(FieldPath.Child(path, "subset")))
            {
                yield return problem;
            }
        }
    }
}

/// <summary>A named subset of a service's pods, chosen by labels (Istio DestinationRule subsets).</summary>
public sealed record BackendSubset : IValidatable
{
    public required string Name { get; init; }

    public required ValueMap Labels { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        foreach (var problem in NameChecks.Dns1123Label(Name, FieldPath.Child(path, "name")))
        {
            yield return problem;
        }
        if (Labels.Count == 0)
        {
            yield return new(FieldPath.Child(path, "labels"), "a subset needs at least one label");
        }
        foreach (var (key, value) in Labels)
        {
            var keyPath = FieldPath.Key(FieldPath.Child(path, "labels"), key);
            foreach (var problem in NameChecks.LabelKey(key, keyPath).Concat(NameChecks.LabelValue(value, keyPath)))
            {
                yield return problem;
            }
        }
    }
}
