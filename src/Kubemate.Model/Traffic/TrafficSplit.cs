using System.Text.Json.Serialization;
using Kubemate.Model.Collections;
using Kubemate.Model.Preservation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Traffic;

/// <summary>
/// Requests to <see cref="Service"/> (those matching any of <see cref="Matches"/>, or all when there are none) are
/// shared among <see cref="Backends"/> by weight; requests that match none go to the service as usual.
/// Canary: stable and canary backends with a weight each. A/B: matches plus one backend.
/// </summary>
public sealed record TrafficSplit : IMeshModel
{
    [JsonIgnore]
    public string ModelKind => "TrafficSplit";

    public required string Name { get; init; }

    public string? Namespace { get; init; }

    /// <summary>The apex service clients call, in the same namespace.</summary>
    public required string Service { get; init; }

    /// <summary>The apex service port; meshes that route per port need it.</summary>
    public int? Port { get; init; }

    public required ValueList<WeightedBackend> Backends { get; init; }

    public ValueList<RequestMatch> Matches { get; init; } = [];

    public PreservedData? Preserved { get; init; }

    [JsonIgnore]
    public int TotalWeight => Backends.Sum(b => Math.Max(0, b.Weight));

    public IMeshModel WithPreserved(PreservedData? preserved) => this with { Preserved = preserved };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(NameChecks.Dns1123Subdomain(Name, FieldPath.Child(path, "name")));
        problems.AddRange(NameChecks.OptionalDns1123Label(Namespace, FieldPath.Child(path, "namespace")));
        problems.AddRange(NameChecks.Dns1123Label(Service, FieldPath.Child(path, "service")));
        problems.AddRange(PortChecks.OptionalNumber(Port, FieldPath.Child(path, "port")));
        var backendsPath = FieldPath.Child(path, "backends");
        if (Backends.Count == 0)
        {
            problems.Add(new(backendsPath, "a split needs at least one backend"));
        }
        for (var i = 0; i < Backends.Count; i++)
        {
            problems.AddRange(Backends[i].Validate(FieldPath.Index(backendsPath, i)));
            var first = Backends.Take(i).ToList().FindIndex(b => b.Service == Backends[i].Service && b.Port == Backends[i].Port && b.Subset?.Name == Backends[i].Subset?.Name);
            if (first >= 0)
            {
                problems.Add(new(FieldPath.Index(backendsPath, i), $"duplicates {FieldPath.Index(backendsPath, first)}"));
            }
        }
        if (Backends.Count > 0 && Backends.All(b => b.Weight <= 0))
        {
            problems.Add(new(backendsPath, "all weights are zero; at least one backend must get traffic"));
        }
        problems.AddRange(RequestMatch.ValidateList(Matches, FieldPath.Child(path, "matches")));
        return problems;
    }
}
