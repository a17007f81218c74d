using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Ingress;

/// <summary>Where a route sends traffic: a Kubernetes Service, or another edge service (weighted, mirroring …), with an optional weight.</summary>
public sealed record RouteBackend : IValidatable
{
    public const string ServiceKind = "Service";
    public const string EdgeServiceKind = "TraefikService";

    public required string Name { get; init; }

    public string? Namespace { get; init; }

    /// <summary><c>Service</c> (the default when null) or <c>TraefikService</c>.</summary>
    public string? Kind { get; init; }

    public BackendPort? Port { get; init; }

    /// <summary>Relative weight among the backends of one route or weighted service; the edge treats a missing weight as 1.</summary>
    public int? Weight { get; init; }

    /// <summary>How the edge talks to the backend: <c>http</c> (default), <c>https</c> or <c>h2c</c>.</summary>
    public string? Scheme { get; init; }

    /// <summary>False sends the backend's own host name instead of the client's Host header (needed for outside services).</summary>
    public bool? PassHostHeader { get; init; }

    public JsonObject? UnknownFields { get; init; }

    public bool IsEdgeService => Kind == EdgeServiceKind;

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        if (Kind is not null and not ServiceKind and not EdgeServiceKind)
        {
            problems.Add(new(FieldPath.Child(path, "kind"), $"\"{Kind}\" is not a backend kind (Service or TraefikService)"));
        }
        problems.AddRange(IsEdgeService
            ? EdgeChecks.ObjectName(FieldPath.Child(path, "name"), Name)
            : EdgeChecks.LabelName(FieldPath.Child(path, "name"), Name));
        problems.AddRange(EdgeChecks.OptionalNamespace(FieldPath.Child(path, "namespace"), Namespace));
        if (Port is not null)
        {
            problems.AddRange(Port.Validate(FieldPath.Child(path, "port")));
        }
        if (Scheme is not null and not ("http" or "https" or "h2c"))
        {
            problems.Add(new(FieldPath.Child(path, "scheme"), $"\"{Scheme}\" is not http, https or h2c"));
        }
        if (Weight < 0)
        {
            problems.Add(new(FieldPath.Child(path, "weight"), $"weight {Weight} is negative"));
        }
        return problems;
    }
}
