namespace Kubemate.Telemetry.Topology;

public enum HealthClass
{
    NoTraffic,
    Healthy,
    /// <summary>Some responses failed (any failure counts by default, like Kiali's "any 5xx").</summary>
    Degraded,
    /// <summary>The failure ratio reached the failing threshold (10% by default, like Kiali).</summary>
    Failing,
}

/// <summary>
/// When a workload or edge is degraded or failing, by its failure ratio (failures / responses; Linkerd classifies
/// 5xx and gRPC errors as failures). Degraded when the ratio is above <see cref="DegradedAbove"/>, failing when it is at
/// least <see cref="FailingAtOrAbove"/>.
/// </summary>
public sealed record HealthThresholds(double DegradedAbove = 0.0, double FailingAtOrAbove = 0.10)
{
    public HealthClass Classify(double responses, double failures)
    {
        if (responses <= 0)
        {
            return HealthClass.NoTraffic;
        }
        var ratio = failures / responses;
        return ratio >= FailingAtOrAbove ? HealthClass.Failing : ratio > DegradedAbove ? HealthClass.Degraded : HealthClass.Healthy;
    }

    public void Validate()
    {
        if (DegradedAbove < 0 || FailingAtOrAbove > 1 || DegradedAbove >= FailingAtOrAbove)
        {
            throw new ArgumentException("health: need 0 <= degradedAbove < failingAtOrAbove <= 1");
        }
    }
}
