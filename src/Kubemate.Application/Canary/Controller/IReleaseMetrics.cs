using Kubemate.Telemetry.Golden;

namespace Kubemate.Application.Canary.Controller;

/// <summary>Both versions' golden metrics over a window, for one check; null when telemetry cannot answer (no check then).</summary>
public interface IReleaseMetrics
{
    Task<(GoldenMetrics Stable, GoldenMetrics Canary)?> ReadAsync(string ns, string service, string stable, string canary, TimeSpan window, CancellationToken cancellationToken);
}

/// <summary>The metrics from the telemetry layer's split comparison: callers' outbound requests by backend Service.</summary>
public sealed class TelemetryReleaseMetrics(TelemetryService telemetry) : IReleaseMetrics
{
    public async Task<(GoldenMetrics Stable, GoldenMetrics Canary)?> ReadAsync(string ns, string service, string stable, string canary, TimeSpan window, CancellationToken cancellationToken)
    {
        var result = await telemetry.SplitAsync(ns, service, [stable, canary], TelemetryWindow.Analysis(window), cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } split)
        {
            return null;
        }
        GoldenMetrics Of(string backend) => split.Backends.FirstOrDefault(b => b.Service == backend)?.Metrics ?? GoldenMetrics.None;
        return (Of(stable), Of(canary));
    }
}
