using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Alerts;

/// <summary>Thresholds of the mesh's alerts.</summary>
public sealed record LinkerdAlertSettings : IValidatable
{
    public string ControlPlaneNamespace { get; init; } = "linkerd";

    /// <summary>Alert when a control-plane container restarts more than this often within <see cref="RestartWindow"/>.</summary>
    public int RestartThreshold { get; init; } = 2;

    public string RestartWindow { get; init; } = "30m";

    /// <summary>Alert when the identity issuer certificate expires within this many days.</summary>
    public int IssuerExpiryDays { get; init; } = 30;

    /// <summary>A proxy using more than this many times the average proxy CPU or memory is an outlier.</summary>
    public double ProxyOutlierFactor { get; init; } = 3.0;

    /// <summary>Alert when a workload's inbound success rate falls below this.</summary>
    public double SuccessRateThreshold { get; init; } = 0.95;

    public string Window { get; init; } = "5m";

    public string For { get; init; } = "10m";

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(EdgeChecks.LabelName(FieldPath.Child(path, "controlPlaneNamespace"), ControlPlaneNamespace));
        if (RestartThreshold < 0)
        {
            problems.Add(new(FieldPath.Child(path, "restartThreshold"), $"{RestartThreshold} is negative"));
        }
        problems.AddRange(AlertChecks.PromDuration(FieldPath.Child(path, "restartWindow"), RestartWindow));
        if (IssuerExpiryDays < 1)
        {
            problems.Add(new(FieldPath.Child(path, "issuerExpiryDays"), $"{IssuerExpiryDays} must be at least 1"));
        }
        if (ProxyOutlierFactor <= 1 || !double.IsFinite(ProxyOutlierFactor))
        {
            problems.Add(new(FieldPath.Child(path, "proxyOutlierFactor"), $"{ProxyOutlierFactor} must be above 1"));
        }
        problems.AddRange(AlertChecks.Ratio(FieldPath.Child(path, "successRateThreshold"), SuccessRateThreshold));
        problems.AddRange(AlertChecks.PromDuration(FieldPath.Child(path, "window"), Window));
        problems.AddRange(AlertChecks.PromDuration(FieldPath.Child(path, "for"), For));
        return problems;
    }
}
