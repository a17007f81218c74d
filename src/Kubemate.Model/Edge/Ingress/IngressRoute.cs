using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Ingress;

/// <summary>An HTTP ingress route at the edge: entry points, routes (match, backends, middlewares) and TLS.</summary>
public sealed record IngressRoute : IValidatable
{
    public required EdgeObjectMeta Metadata { get; init; }

    public IReadOnlyList<string>? EntryPoints { get; init; }

    public IReadOnlyList<RouteRule>? Routes { get; init; }

    public RouteTls? Tls { get; init; }

    /// <summary>Fields of the object the model does not understand, by their place in the object (<c>{"spec": {"parentRefs": …}}</c>), carried through untouched.</summary>
    public JsonObject? UnknownFields { get; init; }

    /// <summary>Every host the routes name, in order, without repeats.</summary>
    public IReadOnlyList<string> Hosts() =>
        (Routes ?? []).SelectMany(r => r.Match?.Hosts ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(Metadata.Validate(FieldPath.Child(path, "metadata")));
        var entryPointsPath = FieldPath.Child(path, "entryPoints");
        for (var i = 0; i < (EntryPoints?.Count ?? 0); i++)
        {
            var entryPoint = EntryPoints![i];
            if (string.IsNullOrEmpty(entryPoint) || !entryPoint.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                problems.Add(new(FieldPath.Index(entryPointsPath, i), $"\"{entryPoint}\" is not an entry point name (letters, digits, '-' and '_')"));
            }
        }
        problems.AddRange(EdgeChecks.Unique(entryPointsPath, EntryPoints ?? [], e => $"entry point \"{e}\""));
        var routesPath = FieldPath.Child(path, "routes");
        if (Routes is null || Routes.Count == 0)
        {
            problems.Add(new(routesPath, "at least one route is required"));
        }
        problems.AddRange(EdgeChecks.Each(routesPath, Routes));
        problems.AddRange(EdgeChecks.Unique(
            routesPath,
            (Routes ?? []).Select(r => (r.Match?.Signature() ?? "", r.Priority)),
            key => $"route: another route has the same hosts, paths and priority"));
        if (Tls is not null)
        {
            problems.AddRange(Tls.Validate(FieldPath.Child(path, "tls")));
            if (Tls.Issuer is not null && Hosts().Count == 0)
            {
                problems.Add(new(FieldPath.Child(FieldPath.Child(path, "tls"), "issuer"), "needs at least one host in the routes: the certificate is issued for them"));
            }
        }
        return problems;
    }
}
