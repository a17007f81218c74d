using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Alerts;

/// <summary>Thresholds of the edge gateway's alerts.</summary>
public sealed record TraefikAlertSettings : IValidatable
{
    public string Namespace { get; init; } = "traefik";

    public string DeploymentName { get; init; } = "traefik";

    /// <summary>Alert when more than this share of a service's responses are 5xx.</summary>
    public double ServerErrorRatio { get; init; } = 0.05;

    public double P99LatencySeconds { get; init; } = 1.0;

    /// <summary>The rate window of the ratio and latency queries.</summary>
    public string Window { get; init; } = "5m";

    /// <summary>How long a condition must hold before the alert fires.</summary>
    public string For { get; init; } = "10m";

    public IEnumerable<ValidationProblem> Validate(string path = "") =>
        EdgeChecks.LabelName(FieldPath.Child(path, "namespace"), Namespace)
            .Concat(EdgeChecks.LabelName(FieldPath.Child(path, "deploymentName"), DeploymentName))
            .Concat(AlertChecks.Ratio(FieldPath.Child(path, "serverErrorRatio"), ServerErrorRatio))
            .Concat(AlertChecks.Positive(FieldPath.Child(path, "p99LatencySeconds"), P99LatencySeconds))
            .Concat(AlertChecks.PromDuration(FieldPath.Child(path, "window"), Window))
            .Concat(AlertChecks.PromDuration(FieldPath.Child(path, "for"), For));
}
