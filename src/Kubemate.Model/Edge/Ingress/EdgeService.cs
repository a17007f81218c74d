using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Ingress;

/// <summary>
/// A load-balancing service at the edge (TraefikService). Weighted backends are modelled (the edge canary);
/// other strategies (mirroring, failover, highest random weight) are kept verbatim in <see cref="UnknownFields"/>.
/// </summary>
public sealed record EdgeService : IValidatable
{
    public required EdgeObjectMeta Metadata { get; init; }

    /// <summary>The weighted backends; null when the service uses another strategy.</summary>
    public IReadOnlyList<RouteBackend>? WeightedBackends { get; init; }

    /// <summary>Fields of the object the model does not understand, by their place in the object, carried through untouched.</summary>
    public JsonObject? UnknownFields { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(Metadata.Validate(FieldPath.Child(path, "metadata")));
        var backendsPath = FieldPath.Child(path, "weightedBackends");
        if (WeightedBackends is null && UnknownFields?["spec"] is null)
        {
            problems.Add(new(backendsPath, "is required (or another strategy kept from the original object)"));
        }
        problems.AddRange(EdgeChecks.Each(backendsPath, WeightedBackends));
        problems.AddRange(BackendWeights.Validate(backendsPath, WeightedBackends, required: WeightedBackends is not null));
        return problems;
    }
}
