using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Telemetry;

/// <summary>Colours and resource keys of a <see cref="HealthClass"/>, shared by the graph, the tables and the overview.</summary>
public static class HealthStyle
{
    // Literal colours rather than theme variables: the SVG is exported as a standalone file and must keep them.
    public static string Colour(HealthClass health) => health switch
    {
        HealthClass.Healthy => "#2e7d32",
        HealthClass.Degraded => "#ed6c02",
        HealthClass.Failing => "#d32f2f",
        _ => "#9e9e9e",
    };

    /// <summary>The key in <c>TelemetryText.resx</c> of the health's name.</summary>
    public static string TextKey(HealthClass health) => health switch
    {
        HealthClass.Healthy => "HealthHealthy",
        HealthClass.Degraded => "HealthDegraded",
        HealthClass.Failing => "HealthFailing",
        _ => "HealthNoTraffic",
    };

    public static MudBlazor.Color ChipColour(HealthClass health) => health switch
    {
        HealthClass.Healthy => MudBlazor.Color.Success,
        HealthClass.Degraded => MudBlazor.Color.Warning,
        HealthClass.Failing => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };
}
