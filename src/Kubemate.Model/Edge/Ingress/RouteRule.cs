using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Ingress;

/// <summary>One route of an ingress route: a match, its backends and the middlewares applied on the way.</summary>
public sealed record RouteRule : IValidatable
{
    public RouteMatch? Match { get; init; }

    /// <summary>The edge's rule kind (<c>Rule</c>); kept as read.</summary>
    public string? Kind { get; init; }

    public int? Priority { get; init; }

    public IReadOnlyList<RouteBackend>? Services { get; init; }

    public IReadOnlyList<MiddlewareRef>? Middlewares { get; init; }

    public JsonObject? UnknownFields { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        if (Match is null)
        {
            problems.Add(new(FieldPath.Child(path, "match"), "is required"));
        }
        else
        {
            problems.AddRange(Match.Validate(FieldPath.Child(path, "match")));
        }
        if (Kind is not null and not "Rule")
        {
            problems.Add(new(FieldPath.Child(path, "kind"), $"\"{Kind}\" is not a route kind (Rule)"));
        }
        if (Priority < 0)
        {
            problems.Add(new(FieldPath.Child(path, "priority"), $"priority {Priority} is negative"));
        }
        var servicesPath = FieldPath.Child(path, "services");
        problems.AddRange(EdgeChecks.Each(servicesPath, Services));
        problems.AddRange(BackendWeights.Validate(servicesPath, Services, required: true));
        problems.AddRange(EdgeChecks.Each(FieldPath.Child(path, "middlewares"), Middlewares));
        return problems;
    }
}
