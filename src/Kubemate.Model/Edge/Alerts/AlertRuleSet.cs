using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Alerts;

/// <summary>The alert rules Kubemate installs for the edge gateway and the mesh (one PrometheusRule).</summary>
public sealed record AlertRuleSet : IValidatable
{
    /// <summary>Name and namespace of the rule object; its labels must match the Prometheus rule selector.</summary>
    public EdgeObjectMeta Metadata { get; init; } = EdgeObjectMeta.Named("kubemate-alerts", "monitoring");

    /// <summary>Null leaves the gateway's alerts out.</summary>
    public TraefikAlertSettings? Traefik { get; init; } = new();

    /// <summary>Null leaves the mesh's alerts out.</summary>
    public LinkerdAlertSettings? Linkerd { get; init; } = new();

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(Metadata.Validate(FieldPath.Child(path, "metadata")));
        if (Metadata.Namespace is null)
        {
            problems.Add(new(FieldPath.Child(FieldPath.Child(path, "metadata"), "namespace"), "is required"));
        }
        if (Traefik is null && Linkerd is null)
        {
            problems.Add(new(path, "enable the gateway's alerts, the mesh's, or both"));
        }
        problems.AddRange(Traefik?.Validate(FieldPath.Child(path, "traefik")) ?? []);
        problems.AddRange(Linkerd?.Validate(FieldPath.Child(path, "linkerd")) ?? []);
        return problems;
    }
}
