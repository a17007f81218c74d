using Kubemate.Model.Drivers;
using Kubemate.Model.Edge;
using Kubemate.Telemetry.Topology;

namespace Kubemate.Telemetry.Golden;

public sealed record TelemetryOptions
{
    public HealthThresholds Health { get; init; } = new();

    /// <summary>Points per time series (the series spans this many steps of <see cref="TelemetryWindow.SeriesStep"/>).</summary>
    public int SeriesPoints { get; init; } = 30;

    /// <summary>The active mesh driver's conventions: every query is built from its telemetry vocabulary. Required.</summary>
    public MeshConventions? Mesh { get; init; }

    /// <summary>The edge gateway whose own metrics add its edges.</summary>
    public GatewayConventions Gateway { get; init; } = GatewayConventions.Traefik;
}
