using Kubemate.Telemetry.Topology;

namespace Kubemate.Telemetry.Golden;

public sealed record TelemetryOptions
{
    public HealthThresholds Health { get; init; } = new();

    /// <summary>Points per time series (the series spans this many steps of <see cref="TelemetryWindow.SeriesStep"/>).</summary>
    public int SeriesPoints { get; init; } = 30;
}
