using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Ingress;

/// <summary>An edge canary: a percentage of the traffic goes to the canary backend, the rest to the stable one.</summary>
public sealed record EdgeCanary : IValidatable
{
    public required EdgeObjectMeta Metadata { get; init; }

    public required RouteBackend Stable { get; init; }

    public required RouteBackend Canary { get; init; }

    /// <summary>The canary's share of the traffic, 0 to 100.</summary>
    public int CanaryPercent { get; init; }

    /// <summary>The weighted service that carries the split: weights are the percentages.</summary>
    public EdgeService ToEdgeService() => new()
    {
        Metadata = Metadata,
        WeightedBackends = [Stable with { Weight = 100 - CanaryPercent }, Canary with { Weight = CanaryPercent }],
    };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(Metadata.Validate(FieldPath.Child(path, "metadata")));
        problems.AddRange(Stable.Validate(FieldPath.Child(path, "stable")));
        problems.AddRange(Canary.Validate(FieldPath.Child(path, "canary")));
        problems.AddRange(EdgeChecks.Percent(FieldPath.Child(path, "canaryPercent"), CanaryPercent));
        if (Stable.Name == Canary.Name && Stable.Namespace == Canary.Namespace && Stable.Kind == Canary.Kind && Stable.Port == Canary.Port)
        {
            problems.Add(new(FieldPath.Child(path, "canary"), "must differ from the stable backend"));
        }
        return problems;
    }
}
