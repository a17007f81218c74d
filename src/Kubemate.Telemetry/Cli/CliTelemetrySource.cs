using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Prometheus;

namespace Kubemate.Telemetry.Cli;

/// <summary>
/// Where <c>kubemate stat</c>/<c>edges</c> read from: a running <c>kubemate serve</c> (<c>--server</c> or
/// <c>KUBEMATE_SERVER</c>, bearer <c>--token</c> or <c>KUBEMATE_TOKEN</c>), or Prometheus directly (<c>--prometheus</c>;
/// no cluster needed: workloads come from the metrics alone).
/// </summary>
public sealed class CliTelemetrySource(HttpClient http, Uri? server, string? token, Uri? prometheus)
{
    /// <summary>Resolves flags and environment; returns an error naming the flag when neither source is set or a URL is bad.</summary>
    public static (CliTelemetrySource? Source, string? Error) Resolve(HttpClient http, string? serverFlag, string? tokenFlag, string? prometheusFlag,
        Func<string, string?> environment)
    {
        var serverText = serverFlag ?? environment("KUBEMATE_SERVER");
        var token = tokenFlag ?? environment("KUBEMATE_TOKEN");
        if (prometheusFlag is not null)
        {
            return Uri.TryCreate(prometheusFlag, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? (new CliTelemetrySource(http, null, null, url), null)
                : (null, $"--prometheus: \"{prometheusFlag}\" is not an http(s) URL");
        }
        if (serverText is null)
        {
            return (null, "--server: set --server URL (or KUBEMATE_SERVER) for a running kubemate serve, or --prometheus URL");
        }
        return Uri.TryCreate(serverText, UriKind.Absolute, out var serverUrl) && serverUrl.Scheme is "http" or "https"
            ? (new CliTelemetrySource(http, serverUrl, token, null), null)
            : (null, $"--server: \"{serverText}\" is not an http(s) URL");
    }

    public Task<TelemetryResult<IReadOnlyList<WorkloadStat>>> WorkloadsAsync(string? ns, TelemetryWindow window, CancellationToken cancellationToken) =>
        prometheus is not null
            ? Direct().WorkloadsAsync(ns is null ? null : [ns], window, cancellationToken)
            : new ServerTelemetryClient(http, server!, token).WorkloadsAsync(ns, window, cancellationToken);

    public Task<TelemetryResult<IReadOnlyList<EdgeStat>>> EdgesAsync(string? ns, TelemetryWindow window, CancellationToken cancellationToken) =>
        prometheus is not null
            ? Direct().EdgesAsync(ns is null ? null : [ns], window, cancellationToken)
            : new ServerTelemetryClient(http, server!, token).EdgesAsync(ns, window, cancellationToken);

    private TelemetryService Direct() => new(new PrometheusBackend(http, new PrometheusOptions(prometheus!)));
}
